<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Exception\LibraryException;
use Vodkit\Library;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

/**
 * How the library is found and loaded: in this process, and in child PHP
 * processes with other settings (FFI disabled, no FFI extension, opcache
 * preloading, a server SAPI).
 */
final class LoaderTest extends TestCase
{
    /** What a child prints: how it loaded the library and that it works. */
    private const PROBE = <<<'PHP'
        try {
            $sign = Vodkit\Baijiayun\Signer::sign(['a' => '1'], 'k');
            $upload = null;
            if (getenv('PROBE_CONFIG')) { // an upload with a progress closure through this FFI object
                $client = new Vodkit\Baijiayun(json_decode(getenv('PROBE_CONFIG'), true));
                $calls = 0;
                $upload = ['video_id' => $client->upload(getenv('PROBE_FILE'), [], function () use (&$calls) { $calls++; })['video_id'], 'calls' => $calls];
                unset($client);
            }
            echo json_encode(['mode' => Vodkit\Library::mode(), 'path' => Vodkit\Library::path(), 'sign' => $sign, 'upload' => $upload,
                'preloaded' => !array_diff(['Vodkit\Baijiayun\Signer', 'Vodkit\Baijiayun', 'Vodkit\Client'], opcache_get_status(false)['preload_statistics']['classes'] ?? []),
                'live' => Vodkit\Library::liveObjects()]);
        } catch (Vodkit\Exception $e) {
            echo json_encode(['class' => get_class($e), 'message' => $e->getMessage()]);
        }
        PHP;

    public function testSearchOrder(): void
    {
        $library = (string) getenv('VODKIT_LIBRARY');
        $this->assertSame($library, Library::find());
        $this->assertSame($library, Library::find($library), 'an explicit path');
        $this->assertSame($library, Library::path(), 'loaded from VODKIT_LIBRARY (set by the bootstrap)');
        $this->assertSame('cdef', Library::mode());

        $message = $this->libraryError(fn () => Library::find('/nonexistent/libvodkit.so'));
        $this->assertStringContainsString('/nonexistent/libvodkit.so', $message);

        // No VODKIT_LIBRARY: the repository's build (this test runs in the repository).
        $env = getenv();
        unset($env['VODKIT_LIBRARY']);
        $child = $this->probe([], $env);
        $this->assertContains($child['path'], Library::defaultLocations());
        $this->assertSame(md5('a=1&partner_key=k'), $child['sign']);

        // VODKIT_LIBRARY naming a missing file.
        $child = $this->probe([], ['VODKIT_LIBRARY' => '/nonexistent/libvodkit.so'] + $env);
        $this->assertSame(LibraryException::class, $child['class']);
        $this->assertStringContainsString('VODKIT_LIBRARY=/nonexistent/libvodkit.so', $child['message']);
    }

    /** The package copied elsewhere: nothing found, then its own lib/ directory. */
    public function testPackageOwnLocationAndTheMissingLibraryMessage(): void
    {
        $copy = Emulator::$dir . '/package-' . bin2hex(random_bytes(3));
        mkdir("$copy/include", 0755, true);
        exec('cp -r ' . escapeshellarg(dirname(__DIR__) . '/src') . ' ' . escapeshellarg("$copy/src"));
        copy(dirname(__DIR__) . '/autoload.php', "$copy/autoload.php");
        copy(Library::headerPath(), "$copy/include/vodkit_php.h");
        $env = getenv();
        unset($env['VODKIT_LIBRARY']);
        $code = "require '$copy/autoload.php';\n" . self::PROBE;

        [, $out] = self::runPhp([], $code, $env, null, false);
        $child = json_decode($out, true);
        $this->assertSame(LibraryException::class, $child['class'] ?? null, $out);
        $this->assertStringContainsString('set the environment variable VODKIT_LIBRARY', $child['message']);
        $this->assertStringContainsString("$copy/lib/" . Library::fileName(), $child['message']);

        mkdir("$copy/lib");
        copy((string) getenv('VODKIT_LIBRARY'), "$copy/lib/" . Library::fileName());
        [, $out] = self::runPhp([], $code, $env, null, false);
        $child = json_decode($out, true);
        $this->assertSame("$copy/lib/" . Library::fileName(), $child['path'] ?? null, $out);
        exec('rm -rf ' . escapeshellarg($copy));
    }

    public function testFfiDisabledGivesTheFix(): void
    {
        $child = $this->probe(['-d', 'ffi.enable=0']);
        $this->assertSame(LibraryException::class, $child['class']);
        $this->assertStringContainsString('FFI is disabled (ffi.enable=0)', $child['message']);
        $this->assertStringContainsString('ffi.enable=preload in php.ini', $child['message']);
        $this->assertStringContainsString('opcache.preload=' . Library::preloadPath(), $child['message']);
    }

    public function testMissingFfiExtensionGivesTheFix(): void
    {
        // php -n reads no php.ini, so a shared FFI extension is not loaded.
        [, $loaded] = self::runPhp(['-n'], 'echo extension_loaded("ffi") ? "yes" : "no";');
        if ($loaded === 'yes') {
            $this->markTestSkipped('FFI is built into this PHP');
        }
        [, $out] = self::runPhp(['-n'], 'try { Vodkit\Library::ffi(); } catch (Vodkit\Exception $e) { echo get_class($e), ": ", $e->getMessage(); }');
        $this->assertStringStartsWith(LibraryException::class . ': the PHP FFI extension is not loaded', $out);
        $this->assertStringContainsString('extension=ffi', $out);
    }

    /**
     * opcache.preload=preload.php with ffi.enable=preload: the classes are
     * preloaded and the library is reached through FFI::scope('VODKIT').
     * As root, opcache preloads in a child process (opcache.preload_user)
     * where FFI::load() refuses to run, so the scope comes from ffi.preload
     * there and preload.php's FFI::load() is tested as an unprivileged user.
     */
    public function testPreloadedScope(): void
    {
        if (!extension_loaded('Zend OPcache')) {
            $this->markTestSkipped('opcache is not loaded');
        }
        $preload = ['-d', 'opcache.enable_cli=1', '-d', 'opcache.preload=' . Library::preloadPath(), '-d', 'ffi.enable=preload'];
        $root = function_exists('posix_geteuid') && posix_geteuid() === 0;
        $file = $this->makeFile(300 * 1024);
        $env = ['PROBE_CONFIG' => json_encode(Emulator::config(['part_size' => 64 * 1024])), 'PROBE_FILE' => $file] + getenv();
        if (!$root) {
            $child = $this->probe($preload, $env);
            $this->assertSame('scope', $child['mode'] ?? null, json_encode($child));
            $this->assertTrue($child['preloaded']);
            $this->assertSame(md5('a=1&partner_key=k'), $child['sign']);
            $this->assertSame(0, $child['live']);
            $this->assertSame(md5_file($file), Emulator::video($child['upload']['video_id'])['md5']);
            return;
        }
        $asRoot = array_merge($preload, ['-d', 'opcache.preload_user=root']);

        // Root with preload_user: FFI::load() is refused, the preloaded classes use FFI::cdef().
        $child = $this->probe($asRoot, $env);
        $this->assertSame('cdef', $child['mode'] ?? null, json_encode($child));
        $this->assertTrue($child['preloaded']);
        $this->assertSame(md5_file($file), Emulator::video($child['upload']['video_id'])['md5']);

        // ... and ffi.preload registers the scope (the header from bin/vodkit-ffi-header.php).
        $header = Emulator::$dir . '/vodkit-scope.h';
        exec(escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg(dirname(__DIR__) . '/bin/vodkit-ffi-header.php') . ' ' . escapeshellarg($header), $lines, $status);
        $this->assertSame(0, $status, implode("\n", $lines));
        $child = $this->probe(array_merge($asRoot, ['-d', "ffi.preload=$header"]), $env);
        $this->assertSame('scope', $child['mode'] ?? null, json_encode($child));
        $this->assertNull($child['path']);
        $this->assertSame(md5('a=1&partner_key=k'), $child['sign']);
        $this->assertSame(0, $child['live']);
        $this->assertGreaterThan(0, $child['upload']['calls'], 'the progress closure ran');
        $this->assertSame(md5_file($file), Emulator::video($child['upload']['video_id'])['md5']);

        // An unprivileged user: preload.php registers the scope itself with FFI::load().
        if (!is_executable('/usr/bin/setpriv')) {
            $this->markTestIncomplete('setpriv is missing: FFI::load() under opcache.preload not run as an unprivileged user');
        }
        $child = $this->probe($preload, $env, ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']);
        $this->assertSame('scope', $child['mode'] ?? null, json_encode($child));
        $this->assertTrue($child['preloaded']);
        $this->assertSame(md5('a=1&partner_key=k'), $child['sign']);
        $this->assertSame(md5_file($file), Emulator::video($child['upload']['video_id'])['md5']);
    }

    /** A server SAPI (php -S, like FPM) with ffi.enable=preload and no preloading: the fix is named. */
    public function testServerSapiWithoutPreloadingNamesTheFix(): void
    {
        $script = Emulator::$dir . '/sapi-' . bin2hex(random_bytes(3)) . '.php';
        file_put_contents($script, "<?php\nrequire '" . dirname(__DIR__) . "/autoload.php';\n" . self::PROBE);
        $probe = stream_socket_server('tcp://127.0.0.1:0');
        $address = stream_socket_get_name($probe, false);
        fclose($probe);
        $server = proc_open([PHP_BINARY, '-d', 'ffi.enable=preload', '-S', $address, $script], [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        try {
            $answer = false;
            for ($deadline = microtime(true) + 60; $answer === false && microtime(true) < $deadline;) {
                usleep(25_000);
                $answer = @file_get_contents("http://$address/");
            }
            $child = json_decode((string) $answer, true);
            $this->assertSame(LibraryException::class, $child['class'] ?? null, (string) $answer);
            $this->assertStringContainsString('opcache.preload=' . Library::preloadPath(), $child['message']);
        } finally {
            proc_terminate($server);
            proc_close($server);
            unlink($script);
        }
    }

    /** @return array<string, mixed> */
    private function probe(array $phpArgs, ?array $env = null, ?array $prefix = null): array
    {
        [$status, $out, $err] = self::runPhp($phpArgs, self::PROBE, $env, $prefix);
        $decoded = json_decode($out, true);
        $this->assertIsArray($decoded, "exit $status: $out $err");
        return $decoded;
    }

    private function libraryError(callable $call): string
    {
        try {
            $call();
        } catch (LibraryException $e) {
            return $e->getMessage();
        }
        $this->fail('no LibraryException');
    }
}
