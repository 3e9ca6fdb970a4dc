<?php

// The app's log, which also receives the SDK's lines (VodkitServiceProvider).
return [
    'default' => env('LOG_CHANNEL', 'single'),
    'channels' => [
        'single' => ['driver' => 'single', 'path' => storage_path('logs/laravel.log'), 'level' => env('LOG_LEVEL', 'debug')],
    ],
];
