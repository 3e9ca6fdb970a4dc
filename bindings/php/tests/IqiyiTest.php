<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\UploadControl;
use Vodkit\Exception\CancelledException;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Iqiyi;
use Vodkit\Progress;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

/** iQiyi from PHP: authorize, upload with progress, status, urllist, delete. */
final class IqiyiTest extends TestCase
{
    public function testAuthorizeUploadStatusUrllistDelete(): void
    {
        $client = new Iqiyi(Emulator::iqiyiConfig(['part_size' => 256 * 1024]));
        $this->assertSame('iqiyi', $client->provider());
        $grant = $client->authorize();
        $this->assertSame(32, strlen($grant['access_token']));
        $this->assertSame(3600, $grant['expires_in']);
        $this->assertSame($grant['access_token'], $client->credentials()['access_token']);

        $size = 1024 * 1024 + 11;
        $path = $this->makeFile($size, 'php-iqiyi.mp4');
        $last = 0;
        $uploaded = $client->upload($path, ['description' => 'from PHP'], function (Progress $p) use (&$last, $size) {
            $this->assertGreaterThanOrEqual($last, $p->bytesDone);
            $this->assertSame($size, $p->bytesTotal);
            $last = $p->bytesDone;
            return true;
        });
        $this->assertSame($size, $last);
        $this->assertSame($size, $uploaded['bytes']);
        $fileId = $uploaded['file_id'];
        $stored = Emulator::iqiyi('GET', "files/$fileId");
        $this->assertSame(md5_file($path), $stored['md5']);
        $this->assertStringEndsWith('php-iqiyi.mp4', $stored['meta']['file_name']);

        $this->assertContains($client->fullStatus($fileId)['state'], ['publishing', 'done']);
        Emulator::iqiyi('POST', 'clock/advance', ['seconds' => 60]);
        $status = $client->fullStatus($fileId);
        $this->assertSame('done', $status['state']);
        $urls = $client->urlList($fileId);
        $this->assertSame([96, 1, 2], array_column($urls['m3u8'], 'definition'));
        $mp4 = $urls['mp4'][0]['url'];
        $this->assertSame(file_get_contents($path), file_get_contents($mp4));

        $client->delete(1, $fileId);
        $this->assertSame('missing', $client->fullStatus($fileId)['state']);
    }

    public function testBadInputAndCancel(): void
    {
        $client = new Iqiyi(Emulator::iqiyiConfig(['part_size' => 64 * 1024, 'concurrency' => 1]));
        try {
            $client->videoList(null, 101);
            $this->fail('page_size 101 accepted');
        } catch (InvalidInputException) {
        }
        try {
            new Iqiyi(['client_id' => '', 'client_secret' => '']);
            $this->fail('empty credentials accepted');
        } catch (InvalidInputException) {
        }
        $path = $this->makeFile(2 * 1024 * 1024);
        try {
            $client->upload($path, [], fn (Progress $p) => $p->bytesDone === 0);
            $this->fail('not cancelled');
        } catch (CancelledException) {
        }
        $token = new UploadControl();
        $token->cancel();
        try {
            $client->upload($path, [], null, $token);
            $this->fail('not cancelled');
        } catch (CancelledException) {
        }
        $stats = Emulator::iqiyi('GET', 'stats');
        $this->assertGreaterThanOrEqual(1, $stats['requests']['/upload/cancelupload']);
    }
}
