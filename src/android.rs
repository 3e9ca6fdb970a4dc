//! Android's certificate verification: reqwest's `rustls` feature verifies
//! through rustls-platform-verifier, which on Android asks the system's
//! `X509TrustManager` over JNI and so needs the app's JVM and `Context`
//! before the first TLS handshake. [`init`](crate::android::init) hands them over (the C ABI's
//! `vodkit_android_init`, the Java API's `Vodkit.init(context)`); until it
//! has run, building a client fails with a clear error instead of the
//! verifier's panic on the first request. Everywhere else both are no-ops.
//!
//! Why the platform verifier and not bundled roots (webpki-roots) on
//! Android: it honours the user-installed and enterprise (MDM) CAs and the
//! app's network security config, it gets revocation from the system, the
//! roots update with the OS instead of with our releases, and it adds no
//! root store (~250 KB) to every ABI's library. Its cost is this init call
//! and a small Kotlin component the AAR carries.

use std::ffi::c_void;

// `Error` is used on Android only.
#[cfg_attr(not(target_os = "android"), allow(unused_imports))]
use crate::error::{Error, Result};

#[cfg(target_os = "android")]
static READY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Initialises the platform verifier with the calling thread's `JNIEnv*` and
/// an Android `Context` (a `jobject`; the application context is kept as a
/// global reference). Safe to call more than once; the first success wins.
/// Off Android: nothing to do, `Ok`.
///
/// # Safety
/// On Android `env` must be the calling thread's valid `JNIEnv*` and
/// `context` a valid local or global reference to an `android.content.Context`.
pub unsafe fn init(env: *mut c_void, context: *mut c_void) -> Result<()> {
    #[cfg(target_os = "android")]
    {
        if env.is_null() || context.is_null() {
            return Err(Error::invalid_input(
                "vodkit_android_init: env and context must not be NULL",
            ));
        }
        let mut unowned = jni::EnvUnowned::from_raw(env.cast());
        // jni 0.22 ties a raw reference to an `Env`: wrap it inside the closure.
        let outcome = unowned
            .with_env(|env| {
                let context = jni::objects::JObject::from_raw(env, context.cast());
                rustls_platform_verifier::android::init_with_env(env, context)
            })
            .into_outcome();
        match outcome {
            jni::Outcome::Ok(()) => {
                READY.store(true, std::sync::atomic::Ordering::Release);
                Ok(())
            }
            jni::Outcome::Err(e) => Err(Error::internal(format!(
                "cannot initialise Android's certificate verifier: {e}"
            ))),
            jni::Outcome::Panic(_) => Err(Error::internal(
                "cannot initialise Android's certificate verifier (it panicked)",
            )),
        }
    }
    #[cfg(not(target_os = "android"))]
    {
        let _ = (env, context);
        Ok(())
    }
}

/// `Ok` when HTTPS can be verified: always off Android; on Android once
/// [`init`](crate::android::init) succeeded. Checked where a client is built, so the mistake
/// shows at the first line that uses vodkit.
pub(crate) fn ensure_ready() -> Result<()> {
    #[cfg(target_os = "android")]
    if !READY.load(std::sync::atomic::Ordering::Acquire) {
        return Err(Error::invalid_input(
            "vodkit is not initialised for Android: call Vodkit.init(context) \
             (C: vodkit_android_init(env, context)) once before creating a client",
        ));
    }
    Ok(())
}
