<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Baijiayun;
use Vodkit\Baijiayun\VideoStatus;
use Vodkit\Client;
use Vodkit\Exception\AuthException;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Exception\ProviderException;
use Vodkit\Exception\RateLimitedException;
use Vodkit\Library;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

final class ClientTest extends TestCase
{
    /** The main flow through the generated typed methods. */
    public function testMainFlow(): void
    {
        $client = new Baijiayun(Emulator::config(['part_size' => 512 * 1024]));
        $this->assertInstanceOf(Client::class, $client);
        $this->assertSame('baijiayun', $client->provider());
        $path = $this->makeFile(1024 * 1024 + 7);
        $uploaded = $client->upload($path, ['file_name' => 'php-main-flow.mp4', 'definitions' => [16, 1, 2], 'formats' => [1]]);
        $id = $uploaded['video_id'];
        $this->assertGreaterThan(0, $id);
        $this->assertSame(['video_id' => $id, 'bytes' => 1024 * 1024 + 7, 'resumed_from' => 0, 'file_md5' => md5_file($path)], $uploaded);

        $status = $client->getStatus($id)['status'];
        $this->assertContains($status, [VideoStatus::TRANSCODING, VideoStatus::TRANSCODED]);

        $info = $client->getInfo($id);
        $this->assertSame($id, $info['video_id']);
        $this->assertSame('php-main-flow.mp4', $info['name']);
        $this->assertSame(md5_file($path), $info['file_md5']);

        if ($status === VideoStatus::TRANSCODING) {
            try {
                $client->getUrl($id);
                $this->assertSame(VideoStatus::TRANSCODED, $client->getStatus($id)['status'], 'play URLs of a video still transcoding');
            } catch (ProviderException $e) {
                $this->assertSame('1003', $e->providerCode);
                $this->assertSame(6, $e->getCode());
            }
        }
        $this->waitForStatus($client, $id, VideoStatus::TRANSCODED);
        $this->assertTrue(VideoStatus::isFinal($client->getStatus($id)['status']));

        $urls = $client->getUrl($id, 'mp4', 600);
        $this->assertSame($id, $urls['video_id']);
        $this->assertNotEmpty($urls['play_info']);
        foreach ($urls['play_info'] as $definition => $play) {
            $this->assertStringContainsString("/play/$id/", $play['url'], $definition);
        }
        $this->assertArrayHasKey('superHD', $client->getUrl(video_id: $id)['play_info']);

        $token = $client->getPlayerToken($id, 3600)['token'];
        $this->assertGreaterThan(10, strlen($token));
        $this->assertIsString($client->getPlayerToken($id)['token']);

        $this->assertSame(['video_id' => $id], $client->delete($id));
        try {
            $client->getStatus($id);
            $this->fail('a deleted video still has a status');
        } catch (InvalidInputException $e) {
            $this->assertSame('1001', $e->providerCode);
        }
    }

    /** The generic call: every operation by its catalog name, parameters under their wire names. */
    public function testGenericCall(): void
    {
        $client = new Client('baijiayun', Emulator::config());
        $this->assertSame('baijiayun', $client->provider());
        $url = 'http://127.0.0.1:9/cb?a=1&b=测试';
        $this->assertSame(['url' => $url], $client->call('video_account/setTranscodeCallbackUrl', ['url' => $url]));
        $this->assertSame($url, $client->call('video_account/getTranscodeCallbackUrl')['url']);
        $client->call('video_account/setTranscodeCallbackUrl', ['url' => 'http://127.0.0.1:9/none']);

        $account = $client->call('video_account/getAccountInfo');
        $this->assertSame((int) Emulator::$partnerId, (int) $account['partner_id']);

        $name = 'php-category-' . bin2hex(random_bytes(3));
        $category = $client->call('video/addCategory', ['name' => $name, 'parent_id' => 0]);
        $this->assertIsArray($category);
        $names = array_column($client->call('video/getCategoryList')['list'], 'name');
        $this->assertContains($name, $names);

        $id = $client->upload($this->makeFile(2048), ['file_name' => 'php-generic.mp4'])['video_id'];
        $list = $client->call('video/getVideoList', ['page' => 1, 'page_size' => 1000]);
        $this->assertContains($id, array_column($list['list'], 'video_id'));
        $this->assertContains($client->call('video/getStatus', ['video_id' => $id])['status'], [VideoStatus::TRANSCODING, VideoStatus::TRANSCODED]);

        $this->assertSame($id, $client->call('video/setVideoCategory', ['video_id' => $id, 'category_id' => $category['id']])['video_id']);
        $this->assertSame($name, $client->call('video/getInfo', ['video_id' => $id])['category'][0]['name']);
        $this->assertSame($category['id'], $client->call('video/getVideosCategory', ['video_ids' => (string) $id])['list'][0]['category_level1_id']);

        // Lists of models are sent as JSON text; an acknowledgement is null.
        $markers = [
            ['time_offset' => '00:00:01', 'description' => '开始', 'reference_link' => '', 'btntxt' => 'go', 'image' => ''],
            ['time_offset' => '00:00:02', 'description' => 'end & more', 'reference_link' => 'https://example.com/?a=1', 'btntxt' => '', 'image' => ''],
        ];
        $this->assertNull($client->call('video/setMarker', ['video_unique' => (string) $id, 'content' => $markers]));
        $this->assertEquals($markers, $client->call('video/getMarker', ['video_unique' => (string) $id])['list']);
        $client->call('video/setMarkerJump', ['video_unique' => (string) $id, 'jump' => 1]);
        $this->assertTrue($client->call('video/getMarker', ['video_unique' => (string) $id])['enable_jump']);

        // Files go as unsigned parts, in the catalog's file field: a subtitle (API 32) and a document (API 47).
        $fields = array_column($client->operations(), 'file_field', 'name');
        $this->assertSame('subtitle', $fields['video/uploadSubtitle']);
        $this->assertSame('file', $fields['video/uploadDocument']);
        $vtt = $this->makeText("WEBVTT\n\n00:00.000 --> 00:01.000\n你好\n", 'sub.vtt');
        $subtitle = $client->callWithFile('video/uploadSubtitle', ['video_id' => $id, 'name' => '中文'], 'subtitle', $vtt);
        $this->assertSame('中文', $subtitle['subtitle_name']);
        $this->assertSame('中文', $client->call('video/getSubtitleList', ['video_id' => $id])[0]['subtitle_name']);
        $txt = $this->makeText('lecture notes', 'notes.txt');
        $this->assertNull($client->callWithFile('video/uploadDocument', ['video_unique' => (string) $id], 'file', $txt));
        try {
            $client->callWithFile('video/uploadSubtitle', ['video_id' => $id, 'name' => 'x'], 'subtitle', $vtt . '.missing');
            $this->fail('a missing file was sent');
        } catch (InvalidInputException $e) {
            $this->assertMatchesRegularExpression('/no such file|not a file/', $e->getMessage());
        }
        $notice = $client->call('video/createNotice', ['notice' => [['content' => 'hello', 'link' => 'https://example.com']]]);
        $this->assertSame([['content' => 'hello', 'link' => 'https://example.com']], $notice['notice']);
        $this->assertSame(['video_id' => $id], $client->call('video/delete', ['video_id' => $id]));

        // A path that is not an operation name is called as given.
        $this->assertSame($account['partner_id'], $client->call('/video_account/getAccountInfo')['partner_id']);
    }

    public function testOperationsListTheCatalog(): void
    {
        $client = new Client('baijiayun', Emulator::config(['path_overrides' => ['video/getMarker' => 'video/getMarkers']]));
        $operations = $client->operations();
        $this->assertGreaterThanOrEqual(59, count($operations));
        $byName = array_column($operations, null, 'name');
        $status = $byName['video/getStatus'];
        $this->assertSame('baijiayun', $status['provider']);
        $this->assertSame('get_status', $status['function']);
        $this->assertSame('POST', $status['method']);
        $this->assertFalse($status['provisional']);
        $this->assertNull($status['file_field']);
        $this->assertSame([['name' => 'video_id', 'type' => 'integer', 'required' => true]], array_map(
            fn ($p) => array_intersect_key($p, ['name' => 1, 'type' => 1, 'required' => 1]),
            $status['params'],
        ));
        $this->assertSame('object', $status['answer']['type']);
        $this->assertArrayHasKey('status', $status['answer']['properties']);
        // The path this client sends, after path_overrides.
        $this->assertSame('video/getMarkers', $byName['video/getMarker']['path']);
        $this->assertTrue($byName['video/getMarker']['provisional']);
    }

    public function testGenericCallRejectsBadInput(): void
    {
        $client = new Client('baijiayun', Emulator::config());
        $before = Emulator::totalRequests();
        $cases = [
            'a list' => fn () => $client->call('video/getStatus', ['not', 'named']),
            'a path out of the API' => fn () => $client->call('../etc/passwd'),
            'a NUL byte' => fn () => $client->call("video/getStatus\0x"),
            'invalid UTF-8' => fn () => $client->call('video/getStatus', ['video_id' => "\xff"]),
            'an unknown parameter' => fn () => $client->call('video/getStatus', ['video_id' => 1, 'vid' => 1]),
            'a parameter of the wrong type' => fn () => $client->call('video/getStatus', ['video_id' => 'twelve']),
            'a missing required parameter' => fn () => $client->call('video/getStatus'),
            'a file for an operation without one' => fn () => $client->callWithFile('video/getStatus', ['video_id' => 1], 'file', __FILE__),
            'no file for an operation with one' => fn () => $client->call('video/uploadSubtitle', ['video_id' => 1, 'name' => 'x']),
        ];
        foreach ($cases as $what => $call) {
            try {
                $call();
                $this->fail("$what was sent");
            } catch (InvalidInputException | \Vodkit\Exception\InvalidUtf8Exception $e) {
                $this->assertNotSame('', $e->getMessage(), $what);
            }
        }
        $this->assertSame($before, Emulator::totalRequests(), 'no request for bad input');
        try {
            $client->call('video/getStatus', ['video_id' => 1, 'vid' => 1]);
        } catch (InvalidInputException $e) {
            $this->assertStringContainsString('vid', $e->getMessage(), 'the unknown parameter is named');
        }
    }

    public function testWrongKeyIsAnAuthException(): void
    {
        $client = new Baijiayun(Emulator::config(['partner_key' => 'wrong-key-SECRET', 'retry' => ['max_retries' => 0]]));
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
            $this->assertNull($e->getResume());
            $this->assertInstanceOf(\Vodkit\Exception::class, $e);
        }
    }

    public function testRateLimitingIsARateLimitedException(): void
    {
        $client = new Baijiayun(Emulator::config(['retry' => ['max_retries' => 0]]));
        Emulator::post('rate_limit', ['limit' => 1, 'window_ms' => 60_000]);
        try {
            $client->getAccountInfo();
            $client->getAccountInfo();
            $this->fail('not rate limited');
        } catch (RateLimitedException $e) {
            $this->assertSame(3, $e->getCode());
        } finally {
            Emulator::post('rate_limit', ['limit' => 0, 'window_ms' => 1000]);
        }
    }

    public function testConfig(): void
    {
        // Every key of the config array, the same keys as in every binding.
        $client = new Client('baijiayun', [
            'partner_id' => (int) Emulator::$partnerId, // a number is taken for a string key
            'partner_key' => Emulator::$partnerKey,
            'secret_key' => 'emulator-secret-key',
            'private_domain' => 'acme', // base_url wins
            'base_url' => Emulator::apiUrl(),
            'hosts' => [],
            'path_overrides' => ['video_account/getTranscodeCallbackUrl' => 'video_account/getAccountInfo'],
            'connect_timeout_ms' => 2000,
            'request_timeout_ms' => 10_000,
            'upload_part_timeout_ms' => 30_000,
            'proxy' => null,
            'user_agent' => 'vodkit-php-tests',
            'pool_max_idle_per_host' => 2,
            'retry' => ['max_retries' => 1, 'initial_backoff_ms' => 5, 'max_backoff_ms' => 50, 'multiplier' => 2.0],
            'upload_field' => 'data',
            'part_size' => 4 * 1024 * 1024,
            'rate_limit_codes' => [429],
        ]);
        // The override sends the operation to another path (whose answer has no `url`).
        $this->assertSame(['url' => ''], $client->call('video_account/getTranscodeCallbackUrl'));
        // Empty maps are fine (an empty PHP array is sent as a JSON object where the config takes one).
        $empty = new Baijiayun(Emulator::config(['path_overrides' => [], 'hosts' => [], 'retry' => []]));
        $this->assertIsArray($empty->getAccountInfo());

        foreach ([
            'unknown key' => ['partner_id' => '1', 'partner_key' => 'k', 'base_url' => 'http://x', 'retries' => 3],
            'the old http section' => Emulator::config(['http' => ['user_agent' => 'x']]),
            'no base URL' => ['partner_id' => '1', 'partner_key' => 'k'],
            'bad base URL' => ['partner_id' => '1', 'partner_key' => 'k', 'base_url' => 'ftp://x'],
            'wrong type' => Emulator::config(['part_size' => 'big']),
            'empty key' => ['partner_id' => '1', 'partner_key' => '', 'base_url' => 'http://x'],
            'key not a string' => ['partner_id' => '1', 'partner_key' => 987654321, 'base_url' => 'http://x'],
            'secret key not a string' => Emulator::config(['secret_key' => 987654321]),
            'a list' => ['partner_id', 'partner_key'],
        ] as $what => $config) {
            try {
                new Client('baijiayun', $config);
                $this->fail("$what was accepted");
            } catch (InvalidInputException $e) {
                $this->assertStringNotContainsString(Emulator::$partnerKey, $e->getMessage(), $what);
                $this->assertStringNotContainsString('987654321', $e->getMessage(), $what);
            }
        }
        try {
            new Client('no-such-provider', []);
            $this->fail('an unknown provider was accepted');
        } catch (InvalidInputException $e) {
            $this->assertStringContainsString('baijiayun', $e->getMessage(), 'the known providers are listed');
        }
    }

    public function testHandlesAreFreedWithTheirObjects(): void
    {
        $before = Library::liveObjects();
        $client = new Client('baijiayun', Emulator::config());
        $this->assertSame($before + 1, Library::liveObjects());
        $typed = new Baijiayun(Emulator::config());
        $this->assertSame($before + 2, Library::liveObjects());
        $typed->operations();
        $client->call('video_account/getAccountInfo');
        $this->assertSame($before + 2, Library::liveObjects(), 'answers are freed once copied');
        $this->assertSame('0.1.0', Library::version());
        unset($client, $typed);
        $this->assertSame($before, Library::liveObjects());
        $this->expectException(\Error::class);
        $copy = clone new Baijiayun(Emulator::config());
    }

    private function makeText(string $text, string $name): string
    {
        $path = $this->makeFile(0, $name);
        file_put_contents($path, $text);
        return $path;
    }

    private function waitForStatus(Baijiayun $client, int $id, int $status): void
    {
        $deadline = microtime(true) + 60;
        while ($client->getStatus($id)['status'] !== $status) {
            if (microtime(true) > $deadline) {
                $this->fail("video $id never reached status $status");
            }
            usleep(50_000);
        }
    }
}
