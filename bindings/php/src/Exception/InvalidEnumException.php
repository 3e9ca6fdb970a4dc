<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * An enum argument was not one of its constants (e.g. upload option
 * `encrypt` given as an integer other than Constants::VODKIT_ENCRYPT_*).
 * Code: \Vodkit\Constants::VODKIT_ERROR_INVALID_ENUM.
 */
class InvalidEnumException extends \Vodkit\Exception
{
}
