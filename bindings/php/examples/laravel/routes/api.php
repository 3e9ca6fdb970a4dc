<?php

// The upload endpoint and the upload's status (App\Providers\RouteServiceProvider loads this file).

use App\Http\Controllers\VideoController;
use Illuminate\Support\Facades\Route;

Route::post('/videos', [VideoController::class, 'store']);
Route::get('/videos/uploads/{upload}', [VideoController::class, 'show'])->where('upload', '[0-9a-f]{32}');
