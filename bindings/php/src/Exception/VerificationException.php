<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * A callback or playback auth request failed verification. `reason` says
 * why, one of the REASON_* constants: answer the provider with an error and
 * do not act on the request.
 * Code: \Vodkit\Constants::VODKIT_ERROR_VERIFICATION.
 */
class VerificationException extends \Vodkit\Exception
{
    /** No `sign` field. */
    public const REASON_UNSIGNED = 'unsigned';
    /** The sign does not match the fields: altered, or signed with another key. */
    public const REASON_TAMPERED = 'tampered';
    /** `timestamp` is outside the verifier's maxAge window. */
    public const REASON_STALE = 'stale';
    /** Not form data, a required field missing, or a field of the wrong type. */
    public const REASON_MALFORMED = 'malformed';

    /** Why: one of the REASON_* constants (the library's `detail`). */
    public readonly string $reason;

    public function __construct(
        string $message,
        int $code = \Vodkit\Constants::VODKIT_ERROR_VERIFICATION,
        ?string $providerCode = null,
        ?string $requestId = null,
        int $httpStatus = 0,
        ?string $detail = null,
        ?\Throwable $previous = null,
        ?array $resume = null,
    ) {
        parent::__construct($message, $code, $providerCode, $requestId, $httpStatus, $detail, $previous, $resume);
        $this->reason = $detail ?? self::REASON_MALFORMED;
    }
}
