//! Captures every log line the SDK writes in a test binary, for tests that
//! check no secret reaches a log (the `log` crate allows one logger per
//! process, so the binary shares one capture).

use std::sync::{Mutex, OnceLock};

static LOG: Mutex<String> = Mutex::new(String::new());

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata) -> bool {
        true
    }
    fn log(&self, record: &log::Record) {
        let mut log = LOG.lock().unwrap_or_else(|e| e.into_inner());
        log.push_str(&format!("{}\n", record.args()));
    }
    fn flush(&self) {}
}

/// Installs the capture at the most verbose level (once per binary).
pub fn capture_logs() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        log::set_boxed_logger(Box::new(Capture)).unwrap();
        log::set_max_level(log::LevelFilter::Trace);
    });
}

/// Every line captured so far in this binary.
pub fn captured() -> String {
    LOG.lock().unwrap_or_else(|e| e.into_inner()).clone()
}
