<?php

declare(strict_types=1);

namespace App\Jobs;

use App\Video\UploadInterrupted;
use App\Video\VideoPublisher;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Facades\Log;

/**
 * Uploads a stored file on a queue worker: `UploadVideo::dispatch($path)`.
 * An interrupted upload is not started over: the job dispatches itself again
 * with the resume handle (JSON-shaped, serialized with the job), which
 * continues from the bytes the provider holds. The outcome is kept in the
 * cache for UploadVideo::result() (in your app: update your Video model
 * there instead).
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
            Log::warning('video upload interrupted, resuming in 30 s', ['resume' => $e->resume]);
            self::dispatch($this->path, $e->resume)->delay(now()->addSeconds(30));
            return;
        }
        Cache::forever(self::key($this->path), $video);
        Log::info('video uploaded', ['video_id' => $video['video_id']]);
    }

    /** Called by the queue once the job has failed for good. */
    public function failed(\Throwable $e): void
    {
        // A vodkit exception's message holds no secret: it can be shown.
        Cache::forever(self::key($this->path), ['error' => $e->getMessage()]);
    }

    /**
     * The upload of $path as the job left it: the provider's result
     * (Baijiayun: video_id, bytes, resumed_from), `['error' => message]`, or
     * null while it is queued.
     *
     * @return array<string, mixed>|null
     */
    public static function result(string $path): ?array
    {
        return Cache::get(self::key($path));
    }

    private static function key(string $path): string
    {
        return 'vodkit.upload.' . sha1($path);
    }
}
