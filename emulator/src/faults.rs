use serde::{Deserialize, Serialize};

/// Fault-injection knobs. Set them at start ([`crate::Config::faults`]), from
/// Rust ([`crate::Shared::set_faults`]) or with `POST /_emulator/faults`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Faults {
    /// Delay added before every answer, in milliseconds.
    pub latency_ms: u64,
    /// Fraction (0.0-1.0) of requests answered with HTTP 500.
    pub error_rate: f64,
    /// The next N requests are answered with HTTP 500 (deterministic).
    pub fail_next: u32,
    /// The next upload request has its connection dropped after this many
    /// file bytes arrived (the bytes before the drop are kept). One-shot.
    pub drop_after_bytes: Option<u64>,
    /// The next N upload requests are dropped this way (with `drop_after_bytes`
    /// as the cut-off, default 0 bytes).
    pub drop_uploads: u32,
    /// The next N upload requests are processed in full (the bytes are kept,
    /// a finished file is finished) but the connection is cut instead of the
    /// answer being sent: the "lost acknowledgement" case.
    pub drop_answers: u32,
}
