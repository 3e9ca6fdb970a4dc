//! What each provider has its own copy of and the control API steers.

use std::time::Duration;

use super::clock::Clock;
use super::faults::{FaultKnobs, Faults};
use super::rate_limit::RateLimiter;
use super::stats::RequestStats;

/// A provider's clock, fault knobs, rate limit and request counts. Each
/// provider owns one, so steering one provider never disturbs another.
#[derive(Debug, Default)]
pub struct Controls {
    pub clock: Clock,
    pub faults: FaultKnobs,
    pub rate_limit: RateLimiter,
    pub requests: RequestStats,
}

impl Controls {
    pub fn new(faults: Faults, rate_limit: Option<(u32, Duration)>) -> Self {
        Controls {
            clock: Clock::default(),
            faults: FaultKnobs::new(faults),
            rate_limit: RateLimiter::new(rate_limit),
            requests: RequestStats::default(),
        }
    }

    /// What every request meets first: it is counted under `path`, waits out
    /// the injected latency, and may be picked to fail. Whether it is to fail
    /// with HTTP 500.
    pub async fn arrive(&self, path: &str) -> bool {
        self.requests.count(path);
        let latency = self.faults.latency();
        if !latency.is_zero() {
            tokio::time::sleep(latency).await;
        }
        self.faults.inject_error()
    }
}
