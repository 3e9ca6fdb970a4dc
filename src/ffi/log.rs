//! The SDK's log lines for C: a callback (`vodkit_set_log_callback`), or a
//! queue the caller drains on its own thread (`vodkit_set_log_queue`,
//! `vodkit_log_drain`) for runtimes that cannot be entered from another
//! thread (PHP's FFI).
//!
//! The `log` crate allows one logger per process: the library installs its
//! own the first time either function is called and keeps it; the functions
//! only swap where its records go. Every text is scrubbed of secrets
//! ([`crate::logs::message`]).

use std::cell::Cell;
use std::collections::VecDeque;
use std::ffi::{c_char, c_void, CString};
use std::sync::{OnceLock, RwLock};

use log::LevelFilter;

use super::error::{vodkit_error, VODKIT_ERROR_INTERNAL, VODKIT_ERROR_INVALID_ENUM};

/// A log level (`uint32_t`): one of the `VODKIT_LOG_*` constants. As an
/// argument it is the most verbose level wanted.
pub type vodkit_log_level = u32;
/// No log lines (as a level argument); never passed to a callback.
pub const VODKIT_LOG_OFF: vodkit_log_level = 0;
/// Something failed and the SDK could not go on with it.
pub const VODKIT_LOG_ERROR: vodkit_log_level = 1;
/// Something failed and the SDK went on (a checkpoint it could not write).
pub const VODKIT_LOG_WARN: vodkit_log_level = 2;
/// What the SDK did on its own: a retry, a switch to a backup host, a renewed token.
pub const VODKIT_LOG_INFO: vodkit_log_level = 3;
/// Detail for debugging (every HTTP answer's status and size).
pub const VODKIT_LOG_DEBUG: vodkit_log_level = 4;
/// Finest detail.
pub const VODKIT_LOG_TRACE: vodkit_log_level = 5;

/// Most records a log queue keeps; older ones are dropped first.
pub const VODKIT_LOG_QUEUE_CAPACITY: usize = 1000;

/// A log callback: `level` is one of `VODKIT_LOG_ERROR`..`VODKIT_LOG_TRACE`,
/// `target` the part of the SDK the line comes from (a Rust module path such
/// as `vodkit::http::transport`), `message` the line (UTF-8, no
/// secret in it). `target` and `message` are valid only during the call: copy
/// them.
pub type vodkit_log_fn = Option<
    unsafe extern "C" fn(
        user_data: *mut c_void,
        level: vodkit_log_level,
        target: *const c_char,
        message: *const c_char,
    ),
>;

/// Where the process's log records go.
enum Sink {
    Off,
    Callback {
        callback: unsafe extern "C" fn(*mut c_void, vodkit_log_level, *const c_char, *const c_char),
        user_data: usize,
    },
    Queue {
        records: VecDeque<Queued>,
        dropped: u64,
    },
}

struct Queued {
    level: vodkit_log_level,
    target: CString,
    message: CString,
}

static SINK: RwLock<Sink> = RwLock::new(Sink::Off);

thread_local! {
    /// Set while this thread runs a log callback: a record logged from inside
    /// it is dropped, and the set functions refuse (they would wait for the
    /// callback to end).
    static IN_CALLBACK: Cell<bool> = const { Cell::new(false) };
}

struct CLogger;

impl log::Log for CLogger {
    /// The SDK's own lines only: not those of the HTTP and TLS libraries under it.
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.level() <= log::max_level() && crate::logs::is_sdk_target(metadata.target())
    }

    fn log(&self, record: &log::Record) {
        if !self.enabled(record.metadata()) || IN_CALLBACK.with(Cell::get) {
            return;
        }
        let level = record.level() as vodkit_log_level;
        let target = c_text(record.target().to_owned());
        let message = c_text(crate::logs::message(record));
        {
            let sink = SINK.read().unwrap_or_else(|e| e.into_inner());
            match &*sink {
                Sink::Off => return,
                Sink::Callback {
                    callback,
                    user_data,
                } => {
                    IN_CALLBACK.with(|c| c.set(true));
                    // An `extern "C"` callback cannot unwind into these
                    // frames (a Rust one aborts at its own boundary); the
                    // guard is defence in depth, and the flag is cleared
                    // whatever happens.
                    let _ = std::panic::catch_unwind(|| unsafe {
                        callback(
                            *user_data as *mut c_void,
                            level,
                            target.as_ptr(),
                            message.as_ptr(),
                        )
                    });
                    IN_CALLBACK.with(|c| c.set(false));
                    return;
                }
                // Queued below, under the write lock.
                Sink::Queue { .. } => {}
            }
        }
        let mut sink = SINK.write().unwrap_or_else(|e| e.into_inner());
        if let Sink::Queue { records, dropped } = &mut *sink {
            if records.len() >= VODKIT_LOG_QUEUE_CAPACITY {
                records.pop_front();
                *dropped += 1;
            }
            records.push_back(Queued {
                level,
                target,
                message,
            });
        }
    }

    fn flush(&self) {}
}

/// A C string of `text` (a NUL inside it, which C cannot carry, becomes a space).
fn c_text(text: String) -> CString {
    CString::new(text).unwrap_or_else(|e| {
        let bytes: Vec<u8> = e
            .into_vec()
            .into_iter()
            .map(|b| if b == 0 { b' ' } else { b })
            .collect();
        CString::new(bytes).unwrap_or_default()
    })
}

fn level_filter(level: vodkit_log_level) -> Result<LevelFilter, vodkit_error> {
    Ok(match level {
        VODKIT_LOG_OFF => LevelFilter::Off,
        VODKIT_LOG_ERROR => LevelFilter::Error,
        VODKIT_LOG_WARN => LevelFilter::Warn,
        VODKIT_LOG_INFO => LevelFilter::Info,
        VODKIT_LOG_DEBUG => LevelFilter::Debug,
        VODKIT_LOG_TRACE => LevelFilter::Trace,
        other => {
            return Err(vodkit_error::with_code(
                VODKIT_ERROR_INVALID_ENUM,
                format!("level {other} is not a VODKIT_LOG_* constant"),
            ))
        }
    })
}

/// Installs the library's logger, once per process.
fn install() -> Result<(), vodkit_error> {
    static INSTALLED: OnceLock<bool> = OnceLock::new();
    if *INSTALLED.get_or_init(|| log::set_logger(&CLogger).is_ok()) {
        Ok(())
    } else {
        Err(vodkit_error::with_code(
            VODKIT_ERROR_INTERNAL,
            "another logger is already installed in this process (the `log` crate allows one)",
        ))
    }
}

/// Points the process's records at `sink` at `filter`, after checks.
fn set_sink(filter: LevelFilter, sink: Sink) -> Result<(), vodkit_error> {
    if IN_CALLBACK.with(Cell::get) {
        return Err(vodkit_error::with_code(
            VODKIT_ERROR_INTERNAL,
            "the log callback cannot change the log callback",
        ));
    }
    install()?;
    let off = matches!(sink, Sink::Off);
    // Taking the write lock waits for callbacks running on other threads:
    // once this returns, the old callback is never called again.
    *SINK.write().unwrap_or_else(|e| e.into_inner()) = sink;
    log::set_max_level(if off { LevelFilter::Off } else { filter });
    Ok(())
}

/// Sends the SDK's own log lines (not those of the libraries under it) at
/// `level` and above (more severe) to `callback`, for the whole process; a
/// NULL `callback` (or `VODKIT_LOG_OFF`) turns logging off. Replaces an earlier callback or
/// queue; when this returns the earlier callback is no longer running on any
/// thread and is never called again.
///
/// The callback runs on whichever thread logs: the thread that called a
/// `vodkit_*` function or one of the SDK's own upload threads, so it may be
/// called concurrently from several threads and must be thread-safe
/// (`user_data` included). It must not call `vodkit_set_log_callback` or
/// `vodkit_set_log_queue` (they return an error there); a line the SDK logs
/// while the callback runs on that thread is dropped. The callback must not
/// unwind: catch C++ exceptions inside it (one leaving it is undefined
/// behaviour); a Rust callback that panics aborts at its `extern "C"`
/// boundary, so no panic crosses into the SDK.
///
/// Logging is process-wide because the `log` crate allows one logger per
/// process: it fails with VODKIT_ERROR_INTERNAL when something else in the
/// process (a Rust host linking the static library) installed one first.
/// An unknown `level` is VODKIT_ERROR_INVALID_ENUM.
#[no_mangle]
pub unsafe extern "C" fn vodkit_set_log_callback(
    level: vodkit_log_level,
    callback: vodkit_log_fn,
    user_data: *mut c_void,
) -> *mut vodkit_error {
    ffi_boundary!({
        let filter = level_filter(level)?;
        let sink = match callback {
            Some(callback) if filter != LevelFilter::Off => Sink::Callback {
                callback,
                user_data: user_data as usize,
            },
            _ => Sink::Off,
        };
        set_sink(filter, sink)
    })
}

/// Keeps the SDK's log lines at `level` and above in a queue (at most
/// `VODKIT_LOG_QUEUE_CAPACITY`; the oldest go first, counted in a WARN line)
/// until `vodkit_log_drain()` hands them over on the caller's thread — for
/// runtimes that may not be entered from the SDK's own threads (PHP's FFI).
/// `VODKIT_LOG_OFF` turns logging off and empties the queue. Replaces an
/// earlier callback or queue; the same process-wide rules and errors as
/// `vodkit_set_log_callback`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_set_log_queue(level: vodkit_log_level) -> *mut vodkit_error {
    ffi_boundary!({
        let filter = level_filter(level)?;
        let sink = if filter == LevelFilter::Off {
            Sink::Off
        } else {
            Sink::Queue {
                records: VecDeque::new(),
                dropped: 0,
            }
        };
        set_sink(filter, sink)
    })
}

/// Calls `callback` on the calling thread with every line queued since the
/// last drain (see `vodkit_set_log_queue`), oldest first, and returns how
/// many it delivered. Returns 0 without calling it when no queue is set or
/// `callback` is NULL. Lines logged while it runs wait for the next drain.
#[no_mangle]
pub unsafe extern "C" fn vodkit_log_drain(
    callback: vodkit_log_fn,
    user_data: *mut c_void,
) -> usize {
    ffi_boundary_or!(0, {
        let Some(callback) = callback else {
            return 0;
        };
        let (records, dropped) = {
            let mut sink = SINK.write().unwrap_or_else(|e| e.into_inner());
            match &mut *sink {
                Sink::Queue { records, dropped } => {
                    (std::mem::take(records), std::mem::take(dropped))
                }
                _ => return 0,
            }
        };
        let mut delivered = 0;
        let mut deliver = |level, target: &CString, message: &CString| {
            IN_CALLBACK.with(|c| c.set(true));
            let _ = std::panic::catch_unwind(|| unsafe {
                callback(user_data, level, target.as_ptr(), message.as_ptr())
            });
            IN_CALLBACK.with(|c| c.set(false));
            delivered += 1;
        };
        if dropped > 0 {
            deliver(
                VODKIT_LOG_WARN,
                &c_text("vodkit::ffi::log".into()),
                &c_text(format!(
                    "{dropped} log lines were dropped (the queue keeps {VODKIT_LOG_QUEUE_CAPACITY}; drain it more often)"
                )),
            );
        }
        for r in &records {
            deliver(r.level, &r.target, &r.message);
        }
        delivered
    })
}
