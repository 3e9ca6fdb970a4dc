<?php

declare(strict_types=1);

namespace Vodkit\Baijiayun;

use FFI;
use Vodkit\Internal\Native;
use Vodkit\Library;

/**
 * Baijiayun's request signature: every parameter sent (except `sign` and
 * file parts), keys sorted by byte order, `k=v` joined with `&` on raw
 * UTF-8 values, then `&partner_key=KEY`, MD5 in lowercase hex. The client
 * signs its requests itself; this is for requests built by hand and for
 * tests.
 *
 * It equals the provider's PHP `getSign` (ksort, concatenate, md5) for
 * every parameter set whose keys are not numeric-looking: PHP's ksort()
 * sorts "10" after "9" (numerically), the provider's rule by bytes ("10"
 * before "9"); this signer follows the provider's rule.
 */
final class Signer
{
    private function __construct()
    {
    }

    /**
     * @param array<array-key, scalar|null> $params values converted as in
     *   "{$value}" (true → "1", false and null → "")
     * @return string 32 lowercase hex characters
     */
    public static function sign(array $params, #[\SensitiveParameter] string $partnerKey): string
    {
        $ffi = Library::ffi();
        [$keys, $values] = Native::pairs($params, 'sign');
        [$keyArray, $keyBuffers] = Native::stringArray($ffi, $keys, 'a parameter name');
        [$valueArray, $valueBuffers] = Native::stringArray($ffi, $values, 'a parameter value');
        $out = Native::outString($ffi);
        Native::check($ffi, $ffi->vodkit_baijiayun_sign(
            $keyArray,
            $valueArray,
            count($keys),
            Native::cstr($partnerKey, 'partner_key'),
            FFI::addr($out),
        ));
        unset($keyBuffers, $valueBuffers);
        return (string) Native::takeString($ffi, $out);
    }
}
