<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * The provider failed: HTTP 5xx or an unusable answer, after the retries.
 * Code: \Vodkit\Constants::VODKIT_ERROR_SERVER.
 */
class ServerException extends \Vodkit\Exception
{
}
