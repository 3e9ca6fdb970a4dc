//! Requests seen, per path under the provider's prefix (`/openapi/video/getStatus`,
//! `/upload`, …), so tests can tell what the SDK sent and how often.

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::lock::lock;

#[derive(Debug, Default)]
pub struct RequestStats(Mutex<BTreeMap<String, u64>>);

impl RequestStats {
    pub fn count(&self, path: &str) {
        *lock(&self.0).entry(path.to_owned()).or_default() += 1;
    }

    pub fn counts(&self) -> BTreeMap<String, u64> {
        lock(&self.0).clone()
    }

    pub fn count_of(&self, path: &str) -> u64 {
        lock(&self.0).get(path).copied().unwrap_or(0)
    }

    pub fn total(&self) -> u64 {
        lock(&self.0).values().sum()
    }

    pub fn reset(&self) {
        lock(&self.0).clear();
    }
}
