<?php

declare(strict_types=1);

namespace Vodkit\Testing;

/** The sandbox could not start (no emulator binary, it exited) or its control API refused a request. */
final class SandboxException extends \RuntimeException
{
}
