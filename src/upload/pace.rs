//! Pause and bandwidth cap, applied where a part's bytes are produced
//! ([`PartBody`](super::PartBody)'s `read`, on the part's worker thread —
//! never inside an async task): a paused upload's bytes stop flowing at the
//! source, and a capped one's bytes are handed out in small slices at the
//! rate a token bucket allows.
//!
//! The state lives on the [`UploadControl`](super::UploadControl), next to the
//! cancel flag, so any thread holding a clone can steer the upload; the
//! bucket is shared by every part (and every upload) using that token.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use super::tally::PartTally;

/// How often a waiting reader looks at the engine's abort flag (which the
/// engine sets on cancel or on another part's failure). Resume and rate
/// changes wake waiters at once.
const POLL: Duration = Duration::from_millis(50);

/// The part of a second one read may take under a cap: reads are cut to
/// `rate / SLICES_PER_SECOND` bytes, so the cap is smooth (no burst of a
/// whole buffer, then a long sleep).
const SLICES_PER_SECOND: u64 = 20;

/// The largest slice, whatever the cap: 1 MiB.
const MAX_SLICE: u64 = 1 << 20;

/// How long parts in flight are held during a pause before they are
/// abandoned. A held part keeps its connection open with no byte moving;
/// servers close such connections after a while (nginx's
/// `client_body_timeout` is 60 s by default), so a longer pause abandons
/// the part cleanly instead, and the engine sends it again on resume.
pub const DEFAULT_PAUSE_HOLD: Duration = Duration::from_secs(30);

/// The pause flag, the cap and its bucket: one per token, shared by clones.
#[derive(Debug, Default)]
pub(crate) struct Pace {
    paused: Mutex<bool>,
    /// Signalled on resume and on a cap change.
    changed: Condvar,
    /// Bytes per second; 0 = no cap.
    rate: AtomicU64,
    /// Bumped on every cap change, so waiting readers re-plan at the new rate.
    generation: AtomicU64,
    bucket: Mutex<Bucket>,
}

/// A token bucket kept as its "theoretical arrival time" (GCRA): the
/// instant at which every byte granted so far has been paid for at the
/// current rate. A grant waits until that instant minus one slice's worth
/// of burst.
#[derive(Debug, Default)]
struct Bucket {
    paid_until: Option<Instant>,
}

impl Pace {
    pub(crate) fn pause(&self) {
        *lock(&self.paused) = true;
    }

    pub(crate) fn resume(&self) {
        *lock(&self.paused) = false;
        self.changed.notify_all();
    }

    pub(crate) fn is_paused(&self) -> bool {
        *lock(&self.paused)
    }

    pub(crate) fn set_rate(&self, bytes_per_second: u64) {
        self.rate.store(bytes_per_second, Ordering::SeqCst);
        // The schedule was planned at the old rate: start afresh.
        lock(&self.bucket).paid_until = None;
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.changed.notify_all();
    }

    pub(crate) fn rate(&self) -> u64 {
        self.rate.load(Ordering::SeqCst)
    }

    /// How many of `want` bytes the next read may take: all of them without
    /// a cap, one slice with one.
    pub(crate) fn slice(&self, want: usize) -> usize {
        match self.rate() {
            0 => want,
            rate => {
                let slice = (rate / SLICES_PER_SECOND).clamp(1, MAX_SLICE);
                want.min(usize::try_from(slice).unwrap_or(usize::MAX))
            }
        }
    }

    /// Blocks while the token is paused. Fails when the engine aborts, or
    /// when the pause outlasts `hold` (the part is abandoned; `tally`
    /// records that a pause interrupted it, so its failure is not counted
    /// against its retries).
    pub(crate) fn wait_while_paused(
        &self,
        abort: &AtomicBool,
        tally: &PartTally,
        hold: Duration,
    ) -> io::Result<()> {
        let mut paused = lock(&self.paused);
        if !*paused {
            return Ok(());
        }
        tally.paused.store(true, Ordering::SeqCst);
        let since = Instant::now();
        while *paused {
            if abort.load(Ordering::SeqCst) {
                return Err(aborted());
            }
            if since.elapsed() >= hold {
                return Err(io::Error::other(
                    "the part was abandoned during a pause; it is sent again on resume",
                ));
            }
            let wait = POLL.min(hold.saturating_sub(since.elapsed()));
            paused = self
                .changed
                .wait_timeout(paused, wait.max(Duration::from_millis(1)))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        Ok(())
    }

    /// Blocks until `n` bytes may go under the cap (at once without one).
    /// A cap change while waiting re-plans the wait at the new rate.
    pub(crate) fn take(&self, n: usize, abort: &AtomicBool) -> io::Result<()> {
        'plan: loop {
            let rate = self.rate();
            if rate == 0 || n == 0 {
                return Ok(());
            }
            let generation = self.generation.load(Ordering::SeqCst);
            let ready = self.grant(n as u64, rate);
            loop {
                let now = Instant::now();
                if now >= ready {
                    return Ok(());
                }
                if abort.load(Ordering::SeqCst) {
                    return Err(aborted());
                }
                let guard = lock(&self.paused);
                let _woken = self
                    .changed
                    .wait_timeout(guard, POLL.min(ready - now))
                    .unwrap_or_else(|e| e.into_inner());
                if self.generation.load(Ordering::SeqCst) != generation {
                    continue 'plan;
                }
            }
        }
    }

    /// Books `n` bytes at `rate`; returns when they may go.
    fn grant(&self, n: u64, rate: u64) -> Instant {
        let per_byte = |bytes: u64| Duration::from_secs_f64(bytes as f64 / rate as f64);
        let burst = per_byte((rate / SLICES_PER_SECOND).clamp(1, MAX_SLICE));
        let now = Instant::now();
        let mut bucket = lock(&self.bucket);
        // An idle bucket holds at most one slice of credit.
        let start = bucket
            .paid_until
            .map_or(now, |t| t.max(now.checked_sub(burst).unwrap_or(now)));
        let paid_until = start + per_byte(n);
        bucket.paid_until = Some(paid_until);
        paid_until.checked_sub(burst).unwrap_or(now)
    }
}

fn aborted() -> io::Error {
    io::Error::other("upload aborted")
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_sliced_only_under_a_cap() {
        let pace = Pace::default();
        assert_eq!(pace.slice(8 << 20), 8 << 20);
        pace.set_rate(4 << 20);
        assert_eq!(pace.slice(8 << 20), (4 << 20) / 20);
        pace.set_rate(1 << 30);
        assert_eq!(pace.slice(8 << 20), 1 << 20);
        pace.set_rate(10);
        assert_eq!(pace.slice(100), 1);
    }

    #[test]
    fn a_capped_bucket_grants_at_its_rate() {
        let pace = Pace::default();
        pace.set_rate(1_000_000);
        let abort = AtomicBool::new(false);
        let start = Instant::now();
        // 300 kB at 1 MB/s: about 0.25 s (the first slice is credit).
        for _ in 0..6 {
            pace.take(50_000, &abort).unwrap();
        }
        let took = start.elapsed();
        assert!(took >= Duration::from_millis(200), "{took:?}");
        // Lifting the cap lets everything through at once.
        pace.set_rate(0);
        let start = Instant::now();
        pace.take(100_000_000, &abort).unwrap();
        assert!(start.elapsed() < Duration::from_millis(50));
    }

    #[test]
    fn a_pause_blocks_until_resume_and_an_abort_ends_it() {
        let pace = std::sync::Arc::new(Pace::default());
        let tally = PartTally::default();
        let abort = AtomicBool::new(false);
        pace.pause();
        let p = pace.clone();
        let resumer = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            p.resume();
        });
        let start = Instant::now();
        pace.wait_while_paused(&abort, &tally, Duration::from_secs(30))
            .unwrap();
        assert!(start.elapsed() >= Duration::from_millis(150));
        assert!(tally.paused.load(Ordering::SeqCst));
        resumer.join().unwrap();

        pace.pause();
        abort.store(true, Ordering::SeqCst);
        assert!(pace
            .wait_while_paused(&abort, &tally, Duration::from_secs(30))
            .is_err());
        abort.store(false, Ordering::SeqCst);
        // Held longer than `hold`: abandoned.
        assert!(pace
            .wait_while_paused(&abort, &tally, Duration::from_millis(60))
            .is_err());
    }
}
