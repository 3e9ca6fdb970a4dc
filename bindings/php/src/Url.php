<?php

declare(strict_types=1);

namespace Vodkit;

/**
 * An upload source read from an http(s) origin with Range requests:
 * `$client->upload(new Url('https://cdn.example.com/a.mp4?token=…'))`.
 * The origin must answer Range requests; a resumed upload asks it only for
 * the bytes the provider is missing, and a file changed at the origin
 * before the upload ends is IntegrityException. The video is named after
 * the `file_name` option, else the URL's last path segment. The URL's
 * query and password may be credentials: no exception message holds them,
 * and this object's string form shows scheme, host and path only.
 */
final class Url implements \Stringable
{
    public function __construct(public readonly string $url)
    {
    }

    public function __toString(): string
    {
        $shown = preg_split('/[?#]/', $this->url, 2)[0] ?? '';
        return (string) preg_replace('#^([a-z][a-z0-9+.-]*://)[^/@]*@#i', '$1', $shown);
    }

    /** @return array{url: string} */
    public function __debugInfo(): array
    {
        return ['url' => (string) $this];
    }
}
