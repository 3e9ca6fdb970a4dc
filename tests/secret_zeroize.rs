//! Issue 11, item 8: secrets are overwritten before their memory is freed.
//! A global allocator looks at every block as it is freed and notes whether
//! it still holds the marker.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering};

const MARKER: &[u8] = b"ZEROIZE-ME-7f3a9c";

static WATCHING: AtomicBool = AtomicBool::new(false);
static LEAKED: AtomicBool = AtomicBool::new(false);

struct Watcher;

unsafe impl GlobalAlloc for Watcher {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if WATCHING.load(Ordering::SeqCst) && layout.size() >= MARKER.len() {
            let block = std::slice::from_raw_parts(ptr, layout.size());
            if block.windows(MARKER.len()).any(|w| w == MARKER) {
                LEAKED.store(true, Ordering::SeqCst);
            }
        }
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Watcher = Watcher;

/// `prefix` + the marker + `suffix`, built in one heap block (no
/// temporary copy of the marker that the test itself would free).
fn with_marker(prefix: &str, suffix: &str) -> String {
    let mut s = String::with_capacity(prefix.len() + MARKER.len() + suffix.len());
    s.push_str(prefix);
    s.push_str(std::str::from_utf8(MARKER).unwrap());
    s.push_str(suffix);
    s
}

#[test]
fn secrets_and_proxy_credentials_are_zeroed_on_drop() {
    WATCHING.store(true, Ordering::SeqCst);
    let secret = vodkit::Secret::new(with_marker("", ""));
    assert_eq!(secret.expose().len(), MARKER.len());
    drop(secret);
    let proxy = vodkit::http::ProxyUrl::new(with_marker("http://u:", "@127.0.0.1:1"));
    drop(proxy);
    WATCHING.store(false, Ordering::SeqCst);
    assert!(
        !LEAKED.load(Ordering::SeqCst),
        "a secret was freed unzeroed"
    );
}
