//! Stalled-upload detection: an upload request fails as a (retryable)
//! network error when its connection takes none of the bytes waiting for it,
//! or no answer comes after the last byte, for the stall timeout.
//!
//! Why: the part timeout is generous (a whole part on a slow link, ten
//! minutes by default), so a server or middlebox that stops reading — a
//! mobile network gone quiet, a dead NAT entry, an overloaded host — would
//! hold a part for all of it. curl's `--speed-time` and the AWS SDKs'
//! stalled-stream protection do the same. A wait on our own side (a paused
//! upload, a bandwidth cap, a slow reader callback) is never a stall: only
//! bytes offered and not taken, or an answer not coming, count.

use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use futures_util::future::{select, Either};

use crate::error::{Error, ErrorKind, Result};

/// What the body's two ends report: the pump offering chunks, the
/// connection taking them.
#[derive(Debug)]
pub(crate) struct StallWatch {
    started: Instant,
    /// Milliseconds from `started` to the last sign of life: a chunk taken,
    /// a chunk offered, or the body's end taken.
    last: AtomicU64,
    offered: AtomicU64,
    taken: AtomicU64,
    /// The connection has taken the whole body: what remains is the answer.
    body_done: AtomicBool,
}

impl StallWatch {
    pub(crate) fn new() -> StallWatch {
        StallWatch {
            started: Instant::now(),
            last: AtomicU64::new(0),
            offered: AtomicU64::new(0),
            taken: AtomicU64::new(0),
            body_done: AtomicBool::new(false),
        }
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn alive(&self) {
        self.last.store(self.now_ms(), Ordering::Relaxed);
    }

    /// The pump is about to hand the connection a chunk (it may wait for
    /// room): from now on, the connection is the one keeping us waiting.
    pub(crate) fn offering(&self) {
        self.offered.fetch_add(1, Ordering::SeqCst);
        self.alive();
    }

    /// The connection took a chunk.
    pub(crate) fn taken(&self) {
        self.taken.fetch_add(1, Ordering::SeqCst);
        self.alive();
    }

    /// The connection took the body's end.
    pub(crate) fn body_done(&self) {
        self.body_done.store(true, Ordering::SeqCst);
        self.alive();
    }

    /// How long the connection has kept us waiting, when it has for longer
    /// than `limit`; `None` while it keeps up or we are the ones waiting.
    fn stalled(&self, limit: Duration) -> Option<Duration> {
        let waiting_on_server = self.body_done.load(Ordering::SeqCst)
            || self.offered.load(Ordering::SeqCst) > self.taken.load(Ordering::SeqCst);
        if !waiting_on_server {
            return None;
        }
        let quiet = Duration::from_millis(
            self.now_ms()
                .saturating_sub(self.last.load(Ordering::Relaxed)),
        );
        (quiet > limit).then_some(quiet)
    }
}

/// Runs the upload request `request` to its answer, failing it with a
/// retryable network error once `watch` reports a stall longer than `limit`
/// (`Duration::ZERO`: never). Dropping the request closes its connection.
pub(crate) async fn unless_stalled<F>(
    request: F,
    watch: &StallWatch,
    limit: Duration,
) -> Result<F::Output>
where
    F: Future,
{
    let mut request = std::pin::pin!(request);
    if limit.is_zero() {
        return Ok(request.await);
    }
    // Checked a few times per limit, at most once a second.
    let tick = (limit / 4).clamp(Duration::from_millis(5), Duration::from_secs(1));
    loop {
        let sleep = std::pin::pin!(tokio::time::sleep(tick));
        match select(request.as_mut(), sleep).await {
            Either::Left((answer, _)) => return Ok(answer),
            Either::Right(((), _)) => {
                if let Some(quiet) = watch.stalled(limit) {
                    let what = if watch.body_done.load(Ordering::SeqCst) {
                        "no answer came after the last byte"
                    } else {
                        "the connection took no bytes"
                    };
                    return Err(Error::new(
                        ErrorKind::Network,
                        format!(
                            "the upload stalled: {what} for {:.1} s (upload_stall_timeout_ms)",
                            quiet.as_secs_f64()
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_on_our_own_side_is_never_a_stall() {
        let w = StallWatch::new();
        std::thread::sleep(Duration::from_millis(30));
        // Nothing offered: the source (a pause, a cap) keeps us waiting.
        assert_eq!(w.stalled(Duration::from_millis(10)), None);
        w.offering();
        w.taken();
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(w.stalled(Duration::from_millis(10)), None);
    }

    #[test]
    fn bytes_not_taken_or_an_answer_not_coming_is() {
        let w = StallWatch::new();
        w.offering();
        assert_eq!(w.stalled(Duration::from_millis(10)), None);
        std::thread::sleep(Duration::from_millis(30));
        assert!(w.stalled(Duration::from_millis(10)).is_some());
        w.taken();
        w.body_done();
        assert_eq!(w.stalled(Duration::from_millis(10)), None);
        std::thread::sleep(Duration::from_millis(30));
        assert!(w.stalled(Duration::from_millis(10)).is_some());
    }
}
