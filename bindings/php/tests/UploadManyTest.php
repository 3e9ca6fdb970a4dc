<?php

declare(strict_types=1);

namespace Vodkit\Tests;

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
        $items = $client->uploadMany($paths, [], 2, $control);
        foreach ($items as $item) {
            $this->assertSame('cancelled', $item['error']['kind']);
        }
    }

    public function testBadInputFailsBeforeAnyRequest(): void
    {
        $client = new Client('baijiayun', Emulator::config());
        $this->expectException(InvalidInputException::class);
        $client->uploadMany([$this->makeFile(1000), '/no/such/file.mp4']);
    }
}
