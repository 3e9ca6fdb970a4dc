<?php

declare(strict_types=1);

namespace Vodkit\Internal;

use FFI;
use FFI\CData;
use Vodkit\BatchProgress;
use Vodkit\Constants;
use Vodkit\Library;
use Vodkit\Progress;

/**
 * Connects the library's progress callbacks to a PHP closure: one upload's
 * (`vodkit_progress_fn`, a Progress) and a batch's (`vodkit_batch_progress_fn`,
 * a BatchProgress).
 *
 * One C callback per callback type (a libffi trampoline, which PHP frees
 * only at the end of the request) is made per FFI object and reused by
 * every upload. The
 * library calls it only on the thread that called the upload, during that
 * call, so the closure to run is the innermost upload in progress on the
 * current fiber; it is found on a stack. A closure that throws is caught
 * here (an exception must not unwind through C), the upload is aborted, and
 * the exception is handed to the caller, which throws it on — wrapped in the
 * upload's own exception when that carries a resume handle.
 *
 * @internal
 */
final class ProgressBridge
{
    /** @var \WeakMap<FFI, array<string, CData>>|null per FFI object, one `<type>[1]` per callback type */
    private static ?\WeakMap $trampolines = null;

    /** @var list<ProgressBridge> uploads in progress, innermost last */
    private static array $active = [];

    public ?\Throwable $thrown = null;
    private ?\Fiber $fiber;

    /**
     * @param callable(object): (bool|null) $closure
     * @param \Closure(CData): object $snapshot the closure's argument, made from the C struct
     */
    private function __construct(private $closure, private \Closure $snapshot)
    {
        $this->fiber = \Fiber::getCurrent();
    }

    /**
     * Runs $call with the progress function pointer for $closure (null when
     * there is none). If the closure threw, $thrown gets what $call returned
     * and the closure's exception, and what it returns is thrown.
     *
     * @template T
     * @param callable(?CData): T $call receives the `vodkit_progress_fn` to pass
     * @param callable(T, \Throwable): \Throwable $thrown
     * @return T
     */
    public static function run(FFI $ffi, ?callable $closure, callable $call, callable $thrown): mixed
    {
        return self::bridge($ffi, 'vodkit_progress_fn', $closure, self::progress(...), $call, $thrown);
    }

    /**
     * As run(), for a batch (vodkit_client_upload_many): $call receives the
     * `vodkit_batch_progress_fn` to pass, and $closure gets BatchProgress
     * snapshots.
     *
     * @template T
     * @param (callable(BatchProgress): (bool|null))|null $closure
     * @param callable(?CData): T $call
     * @param callable(T, \Throwable): \Throwable $thrown
     * @return T
     */
    public static function runBatch(FFI $ffi, ?callable $closure, callable $call, callable $thrown): mixed
    {
        return self::bridge($ffi, 'vodkit_batch_progress_fn', $closure, self::batchProgress(...), $call, $thrown);
    }

    /**
     * @template T
     * @param \Closure(CData): object $snapshot
     * @param callable(?CData): T $call
     * @param callable(T, \Throwable): \Throwable $thrown
     * @return T
     */
    private static function bridge(FFI $ffi, string $type, ?callable $closure, \Closure $snapshot, callable $call, callable $thrown): mixed
    {
        if ($closure === null) {
            return $call(null);
        }
        $bridge = new self($closure, $snapshot);
        self::$active[] = $bridge;
        try {
            $result = $call(self::trampoline($ffi, $type));
        } finally {
            $index = array_search($bridge, self::$active, true);
            if ($index !== false) {
                array_splice(self::$active, $index, 1);
            }
        }
        if ($bridge->thrown !== null) {
            throw $thrown($result, $bridge->thrown);
        }
        return $result;
    }

    /** The C callback of $type (a function pointer type taking user data and a snapshot) for $ffi. */
    private static function trampoline(FFI $ffi, string $type): CData
    {
        self::$trampolines ??= new \WeakMap();
        $made = self::$trampolines[$ffi] ?? [];
        if (!isset($made[$type])) {
            $holder = $ffi->new("{$type}[1]");
            $holder[0] = static function ($userData, $progress): int {
                return self::dispatch($progress);
            };
            $made[$type] = $holder;
            self::$trampolines[$ffi] = $made;
        }
        return $made[$type][0];
    }

    /** One upload's snapshot (`vodkit_progress`). */
    private static function progress(CData $p): Progress
    {
        // FFI reads a `const char *` field as a PHP string, NULL as null.
        $raw = $p->resume_json;
        $resume = is_string($raw) ? (array) json_decode($raw, true, 512, JSON_THROW_ON_ERROR) : null;
        return new Progress((int) $p->bytes_done, (int) $p->bytes_total, (int) $p->bytes_sent, (int) $p->elapsed_ms, $resume);
    }

    /** A batch's snapshot (`vodkit_batch_progress`). */
    private static function batchProgress(CData $p): BatchProgress
    {
        return new BatchProgress(
            (int) $p->index,
            (int) $p->file_bytes_done,
            (int) $p->file_bytes_total,
            (int) $p->bytes_done,
            (int) $p->bytes_total,
            (int) $p->files_done,
            (int) $p->files_total,
        );
    }

    /** Called by the library, on the PHP thread, during an upload or a batch. */
    private static function dispatch(CData $progress): int
    {
        // The upload's log lines so far, from its worker threads too.
        try {
            \Vodkit\Vodkit::deliver(Library::ffi());
        } catch (\Throwable $e) {
            // A throwing logger aborts the upload like a throwing closure.
            foreach (self::$active as $bridge) {
                if ($bridge->fiber === \Fiber::getCurrent()) {
                    $bridge->thrown ??= $e;
                }
            }
            return Constants::VODKIT_ABORT;
        }
        $fiber = \Fiber::getCurrent();
        for ($i = count(self::$active) - 1; $i >= 0; $i--) {
            $bridge = self::$active[$i];
            if ($bridge->fiber === $fiber) {
                return $bridge->call($progress);
            }
        }
        return Constants::VODKIT_ABORT; // no upload of ours is running here
    }

    private function call(CData $p): int
    {
        if ($this->thrown !== null) {
            return Constants::VODKIT_ABORT;
        }
        try {
            $answer = ($this->closure)(($this->snapshot)($p));
            return $answer === false ? Constants::VODKIT_ABORT : Constants::VODKIT_CONTINUE;
        } catch (\Throwable $e) {
            $this->thrown = $e;
            return Constants::VODKIT_ABORT;
        }
    }
}
