<?php

declare(strict_types=1);

namespace App\Providers;

use Illuminate\Foundation\Support\Providers\RouteServiceProvider as ServiceProvider;
use Illuminate\Support\Facades\Route;

/** Loads routes/api.php under /api, as a Laravel skeleton's RouteServiceProvider does. */
final class RouteServiceProvider extends ServiceProvider
{
    public function boot(): void
    {
        $this->routes(function (): void {
            Route::prefix('api')->group(base_path('routes/api.php'));
        });
    }
}
