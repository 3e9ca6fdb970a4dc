<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Baijiayun\Client;
use Vodkit\Baijiayun\VideoStatus;
use Vodkit\Exception\AuthException;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Exception\ProviderException;
use Vodkit\Exception\RateLimitedException;
use Vodkit\Library;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

final class ClientTest extends TestCase
{
    public function testMainFlow(): void
    {
        $client = new Client(Emulator::config(['part_size' => 512 * 1024]));
        $path = $this->makeFile(1024 * 1024 + 7);
        $id = $client->upload($path, ['file_name' => 'php-main-flow.mp4', 'definitions' => [16, 1, 2], 'formats' => '1']);
        $this->assertGreaterThan(0, $id);

        $status = $client->getStatus($id);
        $this->assertContains($status, [VideoStatus::TRANSCODING, VideoStatus::TRANSCODED]);

        $info = $client->getInfo($id);
        $this->assertSame($id, $info['video_id']);
        $this->assertSame('php-main-flow.mp4', $info['name']);
        $this->assertSame(md5_file($path), $info['file_md5']);

        if ($status === VideoStatus::TRANSCODING) {
            try {
                $client->getPlayUrls($id);
                $this->assertSame(VideoStatus::TRANSCODED, $client->getStatus($id), 'play URLs of a video still transcoding');
            } catch (ProviderException $e) {
                $this->assertSame('1003', $e->providerCode);
                $this->assertSame(6, $e->getCode());
            }
        }
        $this->waitForStatus($client, $id, VideoStatus::TRANSCODED);
        $this->assertTrue(VideoStatus::isFinal($client->getStatus($id)));

        $urls = $client->getPlayUrls($id, 'mp4', 600);
        $this->assertSame($id, $urls['video_id']);
        $this->assertNotEmpty($urls['play_info']);
        foreach ($urls['play_info'] as $definition => $play) {
            $this->assertStringContainsString("/play/$id/", $play['url'], $definition);
        }
        $this->assertArrayHasKey('superHD', $client->getPlayUrls($id)['play_info']);

        $token = $client->getPlayerToken($id, 3600);
        $this->assertGreaterThan(10, strlen($token));
        $this->assertIsString($client->getPlayerToken($id));

        $client->delete($id);
        try {
            $client->getStatus($id);
            $this->fail('a deleted video still has a status');
        } catch (InvalidInputException $e) {
            $this->assertSame('1001', $e->providerCode);
        }
    }

    public function testGenericCall(): void
    {
        $client = new Client(Emulator::config());
        // API without a typed method, by operation name (= path under /openapi/).
        $this->assertSame(
            ['url' => 'http://127.0.0.1:9/cb?a=1&b=测试'],
            $client->call('video_account/setTranscodeCallbackUrl', ['url' => 'http://127.0.0.1:9/cb?a=1&b=测试']),
        );
        $this->assertSame('http://127.0.0.1:9/cb?a=1&b=测试', $client->call('video_account/getTranscodeCallbackUrl')['url']);
        $client->call('video_account/setTranscodeCallbackUrl', ['url' => 'http://127.0.0.1:9/none']);

        $account = $client->call('video_account/getAccountInfo');
        $this->assertSame((int) Emulator::$partnerId, (int) $account['partner_id']);

        $name = 'php-category-' . bin2hex(random_bytes(3));
        $category = $client->call('video/addCategory', ['name' => $name, 'parent_id' => 0]);
        $this->assertIsArray($category);
        $names = array_column($client->call('video/getCategoryList')['list'], 'name');
        $this->assertContains($name, $names);

        $id = $client->upload($this->makeFile(2048), ['file_name' => 'php-generic.mp4']);
        $list = $client->call('video/getVideoList', ['page' => 1, 'page_size' => 1000]);
        $this->assertContains($id, array_column($list['list'], 'video_id'));
        $this->assertSame($client->getStatus($id), $client->call('video/getStatus', ['video_id' => $id])['status']);

        $client->call('video/setVideoCategory', ['video_id' => $id, 'category_id' => $category['id']]);
        $this->assertSame($name, $client->getInfo($id)['category'][0]['name']);
        $this->assertSame($category['id'], $client->call('video/getVideosCategory', ['video_ids' => (string) $id])['list'][0]['category_level1_id']);

        // Lists are sent as JSON text; booleans as 1/0; nulls are left out.
        $markers = [
            ['time_offset' => '00:00:01', 'description' => '开始', 'reference_link' => '', 'btntxt' => 'go', 'image' => ''],
            ['time_offset' => '00:00:02', 'description' => 'end & more', 'reference_link' => 'https://example.com/?a=1', 'btntxt' => '', 'image' => ''],
        ];
        $this->assertTrue($client->call('video/setMarker', ['video_unique' => $id, 'content' => $markers]));
        $this->assertEquals($markers, $client->call('video/getMarker', ['video_unique' => $id])['list']);
        $client->call('video/setMarkerJump', ['video_unique' => $id, 'jump' => true]);
        $this->assertTrue((bool) $client->call('video/getMarker', ['video_unique' => $id])['enable_jump']);
        // Files go as unsigned parts: a subtitle (API 32) and a document (API 47).
        $vtt = tempnam(sys_get_temp_dir(), 'vodkit-php-') . '.vtt';
        file_put_contents($vtt, "WEBVTT\n\n00:00.000 --> 00:01.000\n你好\n");
        $subtitle = $client->callWithFile('video/uploadSubtitle', ['video_id' => $id, 'name' => '中文'], 'subtitle', $vtt);
        $this->assertSame('中文', $subtitle['subtitle_name']);
        $this->assertSame('中文', $client->call('video/getSubtitleList', ['video_id' => $id])[0]['subtitle_name']);
        $txt = tempnam(sys_get_temp_dir(), 'vodkit-php-') . '.txt';
        file_put_contents($txt, 'lecture notes');
        $this->assertTrue($client->callWithFile('video/uploadDocument', ['video_unique' => $id], 'file', $txt));
        try {
            $client->callWithFile('video/uploadSubtitle', ['video_id' => $id, 'name' => 'x'], 'subtitle', $vtt . '.missing');
            $this->fail('a missing file was sent');
        } catch (InvalidInputException $e) {
            $this->assertStringContainsString('no such file', $e->getMessage());
        }
        unlink($vtt);
        unlink($txt);
        $notice = $client->call('video/createNotice', ['notice' => [['content' => 'hello', 'link' => 'https://example.com']], 'unused' => null]);
        $this->assertIsArray($notice);
        $client->delete($id);

        // A path that is not an operation name is called as given.
        $this->assertSame($account, $client->call('/video_account/getAccountInfo'));
    }

    public function testGenericCallRejectsBadInput(): void
    {
        $client = new Client(Emulator::config());
        $before = Emulator::totalRequests();
        foreach ([
            fn () => $client->call('video/getStatus', ['not', 'named']),
            fn () => $client->call('../etc/passwd'),
            fn () => $client->call("video/getStatus\0x"),
            fn () => $client->call('video/getStatus', ['video_id' => "\xff"]),
        ] as $i => $call) {
            try {
                $call();
                $this->fail("call $i was sent");
            } catch (InvalidInputException | \Vodkit\Exception\InvalidUtf8Exception $e) {
                $this->assertNotSame('', $e->getMessage());
            }
        }
        $this->assertSame($before, Emulator::totalRequests(), 'no request for bad input');
        // Missing parameters are the provider's 1001.
        try {
            $client->call('video/getStatus');
            $this->fail('getStatus without video_id');
        } catch (InvalidInputException $e) {
            $this->assertSame('1001', $e->providerCode);
        }
    }

    public function testWrongKeyIsAnAuthException(): void
    {
        $client = new Client(Emulator::config(['partner_key' => 'wrong-key-SECRET', 'retry' => ['max_retries' => 0]]));
        try {
            $client->getStatus(1);
            $this->fail('a wrong key was accepted');
        } catch (AuthException $e) {
            $this->assertSame(2, $e->getCode());
            $this->assertSame('1002', $e->providerCode);
            $this->assertSame(200, $e->httpStatus);
            $this->assertStringContainsString('sign error', $e->getMessage());
            $this->assertStringNotContainsString('SECRET', $e->getMessage());
            $this->assertTrue($e->requestId === null || $e->requestId !== '');
            $this->assertInstanceOf(\Vodkit\Exception::class, $e);
        }
    }

    public function testRateLimitingIsARateLimitedException(): void
    {
        $client = new Client(Emulator::config(['retry' => ['max_retries' => 0]]));
        Emulator::post('/_emulator/baijiayun/rate_limit', ['limit' => 1, 'window_ms' => 60_000]);
        try {
            $client->call('video_account/getAccountInfo');
            $client->call('video_account/getAccountInfo');
            $this->fail('not rate limited');
        } catch (RateLimitedException $e) {
            $this->assertSame(3, $e->getCode());
        } finally {
            Emulator::post('/_emulator/baijiayun/rate_limit', ['limit' => 0, 'window_ms' => 1000]);
        }
    }

    public function testConfig(): void
    {
        // Every key of the config array.
        $client = new Client([
            'partner_id' => (int) Emulator::$partnerId,
            'partner_key' => Emulator::$partnerKey,
            'base_url' => Emulator::$baseUrl,
            'secret_key' => 'emulator-secret-key',
            'part_size' => 4 * 1024 * 1024,
            'retry' => ['max_retries' => 1, 'initial_backoff_ms' => 5, 'max_backoff_ms' => 50, 'multiplier' => 2.0],
            'http' => [
                'connect_timeout_ms' => 2000,
                'request_timeout_ms' => 10_000,
                'upload_part_timeout_ms' => 30_000,
                'proxy' => null,
                'user_agent' => 'vodkit-php-tests',
            ],
            'path_overrides' => ['video/getMarker' => 'video_account/getAccountInfo'],
            'upload_field' => 'data',
            'rate_limit_codes' => [429],
        ]);
        // The override sends the operation to another path.
        $this->assertSame($client->call('video_account/getAccountInfo'), $client->call('video/getMarker'));
        // Empty sections are fine (an empty PHP array is sent as a JSON object).
        $empty = new Client(Emulator::config(['path_overrides' => [], 'http' => []]));
        $this->assertIsArray($empty->call('video_account/getAccountInfo'));

        foreach ([
            'unknown key' => ['partner_id' => '1', 'partner_key' => 'k', 'base_url' => 'http://x', 'retries' => 3],
            'unknown retry key' => Emulator::config(['retry' => ['attempts' => 3]]),
            'no base URL' => ['partner_id' => '1', 'partner_key' => 'k'],
            'bad base URL' => ['partner_id' => '1', 'partner_key' => 'k', 'base_url' => 'ftp://x'],
            'wrong type' => Emulator::config(['part_size' => 'big']),
            'empty key' => ['partner_id' => '1', 'partner_key' => '', 'base_url' => 'http://x'],
            'key not a string' => ['partner_id' => '1', 'partner_key' => 987654321, 'base_url' => 'http://x'],
        ] as $what => $config) {
            try {
                new Client($config);
                $this->fail("$what was accepted");
            } catch (InvalidInputException $e) {
                $this->assertStringNotContainsString(Emulator::$partnerKey, $e->getMessage(), $what);
                $this->assertStringNotContainsString('987654321', $e->getMessage(), $what);
            }
        }
    }

    public function testHandlesAreFreedWithTheirObjects(): void
    {
        $before = Library::liveObjects();
        $client = new Client(Emulator::config());
        $this->assertSame($before + 1, Library::liveObjects());
        $this->assertSame('0.1.0', Library::version());
        unset($client);
        $this->assertSame($before, Library::liveObjects());
        $this->expectException(\Error::class);
        $copy = clone new Client(Emulator::config());
    }

    private function waitForStatus(Client $client, int $id, int $status): void
    {
        $deadline = microtime(true) + 20;
        while ($client->getStatus($id) !== $status) {
            if (microtime(true) > $deadline) {
                $this->fail("video $id never reached status $status");
            }
            usleep(50_000);
        }
    }
}
