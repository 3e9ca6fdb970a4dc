//! Fault injection: the knobs a test sets, and how a request uses them up.

use std::sync::Mutex;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::lock::lock;

/// Fault-injection knobs. Set them at start (in a provider's config), from
/// Rust ([`FaultKnobs::set`]) or with `POST /_emulator/{provider}/faults`.
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
    /// file bytes arrived (the bytes before the drop are kept, but for a
    /// drop right at the file's end: then its last bytes are not, as for a
    /// body cut short, so the upload is never left whole but incomplete).
    /// One-shot.
    pub drop_after_bytes: Option<u64>,
    /// The next N upload requests are dropped this way (with `drop_after_bytes`
    /// as the cut-off, default 0 bytes).
    pub drop_uploads: u32,
    /// The next N upload requests are processed in full (the bytes are kept,
    /// a finished file is finished) but the connection is cut instead of the
    /// answer being sent: the "lost acknowledgement" case.
    pub drop_answers: u32,
    /// The next N create calls (Baijiayun `getUploadUrl`) create their video
    /// but the connection is cut instead of the answer being sent: the
    /// lost create answer, after which a plain retry leaves an orphan.
    pub drop_create_answers: u32,
    /// The upload faults above (`drop_after_bytes`, `drop_uploads`,
    /// `drop_answers`) let the next N upload requests through untouched
    /// first: a fault aimed at a later part, set before the upload starts
    /// (one set from a progress callback may come after the last part).
    pub spare_uploads: u32,
}

/// The knobs as they stand; the one-shot ones count down as requests use them.
#[derive(Debug, Default)]
pub struct FaultKnobs(Mutex<Faults>);

impl FaultKnobs {
    pub fn new(faults: Faults) -> Self {
        FaultKnobs(Mutex::new(faults))
    }

    pub fn get(&self) -> Faults {
        lock(&self.0).clone()
    }

    pub fn set(&self, faults: Faults) {
        *lock(&self.0) = faults;
    }

    /// Whether this request is to fail with HTTP 500.
    pub fn inject_error(&self) -> bool {
        let mut f = lock(&self.0);
        if take_one(&mut f.fail_next) {
            return true;
        }
        f.error_rate > 0.0 && fastrand::f64() < f.error_rate
    }

    /// Whether this upload request is spared the upload faults (see
    /// [`Faults::spare_uploads`]); asked once per upload request, first.
    pub fn take_spare_upload(&self) -> bool {
        take_one(&mut lock(&self.0).spare_uploads)
    }

    /// The byte count after which this upload's connection is dropped, if any.
    pub fn take_drop(&self) -> Option<u64> {
        let mut f = lock(&self.0);
        let cut = f.drop_after_bytes?;
        if f.drop_uploads > 1 {
            f.drop_uploads -= 1;
        } else {
            f.drop_uploads = 0;
            f.drop_after_bytes = None;
        }
        Some(cut)
    }

    /// Whether this create call's answer is to be swallowed (see
    /// [`Faults::drop_create_answers`]).
    pub fn take_drop_create_answer(&self) -> bool {
        take_one(&mut lock(&self.0).drop_create_answers)
    }

    /// Whether this upload's answer is to be swallowed (see [`Faults::drop_answers`]).
    pub fn take_drop_answer(&self) -> bool {
        take_one(&mut lock(&self.0).drop_answers)
    }

    pub fn latency(&self) -> Duration {
        Duration::from_millis(lock(&self.0).latency_ms)
    }
}

/// Uses up one of a one-shot fault's `count`: whether one was left.
pub(crate) fn take_one(count: &mut u32) -> bool {
    let left = *count > 0;
    if left {
        *count -= 1;
    }
    left
}
