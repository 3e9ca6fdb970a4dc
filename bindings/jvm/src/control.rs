//! `org.vodkit.UploadControl`'s natives: a boxed `vodkit::upload::UploadControl`
//! (thread-safe: cancel, pause and the rate cap work from any thread) behind
//! a `long`, freed once by the Java class.

use jni::objects::JClass;
use jni::sys::{jboolean, jlong};
use jni::EnvUnowned;
use vodkit::upload::UploadControl;

use crate::boundary::run;
use crate::handle::{self, into_handle};

/// What a call on a freed control says.
const FREED: &str = "this UploadControl is freed";

/// The control behind a handle (0: none).
///
/// # Safety
/// `handle` is 0 or came from `nativeNew`/`nativeRetain` and was not freed.
pub(crate) unsafe fn control<'a>(handle: jlong) -> Option<&'a UploadControl> {
    handle::borrow(handle, FREED).ok()
}

fn with<T: Default>(
    env: &mut EnvUnowned<'_>,
    handle: jlong,
    f: impl FnOnce(&UploadControl) -> T,
) -> T {
    run(env, |_| {
        // SAFETY: the Java class passes only live handles.
        let c = unsafe { handle::borrow::<UploadControl>(handle, FREED) }?;
        Ok(f(c))
    })
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_UploadControl_nativeNew<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
) -> jlong {
    run(&mut env, |_| Ok(into_handle(UploadControl::new())))
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_UploadControl_nativeFree<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) {
    run(&mut env, |_| {
        // SAFETY: the Java class frees each handle once.
        unsafe { handle::free::<UploadControl>(handle) };
        Ok(())
    })
}

/// A second handle to the same control (for one upload), freed by `nativeFree`.
#[no_mangle]
pub extern "system" fn Java_org_vodkit_UploadControl_nativeRetain<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jlong {
    // SAFETY: the Java class passes only live handles.
    run(&mut env, |_| unsafe {
        handle::retain::<UploadControl>(handle, FREED)
    })
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_UploadControl_nativeCancel<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) {
    with(&mut env, handle, UploadControl::cancel)
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_UploadControl_nativePause<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) {
    with(&mut env, handle, UploadControl::pause)
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_UploadControl_nativeResume<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) {
    with(&mut env, handle, UploadControl::resume)
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_UploadControl_nativeSetRateLimit<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    bytes_per_second: jlong,
) {
    with(&mut env, handle, |c| {
        c.set_rate_limit(bytes_per_second.max(0) as u64)
    })
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_UploadControl_nativeRateLimit<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jlong {
    with(&mut env, handle, |c| {
        c.rate_limit().min(i64::MAX as u64) as jlong
    })
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_UploadControl_nativeIsCancelled<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jboolean {
    with(&mut env, handle, |c| c.is_cancelled())
}

#[no_mangle]
pub extern "system" fn Java_org_vodkit_UploadControl_nativeIsPaused<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jboolean {
    with(&mut env, handle, |c| c.is_paused())
}
