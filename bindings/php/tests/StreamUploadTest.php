<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\UploadControl;
use Vodkit\Client;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Exception\IoException;
use Vodkit\Progress;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

/**
 * Uploads from stream resources (read on this thread only, at each part's
 * offset), and pause, resume and the bandwidth cap through the token.
 */
final class StreamUploadTest extends TestCase
{
    private function client(): Client
    {
        return new Client('baijiayun', Emulator::config(['part_size' => 512 * 1024]));
    }

    public function testAnOpenFileStream(): void
    {
        $size = 2 * 1024 * 1024 + 9;
        $path = $this->makeFile($size, 'stream.mp4');
        $stream = fopen($path, 'rb');
        fseek($stream, 10);
        $id = $this->client()->upload($stream, ['ranged' => true])['video_id'];
        $this->assertSame(10, ftell($stream), 'the position is put back');
        fclose($stream);
        $stored = Emulator::video($id);
        $this->assertSame(md5_file($path), $stored['md5']);
        $this->assertSame($size, $stored['received_bytes']);
        $this->assertStringEndsWith('stream.mp4', $stored['name']);
    }

    /** @return iterable<string, array{string}> */
    public static function memoryStreams(): iterable
    {
        yield 'php://memory' => ['php://memory'];
        yield 'php://temp (spilled to disk past 2 MiB)' => ['php://temp'];
    }

    /** @dataProvider memoryStreams */
    public function testMemoryStreams(string $uri): void
    {
        $data = random_bytes(3 * 1024 * 1024 + 1);
        $stream = fopen($uri, 'w+b');
        fwrite($stream, $data);
        $uploaded = $this->client()->upload($stream, ['file_name' => 'memory.mp4', 'ranged' => true]);
        fclose($stream);
        $stored = Emulator::video($uploaded['video_id']);
        $this->assertSame(md5($data), $stored['md5']);
        $this->assertSame('memory.mp4', $stored['name']);
    }

    public function testAStreamThatFailsIsAnIoErrorAndResumesFromAPath(): void
    {
        $size = 2 * 1024 * 1024;
        $path = $this->makeFile($size, 'cut.mp4');
        if (!in_array('vodkit-failing', stream_get_wrappers(), true)) {
            stream_wrapper_register('vodkit-failing', FailingStream::class);
        }
        FailingStream::$data = (string) file_get_contents($path);
        FailingStream::$failAt = 1024 * 1024 + 1000;
        $stream = fopen('vodkit-failing://x', 'rb');
        $client = $this->client();
        $resume = null;
        try {
            $client->upload($stream, ['file_name' => 'cut.mp4', 'ranged' => true]);
            $this->fail('a failing stream uploaded');
        } catch (IoException $e) {
            $resume = $e->getResume();
        }
        fclose($stream);
        $this->assertNotNull($resume);
        $done = $client->resumeUpload($resume, $path);
        $this->assertSame($resume['video_id'], $done['video_id']);
        $this->assertSame(md5_file($path), Emulator::video($done['video_id'])['md5']);
    }

    public function testWhatIsNotASourceIsRefused(): void
    {
        $this->expectException(InvalidInputException::class);
        $this->client()->upload(42);
    }

    public function testPauseAndResumeFromTheProgressClosure(): void
    {
        $size = 6 * 1024 * 1024;
        $path = $this->makeFile($size, 'paused.mp4');
        $token = new UploadControl();
        $token->setRateLimit(4 * 1024 * 1024);
        $this->assertSame(4 * 1024 * 1024, $token->rateLimit());
        $pausedAt = null;
        $sentWhilePaused = [];
        $callsWhilePaused = 0;
        $uploaded = $this->client()->upload($path, [], function (Progress $p) use ($token, &$pausedAt, &$sentWhilePaused, &$callsWhilePaused) {
            if ($pausedAt === null && $p->bytesSent >= 2 * 1024 * 1024) {
                $token->pause();
                $pausedAt = microtime(true);
            } elseif ($pausedAt !== null && $token->isPaused()) {
                $callsWhilePaused++;
                // After what was already past the gate has gone out.
                if (microtime(true) - $pausedAt > 0.3) {
                    $sentWhilePaused[] = $p->bytesSent;
                }
                if (microtime(true) - $pausedAt > 1.5) {
                    $token->setRateLimit(0);
                    $token->resume();
                }
            }
            return true;
        }, $token);
        $this->assertNotNull($pausedAt);
        $this->assertFalse($token->isPaused());
        $this->assertGreaterThanOrEqual(5, $callsWhilePaused, 'progress kept coming while paused');
        $this->assertNotEmpty($sentWhilePaused);
        $this->assertCount(1, array_unique($sentWhilePaused), 'bytes moved during the pause');
        $this->assertSame(md5_file($path), Emulator::video($uploaded['video_id'])['md5']);
    }

    public function testTheCapSlowsAStreamUpload(): void
    {
        $data = random_bytes(2 * 1024 * 1024);
        $stream = fopen('php://memory', 'w+b');
        fwrite($stream, $data);
        $token = new UploadControl();
        $token->setRateLimit(1024 * 1024);
        $started = microtime(true);
        $uploaded = $this->client()->upload($stream, ['file_name' => 'capped.mp4'], null, $token);
        $took = microtime(true) - $started;
        fclose($stream);
        // 2 MiB at 1 MiB/s is about 2 s; the wide bound fails only when the cap is ignored.
        $this->assertGreaterThanOrEqual(1.0, $took);
        $this->assertSame(md5($data), Emulator::video($uploaded['video_id'])['md5']);
    }
}

/** A seekable stream whose reads fail from $failAt on. */
final class FailingStream
{
    public static string $data = '';
    public static int $failAt = PHP_INT_MAX;
    private int $pos = 0;
    /** @var resource|null */
    public $context;

    public function stream_open(string $path, string $mode, int $options, ?string &$opened): bool
    {
        $this->pos = 0;
        return true;
    }

    public function stream_read(int $count): string|false
    {
        if ($this->pos >= self::$failAt) {
            return false;
        }
        $out = substr(self::$data, $this->pos, min($count, self::$failAt - $this->pos));
        $this->pos += strlen($out);
        return $out;
    }

    public function stream_seek(int $offset, int $whence): bool
    {
        $this->pos = match ($whence) {
            SEEK_SET => $offset,
            SEEK_CUR => $this->pos + $offset,
            SEEK_END => strlen(self::$data) + $offset,
        };
        return true;
    }

    public function stream_tell(): int
    {
        return $this->pos;
    }

    public function stream_eof(): bool
    {
        return $this->pos >= strlen(self::$data);
    }

    /** @return array<string, int> */
    public function stream_stat(): array
    {
        return ['size' => strlen(self::$data)];
    }
}
