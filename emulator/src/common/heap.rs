//! The allocator's settings for an emulator process taking uploads in.
//!
//! An upload's bytes arrive in hyper's read buffers, ~400 KiB each, and are
//! held (no copy) until the writer has stored them, so hyper allocates a
//! fresh buffer for every read. glibc serves blocks that large with
//! `mmap` and gives freed heap back to the kernel eagerly, so each buffer
//! was new pages: page faults, zeroing and unmapping took a quarter of the
//! emulator's CPU at intake. Keeping freed blocks in the heap lets the next
//! buffer reuse the same pages.

/// Largest block served from the heap rather than by `mmap` (glibc's cap).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 32 << 20;

/// Free heap kept before any is given back: a few uploads' buffers in flight.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_THRESHOLD: libc::c_int = 128 << 20;

/// Keeps freed upload buffers for reuse (process-wide; the binary calls it
/// at start). Elsewhere than glibc, nothing to do.
pub fn keep_freed_buffers() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; it is called
    // before the server's threads start.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }
}
