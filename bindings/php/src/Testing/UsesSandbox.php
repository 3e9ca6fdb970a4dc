<?php

declare(strict_types=1);

namespace Vodkit\Testing;

/**
 * For PHPUnit test cases: a fresh sandbox (its own emulator, see Sandbox)
 * per test as `$this->sandbox`, stopped after the test.
 *
 *     final class PublishTest extends \PHPUnit\Framework\TestCase
 *     {
 *         use \Vodkit\Testing\UsesSandbox;
 *
 *         public function testPublish(): void
 *         {
 *             $client = $this->sandbox->client('baijiayun');
 *             ...
 *         }
 *     }
 *
 * Hooked in with PHPUnit's `@before`/`@after` (PHPUnit 9) and the Before /
 * After attributes (PHPUnit 10 and later), so the test case's own setUp()
 * and tearDown() stay free.
 */
trait UsesSandbox
{
    protected Sandbox $sandbox;

    /** @before */
    #[\PHPUnit\Framework\Attributes\Before]
    protected function startVodkitSandbox(): void
    {
        $this->sandbox = Sandbox::start();
    }

    /** @after */
    #[\PHPUnit\Framework\Attributes\After]
    protected function stopVodkitSandbox(): void
    {
        if (isset($this->sandbox)) {
            $this->sandbox->stop();
        }
    }
}
