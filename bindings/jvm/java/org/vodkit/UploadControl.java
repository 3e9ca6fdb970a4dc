package org.vodkit;

import java.lang.ref.Cleaner;

/**
 * Cancels, pauses or caps an upload from any thread. Pass it to
 * {@link VodkitClient#upload(String, String, ProgressListener, UploadControl)};
 * {@link #cancel()} makes the upload stop within about 100 ms and throw a
 * {@link VodkitException} of code {@code cancelled} that carries the resume
 * handle. A control stays cancelled: use a new one per upload. Close it (or
 * let the garbage collector do so) when done.
 */
public final class UploadControl implements AutoCloseable {
    private final Handle handle;
    private final Cleaner.Cleanable cleanable;

    public UploadControl() {
        Vodkit.load();
        handle = new Handle(nativeNew());
        cleanable = VodkitClient.CLEANER.register(this, handle);
    }

    /** Asks the upload to stop. */
    public void cancel() { nativeCancel(handle.get()); }

    /** Stops the upload's bytes while its call keeps blocking and reporting progress. */
    public void pause() { nativePause(handle.get()); }

    /** Lets a paused upload go on where it stopped. */
    public void resume() { nativeResume(handle.get()); }

    /** Caps the upload to {@code bytesPerSecond} (0 lifts the cap), also while it runs. */
    public void setRateLimit(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw VodkitException.of(VodkitException.INVALID_INPUT, "invalid_input", "bytesPerSecond must not be negative");
        }
        nativeSetRateLimit(handle.get(), bytesPerSecond);
    }

    /** The cap in bytes per second (0: none). */
    public long getRateLimit() { return nativeRateLimit(handle.get()); }

    public boolean isCancelled() { return nativeIsCancelled(handle.get()); }

    public boolean isPaused() { return nativeIsPaused(handle.get()); }

    /** Frees the native control (once; later calls throw). */
    @Override
    public void close() { cleanable.clean(); }

    /** A handle of its own for one upload (the same control), freed by {@link #release}. */
    long retain() { return handle.retain(); }

    static void release(long retained) { nativeFree(retained); }

    /** The native handle; the Cleaner's action (runs once). */
    private static final class Handle implements Runnable {
        private long value;

        Handle(long value) { this.value = value; }

        synchronized long get() {
            if (value == 0) {
                throw VodkitException.of(VodkitException.INVALID_INPUT, "invalid_input", "this UploadControl is closed");
            }
            return value;
        }

        /** Under the lock, so close() cannot free the handle while it is copied. */
        synchronized long retain() { return nativeRetain(get()); }

        @Override
        public synchronized void run() {
            long h = value;
            value = 0;
            nativeFree(h);
        }
    }

    private static native long nativeNew();
    private static native void nativeFree(long handle);
    private static native long nativeRetain(long handle);
    private static native void nativeCancel(long handle);
    private static native void nativePause(long handle);
    private static native void nativeResume(long handle);
    private static native void nativeSetRateLimit(long handle, long bytesPerSecond);
    private static native long nativeRateLimit(long handle);
    private static native boolean nativeIsCancelled(long handle);
    private static native boolean nativeIsPaused(long handle);
}
