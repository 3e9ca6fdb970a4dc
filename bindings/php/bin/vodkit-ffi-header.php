<?php

/*
 * Writes the header for php.ini's `ffi.preload`, which registers the FFI
 * scope "VODKIT" at startup in every PHP process (use it when
 * opcache.preload_user prevents preload.php from doing so):
 *
 *     php bin/vodkit-ffi-header.php /etc/php/vodkit.h [/path/to/libvodkit.so]
 *     # php.ini: ffi.preload=/etc/php/vodkit.h
 *
 * The library path is written into the header (FFI_LIB), resolved now as the
 * package would (argument, VODKIT_LIBRARY, lib/, a checkout's target/release
 * and target/debug, else the bare versioned name the system loader resolves).
 */

declare(strict_types=1);

require dirname(__DIR__) . '/autoload.php';

if ($argc < 2) {
    fwrite(STDERR, "usage: php {$argv[0]} OUTPUT.h [LIBRARY]\n");
    exit(2);
}
try {
    $library = Vodkit\Library::find($argv[2] ?? null);
    if (file_put_contents($argv[1], Vodkit\Library::scopedHeader($library)) === false) {
        fwrite(STDERR, "cannot write {$argv[1]}\n");
        exit(1);
    }
    echo "wrote {$argv[1]} for $library\n";
} catch (Vodkit\Exception $e) {
    fwrite(STDERR, $e->getMessage() . "\n");
    exit(1);
}
