<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Client;
use Vodkit\Exception\AuthException;
use Vodkit\Exception\IntegrityException;
use Vodkit\Progress;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;
use Vodkit\Url;

/**
 * Uploads from an http(s) URL (Vodkit\Url) against a loopback origin
 * (`php -S` with a router serving Range requests and an ETag).
 */
final class UrlSourceTest extends TestCase
{
    private const TOKEN = 'php-origin-token-98765';

    /** @var resource|null */
    private $origin = null;
    private string $base = '';
    private string $file = '';

    protected function tearDown(): void
    {
        if ($this->origin !== null) {
            proc_terminate($this->origin);
            proc_close($this->origin);
        }
        parent::tearDown();
    }

    private function startOrigin(string $file): void
    {
        // A free port: bound, read, released, then taken by php -S.
        $probe = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) substr((string) stream_socket_get_name($probe, false), strlen('127.0.0.1:'));
        fclose($probe);
        // Several workers: parts are read in parallel, one request each.
        $env = getenv() + ['VODKIT_ORIGIN_FILE' => $file, 'VODKIT_ORIGIN_TOKEN' => self::TOKEN, 'PHP_CLI_SERVER_WORKERS' => '4'];
        $this->origin = proc_open(
            [PHP_BINARY, '-S', "127.0.0.1:$port", __DIR__ . '/Support/origin-router.php'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']],
            $pipes,
            null,
            $env,
        );
        $this->base = "http://127.0.0.1:$port";
        $deadline = microtime(true) + 30;
        while (microtime(true) < $deadline) {
            $conn = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 1);
            if ($conn !== false) {
                fclose($conn);
                return;
            }
            usleep(20_000);
        }
        $this->fail('the origin did not start');
    }

    private function url(string $name, string $token = self::TOKEN): Url
    {
        return new Url("{$this->base}/media/$name?token=$token");
    }

    public function testAnHttpUrlIsUploadedAndAChangedOriginIsAnIntegrityError(): void
    {
        $size = 2 * 1024 * 1024 + 5;
        $this->file = $this->makeFile($size, 'origin.mp4');
        $this->startOrigin($this->file);
        $client = new Client('baijiayun', Emulator::config(['part_size' => 512 * 1024]));

        $url = $this->url('lesson.mp4');
        $this->assertStringNotContainsString(self::TOKEN, (string) $url);
        $this->assertStringNotContainsString(self::TOKEN, print_r($url, true));
        $id = $client->upload($url, ['ranged' => true])['video_id'];
        $stored = Emulator::video($id);
        $this->assertSame(md5_file($this->file), $stored['md5']);
        $this->assertSame('lesson.mp4', $stored['name']);

        // The origin's file changes once the upload is under way.
        $file = $this->file;
        $changed = false;
        try {
            $client->upload($url, ['ranged' => true, 'file_name' => 'changed.mp4'], function (Progress $p) use (&$changed, $file): void {
                if (!$changed && $p->bytesDone > 0) {
                    file_put_contents($file, strrev((string) file_get_contents($file)));
                    $changed = true;
                }
            });
            $this->fail('an upload of a changed origin succeeded');
        } catch (IntegrityException $e) {
            $this->assertTrue($changed);
        }

        try {
            $client->upload($this->url('x.mp4', 'nope-' . self::TOKEN));
            $this->fail('a wrong token was accepted');
        } catch (AuthException $e) {
            $this->assertStringNotContainsString(self::TOKEN, $e->getMessage());
        }
    }
}
