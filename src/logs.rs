//! What every log bridge (the C callback, Python's `logging`, PHP's PSR-3
//! logger, the CLI's `-v`) hands the app: a record's text with every secret
//! alive in the process scrubbed, the same way errors are (see
//! [`crate::secret`]). The core logs through the `log` crate; a bridge
//! installs one `log::Log` per process and formats each record here, so no
//! bridge can forget the scrubbing.

/// The text of `record`, with every live secret replaced (raw, URL-, form-
/// and JSON-encoded) by `<redacted>`.
pub fn message(record: &log::Record) -> String {
    let text = record.args().to_string();
    crate::secret::scrub(&text).unwrap_or(text)
}

/// Whether a record is the SDK's own (target `vodkit` or under it): the
/// only ones a bridge hands on, not those of the HTTP and TLS libraries
/// under it. A plain comparison, for a bridge to drop the others before any
/// lookup of its own: reqwest logs each wait of every call (issue 19, B5).
pub fn is_sdk_target(target: &str) -> bool {
    target == "vodkit" || target.starts_with("vodkit::")
}
