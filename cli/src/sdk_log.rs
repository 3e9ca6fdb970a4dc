//! The SDK's own log lines on stderr: `-v` its warnings and what it did on
//! its own (retries, a switch to a backup host, a renewed token), `-vv` debug
//! detail, `-vvv` everything. Only the SDK's lines (target `vodkit::…`, not the emulator's), not
//! those of the HTTP and TLS libraries under it; each scrubbed of secrets
//! by the core ([`vodkit::logs::message`]).

use std::io::Write;

use log::{Level, LevelFilter, Log, Metadata, Record};

struct Stderr;

impl Log for Stderr {
    fn enabled(&self, metadata: &Metadata) -> bool {
        let target = metadata.target();
        metadata.level() <= log::max_level()
            && (target == "vodkit" || target.starts_with("vodkit::"))
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let level = match record.level() {
            Level::Error => "error",
            Level::Warn => "warning",
            Level::Info => "info",
            Level::Debug => "debug",
            Level::Trace => "trace",
        };
        // One write per line, so lines from upload threads do not interleave.
        let line = format!("{level}: {}\n", vodkit::logs::message(record));
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
    }

    fn flush(&self) {}
}

/// Shows the SDK's lines for `-v` given `verbose` times (none for 0).
pub fn install(verbose: u8) {
    let filter = match verbose {
        0 => return,
        1 => LevelFilter::Info,
        2 => LevelFilter::Debug,
        _ => LevelFilter::Trace,
    };
    if log::set_logger(&Stderr).is_ok() {
        log::set_max_level(filter);
    }
}
