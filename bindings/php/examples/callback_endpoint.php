<?php // Baijiayun transcode callbacks (php -d ffi.enable=1 -S 0.0.0.0:8000 callback_endpoint.php, or under FPM)
require getenv('VODKIT_AUTOLOAD') ?: __DIR__ . '/../autoload.php'; // in your app: vendor/autoload.php
$verifier = new Vodkit\Baijiayun\CallbackVerifier(getenv('BJY_PARTNER_KEY'), maxAge: 300);
try {
    $event = $verifier->verifyTranscode(file_get_contents('php://input')); // or $_POST
    // Handle it: deduplicate on $event->qid; $event->status is 20 (uploaded), 30 (failed) or 100 (transcoded).
    file_put_contents(getenv('VODKIT_EVENTS_FILE'), json_encode($event) . "\n", FILE_APPEND | LOCK_EX);
    echo json_encode(['code' => 0]); // anything else: the provider delivers it again after 5 s and 30 s
} catch (Vodkit\Exception\VerificationException $e) { // unsigned, tampered, stale or malformed: ignore it
    http_response_code(403);
    echo json_encode(['code' => 1, 'msg' => $e->reason]);
}
