<?php

declare(strict_types=1);

namespace Vodkit\Tests\Support;

use Vodkit\Library;

/**
 * Every test proves it freed what it got from the library: the library's
 * count of live handles, errors and strings is the same after the test (and
 * a garbage collection) as before it. Tests keep library objects in local
 * variables, not properties, so that they are gone by tearDown().
 */
abstract class TestCase extends \PHPUnit\Framework\TestCase
{
    private int $liveBefore = 0;
    /** @var list<string> */
    private array $tempFiles = [];

    protected function setUp(): void
    {
        gc_collect_cycles();
        $this->liveBefore = Library::liveObjects();
    }

    protected function tearDown(): void
    {
        foreach ($this->tempFiles as $file) {
            @unlink($file);
        }
        gc_collect_cycles();
        $this->assertSame($this->liveBefore, Library::liveObjects(), 'library objects (handles, errors, strings) leaked');
    }

    /** A file of $size pseudo-random bytes, deleted after the test. */
    protected function makeFile(int $size, string $name = 'upload.mp4'): string
    {
        $path = Emulator::$dir . '/' . bin2hex(random_bytes(4)) . '-' . $name;
        $handle = fopen($path, 'wb');
        for ($left = $size; $left > 0; $left -= 65536) {
            fwrite($handle, random_bytes(min($left, 65536)));
        }
        fclose($handle);
        $this->tempFiles[] = $path;
        return $path;
    }

    /**
     * Runs PHP code in a child process.
     *
     * @param list<string> $phpArgs e.g. ['-d', 'ffi.enable=0']
     * @param array<string, string>|null $env null: this process's environment
     * @param list<string>|null $prefix a command to run PHP with (setpriv …)
     * @param bool $autoload whether to require the package's autoload.php first
     * @return array{0: int, 1: string, 2: string} exit code, stdout, stderr
     */
    protected static function runPhp(array $phpArgs, string $code, ?array $env = null, ?array $prefix = null, bool $autoload = true): array
    {
        $script = Emulator::$dir . '/child-' . bin2hex(random_bytes(4)) . '.php';
        $require = $autoload ? 'require ' . var_export(dirname(__DIR__, 2) . '/autoload.php', true) . ";\n" : '';
        file_put_contents($script, "<?php\n" . $require . $code);
        $command = array_merge($prefix ?? [], [PHP_BINARY], $phpArgs, [$script]);
        $process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
        $stdout = stream_get_contents($pipes[1]);
        $stderr = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $status = proc_close($process);
        @unlink($script);
        return [$status, (string) $stdout, (string) $stderr];
    }
}
