//! A sliding-window rate limit per account and client IP, as the providers
//! document theirs ("N requests per account and IP within a window").

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::lock::lock;

#[derive(Debug, Default)]
pub struct RateLimiter {
    /// Requests allowed within the window; `None` = no limit.
    limit: Mutex<Option<(u32, Duration)>>,
    hits: Mutex<HashMap<(String, IpAddr), VecDeque<Instant>>>,
}

impl RateLimiter {
    pub fn new(limit: Option<(u32, Duration)>) -> Self {
        RateLimiter {
            limit: Mutex::new(limit),
            hits: Mutex::new(HashMap::new()),
        }
    }

    pub fn limit(&self) -> Option<(u32, Duration)> {
        *lock(&self.limit)
    }

    /// Replaces the limit and forgets the hits counted under the old one.
    pub fn set(&self, limit: Option<(u32, Duration)>) {
        *lock(&self.limit) = limit;
        lock(&self.hits).clear();
    }

    /// Records a hit; `false` when the account is over its limit.
    pub fn allow(&self, account: &str, ip: IpAddr) -> bool {
        let Some((limit, window)) = self.limit() else {
            return true;
        };
        let now = Instant::now();
        let mut hits = lock(&self.hits);
        let q = hits.entry((account.to_owned(), ip)).or_default();
        while q.front().is_some_and(|t| now.duration_since(*t) >= window) {
            q.pop_front();
        }
        if q.len() as u32 >= limit {
            return false;
        }
        q.push_back(now);
        true
    }
}
