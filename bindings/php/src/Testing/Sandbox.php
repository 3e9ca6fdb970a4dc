<?php

declare(strict_types=1);

namespace Vodkit\Testing;

use Vodkit\Baijiayun;
use Vodkit\Client;
use Vodkit\Iqiyi;
use Vodkit\Quvideo;

/**
 * A sandbox for your app's own tests — the moto of these providers: starts
 * vodkit's emulator (`vodkit-emulator`, a local server speaking Baijiayun's,
 * iQiyi's and 趣视频's APIs on 127.0.0.1), hands out clients configured for
 * it, switches its faults on and shows what the fake providers hold.
 *
 *     $sandbox = Vodkit\Testing\Sandbox::start();
 *     $client = $sandbox->client('baijiayun');
 *     $video = $client->upload('lecture.mp4');
 *     $held = $sandbox->videos('baijiayun');   // [['video_id' => …, 'md5' => …], …]
 *     $sandbox->stop();                        // or let it go out of scope
 *
 * In PHPUnit, `use Vodkit\Testing\UsesSandbox;` gives each test a fresh one
 * as `$this->sandbox`.
 *
 * The emulator is a separate program, never linked into libvodkit. It is
 * found, in this order: the `$emulator` argument; the `VODKIT_EMULATOR`
 * environment variable; beside the library in this package's `lib/` (where
 * `vendor/bin/vodkit-install-lib` puts the release archive's
 * `bin/vodkit-emulator`), then beside `VODKIT_LIBRARY`'s file; then
 * `vodkit-emulator` on `PATH` (`cargo install --path emulator`).
 */
final class Sandbox
{
    /** The providers the emulator serves. */
    public const PROVIDERS = ['baijiayun', 'iqiyi', 'quvideo'];

    /** How long the emulator may take to say where it listens (a busy CI machine). */
    private const START_TIMEOUT_S = 60.0;

    /** @var resource|null */
    private $process;
    private string $dataDir;
    /** @var array<string, mixed> the emulator's first line */
    private array $info;

    /**
     * Starts a fresh emulator on a free loopback port.
     *
     * @throws SandboxException no emulator binary, or it did not start
     */
    public static function start(?string $emulator = null, int $transcodeSecs = 1): self
    {
        return new self(self::findEmulator($emulator), $transcodeSecs);
    }

    /**
     * The emulator binary a sandbox runs (the lookup order of the class doc).
     *
     * @throws SandboxException naming where it looked
     */
    public static function findEmulator(?string $explicit = null): string
    {
        $named = ['$emulator' => $explicit, 'VODKIT_EMULATOR' => getenv('VODKIT_EMULATOR') ?: null];
        foreach ($named as $where => $path) {
            if ($path === null || $path === '') {
                continue;
            }
            if (is_file($path) && is_executable($path)) {
                return $path;
            }
            // Named explicitly: a wrong name is an error, not a fall-through.
            throw new SandboxException("no executable emulator at $path ($where)");
        }
        $exe = self::emulatorFileName();
        $looked = [];
        $candidates = [dirname(__DIR__, 2) . "/lib/$exe"];
        $library = getenv('VODKIT_LIBRARY');
        if ($library !== false && $library !== '' && !in_array(dirname($library) . "/$exe", $candidates, true)) {
            $candidates[] = dirname($library) . "/$exe";
        }
        foreach (explode(PATH_SEPARATOR, (string) getenv('PATH')) as $dir) {
            if ($dir !== '') {
                $candidates[] = "$dir/$exe";
            }
        }
        foreach ($candidates as $path) {
            if (is_file($path) && is_executable($path)) {
                return $path;
            }
            $looked[] = $path;
        }
        throw new SandboxException(
            'vodkit-emulator not found (set VODKIT_EMULATOR to its path, install a release archive with '
            . 'vendor/bin/vodkit-install-lib, or put it on PATH); looked at ' . implode(', ', $looked),
        );
    }

    /** The emulator's file name on this system (`vodkit-emulator`, `.exe` on Windows). */
    public static function emulatorFileName(): string
    {
        return PHP_OS_FAMILY === 'Windows' ? 'vodkit-emulator.exe' : 'vodkit-emulator';
    }

    private function __construct(string $binary, int $transcodeSecs)
    {
        $this->dataDir = sys_get_temp_dir() . '/vodkit-sandbox-' . bin2hex(random_bytes(6));
        if (!mkdir($this->dataDir, 0700, true)) {
            throw new SandboxException("cannot create {$this->dataDir}");
        }
        $process = proc_open(
            [$binary, '--port', '0', '--rate-limit', '0', '--transcode-secs', (string) $transcodeSecs,
                '--callback-retry-ms', '50,100', '--data-dir', $this->dataDir . '/data'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']],
            $pipes,
        );
        if ($process === false) {
            $this->removeData();
            throw new SandboxException("cannot start $binary");
        }
        $this->process = $process;
        $line = self::firstLine($pipes[1]);
        if ($line === null) {
            $this->stop();
            throw new SandboxException("$binary did not say where it listens within " . self::START_TIMEOUT_S . ' s');
        }
        // The emulator prints nothing more: the pipe stays open, unread.
        $this->info = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    }

    public function __destruct()
    {
        $this->stop();
    }

    /** Stops the emulator and removes what it stored (idempotent). */
    public function stop(): void
    {
        if (is_resource($this->process)) {
            proc_terminate($this->process);
            proc_close($this->process);
        }
        $this->process = null;
        $this->removeData();
    }

    /** The emulator's root URL (`http://127.0.0.1:PORT`). */
    public function url(): string
    {
        return rtrim((string) $this->info['root_url'], '/');
    }

    /**
     * The config of a client of $provider against this sandbox (its test
     * credentials, its address, quick retries), with $overrides applied.
     *
     * @param array<string, mixed> $overrides
     * @return array<string, mixed>
     */
    public function config(string $provider = 'baijiayun', array $overrides = []): array
    {
        $part = $this->info[self::checked($provider)];
        $config = ['base_url' => $part['base_url']];
        $config += match ($provider) {
            'baijiayun' => ['partner_id' => (string) $part['partner_id'], 'partner_key' => $part['partner_key']],
            'iqiyi' => ['client_id' => $part['client_id'], 'client_secret' => $part['client_secret']],
            default => ['user_name' => $part['user_name'], 'password' => $part['password']],
        };
        $config['retry'] = ['max_retries' => 3, 'initial_backoff_ms' => 10, 'max_backoff_ms' => 100];
        return array_replace($config, $overrides);
    }

    /**
     * A typed client (`Vodkit\Baijiayun`, `Vodkit\Iqiyi`, `Vodkit\Quvideo`)
     * of $provider against this sandbox.
     *
     * @param array<string, mixed> $overrides
     */
    public function client(string $provider = 'baijiayun', array $overrides = []): Client
    {
        $config = $this->config($provider, $overrides);
        return match ($provider) {
            'baijiayun' => new Baijiayun($config),
            'iqiyi' => new Iqiyi($config),
            default => new Quvideo($config),
        };
    }

    /** Delays every answer by $ms (of one provider, or all). */
    public function latency(int $ms, ?string $provider = null): void
    {
        foreach (self::providers($provider) as $p) {
            $this->setFaults($p, ['latency_ms' => $ms]);
        }
    }

    /** The next $count requests to $provider are answered HTTP 500. */
    public function failNext(int $count = 1, string $provider = 'baijiayun'): void
    {
        $this->setFaults(self::checked($provider), ['fail_next' => $count]);
    }

    /** The next $count upload requests have their connection cut after $afterBytes bytes of the file. */
    public function dropParts(int $count = 1, int $afterBytes = 0, string $provider = 'baijiayun'): void
    {
        $this->setFaults(self::checked($provider), ['drop_after_bytes' => $afterBytes, 'drop_uploads' => $count]);
    }

    /**
     * Corrupts what the provider reports of the next uploads: iQiyi's next
     * $count chunk answers carry a wrong `range_md5` (the chunk is not
     * kept); Baijiayun's next $count video infos a wrong `file_md5`.
     */
    public function corruptParts(int $count = 1, string $provider = 'iqiyi'): void
    {
        match ($provider) {
            'iqiyi' => $this->iqiyiUploadFaults(['corrupt_range' => $count]),
            'baijiayun' => $this->control('baijiayun', 'POST', 'wrong_file_md5', ['count' => $count]),
            default => throw new \InvalidArgumentException("$provider has no corrupt-part fault (iqiyi, baijiayun)"),
        };
    }

    /** iQiyi's primary upload host answers 503 to every chunk (the client switches to the backup host). */
    public function primaryHostDown(bool $down = true): void
    {
        $this->iqiyiUploadFaults(['primary_down' => $down]);
    }

    /** Expires the access tokens handed out (iQiyi's, 趣视频's console token; of one provider, or both). */
    public function expireTokens(?string $provider = null): void
    {
        if ($provider === 'baijiayun') {
            throw new \InvalidArgumentException('baijiayun signs every call: it has no token to expire');
        }
        foreach (self::providers($provider) as $p) {
            match ($p) {
                'iqiyi' => $this->control($p, 'POST', 'expire_tokens'),
                'quvideo' => $this->control($p, 'POST', 'tokens/expire'),
                default => null,
            };
        }
    }

    /** Baijiayun: calls signed with the old partner key get code 1002. */
    public function rotatePartnerKey(): void
    {
        $this->control('baijiayun', 'POST', 'rotate_partner_key');
    }

    /** Moves the emulated clock on (transcoding, review, token lifetimes). */
    public function advanceClock(int $seconds, ?string $provider = null): void
    {
        foreach (self::providers($provider) as $p) {
            $this->control($p, 'POST', 'clock/advance', ['seconds' => $seconds]);
        }
    }

    /** Switches every fault of every provider off. */
    public function clearFaults(): void
    {
        foreach (self::PROVIDERS as $p) {
            $this->control($p, 'POST', 'faults', []);
        }
        $this->iqiyiUploadFaults(['corrupt_range' => 0, 'primary_down' => false]);
    }

    /**
     * Every video (iQiyi: file) the fake $provider holds, oldest first, as
     * the emulator records it (Baijiayun: `video_id`, `name`,
     * `received_bytes`, `status`, `md5`…; iQiyi: `file_id`, `md5`,
     * `finished`…).
     *
     * @return list<array<string, mixed>>
     */
    public function videos(string $provider = 'baijiayun'): array
    {
        return $this->control(self::checked($provider), 'GET', $provider === 'iqiyi' ? 'files' : 'videos');
    }

    /**
     * Requests counted per route of $provider.
     *
     * @return array<string, mixed>
     */
    public function stats(string $provider = 'baijiayun'): array
    {
        return $this->control(self::checked($provider), 'GET', 'stats');
    }

    /**
     * Any control endpoint of the emulator (`/_emulator/{provider}/{path}`).
     *
     * @param array<string, mixed>|null $body
     * @throws SandboxException the emulator refused the request
     */
    public function control(string $provider, string $method, string $path, ?array $body = null): mixed
    {
        if (!is_resource($this->process)) {
            throw new SandboxException('the sandbox is stopped');
        }
        $url = $this->url() . "/_emulator/$provider/" . ltrim($path, '/');
        $context = stream_context_create(['http' => [
            'method' => $method,
            'header' => "content-type: application/json\r\n",
            'content' => $body === null ? '' : json_encode((object) $body, JSON_THROW_ON_ERROR),
            'ignore_errors' => true,
            'timeout' => 60,
        ]]);
        $raw = @file_get_contents($url, false, $context);
        $status = (int) explode(' ', $http_response_header[0] ?? 'HTTP/1.1 0')[1];
        if ($raw === false || $status >= 300) {
            throw new SandboxException("$method $url: HTTP $status");
        }
        return $raw === '' ? null : json_decode($raw, true, 512, JSON_THROW_ON_ERROR);
    }

    /** @param array<string, mixed> $knobs set as a whole: read, change these, write back */
    private function setFaults(string $provider, array $knobs): void
    {
        $this->control($provider, 'POST', 'faults', array_replace($this->control($provider, 'GET', 'faults') ?? [], $knobs));
    }

    /** @param array<string, mixed> $knobs */
    private function iqiyiUploadFaults(array $knobs): void
    {
        $this->control('iqiyi', 'POST', 'upload_faults', array_replace($this->control('iqiyi', 'GET', 'upload_faults') ?? [], $knobs));
    }

    /** @return list<string> */
    private static function providers(?string $provider): array
    {
        return $provider === null ? self::PROVIDERS : [self::checked($provider)];
    }

    private static function checked(string $provider): string
    {
        if (!in_array($provider, self::PROVIDERS, true)) {
            throw new \InvalidArgumentException("unknown provider $provider (one of " . implode(', ', self::PROVIDERS) . ')');
        }
        return $provider;
    }

    /** @param resource $stdout */
    private static function firstLine($stdout): ?string
    {
        $line = '';
        $deadline = microtime(true) + self::START_TIMEOUT_S;
        stream_set_blocking($stdout, false);
        while (microtime(true) < $deadline) {
            $read = [$stdout];
            $none = null;
            if (@stream_select($read, $none, $none, 0, 200_000) > 0) {
                $chunk = fread($stdout, 65536);
                if ($chunk === false || ($chunk === '' && feof($stdout))) {
                    return null; // it exited
                }
                $line .= $chunk;
                if (str_contains($line, "\n")) {
                    return strtok($line, "\n");
                }
            }
        }
        return null;
    }

    private function removeData(): void
    {
        if (!isset($this->dataDir) || !is_dir($this->dataDir)) {
            return;
        }
        $items = new \RecursiveIteratorIterator(
            new \RecursiveDirectoryIterator($this->dataDir, \FilesystemIterator::SKIP_DOTS),
            \RecursiveIteratorIterator::CHILD_FIRST,
        );
        foreach ($items as $item) {
            $item->isDir() && !$item->isLink() ? @rmdir($item->getPathname()) : @unlink($item->getPathname());
        }
        @rmdir($this->dataDir);
    }
}
