<?php

declare(strict_types=1);

namespace Vodkit;

use FFI;
use Vodkit\Internal\Native;

/**
 * Upload checkpoints: what the `checkpoint_dir` upload option writes so an
 * upload interrupted in one process (a crash, a kill, a timeout) continues
 * in another with a plain `upload()` of the same file and directory.
 */
final class Checkpoints
{
    private function __construct()
    {
    }

    /**
     * The valid checkpoints in $dir, oldest first: arrays with `key` (what
     * remove() takes), `provider`, `path` (null unless uploaded by path),
     * `size`, `acknowledged` (bytes the server acknowledged), `resume` (the
     * handle resumeUpload() takes), `created_at` and `updated_at` (Unix
     * seconds). A directory that does not exist has none.
     *
     * @return list<array<string, mixed>>
     */
    public static function list(string $dir): array
    {
        $ffi = Library::ffi();
        $out = Native::outString($ffi);
        Native::check($ffi, $ffi->vodkit_checkpoints_list(Native::cstr($dir, 'dir'), FFI::addr($out)));
        return (array) json_decode((string) Native::takeString($ffi, $out), true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * Removes the checkpoint $key from $dir (one that is not there is no
     * error). The upload it recorded is not cancelled at the provider.
     *
     * @throws Exception\InvalidInputException $key is not a checkpoint key
     */
    public static function remove(string $dir, string $key): void
    {
        $ffi = Library::ffi();
        Native::check($ffi, $ffi->vodkit_checkpoint_remove(Native::cstr($dir, 'dir'), Native::cstr($key, 'key')));
    }
}
