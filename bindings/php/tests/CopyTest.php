<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Client;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Progress;
use Vodkit\Quvideo;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

/**
 * Client::copy over the C ABI's vodkit_copy: a 趣视频 video copied into
 * Baijiayun through the emulator (its play URL read with Range requests),
 * the title carried over, and the same copy again sending nothing.
 */
final class CopyTest extends TestCase
{
    public function testAVideoIsCopiedWithItsTitleAndNotTwice(): void
    {
        Emulator::quvideo('POST', 'reset');
        $source = new Quvideo([
            'base_url' => Emulator::$quvideo['base_url'],
            'user_name' => Emulator::$quvideo['user_name'],
            'password' => Emulator::$quvideo['password'],
        ]);
        $target = new Client('baijiayun', Emulator::config());
        $video = $source->getVideoById('vid006');
        $md5 = md5((string) file_get_contents($video['fileUrlList'][0]));
        $dir = sys_get_temp_dir() . '/vodkit-copy-' . bin2hex(random_bytes(6));
        $seen = 0;

        $copied = $source->copy('vid006', $target, ['checkpoint_dir' => $dir], function (Progress $p) use (&$seen): bool {
            $seen = $p->bytesDone;
            return true;
        });
        $this->assertSame('quvideo', $copied['source_provider']);
        $this->assertSame($video['title'], $copied['title']);
        $this->assertSame($md5, $copied['md5']);
        $this->assertFalse($copied['skipped']);
        $this->assertSame($copied['bytes'], $seen);
        $stored = Emulator::video((int) $copied['target_id']);
        $this->assertSame($md5, $stored['md5']);
        $this->assertSame($video['title'], $stored['name']);

        $again = $source->copy('vid006', $target, ['checkpoint_dir' => $dir]);
        $this->assertTrue($again['skipped']);
        $this->assertSame($copied['target_id'], $again['target_id']);

        // 趣视频 takes no uploads.
        $this->expectException(InvalidInputException::class);
        $target->copy($copied['target_id'], $source);
    }
}
