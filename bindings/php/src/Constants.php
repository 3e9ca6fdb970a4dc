<?php

declare(strict_types=1);

namespace Vodkit;

/**
 * The `#define`s of include/vodkit.h, under the same names (the PHP header
 * has no preprocessor lines, so the constants live here). A test parses
 * include/vodkit.h and fails when a value differs or a define is missing.
 */
final class Constants
{
    /** Returned by a progress callback to let the upload go on. */
    public const VODKIT_CONTINUE = 0;
    /** Returned by a progress callback to stop the upload (it fails with CANCELLED). */
    public const VODKIT_ABORT = 1;

    public const VODKIT_ERROR_INVALID_INPUT = 1;
    public const VODKIT_ERROR_AUTH = 2;
    public const VODKIT_ERROR_RATE_LIMITED = 3;
    public const VODKIT_ERROR_NETWORK = 4;
    public const VODKIT_ERROR_SERVER = 5;
    public const VODKIT_ERROR_PROVIDER = 6;
    public const VODKIT_ERROR_INTEGRITY = 7;
    public const VODKIT_ERROR_CANCELLED = 8;
    public const VODKIT_ERROR_IO = 9;
    public const VODKIT_ERROR_VERIFICATION = 10;
    public const VODKIT_ERROR_INTERNAL = 11;
    public const VODKIT_ERROR_NULL_ARGUMENT = 100;
    public const VODKIT_ERROR_INVALID_UTF8 = 101;
    public const VODKIT_ERROR_PANIC = 102;
    public const VODKIT_ERROR_INVALID_ENUM = 103;

    /** Flags of vodkit_source_from_reader: who calls the read-at callback. */
    public const VODKIT_SOURCE_READ_FROM_WORKERS = 0;
    public const VODKIT_SOURCE_READ_ON_CALLER = 1;

    /** Log levels (vodkit_set_log_queue; Vodkit::setLogger maps PSR-3 names to them). */
    public const VODKIT_LOG_OFF = 0;
    public const VODKIT_LOG_ERROR = 1;
    public const VODKIT_LOG_WARN = 2;
    public const VODKIT_LOG_INFO = 3;
    public const VODKIT_LOG_DEBUG = 4;
    public const VODKIT_LOG_TRACE = 5;
    /** Most log lines the library queues between two deliveries. */
    public const VODKIT_LOG_QUEUE_CAPACITY = 1000;

    /** The library version this package was written against. */
    public const VODKIT_VERSION_MAJOR = 0;
    public const VODKIT_VERSION_MINOR = 1;
    public const VODKIT_VERSION_PATCH = 0;
    /** The ABI this package speaks; the loader refuses a library with another. */
    public const VODKIT_ABI_VERSION = 4;

    private function __construct()
    {
    }
}
