<?php

/*
 * PHPUnit bootstrap: the package's own autoloader plus one for the tests (no
 * Composer needed), the library from the repository's debug build unless
 * VODKIT_LIBRARY says otherwise, and one emulator for the whole run.
 */

declare(strict_types=1);

require dirname(__DIR__) . '/autoload.php';

spl_autoload_register(static function (string $class): void {
    if (strncmp($class, 'Vodkit\\Tests\\', 13) === 0) {
        $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, 13)) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});

$repo = dirname(__DIR__, 3);
if (getenv('VODKIT_LIBRARY') === false) {
    putenv("VODKIT_LIBRARY=$repo/target/debug/" . Vodkit\Library::fileName());
}

Vodkit\Tests\Support\Emulator::start(getenv('VODKIT_EMULATOR') ?: "$repo/target/debug/vodkit-emulator");
