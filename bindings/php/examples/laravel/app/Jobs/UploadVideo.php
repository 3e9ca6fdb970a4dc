<?php

declare(strict_types=1);

namespace App\Jobs;

use App\Video\UploadInterrupted;
use App\Video\VideoPublisher;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use Illuminate\Support\Facades\Log;

/**
 * Uploads a stored file on a queue worker: `UploadVideo::dispatch($path)`.
 * An interrupted upload is not started over: the job dispatches itself again
 * with the resume handle (JSON-shaped, serialized with the job), which
 * continues from the bytes the provider holds.
 */
final class UploadVideo implements ShouldQueue
{
    use Dispatchable;
    use InteractsWithQueue;
    use Queueable;

    /** Attempts before the job is failed for good (each one resumes). */
    public int $tries = 5;

    /** @param array<string, mixed>|null $resume */
    public function __construct(public string $path, public ?array $resume = null)
    {
    }

    public function handle(VideoPublisher $publisher): void
    {
        try {
            $video = $publisher->publish($this->path, $this->resume);
        } catch (UploadInterrupted $e) {
            // Keep the handle for the next attempt, a little later.
            self::dispatch($this->path, $e->resume)->delay(now()->addSeconds(30));
            return;
        }
        Log::info('video uploaded', ['video_id' => $video['video_id']]);
    }
}
