<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * libvodkit cannot be used: the FFI extension is missing or disabled by
 * `ffi.enable`, the library file was not found, or its ABI version differs
 * from the package's. The message names the fix (php.ini setting or the
 * VODKIT_LIBRARY environment variable). Code 0.
 */
class LibraryException extends \Vodkit\Exception
{
}
