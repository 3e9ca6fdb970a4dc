<?php

declare(strict_types=1);

namespace App\Video;

use Vodkit\Client;
use Vodkit\Exception as VodkitException;

/**
 * The vodkit-facing part of the Laravel example, free of the framework:
 * uploads a file, or continues an interrupted upload from its resume
 * handle. The queue job (App\Jobs\UploadVideo) keeps the handle between
 * attempts; this class is what tests/VideoPublisherTest.php runs against
 * vodkit's sandbox.
 */
final class VideoPublisher
{
    public function __construct(private Client $client)
    {
    }

    /**
     * Uploads $path as a new video, or resumes the upload $resume names.
     *
     * @param array<string, mixed>|null $resume a handle UploadInterrupted carried
     * @return array<string, mixed> the provider's result (Baijiayun: video_id, bytes, resumed_from)
     * @throws UploadInterrupted the upload stopped after the video was created: retry with its handle
     * @throws VodkitException anything else (bad input, refused credentials…)
     */
    public function publish(string $path, ?array $resume = null): array
    {
        try {
            return $resume === null
                ? $this->client->upload($path)
                : $this->client->resumeUpload($resume, $path);
        } catch (VodkitException $e) {
            $handle = $e->getResume();
            if ($handle === null) {
                throw $e;
            }
            throw new UploadInterrupted($handle, $e);
        }
    }
}
