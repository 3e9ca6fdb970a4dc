package org.vodkit;

/** A snapshot of an upload, given to a {@link ProgressListener}. */
public final class UploadProgress {
    private final long bytesDone;
    private final long bytesTotal;
    private final long bytesSent;
    private final long elapsedMillis;
    private final String resumeJson;

    UploadProgress(long bytesDone, long bytesTotal, long bytesSent, long elapsedMillis, String resumeJson) {
        this.bytesDone = bytesDone;
        this.bytesTotal = bytesTotal;
        this.bytesSent = bytesSent;
        this.elapsedMillis = elapsedMillis;
        this.resumeJson = resumeJson;
    }

    /** Bytes the server holds or is receiving; never decreases within a call. */
    public long getBytesDone() { return bytesDone; }

    /** The file size. */
    public long getBytesTotal() { return bytesTotal; }

    /** Bytes put on the wire by this call, re-sent bytes included. */
    public long getBytesSent() { return bytesSent; }

    /** Milliseconds since the call started. */
    public long getElapsedMillis() { return elapsedMillis; }

    /**
     * The provider's resume handle as JSON, from the first report on (before
     * any byte is sent): store it to resume after the app was killed; null
     * until the provider created the upload.
     */
    public String getResumeJson() { return resumeJson; }

    @Override
    public String toString() {
        return "UploadProgress(" + bytesDone + "/" + bytesTotal + ", sent " + bytesSent + ", " + elapsedMillis + " ms)";
    }
}
