<?php

declare(strict_types=1);

namespace App\Providers;

use App\Video\VideoPublisher;
use Illuminate\Contracts\Foundation\Application;
use Illuminate\Support\ServiceProvider;
use Vodkit\Baijiayun;
use Vodkit\Client;
use Vodkit\Vodkit;

/**
 * Registers one vodkit client per worker process (it pools its connections:
 * build it once) from config/vodkit.php, and the VideoPublisher the queue
 * job uses. The SDK's own log lines (retries, a switch to a backup host)
 * go to the app's log at `vodkit.log_level` and above. Add it to `providers` in config/app.php (Laravel 10 and
 * earlier) or bootstrap/providers.php (Laravel 11+).
 */
final class VodkitServiceProvider extends ServiceProvider
{
    public function register(): void
    {
        $this->mergeConfigFrom(__DIR__ . '/../../config/vodkit.php', 'vodkit');

        $this->app->singleton(Client::class, static function (Application $app): Client {
            /** @var array<string, mixed> $config */
            $config = $app['config']->get('vodkit.baijiayun');
            // Here, not in boot(): requests that upload nothing never load the library.
            Vodkit::setLogger($app->make('log'), $app['config']->get('vodkit.log_level', 'info'));
            return new Baijiayun(array_filter($config, static fn ($v) => $v !== null));
        });
        $this->app->singleton(VideoPublisher::class, static fn (Application $app) => new VideoPublisher($app->make(Client::class)));
    }
}
