<?php

// A router for `php -S`: serves the file named by VODKIT_ORIGIN_FILE with
// Range requests and a strong ETag, behind `?token=` VODKIT_ORIGIN_TOKEN
// (as a pre-signed download link). For UrlSourceTest.

declare(strict_types=1);

$file = (string) getenv('VODKIT_ORIGIN_FILE');
if (($_GET['token'] ?? '') !== getenv('VODKIT_ORIGIN_TOKEN')) {
    http_response_code(403);
    return true;
}
clearstatcache();
$data = (string) file_get_contents($file);
$size = strlen($data);
$etag = '"' . md5($data) . '"';
header("ETag: $etag");
$range = $_SERVER['HTTP_RANGE'] ?? '';
$ifRange = $_SERVER['HTTP_IF_RANGE'] ?? null;
if (!preg_match('/^bytes=(\d+)-(\d+)$/', $range, $m) || ($ifRange !== null && $ifRange !== $etag)) {
    header("Content-Length: $size");
    echo $data;
    return true;
}
$first = (int) $m[1];
$last = min((int) $m[2], $size - 1);
http_response_code(206);
header("Content-Range: bytes $first-$last/$size");
header('Content-Length: ' . ($last - $first + 1));
echo substr($data, $first, $last - $first + 1);
return true;
