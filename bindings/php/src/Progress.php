<?php

declare(strict_types=1);

namespace Vodkit;

/**
 * A snapshot of an upload, passed to the progress closure.
 */
final class Progress
{
    public function __construct(
        /** Bytes the server holds or is receiving; never decreases within a call. */
        public readonly int $bytesDone,
        /** The file size. */
        public readonly int $bytesTotal,
        /** Bytes put on the wire by this call, re-sent bytes included. */
        public readonly int $bytesSent,
        /** Milliseconds since the call started. */
        public readonly int $elapsedMs,
        /**
         * The provider's resume handle (`['provider' => 'baijiayun', 'video_id' => 7]`)
         * from the first report on, before any byte is sent: store it to resume after a
         * crash; null until the provider created the upload.
         *
         * @var array<string, mixed>|null
         */
        public readonly ?array $resume = null,
    ) {
    }

    /** bytesDone / bytesTotal, between 0.0 and 1.0 (1.0 for an empty file). */
    public function fraction(): float
    {
        return $this->bytesTotal > 0 ? min(1.0, $this->bytesDone / $this->bytesTotal) : 1.0;
    }
}
