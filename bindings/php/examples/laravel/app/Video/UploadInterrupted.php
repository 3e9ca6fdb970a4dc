<?php

declare(strict_types=1);

namespace App\Video;

/** An upload stopped after the provider created the video: `$resume` continues it. */
final class UploadInterrupted extends \RuntimeException
{
    /** @param array<string, mixed> $resume the upload's resume handle (JSON-shaped: store it anywhere) */
    public function __construct(public readonly array $resume, \Vodkit\Exception $previous)
    {
        parent::__construct('upload interrupted: ' . $previous->getMessage(), 0, $previous);
    }
}
