<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Baijiayun;
use Vodkit\UploadControl;
use Vodkit\Client;
use Vodkit\Exception\CancelledException;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Exception\NetworkException;
use Vodkit\Progress;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

final class UploadTest extends TestCase
{
    public function testUploadWithProgress(): void
    {
        $size = 3 * 1024 * 1024 + 17;
        $path = $this->makeFile($size);
        $client = new Client('baijiayun', Emulator::config(['part_size' => 256 * 1024]));
        /** @var list<Progress> $seen */
        $seen = [];
        $uploaded = $client->upload($path, ['file_name' => 'php-progress.mp4', 'encrypt' => false], function (Progress $p) use (&$seen) {
            $seen[] = $p;
            return true;
        });
        $id = $uploaded['video_id'];
        $this->assertSame(['video_id' => $id, 'bytes' => $size, 'resumed_from' => 0, 'file_md5' => md5_file($path)], $uploaded);
        $this->assertGreaterThanOrEqual(2, count($seen));
        $last = 0;
        foreach ($seen as $p) {
            $this->assertGreaterThanOrEqual($last, $p->bytesDone, 'progress went back');
            $this->assertLessThanOrEqual($size, $p->bytesDone);
            $this->assertSame($size, $p->bytesTotal);
            $last = $p->bytesDone;
        }
        $this->assertSame($size, $last);
        $this->assertSame(1.0, end($seen)->fraction());
        $this->assertGreaterThanOrEqual($size, end($seen)->bytesSent);

        $stored = Emulator::video($id);
        $this->assertSame($size, $stored['received_bytes']);
        $this->assertSame(md5_file($path), $stored['md5']);
        $this->assertSame('php-progress.mp4', $stored['name']);
    }

    public function testUploadWithoutProgressAndWithEveryOption(): void
    {
        $path = $this->makeFile(100_000);
        $client = new Baijiayun(Emulator::config());
        $id = $client->upload($path, [
            'file_name' => '讲座 ✓.mp4',
            'definitions' => [16, 1, 4],
            'formats' => [1, 4],
            'audio' => false,
            'encrypt' => null,
            'watermark' => null,
            'watermark_pos' => null,
            'callback_url' => null,
            'use_https' => false,
            'part_size' => 32 * 1024,
        ])['video_id'];
        $this->assertSame(md5_file($path), Emulator::video($id)['md5']);
        $this->assertSame('讲座 ✓.mp4', $client->getInfo($id)['name']);
    }

    public function testProgressClosureReturningFalseCancels(): void
    {
        $path = $this->makeFile(2 * 1024 * 1024);
        $client = new Client('baijiayun', Emulator::config(['part_size' => 128 * 1024]));
        $calls = 0;
        try {
            // Ranged, so that there is a part boundary to stop at.
            $client->upload($path, ['ranged' => true], function (Progress $p) use (&$calls) {
                $calls++;
                return $p->bytesDone === 0 ? null : false;
            });
            $this->fail('the upload went on');
        } catch (CancelledException $e) {
            $this->assertSame(8, $e->getCode());
            $this->assertGreaterThanOrEqual(1, $calls);
            $resume = $e->getResume();
            $this->assertNotNull($resume, 'a cancelled upload can be resumed');
            $id = $resume['video_id'];
            $this->assertSame($id, $e->videoId());
            $this->assertLessThan(2 * 1024 * 1024, Emulator::video($id)['received_bytes']);
            // ... which can be resumed.
            $this->assertSame($id, $client->resumeUpload($resume, $path)['video_id']);
            $this->assertSame(md5_file($path), Emulator::video($id)['md5']);
        }
    }

    public function testUploadControlCancelledBeforeTheCall(): void
    {
        $path = $this->makeFile(64 * 1024);
        $client = new Client('baijiayun', Emulator::config());
        $token = new UploadControl();
        $this->assertFalse($token->isCancelled());
        $token->cancel();
        $this->assertTrue($token->isCancelled());
        $before = Emulator::totalRequests();
        try {
            $client->upload($path, control: $token); // the parameter's name in every binding
            $this->fail('a cancelled token let the upload run');
        } catch (CancelledException $e) {
            $this->assertSame($before, Emulator::totalRequests(), 'no request after cancel');
        }
    }

    public function testUploadControlCancelledDuringTheUpload(): void
    {
        $path = $this->makeFile(2 * 1024 * 1024);
        $client = new Client('baijiayun', Emulator::config(['part_size' => 128 * 1024]));
        $token = new UploadControl();
        $this->expectException(CancelledException::class);
        $client->upload($path, [], function (Progress $p) use ($token): bool {
            if ($p->bytesDone > 0) {
                $token->cancel(); // as a signal handler or a watchdog would
            }
            return true;
        }, $token);
    }

    public function testExceptionInTheProgressClosureAbortsAndPropagates(): void
    {
        $path = $this->makeFile(2 * 1024 * 1024);
        $client = new Client('baijiayun', Emulator::config(['part_size' => 128 * 1024]));
        $thrown = new \DomainException('stop right there');
        $calls = 0;
        try {
            $client->upload($path, [], function () use ($thrown, &$calls) {
                $calls++;
                throw $thrown;
            });
            $this->fail('the exception was swallowed');
        } catch (\Vodkit\Exception\CancelledException $e) {
            // Issue 11, item 13: the closure's exception used to be rethrown
            // bare, without the resume handle. It is the cause now.
            $this->assertSame($thrown, $e->getPrevious());
            $this->assertSame(1, $calls, 'the upload stopped at the first call');
            $resume = $e->getResume();
            $this->assertIsArray($resume);
            $this->assertSame('baijiayun', $resume['provider']);
            $this->assertSame($resume['video_id'], $e->videoId());
            // And the handle resumes the upload.
            $done = $client->resumeUpload($resume, $path);
            $this->assertSame(2 * 1024 * 1024, $done['bytes']);
        }
        // The client is still usable, and a progress closure works again.
        $ok = 0;
        $client->upload($this->makeFile(1000), [], function () use (&$ok) {
            $ok++;
        });
        $this->assertGreaterThan(0, $ok);
    }

    public function testNestedUploadsEachGetTheirOwnClosure(): void
    {
        $client = new Client('baijiayun', Emulator::config(['part_size' => 64 * 1024]));
        $outer = $this->makeFile(300 * 1024);
        $inner = $this->makeFile(100 * 1024);
        $outerSizes = [];
        $innerSizes = [];
        $innerId = null;
        $client->upload($outer, [], function (Progress $p) use ($client, $inner, &$outerSizes, &$innerSizes, &$innerId) {
            $outerSizes[] = $p->bytesTotal;
            if ($innerId === null) {
                $innerId = $client->upload($inner, [], function (Progress $q) use (&$innerSizes) {
                    $innerSizes[] = $q->bytesTotal;
                })['video_id'];
            }
        });
        $this->assertSame([300 * 1024], array_values(array_unique($outerSizes)));
        $this->assertSame([100 * 1024], array_values(array_unique($innerSizes)));
        $this->assertSame(md5_file($inner), Emulator::video($innerId)['md5']);
    }

    public function testUploadInsideAFiber(): void
    {
        $client = new Client('baijiayun', Emulator::config(['part_size' => 64 * 1024]));
        $path = $this->makeFile(200 * 1024);
        $fiber = new \Fiber(function () use ($client, $path) {
            $calls = 0;
            $id = $client->upload($path, [], function () use (&$calls) {
                $calls++;
            })['video_id'];
            \Fiber::suspend($calls);
            return $id;
        });
        $this->assertGreaterThan(0, $fiber->start());
        $fiber->resume();
        $this->assertSame(md5_file($path), Emulator::video($fiber->getReturn())['md5']);
    }

    /** A failed upload's exception carries the resume handle; resumeUpload() with it completes the upload. */
    public function testResumeAfterADroppedConnection(): void
    {
        $size = 2 * 1024 * 1024 + 3;
        $path = $this->makeFile($size);
        $client = new Baijiayun(Emulator::config(['part_size' => 512 * 1024, 'retry' => ['max_retries' => 0]]));
        Emulator::faults(['drop_after_bytes' => 300_000]);
        try {
            $client->upload($path);
            $this->fail('the dropped connection went unnoticed');
        } catch (NetworkException $e) {
            $resume = $e->getResume();
            $this->assertIsArray($resume, $e->getMessage());
            $this->assertSame(['provider', 'video_id'], array_keys($resume));
            $this->assertSame('baijiayun', $resume['provider']);
            $this->assertIsInt($resume['video_id']);
        } finally {
            Emulator::faults([]);
        }
        $id = $resume['video_id'];
        $this->assertLessThan($size, Emulator::video($id)['received_bytes']);
        $first = null;
        $resumed = $client->resumeUpload($resume, $path, [], function (Progress $p) use (&$first) {
            $first ??= $p->bytesDone;
        });
        $this->assertSame($id, $resumed['video_id']);
        $this->assertSame($size, $resumed['bytes']);
        $this->assertGreaterThan(0, $resumed['resumed_from'], 'resumed from what the server holds');
        $this->assertGreaterThan(0, $first);
        $this->assertSame(md5_file($path), Emulator::video($id)['md5']);
        $this->assertSame(md5_file($path), $client->getInfo($id)['file_md5']);

        // Resuming a finished upload returns it.
        $again = $client->resumeUpload($resume, $path);
        $this->assertSame([$id, $size], [$again['video_id'], $again['bytes']]);
    }

    public function testInvalidInputFailsBeforeAnyRequest(): void
    {
        $client = new Client('baijiayun', Emulator::config());
        $file = $this->makeFile(10);
        $before = Emulator::totalRequests();
        $resume = ['provider' => 'baijiayun', 'video_id' => 1];
        $cases = [
            'missing file' => fn () => $client->upload('/nonexistent/dir/video.mp4'),
            'directory' => fn () => $client->upload(sys_get_temp_dir()),
            'unknown option' => fn () => $client->upload($file, ['filename' => 'typo.mp4']),
            'bad definitions' => fn () => $client->upload($file, ['definitions' => 'sd,hd']),
            'bad option type' => fn () => $client->upload($file, ['audio' => 'yes']),
            'bad encrypt' => fn () => $client->upload($file, ['encrypt' => 7]),
            'zero part size' => fn () => $client->upload($file, ['part_size' => 0]),
            'options as a list' => fn () => $client->upload($file, ['x.mp4']),
            'NUL in the path' => fn () => $client->upload("$file\0.mp4"),
            'resume of a missing file' => fn () => $client->resumeUpload($resume, '/nonexistent/video.mp4'),
            'resume handle of another provider' => fn () => $client->resumeUpload(['provider' => 'iqiyi', 'video_id' => 1], $file),
            'resume handle without a video' => fn () => $client->resumeUpload(['provider' => 'baijiayun'], $file),
        ];
        foreach ($cases as $what => $call) {
            try {
                $call();
                $this->fail("$what was accepted");
            } catch (InvalidInputException $e) {
                $this->assertSame(1, $e->getCode(), $what);
                $this->assertNull($e->getResume(), $what);
            }
        }
        $this->assertSame($before, Emulator::totalRequests(), 'invalid input sent a request');
    }
}
