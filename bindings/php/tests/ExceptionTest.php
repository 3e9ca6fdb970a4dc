<?php

declare(strict_types=1);

namespace Vodkit\Tests;

use Vodkit\Constants;
use Vodkit\Exception;
use Vodkit\Exception as E;
use Vodkit\Tests\Support\Emulator;
use Vodkit\Tests\Support\TestCase;

final class ExceptionTest extends TestCase
{
    /** One subclass per VODKIT_ERROR_* code, all carrying the same fields. */
    public function testEveryCodeHasItsSubclass(): void
    {
        $expected = [
            'VODKIT_ERROR_INVALID_INPUT' => E\InvalidInputException::class,
            'VODKIT_ERROR_AUTH' => E\AuthException::class,
            'VODKIT_ERROR_RATE_LIMITED' => E\RateLimitedException::class,
            'VODKIT_ERROR_NETWORK' => E\NetworkException::class,
            'VODKIT_ERROR_SERVER' => E\ServerException::class,
            'VODKIT_ERROR_PROVIDER' => E\ProviderException::class,
            'VODKIT_ERROR_INTEGRITY' => E\IntegrityException::class,
            'VODKIT_ERROR_CANCELLED' => E\CancelledException::class,
            'VODKIT_ERROR_IO' => E\IoException::class,
            'VODKIT_ERROR_VERIFICATION' => E\VerificationException::class,
            'VODKIT_ERROR_INTERNAL' => E\InternalException::class,
            'VODKIT_ERROR_NULL_ARGUMENT' => E\NullArgumentException::class,
            'VODKIT_ERROR_INVALID_UTF8' => E\InvalidUtf8Exception::class,
            'VODKIT_ERROR_PANIC' => E\PanicException::class,
            'VODKIT_ERROR_INVALID_ENUM' => E\InvalidEnumException::class,
        ];
        $defined = array_filter(
            (new \ReflectionClass(Constants::class))->getConstants(),
            fn ($name) => str_starts_with($name, 'VODKIT_ERROR_'),
            ARRAY_FILTER_USE_KEY,
        );
        $this->assertSame(array_keys($defined), array_keys($expected), 'a VODKIT_ERROR_* code without its exception');
        foreach ($expected as $name => $class) {
            $code = constant(Constants::class . "::$name");
            $resume = ['provider' => 'baijiayun', 'video_id' => 42];
            $e = Exception::create($code, 'message', '1002', 'req-1', 200, 'detail', resume: $resume);
            $this->assertInstanceOf($class, $e);
            $this->assertInstanceOf(Exception::class, $e);
            $this->assertInstanceOf(\RuntimeException::class, $e);
            $this->assertSame($code, $e->getCode());
            $this->assertSame('message', $e->getMessage());
            $this->assertSame('1002', $e->providerCode);
            $this->assertSame('req-1', $e->requestId);
            $this->assertSame(200, $e->httpStatus);
            $this->assertSame('detail', $e->detail);
            $this->assertSame($resume, $e->getResume());
            $this->assertSame(42, $e->videoId());
        }
        $unknown = Exception::create(999, 'from a newer library');
        $this->assertSame(Exception::class, get_class($unknown));
        $this->assertNull($unknown->videoId());
        $this->assertNull($unknown->getResume());
        $verification = Exception::create(Constants::VODKIT_ERROR_VERIFICATION, 'bad', detail: 'stale');
        $this->assertSame('stale', $verification->reason);
    }

    /**
     * A panic inside the library comes back as PanicException and the
     * library stays usable (VODKIT_TEST_PANIC=progress makes its progress
     * path panic; it is read once per process, hence the child).
     */
    public function testPanicIsAnException(): void
    {
        $config = var_export(Emulator::config(), true);
        $file = $this->makeFile(64 * 1024);
        $code = <<<PHP
            \$client = new Vodkit\\Baijiayun($config);
            try {
                \$client->upload('$file', [], fn () => true);
                echo "no panic\\n";
            } catch (Vodkit\\Exception\\PanicException \$e) {
                echo get_class(\$e), ' ', \$e->getCode(), ' ', \$e->getMessage(), "\\n";
            }
            echo \$client->upload('$file')['video_id'] > 0 ? "usable\\n" : "broken\\n";
            unset(\$client);
            echo 'live ', Vodkit\\Library::liveObjects(), "\\n";
            PHP;
        [$status, $out, $err] = self::runPhp([], $code, ['VODKIT_TEST_PANIC' => 'progress'] + getenv());
        $this->assertSame(0, $status, $err);
        $this->assertStringStartsWith('Vodkit\Exception\PanicException 102 vodkit panicked', $out);
        $this->assertStringContainsString("usable\nlive 0\n", $out);
    }
}
