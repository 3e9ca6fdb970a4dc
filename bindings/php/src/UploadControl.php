<?php

declare(strict_types=1);

namespace Vodkit;

use FFI;
use FFI\CData;
use Vodkit\Internal\Native;

/**
 * Cancels, pauses or caps the uploads it is given to: cancel() makes them
 * stop and throw CancelledException (an upload started with a token already
 * cancelled stops before any request). Call it from the progress closure, a
 * signal handler, or before the call; the token stays cancelled.
 *
 * pause() stops the upload's bytes (no new part starts, parts in flight
 * stop sending; a pause over 30 s abandons them, to be sent again) while
 * upload() keeps blocking and calling its progress closure — which can
 * call resume() to go on in the same call, or cancel().
 * setRateLimit($bytesPerSecond) caps it (0: no cap), also while it runs.
 */
final class UploadControl
{
    use Internal\OwnsHandle;

    private FFI $ffi;
    private ?CData $handle;

    public function __construct()
    {
        $this->ffi = Library::ffi();
        $out = $this->ffi->new('vodkit_upload_control*');
        Native::check($this->ffi, $this->ffi->vodkit_upload_control_new(FFI::addr($out)));
        $this->handle = $out;
    }

    public function __destruct()
    {
        if ($this->handle !== null) {
            $this->ffi->vodkit_upload_control_free($this->handle);
            $this->handle = null;
        }
    }

    /** Cancels every upload using this token. */
    public function cancel(): void
    {
        Native::check($this->ffi, $this->ffi->vodkit_upload_control_cancel($this->handle));
    }

    public function isCancelled(): bool
    {
        return (bool) $this->ffi->vodkit_upload_control_is_cancelled($this->handle);
    }

    /** Pauses every upload using this token. */
    public function pause(): void
    {
        Native::check($this->ffi, $this->ffi->vodkit_upload_control_pause($this->handle));
    }

    /** Lets paused uploads go on where they stopped. */
    public function resume(): void
    {
        Native::check($this->ffi, $this->ffi->vodkit_upload_control_resume($this->handle));
    }

    public function isPaused(): bool
    {
        return (bool) $this->ffi->vodkit_upload_control_is_paused($this->handle);
    }

    /** Caps the uploads using this token to $bytesPerSecond in total (0 lifts the cap). */
    public function setRateLimit(int $bytesPerSecond): void
    {
        if ($bytesPerSecond < 0) {
            throw new Exception\InvalidInputException(
                'the rate limit is bytes per second, 0 or more',
                Constants::VODKIT_ERROR_INVALID_INPUT,
            );
        }
        Native::check($this->ffi, $this->ffi->vodkit_upload_control_set_rate_limit($this->handle, $bytesPerSecond));
    }

    /** The cap in bytes per second (0: none). */
    public function rateLimit(): int
    {
        return (int) $this->ffi->vodkit_upload_control_rate_limit($this->handle);
    }

    /** @internal the `vodkit_upload_control*` */
    public function handle(): CData
    {
        return $this->handle;
    }
}
