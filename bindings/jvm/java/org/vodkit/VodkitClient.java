package org.vodkit;

import java.lang.ref.Cleaner;
import java.util.function.LongFunction;

/**
 * A client of one video-on-demand provider ({@code "baijiayun"},
 * {@code "iqiyi"}, {@code "quvideo"}), built from the provider's name and its
 * config as JSON: the same keys as in every other binding.
 *
 * <pre>{@code
 * try (VodkitClient client = new VodkitClient("baijiayun",
 *         "{\"partner_id\": \"12345678\", \"partner_key\": \"...\", \"private_domain\": \"acme\"}")) {
 *     String status = client.call("video/getStatus", "{\"video_id\": 7}");
 * }
 * }</pre>
 *
 * <p>Every method blocks (run it off the main thread) and is safe to call
 * from several threads at once; one client shares one pool of connections.
 * Answers are JSON text. Failures throw {@link VodkitException}. Close the
 * client when done; a client the garbage collector finds unclosed is freed
 * then. Calls after {@link #close()} throw a {@link VodkitException}
 * ({@code invalid_input}, "this VodkitClient is closed"); a call running
 * while another thread closes the client finishes normally.
 */
public class VodkitClient implements AutoCloseable {
    static final Cleaner CLEANER = Cleaner.create();

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;

    /**
     * @param provider the provider's name
     * @param configJson the provider's config as a JSON object
     * @throws VodkitException {@code invalid_input} for an unknown provider, key or bad value
     */
    public VodkitClient(String provider, String configJson) {
        Vodkit.load();
        handle = new Handle(nativeNew(provider, configJson));
        cleanable = CLEANER.register(this, handle);
    }

    /** The provider's name. */
    public String provider() {
        return withHandle(VodkitClient::nativeProvider);
    }

    /**
     * Calls an operation by name ({@code "video/getStatus"}) with its
     * parameters as a JSON object (null: none) and returns the answer's data
     * as JSON. A catalog operation's parameters are checked before anything
     * is sent.
     */
    public String call(String operation, String paramsJson) {
        return withHandle(h -> nativeCall(h, operation, paramsJson));
    }

    /**
     * Calls an operation that sends a file (Baijiayun's
     * {@code "video/uploadSubtitle"}) with its parameters as a JSON object
     * (null: none) and the file at {@code path} as the multipart field
     * {@code field} (null or empty: the operation's own field, or the
     * config's {@code file_fields} override), and returns the answer's data
     * as JSON.
     */
    public String callWithFile(String operation, String paramsJson, String field, String path) {
        return withHandle(h -> nativeCallWithFile(h, operation, paramsJson, field, path));
    }

    /** Every operation of the provider's catalog, as a JSON array. */
    public String operations() {
        return withHandle(VodkitClient::nativeOperations);
    }

    /**
     * The credentials the client holds now as a JSON object of config keys to
     * store and pass back (tokens it renewed), or null for a provider whose
     * credentials never change. Holds secrets: never log it.
     */
    public String credentials() {
        return withHandle(VodkitClient::nativeCredentials);
    }

    /**
     * Uploads a file as a new video, streaming it in parts, and returns the
     * provider's result as JSON (the new video's id, the size, the bytes the
     * server already held).
     *
     * @param path the file
     * @param optionsJson the provider's upload options as a JSON object (null: defaults);
     *     with {@code checkpoint_dir}, a later plain upload of the same file continues it
     * @param listener progress, on this thread (null: none)
     * @throws VodkitException on failure; after the provider created the upload its
     *     {@link VodkitException#getResumeJson()} continues it
     */
    public String upload(String path, String optionsJson, ProgressListener listener) {
        return upload(path, optionsJson, listener, null);
    }

    /** As {@link #upload(String, String, ProgressListener)}, stoppable, pausable and capped through {@code control}. */
    public String upload(String path, String optionsJson, ProgressListener listener, UploadControl control) {
        return transfer(null, path, optionsJson, listener, control);
    }

    /**
     * Continues an interrupted upload of {@code path} from the bytes the
     * server holds. {@code resumeJson} is a failure's
     * {@link VodkitException#getResumeJson()} or a progress report's
     * {@link UploadProgress#getResumeJson()}.
     */
    public String resumeUpload(String resumeJson, String path, String optionsJson, ProgressListener listener) {
        return resumeUpload(resumeJson, path, optionsJson, listener, null);
    }

    /** As {@link #resumeUpload(String, String, String, ProgressListener)}, with a control. */
    public String resumeUpload(String resumeJson, String path, String optionsJson, ProgressListener listener,
            UploadControl control) {
        if (resumeJson == null) {
            throw VodkitException.of(VodkitException.INVALID_INPUT, "invalid_input", "resumeJson must not be null");
        }
        return transfer(resumeJson, path, optionsJson, listener, control);
    }

    private String transfer(String resumeJson, String path, String optionsJson, ProgressListener listener,
            UploadControl control) {
        ProgressBridge bridge = listener == null ? null : new ProgressBridge(listener);
        long c = control == null ? 0 : control.retain();
        try {
            return withHandle(h -> nativeUpload(h, resumeJson, path, optionsJson, bridge, c));
        } catch (VodkitException e) {
            if (bridge != null && bridge.thrown != null) {
                throw new VodkitException(e, "the progress listener threw: " + bridge.thrown, bridge.thrown);
            }
            throw e;
        } finally {
            if (c != 0) {
                UploadControl.release(c);
            }
        }
    }

    /**
     * Runs {@code body} with a handle of its own to this client (so a
     * concurrent {@link #close()} cannot free it mid-call), freed after:
     * the one place every method takes the handle or throws "closed".
     */
    private <T> T withHandle(LongFunction<T> body) {
        long h = handle.retain();
        try {
            return body.apply(h);
        } finally {
            nativeFree(h);
        }
    }

    /** Frees the native client (once; later calls throw). */
    @Override
    public void close() {
        cleanable.clean();
    }

    /** The native handle; the Cleaner's action (runs once). */
    private static final class Handle implements Runnable {
        private long value;

        Handle(long value) {
            this.value = value;
        }

        /** A handle of the call's own (the same client), so close() cannot free it mid-call. */
        synchronized long retain() {
            if (value == 0) {
                throw VodkitException.of(VodkitException.INVALID_INPUT, "invalid_input", "this VodkitClient is closed");
            }
            return nativeRetain(value);
        }

        @Override
        public synchronized void run() {
            long h = value;
            value = 0;
            nativeFree(h);
        }
    }

    private static native long nativeNew(String provider, String configJson);
    private static native long nativeRetain(long handle);
    private static native void nativeFree(long handle);
    private static native String nativeProvider(long handle);
    private static native String nativeCall(long handle, String operation, String paramsJson);
    private static native String nativeCallWithFile(long handle, String operation, String paramsJson, String field,
            String path);
    private static native String nativeOperations(long handle);
    private static native String nativeCredentials(long handle);
    private static native String nativeUpload(long handle, String resumeJson, String path, String optionsJson,
            ProgressBridge bridge, long control);
}
