<?php

declare(strict_types=1);

namespace Vodkit;

use FFI;
use FFI\CData;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Internal\Native;
use Vodkit\Internal\OwnsHandle;
use Vodkit\Internal\ProgressBridge;
use Vodkit\Internal\StreamReader;
use Vodkit\Internal\Providers;

/**
 * A client of one provider, built from its name and a config array with the
 * same keys in every binding: every operation of the provider's catalog
 * through call() (or callWithFile() for those that send a file), uploads with
 * progress, cancellation and resume, and the catalog itself. The typed
 * classes (`Vodkit\Baijiayun`, …) are generated from the catalog and add one
 * method per operation on top of this one.
 *
 * One client holds one pool of keep-alive connections: build it once and
 * reuse it. Every method blocks until done and throws a Vodkit\Exception
 * subclass on failure (network errors, 5xx and rate limiting are retried
 * first, per the config's `retry` policy).
 */
class Client
{
    use OwnsHandle;

    private FFI $ffi;
    private ?CData $handle = null;
    private string $provider;
    /** @var list<array<string, mixed>>|null */
    private ?array $operations = null;

    /**
     * @param string $provider "baijiayun" (later also "iqiyi", "quvideo")
     * @param array<string, mixed> $config the provider's keys (Baijiayun:
     *   `partner_id`, `partner_key`, and `private_domain` or `base_url`) and
     *   the common ones: `base_url`, `hosts`, `path_overrides`,
     *   `connect_timeout_ms`, `request_timeout_ms`, `upload_part_timeout_ms`,
     *   `proxy`, `user_agent`, `pool_max_idle_per_host`, `retry`
     *   {max_retries, initial_backoff_ms, max_backoff_ms, multiplier}; see
     *   the provider class's constructor for them all. `logger` (a PSR-3
     *   logger, or null) is Vodkit::setLogger() for the whole process.
     * @throws InvalidInputException for an unknown provider or key, or a bad value
     */
    public function __construct(string $provider, #[\SensitiveParameter] array $config = [])
    {
        $this->ffi = Library::ffi();
        $this->provider = $provider;
        if (array_key_exists('logger', $config)) {
            // Not the provider's: the process's log (see Vodkit::setLogger).
            Vodkit::setLogger($config['logger']);
            unset($config['logger']);
        }
        $json = Native::encode((object) self::encodeConfig($provider, $config), 'the config');
        $out = $this->ffi->new('vodkit_client*');
        Native::check($this->ffi, $this->ffi->vodkit_client_new(
            Native::cstr($provider, 'provider'),
            $json,
            FFI::addr($out),
        ));
        $this->handle = $out;
    }

    public function __destruct()
    {
        if ($this->handle !== null) {
            $this->ffi->vodkit_client_free($this->handle);
            $this->handle = null;
        }
    }

    /** The provider's name, as given to the constructor. */
    public function provider(): string
    {
        return $this->provider;
    }

    /**
     * The provider's catalog: one entry per operation, `{provider, name,
     * function, method, host, path, provisional, file_field, params: [{name,
     * type, items, required, doc, schema}], doc, answer}` (`path` as this
     * client sends it, after `path_overrides`).
     *
     * @return list<array<string, mixed>>
     */
    public function operations(): array
    {
        if ($this->operations === null) {
            $out = Native::outString($this->ffi);
            Native::check($this->ffi, $this->ffi->vodkit_client_operations($this->handle, FFI::addr($out)));
            $this->operations = (array) Native::decode((string) Native::takeString($this->ffi, $out));
        }
        return $this->operations;
    }

    /**
     * The credentials the client holds now, as config keys to store and pass
     * back (iQiyi: `access_token`, `refresh_token`, `expires_in`, renewed by
     * the client when they expire; Baijiayun: `partner_key` once it fetched
     * one with its `secret_key`), or null for a provider whose
     * credentials never change. Holds secrets: never log it.
     *
     * @return array<string, mixed>|null
     */
    public function credentials(): ?array
    {
        $out = Native::outString($this->ffi);
        Native::check($this->ffi, $this->ffi->vodkit_client_credentials($this->handle, FFI::addr($out)));
        $value = Native::decode((string) Native::takeString($this->ffi, $out));
        return is_array($value) ? $value : null;
    }

    /**
     * Calls an operation by its catalog name (`video/getStatus`; for
     * Baijiayun also any other API path) with its parameters under their
     * wire names, checked against the catalog's models before anything is
     * sent. Returns the answer's data, decoded (arrays for JSON objects).
     *
     *     $page = $client->call('video/getVideoList', ['page' => 1, 'page_size' => 50]);
     *
     * @param array<string, mixed> $params
     * @throws Exception
     */
    public function call(string $operation, array $params = []): mixed
    {
        $json = self::encodeParams($params, 'call()');
        $out = Native::outString($this->ffi);
        Native::check($this->ffi, $this->ffi->vodkit_client_call(
            $this->handle,
            Native::cstr($operation, 'operation'),
            $json,
            FFI::addr($out),
        ));
        return Native::decode((string) Native::takeString($this->ffi, $out));
    }

    /**
     * As call(), with the file at $path sent as the multipart part $fileField
     * (file parts are never signed). '' means the operation's own field: the
     * catalog's `file_field`, or the config's `file_fields` override.
     *
     *     $client->callWithFile('video/uploadSubtitle', ['video_id' => $id, 'name' => 'English'], 'subtitle', 'en.vtt');
     *
     * @param array<string, mixed> $params
     * @throws Exception
     */
    public function callWithFile(string $operation, array $params, string $fileField, string $path): mixed
    {
        $json = self::encodeParams($params, 'callWithFile()');
        $out = Native::outString($this->ffi);
        Native::check($this->ffi, $this->ffi->vodkit_client_call_with_file(
            $this->handle,
            Native::cstr($operation, 'operation'),
            $json,
            Native::cstr($fileField, 'fileField'),
            Native::cstr($path, 'path'),
            FFI::addr($out),
        ));
        return Native::decode((string) Native::takeString($this->ffi, $out));
    }

    /**
     * Uploads a file as a new video, streamed from disk in parts that are
     * retried and resumed one by one, and returns the provider's result
     * (Baijiayun: `['video_id' => …, 'bytes' => …, 'resumed_from' => 0]`).
     *
     * $path is a file path, a seekable stream resource (fopen() of a
     * file, php://memory, php://temp, …) or a Url (an http(s) origin read
     * with Range requests). A stream is read at each part's
     * offset on this thread only, while the upload runs (the library's
     * threads hand each read to it), and its position is put back
     * afterwards; it is recorded under the `file_name` option, else a
     * file's base name, else `upload`. A stream that cannot seek is
     * InvalidInputException.
     *
     * A missing file, a directory or a bad option fails with
     * InvalidInputException before any request. If the upload fails after
     * the video was created, the exception's getResume() is the handle to
     * pass to resumeUpload().
     *
     * @param string|resource|Url $path
     * @param array<string, mixed> $options the provider's upload options
     *   (Baijiayun: `file_name`, `definitions` (list of bits: 16 SD, 1 HD,
     *   2 super, 4 720p, 8 1080p), `formats` (1 mp4, 2 flv, 4 m3u8),
     *   `audio`, `encrypt` (true, false, or null for the account's default),
     *   `watermark`, `watermark_pos`, `callback_url`, `use_https`,
     *   `part_size`)
     * @param (callable(Progress): (bool|null))|null $progress called on this
     *   thread while the upload runs; return false to abort (true or null go
     *   on). An exception it throws aborts the upload; once the video
     *   exists it surfaces as the upload's CancelledException, whose
     *   getResume() continues the upload and whose getPrevious() is the
     *   closure's exception (before that, the closure's exception itself).
     * @param UploadControl|null $control cancels, pauses or caps the upload
     *   (from the progress closure, a signal handler, or before the call)
     * @return array<string, mixed>
     * @throws Exception
     */
    public function upload(mixed $path, array $options = [], ?callable $progress = null, ?UploadControl $control = null): array
    {
        return $this->transfer(null, $path, $options, $progress, $control);
    }

    /**
     * Continues an interrupted upload of $path (a path or a seekable
     * stream, as for upload()) from the bytes the server holds. $resume is
     * the handle of the failed upload's exception (getResume(); Baijiayun:
     * `['provider' => 'baijiayun', 'video_id' => N]`); the other arguments
     * and the result are as for upload().
     *
     * @param array<string, mixed> $resume
     * @param string|resource|Url $path
     * @param array<string, mixed> $options
     * @param (callable(Progress): (bool|null))|null $progress
     * @param UploadControl|null $control
     * @return array<string, mixed>
     * @throws Exception
     */
    public function resumeUpload(
        array $resume,
        mixed $path,
        array $options = [],
        ?callable $progress = null,
        ?UploadControl $control = null,
    ): array {
        return $this->transfer($resume, $path, $options, $progress, $control);
    }

    /**
     * Uploads many files as new videos, $jobs of them at once (1 to 64),
     * each with $options as upload() takes them; one $control cancels,
     * pauses or caps them all (the cap is on their total). With a
     * `checkpoint_dir` option, each finished file is recorded beside the
     * checkpoints: the same call after a crash, `kill -9` or a cancel skips
     * the finished files (answering their recorded results) and continues
     * the others from their checkpoints.
     *
     * A missing file or a bad $jobs fails with InvalidInputException before
     * any request; after that a file's failure is in its own entry.
     *
     * @param list<string> $paths
     * @param array<string, mixed> $options
     * @param (callable(BatchProgress): (bool|null))|null $progress called on
     *   this thread with each running file's progress and the batch's totals
     *   (about ten times a second per running file); return false to stop
     *   the batch (the running files fail with their `cancelled` error, the
     *   others do not start). An exception it throws stops the batch the
     *   same way and is thrown by uploadMany() (the files finished so far
     *   are in the manifest, when there is one).
     * @param UploadControl|null $control cancels, pauses or caps every file
     * @return list<array<string, mixed>> one entry per path, in order:
     *   `file`, `bytes`, `skipped` (finished by an earlier run), and
     *   `result` (as upload()'s) or `error` (`code`, `kind`, `message`,
     *   `resume`: the handle for resumeUpload())
     * @throws Exception
     */
    public function uploadMany(
        array $paths,
        array $options = [],
        int $jobs = 4,
        ?callable $progress = null,
        ?UploadControl $control = null,
    ): array {
        if (!array_is_list($paths)) {
            throw new InvalidInputException('uploadMany takes a list of file paths', Constants::VODKIT_ERROR_INVALID_INPUT);
        }
        $optionsJson = self::encodeParams($options, 'the upload options');
        $count = count($paths);
        $sources = $count === 0 ? null : $this->ffi->new("vodkit_source*[$count]");
        $made = 0;
        try {
            foreach ($paths as $i => $path) {
                if (!is_string($path)) {
                    throw new InvalidInputException(
                        'uploadMany takes file paths, not ' . get_debug_type($path),
                        Constants::VODKIT_ERROR_INVALID_INPUT,
                    );
                }
                $cpath = Native::cstr($path, 'path');
                $one = $this->ffi->new('vodkit_source*');
                Native::check($this->ffi, $this->ffi->vodkit_source_from_path($cpath, FFI::addr($one)));
                $sources[$i] = $one;
                $made++;
            }
            if ($jobs < 1) {
                throw new InvalidInputException("jobs must be 1 to 64, not $jobs", Constants::VODKIT_ERROR_INVALID_INPUT);
            }
            $out = Native::outString($this->ffi);
            $token = $control?->handle();
            $error = ProgressBridge::runBatch($this->ffi, $progress, function (?CData $fn) use ($sources, $count, $optionsJson, $jobs, $token, $out) {
                return $this->ffi->vodkit_client_upload_many($this->handle, $sources, $count, $optionsJson, $jobs, $fn, null, $token, FFI::addr($out));
            }, function (?CData $error, \Throwable $thrown) use ($out): \Throwable {
                // The closure threw, which stopped the batch: its exception
                // is the caller's answer (each file's own error, cancelled,
                // says nothing more).
                Native::takeString($this->ffi, $out);
                if ($error !== null) {
                    $this->ffi->vodkit_error_free($error);
                }
                return $thrown;
            });
            Native::check($this->ffi, $error);
            /** @var list<array<string, mixed>> */
            return (array) Native::decode((string) Native::takeString($this->ffi, $out));
        } finally {
            for ($i = 0; $i < $made; $i++) {
                $this->ffi->vodkit_source_free($sources[$i]);
            }
        }
    }

    /**
     * Copies video $videoId of this client's provider to $target's as a new
     * video there, without a local copy: this provider's best play URL is
     * read with Range requests straight into the target's upload, and the
     * title comes along. Returns `source_provider`, `source_id`,
     * `target_provider`, `target_id`, `title`, `bytes`, `md5`, `skipped`
     * (an earlier call finished it: nothing sent) and `upload` (the
     * target's upload answer).
     *
     * $options are the target's upload options (`checkpoint_dir`,
     * `verify_md5`, `part_size`, …) and `title` to name the copy otherwise.
     * With a `checkpoint_dir`, an interrupted copy continues where it
     * stopped when called again (the checkpoint is keyed by source video and
     * target provider, since a play URL is signed anew each time), and a
     * finished copy is not made twice. A target that takes no uploads is
     * InvalidInputException; a source changed since the interrupted copy
     * began is IntegrityException.
     *
     * @param array<string, mixed> $options
     * @param (callable(Progress): (bool|null))|null $progress as for upload()
     * @return array<string, mixed>
     * @throws Exception
     */
    public function copy(
        string|int $videoId,
        Client $target,
        array $options = [],
        ?callable $progress = null,
        ?UploadControl $control = null,
    ): array {
        $optionsJson = self::encodeParams($options, 'the copy options');
        $id = Native::cstr((string) $videoId, 'videoId');
        $out = Native::outString($this->ffi);
        $token = $control?->handle();
        $error = ProgressBridge::run($this->ffi, $progress, function (?CData $fn) use ($id, $target, $optionsJson, $token, $out) {
            return $this->ffi->vodkit_copy($this->handle, $id, $target->handle, $optionsJson, $fn, null, $token, FFI::addr($out));
        }, function (?CData $error, \Throwable $thrown) use ($out): \Throwable {
            Native::takeString($this->ffi, $out);
            if ($error === null) {
                return $thrown;
            }
            $copy = Exception::fromError($this->ffi, $error, $thrown);
            return $copy->getResume() === null ? $thrown : $copy;
        });
        Native::check($this->ffi, $error);
        return (array) Native::decode((string) Native::takeString($this->ffi, $out));
    }

    /**
     * For the generated methods: the parameters without those given as null
     * (an optional parameter left out).
     *
     * @param array<string, mixed> $params
     * @return array<string, mixed>
     */
    protected static function withoutNulls(array $params): array
    {
        return array_filter($params, static fn (mixed $value): bool => $value !== null);
    }

    /**
     * One upload (or resume) through the C ABI's one upload call: $path
     * becomes a `vodkit_source` (a path source, or a reader source read on
     * this thread for a stream), freed when the call returns.
     *
     * @param array<string, mixed>|null $resume
     * @param array<string, mixed> $options
     * @return array<string, mixed>
     */
    private function transfer(?array $resume, mixed $path, array $options, ?callable $progress, ?UploadControl $control): array
    {
        if (!is_string($path) && !is_resource($path) && !$path instanceof Url) {
            throw new InvalidInputException(
                'upload takes a file path, a seekable stream resource or a Vodkit\\Url, not ' . get_debug_type($path),
                Constants::VODKIT_ERROR_INVALID_INPUT,
            );
        }
        $optionsJson = self::encodeParams($options, 'the upload options');
        $resumeJson = $resume === null ? null : self::encodeParams($resume, 'the resume handle');
        $upload = fn (CData $source): array => $this->uploadSource($resumeJson, $source, $optionsJson, $progress, $control);
        if ($path instanceof Url) {
            $curl = Native::cstr($path->url, 'url');
            $name = isset($options['file_name']) && is_string($options['file_name']) && trim($options['file_name']) !== ''
                ? Native::cstr($options['file_name'], 'file_name')
                : null;
            return $this->withSource(fn (CData $out): ?CData => $this->ffi->vodkit_source_from_url($curl, $name, $out), $upload);
        }
        if (is_resource($path)) {
            $fileName = isset($options['file_name']) && is_string($options['file_name']) ? $options['file_name'] : null;
            return StreamReader::run($this->ffi, $path, $fileName, function (CData $read, int $size, string $name) use ($upload): array {
                return $this->withSource(
                    fn (CData $out): ?CData => $this->ffi->vodkit_source_from_reader($read, null, $size, $name, Constants::VODKIT_SOURCE_READ_ON_CALLER, $out),
                    $upload,
                );
            });
        }
        $cpath = Native::cstr($path, 'path');
        return $this->withSource(fn (CData $out): ?CData => $this->ffi->vodkit_source_from_path($cpath, $out), $upload);
    }

    /**
     * Makes a source with $make (given the out-parameter), runs $upload with
     * it, and frees it.
     *
     * @param callable(CData): ?CData $make
     * @param callable(CData): array<string, mixed> $upload
     * @return array<string, mixed>
     */
    private function withSource(callable $make, callable $upload): array
    {
        $source = $this->ffi->new('vodkit_source*');
        Native::check($this->ffi, $make(FFI::addr($source)));
        try {
            return $upload($source);
        } finally {
            $this->ffi->vodkit_source_free($source);
        }
    }

    /**
     * @return array<string, mixed>
     */
    private function uploadSource(?string $resumeJson, CData $source, string $optionsJson, ?callable $progress, ?UploadControl $control): array
    {
        $out = Native::outString($this->ffi);
        $token = $control?->handle();
        $error = ProgressBridge::run($this->ffi, $progress, function (?CData $fn) use ($resumeJson, $source, $optionsJson, $token, $out) {
            return $resumeJson === null
                ? $this->ffi->vodkit_client_upload_source($this->handle, $source, $optionsJson, $fn, null, $token, FFI::addr($out))
                : $this->ffi->vodkit_client_resume_upload_source($this->handle, $resumeJson, $source, $optionsJson, $fn, null, $token, FFI::addr($out));
        }, function (?CData $error, \Throwable $thrown) use ($out): \Throwable {
            // The closure threw, which aborted the upload. The library's
            // error (cancelled) carries the resume handle: throw it, with the
            // closure's exception as getPrevious(), so the caller can resume.
            Native::takeString($this->ffi, $out);
            if ($error === null) {
                return $thrown;
            }
            $upload = Exception::fromError($this->ffi, $error, $thrown);
            return $upload->getResume() === null ? $thrown : $upload;
        });
        Native::check($this->ffi, $error);
        return (array) Native::decode((string) Native::takeString($this->ffi, $out));
    }

    /**
     * A name => value array as a JSON object (an empty array too).
     *
     * @param array<array-key, mixed> $params
     */
    private static function encodeParams(array $params, string $what): string
    {
        if ($params !== [] && array_is_list($params)) {
            throw new InvalidInputException(
                "$what takes an array of name => value",
                Constants::VODKIT_ERROR_INVALID_INPUT,
            );
        }
        return $params === [] ? '{}' : Native::encode($params, $what);
    }

    /**
     * The config as the library reads it, from the provider's key types
     * (generated from its config schema): an array under an `object` key
     * is a JSON object even when empty, a number under a `string` key (such
     * as `partner_id`) its decimal text; a secret that is not a string is
     * refused here, so that no message quotes it. Unknown keys and other
     * values are the library's to check.
     *
     * @param array<array-key, mixed> $config
     * @return array<array-key, mixed>
     */
    private static function encodeConfig(string $provider, #[\SensitiveParameter] array $config): array
    {
        if ($config !== [] && array_is_list($config)) {
            throw new InvalidInputException('the config is an array of key => value', Constants::VODKIT_ERROR_INVALID_INPUT);
        }
        $types = Providers::CONFIG[$provider] ?? [];
        foreach (Providers::SECRETS[$provider] ?? [] as $secret) {
            if (isset($config[$secret]) && !is_string($config[$secret])) {
                throw new InvalidInputException("$provider config: $secret must be a string", Constants::VODKIT_ERROR_INVALID_INPUT);
            }
        }
        foreach ($config as $key => $value) {
            $type = $types[$key] ?? null;
            if ($type === 'object' && is_array($value)) {
                $config[$key] = (object) $value;
            } elseif ($type === 'string' && is_int($value)) {
                $config[$key] = (string) $value;
            }
        }
        return $config;
    }
}
