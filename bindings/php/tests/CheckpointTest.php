<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Checkpoints;
use Vodkit\Client;
use Vodkit\Exception\CancelledException;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Progress;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

/**
 * Checkpoints and the early resume handle from PHP: a stopped upload with
 * `checkpoint_dir` is listed (with the handle the first Progress carried),
 * resumed by a plain upload(), and removed.
 */
final class CheckpointTest extends TestCase
{
    public function testAStoppedUploadIsListedResumedAndRemoved(): void
    {
        $size = 2 * 1024 * 1024 + 3;
        $path = $this->makeFile($size);
        $dir = $path . '.checkpoints';
        $this->assertSame([], Checkpoints::list($dir));
        $client = new Client('baijiayun', Emulator::config(['part_size' => 256 * 1024]));
        $options = ['checkpoint_dir' => $dir, 'ranged' => true];
        /** @var list<array<string, mixed>|null> $handles */
        $handles = [];
        try {
            $client->upload($path, $options, function (Progress $p) use (&$handles): bool {
                $handles[] = $p->resume;
                return $p->bytesDone < 1024 * 1024;
            });
            $this->fail('the callback stopped it');
        } catch (CancelledException $e) {
            $resume = $e->getResume();
        }
        $this->assertNotNull($handles[0], 'the first report carries the handle');
        $this->assertSame($resume, $handles[0]);
        $this->assertSame('baijiayun', $handles[0]['provider']);

        $listed = Checkpoints::list($dir);
        $this->assertCount(1, $listed);
        $this->assertSame($size, $listed[0]['size']);
        $this->assertSame($resume['video_id'], $listed[0]['resume']['video_id']);
        $this->assertSame(realpath($path), $listed[0]['path']);

        $resumed = $client->upload($path, $options);
        $this->assertSame($resume['video_id'], $resumed['video_id']);
        $this->assertGreaterThan(0, $resumed['resumed_from']);
        $this->assertSame(md5_file($path), $resumed['file_md5']);
        $this->assertSame([], Checkpoints::list($dir));

        // Stopped again and removed: the next upload is a new video.
        try {
            $client->upload($path, $options, fn (Progress $p): bool => false);
            $this->fail('the callback stopped it');
        } catch (CancelledException) {
        }
        $key = Checkpoints::list($dir)[0]['key'];
        Checkpoints::remove($dir, $key);
        Checkpoints::remove($dir, $key);
        $this->assertSame([], Checkpoints::list($dir));
        $this->assertSame(0, $client->upload($path, $options)['resumed_from']);
        $this->expectException(InvalidInputException::class);
        Checkpoints::remove($dir, '../../etc/passwd');
    }
}
