<?php

/*
 * Creates the application, as bootstrap/app.php of a Laravel 8 skeleton
 * does, with the framework's own kernels and exception handler (this
 * example needs nothing of theirs to change). Used by public/index.php and
 * by the tests.
 */

declare(strict_types=1);

require_once __DIR__ . '/autoload.php';

$app = new Illuminate\Foundation\Application(dirname(__DIR__));

// Where the app writes (uploaded files, the cache, the log): storage/ next
// to app/ unless LARAVEL_STORAGE_PATH names another directory (the tests
// use a temporary one, so nothing is written into the repository).
$storage = getenv('LARAVEL_STORAGE_PATH');
if (is_string($storage) && $storage !== '') {
    $app->useStoragePath($storage);
}

$app->singleton(Illuminate\Contracts\Http\Kernel::class, Illuminate\Foundation\Http\Kernel::class);
$app->singleton(Illuminate\Contracts\Console\Kernel::class, Illuminate\Foundation\Console\Kernel::class);
$app->singleton(Illuminate\Contracts\Debug\ExceptionHandler::class, Illuminate\Foundation\Exceptions\Handler::class);

return $app;
