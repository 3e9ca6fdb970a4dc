<?php

declare(strict_types=1);

namespace Vodkit;

use FFI;
use FFI\CData;
use Vodkit\Internal\Native;

/**
 * Cancels the uploads it is given to: cancel() makes them stop and throw
 * CancelledException (an upload started with a token already cancelled
 * stops before any request). Call it from the progress closure, a signal
 * handler, or before the call; the token stays cancelled.
 */
final class CancelToken
{
    use Internal\OwnsHandle;

    private FFI $ffi;
    private ?CData $handle;

    public function __construct()
    {
        $this->ffi = Library::ffi();
        $out = $this->ffi->new('vodkit_cancel_token*');
        Native::check($this->ffi, $this->ffi->vodkit_cancel_token_new(FFI::addr($out)));
        $this->handle = $out;
    }

    public function __destruct()
    {
        if ($this->handle !== null) {
            $this->ffi->vodkit_cancel_token_free($this->handle);
            $this->handle = null;
        }
    }

    /** Cancels every upload using this token. */
    public function cancel(): void
    {
        Native::check($this->ffi, $this->ffi->vodkit_cancel_token_cancel($this->handle));
    }

    public function isCancelled(): bool
    {
        return (bool) $this->ffi->vodkit_cancel_token_is_cancelled($this->handle);
    }

    /** @internal the `vodkit_cancel_token*` */
    public function handle(): CData
    {
        return $this->handle;
    }
}
