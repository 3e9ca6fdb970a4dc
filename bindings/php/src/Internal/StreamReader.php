<?php

declare(strict_types=1);

namespace Vodkit\Internal;

use FFI;
use FFI\CData;
use Vodkit\Constants;
use Vodkit\Exception\InvalidInputException;

/**
 * Reads an upload's bytes from a PHP stream, for a reader source made with
 * `VODKIT_SOURCE_READ_ON_CALLER` (`vodkit_source_from_reader`): the library
 * calls the read-at callback only on the thread that called the upload, one
 * call at a time
 * (PHP cannot take calls from other threads); its upload threads wait for
 * each answer, so memory stays at the read buffers of the parts in flight.
 *
 * Like the progress bridge, one C callback (a libffi trampoline, freed by
 * PHP only at the end of the request) is made per FFI object and reused; it
 * serves the innermost upload of the current fiber. A read that fails (or
 * throws: an exception must not unwind through C) answers -1, which fails
 * the upload with IoException.
 *
 * @internal
 */
final class StreamReader
{
    /** @var \WeakMap<FFI, CData>|null one `vodkit_read_at_fn[1]` per FFI object */
    private static ?\WeakMap $trampolines = null;

    /** @var list<StreamReader> uploads in progress, innermost last */
    private static array $active = [];

    private ?\Fiber $fiber;
    public readonly int $size;
    public readonly string $name;
    private int|false $position;

    /** @param resource $stream */
    private function __construct(private $stream, ?string $name)
    {
        $this->fiber = \Fiber::getCurrent();
        $meta = stream_get_meta_data($stream);
        if (!$meta['seekable']) {
            throw new InvalidInputException(
                'the stream is not seekable: an upload reads its parts at their offsets (and again on a retry)',
                Constants::VODKIT_ERROR_INVALID_INPUT,
            );
        }
        $this->position = ftell($stream);
        if (fseek($stream, 0, SEEK_END) !== 0 || ($size = ftell($stream)) === false) {
            throw new InvalidInputException('cannot find the stream\'s size', Constants::VODKIT_ERROR_INVALID_INPUT);
        }
        $this->size = $size;
        $uri = $meta['uri'] ?? '';
        $this->name = $name ?? ($meta['wrapper_type'] === 'plainfile' && $uri !== '' ? basename($uri) : 'upload');
    }

    /**
     * Runs $call with the read-at function pointer serving $stream, its
     * size and its name (the `file_name` option, a file's base name, or
     * `upload`); puts the stream's position back afterwards.
     *
     * @template T
     * @param resource $stream
     * @param callable(CData, int, string): T $call
     * @return T
     */
    public static function run(FFI $ffi, $stream, ?string $name, callable $call): mixed
    {
        $reader = new self($stream, $name);
        self::$active[] = $reader;
        try {
            return $call(self::trampoline($ffi), $reader->size, $reader->name);
        } finally {
            $index = array_search($reader, self::$active, true);
            if ($index !== false) {
                array_splice(self::$active, $index, 1);
            }
            if ($reader->position !== false) {
                fseek($stream, $reader->position);
            }
        }
    }

    private static function trampoline(FFI $ffi): CData
    {
        self::$trampolines ??= new \WeakMap();
        if (!isset(self::$trampolines[$ffi])) {
            $holder = $ffi->new('vodkit_read_at_fn[1]');
            $holder[0] = static function ($userData, $offset, $buf, $len): int {
                return self::dispatch((int) $offset, $buf, (int) $len);
            };
            self::$trampolines[$ffi] = $holder;
        }
        return self::$trampolines[$ffi][0];
    }

    /** Called by the library, on the PHP thread, during an upload. */
    private static function dispatch(int $offset, CData $buf, int $len): int
    {
        $fiber = \Fiber::getCurrent();
        for ($i = count(self::$active) - 1; $i >= 0; $i--) {
            $reader = self::$active[$i];
            if ($reader->fiber === $fiber) {
                return $reader->read($offset, $buf, $len);
            }
        }
        return -1; // no upload of ours is running here
    }

    private function read(int $offset, CData $buf, int $len): int
    {
        try {
            if ($len <= 0) {
                return 0;
            }
            if (fseek($this->stream, $offset) !== 0) {
                return -2;
            }
            $data = fread($this->stream, $len);
            if ($data === false) {
                return -3;
            }
            $n = strlen($data);
            if ($n > 0) {
                FFI::memcpy($buf, $data, $n);
            }
            return $n;
        } catch (\Throwable) {
            return -1;
        }
    }
}
