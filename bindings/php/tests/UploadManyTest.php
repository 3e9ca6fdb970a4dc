<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\BatchProgress;
use Vodkit\Client;
use Vodkit\Exception\InvalidInputException;
use Vodkit\UploadControl;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

/** Client::uploadMany: a batch over the C ABI's vodkit_client_upload_many. */
final class UploadManyTest extends TestCase
{
    public function testFilesGoTogetherAndTheSameCallSkipsFinishedOnes(): void
    {
        $paths = [$this->makeFile(300_000), $this->makeFile(500_001), $this->makeFile(70_003)];
        $cps = sys_get_temp_dir() . '/vodkit-php-batch-' . bin2hex(random_bytes(6));
        $client = new Client('baijiayun', Emulator::config(['part_size' => 128 * 1024]));
        $items = $client->uploadMany($paths, ['checkpoint_dir' => $cps], 2);
        $this->assertCount(3, $items);
        $ids = [];
        foreach ($items as $i => $item) {
            $this->assertSame($paths[$i], $item['file']);
            $this->assertFalse($item['skipped']);
            $this->assertArrayNotHasKey('error', $item);
            $id = $item['result']['video_id'];
            $this->assertSame(md5_file($paths[$i]), Emulator::video($id)['md5']);
            $ids[] = $id;
        }
        $this->assertCount(3, array_unique($ids));

        $again = $client->uploadMany($paths, ['checkpoint_dir' => $cps], 3);
        $this->assertSame([true, true, true], array_column($again, 'skipped'));
        $this->assertSame($ids, array_map(fn (array $i): int => $i['result']['video_id'], $again));
    }

    public function testACancelledControlFailsEveryFileWithItsOwnError(): void
    {
        $paths = [$this->makeFile(100_000), $this->makeFile(100_001)];
        $control = new UploadControl();
        $control->cancel();
        $client = new Client('baijiayun', Emulator::config());
        $items = $client->uploadMany($paths, [], 2, control: $control);
        foreach ($items as $item) {
            $this->assertSame('cancelled', $item['error']['kind']);
        }
    }

    public function testProgressReportsEachFileAndTheWholeBatch(): void
    {
        $sizes = [300_000, 500_001, 70_003];
        $paths = array_map(fn (int $size): string => $this->makeFile($size), $sizes);
        $client = new Client('baijiayun', Emulator::config(['part_size' => 128 * 1024]));
        /** @var list<BatchProgress> $seen */
        $seen = [];
        $items = $client->uploadMany($paths, [], 2, function (BatchProgress $p) use (&$seen): void {
            $seen[] = $p;
        });
        $this->assertSame([false, false, false], array_map(fn (array $i): bool => isset($i['error']), $items));
        $this->assertNotEmpty($seen);
        $total = array_sum($sizes);
        $last = 0;
        $lastOfFile = [];
        foreach ($seen as $p) {
            $this->assertSame($total, $p->bytesTotal);
            $this->assertSame(3, $p->filesTotal);
            $this->assertSame($sizes[$p->index], $p->fileBytesTotal, 'the file of the index given');
            $this->assertGreaterThanOrEqual($last, $p->bytesDone, 'the total went back');
            $this->assertGreaterThanOrEqual($p->fileBytesDone, $p->bytesDone);
            $this->assertLessThanOrEqual($p->fileBytesTotal, $p->fileBytesDone);
            $this->assertLessThan(3, $p->filesDone, 'a report after every file ended');
            $last = $p->bytesDone;
            $lastOfFile[$p->index] = $p->fileBytesDone;
        }
        // Every file reported, up to its whole size; the batch up to its whole.
        ksort($lastOfFile);
        $this->assertSame($sizes, $lastOfFile);
        $this->assertSame($total, $last);
        $this->assertSame(1.0, end($seen)->fraction());
    }

    public function testProgressReturningFalseStopsTheBatch(): void
    {
        $paths = [$this->makeFile(200_000), $this->makeFile(200_001), $this->makeFile(200_002)];
        $client = new Client('baijiayun', Emulator::config());
        // Paused first, so the first file waits (reporting) until the stop
        // reaches it, however busy the machine; one job, so that the files
        // after it never start.
        $control = new UploadControl();
        $control->pause();
        $calls = 0;
        $items = $client->uploadMany($paths, [], 1, function (BatchProgress $p) use (&$calls): bool {
            $calls++;
            return false;
        }, $control);
        $this->assertGreaterThanOrEqual(1, $calls);
        $this->assertSame(['cancelled', 'cancelled', 'cancelled'], array_map(fn (array $i): string => $i['error']['kind'], $items));
        $this->assertNotNull($items[0]['error']['resume'], 'the started file can be resumed');
        $this->assertNull($items[2]['error']['resume'], 'a file that never started has nothing to resume');
    }

    public function testAnExceptionInTheProgressClosureStopsTheBatchAndPropagates(): void
    {
        $paths = [$this->makeFile(200_000), $this->makeFile(200_001)];
        $client = new Client('baijiayun', Emulator::config());
        $thrown = new \DomainException('stop the batch');
        $control = new UploadControl();
        $control->pause(); // as above: nothing finishes before the stop
        $calls = 0;
        try {
            $client->uploadMany($paths, [], 2, function () use ($thrown, &$calls): void {
                $calls++;
                throw $thrown;
            }, $control);
            $this->fail('the exception was swallowed');
        } catch (\DomainException $e) {
            $this->assertSame($thrown, $e);
            $this->assertSame(1, $calls, 'the closure is not called again once it threw');
        }
        // The client is still usable, and a progress closure works again.
        $ok = 0;
        $items = $client->uploadMany([$this->makeFile(1000)], [], 1, function () use (&$ok): void {
            $ok++;
        });
        $this->assertArrayHasKey('result', $items[0]);
        $this->assertGreaterThan(0, $ok);
    }

    public function testBadInputFailsBeforeAnyRequest(): void
    {
        $client = new Client('baijiayun', Emulator::config());
        $this->expectException(InvalidInputException::class);
        $client->uploadMany([$this->makeFile(1000), '/no/such/file.mp4']);
    }
}
