<?php

declare(strict_types=1);

// Testing your app against vodkit's sandbox: the example the README shows.
// `publish()` stands for your app's code; each test gets a fresh emulator as
// $this->sandbox (the UsesSandbox trait), breaks the fake provider on purpose
// and checks what it holds afterwards.

namespace App\Tests;

use PHPUnit\Framework\TestCase;
use Vodkit\Client;
use Vodkit\Testing\UsesSandbox;

final class SandboxExampleTest extends TestCase
{
    use UsesSandbox;

    /** Your app: uploads a lecture, answers the provider's id for it. */
    private static function publish(Client $client, string $path): string
    {
        $video = $client->upload($path);
        return (string) ($video['video_id'] ?? $video['file_id']);
    }

    private static function lecture(): string
    {
        $path = tempnam(sys_get_temp_dir(), 'lecture');
        file_put_contents($path, random_bytes(1 << 20));
        return $path;
    }

    public function testPublishStoresTheLecture(): void
    {
        $path = self::lecture();
        $id = self::publish($this->sandbox->client('baijiayun'), $path);
        [$held] = $this->sandbox->videos('baijiayun');
        $this->assertSame($id, (string) $held['video_id']);
        $this->assertSame(md5_file($path), $held['md5']);
        unlink($path);
    }

    public function testPublishSurvivesADroppedConnection(): void
    {
        $path = self::lecture();
        $this->sandbox->dropParts(count: 1, afterBytes: 100_000);
        self::publish($this->sandbox->client('baijiayun'), $path);
        [$held] = $this->sandbox->videos('baijiayun');
        $this->assertSame(md5_file($path), $held['md5']);
        $this->assertGreaterThanOrEqual(2, $held['upload_requests']);
        unlink($path);
    }

    public function testPublishToIqiyiWithItsPrimaryUploadHostDown(): void
    {
        $path = self::lecture();
        $this->sandbox->primaryHostDown();
        $this->sandbox->expireTokens('iqiyi');
        $id = self::publish($this->sandbox->client('iqiyi'), $path);
        [$held] = $this->sandbox->videos('iqiyi');
        $this->assertSame($id, $held['file_id']);
        $this->assertSame(md5_file($path), $held['md5']);
        $this->assertTrue($held['finished']);
        unlink($path);
    }
}
