<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Client;
use Vodkit\Constants;
use Vodkit\Library;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

/** The package against the sources it mirrors: the C header, the catalog, composer.json. */
final class PackageTest extends TestCase
{
    private const REPO = __DIR__ . '/../../..';

    /** Every #define of include/vodkit.h has the same value in Vodkit\Constants, and nothing more. */
    public function testConstantsMirrorTheHeader(): void
    {
        $header = file_get_contents(self::REPO . '/include/vodkit.h');
        preg_match_all('/^#define\s+(\w+)\s+(.+?)\s*$/m', $header, $m, PREG_SET_ORDER);
        $defines = [];
        foreach ($m as [, $name, $value]) {
            if ($name === 'VODKIT_H') {
                continue; // the include guard
            }
            if (preg_match('/^\{(.*)\}$/', $value, $list)) {
                $defines[$name] = array_map('intval', array_values(array_filter(array_map('trim', explode(',', $list[1])), 'strlen')));
            } else {
                $this->assertMatchesRegularExpression('/^-?\d+$/', $value, $name);
                $defines[$name] = (int) $value;
            }
        }
        $this->assertGreaterThanOrEqual(20, count($defines));
        $this->assertNotEmpty(array_filter(array_keys($defines), fn ($n) => str_starts_with($n, 'VODKIT_ERROR_')));
        $php = (new \ReflectionClass(Constants::class))->getConstants();
        foreach ($defines as $name => $value) {
            $this->assertArrayHasKey($name, $php, "#define $name is missing from Vodkit\\Constants");
            $this->assertSame($value, $php[$name], $name);
        }
        $this->assertSame([], array_diff(array_keys($php), array_keys($defines)), 'constants the header does not define');

        $this->assertSame(
            Constants::VODKIT_VERSION_MAJOR . '.' . Constants::VODKIT_VERSION_MINOR . '.' . Constants::VODKIT_VERSION_PATCH,
            Library::version(),
        );
        $this->assertSame(Constants::VODKIT_ABI_VERSION, Library::abiVersion());
    }

    /**
     * The PHP header declares the same functions as include/vodkit.h, and
     * the package calls every one of them (nothing of the C ABI is left
     * unwrapped).
     */
    public function testThePackageWrapsEveryFunctionOfTheCAbi(): void
    {
        $functions = fn (string $text) => preg_match_all('/^[a-z0-9_ ]+\**\s*\**(vodkit_\w+)\(/m', $text, $m) ? array_unique($m[1]) : [];
        $c = $functions(file_get_contents(self::REPO . '/include/vodkit.h'));
        $php = $functions(file_get_contents(Library::headerPath()));
        sort($c);
        sort($php);
        $this->assertGreaterThanOrEqual(30, count($c));
        $this->assertSame($c, $php);
        $this->assertStringNotContainsString('#', file_get_contents(Library::headerPath()), 'FFI cannot parse preprocessor lines');

        $source = '';
        foreach (new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator(dirname(__DIR__) . '/src', \FilesystemIterator::SKIP_DOTS)) as $file) {
            $source .= file_get_contents((string) $file);
        }
        // What PHP does not call: a read-at callback from worker threads
        // (PHP takes calls on its own thread only: streams are reader
        // sources made with VODKIT_SOURCE_READ_ON_CALLER, and that flag is
        // an argument, not a function), descriptors (PHP streams expose
        // none), buffers (a PHP string is uploaded as a php://memory
        // stream), and the path conveniences (a path is a path source, so
        // every upload goes through the one upload call). Nor the log
        // callback, called from worker threads too: PHP's log goes through
        // the queue, drained on the PHP thread (Vodkit::setLogger). Nor
        // Android's start-up, which takes a JVM's JNIEnv and Context: PHP
        // runs in no Android app (off Android it is a no-op anyway).
        $unusable = [
            'vodkit_source_from_fd', 'vodkit_source_from_buffer',
            'vodkit_client_upload', 'vodkit_client_resume_upload',
            'vodkit_set_log_callback', 'vodkit_android_init',
        ];
        foreach ($c as $function) {
            if (in_array($function, $unusable, true)) {
                $this->assertStringNotContainsString("->$function(", $source, "$function is listed as unusable");
                continue;
            }
            $this->assertStringContainsString("->$function(", $source, "$function is not wrapped");
        }
    }

    /**
     * Nothing hand-written names an operation: provider-specific calls live
     * in the generated classes only (adding an operation needs no hand edit).
     */
    public function testOnlyGeneratedCodeNamesOperations(): void
    {
        $client = new Client('baijiayun', Emulator::config());
        $names = array_column($client->operations(), 'name');
        $src = dirname(__DIR__) . '/src';
        foreach (new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($src, \FilesystemIterator::SKIP_DOTS)) as $file) {
            $source = file_get_contents((string) $file);
            if (str_contains($source, '// DO NOT EDIT: generated by `cargo run -p vodkit-codegen`')) {
                continue;
            }
            $text = ''; // the code without its comments (examples in docblocks may name operations)
            foreach (token_get_all($source) as $token) {
                if (!is_array($token) || !in_array($token[0], [T_COMMENT, T_DOC_COMMENT], true)) {
                    $text .= is_array($token) ? $token[1] : $token;
                }
            }
            foreach ($names as $name) {
                $this->assertStringNotContainsString("'$name'", $text, "$file names the operation $name");
            }
        }
    }

    /** The generated OPERATIONS.md lists the catalog, in order, with each method; the README points to it. */
    public function testTheOperationsTableListsEveryOperation(): void
    {
        // One section per provider, in the registry's order.
        $quvideo = new Client('quvideo', ['base_url' => Emulator::$quvideo['base_url'], 'console_token' => 't']);
        $operations = array_merge(
            (new Client('baijiayun', Emulator::config()))->operations(),
            (new Client('iqiyi', Emulator::iqiyiConfig()))->operations(),
            $quvideo->operations(),
        );
        preg_match_all('/^\| `([^`]+)` \| `(\w+)\(([^)]*)\)` \| (.*) \|$/m', file_get_contents(dirname(__DIR__) . '/OPERATIONS.md'), $rows, PREG_SET_ORDER);
        $this->assertCount(count($operations), $rows);
        foreach ($operations as $i => $op) {
            $this->assertSame($op['name'], $rows[$i][1]);
            $this->assertSame(lcfirst(str_replace('_', '', ucwords($op['function'], '_'))), $rows[$i][2], $op['name']);
            $this->assertSame($op['provisional'], str_contains($rows[$i][4], 'Provisional path'), $op['name']);
        }
        $this->assertStringContainsString('(OPERATIONS.md)', file_get_contents(dirname(__DIR__) . '/README.md'));
    }

    /** The README's endpoint is the example file, verbatim. */
    public function testTheReadmeShowsTheExampleEndpoint(): void
    {
        $example = trim(file_get_contents(dirname(__DIR__) . '/examples/callback_endpoint.php'));
        $this->assertStringContainsString("```php\n$example\n```", file_get_contents(dirname(__DIR__) . '/README.md'));
        $this->assertLessThanOrEqual(12, substr_count($example, "\n") + 1, 'the example is about ten lines');
    }

    public function testComposerJson(): void
    {
        $composer = json_decode(file_get_contents(dirname(__DIR__) . '/composer.json'), true, 512, JSON_THROW_ON_ERROR);
        $this->assertSame('vodkit/vodkit', $composer['name']);
        $this->assertSame('>=8.1', $composer['require']['php']);
        $this->assertArrayHasKey('ext-ffi', $composer['require']);
        $this->assertSame(['Vodkit\\' => 'src/'], $composer['autoload']['psr-4']);
        $this->assertSame(['bin/vodkit-install-lib'], $composer['bin']);
        $this->assertTrue(is_executable(dirname(__DIR__) . '/bin/vodkit-install-lib'));
        foreach (['Baijiayun', 'iQiyi', 'quvideo'] as $provider) {
            $this->assertStringContainsString($provider, $composer['description']);
        }

        // Each file under src/ declares the class its PSR-4 path names.
        $src = dirname(__DIR__) . '/src';
        foreach (new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($src, \FilesystemIterator::SKIP_DOTS)) as $file) {
            $class = 'Vodkit\\' . str_replace('/', '\\', substr((string) $file, strlen($src) + 1, -4));
            $this->assertTrue(class_exists($class) || trait_exists($class), "$file does not declare $class");
        }
    }
}
