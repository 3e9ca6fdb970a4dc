<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Baijiayun;
use Vodkit\Baijiayun\CallbackVerifier;
use Vodkit\Baijiayun\PlaybackAuthRequest;
use Vodkit\Baijiayun\Signer;
use Vodkit\Baijiayun\TranscodeEvent;
use Vodkit\Baijiayun\VideoStatus;
use Vodkit\Exception\VerificationException;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

/**
 * Real signed callbacks: the emulator POSTs them to the documented example
 * endpoint (examples/callback_endpoint.php) served by `php -S`, which
 * verifies them and writes each event to a file; then the same bodies are
 * replayed, altered, to the verifier.
 */
final class CallbackTest extends TestCase
{
    /** @var resource|null */
    private static $server = null;
    private static string $endpoint;
    private static string $events;

    public static function setUpBeforeClass(): void
    {
        $probe = stream_socket_server('tcp://127.0.0.1:0');
        $address = stream_socket_get_name($probe, false);
        fclose($probe);
        self::$endpoint = "http://$address/baijiayun/callback";
        self::$events = Emulator::$dir . '/events.jsonl';
        $env = getenv();
        $env['BJY_PARTNER_KEY'] = Emulator::$partnerKey;
        $env['VODKIT_EVENTS_FILE'] = self::$events;
        $log = Emulator::$dir . '/endpoint.log';
        self::$server = proc_open(
            // As under PHP-FPM: a server SAPI, where ffi.enable=preload lets only preloaded code use FFI.
            array_merge(
                [PHP_BINARY],
                extension_loaded('Zend OPcache') ? [
                    '-d', 'ffi.enable=preload', '-d', 'opcache.enable=1', '-d', 'opcache.enable_cli=1',
                    '-d', 'opcache.preload=' . dirname(__DIR__) . '/preload.php',
                    ...(function_exists('posix_geteuid') && posix_geteuid() === 0 ? ['-d', 'opcache.preload_user=root'] : []),
                ] : ['-d', 'ffi.enable=1'],
                ['-S', $address, dirname(__DIR__) . '/examples/callback_endpoint.php'],
            ),
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'w'], 2 => ['file', $log, 'a']],
            $pipes,
            null,
            $env,
        );
        register_shutdown_function([self::class, 'tearDownAfterClass']); // also when the run dies
        $deadline = microtime(true) + 60;
        while (@fsockopen('127.0.0.1', (int) substr(strrchr($address, ':'), 1)) === false) {
            if (microtime(true) > $deadline) {
                throw new \RuntimeException('php -S did not start: ' . @file_get_contents($log));
            }
            usleep(20_000);
        }
    }

    public static function tearDownAfterClass(): void
    {
        if (is_resource(self::$server)) {
            proc_terminate(self::$server);
            proc_close(self::$server);
        }
        self::$server = null;
    }

    public function testTheEndpointReceivesAndVerifiesRealCallbacks(): void
    {
        $client = new Baijiayun(Emulator::config());
        $path = $this->makeFile(300_000);
        $id = $client->upload($path, ['file_name' => 'php-callback.mp4', 'callback_url' => self::$endpoint])['video_id'];

        // 20 (upload complete), then 100 (transcoded), each verified by the endpoint.
        $events = $this->waitForEvents($id, 2);
        usort($events, fn ($a, $b) => $a['status'] <=> $b['status']); // two deliveries may race
        $this->assertSame([VideoStatus::TRANSCODING, VideoStatus::TRANSCODED], array_column($events, 'status'));
        $done = $events[1];
        $this->assertSame($id, $done['video_id']);
        $this->assertSame(md5_file($path), $done['file_md5']);
        $this->assertSame(300_000, $done['total_size']);
        $this->assertNotEmpty($done['preface_url']);
        $this->assertNotSame($events[0]['qid'], $done['qid']);
        $this->assertEqualsWithDelta(time(), $done['timestamp'], 300);
        $this->assertArrayNotHasKey('sign', $done['fields']);

        // The emulator saw {"code":0} the first time: delivered, no retry.
        $sent = $this->waitForDeliveries($id, 2);
        foreach ($sent as $callback) {
            $this->assertTrue($callback['delivered']);
            $this->assertSame(1, $callback['attempts']);
        }

        // Replayed to the verifier: as the raw body and as $_POST would hold it.
        $verifier = new CallbackVerifier(Emulator::$partnerKey, 300);
        $body = $sent[VideoStatus::TRANSCODED]['body'];
        $event = $verifier->verifyTranscode($body);
        $this->assertInstanceOf(TranscodeEvent::class, $event);
        $this->assertSame($id, $event->videoId);
        $this->assertSame(VideoStatus::TRANSCODED, $event->status);
        $this->assertTrue($event->isTranscoded());
        $this->assertSame(md5_file($path), $event->fileMd5);
        $this->assertSame(300_000, $event->totalSize);
        $this->assertNotNull($event->totalTranscodeSize);
        $this->assertNotNull($event->length);
        $this->assertNotNull($event->nowDefinition);
        $this->assertNotNull($event->originDefinition);
        $this->assertSame($done['qid'], $event->qid);
        parse_str($body, $post);
        $this->assertEquals($event, $verifier->verifyTranscode($post));
        $this->assertSame(json_encode($event), json_encode($verifier->verifyTranscode($post)));

        // Tampered: the status changed.
        $tampered = str_replace('status=100', 'status=30', $body);
        $this->assertNotSame($body, $tampered);
        $this->assertReason('tampered', fn () => $verifier->verifyTranscode($tampered));
        $this->assertReason('tampered', fn () => $verifier->verifyTranscode(['status' => '30'] + $post));
        // Signed with another key.
        $this->assertReason('tampered', fn () => (new CallbackVerifier('another-key'))->verifyTranscode($body));
        // Unsigned: the sign removed.
        $unsigned = $post;
        unset($unsigned['sign']);
        $this->assertReason('unsigned', fn () => $verifier->verifyTranscode($unsigned));
        $this->assertReason('unsigned', fn () => $verifier->verifyTranscode(http_build_query($unsigned)));
        // Malformed: not form data, a field PHP made an array, a field missing.
        $this->assertReason('malformed', fn () => $verifier->verifyTranscode(''));
        $this->assertReason('malformed', fn () => $verifier->verifyTranscode(['sign' => ['x']] + $post));
        $this->assertReason('malformed', fn () => $verifier->verifyTranscode(['video_id' => "\xff"] + $post));
        $noId = $unsigned;
        unset($noId['video_id']);
        $noId['sign'] = Signer::sign($noId, Emulator::$partnerKey);
        $this->assertReason('malformed', fn () => $verifier->verifyTranscode($noId));

        // The endpoint answers a tampered delivery with 403 and records nothing.
        [$status, $answer] = $this->post(self::$endpoint, $tampered);
        $this->assertSame(403, $status);
        $this->assertSame(['code' => 1, 'msg' => 'tampered'], json_decode($answer, true));
        [$status, $answer] = $this->post(self::$endpoint, $body);
        $this->assertSame(200, $status, 'a replayed genuine body verifies (dedupe on qid)');
        $this->assertSame(['code' => 0], json_decode($answer, true));
        $this->assertCount(3, $this->events($id));
    }

    public function testStaleCallbacksAreRejected(): void
    {
        $fields = ['video_id' => '7', 'status' => '30', 'qid' => 'q-stale', 'timestamp' => (string) (time() - 3600)];
        $fields['sign'] = Signer::sign($fields, Emulator::$partnerKey);
        $this->assertReason('stale', fn () => (new CallbackVerifier(Emulator::$partnerKey, maxAge: 300))->verifyTranscode($fields));
        $this->assertReason('stale', fn () => (new CallbackVerifier(Emulator::$partnerKey, maxAge: 300))->verifyTranscode(http_build_query($fields)));
        // The window is on by default (300 s): a replay an hour later is stale.
        $this->assertReason('stale', fn () => (new CallbackVerifier(Emulator::$partnerKey))->verifyTranscode($fields));
        // Turned off explicitly (0), the signature alone decides.
        $event = (new CallbackVerifier(Emulator::$partnerKey, maxAge: 0))->verifyTranscode($fields);
        $this->assertSame(7, $event->videoId);
        $this->assertTrue($event->isFailed());
        $this->assertNull($event->fileMd5);
        $this->assertSame(['qid' => 'q-stale', 'status' => '30', 'timestamp' => $fields['timestamp'], 'video_id' => '7'], $event->fields);
        // A fresh one passes the window.
        $fresh = ['timestamp' => (string) time()] + $fields;
        $fresh['sign'] = Signer::sign(array_diff_key($fresh, ['sign' => 1]), Emulator::$partnerKey);
        $this->assertSame('q-stale', (new CallbackVerifier(Emulator::$partnerKey, 300))->verifyTranscode($fresh)->qid);
    }

    public function testPlaybackAuth(): void
    {
        $strict = new CallbackVerifier(Emulator::$partnerKey, requireSignedAuth: true);
        $fields = ['access_key' => 'viewer-42', 'video_id' => '5', 'timestamp' => (string) time()];
        $signed = $fields + ['sign' => Signer::sign($fields, Emulator::$partnerKey)];
        foreach ([$signed, http_build_query($signed)] as $request) {
            $auth = $strict->verifyPlaybackAuth($request);
            $this->assertInstanceOf(PlaybackAuthRequest::class, $auth);
            $this->assertSame('viewer-42', $auth->accessKey);
            $this->assertSame(5, $auth->videoId);
            $this->assertSame((int) $fields['timestamp'], $auth->timestamp);
        }
        $this->assertReason('unsigned', fn () => $strict->verifyPlaybackAuth('access_key=abc&video_id=5'));
        $this->assertReason('tampered', fn () => $strict->verifyPlaybackAuth(['video_id' => '6'] + $signed));

        // By default the documented request (access_key and video_id, no
        // sign) is accepted; a sign that is sent is still checked.
        $lenient = new CallbackVerifier(Emulator::$partnerKey);
        $auth = $lenient->verifyPlaybackAuth(['access_key' => 'a b&c', 'video_id' => 5]);
        $this->assertSame('a b&c', $auth->accessKey);
        $this->assertSame(5, $lenient->verifyPlaybackAuth('access_key=abc&video_id=5')->videoId);
        $this->assertReason('tampered', fn () => $lenient->verifyPlaybackAuth(['video_id' => '6'] + $signed));
        $this->assertReason('malformed', fn () => $lenient->verifyPlaybackAuth(['video_id' => '5']));
    }

    private function assertReason(string $reason, callable $verify): void
    {
        try {
            $verify();
            $this->fail("expected a $reason request to be rejected");
        } catch (VerificationException $e) {
            $this->assertSame($reason, $e->reason, $e->getMessage());
            $this->assertSame(10, $e->getCode());
            $this->assertSame($reason, $e->detail);
        }
    }

    /** @return list<array<string, mixed>> the endpoint's events for $videoId */
    private function events(int $videoId): array
    {
        $lines = is_file(self::$events) ? file(self::$events, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) : [];
        $events = array_map(fn ($l) => json_decode($l, true, 512, JSON_THROW_ON_ERROR), $lines);
        return array_values(array_filter($events, fn ($e) => $e['video_id'] === $videoId));
    }

    /** @return list<array<string, mixed>> */
    private function waitForEvents(int $videoId, int $count): array
    {
        $deadline = microtime(true) + 60;
        while (count($events = $this->events($videoId)) < $count) {
            if (microtime(true) > $deadline) {
                $this->fail("the endpoint verified " . count($events) . " callbacks of video $videoId, expected $count; log: "
                    . @file_get_contents(Emulator::$dir . '/endpoint.log'));
            }
            usleep(50_000);
        }
        return $events;
    }

    /**
     * The emulator's records of the callbacks of $videoId to the endpoint,
     * once $count of them are marked delivered, keyed by status.
     *
     * @return array<int, array<string, mixed>>
     */
    private function waitForDeliveries(int $videoId, int $count): array
    {
        $deadline = microtime(true) + 60;
        do {
            $sent = [];
            foreach (Emulator::callbacks() as $callback) {
                $fields = array_column($callback['fields'], 1, 0);
                if ($callback['url'] === self::$endpoint && $fields['video_id'] === (string) $videoId) {
                    $sent[(int) $fields['status']] = $callback;
                }
            }
            $delivered = array_filter($sent, fn ($c) => $c['delivered']);
            if (count($delivered) >= $count) {
                ksort($sent);
                return $sent;
            }
            usleep(20_000);
        } while (microtime(true) < $deadline);
        $this->fail("the emulator recorded " . count($delivered) . " delivered callbacks of video $videoId: " . json_encode($sent));
    }

    /** @return array{0: int, 1: string} */
    private function post(string $url, string $body): array
    {
        $context = stream_context_create(['http' => [
            'method' => 'POST',
            'header' => "Content-Type: application/x-www-form-urlencoded\r\n",
            'content' => $body,
            'ignore_errors' => true,
        ]]);
        $answer = (string) file_get_contents($url, false, $context);
        return [(int) explode(' ', $http_response_header[0])[1], $answer];
    }
}
