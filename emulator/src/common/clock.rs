use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The emulator's clock: wall time plus an offset tests can move forward, so
/// status changes that take minutes at the provider take no time in a test.
#[derive(Debug, Default)]
pub struct Clock {
    offset_ms: AtomicI64,
}

impl Clock {
    /// Milliseconds since the Unix epoch, as the emulator sees it.
    pub fn now_ms(&self) -> i64 {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0);
        wall + self.offset_ms.load(Ordering::SeqCst)
    }

    pub fn now_secs(&self) -> i64 {
        self.now_ms() / 1000
    }

    /// How far the clock was moved ahead of wall time (kept across runs by
    /// a state directory, so emulated time never goes back).
    pub fn offset_ms(&self) -> i64 {
        self.offset_ms.load(Ordering::SeqCst)
    }

    pub fn set_offset_ms(&self, ms: i64) {
        self.offset_ms.store(ms.max(0), Ordering::SeqCst);
    }

    pub fn advance_ms(&self, ms: i64) {
        self.offset_ms.fetch_add(ms.max(0), Ordering::SeqCst);
    }
}
