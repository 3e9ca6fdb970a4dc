<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * A local file could not be read.
 * Code: \Vodkit\Constants::VODKIT_ERROR_IO.
 */
class IoException extends \Vodkit\Exception
{
}
