<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * The provider throttled the calls (HTTP 429 or a rate-limit code); thrown
 * once the retry policy's attempts are used up.
 * Code: \Vodkit\Constants::VODKIT_ERROR_RATE_LIMITED.
 */
class RateLimitedException extends \Vodkit\Exception
{
}
