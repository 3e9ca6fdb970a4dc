<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * Connection refused, reset, dropped or timed out, after the retries. For an
 * upload, videoId() names the video to resume.
 * Code: \Vodkit\Constants::VODKIT_ERROR_NETWORK.
 */
class NetworkException extends \Vodkit\Exception
{
}
