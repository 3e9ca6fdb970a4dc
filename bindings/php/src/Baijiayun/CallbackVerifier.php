<?php

declare(strict_types=1);

namespace Vodkit\Baijiayun;

use FFI;
use FFI\CData;
use Vodkit\Constants;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Exception\VerificationException;
use Vodkit\Internal\Native;
use Vodkit\Internal\OwnsHandle;
use Vodkit\Library;

/**
 * Verifies what Baijiayun POSTs to your server, signed with your partner
 * key: transcode callbacks and third-party playback auth requests. The
 * signature is compared in constant time and the timestamp must be within
 * $maxAge seconds of now (300 by default; 0 turns the check off). Requests
 * over 64 KiB are refused as "malformed". Deduplicate transcode callbacks on
 * `qid`: the provider retries deliveries, inside the window too. Playback auth
 * requests are documented as `access_key` and `video_id` only: they are
 * accepted unsigned by default (a `sign`, when sent, is checked), and
 * $requireSignedAuth: true is the strict mode that refuses them unsigned. A request that fails throws
 * VerificationException, whose `reason` is "unsigned", "tampered", "stale"
 * or "malformed"; do not act on it.
 *
 *     $verifier = new CallbackVerifier(getenv('BJY_PARTNER_KEY'), maxAge: 300);
 *     $event = $verifier->verifyTranscode(file_get_contents('php://input')); // or $_POST
 */
final class CallbackVerifier
{
    use OwnsHandle;

    private FFI $ffi;
    private ?CData $handle = null;

    /**
     * @param int $maxAge seconds a request's `timestamp` may be from now
     *   (default 300; 0: not checked, replays accepted for ever; the provider
     *   retries a delivery 30 s later with the same timestamp, so use a
     *   minute or more)
     * @param bool $requireSignedAuth whether playback auth requests must
     *   carry a `sign` (default false: the documented request has none; a
     *   sign that is sent is always checked)
     */
    public function __construct(
        #[\SensitiveParameter] string $partnerKey,
        int $maxAge = 300,
        bool $requireSignedAuth = false,
    ) {
        if ($maxAge < 0) {
            throw new InvalidInputException('maxAge must not be negative', Constants::VODKIT_ERROR_INVALID_INPUT);
        }
        $this->ffi = Library::ffi();
        $out = $this->ffi->new('vodkit_baijiayun_verifier*');
        Native::check($this->ffi, $this->ffi->vodkit_baijiayun_verifier_new(
            Native::cstr($partnerKey, 'partner_key'),
            $maxAge,
            $requireSignedAuth,
            FFI::addr($out),
        ));
        $this->handle = $out;
    }

    public function __destruct()
    {
        if ($this->handle !== null) {
            $this->ffi->vodkit_baijiayun_verifier_free($this->handle);
            $this->handle = null;
        }
    }

    /**
     * Verifies a transcode callback: pass $_POST (an array of its fields) or
     * the raw body (file_get_contents('php://input')).
     *
     * @param array<string, scalar>|string $postOrRawBody
     * @throws VerificationException
     */
    public function verifyTranscode(array|string $postOrRawBody): TranscodeEvent
    {
        return TranscodeEvent::fromArray($this->verify(
            $postOrRawBody,
            fn ($body, $length, $out) => $this->ffi->vodkit_baijiayun_verify_transcode_body($this->handle, $body, $length, $out),
            fn ($keys, $values, $count, $out) => $this->ffi->vodkit_baijiayun_verify_transcode_fields($this->handle, $keys, $values, $count, $out),
        ));
    }

    /**
     * Verifies a third-party playback auth request ($_POST or the raw body).
     *
     * @param array<string, scalar>|string $postOrRawBody
     * @throws VerificationException
     */
    public function verifyPlaybackAuth(array|string $postOrRawBody): PlaybackAuthRequest
    {
        return PlaybackAuthRequest::fromArray($this->verify(
            $postOrRawBody,
            fn ($body, $length, $out) => $this->ffi->vodkit_baijiayun_verify_playback_auth_body($this->handle, $body, $length, $out),
            fn ($keys, $values, $count, $out) => $this->ffi->vodkit_baijiayun_verify_playback_auth_fields($this->handle, $keys, $values, $count, $out),
        ));
    }

    /**
     * Runs one of the library's verifiers: `$byBody` for a raw body,
     * `$byFields` for decoded fields. Returns the verified request.
     *
     * @param array<array-key, mixed>|string $postOrRawBody
     * @return array<string, mixed>
     */
    private function verify(array|string $postOrRawBody, \Closure $byBody, \Closure $byFields): array
    {
        $out = Native::outString($this->ffi);
        if (is_string($postOrRawBody)) {
            $body = Native::bytes($this->ffi, $postOrRawBody);
            $error = $byBody($body, strlen($postOrRawBody), FFI::addr($out));
        } else {
            [$keys, $values] = self::fields($postOrRawBody);
            [$keyArray, $keyBuffers] = Native::stringArray($this->ffi, $keys, 'a field name');
            [$valueArray, $valueBuffers] = Native::stringArray($this->ffi, $values, 'a field value');
            $error = $byFields($keyArray, $valueArray, count($keys), FFI::addr($out));
            unset($keyBuffers, $valueBuffers);
        }
        Native::check($this->ffi, $error);
        return (array) Native::decode((string) Native::takeString($this->ffi, $out));
    }

    /**
     * Form fields as two string lists; a field that is not a string (such as
     * `sign[]=…`, which PHP turns into an array) makes the request malformed.
     *
     * @param array<array-key, mixed> $fields
     * @return array{0: list<string>, 1: list<string>}
     */
    private static function fields(array $fields): array
    {
        $keys = [];
        $values = [];
        foreach ($fields as $key => $value) {
            if (!is_scalar($value)) {
                throw new VerificationException(
                    "field \"$key\" is not a string",
                    Constants::VODKIT_ERROR_VERIFICATION,
                    detail: VerificationException::REASON_MALFORMED,
                );
            }
            $keys[] = (string) $key;
            $values[] = is_bool($value) ? ($value ? '1' : '') : (string) $value;
            $text = $keys[count($keys) - 1] . end($values);
            if (str_contains($text, "\0") || preg_match('//u', $text) !== 1) {
                throw new VerificationException(
                    "field \"$key\" is not UTF-8 text",
                    Constants::VODKIT_ERROR_VERIFICATION,
                    detail: VerificationException::REASON_MALFORMED,
                );
            }
        }
        return [$keys, $values];
    }
}
