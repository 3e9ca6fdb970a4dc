<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * A string argument was not valid UTF-8 (keys, values, paths, options).
 * Code: \Vodkit\Constants::VODKIT_ERROR_INVALID_UTF8.
 */
class InvalidUtf8Exception extends \Vodkit\Exception
{
}
