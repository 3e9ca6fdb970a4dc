<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * Bytes did not arrive intact, or the file changed during the upload.
 * Code: \Vodkit\Constants::VODKIT_ERROR_INTEGRITY.
 */
class IntegrityException extends \Vodkit\Exception
{
}
