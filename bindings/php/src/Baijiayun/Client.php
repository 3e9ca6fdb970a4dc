<?php

declare(strict_types=1);

namespace Vodkit\Baijiayun;

use FFI;
use FFI\CData;
use Vodkit\CancelToken;
use Vodkit\Constants;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Internal\Native;
use Vodkit\Internal\OwnsHandle;
use Vodkit\Internal\ProgressBridge;
use Vodkit\Library;
use Vodkit\Progress;

/**
 * A Baijiayun VOD client: typed methods for the main flow (upload, status,
 * info, play URLs, player token, delete) and call() for every other
 * operation. One client holds one pool of keep-alive connections; build it
 * once and reuse it. Every method blocks until done and throws a
 * Vodkit\Exception subclass on failure (network errors, 5xx and rate
 * limiting are retried first, per the `retry` policy).
 */
final class Client
{
    use OwnsHandle;

    /** The keys of the config array (the fields of the Rust `Config`). */
    public const CONFIG_KEYS = [
        'partner_id', 'partner_key', 'base_url', 'private_domain', 'secret_key', 'part_size',
        'retry', 'http', 'path_overrides', 'upload_field', 'rate_limit_codes',
    ];
    /** The keys of `retry`. */
    public const RETRY_KEYS = ['max_retries', 'initial_backoff_ms', 'max_backoff_ms', 'multiplier'];
    /** The keys of `http`. */
    public const HTTP_KEYS = [
        'connect_timeout_ms', 'request_timeout_ms', 'upload_part_timeout_ms', 'proxy', 'user_agent',
        'pool_max_idle_per_host',
    ];
    /** The keys of the upload options array. */
    public const UPLOAD_OPTIONS = [
        'file_name', 'definitions', 'formats', 'audio', 'encrypt', 'watermark', 'watermark_pos',
        'callback_url', 'use_https', 'part_size',
    ];

    private FFI $ffi;
    private ?CData $handle = null;

    /**
     * @param array<string, mixed> $config `partner_id`, `partner_key`, and
     *   `base_url` (an emulator, `https://api.baijiayun.com`) or
     *   `private_domain` (`acme` for https://acme.at.baijiayun.com); optional
     *   `secret_key`, `part_size` (bytes, default 8 MiB), `retry`
     *   {max_retries, initial_backoff_ms, max_backoff_ms, multiplier},
     *   `http` {connect_timeout_ms, request_timeout_ms,
     *   upload_part_timeout_ms, proxy, user_agent}, `path_overrides`
     *   {operation: path}, `upload_field`, `rate_limit_codes`.
     * @throws InvalidInputException for an unknown key or a bad value
     */
    public function __construct(#[\SensitiveParameter] array $config)
    {
        $this->ffi = Library::ffi();
        $json = Native::encode(self::normalizeConfig($config), 'the config');
        $out = $this->ffi->new('vodkit_bjy_config*');
        Native::check($this->ffi, $this->ffi->vodkit_bjy_config_from_json($json, FFI::addr($out)));
        try {
            $client = $this->ffi->new('vodkit_bjy_client*');
            Native::check($this->ffi, $this->ffi->vodkit_bjy_client_new($out, FFI::addr($client)));
            $this->handle = $client;
        } finally {
            $this->ffi->vodkit_bjy_config_free($out);
        }
    }

    public function __destruct()
    {
        if ($this->handle !== null) {
            $this->ffi->vodkit_bjy_client_free($this->handle);
            $this->handle = null;
        }
    }

    /**
     * API 5: the video's status, a VideoStatus constant (10 uploading,
     * 20 transcoding, 30 failed, 31/32 timeouts, 100 transcoded).
     */
    public function getStatus(int $videoId): int
    {
        $status = $this->ffi->new('int64_t');
        Native::check($this->ffi, $this->ffi->vodkit_bjy_get_status($this->handle, $videoId, FFI::addr($status)));
        return (int) $status->cdata;
    }

    /**
     * API 6: everything known about a video (`video_id`, `name`, `status`,
     * `total_size`, `preface_url`, `play_info`, …).
     *
     * @return array<string, mixed>
     */
    public function getInfo(int $videoId): array
    {
        $out = Native::outString($this->ffi);
        Native::check($this->ffi, $this->ffi->vodkit_bjy_get_info($this->handle, $videoId, FFI::addr($out)));
        return (array) Native::decode((string) Native::takeString($this->ffi, $out));
    }

    /**
     * API 23: play URLs per definition, `['video_id' => …, 'play_info' =>
     * ['high' => ['url' => …, …], …]]`. Only for a transcoded video
     * (otherwise ProviderException, provider code 1003).
     *
     * @param string|null $format "mp4" (default), "flv" or "m3u8"
     * @param int|null $expiresIn seconds the URLs stay valid (default 12 h)
     * @return array<string, mixed>
     */
    public function getPlayUrls(int $videoId, ?string $format = null, ?int $expiresIn = null): array
    {
        if ($expiresIn !== null && $expiresIn < 0) {
            throw new InvalidInputException('expiresIn must not be negative', Constants::VODKIT_ERROR_INVALID_INPUT);
        }
        $out = Native::outString($this->ffi);
        Native::check($this->ffi, $this->ffi->vodkit_bjy_get_play_urls(
            $this->handle,
            $videoId,
            $format === null ? null : Native::cstr($format, 'format'),
            $expiresIn ?? -1,
            FFI::addr($out),
        ));
        return (array) Native::decode((string) Native::takeString($this->ffi, $out));
    }

    /**
     * API 18: a token for the player (pass it to the client app).
     *
     * @param int $expiresIn seconds the token stays valid; 0 (the provider's default) never expires
     */
    public function getPlayerToken(int $videoId, int $expiresIn = 0): string
    {
        $out = Native::outString($this->ffi);
        Native::check($this->ffi, $this->ffi->vodkit_bjy_get_player_token($this->handle, $videoId, $expiresIn, FFI::addr($out)));
        return (string) Native::takeString($this->ffi, $out);
    }

    /** API 11: deletes a video. */
    public function delete(int $videoId): void
    {
        Native::check($this->ffi, $this->ffi->vodkit_bjy_delete($this->handle, $videoId));
    }

    /**
     * The generic signed call, for every operation without a typed method.
     * $operation is the operation's name, which is its path under
     * /openapi/ ("video/getVideoList", "video_account/getAccountInfo"; see
     * the README's table), or any other path. `partner_id`, `timestamp` and
     * `sign` are added. Values: strings and numbers as given, booleans as
     * 1/0, nulls left out, arrays sent as JSON text. Returns the answer's
     * `data`, decoded (arrays for JSON objects).
     *
     *     $page = $client->call('video/getVideoList', ['page' => 1, 'page_size' => 50]);
     *
     * @param array<string, mixed> $params
     */
    public function call(string $operation, array $params = []): mixed
    {
        if ($params !== [] && array_is_list($params)) {
            throw new InvalidInputException(
                'call() takes the parameters as an array of name => value',
                Constants::VODKIT_ERROR_INVALID_INPUT,
            );
        }
        $json = $params === [] ? '{}' : Native::encode($params, 'the parameters');
        $out = Native::outString($this->ffi);
        Native::check($this->ffi, $this->ffi->vodkit_bjy_call(
            $this->handle,
            Native::cstr($operation, 'operation'),
            $json,
            FFI::addr($out),
        ));
        return Native::decode((string) Native::takeString($this->ffi, $out));
    }

    /**
     * As call(), with the file at $path sent as the multipart part $field
     * (file parts are never signed): API 32 uploadSubtitle (field
     * "subtitle") and API 47 document attachments (field "file").
     *
     *     $client->callWithFile('video/uploadSubtitle', ['video_id' => $id, 'name' => 'English'], 'subtitle', 'en.vtt');
     *
     * @param array<string, mixed> $params
     */
    public function callWithFile(string $operation, array $params, string $field, string $path): mixed
    {
        if ($params !== [] && array_is_list($params)) {
            throw new InvalidInputException(
                'callWithFile() takes the parameters as an array of name => value',
                Constants::VODKIT_ERROR_INVALID_INPUT,
            );
        }
        $json = $params === [] ? '{}' : Native::encode($params, 'the parameters');
        $out = Native::outString($this->ffi);
        Native::check($this->ffi, $this->ffi->vodkit_bjy_call_with_file(
            $this->handle,
            Native::cstr($operation, 'operation'),
            $json,
            Native::cstr($field, 'field'),
            Native::cstr($path, 'path'),
            FFI::addr($out),
        ));
        return Native::decode((string) Native::takeString($this->ffi, $out));
    }

    /**
     * Uploads a file as a new video (getUploadUrl, then the file streamed from
     * disk in ranged parts, retried and resumed per part) and returns its id.
     *
     * A missing file, a directory or a bad option fails with
     * InvalidInputException before any request. If the upload fails after
     * the video was created, the exception's videoId() names it: pass it to
     * resumeUpload().
     *
     * @param array<string, mixed> $options `file_name` (default: the file's
     *   name), `definitions` (list of bits or "16,1,4"), `formats` ([1, 4]),
     *   `audio` (bool), `encrypt` (true, false, null = the account's default,
     *   or a Constants::VODKIT_ENCRYPT_* value), `watermark` (string|null),
     *   `watermark_pos` (int), `callback_url` (this video's transcode
     *   callback), `use_https` (bool), `part_size` (bytes; 0 = the client's)
     * @param (callable(Progress): (bool|null))|null $progress called on this
     *   thread while the upload runs; return false to abort (true or null go
     *   on). An exception it throws aborts the upload and is rethrown here.
     * @param CancelToken|null $cancel cancel() on it stops the upload
     * @throws \Vodkit\Exception
     */
    public function upload(string $path, array $options = [], ?callable $progress = null, ?CancelToken $cancel = null): int
    {
        return $this->transfer(null, $path, $options, $progress, $cancel);
    }

    /**
     * Continues an interrupted upload of $path to $videoId from the bytes the
     * server reports it holds; arguments and result as for upload().
     *
     * @param array<string, mixed> $options
     * @param (callable(Progress): (bool|null))|null $progress
     */
    public function resumeUpload(
        int $videoId,
        string $path,
        array $options = [],
        ?callable $progress = null,
        ?CancelToken $cancel = null,
    ): int {
        return $this->transfer($videoId, $path, $options, $progress, $cancel);
    }

    /** @param array<string, mixed> $options */
    private function transfer(?int $videoId, string $path, array $options, ?callable $progress, ?CancelToken $cancel): int
    {
        Native::cstr($path, 'path');
        $handle = $this->uploadOptions($options);
        try {
            $out = Native::outString($this->ffi);
            $token = $cancel?->handle();
            $error = ProgressBridge::run($this->ffi, $progress, function (?CData $fn) use ($videoId, $path, $handle, $token, $out) {
                return $videoId === null
                    ? $this->ffi->vodkit_bjy_upload($this->handle, $path, $handle, $fn, null, $token, FFI::addr($out))
                    : $this->ffi->vodkit_bjy_resume_upload($this->handle, $videoId, $path, $handle, $fn, null, $token, FFI::addr($out));
            }, function (?CData $error) use ($out): void {
                // The closure threw: drop what the call returned before rethrowing.
                if ($error !== null) {
                    $this->ffi->vodkit_error_free($error);
                }
                Native::takeString($this->ffi, $out);
            });
            Native::check($this->ffi, $error);
            return (int) Native::takeString($this->ffi, $out);
        } finally {
            $this->ffi->vodkit_bjy_upload_options_free($handle);
        }
    }

    /** @param array<string, mixed> $options */
    private function uploadOptions(array $options): CData
    {
        $unknown = array_diff(array_keys($options), self::UPLOAD_OPTIONS);
        if ($unknown !== []) {
            throw new InvalidInputException(
                'unknown upload option ' . implode(', ', $unknown) . ' (known: ' . implode(', ', self::UPLOAD_OPTIONS) . ')',
                Constants::VODKIT_ERROR_INVALID_INPUT,
            );
        }
        $ffi = $this->ffi;
        $out = $ffi->new('vodkit_bjy_upload_options*');
        Native::check($ffi, $ffi->vodkit_bjy_upload_options_new(FFI::addr($out)));
        try {
            foreach ($options as $name => $value) {
                $error = match ($name) {
                    'file_name' => $ffi->vodkit_bjy_upload_options_set_file_name($out, Native::cstr(self::text($name, $value), $name)),
                    'definitions' => $ffi->vodkit_bjy_upload_options_set_definitions($out, self::bits($name, $value)),
                    'formats' => $ffi->vodkit_bjy_upload_options_set_formats($out, self::bits($name, $value)),
                    'audio' => $ffi->vodkit_bjy_upload_options_set_audio($out, self::flag($name, $value)),
                    'encrypt' => $ffi->vodkit_bjy_upload_options_set_encrypt($out, self::encrypt($value)),
                    'watermark' => $ffi->vodkit_bjy_upload_options_set_watermark(
                        $out,
                        $value === null ? null : Native::cstr(self::text($name, $value), $name),
                        self::integer('watermark_pos', $options['watermark_pos'] ?? 0, 0, 255),
                    ),
                    'watermark_pos' => array_key_exists('watermark', $options)
                        ? null
                        : $ffi->vodkit_bjy_upload_options_set_watermark($out, null, self::integer($name, $value, 0, 255)),
                    'callback_url' => $ffi->vodkit_bjy_upload_options_set_callback_url(
                        $out,
                        $value === null ? null : Native::cstr(self::text($name, $value), $name),
                    ),
                    'use_https' => $ffi->vodkit_bjy_upload_options_set_use_https($out, self::flag($name, $value)),
                    'part_size' => $ffi->vodkit_bjy_upload_options_set_part_size($out, self::integer($name, $value, 0, PHP_INT_MAX)),
                };
                Native::check($ffi, $error);
            }
        } catch (\Throwable $e) {
            $ffi->vodkit_bjy_upload_options_free($out);
            throw $e;
        }
        return $out;
    }

    /**
     * @param array<string, mixed> $config
     * @return array<string, mixed>
     */
    private static function normalizeConfig(#[\SensitiveParameter] array $config): array
    {
        self::onlyKeys($config, self::CONFIG_KEYS, 'config');
        if (isset($config['partner_id']) && is_int($config['partner_id'])) {
            $config['partner_id'] = (string) $config['partner_id'];
        }
        foreach (['partner_key', 'secret_key'] as $secret) {
            // Checked here: the library's type error would quote the value.
            if (isset($config[$secret]) && !is_string($config[$secret])) {
                throw new InvalidInputException("config: $secret must be a string", Constants::VODKIT_ERROR_INVALID_INPUT);
            }
        }
        foreach (['retry' => self::RETRY_KEYS, 'http' => self::HTTP_KEYS] as $section => $keys) {
            if (array_key_exists($section, $config)) {
                if (!is_array($config[$section])) {
                    throw new InvalidInputException("config: $section must be an array", Constants::VODKIT_ERROR_INVALID_INPUT);
                }
                self::onlyKeys($config[$section], $keys, "config $section");
                $config[$section] = (object) $config[$section];
            }
        }
        if (array_key_exists('path_overrides', $config)) {
            if (!is_array($config['path_overrides'])) {
                throw new InvalidInputException('config: path_overrides must be an array of operation => path', Constants::VODKIT_ERROR_INVALID_INPUT);
            }
            $config['path_overrides'] = (object) $config['path_overrides'];
        }
        return $config;
    }

    /** @param array<array-key, mixed> $array */
    private static function onlyKeys(array $array, array $known, string $what): void
    {
        $unknown = array_diff(array_map('strval', array_keys($array)), $known);
        if ($unknown !== []) {
            throw new InvalidInputException(
                "$what: unknown key " . implode(', ', $unknown) . ' (known: ' . implode(', ', $known) . ')',
                Constants::VODKIT_ERROR_INVALID_INPUT,
            );
        }
    }

    private static function text(string $name, mixed $value): string
    {
        if (!is_string($value)) {
            throw new InvalidInputException("upload option $name must be a string", Constants::VODKIT_ERROR_INVALID_INPUT);
        }
        return $value;
    }

    private static function flag(string $name, mixed $value): bool
    {
        if (!is_bool($value)) {
            throw new InvalidInputException("upload option $name must be true or false", Constants::VODKIT_ERROR_INVALID_INPUT);
        }
        return $value;
    }

    private static function integer(string $name, mixed $value, int $min, int $max): int
    {
        if (!is_int($value) || $value < $min || $value > $max) {
            throw new InvalidInputException("upload option $name must be an integer from $min to $max", Constants::VODKIT_ERROR_INVALID_INPUT);
        }
        return $value;
    }

    /** A list of bits ([16, 1, 4]) or a comma-separated string ("16,1,4"). */
    private static function bits(string $name, mixed $value): string
    {
        if (is_array($value)) {
            foreach ($value as $bit) {
                if (!is_int($bit)) {
                    throw new InvalidInputException("upload option $name must be a list of integers", Constants::VODKIT_ERROR_INVALID_INPUT);
                }
            }
            return implode(',', $value);
        }
        if (is_string($value)) {
            return Native::cstr($value, $name);
        }
        throw new InvalidInputException("upload option $name must be a list of integers or \"16,1,4\"", Constants::VODKIT_ERROR_INVALID_INPUT);
    }

    private static function encrypt(mixed $value): int
    {
        return match (true) {
            $value === null => Constants::VODKIT_ENCRYPT_DEFAULT,
            $value === true => Constants::VODKIT_ENCRYPT_ON,
            $value === false => Constants::VODKIT_ENCRYPT_OFF,
            is_int($value) && $value >= 0 && $value <= 0xFFFFFFFF => $value, // checked by the library
            default => throw new InvalidInputException(
                'upload option encrypt must be true, false, null or a Constants::VODKIT_ENCRYPT_* value',
                Constants::VODKIT_ERROR_INVALID_INPUT,
            ),
        };
    }
}
