package org.vodkit;

/**
 * Library-wide set-up: loads {@code libvodkit_jni} and, on Android, hands the
 * platform certificate verifier the app's {@code Context}.
 *
 * <p>The native library is found by {@link System#loadLibrary} (an app's
 * {@code jniLibs}, or {@code java.library.path}), or at the path of the
 * system property {@code vodkit.library} when it is set.
 */
public final class Vodkit {
    private Vodkit() {}

    static {
        String path = System.getProperty("vodkit.library");
        if (path != null && !path.isEmpty()) {
            System.load(path);
        } else {
            System.loadLibrary("vodkit_jni");
        }
    }

    /** Loads the native library (the classes using it call this first). */
    static void load() {
        // The static initialiser above did the work.
    }

    /**
     * Initialises vodkit for Android; call it once (e.g. in
     * {@code Application.onCreate}) before creating a {@link VodkitClient}.
     * HTTPS is then verified by Android's own trust store (user-installed and
     * enterprise CAs, the app's network security config). Until it ran,
     * creating a client on Android throws a {@link VodkitException} with code
     * {@code invalid_input}. Safe to call more than once. Off Android it does
     * nothing.
     *
     * @param context an {@code android.content.Context} (the application
     *     context is kept); typed {@code Object} so this class compiles
     *     without the Android SDK
     */
    public static void init(Object context) {
        nativeInit(context);
    }

    private static native void nativeInit(Object context);
}
