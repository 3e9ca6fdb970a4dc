<?php

/*
 * A PSR-4 autoloader for the Vodkit\ namespace, for use without Composer
 * (`require 'bindings/php/autoload.php'`); with Composer, vendor/autoload.php
 * does the same from composer.json. Also used by preload.php and the tests.
 */

declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    if (strncmp($class, 'Vodkit\\', 7) !== 0) {
        return;
    }
    $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, 7)) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
