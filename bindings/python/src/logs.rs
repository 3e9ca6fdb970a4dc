//! The SDK's log lines on Python's `logging`: each record of the core goes
//! to the logger named after its Rust module (`vodkit.http.transport`,
//! `vodkit.providers.iqiyi.upload`…, all children of `vodkit`), at the
//! mapped level (trace → 5, debug → DEBUG, info → INFO, warn → WARNING,
//! error → ERROR), scrubbed of every secret by the core
//! ([`vodkit::logs::message`]).
//!
//! Through pyo3-log, which caches each logger's effective level: a line
//! below it costs no GIL and no Python call. The cache is why
//! `vodkit.reset_log_cache()` exists: after changing levels or handlers of
//! the `vodkit` loggers once the SDK has logged, call it so the next line
//! reads them again.

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock, RwLock};

use log::{LevelFilter, Log, Metadata, Record};
use pyo3::prelude::*;

static RESET: OnceLock<pyo3_log::ResetHandle> = OnceLock::new();

/// pyo3-log with the core's scrubbing in front.
struct Scrubbed(pyo3_log::Logger);

impl Log for Scrubbed {
    // The max level is Trace (the `vodkit` loggers' levels are Python's to
    // set), so every library's line comes here, reqwest's on each call:
    // those are dropped by target first, before pyo3-log's hashed lookups
    // (issue 19, B5).
    fn enabled(&self, metadata: &Metadata) -> bool {
        let target = metadata.target();
        if !vodkit::logs::is_sdk_target(target) {
            return false;
        }
        let level = metadata.level() as usize;
        if is_known_disabled(target, level) {
            return false;
        }
        let enabled = self.0.enabled(metadata);
        if !enabled {
            remember_disabled(target, level);
        }
        enabled
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let text = vodkit::logs::message(record);
        self.0.log(
            &Record::builder()
                .args(format_args!("{text}"))
                .level(record.level())
                .target(record.target())
                .module_path(record.module_path())
                .file(record.file())
                .line(record.line())
                .build(),
        );
    }

    fn flush(&self) {
        self.0.flush()
    }
}

/// The targets and levels pyo3-log found disabled, by target then level
/// (`log::Level` as a number, 1 to 5). Its answer stands until its cache is
/// reset (`reset_log_cache` clears both), and asking it again walks that
/// cache with a hashed lookup per module of the target: for the two debug
/// lines of every call, a few thousand instructions (issue 19, B5).
static DISABLED: LazyLock<RwLock<HashMap<String, [bool; 6]>>> = LazyLock::new(Default::default);

fn is_known_disabled(target: &str, level: usize) -> bool {
    // A poisoned lock only means a panic elsewhere; the map is whole.
    let known = DISABLED.read().unwrap_or_else(|e| e.into_inner());
    known.get(target).is_some_and(|levels| levels[level])
}

fn remember_disabled(target: &str, level: usize) {
    let mut known = DISABLED.write().unwrap_or_else(|e| e.into_inner());
    known.entry(target.to_owned()).or_default()[level] = true;
}

/// Installs the bridge when the module is imported (once per process: the
/// `log` crate allows one logger, and this module owns it in a Python
/// process). Only the SDK's own lines: not those of the HTTP and TLS
/// libraries under it.
pub(crate) fn install(py: Python<'_>) -> PyResult<()> {
    let logger = pyo3_log::Logger::new(py, pyo3_log::Caching::LoggersAndLevels)?
        .filter(LevelFilter::Off)
        .filter_target("vodkit".to_owned(), LevelFilter::Trace);
    let reset = logger.reset_handle();
    if log::set_boxed_logger(Box::new(Scrubbed(logger))).is_ok() {
        log::set_max_level(LevelFilter::Trace);
        let _ = RESET.set(reset);
    }
    Ok(())
}

/// Forgets the cached levels of the ``vodkit`` loggers, so a level or
/// handler changed after the SDK first logged takes effect.
#[pyfunction]
pub(crate) fn reset_log_cache() {
    if let Some(reset) = RESET.get() {
        reset.reset();
    }
    DISABLED.write().unwrap_or_else(|e| e.into_inner()).clear();
}
