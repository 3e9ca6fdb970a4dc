<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Baijiayun;
use Vodkit\Exception\IntegrityException;
use Vodkit\Exception\ServerException;
use Vodkit\Iqiyi;
use Vodkit\Quvideo;
use Vodkit\Testing\Sandbox;
use Vodkit\Testing\SandboxException;
use Vodkit\Tests\Support\TestCase;

/**
 * Vodkit\Testing\Sandbox: finding the emulator, a client per provider, each
 * fault switch doing what it says (seen through the client and the
 * emulator's records), the view of what is held, and the clean-up.
 */
final class SandboxTest extends TestCase
{
    /** @var list<string> */
    private array $scratchDirs = [];

    public function testTheEmulatorIsFoundInTheDocumentedOrder(): void
    {
        $real = (string) getenv('VODKIT_EMULATOR'); // run-tests.sh: target/debug's
        $this->assertSame($real, Sandbox::findEmulator());
        $this->assertSame($real, Sandbox::findEmulator($real));
        $dir = $this->scratch('find');
        try {
            Sandbox::findEmulator("$dir/nowhere");
            $this->fail('a missing explicit path must not fall through');
        } catch (SandboxException $e) {
            $this->assertStringContainsString("$dir/nowhere", $e->getMessage());
        }

        // Nothing named: in a copy of the package (as Composer unpacks it),
        // the package's lib/, then beside VODKIT_LIBRARY, then PATH.
        $package = $this->scratch('package');
        foreach (['src', 'autoload.php'] as $entry) {
            exec('cp -r ' . escapeshellarg(dirname(__DIR__) . "/$entry") . ' ' . escapeshellarg("$package/$entry"), $lines, $status);
            $this->assertSame(0, $status);
        }
        $path = $this->scratch('path');
        $find = fn (array $env = []): string => $this->findInCopy($package, $env + ['PATH' => $path]);
        $this->assertStringContainsString('vodkit-emulator not found', $find());
        $this->assertStringContainsString("looked at $package/lib/vodkit-emulator, $path/vodkit-emulator", $find());
        symlink($real, "$path/vodkit-emulator");
        $this->assertSame("found $path/vodkit-emulator", $find());
        $other = $this->scratch('library');
        symlink($real, "$other/vodkit-emulator");
        $this->assertSame("found $other/vodkit-emulator", $find(['VODKIT_LIBRARY' => "$other/libvodkit.so"]));
        mkdir("$package/lib");
        symlink($real, "$package/lib/vodkit-emulator");
        $this->assertSame("found $package/lib/vodkit-emulator", $find(['VODKIT_LIBRARY' => "$other/libvodkit.so"]));
    }

    /** Sandbox::findEmulator() in a child whose autoloader is $package's, with no VODKIT_EMULATOR. */
    private function findInCopy(string $package, array $env): string
    {
        $inherited = getenv();
        unset($inherited['VODKIT_EMULATOR'], $inherited['VODKIT_LIBRARY']);
        $code = "require '$package/autoload.php';\n"
            . 'try { echo "found ", Vodkit\Testing\Sandbox::findEmulator(); }'
            . ' catch (Vodkit\Testing\SandboxException $e) { echo $e->getMessage(); }';
        [$status, $out, $err] = self::runPhp([], $code, $env + $inherited, null, false);
        $this->assertSame(0, $status, $err);
        return $out;
    }

    private function scratch(string $what): string
    {
        $dir = sys_get_temp_dir() . "/vodkit-$what-" . bin2hex(random_bytes(4));
        mkdir($dir);
        $this->scratchDirs[] = $dir;
        return $dir;
    }

    protected function tearDown(): void
    {
        foreach ($this->scratchDirs as $dir) {
            exec('rm -rf ' . escapeshellarg($dir));
        }
        $this->scratchDirs = [];
        parent::tearDown();
    }

    public function testAClientForEveryProviderAndWhatTheyHold(): void
    {
        $sandbox = Sandbox::start();
        $this->assertStringStartsWith('http://127.0.0.1:', $sandbox->url());
        $path = $this->makeFile(300_000);
        $bjy = $sandbox->client('baijiayun');
        $this->assertInstanceOf(Baijiayun::class, $bjy);
        $video = $bjy->upload($path);
        $this->assertSame([[$video['video_id'], md5_file($path)]], array_map(
            fn (array $v) => [$v['video_id'], $v['md5']],
            $sandbox->videos('baijiayun'),
        ));
        $iqiyi = $sandbox->client('iqiyi');
        $this->assertInstanceOf(Iqiyi::class, $iqiyi);
        $up = $iqiyi->upload($path);
        $this->assertSame([[$up['file_id'], md5_file($path)]], array_map(
            fn (array $f) => [$f['file_id'], $f['md5']],
            $sandbox->videos('iqiyi'),
        ));
        $quvideo = $sandbox->client('quvideo');
        $this->assertInstanceOf(Quvideo::class, $quvideo);
        $this->assertNotEmpty($sandbox->videos('quvideo')); // the emulator's seeded app videos
        unset($bjy, $iqiyi, $quvideo);
        $sandbox->stop();
    }

    public function testFaultSwitches(): void
    {
        $sandbox = Sandbox::start();
        $path = $this->makeFile(600_000);
        $sandbox->failNext(1);
        $noRetry = $sandbox->client('baijiayun', ['retry' => ['max_retries' => 0]]);
        try {
            $noRetry->upload($path);
            $this->fail('HTTP 500 without retries');
        } catch (ServerException) {
        }
        $sandbox->dropParts(count: 1, afterBytes: 100_000);
        $video = $sandbox->client('baijiayun')->upload($path);
        $held = array_values(array_filter($sandbox->videos(), fn (array $v) => $v['video_id'] === $video['video_id']));
        $this->assertSame(md5_file($path), $held[0]['md5']);
        $this->assertGreaterThanOrEqual(2, $held[0]['upload_requests']);
        $sandbox->corruptParts(1, 'baijiayun');
        try {
            $sandbox->client('baijiayun')->upload($path);
            $this->fail('a wrong file_md5 must be an integrity error');
        } catch (IntegrityException) {
        }

        $iqiyi = $sandbox->client('iqiyi', ['part_size' => 256 * 1024]);
        $first = $iqiyi->authorize()['access_token'];
        $sandbox->expireTokens('iqiyi');
        $sandbox->corruptParts(1);
        $sandbox->primaryHostDown();
        $up = $iqiyi->upload($path);
        $this->assertNotSame($first, $iqiyi->credentials()['access_token']);
        $this->assertGreaterThan(0, $sandbox->stats('iqiyi')['requests']['/backup/upload'] ?? 0);
        $stored = array_values(array_filter($sandbox->videos('iqiyi'), fn (array $f) => $f['file_id'] === $up['file_id']))[0];
        $this->assertSame(md5_file($path), $stored['md5']);
        $this->assertGreaterThan(3, array_sum($stored['chunks']));

        $sandbox->latency(10);
        $sandbox->clearFaults();
        $this->assertSame(0, $sandbox->control('baijiayun', 'GET', 'faults')['latency_ms']);
        $this->assertSame(['corrupt_range' => 0, 'primary_down' => false], $sandbox->control('iqiyi', 'GET', 'upload_faults'));
        unset($noRetry, $iqiyi);
        $sandbox->stop();
    }

    public function testStopEndsTheEmulatorAndRemovesItsData(): void
    {
        $sandbox = Sandbox::start();
        $url = $sandbox->url();
        $sandbox->stop();
        $this->assertFalse(@file_get_contents("$url/_emulator/baijiayun/stats"), 'still answering');
        try {
            $sandbox->videos();
            $this->fail('a stopped sandbox');
        } catch (SandboxException $e) {
            $this->assertStringContainsString('stopped', $e->getMessage());
        }
        $sandbox->stop(); // twice is fine
    }
}
