<?php

declare(strict_types=1);

// The Laravel example served for real: `php -S` runs public/index.php in a
// process of its own (bootstrap/app.php, config/app.php's providers, the
// environment as VODKIT_BAIJIAYUN_*), and a multipart upload goes to it
// over a loopback socket. Asserted against what the sandbox's Baijiayun
// holds.

namespace App\Tests\Feature;

use App\Tests\AppEnvironment;
use PHPUnit\Framework\TestCase;
use Vodkit\Testing\UsesSandbox;

require_once __DIR__ . '/../AppEnvironment.php';

final class ServedAppTest extends TestCase
{
    use AppEnvironment;
    use UsesSandbox;

    /** @var resource|null */
    private $server = null;
    private string $url = '';

    protected function tearDown(): void
    {
        if ($this->server !== null) {
            proc_terminate($this->server);
            proc_close($this->server);
            $this->server = null;
        }
        $this->removeStorage();
    }

    /** Starts `php -S` on a free loopback port; answers once it accepts connections. */
    private function serve(): void
    {
        $env = $this->appEnvironment() + getenv();
        // The CLI server is not the `cli` SAPI: FFI must be enabled for it
        // (under PHP-FPM, enable it or preload vodkit: bindings/php/README.md).
        $php = [PHP_BINARY, '-d', 'ffi.enable=1'];
        for ($attempt = 1; ; $attempt++) {
            $probe = stream_socket_server('tcp://127.0.0.1:0');
            $address = stream_socket_get_name($probe, false);
            fclose($probe);
            $log = "$this->storage/server.log";
            $this->server = proc_open(
                [...$php, '-S', $address, dirname(__DIR__, 2) . '/public/index.php'],
                [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'a'], 2 => ['file', $log, 'a']],
                $pipes,
                dirname(__DIR__, 2) . '/public',
                $env,
            );
            $deadline = microtime(true) + 60;
            while (microtime(true) < $deadline && proc_get_status($this->server)['running']) {
                $socket = @stream_socket_client("tcp://$address", $errno, $error, 1);
                if ($socket !== false) {
                    fclose($socket);
                    $this->url = "http://$address";
                    return;
                }
                usleep(50_000);
            }
            proc_terminate($this->server);
            proc_close($this->server);
            $this->server = null;
            // Another process may have taken the port between probe and bind.
            if ($attempt === 3) {
                $this->fail("php -S did not start:\n" . file_get_contents($log));
            }
        }
    }

    /**
     * One HTTP request; answers [status, headers, decoded JSON body].
     *
     * @param array<string, string> $headers
     * @return array{int, array<string, string>, mixed}
     */
    private function request(string $method, string $path, string $body = '', array $headers = []): array
    {
        $headers += ['Accept' => 'application/json', 'Connection' => 'close'];
        $context = stream_context_create(['http' => [
            'method' => $method,
            'header' => implode("\r\n", array_map(static fn ($k, $v) => "$k: $v", array_keys($headers), $headers)),
            'content' => $body,
            'ignore_errors' => true,
            'timeout' => 120,
        ]]);
        $answer = file_get_contents($this->url . $path, false, $context);
        $this->assertNotFalse($answer, "no answer from $method $path");
        /** @var list<string> $http_response_header */
        preg_match('{^HTTP/\S+ (\d{3})}', $http_response_header[0], $m);
        $named = [];
        foreach (array_slice($http_response_header, 1) as $line) {
            [$name, $value] = explode(':', $line, 2) + [1 => ''];
            $named[strtolower($name)] = trim($value);
        }
        $json = json_decode($answer, true);
        $this->assertNotNull($json, "$method $path answered $m[1] with no JSON:\n$answer\n" . @file_get_contents("$this->storage/server.log"));
        return [(int) $m[1], $named, $json];
    }

    public function testAFormUploadReachesTheProvider(): void
    {
        $this->serve();
        $path = self::lecture(1 << 20);
        $boundary = bin2hex(random_bytes(12));
        $body = "--$boundary\r\n"
            . "Content-Disposition: form-data; name=\"video\"; filename=\"lecture.mp4\"\r\n"
            . "Content-Type: video/mp4\r\n\r\n"
            . file_get_contents($path) . "\r\n"
            . "--$boundary--\r\n";

        [$status, $headers, $posted] = $this->request('POST', '/api/videos', $body, [
            'Content-Type' => "multipart/form-data; boundary=$boundary",
        ]);
        $this->assertSame(202, $status, json_encode($posted));
        $this->assertSame("$this->url/api/videos/uploads/{$posted['upload']}", $headers['location']);

        [$status, , $video] = $this->request('GET', "/api/videos/uploads/{$posted['upload']}");
        $this->assertSame(200, $status, json_encode($video));
        [$held] = $this->sandbox->videos('baijiayun');
        $this->assertSame($held['video_id'], $video['video_id']);
        $this->assertSame(md5_file($path), $held['md5']);
        $this->assertStringContainsString('video uploaded {"video_id":' . $video['video_id'] . '}', $this->appLog());
        unlink($path);
    }
}
