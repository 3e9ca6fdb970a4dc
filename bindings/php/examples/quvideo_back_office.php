<?php // 趣视频 back office: list the videos waiting for review, block one with a reason.
// php -d ffi.enable=1 quvideo_back_office.php                  lists the pending videos
// php -d ffi.enable=1 quvideo_back_office.php VIDEO_ID REASON  blocks VIDEO_ID
require getenv('VODKIT_AUTOLOAD') ?: __DIR__ . '/../autoload.php'; // in your app: vendor/autoload.php
$console = new Vodkit\Quvideo([
    'base_url' => getenv('QUVIDEO_BASE_URL'),      // the AppServer's address
    'user_name' => getenv('QUVIDEO_USER'),
    'password' => getenv('QUVIDEO_PASSWORD'),      // logs in on the first call, again once if the token expires
]);
[, $videoId, $reason] = $argv + [null, null, null];
try {
    if ($videoId === null) {
        for ($page = 1; ; $page++) {               // pages start at 1
            $list = $console->getVideos(page_index: $page, page_size: 20, censor_status: 'onCensor');
            foreach ($list['videoList'] as $video) {
                printf("%s\t%s\t%s\t%s\n", $video['videoId'], $video['creationTime'], $video['user']['userName'] ?? '', $video['title']);
            }
            if ($page * 20 >= $list['total']) {
                break;
            }
        }
    } else {
        $console->createAudit($videoId, 'Blocked', reason: $reason); // reason: at most 128 bytes
        echo "blocked $videoId\n";
    }
    $console->signOut();
} catch (Vodkit\Exception\InvalidInputException $e) {     // a bad id or reason: nothing was sent
    fwrite(STDERR, 'refused: ' . $e->getMessage() . "\n");
    exit(2);
} catch (Vodkit\Exception\AuthException $e) {             // wrong password (401), locked (411)
    fwrite(STDERR, "login failed ({$e->providerCode}): {$e->getMessage()}\n");
    exit(3);
}
