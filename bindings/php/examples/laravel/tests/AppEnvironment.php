<?php

declare(strict_types=1);

namespace App\Tests;

/**
 * What the example app runs with in the tests (the place of a Laravel
 * app's `.env`): the sandbox's Baijiayun as VODKIT_BAIJIAYUN_*, and a
 * temporary storage/ and bootstrap cache, so nothing is written into the
 * repository. For test cases that use Vodkit\Testing\UsesSandbox.
 */
trait AppEnvironment
{
    private ?string $storage = null;

    /** @return array<string, string> */
    private function appEnvironment(): array
    {
        if ($this->storage === null) {
            $this->storage = sys_get_temp_dir() . '/vodkit-laravel-' . bin2hex(random_bytes(6));
            mkdir($this->storage);
        }
        $baijiayun = $this->sandbox->config('baijiayun');
        return [
            'LARAVEL_STORAGE_PATH' => $this->storage,
            'APP_SERVICES_CACHE' => "$this->storage/services.php",
            'APP_PACKAGES_CACHE' => "$this->storage/packages.php",
            'APP_ENV' => 'testing',
            'APP_DEBUG' => 'true',
            'VODKIT_BAIJIAYUN_BASE_URL' => $baijiayun['base_url'],
            'VODKIT_BAIJIAYUN_PARTNER_ID' => $baijiayun['partner_id'],
            'VODKIT_BAIJIAYUN_PARTNER_KEY' => $baijiayun['partner_key'],
            'VODKIT_LOG_LEVEL' => 'debug',
        ];
    }

    /** The app's log (storage/logs/laravel.log), '' before its first line. */
    private function appLog(): string
    {
        $file = "$this->storage/logs/laravel.log";
        return is_file($file) ? (string) file_get_contents($file) : '';
    }

    private function removeStorage(): void
    {
        if ($this->storage === null || !is_dir($this->storage)) {
            return;
        }
        $entries = new \RecursiveIteratorIterator(
            new \RecursiveDirectoryIterator($this->storage, \FilesystemIterator::SKIP_DOTS),
            \RecursiveIteratorIterator::CHILD_FIRST,
        );
        foreach ($entries as $entry) {
            $entry->isDir() && !$entry->isLink() ? rmdir($entry->getPathname()) : unlink($entry->getPathname());
        }
        rmdir($this->storage);
        $this->storage = null;
    }

    /** A file of $size random bytes, standing for a lecture. */
    private static function lecture(int $size): string
    {
        $path = tempnam(sys_get_temp_dir(), 'lecture');
        file_put_contents($path, random_bytes($size));
        return $path;
    }
}
