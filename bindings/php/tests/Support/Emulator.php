<?php

declare(strict_types=1);

namespace Vodkit\Tests\Support;

/**
 * The emulator the whole run shares: started once by the bootstrap, stopped
 * at exit, steered over HTTP through its control API.
 */
final class Emulator
{
    /**
     * Where the emulator serves the provider's API and its control API,
     * relative to the address it prints: the one place tests build these
     * URLs (see apiUrl() and controlUrl()).
     */
    private const API_PREFIX = '/baijiayun';
    private const CONTROL_PREFIX = '/_emulator/baijiayun';

    /** The emulator's address, as it prints it (`base_url` of its first line). */
    public static string $address;
    public static string $partnerId;
    public static string $partnerKey;
    public static string $dir;
    /** @var array{base_url: string, client_id: string, client_secret: string} iQiyi's part */
    public static array $iqiyi;
    /** @var array{base_url: string, user_name: string, password: string} the 趣视频 console's part of the first line */
    public static array $quvideo;

    /** @var resource */
    private static $process;

    public static function start(string $binary): void
    {
        if (!is_executable($binary)) {
            throw new \RuntimeException("no emulator at $binary: run `cargo build -p vodkit-emulator` (or set VODKIT_EMULATOR)");
        }
        self::$dir = sys_get_temp_dir() . '/vodkit-php-tests-' . getmypid();
        @mkdir(self::$dir, 0755, true);
        $out = self::$dir . '/emulator.out';
        $process = proc_open(
            [$binary, '--port', '0', '--transcode-secs', '1', '--callback-retry-ms', '50,100', '--rate-limit', '0', '--data-dir', self::$dir . '/emulator-data'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', $out, 'w'], 2 => ['file', self::$dir . '/emulator.err', 'w']],
            $pipes,
        );
        if ($process === false) {
            throw new \RuntimeException("cannot start $binary");
        }
        self::$process = $process;
        register_shutdown_function([self::class, 'stop']);
        $deadline = microtime(true) + 60;
        while (microtime(true) < $deadline) {
            $line = strtok((string) @file_get_contents($out), "\n");
            if ($line !== false && str_ends_with(trim($line), '}')) {
                $info = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
                self::$address = rtrim($info['root_url'], '/');
                self::$partnerId = (string) $info['baijiayun']['partner_id'];
                self::$partnerKey = $info['baijiayun']['partner_key'];
                self::$iqiyi = $info['iqiyi'];
                self::$quvideo = $info['quvideo'];
                return;
            }
            if (!proc_get_status($process)['running']) {
                break;
            }
            usleep(20_000);
        }
        throw new \RuntimeException('the emulator did not start: ' . @file_get_contents(self::$dir . '/emulator.err'));
    }

    public static function stop(): void
    {
        if (isset(self::$process) && is_resource(self::$process)) {
            proc_terminate(self::$process);
            proc_close(self::$process);
        }
        if (isset(self::$dir) && is_dir(self::$dir)) {
            exec('rm -rf ' . escapeshellarg(self::$dir));
        }
    }

    /** The base URL of the provider's API: a config's `base_url`. */
    public static function apiUrl(): string
    {
        return self::$address . self::API_PREFIX;
    }

    /** The URL of the control API's $path ("faults", "videos/12"). */
    public static function controlUrl(string $path): string
    {
        return self::$address . self::CONTROL_PREFIX . '/' . ltrim($path, '/');
    }

    /**
     * A client config for the emulator with quick retries.
     *
     * @param array<string, mixed> $extra
     * @return array<string, mixed>
     */
    public static function config(array $extra = []): array
    {
        return array_replace_recursive([
            'partner_id' => self::$partnerId,
            'partner_key' => self::$partnerKey,
            'base_url' => self::apiUrl(),
            'retry' => ['max_retries' => 2, 'initial_backoff_ms' => 10, 'max_backoff_ms' => 100],
        ], $extra);
    }

    /**
     * An iQiyi client config for the emulator with quick retries.
     *
     * @param array<string, mixed> $extra
     * @return array<string, mixed>
     */
    public static function iqiyiConfig(array $extra = []): array
    {
        return array_replace_recursive([
            'client_id' => self::$iqiyi['client_id'],
            'client_secret' => self::$iqiyi['client_secret'],
            'base_url' => self::$iqiyi['base_url'],
            'retry' => ['max_retries' => 2, 'initial_backoff_ms' => 10, 'max_backoff_ms' => 100],
        ], $extra);
    }

    /** A request to iQiyi's control API ("files/ID", "clock/advance"). */
    public static function iqiyi(string $method, string $path, ?array $body = null): mixed
    {
        return self::request($method, $path, $body, self::$address . '/_emulator/iqiyi/' . ltrim($path, '/'));
    }

    /** GET on the control API ("stats"). */
    public static function get(string $path): mixed
    {
        return self::request('GET', $path, null);
    }

    /** POST on the control API ("rate_limit", {limit, window_ms}). */
    public static function post(string $path, array $body): mixed
    {
        return self::request('POST', $path, $body);
    }

    /** Total API requests the emulator has served. */
    public static function totalRequests(): int
    {
        return (int) self::get('stats')['total'];
    }

    /** @return array<string, mixed> {md5, received_bytes, status, …} */
    public static function video(int $id): array
    {
        return self::get("videos/$id");
    }

    /** @return list<array<string, mixed>> {url, fields, body, attempts, delivered} */
    public static function callbacks(): array
    {
        return self::get('callbacks');
    }

    /** @param array<string, mixed> $faults {latency_ms, error_rate, fail_next, drop_after_bytes, drop_uploads} */
    public static function faults(array $faults): void
    {
        self::post('faults', $faults);
    }

    /** A call to the 趣视频 console's control API ("reset", "tokens/expire", "session"). */
    public static function quvideo(string $method, string $path): mixed
    {
        return self::request($method, $path, $method === 'GET' ? null : [], self::$address . '/_emulator/quvideo/' . $path);
    }

    private static function request(string $method, string $path, ?array $body, ?string $url = null): mixed
    {
        $context = stream_context_create(['http' => [
            'method' => $method,
            'header' => "Content-Type: application/json\r\n",
            'content' => $body === null ? '' : json_encode((object) $body),
            'ignore_errors' => true,
            'timeout' => 10,
        ]]);
        $answer = file_get_contents($url ?? self::controlUrl($path), false, $context);
        $status = (int) explode(' ', $http_response_header[0] ?? 'HTTP/1.1 0')[1];
        if ($answer === false || $status >= 400) {
            throw new \RuntimeException("$method $path: HTTP $status " . $answer);
        }
        return $answer === '' ? null : json_decode($answer, true, 512, JSON_THROW_ON_ERROR);
    }
}
