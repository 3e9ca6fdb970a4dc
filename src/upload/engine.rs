//! The engine's loop: it hands parts to worker threads, checks every answer
//! against what was streamed, queues each failed part for a retry after its
//! back-off, and reports progress on the calling thread.

use std::collections::VecDeque;
use std::ops::ControlFlow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::control::{Progress, UploadHooks};
use super::plan::{missing_ranges, split, Committed, Part};
use super::retry::{Job, RetryQueue};
use super::sink::{check_ack, AckMismatch, PartAck, PartSink};
use super::source::Source;
use super::tally::PartTally;
use crate::error::{Error, ErrorKind, Result};
use crate::http::RetryPolicy;

/// How the engine splits and sends a file.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    pub part_size: u64,
    /// Parts in flight at once (forced to 1 for ordered sinks).
    pub concurrency: usize,
    /// Back-off between failed attempts, and how many failures of one part
    /// are tolerated (for ordered sinks: failures without the server gaining
    /// bytes).
    pub retry: RetryPolicy,
    /// Whether every part's MD5 is computed while it streams (for a
    /// checkpoint's ranges, or the file's MD5 from a one-part upload). It is
    /// always computed for a sink that reports part MD5s
    /// ([`PartSink::reports_md5`]).
    pub hash_parts: bool,
    /// A budget of its own for parts that arrived damaged (an `Integrity`
    /// mismatch of length or MD5): how many times one part may be sent again
    /// for that, apart from `retry.max_retries`, which then counts network
    /// and server failures only. `None`: damage counts against
    /// `retry.max_retries` like any failure.
    pub integrity_retries: Option<u32>,
}

/// Uploads the bytes of `source` the server does not hold yet (`start`):
/// `sink.begin`, every missing part, then `sink.finish` once the server has
/// acknowledged every byte and the file is unchanged.
pub fn run(
    source: &Source,
    sink: &dyn PartSink,
    options: &EngineOptions,
    start: Committed,
    control: &mut UploadHooks<'_>,
) -> Result<()> {
    if options.part_size == 0 {
        return Err(Error::invalid_input("part size must be at least 1 byte"));
    }
    start.check_within(source.size())?;
    if control.is_cancelled() {
        return Err(Error::cancelled());
    }
    sink.begin()?;
    let sent = send_missing(source, sink, options, &start, control);
    if sent.is_err() {
        // A read that failed because the origin's file changed: say so.
        if let Some(changed) = source.changed_during_read() {
            return Err(changed);
        }
    }
    sent?;
    // A file that changed under us must not be completed on the provider's side.
    source.check_unchanged()?;
    if control.is_cancelled() {
        return Err(Error::cancelled());
    }
    sink.finish()
}

/// Sends every part the server is missing; returns once all are acknowledged,
/// or with the first error that ends the upload.
fn send_missing(
    source: &Source,
    sink: &dyn PartSink,
    options: &EngineOptions,
    start: &Committed,
    control: &mut UploadHooks<'_>,
) -> Result<()> {
    let total = source.size();
    let concurrency = if sink.ordered() {
        1
    } else {
        options.concurrency.max(1)
    };
    let hash_parts = options.hash_parts || sink.reports_md5();
    let mut ledger = Ledger::new(total, options, sink.ordered(), start);
    let mut progress = Reporter::new(ledger.acknowledged);
    let abort = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel::<Finished>();

    // The first report comes before any part starts: it carries the resume
    // handle, for an application that stores it itself.
    if progress.tick(control, &ledger, 0).is_break() {
        return Err(Error::cancelled());
    }
    // It does not count against the throttle: the next report comes as the
    // first bytes move, as it would without it.
    progress.last_report = None;
    std::thread::scope(|scope| {
        let mut in_flight: Vec<InFlight> = Vec::new();
        let mut outcome: Result<()> = Ok(());
        // Keeps the first error; later ones are usually its echo.
        let fail = |outcome: &mut Result<()>, err: Error| {
            if outcome.is_ok() {
                *outcome = Err(err);
            }
            abort.store(true, Ordering::SeqCst);
        };

        loop {
            // A paused upload starts nothing: no part, no retry, no reconcile.
            let paused = control.is_paused();
            if outcome.is_ok() && !paused {
                if let Err(e) = ledger.release_retries(sink, in_flight.is_empty()) {
                    fail(&mut outcome, e);
                }
            }
            // While a failed part waits out its back-off no new part starts:
            // a struggling server is not handed more work.
            while outcome.is_ok()
                && !paused
                && ledger.retries.is_empty()
                && in_flight.len() < concurrency
            {
                let Some(job) = ledger.queue.pop_front() else {
                    break;
                };
                let tally = Arc::new(PartTally::default());
                let part = &job.part;
                let body =
                    match source.part_body(part.offset, part.len, tally.clone(), abort.clone()) {
                        Ok(b) if hash_parts => b.paced(control.pacer()),
                        Ok(b) => b.unhashed().paced(control.pacer()),
                        Err(e) => {
                            fail(&mut outcome, e);
                            break;
                        }
                    };
                let id = ledger.next_id();
                let tx = tx.clone();
                let p = part.clone();
                scope.spawn(move || {
                    // A panicking sink must not leave the engine waiting forever.
                    let result = catch_unwind(AssertUnwindSafe(|| sink.send_part(&p, body, total)))
                        .unwrap_or_else(|_| Err(Error::internal("the part sink panicked")));
                    let _ = tx.send(Finished { id, result });
                });
                in_flight.push(InFlight {
                    id,
                    acknowledged_before: ledger.acknowledged,
                    job,
                    tally,
                });
            }
            if in_flight.is_empty() && (outcome.is_err() || ledger.is_complete()) {
                if outcome.is_ok() && progress.last(control, &ledger).is_break() {
                    outcome = Err(Error::cancelled());
                }
                break;
            }

            let tick = control
                .interval
                .clamp(Duration::from_millis(5), Duration::from_millis(50));
            let wait = match ledger.retries.next_ready() {
                Some(at) => tick.min(at.saturating_duration_since(Instant::now())),
                None => tick,
            };
            match rx.recv_timeout(wait.max(Duration::from_millis(1))) {
                Ok(Finished { id, result }) => {
                    if let Some(pos) = in_flight.iter().position(|f| f.id == id) {
                        let done = in_flight.swap_remove(pos);
                        let aborted = abort.load(Ordering::SeqCst);
                        if let Err(e) = ledger.settle(sink, done, result, aborted) {
                            fail(&mut outcome, e);
                        }
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                // The engine holds a sender, so this cannot happen; if it
                // did, no part could report back, so none is waited for.
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    fail(&mut outcome, Error::internal("the part channel closed"));
                    in_flight.clear();
                }
            }

            if outcome.is_ok() && control.is_cancelled() {
                fail(&mut outcome, Error::cancelled());
            }
            let live = in_flight
                .iter()
                .map(|f| f.tally.sent.load(Ordering::Relaxed))
                .sum();
            if outcome.is_ok() && progress.tick(control, &ledger, live).is_break() {
                fail(&mut outcome, Error::cancelled());
            }
        }
        outcome
    })
}

/// The engine's account of the upload: what is acknowledged, what is left to
/// send, and which failed parts wait for a retry.
struct Ledger<'o> {
    total: u64,
    options: &'o EngineOptions,
    ordered: bool,
    /// Parts to send, in order; retried parts go first.
    queue: VecDeque<Job>,
    retries: RetryQueue,
    /// Bytes the server holds and acknowledged (resumed ones included).
    acknowledged: u64,
    /// Bytes put on the wire, re-sent ones included.
    sent_total: u64,
    ids: u64,
}

impl<'o> Ledger<'o> {
    fn new(total: u64, options: &'o EngineOptions, ordered: bool, start: &Committed) -> Self {
        let missing = missing_ranges(total, start);
        let acknowledged = total - missing.iter().map(|r| r.end - r.start).sum::<u64>();
        Ledger {
            total,
            options,
            ordered,
            queue: fresh_jobs(split(&missing, options.part_size)),
            retries: RetryQueue::default(),
            acknowledged,
            sent_total: 0,
            ids: 0,
        }
    }

    fn next_id(&mut self) -> u64 {
        self.ids += 1;
        self.ids
    }

    fn is_complete(&self) -> bool {
        self.queue.is_empty() && self.retries.is_empty()
    }

    /// Records the end of one part: acknowledged, queued for a retry, or
    /// (`Err`) the error that ends the upload.
    fn settle(
        &mut self,
        sink: &dyn PartSink,
        done: InFlight,
        result: Result<PartAck>,
        aborted: bool,
    ) -> Result<()> {
        self.sent_total += done.tally.sent.load(Ordering::Relaxed);
        let job = done.job;
        let failure = match result {
            Ok(ack) => {
                let receipt = done.tally.receipt.get();
                match check_ack(
                    &job.part,
                    receipt,
                    &ack,
                    done.acknowledged_before,
                    self.total,
                ) {
                    Ok(()) => {
                        self.acknowledged += job.part.len;
                        if let Some(receipt) = receipt {
                            sink.acknowledged(&job.part, receipt);
                        }
                        return Ok(());
                    }
                    Err(AckMismatch::Lost(e)) => return Err(e),
                    Err(AckMismatch::Part(e)) => e,
                }
            }
            Err(e) => e,
        };
        // Failures after an abort are the abort's echo.
        if aborted {
            return Ok(());
        }
        if let Some(message) = done.tally.read_error.get() {
            // The source failed, not the network: sending again won't help.
            return Err(Error::new(ErrorKind::Io, message.clone()));
        }
        if done.tally.paused.load(Ordering::SeqCst) {
            // Abandoned during a pause (or timed out while held): sent again
            // once the upload resumes, and not counted as a failure.
            log::info!(
                "part at {} was interrupted by a pause ({failure}); it is sent again",
                job.part.offset
            );
            self.retries.push(Instant::now(), job);
            return Ok(());
        }
        let retry = &self.options.retry;
        // A part that arrived damaged (an Integrity mismatch) may arrive
        // intact when sent again, like one cut off by the network.
        let damaged = failure.kind() == ErrorKind::Integrity;
        if !(failure.is_retryable() || damaged) {
            return Err(failure);
        }
        let next = match self.options.integrity_retries {
            // Damage has its own budget: each re-send is cheap, and what was
            // acknowledged is safe, so clustered corruption need not end the
            // upload while the network budget is untouched.
            Some(budget) if damaged => {
                if job.damaged >= budget {
                    return Err(failure);
                }
                Job {
                    damaged: job.damaged + 1,
                    ..job
                }
            }
            _ => {
                if job.failures >= retry.max_retries {
                    return Err(failure);
                }
                Job {
                    failures: job.failures + 1,
                    ..job
                }
            }
        };
        log::info!("part at {} failed ({failure}); retrying", next.part.offset);
        let tries = next.failures + next.damaged;
        let at = Instant::now() + retry.backoff(tries.saturating_sub(1), Some(&failure));
        self.retries.push(at, next);
        Ok(())
    }

    /// Puts failed parts whose back-off is over back in the queue. An ordered
    /// sink first asks the server where to resume (once nothing is in flight):
    /// the server may hold part of the failed range.
    fn release_retries(&mut self, sink: &dyn PartSink, idle: bool) -> Result<()> {
        let now = Instant::now();
        if !self.ordered {
            for job in self.retries.take_ready(now).into_iter().rev() {
                self.queue.push_front(job);
            }
            return Ok(());
        }
        if !idle || self.retries.next_ready().is_none_or(|at| at > now) {
            return Ok(());
        }
        let failures = self
            .retries
            .take_all()
            .iter()
            .map(|j| j.failures)
            .max()
            .unwrap_or(0);
        let committed = sink.committed()?;
        self.replan(committed, failures)
    }

    /// Replans an ordered upload from the prefix the server reports.
    fn replan(&mut self, committed: Committed, failures: u32) -> Result<()> {
        let Committed::Prefix(held) = committed else {
            return Err(Error::internal("an ordered sink reported ranges"));
        };
        if held < self.acknowledged {
            // Re-sending would hide that acknowledged bytes were lost.
            return Err(Error::new(
                ErrorKind::Integrity,
                format!(
                    "the server reports holding {held} bytes, fewer than the {} it acknowledged",
                    self.acknowledged
                ),
            ));
        }
        Committed::Prefix(held).check_within(self.total)?;
        // The server gained bytes: progress, not a stall.
        let failures = if held > self.acknowledged {
            0
        } else {
            failures
        };
        self.acknowledged = held;
        let parts = split(
            std::slice::from_ref(&(held..self.total)),
            self.options.part_size,
        );
        self.queue = fresh_jobs(parts);
        if let Some(first) = self.queue.front_mut() {
            first.failures = failures;
        }
        Ok(())
    }
}

fn fresh_jobs(parts: VecDeque<Part>) -> VecDeque<Job> {
    parts.into_iter().map(Job::fresh).collect()
}

/// Monotonic, throttled progress on the calling thread.
struct Reporter {
    began: Instant,
    last_report: Option<Instant>,
    /// `bytes_done` of the last report: never goes down.
    reported: u64,
}

impl Reporter {
    fn new(start: u64) -> Self {
        Reporter {
            began: Instant::now(),
            last_report: None,
            reported: start,
        }
    }

    /// Reports acknowledged bytes plus what is on the wire now (`live`), when due.
    fn tick(
        &mut self,
        control: &mut UploadHooks<'_>,
        ledger: &Ledger,
        live: u64,
    ) -> ControlFlow<()> {
        let due = self
            .last_report
            .is_none_or(|t| t.elapsed() >= control.interval);
        if !due {
            return ControlFlow::Continue(());
        }
        let p = Progress {
            bytes_done: (ledger.acknowledged + live)
                .min(ledger.total)
                .max(self.reported),
            bytes_total: ledger.total,
            bytes_sent: ledger.sent_total + live,
            elapsed: self.began.elapsed(),
            resume: control.resume.clone(),
        };
        self.reported = p.bytes_done;
        self.last_report = Some(Instant::now());
        report(control, &p)
    }

    /// The last report always says "all of it".
    fn last(&mut self, control: &mut UploadHooks<'_>, ledger: &Ledger) -> ControlFlow<()> {
        let p = Progress {
            bytes_done: ledger.total,
            bytes_total: ledger.total,
            bytes_sent: ledger.sent_total,
            elapsed: self.began.elapsed(),
            resume: control.resume.clone(),
        };
        self.reported = p.bytes_done;
        report(control, &p)
    }
}

fn report(control: &mut UploadHooks<'_>, p: &Progress) -> ControlFlow<()> {
    if control.report(p) {
        ControlFlow::Continue(())
    } else {
        ControlFlow::Break(())
    }
}

/// A part's end, sent by its worker thread.
struct Finished {
    id: u64,
    result: Result<PartAck>,
}

/// A part on the wire.
struct InFlight {
    id: u64,
    job: Job,
    tally: Arc<PartTally>,
    /// What the server had acknowledged when the part started: the least it
    /// must report holding besides this part (acknowledgements processed
    /// later may have been answered after this part's answer).
    acknowledged_before: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hex::md5_hex;
    use crate::upload::{PartBody, UploadControl};
    use std::collections::HashMap;
    use std::io::{Read, Seek, SeekFrom, Write};
    use std::ops::Range;
    use std::sync::atomic::AtomicU64;
    use std::sync::Mutex;

    /// How the server answers one attempt at a part.
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Answer {
        /// Stores the bytes and says so truthfully.
        Honest,
        /// The connection drops (after a pause, so failures of one batch
        /// land together, inside one back-off window).
        Drop,
        /// Stores damaged bytes and reports their MD5.
        Damaged,
        /// Stores only half the part and reports that length.
        Short,
    }

    /// A receiving end that stores parts at their offsets in a local file, as
    /// a ranged-upload server (iQiyi) does, answering each attempt as scripted.
    /// It stands in for the provider: the engine is what is under test.
    struct RangeStore {
        out: Mutex<std::fs::File>,
        held: Mutex<Vec<Range<u64>>>,
        /// Offsets of every attempt, in order.
        attempts: Mutex<Vec<u64>>,
        /// Answers to the 1st, 2nd, … attempt at an offset (then: honest).
        script: HashMap<u64, Vec<Answer>>,
        events: Mutex<Vec<String>>,
        fail_begin: bool,
        fail_finish: bool,
        in_flight: AtomicU64,
        max_in_flight: AtomicU64,
    }

    impl RangeStore {
        fn new(dst: &std::path::Path) -> Self {
            RangeStore {
                out: Mutex::new(std::fs::File::create(dst).unwrap()),
                held: Mutex::new(Vec::new()),
                attempts: Mutex::new(Vec::new()),
                script: HashMap::new(),
                events: Mutex::new(Vec::new()),
                fail_begin: false,
                fail_finish: false,
                in_flight: AtomicU64::new(0),
                max_in_flight: AtomicU64::new(0),
            }
        }

        fn script(mut self, offset: u64, answers: &[Answer]) -> Self {
            self.script.insert(offset, answers.to_vec());
            self
        }

        fn attempts_at(&self, offset: u64) -> usize {
            self.attempts
                .lock()
                .unwrap()
                .iter()
                .filter(|o| **o == offset)
                .count()
        }

        fn store(&self, offset: u64, bytes: &[u8]) {
            let mut out = self.out.lock().unwrap();
            out.seek(SeekFrom::Start(offset)).unwrap();
            out.write_all(bytes).unwrap();
        }
    }

    impl PartSink for RangeStore {
        fn begin(&self) -> Result<()> {
            self.events.lock().unwrap().push("begin".into());
            if self.fail_begin {
                return Err(Error::new(ErrorKind::Provider, "open refused"));
            }
            Ok(())
        }

        fn send_part(&self, part: &Part, mut body: PartBody, _total: u64) -> Result<PartAck> {
            self.events
                .lock()
                .unwrap()
                .push(format!("part {}", part.offset));
            let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            self.max_in_flight.fetch_max(now, Ordering::SeqCst);
            let mut bytes = Vec::new();
            body.read_to_end(&mut bytes).unwrap();
            std::thread::sleep(Duration::from_millis(5));
            self.in_flight.fetch_sub(1, Ordering::SeqCst);
            let attempt = {
                let mut a = self.attempts.lock().unwrap();
                a.push(part.offset);
                a.iter().filter(|o| **o == part.offset).count() - 1
            };
            let answer = self
                .script
                .get(&part.offset)
                .and_then(|s| s.get(attempt))
                .copied()
                .unwrap_or(Answer::Honest);
            assert_eq!(bytes.len() as u64, part.len);
            match answer {
                Answer::Drop => {
                    std::thread::sleep(Duration::from_millis(50));
                    return Err(Error::new(ErrorKind::Network, "connection reset"));
                }
                Answer::Damaged => bytes[0] ^= 0xff,
                Answer::Short => bytes.truncate(bytes.len() / 2),
                Answer::Honest => {}
            }
            self.store(part.offset, &bytes);
            let end = part.offset + bytes.len() as u64;
            self.held.lock().unwrap().push(part.offset..end);
            Ok(PartAck {
                accepted_len: Some(bytes.len() as u64),
                md5: Some(md5_hex(&bytes)),
                held: None,
            })
        }

        fn committed(&self) -> Result<Committed> {
            Ok(Committed::Ranges(self.held.lock().unwrap().clone()))
        }

        fn ordered(&self) -> bool {
            false
        }

        fn finish(&self) -> Result<()> {
            self.events.lock().unwrap().push("finish".into());
            if self.fail_finish {
                return Err(Error::new(ErrorKind::Provider, "finish refused"));
            }
            Ok(())
        }
    }

    fn test_file(dir: &std::path::Path, len: u32) -> (std::path::PathBuf, Vec<u8>) {
        let src = dir.join("src.bin");
        let data: Vec<u8> = (0..len)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        std::fs::write(&src, &data).unwrap();
        (src, data)
    }

    fn parallel(part_size: u64, retry: RetryPolicy) -> EngineOptions {
        EngineOptions {
            part_size,
            concurrency: 4,
            retry,
            hash_parts: true,
            integrity_retries: None,
        }
    }

    fn quick_retries(max_retries: u32) -> RetryPolicy {
        RetryPolicy {
            max_retries,
            initial_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(5),
            multiplier: 2.0,
        }
    }

    fn upload(src: &std::path::Path, sink: &dyn PartSink, options: &EngineOptions) -> Result<()> {
        let source = Source::open(src).unwrap();
        run(
            &source,
            sink,
            options,
            Committed::Prefix(0),
            &mut UploadHooks::new(),
        )
    }

    #[test]
    fn parallel_unordered_parts_with_a_retry_rebuild_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let (src, data) = test_file(dir.path(), 1_000_003);
        let dst = dir.path().join("dst.bin");
        let store = RangeStore::new(&dst)
            .script(300_000, &[Answer::Drop])
            .script(900_000, &[Answer::Drop]);
        let source = Source::open(&src).unwrap();
        let caller = std::thread::current().id();
        let mut seen = Vec::new();
        let mut control = UploadHooks::new()
            .progress_interval(Duration::ZERO)
            .on_progress(|p| {
                assert_eq!(std::thread::current().id(), caller);
                seen.push(p.bytes_done);
                std::ops::ControlFlow::Continue(())
            });
        let options = parallel(100_000, quick_retries(3));
        run(
            &source,
            &store,
            &options,
            Committed::Prefix(0),
            &mut control,
        )
        .unwrap();
        drop(control);
        assert_eq!(std::fs::read(&dst).unwrap(), data);
        assert!(
            store.max_in_flight.load(Ordering::SeqCst) > 1,
            "parts ran in parallel"
        );
        assert_eq!(
            store.attempts.lock().unwrap().len(),
            11 + 2,
            "two parts sent twice"
        );
        assert!(seen.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(*seen.last().unwrap(), 1_000_003);
    }

    /// Two parts of the first batch of four fail together, so the second
    /// failure arrives while the first waits out its back-off (300 ms). The
    /// engine that kept one pending slot lost one of them and reported success.
    #[test]
    fn two_parts_failing_in_one_back_off_are_both_resent() {
        let dir = tempfile::tempdir().unwrap();
        let (src, data) = test_file(dir.path(), 800_000);
        let dst = dir.path().join("dst.bin");
        let store = RangeStore::new(&dst)
            .script(100_000, &[Answer::Drop])
            .script(200_000, &[Answer::Drop]);
        let retry = RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(300),
            max_backoff: Duration::from_millis(300),
            multiplier: 1.0,
        };
        upload(&src, &store, &parallel(100_000, retry)).unwrap();
        assert_eq!(std::fs::read(&dst).unwrap(), data);
        assert_eq!(store.attempts_at(100_000), 2);
        assert_eq!(store.attempts_at(200_000), 2);
        assert_eq!(store.attempts.lock().unwrap().len(), 8 + 2);
    }

    #[test]
    fn a_part_whose_md5_differs_on_the_server_is_sent_again() {
        let dir = tempfile::tempdir().unwrap();
        let (src, data) = test_file(dir.path(), 350_000);
        let dst = dir.path().join("dst.bin");
        let store = RangeStore::new(&dst).script(100_000, &[Answer::Damaged]);
        upload(&src, &store, &parallel(100_000, quick_retries(2))).unwrap();
        assert_eq!(
            std::fs::read(&dst).unwrap(),
            data,
            "the damage was repaired"
        );
        assert_eq!(store.attempts_at(100_000), 2);
    }

    #[test]
    fn a_part_the_server_accepted_only_in_part_is_sent_again() {
        let dir = tempfile::tempdir().unwrap();
        let (src, data) = test_file(dir.path(), 350_000);
        let dst = dir.path().join("dst.bin");
        let store = RangeStore::new(&dst).script(300_000, &[Answer::Short]);
        upload(&src, &store, &parallel(100_000, quick_retries(2))).unwrap();
        assert_eq!(std::fs::read(&dst).unwrap(), data);
        assert_eq!(store.attempts_at(300_000), 2);
    }

    #[test]
    fn a_mismatch_that_persists_is_an_integrity_error_without_finish() {
        for answer in [Answer::Damaged, Answer::Short] {
            let dir = tempfile::tempdir().unwrap();
            let (src, _) = test_file(dir.path(), 350_000);
            let store = RangeStore::new(&dir.path().join("dst.bin")).script(200_000, &[answer; 3]);
            let err = upload(&src, &store, &parallel(100_000, quick_retries(2))).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Integrity, "{answer:?}: {err}");
            assert_eq!(store.attempts_at(200_000), 3, "first try and two retries");
            let events = store.events.lock().unwrap();
            assert!(!events.contains(&"finish".to_owned()), "{events:?}");
        }
    }

    #[test]
    fn begin_and_finish_run_once_around_the_parts() {
        let dir = tempfile::tempdir().unwrap();
        let (src, _) = test_file(dir.path(), 250_000);
        let store = RangeStore::new(&dir.path().join("dst.bin")).script(0, &[Answer::Drop]);
        upload(&src, &store, &parallel(100_000, quick_retries(2))).unwrap();
        let events = store.events.lock().unwrap().clone();
        assert_eq!(events.first().map(String::as_str), Some("begin"));
        assert_eq!(events.last().map(String::as_str), Some("finish"));
        assert_eq!(events.iter().filter(|e| *e == "begin").count(), 1);
        assert_eq!(events.iter().filter(|e| *e == "finish").count(), 1);
        assert_eq!(events.len(), 2 + 3 + 1, "three parts, one sent twice");

        // Nothing left to send: a resumed upload is still opened and finished.
        let store = RangeStore::new(&dir.path().join("dst2.bin"));
        let source = Source::open(&src).unwrap();
        let options = parallel(100_000, quick_retries(0));
        let start = Committed::Prefix(250_000);
        run(&source, &store, &options, start, &mut UploadHooks::new()).unwrap();
        assert_eq!(*store.events.lock().unwrap(), ["begin", "finish"]);
    }

    #[test]
    fn finish_is_skipped_after_a_failure_or_a_cancel() {
        let dir = tempfile::tempdir().unwrap();
        let (src, _) = test_file(dir.path(), 250_000);
        let finished = |s: &RangeStore| s.events.lock().unwrap().iter().any(|e| e == "finish");

        // A part that keeps failing.
        let store = RangeStore::new(&dir.path().join("a.bin")).script(100_000, &[Answer::Drop; 2]);
        let err = upload(&src, &store, &parallel(100_000, quick_retries(1))).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Network);
        assert!(!finished(&store));

        // A cancel from the progress callback.
        let store = RangeStore::new(&dir.path().join("b.bin"));
        let source = Source::open(&src).unwrap();
        let mut control = UploadHooks::new()
            .progress_interval(Duration::ZERO)
            .on_progress(|_| std::ops::ControlFlow::Break(()));
        let options = parallel(100_000, quick_retries(0));
        let err = run(
            &source,
            &store,
            &options,
            Committed::Prefix(0),
            &mut control,
        )
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Cancelled);
        assert!(!finished(&store));

        // A cancel before the start: not even begin.
        let store = RangeStore::new(&dir.path().join("c.bin"));
        let token = UploadControl::new();
        token.cancel();
        let mut control = UploadHooks::new().control(token);
        let err = run(
            &source,
            &store,
            &options,
            Committed::Prefix(0),
            &mut control,
        )
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Cancelled);
        assert!(store.events.lock().unwrap().is_empty());
    }

    #[test]
    fn a_failing_begin_sends_nothing_and_a_failing_finish_fails_the_upload() {
        let dir = tempfile::tempdir().unwrap();
        let (src, _) = test_file(dir.path(), 1000);
        let options = parallel(100, quick_retries(0));
        let mut store = RangeStore::new(&dir.path().join("a.bin"));
        store.fail_begin = true;
        let err = upload(&src, &store, &options).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Provider);
        assert_eq!(*store.events.lock().unwrap(), ["begin"]);

        let mut store = RangeStore::new(&dir.path().join("b.bin"));
        store.fail_finish = true;
        let err = upload(&src, &store, &options).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Provider);
        assert_eq!(err.message(), "finish refused");
    }

    #[test]
    fn a_resume_sends_only_the_missing_ranges() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src.bin");
        std::fs::write(&src, vec![7u8; 50]).unwrap();
        let dst = dir.path().join("dst.bin");
        std::fs::write(&dst, vec![0u8; 50]).unwrap();
        let store = RangeStore {
            out: Mutex::new(std::fs::OpenOptions::new().write(true).open(&dst).unwrap()),
            held: Mutex::new(vec![0..20, 30..40]),
            ..RangeStore::new(&dir.path().join("unused.bin"))
        };
        let options = EngineOptions {
            part_size: 8,
            concurrency: 2,
            retry: RetryPolicy::none(),
            hash_parts: true,
            integrity_retries: None,
        };
        let source = Source::open(&src).unwrap();
        let start = store.committed().unwrap();
        run(&source, &store, &options, start, &mut UploadHooks::new()).unwrap();
        let mut offsets = store.attempts.lock().unwrap().clone();
        offsets.sort();
        assert_eq!(offsets, vec![20, 28, 40, 48]);
        let out = std::fs::read(&dst).unwrap();
        assert_eq!(&out[20..30], &[7u8; 10]);
        assert_eq!(&out[0..20], &[0u8; 20], "held ranges are not re-sent");
    }

    #[test]
    fn a_server_claiming_more_than_the_file_fails_before_any_request() {
        let dir = tempfile::tempdir().unwrap();
        let (src, _) = test_file(dir.path(), 1000);
        let store = RangeStore::new(&dir.path().join("dst.bin"));
        let source = Source::open(&src).unwrap();
        let options = parallel(100, quick_retries(0));
        let err = run(
            &source,
            &store,
            &options,
            Committed::Prefix(1001),
            &mut UploadHooks::new(),
        )
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Integrity);
        assert!(store.events.lock().unwrap().is_empty());
    }

    /// An ordered server (Baijiayun's model) that holds a prefix and reports
    /// it in every answer; it can be told to lie or to lose bytes.
    struct PrefixStore {
        bytes: Mutex<Vec<u8>>,
        attempts: Mutex<Vec<u64>>,
        /// The answer to the part at this offset (first attempt) reports
        /// holding one byte less than it does, and keeps one byte less.
        short_at: Option<u64>,
        /// Before the part at this offset is stored (first attempt), the
        /// server forgets everything after `.1` and the connection drops.
        lose_at: Option<(u64, usize)>,
        /// The answer to the part at this offset reports this many bytes held.
        claim_at: Option<(u64, u64)>,
    }

    impl PrefixStore {
        fn new() -> Self {
            PrefixStore {
                bytes: Mutex::new(Vec::new()),
                attempts: Mutex::new(Vec::new()),
                short_at: None,
                lose_at: None,
                claim_at: None,
            }
        }
    }

    impl PartSink for PrefixStore {
        fn send_part(&self, part: &Part, mut body: PartBody, _total: u64) -> Result<PartAck> {
            let first = {
                let mut a = self.attempts.lock().unwrap();
                let first = !a.contains(&part.offset);
                a.push(part.offset);
                first
            };
            let mut chunk = Vec::new();
            body.read_to_end(&mut chunk).unwrap();
            let mut bytes = self.bytes.lock().unwrap();
            if let Some((at, keep)) = self.lose_at {
                if first && at == part.offset {
                    bytes.truncate(keep);
                    return Err(Error::new(ErrorKind::Network, "connection reset"));
                }
            }
            assert_eq!(bytes.len() as u64, part.offset, "parts arrive in order");
            if first && self.short_at == Some(part.offset) {
                chunk.pop();
            }
            bytes.extend_from_slice(&chunk);
            let held = match self.claim_at {
                Some((at, claim)) if at == part.offset => claim,
                _ => bytes.len() as u64,
            };
            Ok(PartAck {
                held: Some(held),
                ..PartAck::default()
            })
        }

        fn committed(&self) -> Result<Committed> {
            Ok(Committed::Prefix(self.bytes.lock().unwrap().len() as u64))
        }

        fn ordered(&self) -> bool {
            true
        }
    }

    fn ordered(part_size: u64) -> EngineOptions {
        EngineOptions {
            part_size,
            concurrency: 4,
            retry: quick_retries(2),
            hash_parts: true,
            integrity_retries: None,
        }
    }

    #[test]
    fn an_answer_holding_less_than_was_sent_is_reconciled_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let (src, data) = test_file(dir.path(), 1000);
        let mut store = PrefixStore::new();
        store.short_at = Some(300);
        upload(&src, &store, &ordered(300)).unwrap();
        assert_eq!(*store.bytes.lock().unwrap(), data);
        // 0, 300 (one byte short), then from the server's 599, then 899.
        assert_eq!(*store.attempts.lock().unwrap(), [0, 300, 599, 899]);
    }

    #[test]
    fn a_server_that_lost_acknowledged_bytes_is_an_integrity_error() {
        let dir = tempfile::tempdir().unwrap();
        let (src, _) = test_file(dir.path(), 1000);
        // Found on the retry: the server now holds 100 of the 600 it acknowledged.
        let mut store = PrefixStore::new();
        store.lose_at = Some((600, 100));
        let err = upload(&src, &store, &ordered(300)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
        assert_eq!(
            *store.attempts.lock().unwrap(),
            [0, 300, 600],
            "acknowledged bytes were not silently sent again"
        );

        // Found in an answer: after 600 acknowledged bytes, it claims 200.
        let mut store = PrefixStore::new();
        store.claim_at = Some((600, 200));
        let err = upload(&src, &store, &ordered(300)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
        assert_eq!(*store.attempts.lock().unwrap(), [0, 300, 600]);
    }

    struct Panics;

    impl PartSink for Panics {
        fn send_part(&self, _: &Part, _: PartBody, _: u64) -> Result<PartAck> {
            panic!("a bug in a sink");
        }
        fn committed(&self) -> Result<Committed> {
            Ok(Committed::Prefix(0))
        }
        fn ordered(&self) -> bool {
            false
        }
    }

    #[test]
    fn a_panicking_sink_fails_the_upload_instead_of_hanging_it() {
        let dir = tempfile::tempdir().unwrap();
        let (src, _) = test_file(dir.path(), 1000);
        let err = upload(&src, &Panics, &parallel(100, quick_retries(0))).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Internal);
    }
}
