//! Every object the library hands out (handle, error, string) is counted, so
//! bindings can prove in their tests that they free everything they get.

use std::sync::atomic::{AtomicU64, Ordering};

static LIVE: AtomicU64 = AtomicU64::new(0);

/// Moves `value` to the heap as a handle for C.
pub(crate) fn into_handle<T>(value: T) -> *mut T {
    LIVE.fetch_add(1, Ordering::Relaxed);
    Box::into_raw(Box::new(value))
}

/// Frees a handle made by [`into_handle`]; NULL is a no-op.
pub(crate) unsafe fn free_handle<T>(handle: *mut T) {
    if !handle.is_null() {
        LIVE.fetch_sub(1, Ordering::Relaxed);
        drop(Box::from_raw(handle));
    }
}

pub(crate) fn count_string() {
    LIVE.fetch_add(1, Ordering::Relaxed);
}

pub(crate) fn uncount_string() {
    LIVE.fetch_sub(1, Ordering::Relaxed);
}

/// How many objects the library has handed out and not yet had back:
/// handles, errors and strings. A binding's tests compare it before and after
/// a test to prove nothing leaks.
#[no_mangle]
pub extern "C" fn vodkit_live_objects() -> u64 {
    LIVE.load(Ordering::Relaxed)
}
