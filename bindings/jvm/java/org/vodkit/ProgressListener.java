package org.vodkit;

/**
 * Hears an upload's progress, on the thread that called {@code upload}
 * (about every 100 ms, also when no byte moved, and once at the end). A
 * listener that throws stops the upload: it fails with a
 * {@link VodkitException} of code {@code cancelled}, whose cause is what the
 * listener threw and whose {@link VodkitException#getResumeJson()} continues
 * it.
 */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(UploadProgress progress) throws Exception;
}
