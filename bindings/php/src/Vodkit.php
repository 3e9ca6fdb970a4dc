<?php

declare(strict_types=1);

namespace Vodkit;

use FFI;
use FFI\CData;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Internal\Native;

/**
 * The SDK's log lines (retries, a switch to a backup host, a renewed token)
 * on any PSR-3 logger: `Vodkit::setLogger($logger)`, or the `logger` key of
 * a client's config, which does the same.
 *
 * The log is the process's, not a client's (the library has one logger per
 * process): the last logger set receives the lines of every client. Lines
 * come with the PSR-3 level (`warning`, `info`, `debug`; the library's
 * trace lines as `debug`) and the context `['area' => 'vodkit.http.transport']`,
 * the part of the SDK they come from. No line holds a secret.
 *
 * Lines logged on the library's own upload threads cannot call into PHP
 * there: the library queues every line (at most 1000; a warning says how
 * many older ones were dropped) and they are delivered on the PHP thread,
 * in order, when each call into the library returns and at each progress
 * report of an upload.
 *
 * `Psr\Log\LoggerInterface` is not required: any object with PSR-3's
 * `log($level, $message, array $context = [])` method will do.
 */
final class Vodkit
{
    /** PSR-3 level names, most severe first, and the library's level for each. */
    private const LEVELS = [
        'emergency' => 1, 'alert' => 1, 'critical' => 1, 'error' => 1,
        'warning' => 2, 'notice' => 3, 'info' => 3, 'debug' => 5,
    ];
    /** The PSR-3 level of each library level (VODKIT_LOG_ERROR … VODKIT_LOG_TRACE). */
    private const PSR = [1 => 'error', 2 => 'warning', 3 => 'info', 4 => 'debug', 5 => 'debug'];

    private static ?object $logger = null;
    /** @var \WeakMap<FFI, CData>|null one `vodkit_log_fn[1]` per FFI object */
    private static ?\WeakMap $trampolines = null;
    private static ?\Throwable $thrown = null;

    private function __construct()
    {
    }

    /**
     * Sends the SDK's lines at $level (a PSR-3 level name) and more severe
     * to $logger (`debug`, the default, is every line, the library's trace lines
     * included); null turns them off.
     *
     * @param object|null $logger a `Psr\Log\LoggerInterface`, or any object with its `log()` method
     * @throws InvalidInputException for an object without `log()` or an unknown level
     */
    public static function setLogger(?object $logger, string $level = 'debug'): void
    {
        if ($logger !== null && !method_exists($logger, 'log')) {
            throw new InvalidInputException('the logger has no log($level, $message, $context) method (PSR-3)', Constants::VODKIT_ERROR_INVALID_INPUT);
        }
        if (!isset(self::LEVELS[$level])) {
            throw new InvalidInputException("unknown log level \"$level\" (a PSR-3 level: debug, info, warning, error…)", Constants::VODKIT_ERROR_INVALID_INPUT);
        }
        $ffi = Library::ffi();
        // Lines queued for the previous logger go to it first.
        self::deliver($ffi);
        Native::check($ffi, $ffi->vodkit_set_log_queue($logger === null ? Constants::VODKIT_LOG_OFF : self::LEVELS[$level]));
        self::$logger = $logger;
    }

    /** The logger set by setLogger(), or null. */
    public static function logger(): ?object
    {
        return self::$logger;
    }

    /**
     * Delivers the lines queued since the last delivery to the logger, on
     * this thread. Called after every call into the library and at every
     * progress report; a logger that throws has its exception thrown here,
     * after the other lines were delivered.
     *
     * @internal
     */
    public static function deliver(FFI $ffi): void
    {
        if (self::$logger === null) {
            return;
        }
        $ffi->vodkit_log_drain(self::trampoline($ffi), null);
        $thrown = self::$thrown;
        self::$thrown = null;
        if ($thrown !== null) {
            throw $thrown;
        }
    }

    private static function trampoline(FFI $ffi): CData
    {
        self::$trampolines ??= new \WeakMap();
        if (!isset(self::$trampolines[$ffi])) {
            $holder = $ffi->new('vodkit_log_fn[1]');
            // Called by vodkit_log_drain, on this thread, during deliver().
            // FFI hands a `const char *` argument over as a PHP string.
            $holder[0] = static function ($userData, int $level, $target, $message): void {
                self::line($level, self::text($target), self::text($message));
            };
            self::$trampolines[$ffi] = $holder;
        }
        return self::$trampolines[$ffi][0];
    }

    private static function text(mixed $value): string
    {
        return $value instanceof CData ? FFI::string($value) : (string) $value;
    }

    private static function line(int $level, string $target, string $message): void
    {
        if (self::$logger === null || self::$thrown !== null) {
            return;
        }
        try {
            // An exception must not unwind through C: it is thrown on by deliver().
            self::$logger->log(self::PSR[$level] ?? 'debug', $message, ['area' => str_replace('::', '.', $target)]);
        } catch (\Throwable $e) {
            self::$thrown = $e;
        }
    }
}
