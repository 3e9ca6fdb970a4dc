//! The C ABI's log bridge from Rust (the C program tests/c/logs.c covers it
//! from C against the emulator): every line is scrubbed of live secrets,
//! lines from any thread reach the callback, the level filters, NULL turns
//! it off, and the queue hands lines over only when drained.

use std::ffi::{c_char, c_void, CStr};
use std::sync::{Mutex, MutexGuard};
use std::thread::ThreadId;

use vodkit::ffi::error::{vodkit_error_code, vodkit_error_free, VODKIT_ERROR_INVALID_ENUM};
use vodkit::ffi::log::*;

/// The bridge passes on the SDK's lines only (targets `vodkit::…`): these
/// tests log as the SDK would.
const AREA: &str = "vodkit::tests";

#[derive(Debug, Clone)]
struct Line {
    level: u32,
    message: String,
    thread: ThreadId,
}

static LINES: Mutex<Vec<Line>> = Mutex::new(Vec::new());

/// The logger is process-wide: the tests of this binary take turns.
fn serial() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|e| e.into_inner())
}

unsafe extern "C" fn collect(
    _: *mut c_void,
    level: vodkit_log_level,
    _target: *const c_char,
    message: *const c_char,
) {
    let message = CStr::from_ptr(message).to_string_lossy().into_owned();
    LINES.lock().unwrap().push(Line {
        level,
        message,
        thread: std::thread::current().id(),
    });
}

fn take_lines() -> Vec<Line> {
    std::mem::take(&mut *LINES.lock().unwrap())
}

fn ok(err: *mut vodkit::ffi::error::vodkit_error) {
    assert!(err.is_null(), "the call failed");
}

#[test]
fn lines_from_every_thread_reach_the_callback_scrubbed_and_filtered() {
    let _turn = serial();
    take_lines();
    let secret = vodkit::Secret::new("partner/K3y+value");
    unsafe {
        ok(vodkit_set_log_callback(
            VODKIT_LOG_TRACE,
            Some(collect),
            std::ptr::null_mut(),
        ))
    };

    log::debug!(target: AREA, "signing with {}", secret.expose());
    std::thread::spawn(|| log::info!(target: AREA, "from a worker"))
        .join()
        .unwrap();
    let lines = take_lines();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0].level, VODKIT_LOG_DEBUG);
    assert_eq!(lines[0].message, "signing with <redacted>");
    assert_eq!(lines[1].level, VODKIT_LOG_INFO);
    assert_ne!(lines[1].thread, std::thread::current().id());

    unsafe {
        ok(vodkit_set_log_callback(
            VODKIT_LOG_WARN,
            Some(collect),
            std::ptr::null_mut(),
        ))
    };
    log::info!(target: AREA, "routine");
    log::warn!(target: AREA, "worth a look");
    let lines = take_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0].message, "worth a look");

    unsafe {
        ok(vodkit_set_log_callback(
            VODKIT_LOG_TRACE,
            None,
            std::ptr::null_mut(),
        ))
    };
    log::error!(target: AREA, "nobody hears this");
    assert!(take_lines().is_empty());

    // Other libraries' lines (the HTTP and TLS crates) are not the SDK's.
    unsafe {
        ok(vodkit_set_log_callback(
            VODKIT_LOG_TRACE,
            Some(collect),
            std::ptr::null_mut(),
        ))
    };
    log::error!(target: "ureq::unit", "not ours");
    assert!(take_lines().is_empty());
    unsafe {
        ok(vodkit_set_log_callback(
            VODKIT_LOG_OFF,
            Some(collect),
            std::ptr::null_mut(),
        ))
    };

    let err = unsafe { vodkit_set_log_callback(42, Some(collect), std::ptr::null_mut()) };
    assert_eq!(unsafe { vodkit_error_code(err) }, VODKIT_ERROR_INVALID_ENUM);
    unsafe { vodkit_error_free(err) };
}

#[test]
fn a_queue_delivers_only_when_drained_on_the_draining_thread() {
    let _turn = serial();
    take_lines();
    unsafe { ok(vodkit_set_log_queue(VODKIT_LOG_DEBUG)) };
    std::thread::spawn(|| log::info!(target: AREA, "from a worker"))
        .join()
        .unwrap();
    log::trace!(target: AREA, "too fine");
    assert!(take_lines().is_empty(), "a queue calls nothing by itself");

    let delivered = unsafe { vodkit_log_drain(Some(collect), std::ptr::null_mut()) };
    let lines = take_lines();
    assert_eq!(delivered, 1);
    assert_eq!(lines[0].message, "from a worker");
    assert_eq!(lines[0].thread, std::thread::current().id());

    // A full queue drops its oldest lines and says how many.
    for i in 0..VODKIT_LOG_QUEUE_CAPACITY + 5 {
        log::info!(target: AREA, "line {i}");
    }
    let delivered = unsafe { vodkit_log_drain(Some(collect), std::ptr::null_mut()) };
    let lines = take_lines();
    assert_eq!(delivered, VODKIT_LOG_QUEUE_CAPACITY + 1);
    assert_eq!(lines[0].level, VODKIT_LOG_WARN);
    assert!(
        lines[0].message.starts_with("5 log lines were dropped"),
        "{}",
        lines[0].message
    );
    assert_eq!(lines[1].message, "line 5");

    unsafe { ok(vodkit_set_log_queue(VODKIT_LOG_OFF)) };
    log::info!(target: AREA, "off");
    assert_eq!(
        unsafe { vodkit_log_drain(Some(collect), std::ptr::null_mut()) },
        0
    );
}
