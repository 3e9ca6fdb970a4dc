package org.vodkit;

/**
 * What the native upload calls on each progress report: builds the
 * {@link UploadProgress}, calls the listener, and keeps whatever it throws
 * (so no Java exception is ever pending inside native code).
 */
final class ProgressBridge {
    private final ProgressListener listener;
    Throwable thrown;

    ProgressBridge(ProgressListener listener) {
        this.listener = listener;
    }

    /** Called by libvodkit_jni; false stops the upload. */
    boolean tick(long bytesDone, long bytesTotal, long bytesSent, long elapsedMillis, String resumeJson) {
        if (thrown != null) {
            return false;
        }
        try {
            listener.onProgress(new UploadProgress(bytesDone, bytesTotal, bytesSent, elapsedMillis, resumeJson));
            return true;
        } catch (Throwable t) {
            thrown = t;
            return false;
        }
    }
}
