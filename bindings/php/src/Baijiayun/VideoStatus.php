<?php

declare(strict_types=1);

namespace Vodkit\Baijiayun;

/** A video's status codes (getStatus(), TranscodeEvent::$status). */
final class VideoStatus
{
    public const UPLOADING = 10;
    /** Upload complete, transcoding (also the status of the "upload done" callback). */
    public const TRANSCODING = 20;
    public const TRANSCODE_FAILED = 30;
    public const TRANSCODE_TIMEOUT = 31;
    public const UPLOAD_TIMEOUT = 32;
    public const TRANSCODED = 100;

    private function __construct()
    {
    }

    /** Whether nothing more will happen to the video on its own. */
    public static function isFinal(int $status): bool
    {
        return in_array($status, [self::TRANSCODE_FAILED, self::TRANSCODE_TIMEOUT, self::UPLOAD_TIMEOUT, self::TRANSCODED], true);
    }
}
