<?php

declare(strict_types=1);

// The Laravel example as a Laravel app tests itself: Laravel's own
// TestCase boots bootstrap/app.php (config/app.php registers
// VodkitServiceProvider), requests go through the HTTP kernel to
// VideoController, which dispatches App\Jobs\UploadVideo on the sync queue;
// the job's client is the one the container resolves, against vodkit's
// sandbox. Asserted against what the sandbox's Baijiayun holds.

namespace App\Tests\Feature;

use App\Tests\AppEnvironment;
use Illuminate\Contracts\Console\Kernel;
use Illuminate\Foundation\Testing\TestCase;
use Illuminate\Http\UploadedFile;
use Vodkit\Client;
use Vodkit\Testing\UsesSandbox;
use Vodkit\Vodkit;

require_once __DIR__ . '/../../bootstrap/autoload.php';
require_once __DIR__ . '/../AppEnvironment.php';

final class UploadEndpointTest extends TestCase
{
    use AppEnvironment;
    use UsesSandbox;

    /** @var list<string> */
    private array $exported = [];

    public function createApplication()
    {
        // The sandbox is up: UsesSandbox's @before runs before setUp().
        foreach ($this->appEnvironment() as $name => $value) {
            putenv("$name=$value");
            $this->exported[] = $name;
        }
        $app = require __DIR__ . '/../../bootstrap/app.php';
        $app->make(Kernel::class)->bootstrap();
        return $app;
    }

    protected function tearDown(): void
    {
        // The provider set the process's SDK logger to this app's log: not
        // the next test's (lines still queued go to this one first).
        Vodkit::setLogger(null);
        parent::tearDown();
        foreach ($this->exported as $name) {
            putenv($name);
        }
        $this->removeStorage();
    }

    /** POSTs $path as the `video` file field, as a browser's form would. */
    private function postVideo(string $path): \Illuminate\Testing\TestResponse
    {
        $file = new UploadedFile($path, 'lecture.mp4', 'video/mp4', null, true);
        return $this->post('/api/videos', ['video' => $file], ['Accept' => 'application/json']);
    }

    public function testTheContainerResolvesTheProvidersClient(): void
    {
        $client = $this->app->make(Client::class);
        $this->assertInstanceOf(\Vodkit\Baijiayun::class, $client);
        $this->assertSame($client, $this->app->make(Client::class), 'one client per process');
    }

    public function testAnUploadedVideoReachesTheProviderThroughTheQueue(): void
    {
        $path = self::lecture(1 << 20);
        $md5 = md5_file($path);
        // One 500 first: the client retries it, and says so in the app's log.
        config(['vodkit.baijiayun.retry' => ['max_retries' => 3, 'initial_backoff_ms' => 10, 'max_backoff_ms' => 100]]);
        $this->sandbox->failNext(1);

        $posted = $this->postVideo($path)->assertStatus(202);
        $upload = $posted->json('upload');
        $this->assertMatchesRegularExpression('/^[0-9a-f]{32}$/', $upload);
        $this->assertStringEndsWith("/api/videos/uploads/$upload", $posted->headers->get('Location'));

        $video = $this->getJson("/api/videos/uploads/$upload")->assertOk()->json();
        [$held] = $this->sandbox->videos('baijiayun');
        $this->assertSame($held['video_id'], $video['video_id']);
        $this->assertSame($md5, $held['md5']);
        $this->assertSame(1 << 20, $video['bytes']);

        $log = $this->appLog();
        $this->assertStringContainsString('video uploaded {"video_id":' . $video['video_id'] . '}', $log);
        $this->assertMatchesRegularExpression('/\.INFO: retrying after .*"area":"vodkit\./', $log, "the SDK's retry is in the app's log");
        $this->assertStringNotContainsString($this->sandbox->config()['partner_key'], $log);
    }

    public function testAnInterruptedUploadIsResumedByTheJobsNextAttempt(): void
    {
        $path = self::lecture(2 << 20);
        $md5 = md5_file($path);
        // No retries in the client: the dropped connection interrupts the job's attempt.
        config(['vodkit.baijiayun.retry' => ['max_retries' => 0]]);
        $this->sandbox->dropParts(count: 1, afterBytes: 300_000);

        $upload = $this->postVideo($path)->assertStatus(202)->json('upload');

        $video = $this->getJson("/api/videos/uploads/$upload")->assertOk()->json();
        $this->assertGreaterThan(0, $video['resumed_from'], 'the second attempt continued, not started over');
        $videos = $this->sandbox->videos('baijiayun');
        $this->assertCount(1, $videos, 'one video: the resumed attempt did not create another');
        $this->assertSame($videos[0]['video_id'], $video['video_id']);
        $this->assertSame($md5, $videos[0]['md5']);
        $this->assertStringContainsString('video upload interrupted, resuming in 30 s', $this->appLog());
    }

    public function testAFailedUploadIsReportedWithoutSecrets(): void
    {
        config(['vodkit.baijiayun.retry' => ['max_retries' => 0]]);
        $this->sandbox->failNext(3);

        // The sync queue runs the job in the request: its failure is the request's.
        $this->postVideo(self::lecture(1024))->assertStatus(500);
        $incoming = glob($this->app->storagePath() . '/app/incoming/*');
        $this->assertCount(1, $incoming);
        $upload = basename($incoming[0]);

        $status = $this->getJson("/api/videos/uploads/$upload")->assertStatus(500)->json();
        $this->assertNotSame('', $status['error']);
        $this->assertStringNotContainsString($this->sandbox->config()['partner_key'], $status['error']);
        // Laravel reported the request's exception into its log, trace included: no key there either.
        $this->assertStringContainsString('.ERROR: ', $this->appLog());
        $this->assertStringNotContainsString($this->sandbox->config()['partner_key'], $this->appLog());
        $this->assertSame([], $this->sandbox->videos('baijiayun'));
    }

    public function testARequestWithoutAFileIsRefused(): void
    {
        $this->post('/api/videos', [], ['Accept' => 'application/json'])->assertStatus(422);
        $this->getJson('/api/videos/uploads/' . str_repeat('0', 32))->assertNotFound();
        $this->assertSame([], $this->sandbox->videos('baijiayun'));
    }
}
