<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * Credentials rejected: bad signature or wrong partner key (provider code
 * 1002), or an account problem (2001-2003). Never retried.
 * Code: \Vodkit\Constants::VODKIT_ERROR_AUTH.
 */
class AuthException extends \Vodkit\Exception
{
}
