<?php

declare(strict_types=1);

namespace Vodkit\Internal;

/**
 * For classes that own a library handle: they cannot be cloned (two owners
 * would free it twice) or serialized (a handle means nothing in another
 * process).
 *
 * @internal
 */
trait OwnsHandle
{
    private function __clone()
    {
    }

    public function __serialize(): array
    {
        throw new \LogicException(static::class . ' holds a library handle and cannot be serialized');
    }

    public function __unserialize(array $data): void
    {
        throw new \LogicException(static::class . ' holds a library handle and cannot be unserialized');
    }
}
