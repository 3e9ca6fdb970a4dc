<?php

declare(strict_types=1);

namespace App\Http\Controllers;

use App\Jobs\UploadVideo;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Http\UploadedFile;

/**
 * The upload endpoint: `POST /api/videos` with a file field `video` keeps
 * the file and queues its upload (App\Jobs\UploadVideo), answering 202 and
 * where to ask for the result; `GET /api/videos/uploads/{upload}` answers the
 * provider's video id once the job has uploaded it.
 */
final class VideoController
{
    public function store(Request $request): JsonResponse
    {
        $file = $request->file('video');
        if (!$file instanceof UploadedFile || !$file->isValid()) {
            return new JsonResponse(['error' => 'send the video as a file field named "video"'], 422);
        }
        $upload = bin2hex(random_bytes(16));
        $file->move(self::incoming(), $upload);
        UploadVideo::dispatch(self::incoming() . '/' . $upload);
        return new JsonResponse(['upload' => $upload], 202, ['Location' => url("/api/videos/uploads/$upload")]);
    }

    public function show(string $upload): JsonResponse
    {
        $path = self::incoming() . '/' . $upload;
        if (!is_file($path)) {
            return new JsonResponse(['error' => 'no such upload'], 404);
        }
        $result = UploadVideo::result($path);
        if ($result === null) {
            return new JsonResponse(['status' => 'queued'], 202);
        }
        return new JsonResponse($result, isset($result['error']) ? 500 : 200);
    }

    /** Where uploaded files wait for the queue worker. */
    private static function incoming(): string
    {
        return storage_path('app/incoming');
    }
}
