<?php

// Where the job leaves an upload's outcome for the status endpoint: files
// under storage/ (shared by the web server's and the queue worker's processes).
return [
    'default' => env('CACHE_DRIVER', 'file'),
    'stores' => [
        'file' => ['driver' => 'file', 'path' => storage_path('framework/cache/data')],
    ],
    'prefix' => 'vodkit_example',
];
