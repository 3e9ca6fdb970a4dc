<?php

declare(strict_types=1);

namespace Vodkit;

use FFI;
use Vodkit\Exception\LibraryException;

/**
 * Finds and loads libvodkit through FFI, once per process (or request).
 *
 * Where the library comes from, first match wins:
 *  1. the path given to Library::load('/path/to/libvodkit.so');
 *  2. the environment variable VODKIT_LIBRARY;
 *  3. the package's own lib/ directory (lib/libvodkit.so), which
 *     bin/vodkit-install-lib fills from a release archive or a cargo build;
 *  4. only when the package sits in the vodkit repository (a checkout, not
 *     an installed package): the repository's target/release, then
 *     target/debug;
 *  5. the system's dynamic loader, by the installed library's versioned
 *     name (libvodkit.so.<ABI>: LD_LIBRARY_PATH, ld.so.cache, /usr/lib, …),
 *     as installed by the repository's scripts/install or a distribution.
 *
 * With opcache preloading (preload.php, for PHP-FPM) the declarations are
 * registered once at server start as the FFI scope "VODKIT" and each request
 * only calls FFI::scope('VODKIT'); otherwise FFI::cdef() parses the
 * package's preprocessor-free header (include/vodkit_php.h).
 */
final class Library
{
    /** The FFI scope registered by preload.php (FFI::load) or ffi.preload. */
    public const SCOPE = 'VODKIT';
    /** The environment variable naming the library file. */
    public const ENV = 'VODKIT_LIBRARY';

    private static ?FFI $ffi = null;
    private static ?string $path = null;
    private static ?string $mode = null;

    private function __construct()
    {
    }

    /**
     * Loads the library (from $library when given, else by the search
     * order above) and returns its FFI object. Calling it again without a
     * path returns the loaded one; with a path, it loads that file instead
     * (objects created before keep using the library they came from).
     *
     * @throws LibraryException when FFI is unavailable or the library is missing
     */
    public static function load(?string $library = null): FFI
    {
        if ($library === null && self::$ffi !== null) {
            return self::$ffi;
        }
        self::checkFfi();
        $ffi = null;
        $mode = 'cdef';
        $path = null;
        if ($library === null) {
            try {
                $ffi = FFI::scope(self::SCOPE);
                $mode = 'scope';
            } catch (\FFI\Exception) {
                $ffi = null; // not preloaded: parse the header below
            }
        }
        if ($ffi === null) {
            $path = self::find($library);
            $header = file_get_contents(self::headerPath());
            if ($header === false) {
                throw new LibraryException('cannot read ' . self::headerPath());
            }
            try {
                $ffi = FFI::cdef($header, $path);
            } catch (\FFI\Exception $e) {
                if ($path === self::systemName() && !str_contains($e->getMessage(), 'ffi.enable')) {
                    throw new LibraryException(self::notFound($e->getMessage()), 0, previous: $e);
                }
                if (str_contains($e->getMessage(), 'ffi.enable')) {
                    throw new LibraryException(
                        'FFI is restricted to preloaded code here (ffi.enable=preload outside the CLI): '
                        . 'set opcache.preload=' . self::preloadPath() . ' (and opcache.preload_user) in php.ini '
                        . 'so that the package is preloaded, or ffi.enable=true.',
                        0,
                        previous: $e,
                    );
                }
                throw new LibraryException(
                    "cannot load $path: {$e->getMessage()} (point " . self::ENV
                    . ' at a libvodkit built for this machine, e.g. `cargo build --release`)',
                    0,
                    previous: $e,
                );
            }
        }
        $abi = (int) $ffi->vodkit_abi_version();
        if ($abi !== Constants::VODKIT_ABI_VERSION) {
            throw new LibraryException(sprintf(
                'libvodkit %s (%s) speaks ABI %d, this package ABI %d: use the library and the package of the same release',
                (string) $ffi->vodkit_version(),
                $path ?? 'FFI scope ' . self::SCOPE,
                $abi,
                Constants::VODKIT_ABI_VERSION,
            ));
        }
        self::$ffi = $ffi;
        self::$path = $path;
        self::$mode = $mode;
        return $ffi;
    }

    /** The loaded FFI object, loading the library on first use. */
    public static function ffi(): FFI
    {
        return self::$ffi ?? self::load();
    }

    /** "scope" (preloaded) or "cdef" (header parsed at load), null before loading. */
    public static function mode(): ?string
    {
        return self::$mode;
    }

    /** The library file loaded by FFI::cdef (null when loaded from the scope). */
    public static function path(): ?string
    {
        return self::$path;
    }

    /** The library version, "MAJOR.MINOR.PATCH". */
    public static function version(): string
    {
        return (string) self::ffi()->vodkit_version();
    }

    /** The ABI version the loaded library implements. */
    public static function abiVersion(): int
    {
        return (int) self::ffi()->vodkit_abi_version();
    }

    /**
     * How many handles, errors and strings the library has handed out and not
     * had back (`vodkit_live_objects`): the package's tests use it to prove
     * every object is freed.
     */
    public static function liveObjects(): int
    {
        return (int) self::ffi()->vodkit_live_objects();
    }

    /** The library's file name on this platform. */
    public static function fileName(): string
    {
        return match (PHP_OS_FAMILY) {
            'Darwin' => 'libvodkit.dylib',
            'Windows' => 'vodkit.dll',
            default => 'libvodkit.so',
        };
    }

    /**
     * The library's versioned name for the system's dynamic loader (step 5
     * of the search order): the name an install's SONAME gives, so a
     * library of another ABI is not picked up by its unversioned symlink.
     */
    public static function systemName(): string
    {
        return match (PHP_OS_FAMILY) {
            'Darwin' => 'libvodkit.dylib',
            'Windows' => 'vodkit.dll',
            default => 'libvodkit.so.' . Constants::VODKIT_ABI_VERSION,
        };
    }

    /**
     * The library to load: $explicit, else $VODKIT_LIBRARY, else the first
     * existing default location, else systemName() (a bare name the
     * dynamic loader resolves when FFI loads it).
     *
     * @throws LibraryException when $explicit or VODKIT_LIBRARY names a missing file
     */
    public static function find(?string $explicit = null): string
    {
        if ($explicit !== null) {
            if (!is_file($explicit)) {
                throw new LibraryException("libvodkit not found at $explicit (the path given to Library::load)");
            }
            return $explicit;
        }
        $env = getenv(self::ENV);
        if (is_string($env) && $env !== '') {
            if (!is_file($env)) {
                throw new LibraryException(self::ENV . "=$env, but there is no such file: point it at libvodkit");
            }
            return $env;
        }
        foreach (self::defaultLocations() as $candidate) {
            if (is_file($candidate)) {
                return $candidate;
            }
        }
        return self::systemName();
    }

    /**
     * @return list<string> the package's own locations, in search order: its
     * lib/, then (in a checkout of the vodkit repository only) the cargo builds
     */
    public static function defaultLocations(): array
    {
        $package = dirname(__DIR__);
        $name = self::fileName();
        $locations = ["$package/lib/$name"];
        $repo = dirname($package, 2);
        if (is_file("$repo/Cargo.toml")) {
            $locations[] = "$repo/target/release/$name";
            $locations[] = "$repo/target/debug/$name";
        }
        return $locations;
    }

    /** The message when no step of the search order found the library. */
    private static function notFound(string $loaderError): string
    {
        return 'libvodkit not found: set the environment variable ' . self::ENV . ' to its path '
            . '(or call Vodkit\Library::load($path)), or install it into the package with '
            . '`vendor/bin/vodkit-install-lib vodkit-<version>-<target>.tar.gz` (a release archive, path or URL); '
            . 'looked in ' . implode(', ', self::defaultLocations())
            . ' and asked the system loader for ' . self::systemName() . " ($loaderError)";
    }

    /** The package's preprocessor-free header (generated by build.rs). */
    public static function headerPath(): string
    {
        return dirname(__DIR__) . '/include/vodkit_php.h';
    }

    /** The package's preload.php, for `opcache.preload`. */
    public static function preloadPath(): string
    {
        return dirname(__DIR__) . '/preload.php';
    }

    /**
     * The header FFI::load() and `ffi.preload` take: the scope and library
     * lines, then the package's header.
     */
    public static function scopedHeader(string $library): string
    {
        $header = file_get_contents(self::headerPath());
        if ($header === false) {
            throw new LibraryException('cannot read ' . self::headerPath());
        }
        $real = realpath($library);
        return '#define FFI_SCOPE "' . self::SCOPE . "\"\n"
            . '#define FFI_LIB "' . addcslashes($real === false ? $library : $real, "\"\\") . "\"\n"
            . $header;
    }

    /**
     * What preload.php runs under `opcache.preload`: loads every class of the
     * package (so their code may use FFI under `ffi.enable=preload`) and
     * registers the FFI scope "VODKIT". Returns whether the scope was
     * registered: FFI::load() refuses to run when opcache preloads in a
     * child process (PHP-FPM started as root with opcache.preload_user); the
     * preloaded classes then fall back to FFI::cdef() per request, or
     * `ffi.preload` registers the scope (see bin/vodkit-ffi-header.php).
     *
     * @throws LibraryException when FFI is disabled or the library is missing
     */
    public static function preload(?string $library = null): bool
    {
        $src = __DIR__;
        $files = new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($src, \FilesystemIterator::SKIP_DOTS));
        $classes = [];
        foreach ($files as $file) {
            if ($file->getExtension() === 'php') {
                $relative = substr($file->getPathname(), strlen($src) + 1, -4);
                $classes[] = 'Vodkit\\' . str_replace('/', '\\', $relative);
            }
        }
        sort($classes);
        foreach ($classes as $class) {
            class_exists($class);
        }

        self::checkFfi();
        if ($library === null) {
            try {
                FFI::scope(self::SCOPE); // registered already, by ffi.preload
                return true;
            } catch (\FFI\Exception) {
                // not yet: register it below
            }
        }
        $path = self::find($library);
        $tmp = tempnam(sys_get_temp_dir(), 'vodkit-ffi-');
        if ($tmp === false) {
            throw new LibraryException('cannot create a temporary header in ' . sys_get_temp_dir());
        }
        try {
            file_put_contents($tmp, self::scopedHeader($path));
            FFI::load($tmp);
            return true;
        } catch (\FFI\Exception $e) {
            if (str_contains($e->getMessage(), 'preload_user')) {
                return false;
            }
            throw new LibraryException("cannot preload $path: {$e->getMessage()}", 0, previous: $e);
        } finally {
            @unlink($tmp);
        }
    }

    /** @throws LibraryException when the FFI extension is missing or disabled */
    private static function checkFfi(): void
    {
        if (!extension_loaded('ffi')) {
            throw new LibraryException(
                'the PHP FFI extension is not loaded: enable it in php.ini with `extension=ffi` '
                . '(Debian and Ubuntu ship it with php-cli), then set ffi.enable=preload',
            );
        }
        $setting = strtolower(trim((string) ini_get('ffi.enable')));
        if (in_array($setting, ['0', '', 'off', 'false', 'no', 'none'], true)) {
            throw new LibraryException(
                'FFI is disabled (ffi.enable=' . ini_get('ffi.enable') . '): set ffi.enable=preload in php.ini; '
                . 'that is enough for the CLI, and PHP-FPM also needs opcache.preload=' . self::preloadPath()
                . ' and opcache.preload_user',
            );
        }
    }
}
