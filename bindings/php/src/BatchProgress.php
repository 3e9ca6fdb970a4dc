<?php

declare(strict_types=1);

namespace Vodkit;

/**
 * A snapshot of a batch in progress (Client::uploadMany), passed to its
 * progress closure: one file's progress and the whole batch's. The fields
 * are those of Python's `upload_many` progress dict, in camelCase.
 */
final class BatchProgress
{
    public function __construct(
        /** The file this report is about: its index in the paths given. */
        public readonly int $index,
        /** That file's bytes the server holds or is receiving. */
        public readonly int $fileBytesDone,
        /** That file's size. */
        public readonly int $fileBytesTotal,
        /** Bytes of all files done or being received (finished and skipped files count whole); never decreases. */
        public readonly int $bytesDone,
        /** The size of all files. */
        public readonly int $bytesTotal,
        /** Files finished, skipped or failed so far. */
        public readonly int $filesDone,
        /** The number of files. */
        public readonly int $filesTotal,
    ) {
    }

    /** bytesDone / bytesTotal of the whole batch, between 0.0 and 1.0 (1.0 when it holds no bytes). */
    public function fraction(): float
    {
        return $this->bytesTotal > 0 ? min(1.0, $this->bytesDone / $this->bytesTotal) : 1.0;
    }
}
