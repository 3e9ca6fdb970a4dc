use std::time::Duration;

use crate::error::Error;

/// When and how often a failed request is sent again.
///
/// Only failures whose [`crate::ErrorKind::is_retryable`] is true are retried
/// (network errors, 5xx, rate limiting); invalid input and auth failures fail
/// at once. The wait before attempt `n` is drawn uniformly from
/// `[0, min(max_backoff, initial_backoff * multiplier^n)]` ("full jitter"),
/// or is the server's `Retry-After` when that is longer.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(default)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 = never retry).
    pub max_retries: u32,
    #[serde(with = "crate::lenient::duration_ms", rename = "initial_backoff_ms")]
    pub initial_backoff: Duration,
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

    /// Whether `err`, seen on attempt number `attempt` (0-based), is retried.
    pub fn should_retry(&self, err: &Error, attempt: u32) -> bool {
        err.is_retryable() && attempt < self.max_retries
    }

    /// The wait before retry number `attempt` (0-based) after `err`.
    pub fn backoff(&self, attempt: u32, err: Option<&Error>) -> Duration {
        let exp = self.multiplier.max(1.0).powi(attempt.min(30) as i32);
        let cap = self
            .initial_backoff
            .mul_f64(exp)
            .min(self.max_backoff)
            .max(Duration::from_millis(1));
        let jittered = cap.mul_f64(fastrand::f64());
        match err.and_then(Error::retry_after) {
            Some(after) => jittered.max(after.min(self.max_backoff)),
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
