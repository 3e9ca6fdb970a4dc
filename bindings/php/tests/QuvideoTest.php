<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Exception\AuthException;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Quvideo;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

/**
 * The 趣视频 console through the generated `Vodkit\Quvideo`: login, list,
 * audit, delete, sign out; one re-login after the token expires; input
 * refused before sending; the back-office example against the emulator.
 */
final class QuvideoTest extends TestCase
{
    /** @return array<string, mixed> */
    private static function config(?string $password = null): array
    {
        return [
            'base_url' => Emulator::$quvideo['base_url'],
            'user_name' => Emulator::$quvideo['user_name'],
            'password' => $password ?? Emulator::$quvideo['password'],
            'retry' => ['max_retries' => 1, 'initial_backoff_ms' => 10, 'max_backoff_ms' => 50],
        ];
    }

    protected function setUp(): void
    {
        Emulator::quvideo('POST', 'reset');
        parent::setUp();
    }

    public function testLoginListAuditDeleteSignOut(): void
    {
        $console = new Quvideo(self::config());
        $this->assertSame(32, strlen($console->login()['consoleToken']));
        $pending = $console->getVideos(page_index: 2, page_size: 3, censor_status: 'onCensor');
        $this->assertSame(4, $pending['total']);
        $this->assertSame(['vid001'], array_column($pending['videoList'], 'videoId'));
        $video = $pending['videoList'][0];
        $this->assertSame('Anne', $video['user']['userName']);
        $this->assertSame('2019-01-01 10:00:00.0', $video['creationTime']);
        $this->assertSame(['http://sample/covers/vid001.jpg', 'http://sample/covers/sprite/vid001.jpg'], $video['SnapshotList']);

        $console->createAudit('vid001', 'Blocked', reason: '含有广告');
        $blocked = $console->getVideos(censor_status: 'Blocked');
        $this->assertSame(1, $blocked['total']);
        $this->assertSame('vid001', $blocked['videoList'][0]['videoId']);

        $console->deleteVideoById('vid002');
        try {
            $console->getVideoById('vid002');
            $this->fail('a deleted video was found');
        } catch (InvalidInputException $e) {
            $this->assertSame('300', $e->providerCode);
        }
        $console->signOut();
        $this->assertSame(0, Emulator::quvideo('GET', 'session')['live_tokens']);
    }

    public function testAnExpiredTokenIsRenewedOnce(): void
    {
        $console = new Quvideo(self::config());
        $console->getVideoById('vid003');
        Emulator::quvideo('POST', 'tokens/expire');
        $this->assertSame('vid003', $console->getVideoById('vid003')['videoId']);
        $this->assertSame(2, Emulator::quvideo('GET', 'session')['login_requests']);
    }

    public function testBadInputIsRefusedBeforeSending(): void
    {
        $console = new Quvideo(self::config());
        foreach ([
            fn () => $console->createAudit('vid001', 'Blocked', reason: str_repeat('x', 129)),
            fn () => $console->createAudit('vid001', 'Deleted'),
            fn () => $console->getVideoById(''),
        ] as $call) {
            try {
                $call();
                $this->fail('accepted');
            } catch (InvalidInputException) {
            }
        }
        $this->assertSame(0, Emulator::quvideo('GET', 'session')['login_requests']);
    }

    public function testAWrongPasswordIsAnAuthErrorWithoutTheSecret(): void
    {
        $console = new Quvideo(self::config('Wr0ng-Passw0rd'));
        try {
            $console->getVideos();
            $this->fail('logged in with a wrong password');
        } catch (AuthException $e) {
            $this->assertSame('401', $e->providerCode);
            $this->assertStringNotContainsString('Wr0ng-Passw0rd', $e->getMessage() . print_r($e, true));
        }
        $this->assertStringNotContainsString('Wr0ng-Passw0rd', print_r($console, true) . var_export($console, true));
    }

    public function testTheBackOfficeExampleListsAndBlocks(): void
    {
        $example = var_export(dirname(__DIR__) . '/examples/quvideo_back_office.php', true);
        $env = getenv();
        $env['QUVIDEO_BASE_URL'] = Emulator::$quvideo['base_url'];
        $env['QUVIDEO_USER'] = Emulator::$quvideo['user_name'];
        $env['QUVIDEO_PASSWORD'] = Emulator::$quvideo['password'];
        [$code, $out, $err] = self::runPhp(['-d', 'ffi.enable=1'], "\$argv = ['x'];\nrequire $example;", $env, null, false);
        $this->assertSame(0, $code, $err);
        $lines = explode("\n", trim($out));
        $this->assertCount(4, $lines, $out);
        $this->assertStringStartsWith("vid004\t2019-01-04 10:00:00.0\tBob\ttest video 4", $lines[0]);

        [$code, $out, $err] = self::runPhp(['-d', 'ffi.enable=1'], "\$argv = ['x', 'vid004', 'spam'];\nrequire $example;", $env, null, false);
        $this->assertSame(0, $code, $err);
        $this->assertSame("blocked vid004\n", $out);
        $this->assertSame('Blocked', Emulator::quvideo('GET', 'videos/vid004')['censorStatus']);
        $this->assertSame('spam', Emulator::quvideo('GET', 'audits')[0]['reason']);

        [$code, , $err] = self::runPhp(['-d', 'ffi.enable=1'], "\$argv = ['x', 'vid003', '" . str_repeat('y', 200) . "'];\nrequire $example;", $env, null, false);
        $this->assertSame(2, $code);
        $this->assertStringStartsWith('refused: ', $err);
    }
}
