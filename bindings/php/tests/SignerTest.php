<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Baijiayun\Signer;
use Vodkit\Exception\InvalidInputException;
use Vodkit\Exception\InvalidUtf8Exception;
use Vodkit\Tests\Support\TestCase;

final class SignerTest extends TestCase
{
    /** The provider's published oracle (PROVIDERS.md §1). */
    public function testOracleVector(): void
    {
        $params = [
            'title' => '测试教室',
            'type' => 2,
            'timestamp' => 1501572288,
            'start_time' => 1501575608,
            'partner_id' => 12345678,
            'end_time' => 1501579208,
        ];
        $key = 'rLkIPaQjxSwRQmC/ITnHh8i2rifmmbFIVsYw03SSi24zAnkrAd0ZNb2rcTzI2avy7+AmNJDdLmzU89zKUAP3Xg==';
        $this->assertSame('5b78486597c679b0c6256da014af1260', Signer::sign($params, $key));
        $this->assertSame('5b78486597c679b0c6256da014af1260', self::getSign($params, $key));
    }

    /**
     * The seed document's own PHP implementation (001, "function getSign"),
     * copied as printed.
     */
    private static function getSign($params, $partner_key)
    {
        ksort($params);//将参数按key进行排序
        $str = '';
        foreach ($params as $k => $val) {
            $str .= "{$k}={$val}&"; //拼接成 key1=value1&key2=value2&...&keyN=valueN& 的形式
        }
        $str .= "partner_key=" . $partner_key; //结尾再拼上 partner_key=$partner_key
        $sign = md5($str); //计算md5值
        return $sign;
    }

    /**
     * Many random parameter sets: UTF-8, empty, numeric and odd values. Keys
     * start with a letter: PHP's ksort() compares numeric-looking keys ("10",
     * "9", "1e3") as numbers, the provider's rule (and vodkit) by bytes, so
     * getSign is a reference only for non-numeric keys (see the next test).
     */
    public function testMatchesTheSeedGetSignOnRandomParameterSets(): void
    {
        mt_srand(20240521);
        $alphabet = array_merge(range('a', 'z'), range('A', 'Z'), ['_', '0', '9', '-', '.']);
        $valueKinds = [
            fn () => '',
            fn () => '0',
            fn () => mt_rand(),
            fn () => -mt_rand(0, 1000),
            fn () => (string) mt_rand(0, 99999),
            fn () => mt_rand(0, 100) / 8,
            fn () => '测试教室' . mt_rand(0, 9),
            fn () => 'ключ ✓ 🎬',
            fn () => 'a=b&c=d',
            fn () => " spaces\tand\nnewlines ",
            fn () => '+/=%20?#',
            fn () => str_repeat('x', mt_rand(100, 3000)),
            fn () => true,
            fn () => null,
        ];
        $keyPrefixes = array_merge(range('a', 'z'), range('A', 'Z'), ['视频', 'é']);
        for ($round = 0; $round < 400; $round++) {
            $params = [];
            for ($n = mt_rand(0, 12); $n > 0; $n--) {
                $key = $keyPrefixes[array_rand($keyPrefixes)];
                for ($len = mt_rand(0, 10); $len > 0; $len--) {
                    $key .= $alphabet[array_rand($alphabet)];
                }
                $params[$key] = $valueKinds[array_rand($valueKinds)]();
            }
            $partnerKey = $round % 7 === 0 ? '' : base64_encode(random_bytes(mt_rand(8, 64)));
            $this->assertSame(self::getSign($params, $partnerKey), Signer::sign($params, $partnerKey), json_encode($params, JSON_UNESCAPED_UNICODE));
        }
    }

    /** Numeric-looking keys: the provider's byte order, not ksort's numeric order. */
    public function testNumericLookingKeysAreSortedByBytes(): void
    {
        $params = ['9' => 'nine', '10' => 'ten', 'a' => 1];
        $expected = md5('10=ten&9=nine&a=1&partner_key=k');
        $this->assertSame($expected, Signer::sign($params, 'k'));
        $this->assertNotSame(self::getSign($params, 'k'), Signer::sign($params, 'k'), 'ksort puts 9 before 10');
    }

    public function testEmptyParameterSet(): void
    {
        $this->assertSame(md5('partner_key=k'), Signer::sign([], 'k'));
    }

    public function testRejectsWhatCannotBeSigned(): void
    {
        try {
            Signer::sign(['a' => "\xff\xfe"], 'k');
            $this->fail('invalid UTF-8 was signed');
        } catch (InvalidUtf8Exception $e) {
            $this->assertSame(101, $e->getCode());
        }
        $this->expectException(InvalidInputException::class);
        Signer::sign(['a' => ['nested']], 'k');
    }

    public function testRejectsNulBytes(): void
    {
        $this->expectException(InvalidInputException::class);
        Signer::sign(['a' => "x\0y"], 'k');
    }
}
