<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * Cancelled: the progress closure returned false or a UploadControl was
 * cancelled. For an upload, videoId() names the video to resume (if one was
 * created).
 * Code: \Vodkit\Constants::VODKIT_ERROR_CANCELLED.
 */
class CancelledException extends \Vodkit\Exception
{
}
