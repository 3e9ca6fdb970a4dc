<?php

declare(strict_types=1);

namespace Vodkit\Internal;

use FFI;
use FFI\CData;
use Vodkit\Constants;
use Vodkit\Exception;
use Vodkit\Vodkit;
use Vodkit\Exception\InvalidInputException;

/**
 * Helpers at the FFI boundary: errors, owned strings, C string arrays.
 *
 * @internal
 */
final class Native
{
    private function __construct()
    {
    }

    /** Throws the mapped exception for a non-NULL `vodkit_error*` (and frees it). */
    public static function check(FFI $ffi, ?CData $error): void
    {
        // The SDK's log lines of the call, queued by the library, go to the
        // PSR-3 logger (Vodkit::setLogger) before its result or error.
        try {
            Vodkit::deliver($ffi);
        } finally {
            if ($error !== null) {
                throw Exception::fromError($ffi, $error);
            }
        }
    }

    /** A `char*` out-parameter, to pass as FFI::addr($out). */
    public static function outString(FFI $ffi): CData
    {
        return $ffi->new('char*');
    }

    /** Copies an owned `char*` into a PHP string and frees it (NULL → null). */
    public static function takeString(FFI $ffi, CData $out): ?string
    {
        if (FFI::isNull($out)) {
            return null;
        }
        try {
            return FFI::string($out);
        } finally {
            $ffi->vodkit_string_free($out);
        }
    }

    /** Decodes a JSON string the library returned. */
    public static function decode(string $json): mixed
    {
        try {
            return json_decode($json, true, 512, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
        } catch (\JsonException $e) {
            throw Exception::create(Constants::VODKIT_ERROR_INTERNAL, 'cannot decode the library\'s JSON: ' . $e->getMessage());
        }
    }

    /** Encodes parameters or a config as JSON for the library. */
    public static function encode(mixed $value, string $what): string
    {
        try {
            return json_encode($value, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
        } catch (\JsonException $e) {
            $code = $e->getCode() === JSON_ERROR_UTF8 || $e->getCode() === JSON_ERROR_UTF16
                ? Constants::VODKIT_ERROR_INVALID_UTF8
                : Constants::VODKIT_ERROR_INVALID_INPUT;
            throw Exception::create($code, "$what cannot be encoded as JSON: " . $e->getMessage());
        }
    }

    /** A string argument for a `const char*` parameter: no NUL byte (C would cut it there). */
    public static function cstr(string $value, string $what): string
    {
        if (str_contains($value, "\0")) {
            throw new InvalidInputException("$what contains a NUL byte", Constants::VODKIT_ERROR_INVALID_INPUT);
        }
        return $value;
    }

    /**
     * Builds a `const char *const *` array of C strings. Returns the array
     * (NULL for none) and the buffers behind it, which the caller keeps alive
     * until the call returns.
     *
     * @param list<string> $strings
     * @return array{0: ?CData, 1: list<CData>}
     */
    public static function stringArray(FFI $ffi, array $strings, string $what): array
    {
        $count = count($strings);
        if ($count === 0) {
            return [null, []];
        }
        $array = $ffi->new("char*[$count]");
        $buffers = [];
        foreach (array_values($strings) as $i => $s) {
            self::cstr($s, $what);
            $length = strlen($s);
            $buffer = $ffi->new('char[' . ($length + 1) . ']'); // zeroed: NUL-terminated
            if ($length > 0) {
                FFI::memcpy($buffer, $s, $length);
            }
            $array[$i] = FFI::addr($buffer[0]);
            $buffers[] = $buffer;
        }
        return [$array, $buffers];
    }

    /** A byte buffer for a `const uint8_t*` parameter (never NULL, even when empty). */
    public static function bytes(FFI $ffi, string $data): CData
    {
        $length = strlen($data);
        $buffer = $ffi->new('uint8_t[' . max(1, $length) . ']');
        if ($length > 0) {
            FFI::memcpy($buffer, $data, $length);
        }
        return $buffer;
    }

    /**
     * A flat map of form fields or sign parameters as two string lists.
     * Values are converted as PHP string interpolation does ("{$v}"):
     * true → "1", false and null → "", numbers in decimal.
     *
     * @param array<array-key, mixed> $fields
     * @return array{0: list<string>, 1: list<string>}
     */
    public static function pairs(array $fields, string $what): array
    {
        $keys = [];
        $values = [];
        foreach ($fields as $key => $value) {
            if (!is_scalar($value) && $value !== null) {
                throw new InvalidInputException(
                    "$what: the value of \"$key\" must be a string or a number, not " . get_debug_type($value),
                    Constants::VODKIT_ERROR_INVALID_INPUT,
                );
            }
            $keys[] = (string) $key;
            $values[] = (string) $value;
        }
        return [$keys, $values];
    }
}
