<?php

declare(strict_types=1);

namespace Vodkit\Exception;

/**
 * The provider refused the request with one of its own codes (providerCode).
 * Code: \Vodkit\Constants::VODKIT_ERROR_PROVIDER.
 */
class ProviderException extends \Vodkit\Exception
{
}
