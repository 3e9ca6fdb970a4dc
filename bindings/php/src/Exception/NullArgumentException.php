<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * The C ABI got a NULL where a pointer was required (a bug in this package).
 * Code: \Vodkit\Constants::VODKIT_ERROR_NULL_ARGUMENT.
 */
class NullArgumentException extends \Vodkit\Exception
{
}
