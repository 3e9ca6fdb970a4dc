//! Android start-up: hands the platform certificate verifier the JVM and the
//! app's `Context` (see `crate::android`). A no-op success elsewhere.

use std::ffi::c_void;

use super::error::vodkit_error;

/// Initialises vodkit for Android: call it once, before creating a client,
/// with the calling thread's `JNIEnv*` as `env` and an
/// `android.content.Context` (a `jobject`, e.g. the Application) as
/// `context`; both are typed `void*` here so this header needs no `jni.h`.
/// HTTPS is verified by Android's own trust store (user-installed and
/// enterprise CAs included); until this succeeded, creating a client on
/// Android fails with INVALID_INPUT. Safe to call again (the first success
/// wins). On every other platform it does nothing and returns NULL.
#[no_mangle]
pub unsafe extern "C" fn vodkit_android_init(
    env: *mut c_void,
    context: *mut c_void,
) -> *mut vodkit_error {
    ffi_boundary!({ crate::android::init(env, context).map_err(Into::into) })
}
