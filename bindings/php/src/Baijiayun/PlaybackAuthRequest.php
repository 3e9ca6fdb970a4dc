<?php

declare(strict_types=1);

namespace Vodkit\Baijiayun;

/**
 * A verified third-party playback auth request: decide whether $accessKey
 * may play $videoId, then answer {"code":0} to allow or
 * {"code":1,"msg":"…"} to deny.
 */
final class PlaybackAuthRequest implements \JsonSerializable
{
    /** @param array<string, string> $fields every field as received, `sign` excluded */
    public function __construct(
        public readonly string $accessKey,
        public readonly int $videoId,
        public readonly ?int $timestamp,
        public readonly array $fields,
    ) {
    }

    /** @param array<string, mixed> $request the library's JSON, decoded */
    public static function fromArray(array $request): self
    {
        return new self(
            (string) $request['access_key'],
            (int) $request['video_id'],
            isset($request['timestamp']) ? (int) $request['timestamp'] : null,
            array_map('strval', (array) ($request['fields'] ?? [])),
        );
    }

    public function jsonSerialize(): array
    {
        return [
            'access_key' => $this->accessKey,
            'video_id' => $this->videoId,
            'timestamp' => $this->timestamp,
            'fields' => (object) $this->fields,
        ];
    }
}
