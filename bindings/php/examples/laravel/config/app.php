<?php

// config/app.php, reduced to what this example uses: the framework's
// providers for routing's companions, the queue and the cache, then the app's.
return [
    'name' => env('APP_NAME', 'vodkit-example'),
    'env' => env('APP_ENV', 'production'),
    'debug' => (bool) env('APP_DEBUG', false),
    'url' => env('APP_URL', 'http://localhost'),
    'timezone' => 'UTC',
    'locale' => 'en',
    'providers' => [
        Illuminate\Bus\BusServiceProvider::class,
        Illuminate\Cache\CacheServiceProvider::class,
        Illuminate\Filesystem\FilesystemServiceProvider::class,
        Illuminate\Queue\QueueServiceProvider::class,

        App\Providers\RouteServiceProvider::class,
        App\Providers\VodkitServiceProvider::class,
    ],
];
