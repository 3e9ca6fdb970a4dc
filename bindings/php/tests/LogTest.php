<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Client;
use Vodkit\Iqiyi;
use Vodkit\Progress;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;
use Vodkit\Vodkit;

/**
 * Issue 24, item 1: the SDK's log lines on a PSR-3 logger — set globally or
 * through a client's config, filtered by level, the upload threads' lines
 * delivered on the PHP thread, and never a secret at the most verbose level.
 * With Debian's php-psr-log installed the logger is a real
 * Psr\Log\AbstractLogger; without it, an object with the same log().
 */
final class LogTest extends TestCase
{
    protected function tearDown(): void
    {
        Vodkit::setLogger(null);
        Emulator::faults([]);
        parent::tearDown();
    }

    /** A PSR-3 logger keeping [level, message, context] of every line. */
    private static function logger(): object
    {
        $psr = '/usr/share/php/Psr/Log/autoload.php';
        if (!interface_exists(\Psr\Log\LoggerInterface::class) && is_file($psr)) {
            require_once $psr;
        }
        if (interface_exists(\Psr\Log\LoggerInterface::class)) {
            return new class extends \Psr\Log\AbstractLogger {
                /** @var list<array{0: string, 1: string, 2: array<string, mixed>}> */
                public array $lines = [];

                public function log($level, $message, array $context = []): void
                {
                    $this->lines[] = [(string) $level, (string) $message, $context];
                }
            };
        }
        return new class {
            /** @var list<array{0: string, 1: string, 2: array<string, mixed>}> */
            public array $lines = [];

            /** @param array<string, mixed> $context */
            public function log(mixed $level, string|\Stringable $message, array $context = []): void
            {
                $this->lines[] = [(string) $level, (string) $message, $context];
            }
        };
    }

    private static function retriedCall(Client $client): void
    {
        Emulator::faults(['fail_next' => 1]);
        $client->call('video_account/setTranscodeCallbackUrl', ['url' => 'http://127.0.0.1:9/c']);
    }

    public function testARetriedCallLogsToTheLoggerAndWarningHidesTheRoutine(): void
    {
        $logger = self::logger();
        Vodkit::setLogger($logger);
        $this->assertSame($logger, Vodkit::logger());
        $client = new Client('baijiayun', Emulator::config());
        self::retriedCall($client);
        $retries = array_values(array_filter($logger->lines, fn ($l) => str_contains($l[1], 'retrying')));
        $this->assertCount(1, $retries, print_r($logger->lines, true));
        $this->assertSame('info', $retries[0][0]);
        $this->assertSame(['area' => 'vodkit.http.transport'], $retries[0][2]);
        $this->assertNotEmpty(array_filter($logger->lines, fn ($l) => $l[0] === 'debug' && str_starts_with($l[1], 'HTTP 200')));

        $logger->lines = [];
        Vodkit::setLogger($logger, 'warning');
        self::retriedCall($client);
        $this->assertSame([], $logger->lines);

        Vodkit::setLogger(null);
        self::retriedCall($client);
        $this->assertSame([], $logger->lines);
    }

    public function testTheUploadThreadsLinesArriveOnThePhpThread(): void
    {
        $logger = self::logger();
        $client = new Client('baijiayun', Emulator::config(['part_size' => 128 * 1024, 'logger' => $logger]));
        $this->assertSame($logger, Vodkit::logger());
        $path = $this->makeFile(600 * 1024, 'php-logs.mp4');
        Emulator::faults(['drop_after_bytes' => 50_000, 'drop_uploads' => 1]);
        $client->upload($path, ['ranged' => true], function (Progress $p): void {
        });
        $retries = array_filter($logger->lines, fn ($l) => str_contains($l[1], 'retrying'));
        $this->assertNotEmpty($retries, print_r($logger->lines, true));
    }

    public function testNoSecretAtTheMostVerboseLevel(): void
    {
        $logger = self::logger();
        Vodkit::setLogger($logger, 'debug');
        self::retriedCall(new Client('baijiayun', Emulator::config()));
        $iqiyi = new Iqiyi(Emulator::iqiyiConfig());
        $first = $iqiyi->authorize();
        Emulator::iqiyi('POST', 'expire_tokens');
        $iqiyi->videoList();
        $renewed = $iqiyi->credentials();
        $secrets = array_filter([
            Emulator::config()['partner_key'],
            Emulator::iqiyiConfig()['client_secret'],
            $first['access_token'],
            $first['refresh_token'] ?? null,
            $renewed['access_token'] ?? null,
            $renewed['refresh_token'] ?? null,
        ]);
        $this->assertGreaterThan(3, count($logger->lines));
        foreach ($logger->lines as [$level, $message, $context]) {
            foreach ($secrets as $secret) {
                $this->assertStringNotContainsString($secret, $message . json_encode($context));
            }
        }
    }

    public function testAnObjectWithoutLogIsRefused(): void
    {
        $this->expectException(\Vodkit\Exception\InvalidInputException::class);
        Vodkit::setLogger(new \stdClass());
    }
}
