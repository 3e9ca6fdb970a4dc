<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * The caller's input is wrong (a missing file, a directory, an unknown option, a
 * parameter the provider refused with 1001). Never retried.
 * Code: \Vodkit\Constants::VODKIT_ERROR_INVALID_INPUT.
 */
class InvalidInputException extends \Vodkit\Exception
{
}
