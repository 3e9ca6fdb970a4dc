//! Requests seen, per path under the provider's prefix (`/openapi/video/getStatus`,
//! `/upload`, …), so tests can tell what the SDK sent and how often.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use super::lock::lock;

/// Requests per path, and the file bytes upload requests brought in.
#[derive(Debug, Default)]
pub struct RequestStats {
    paths: Mutex<BTreeMap<String, u64>>,
    upload_bytes: AtomicU64,
}

impl RequestStats {
    pub fn count(&self, path: &str) {
        *lock(&self.paths).entry(path.to_owned()).or_default() += 1;
    }

    /// `n` more file bytes arrived in an upload request.
    pub fn received(&self, n: u64) {
        self.upload_bytes.fetch_add(n, Ordering::Relaxed);
    }

    /// File bytes that arrived in upload requests (chunks re-sent count again).
    pub fn upload_bytes(&self) -> u64 {
        self.upload_bytes.load(Ordering::Relaxed)
    }

    pub fn counts(&self) -> BTreeMap<String, u64> {
        lock(&self.paths).clone()
    }

    pub fn count_of(&self, path: &str) -> u64 {
        lock(&self.paths).get(path).copied().unwrap_or(0)
    }

    pub fn total(&self) -> u64 {
        lock(&self.paths).values().sum()
    }

    pub fn reset(&self) {
        lock(&self.paths).clear();
        self.upload_bytes.store(0, Ordering::Relaxed);
    }
}
