<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * A bug in vodkit (or an answer this package could not decode).
 * Code: \Vodkit\Constants::VODKIT_ERROR_INTERNAL.
 */
class InternalException extends \Vodkit\Exception
{
}
