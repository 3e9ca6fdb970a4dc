<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * vodkit panicked; the call had no effect the caller can rely on. The
 * library stays usable.
 * Code: \Vodkit\Constants::VODKIT_ERROR_PANIC.
 */
class PanicException extends \Vodkit\Exception
{
}
