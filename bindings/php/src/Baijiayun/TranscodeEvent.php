<?php

declare(strict_types=1);

namespace Vodkit\Baijiayun;

/**
 * A verified transcode callback. Deliveries are retried (after 5 s and
 * 30 s) until you answer {"code":0}: deduplicate on $qid.
 */
final class TranscodeEvent implements \JsonSerializable
{
    /**
     * @param array<string, string> $fields every field as received, `sign` excluded
     */
    public function __construct(
        public readonly int $videoId,
        /** 20 upload complete, 30 transcode failed, 100 transcoded (VideoStatus). */
        public readonly int $status,
        /** Unique per delivery. */
        public readonly string $qid,
        public readonly int $timestamp,
        public readonly ?string $prefaceUrl,
        public readonly ?int $totalSize,
        public readonly ?int $totalTranscodeSize,
        /** Seconds. */
        public readonly ?int $length,
        public readonly ?string $fileMd5,
        /** Definitions transcoded so far ("low,std,…"). */
        public readonly ?string $nowDefinition,
        public readonly ?string $originDefinition,
        public readonly array $fields,
    ) {
    }

    /** @param array<string, mixed> $event the library's event JSON, decoded */
    public static function fromArray(array $event): self
    {
        return new self(
            (int) $event['video_id'],
            (int) $event['status'],
            (string) $event['qid'],
            (int) $event['timestamp'],
            $event['preface_url'] ?? null,
            isset($event['total_size']) ? (int) $event['total_size'] : null,
            isset($event['total_transcode_size']) ? (int) $event['total_transcode_size'] : null,
            isset($event['length']) ? (int) $event['length'] : null,
            $event['file_md5'] ?? null,
            $event['now_definition'] ?? null,
            $event['origin_definition'] ?? null,
            array_map('strval', (array) ($event['fields'] ?? [])),
        );
    }

    public function isTranscoded(): bool
    {
        return $this->status === VideoStatus::TRANSCODED;
    }

    public function isFailed(): bool
    {
        return $this->status === VideoStatus::TRANSCODE_FAILED;
    }

    /** The library's snake_case shape (`video_id`, `status`, `qid`, …, `fields`). */
    public function jsonSerialize(): array
    {
        return [
            'video_id' => $this->videoId,
            'status' => $this->status,
            'qid' => $this->qid,
            'timestamp' => $this->timestamp,
            'preface_url' => $this->prefaceUrl,
            'total_size' => $this->totalSize,
            'total_transcode_size' => $this->totalTranscodeSize,
            'length' => $this->length,
            'file_md5' => $this->fileMd5,
            'now_definition' => $this->nowDefinition,
            'origin_definition' => $this->originDefinition,
            'fields' => (object) $this->fields,
        ];
    }
}
