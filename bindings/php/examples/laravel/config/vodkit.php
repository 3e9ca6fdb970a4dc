<?php

// config/vodkit.php: the client's config, one JSON-shaped map (the same keys
// in every binding). Secrets come from the environment, never from the repository.
return [
    'baijiayun' => [
        'partner_id' => env('VODKIT_BAIJIAYUN_PARTNER_ID'),
        'partner_key' => env('VODKIT_BAIJIAYUN_PARTNER_KEY'),
        'private_domain' => env('VODKIT_BAIJIAYUN_PRIVATE_DOMAIN'),
        // Tests and local development: the sandbox's address (`vodkit sandbox`).
        'base_url' => env('VODKIT_BAIJIAYUN_BASE_URL'),
    ],
    // The SDK's lines at this PSR-3 level and above go to the app's log.
    'log_level' => env('VODKIT_LOG_LEVEL', 'info'),
];
