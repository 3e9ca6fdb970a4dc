<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Constants;
use Vodkit\Library;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

/**
 * bin/vodkit-install-lib, as a PHP developer runs it on the package
 * (vendor/bin/vodkit-install-lib): a copy of the package outside the
 * repository gets the library from a release archive (a file, or a URL
 * served over loopback) and then loads it with no VODKIT_LIBRARY; a bad
 * archive changes nothing; without lib/ the system loader is asked.
 */
final class InstallLibTest extends TestCase
{
    /** What a child prints: where the library came from and that it works. */
    private const PROBE = <<<'PHP'
        try {
            echo json_encode(['sign' => Vodkit\Baijiayun\Signer::sign(['a' => '1'], 'k'), 'path' => Vodkit\Library::path(),
                'version' => Vodkit\Library::version()]);
        } catch (Vodkit\Exception $e) {
            echo json_encode(['class' => get_class($e), 'message' => $e->getMessage()]);
        }
        PHP;

    /** What a child prints after an upload through the package's Sandbox: the emulator it ran, the MD5s held. */
    private const SANDBOX_PROBE = <<<'PHP'
        function sandboxProbe(string $file): void
        {
            $sandbox = Vodkit\Testing\Sandbox::start();
            $sandbox->client('baijiayun')->upload($file);
            echo json_encode(['emulator' => Vodkit\Testing\Sandbox::findEmulator(),
                'held' => array_column($sandbox->videos('baijiayun'), 'md5')]);
            $sandbox->stop();
        }
        PHP;

    /** @var list<string> */
    private array $dirs = [];

    protected function tearDown(): void
    {
        foreach ($this->dirs as $dir) {
            exec('rm -rf ' . escapeshellarg($dir));
        }
        parent::tearDown();
    }

    public function testInstallsFromTheReleaseArchiveAndTheCopyLoadsIt(): void
    {
        $package = $this->copyPackage();
        $archive = getenv('VODKIT_RELEASE_ARCHIVE') ?: $this->archive(['lib' => true]);

        [$status, $out, $err] = $this->installLib($package, [$archive]);
        $this->assertSame(0, $status, $err);
        $this->assertStringContainsString('installed libvodkit ' . Library::version() . " into $package/lib", $out);
        $versioned = $this->versionedName();
        $this->assertTrue(is_link("$package/lib/" . Library::fileName()), 'the unversioned name stays a link, as in the archive');
        $this->assertSame($versioned, readlink("$package/lib/" . Library::fileName()));
        $this->assertSame(md5_file((string) getenv('VODKIT_LIBRARY')), md5_file("$package/lib/$versioned"));
        $this->assertSame([], glob("$package/lib/.vodkit-install-*"), 'no staging left behind');

        $child = $this->probe($package);
        $this->assertSame("$package/lib/" . Library::fileName(), $child['path'] ?? null, json_encode($child));
        $this->assertSame(md5('a=1&partner_key=k'), $child['sign']);

        // The archive's emulator went beside the library, and the copy's
        // Sandbox runs it with no VODKIT_EMULATOR and nothing on PATH.
        $this->assertTrue(is_executable("$package/lib/vodkit-emulator"), 'the emulator is installed beside the library');
        $this->assertStringContainsString('vodkit-emulator', $out);
        $file = $this->tempDir('upload') . '/clip.mp4';
        file_put_contents($file, random_bytes(200_000));
        $child = $this->probe($package, ['PATH' => $this->tempDir('empty-path')], self::SANDBOX_PROBE . "\nsandboxProbe('$file');");
        $this->assertSame("$package/lib/vodkit-emulator", $child['emulator'] ?? null, json_encode($child));
        $this->assertSame([md5_file($file)], $child['held']);
    }

    public function testAnArchiveWithoutAnEmulatorRemovesTheOlderOne(): void
    {
        $package = $this->copyPackage();
        [$status, , $err] = $this->installLib($package, [$this->archive(['lib' => true])]);
        $this->assertSame(0, $status, $err);
        $this->assertFileExists("$package/lib/vodkit-emulator");
        [$status, , $err] = $this->installLib($package, [$this->archive(['lib' => true, 'emulator' => false])]);
        $this->assertSame(0, $status, $err);
        $this->assertFileDoesNotExist("$package/lib/vodkit-emulator", 'an emulator of another version stays behind');
        $this->assertFileExists("$package/lib/" . Library::fileName());
    }

    public function testInstallsFromAUrlAndChecksTheDigest(): void
    {
        $package = $this->copyPackage();
        $archive = $this->archive(['lib' => true]);
        $digest = hash_file('sha256', $archive);
        [$server, $url] = $this->serve(dirname($archive));
        try {
            $wrong = str_repeat('0', 64);
            [$status, , $err] = $this->installLib($package, ['--sha256', $wrong, $url . basename($archive)]);
            $this->assertSame(1, $status, $err);
            $this->assertStringContainsString("SHA-256 mismatch (expected $wrong, got $digest)", $err);
            $this->assertFileDoesNotExist("$package/lib/" . Library::fileName());

            [$status, , $err] = $this->installLib($package, [$url . 'missing.tar.gz']);
            $this->assertSame(1, $status, $err);
            $this->assertStringContainsString('cannot download ' . $url . 'missing.tar.gz', $err);

            [$status, , $err] = $this->installLib($package, ['--sha256', strtoupper($digest), $url . basename($archive)]);
            $this->assertSame(0, $status, $err);
        } finally {
            proc_terminate($server);
            proc_close($server);
        }
        $this->assertSame(md5('a=1&partner_key=k'), $this->probe($package)['sign'] ?? null);
    }

    /** Each bad archive: exit 1 with the reason, lib/ exactly as before. */
    public function testABadArchiveLeavesTheInstalledLibraryAsItWas(): void
    {
        $package = $this->copyPackage();
        [$status, , $err] = $this->installLib($package, [$this->archive(['lib' => true])]);
        $this->assertSame(0, $status, $err);
        $before = $this->listing("$package/lib");

        $notGzip = Emulator::$dir . '/' . bin2hex(random_bytes(4)) . '-vodkit.tar.gz';
        file_put_contents($notGzip, 'not an archive');
        $this->dirs[] = $notGzip;
        $garbage = Emulator::$dir . '/' . bin2hex(random_bytes(4)) . '-garbage.so';
        file_put_contents($garbage, str_repeat("\x7fELF garbage", 100));
        $this->dirs[] = $garbage;
        $cases = [
            'not gzip' => [$notGzip, 'is not a gzip-compressed tar archive'],
            'no library' => [$this->archive(['lib' => false]), 'holds no lib/' . Library::fileName()],
            'not a library' => [$this->archive(['lib' => $garbage]), 'the library does not load in this package: cannot load'],
            'missing file' => ['/nonexistent/vodkit-0.0.0-x.tar.gz', 'no such archive: /nonexistent/vodkit-0.0.0-x.tar.gz'],
        ];
        foreach ($cases as $case => [$archive, $expected]) {
            [$status, , $err] = $this->installLib($package, [$archive]);
            $this->assertSame(1, $status, "$case: $err");
            $this->assertStringContainsString($expected, $err, $case);
            $this->assertSame($before, $this->listing("$package/lib"), "$case: lib/ changed");
        }

        [$status, , $err] = $this->installLib($package, ['--bogus']);
        $this->assertSame(2, $status);
        $this->assertStringContainsString('unknown option --bogus', $err);
        $this->assertStringContainsString('usage: vodkit-install-lib', $err);
    }

    /**
     * Nothing in lib/ and no VODKIT_LIBRARY: the dynamic loader is asked for
     * the versioned name (here found through LD_LIBRARY_PATH, as it would be
     * in /usr/lib or a prefix in ld.so.conf), and when it has none the
     * message lists every place tried and the two fixes.
     */
    public function testTheSystemLoaderComesLast(): void
    {
        if (PHP_OS_FAMILY !== 'Linux') {
            $this->markTestSkipped('LD_LIBRARY_PATH is the Linux loader\'s');
        }
        $package = $this->copyPackage();
        $child = $this->probe($package);
        $this->assertSame('Vodkit\Exception\LibraryException', $child['class'] ?? null, json_encode($child));
        $this->assertStringContainsString('set the environment variable VODKIT_LIBRARY', $child['message']);
        $this->assertStringContainsString('vendor/bin/vodkit-install-lib', $child['message']);
        $this->assertStringContainsString("looked in $package/lib/" . Library::fileName(), $child['message']);
        $this->assertStringContainsString('asked the system loader for libvodkit.so.' . Constants::VODKIT_ABI_VERSION, $child['message']);

        $system = $this->tempDir('system-lib');
        copy((string) getenv('VODKIT_LIBRARY'), "$system/" . Library::systemName());
        $child = $this->probe($package, ['LD_LIBRARY_PATH' => $system]);
        $this->assertSame(Library::systemName(), $child['path'] ?? null, json_encode($child));
        $this->assertSame(md5('a=1&partner_key=k'), $child['sign']);
    }

    /** The package as Composer unpacks it: no repository around it. */
    private function copyPackage(): string
    {
        $copy = $this->tempDir('package');
        $from = dirname(__DIR__);
        foreach (['src', 'bin', 'include', 'autoload.php', 'composer.json'] as $entry) {
            exec('cp -r ' . escapeshellarg("$from/$entry") . ' ' . escapeshellarg("$copy/$entry"), $lines, $status);
            $this->assertSame(0, $status);
        }
        return $copy;
    }

    /**
     * A release archive in scripts/dist's layout, from the library under
     * test: ['lib' => true] that library, false none, a path that file;
     * bin/vodkit-emulator the emulator under test unless ['emulator' => false].
     */
    private function archive(array $spec): string
    {
        $root = $this->tempDir('archive');
        $name = 'vodkit-' . Library::version() . '-test';
        mkdir("$root/$name/lib", 0755, true);
        mkdir("$root/$name/include/vodkit", 0755, true);
        copy(Library::headerPath(), "$root/$name/include/vodkit/vodkit_php.h");
        if ($spec['lib'] !== false) {
            $versioned = $this->versionedName();
            copy($spec['lib'] === true ? (string) getenv('VODKIT_LIBRARY') : $spec['lib'], "$root/$name/lib/$versioned");
            symlink($versioned, "$root/$name/lib/" . Library::fileName());
        }
        if ($spec['emulator'] ?? true) {
            mkdir("$root/$name/bin");
            copy((string) getenv('VODKIT_EMULATOR'), "$root/$name/bin/vodkit-emulator");
            chmod("$root/$name/bin/vodkit-emulator", 0755);
        }
        exec('tar -czf ' . escapeshellarg("$root/$name.tar.gz") . ' -C ' . escapeshellarg($root) . ' ' . escapeshellarg($name), $lines, $status);
        $this->assertSame(0, $status);
        return "$root/$name.tar.gz";
    }

    private function versionedName(): string
    {
        return PHP_OS_FAMILY === 'Darwin'
            ? 'libvodkit.' . Constants::VODKIT_ABI_VERSION . '.dylib'
            : Library::fileName() . '.' . Constants::VODKIT_ABI_VERSION;
    }

    /** @return array{int, string, string} exit status, stdout, stderr */
    private function installLib(string $package, array $args): array
    {
        $env = getenv();
        unset($env['VODKIT_LIBRARY']);
        $process = proc_open(array_merge([PHP_BINARY, "$package/bin/vodkit-install-lib"], $args), [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
        $out = (string) stream_get_contents($pipes[1]);
        $err = (string) stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        return [proc_close($process), $out, $err];
    }

    /** Runs PROBE (or $code) with the copy's autoloader and no VODKIT_LIBRARY or VODKIT_EMULATOR. */
    private function probe(string $package, array $env = [], string $code = self::PROBE): array
    {
        $inherited = getenv();
        unset($inherited['VODKIT_LIBRARY'], $inherited['VODKIT_EMULATOR']);
        [$status, $out, $err] = self::runPhp([], "require '$package/autoload.php';\n" . $code, $env + $inherited, null, false);
        $decoded = json_decode($out, true);
        $this->assertIsArray($decoded, "exit $status: $out $err");
        return $decoded;
    }

    /**
     * PHP's built-in server on a free loopback port serving $dir; returns the
     * process and the base URL once it answers.
     *
     * @return array{resource, string}
     */
    private function serve(string $dir): array
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        $address = stream_socket_get_name($socket, false);
        fclose($socket);
        $server = proc_open([PHP_BINARY, '-S', $address, '-t', $dir], [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        $deadline = microtime(true) + 60;
        while (!($probe = @stream_socket_client("tcp://$address", $errno, $errstr, 1))) {
            $this->assertLessThan($deadline, microtime(true), "php -S on $address did not start: $errstr");
            usleep(50_000);
        }
        fclose($probe);
        return [$server, "http://$address/"];
    }

    /** @return array<string, string> each entry of $dir: link target or content digest */
    private function listing(string $dir): array
    {
        $entries = [];
        foreach (scandir($dir) ?: [] as $entry) {
            if ($entry !== '.' && $entry !== '..') {
                $entries[$entry] = is_link("$dir/$entry") ? 'link:' . readlink("$dir/$entry") : md5_file("$dir/$entry");
            }
        }
        return $entries;
    }

    private function tempDir(string $what): string
    {
        $dir = Emulator::$dir . "/$what-" . bin2hex(random_bytes(4));
        mkdir($dir, 0755, true);
        $this->dirs[] = $dir;
        return $dir;
    }
}
