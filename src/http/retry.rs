use std::time::Duration;

use crate::error::{Error, Result};

/// The longest back-off a policy may ask for: longer waits are a mistake.
const MAX_BACKOFF_LIMIT: Duration = Duration::from_secs(3600);

/// When and how often a failed request is sent again.
///
/// Only failures whose [`crate::ErrorKind::is_retryable`] is true are retried
/// (network errors, 5xx, rate limiting); invalid input and auth failures fail
/// at once. The wait before attempt `n` is drawn uniformly from
/// `[0, min(max_backoff, initial_backoff * multiplier^n)]` ("full jitter"),
/// or is the server's `Retry-After` when that is longer.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 = never retry).
    pub max_retries: u32,
    #[schemars(with = "u64")]
    #[serde(with = "crate::lenient::duration_ms", rename = "initial_backoff_ms")]
    pub initial_backoff: Duration,
    #[schemars(with = "u64")]
    #[serde(with = "crate::lenient::duration_ms", rename = "max_backoff_ms")]
    pub max_backoff: Duration,
    pub multiplier: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 4,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            multiplier: 2.0,
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// Refuses settings that make no sense (a back-off that can't be
    /// computed, hours of waiting, thousands of retries).
    pub fn validate(&self) -> Result<()> {
        if !(self.multiplier.is_finite() && (1.0..=100.0).contains(&self.multiplier)) {
            return Err(Error::invalid_input(
                "retry.multiplier must be a number from 1 to 100",
            ));
        }
        if self.max_retries > 100 {
            return Err(Error::invalid_input(
                "retry.max_retries must be at most 100",
            ));
        }
        if self.initial_backoff > self.max_backoff {
            return Err(Error::invalid_input(
                "retry.initial_backoff_ms must not exceed retry.max_backoff_ms",
            ));
        }
        if self.initial_backoff > MAX_BACKOFF_LIMIT || self.max_backoff > MAX_BACKOFF_LIMIT {
            return Err(Error::invalid_input(
                "retry back-offs must be at most one hour (3600000 ms)",
            ));
        }
        Ok(())
    }

    /// Whether `err`, seen on attempt number `attempt` (0-based), is retried.
    pub fn should_retry(&self, err: &Error, attempt: u32) -> bool {
        err.is_retryable() && attempt < self.max_retries
    }

    /// The wait before retry number `attempt` (0-based) after `err`.
    pub fn backoff(&self, attempt: u32, err: Option<&Error>) -> Duration {
        let exp = self.multiplier.max(1.0).powi(attempt.min(30) as i32);
        // Saturating: a huge multiplier gives the cap, never a panic.
        let max = self.max_backoff.min(MAX_BACKOFF_LIMIT);
        let cap = Duration::try_from_secs_f64(self.initial_backoff.as_secs_f64() * exp)
            .unwrap_or(max)
            .min(max)
            .max(Duration::from_millis(1));
        let jittered = cap.mul_f64(fastrand::f64());
        match err.and_then(Error::retry_after) {
            Some(after) => jittered.max(after.min(max)),
            None => jittered,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn backoff_stays_under_cap_and_grows() {
        let p = RetryPolicy {
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(800),
            ..RetryPolicy::default()
        };
        for attempt in 0..10 {
            let cap = Duration::from_millis((100u64 << attempt).min(800));
            for _ in 0..50 {
                assert!(p.backoff(attempt, None) <= cap);
            }
        }
    }

    #[test]
    fn only_retryable_kinds_are_retried() {
        let p = RetryPolicy::default();
        assert!(p.should_retry(&Error::new(ErrorKind::Network, "x"), 0));
        assert!(p.should_retry(&Error::new(ErrorKind::RateLimited, "x"), 3));
        assert!(!p.should_retry(&Error::new(ErrorKind::Network, "x"), 4));
        assert!(!p.should_retry(&Error::new(ErrorKind::Auth, "x"), 0));
        assert!(!p.should_retry(&Error::new(ErrorKind::InvalidInput, "x"), 0));
    }

    #[test]
    fn retry_after_is_honoured() {
        let p = RetryPolicy::default();
        let err =
            Error::new(ErrorKind::RateLimited, "x").with_retry_after(Some(Duration::from_secs(2)));
        assert!(p.backoff(0, Some(&err)) >= Duration::from_secs(2));
    }
}
