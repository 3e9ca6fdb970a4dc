//! The one place a Rust value becomes a Java `long` handle and back: boxed
//! on the way out, borrowed (a typed "closed" error for 0) while Java holds
//! it, cloned for a call or an upload of its own (`nativeRetain`), and freed
//! once. Every class's natives (`VodkitClient`, `UploadControl`, the upload)
//! go through these, so the null check and its message live here only.

use jni::sys::jlong;

use crate::boundary::Result;

/// `value` boxed, as the handle Java keeps.
pub(crate) fn into_handle<T>(value: T) -> jlong {
    Box::into_raw(Box::new(value)) as jlong
}

/// The value behind a handle; 0 is an INVALID_INPUT error saying `closed`
/// ("this VodkitClient is closed").
///
/// # Safety
/// `handle` is 0 or came from [`into_handle`] with the same `T` and was not
/// freed (the Java classes guarantee both: they free once, under a lock).
pub(crate) unsafe fn borrow<'a, T>(handle: jlong, closed: &str) -> Result<&'a T> {
    (handle as *const T)
        .as_ref()
        .ok_or_else(|| vodkit::Error::invalid_input(closed).into())
}

/// A new handle to a clone of the value behind `handle` (a cheap `Arc` copy
/// for clients and controls), freed by its own [`free`]: so one thread's
/// `close()` never frees what another thread's call is using.
///
/// # Safety
/// As [`borrow`].
pub(crate) unsafe fn retain<T: Clone>(handle: jlong, closed: &str) -> Result<jlong> {
    Ok(into_handle(borrow::<T>(handle, closed)?.clone()))
}

/// Drops the value behind `handle` (0: nothing).
///
/// # Safety
/// `handle` is 0 or came from [`into_handle`] with the same `T`, and is
/// freed exactly once.
pub(crate) unsafe fn free<T>(handle: jlong) {
    if handle != 0 {
        drop(Box::from_raw(handle as *mut T));
    }
}
