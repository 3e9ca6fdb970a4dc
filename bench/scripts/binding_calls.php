<?php
// B5: N signed calls through the vodkit PHP package over FFI (one client,
// keep-alive). VODKIT_LIBRARY names the library.
// usage: php binding_calls.php PACKAGE_DIR CONFIG_JSON OPERATION PARAMS_JSON N -> prints `elapsed SECONDS`
declare(strict_types=1);

require $argv[1] . '/autoload.php';
$config = json_decode($argv[2], true, 512, JSON_THROW_ON_ERROR);
$op = $argv[3];
$params = json_decode($argv[4], true, 512, JSON_THROW_ON_ERROR);
$n = (int) $argv[5];
$client = new \Vodkit\Client('baijiayun', $config);
$client->call($op, $params); // the connection is open before the clock starts
$started = hrtime(true);
for ($i = 0; $i < $n; $i++) {
    $client->call($op, $params);
}
echo 'elapsed ' . ((hrtime(true) - $started) / 1e9) . "\n";
