use std::sync::{Mutex, MutexGuard};

/// Locks `m`, even when a handler panicked while holding it: one failed
/// request must not take the whole emulator down with it.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
