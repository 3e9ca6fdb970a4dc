<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Constants;
use Vodkit\Library;
use Vodkit\Tests\Support\TestCase;

/** The package against the sources it mirrors: the C header, the operation table, composer.json. */
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
        $this->assertGreaterThanOrEqual(50, count($c));
        $this->assertSame($c, $php);
        $this->assertStringNotContainsString('#', file_get_contents(Library::headerPath()), 'FFI cannot parse preprocessor lines');

        $source = '';
        foreach (new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator(dirname(__DIR__) . '/src', \FilesystemIterator::SKIP_DOTS)) as $file) {
            $source .= file_get_contents((string) $file);
        }
        // Setters the package reaches through vodkit_bjy_config_from_json instead:
        $viaJson = [
            'vodkit_bjy_config_new', 'vodkit_bjy_config_set_base_url', 'vodkit_bjy_config_set_private_domain',
            'vodkit_bjy_config_set_secret_key', 'vodkit_bjy_config_set_timeouts', 'vodkit_bjy_config_set_proxy',
            'vodkit_bjy_config_set_user_agent', 'vodkit_bjy_config_set_retries', 'vodkit_bjy_config_set_part_size',
            'vodkit_bjy_config_set_path_override',
        ];
        foreach ($c as $function) {
            if (!in_array($function, $viaJson, true)) {
                $this->assertStringContainsString("->$function(", $source, "$function is not wrapped");
            }
        }
    }

    /** The README's table of operations is ops.rs's, in order. */
    public function testTheReadmeListsEveryOperation(): void
    {
        preg_match_all('/^\s*\w+ = (\d+), "([^"]+)", (Documented|Provisional);/m', file_get_contents(self::REPO . '/src/providers/baijiayun/ops.rs'), $ops, PREG_SET_ORDER);
        preg_match_all('/^\| (\d+|—) \| `([^`]+)` \| (.*) \|$/m', file_get_contents(dirname(__DIR__) . '/README.md'), $rows, PREG_SET_ORDER);
        $this->assertCount(count($ops), $rows);
        $this->assertGreaterThanOrEqual(59, count($ops));
        foreach ($ops as $i => [, $api, $name, $source]) {
            $this->assertSame($api === '0' ? '—' : $api, $rows[$i][1], $name);
            $this->assertSame($name, $rows[$i][2]);
            $this->assertSame($source === 'Provisional', str_contains($rows[$i][3], 'provisional'), $name);
        }
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

        // Each file under src/ declares the class its PSR-4 path names.
        $src = dirname(__DIR__) . '/src';
        foreach (new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($src, \FilesystemIterator::SKIP_DOTS)) as $file) {
            $class = 'Vodkit\\' . str_replace('/', '\\', substr((string) $file, strlen($src) + 1, -4));
            $this->assertTrue(class_exists($class) || trait_exists($class), "$file does not declare $class");
        }
    }
}
