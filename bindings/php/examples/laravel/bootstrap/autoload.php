<?php

/*
 * The class loading an app installed with Composer gets from
 * vendor/autoload.php, for this example without Composer: Laravel from
 * Debian's php-laravel-framework (on PHP's include_path, /usr/share/php),
 * vodkit from this repository's bindings/php, and the app's own App\
 * classes from app/. In your app, Composer does all three (see README.md).
 */

declare(strict_types=1);

if (stream_resolve_include_path('Illuminate/autoload.php') === false) {
    throw new RuntimeException(
        'Laravel is not installed: this example runs on Debian\'s php-laravel-framework '
        . '(apt-get install php-laravel-framework), which puts Illuminate/autoload.php on PHP\'s include_path',
    );
}
require_once 'Illuminate/autoload.php';
require_once dirname(__DIR__, 3) . '/autoload.php';

spl_autoload_register(static function (string $class): void {
    if (strncmp($class, 'App\\', 4) !== 0) {
        return;
    }
    $file = dirname(__DIR__) . '/app/' . str_replace('\\', '/', substr($class, 4)) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
