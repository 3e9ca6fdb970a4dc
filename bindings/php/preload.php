<?php

/*
 * For PHP-FPM (or any server SAPI), in php.ini:
 *
 *     ffi.enable=preload
 *     opcache.enable=1
 *     opcache.preload=/path/to/bindings/php/preload.php
 *     opcache.preload_user=www-data
 *
 * At server start this loads every class of the package into opcache (under
 * ffi.enable=preload only preloaded code may use FFI outside the CLI) and
 * registers the FFI scope "VODKIT" (header parsed and library opened once,
 * not per request). The library is found as at run time (Vodkit\Library):
 * VODKIT_LIBRARY, the package's lib/ (bin/vodkit-install-lib), in a
 * repository checkout its target/release and target/debug, then the system
 * loader. A missing library stops the server with a clear message.
 *
 * When the server starts as root, opcache preloads in a child process and
 * FFI::load() refuses to run there: the classes are still preloaded and
 * use FFI::cdef() per request, or register the scope with ffi.preload (see
 * bin/vodkit-ffi-header.php).
 */

declare(strict_types=1);

require __DIR__ . '/autoload.php';

Vodkit\Library::preload();
