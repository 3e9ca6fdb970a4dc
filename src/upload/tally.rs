//! What the engine learns about one part while its body streams, and the
//! receipt it ends with: filled by [`PartBody`](super::PartBody), marked by
//! the pace when a pause holds the part, read by the engine. A leaf (it
//! names no other upload module), so the body, the pace and the control
//! that owns the pace do not import each other in a circle through it.

use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::OnceLock;

/// What the engine streamed for one part: its length and MD5, computed while
/// the bytes went out (no second read of the file, no buffering).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartReceipt {
    pub len: u64,
    /// Lowercase hex; `None` when the upload needs no per-part MD5 (see
    /// [`EngineOptions::hash_parts`](super::EngineOptions::hash_parts)).
    pub md5: Option<String>,
}

/// What the engine learns about one part while its body streams: the bytes
/// handed out so far (for progress) and, once the last byte went out, the
/// part's receipt.
#[derive(Debug, Default)]
pub(crate) struct PartTally {
    pub(crate) sent: AtomicU64,
    pub(crate) receipt: OnceLock<PartReceipt>,
    /// A pause held this part: a failure of it is the pause's doing (an
    /// abandoned or timed-out part), not the network's.
    pub(crate) paused: AtomicBool,
    /// Why reading the source failed, if it did: a local failure, reported
    /// as `Io` whatever the transport made of the cut-off body.
    pub(crate) read_error: OnceLock<String>,
}
