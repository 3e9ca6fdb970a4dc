<?php

/*
 * The HTTP front controller, as public/index.php of a Laravel skeleton:
 * the web server (PHP-FPM, or `php -d ffi.enable=1 -S 127.0.0.1:8000
 * public/index.php` in development) sends every request here.
 */

declare(strict_types=1);

use Illuminate\Contracts\Http\Kernel;
use Illuminate\Http\Request;

$app = require __DIR__ . '/../bootstrap/app.php';

$kernel = $app->make(Kernel::class);
$response = $kernel->handle($request = Request::capture())->send();
$kernel->terminate($request, $response);
