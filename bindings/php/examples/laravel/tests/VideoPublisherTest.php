<?php

declare(strict_types=1);

// The Laravel example's vodkit-facing part (App\Video\VideoPublisher, which
// the queue job calls) against vodkit's sandbox, with plain PHPUnit: the
// framework itself is not needed to test it.

namespace App\Tests;

use App\Video\UploadInterrupted;
use App\Video\VideoPublisher;
use PHPUnit\Framework\TestCase;
use Vodkit\Testing\UsesSandbox;

require_once __DIR__ . '/../app/Video/UploadInterrupted.php';
require_once __DIR__ . '/../app/Video/VideoPublisher.php';

final class VideoPublisherTest extends TestCase
{
    use UsesSandbox;

    private function lecture(int $size = 1 << 20): string
    {
        $path = tempnam(sys_get_temp_dir(), 'lecture');
        file_put_contents($path, random_bytes($size));
        return $path;
    }

    public function testPublishUploadsTheFile(): void
    {
        $path = $this->lecture();
        $video = (new VideoPublisher($this->sandbox->client('baijiayun')))->publish($path);
        [$held] = $this->sandbox->videos('baijiayun');
        $this->assertSame($video['video_id'], $held['video_id']);
        $this->assertSame(md5_file($path), $held['md5']);
        unlink($path);
    }

    /** What the job does on a worker: an interrupted upload is retried with its handle and finishes. */
    public function testAnInterruptedUploadResumesOnTheNextAttempt(): void
    {
        $path = $this->lecture(2 << 20);
        // No retries in the client: the first drop interrupts the attempt.
        $publisher = new VideoPublisher($this->sandbox->client('baijiayun', ['retry' => ['max_retries' => 0]]));
        $this->sandbox->dropParts(count: 1, afterBytes: 300_000);
        try {
            $publisher->publish($path);
            $this->fail('the dropped connection should interrupt the upload');
        } catch (UploadInterrupted $e) {
            $resume = $e->resume;
        }
        $this->assertSame('baijiayun', $resume['provider']);
        // The handle survives the queue's serialization, as the job stores it.
        $resume = unserialize(serialize($resume));

        $video = $publisher->publish($path, $resume);
        $this->assertSame($resume['video_id'], $video['video_id']);
        $this->assertGreaterThan(0, $video['resumed_from']);
        [$held] = $this->sandbox->videos('baijiayun');
        $this->assertSame(md5_file($path), $held['md5']);
        unlink($path);
    }

    public function testAFailureBeforeAnyVideoIsNotAnInterruption(): void
    {
        $publisher = new VideoPublisher($this->sandbox->client('baijiayun', ['retry' => ['max_retries' => 0]]));
        $this->sandbox->failNext(3);
        $path = $this->lecture(1024);
        try {
            $publisher->publish($path);
            $this->fail('the provider answered 500');
        } catch (\Vodkit\Exception $e) {
            $this->assertNotInstanceOf(UploadInterrupted::class, $e);
            $this->assertNull($e->getResume());
        }
        $this->assertSame([], $this->sandbox->videos('baijiayun'));
        unlink($path);
    }
}
