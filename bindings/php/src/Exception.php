<?php

declare(strict_types=1);

namespace Vodkit;

use FFI;
use FFI\CData;

/**
 * Every failure of the package. The subclass says what went wrong (one per
 * `VODKIT_ERROR_*` code, see Vodkit\Exception\*), `getCode()` is that code,
 * and the provider's own answer is kept: `providerCode` ("1002"),
 * `requestId`, `httpStatus` (0 when no answer came) and `detail` (a
 * machine-readable sub-reason: "tampered" for a verification failure).
 * An upload that failed after the provider created the video carries a
 * resume handle (getResume()) for Client::resumeUpload(). Messages never
 * contain keys or tokens.
 *
 * `Vodkit\Exception\LibraryException` (code 0) is thrown when the library
 * cannot be loaded at all (FFI disabled, library missing, wrong ABI).
 */
class Exception extends \RuntimeException
{
    /** @var array<int, class-string<Exception>> */
    private const CLASSES = [
        Constants::VODKIT_ERROR_INVALID_INPUT => Exception\InvalidInputException::class,
        Constants::VODKIT_ERROR_AUTH => Exception\AuthException::class,
        Constants::VODKIT_ERROR_RATE_LIMITED => Exception\RateLimitedException::class,
        Constants::VODKIT_ERROR_NETWORK => Exception\NetworkException::class,
        Constants::VODKIT_ERROR_SERVER => Exception\ServerException::class,
        Constants::VODKIT_ERROR_PROVIDER => Exception\ProviderException::class,
        Constants::VODKIT_ERROR_INTEGRITY => Exception\IntegrityException::class,
        Constants::VODKIT_ERROR_CANCELLED => Exception\CancelledException::class,
        Constants::VODKIT_ERROR_IO => Exception\IoException::class,
        Constants::VODKIT_ERROR_VERIFICATION => Exception\VerificationException::class,
        Constants::VODKIT_ERROR_INTERNAL => Exception\InternalException::class,
        Constants::VODKIT_ERROR_NULL_ARGUMENT => Exception\NullArgumentException::class,
        Constants::VODKIT_ERROR_INVALID_UTF8 => Exception\InvalidUtf8Exception::class,
        Constants::VODKIT_ERROR_PANIC => Exception\PanicException::class,
        Constants::VODKIT_ERROR_INVALID_ENUM => Exception\InvalidEnumException::class,
    ];

    /**
     * @param int $code one of Constants::VODKIT_ERROR_*
     */
    public function __construct(
        string $message,
        int $code = 0,
        public readonly ?string $providerCode = null,
        public readonly ?string $requestId = null,
        public readonly int $httpStatus = 0,
        public readonly ?string $detail = null,
        ?\Throwable $previous = null,
        private readonly ?array $resume = null,
    ) {
        parent::__construct($message, $code, $previous);
    }

    /**
     * The exception for a `VODKIT_ERROR_*` code: its subclass, or this base
     * class for a code this package does not know.
     */
    public static function create(
        int $code,
        string $message,
        ?string $providerCode = null,
        ?string $requestId = null,
        int $httpStatus = 0,
        ?string $detail = null,
        ?\Throwable $previous = null,
        ?array $resume = null,
    ): self {
        $class = self::CLASSES[$code] ?? self::class;
        return new $class($message, $code, $providerCode, $requestId, $httpStatus, $detail, $previous, $resume);
    }

    /**
     * Reads a `vodkit_error*` and frees it.
     *
     * @internal
     */
    public static function fromError(FFI $ffi, CData $error, ?\Throwable $previous = null): self
    {
        try {
            $resume = null;
            $json = $ffi->vodkit_error_resume($error); // an owned char*, or NULL
            if ($json !== null && !FFI::isNull($json)) {
                try {
                    $resume = json_decode(FFI::string($json), true, 512, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
                } catch (\JsonException) {
                    $resume = null; // never from this library; an error about an error helps no one
                } finally {
                    $ffi->vodkit_string_free($json);
                }
            }
            return self::create(
                (int) $ffi->vodkit_error_code($error),
                (string) $ffi->vodkit_error_message($error),
                $ffi->vodkit_error_provider_code($error),
                $ffi->vodkit_error_request_id($error),
                (int) $ffi->vodkit_error_http_status($error),
                $ffi->vodkit_error_detail($error),
                $previous,
                is_array($resume) ? $resume : null,
            );
        } finally {
            $ffi->vodkit_error_free($error);
        }
    }

    /**
     * How to continue the upload that failed with this exception (Baijiayun:
     * `['provider' => 'baijiayun', 'video_id' => N]`): pass it to
     * Client::resumeUpload() with the same file. Null for other errors, and
     * for an upload that failed before the provider created the video.
     *
     * @return array<string, mixed>|null
     */
    public function getResume(): ?array
    {
        return $this->resume;
    }

    /**
     * The video a failed upload created (the resume handle's `video_id`),
     * null for other errors.
     */
    public function videoId(): ?int
    {
        $id = $this->resume['video_id'] ?? null;
        return is_int($id) ? $id : null;
    }
}
