<?php

// The queue the upload job goes to. `sync` runs it during the request (what
// the tests use); in production use a real queue (database, redis, sqs…)
// and `php artisan queue:work`.
return [
    'default' => env('QUEUE_CONNECTION', 'sync'),
    'connections' => [
        'sync' => ['driver' => 'sync'],
    ],
    'failed' => ['driver' => 'null'],
];
