use std::collections::VecDeque;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::control::{Progress, UploadControl};
use super::source::{FileSource, PartBody};
use crate::error::{Error, ErrorKind, Result};
use crate::http::RetryPolicy;

/// One contiguous range of the file, sent as one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub offset: u64,
    pub len: u64,
}

impl Part {
    /// The inclusive last byte, as `Content-Range` and iQiyi's `range` want it.
    pub fn last_byte(&self) -> u64 {
        self.offset + self.len - 1
    }
}

/// What the server already holds, as the server itself reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Committed {
    /// Every byte before this offset (Baijiayun's `upload_size`).
    Prefix(u64),
    /// These byte ranges, in any order.
    Ranges(Vec<Range<u64>>),
}

/// Where parts go: one implementation per provider.
pub trait PartSink: Sync {
    /// Sends one part; `body` yields exactly `part.len` bytes. Returns once the
    /// server has acknowledged (and, where it can, verified) the part.
    fn send_part(&self, part: &Part, body: PartBody, total: u64) -> Result<()>;

    /// Asks the server what it holds. Called before a retry, so a resumed
    /// upload trusts the server, never a local record.
    fn committed(&self) -> Result<Committed>;

    /// Whether parts must arrive in file order (then one is in flight at a time).
    fn ordered(&self) -> bool;
}

/// How the engine splits and sends a file.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    pub part_size: u64,
    /// Parts in flight at once (forced to 1 for ordered sinks).
    pub concurrency: usize,
    /// Back-off between failed attempts, and how many consecutive failures
    /// without the server gaining bytes are tolerated.
    pub retry: RetryPolicy,
}

/// Uploads the bytes of `source` the server does not hold yet (`start`).
pub fn run(
    source: &FileSource,
    sink: &dyn PartSink,
    options: &EngineOptions,
    start: Committed,
    control: &mut UploadControl<'_>,
) -> Result<()> {
    if options.part_size == 0 {
        return Err(Error::invalid_input("part size must be at least 1 byte"));
    }
    let concurrency = if sink.ordered() {
        1
    } else {
        options.concurrency.max(1)
    };
    let total = source.size();
    let mut state = State::new(total, options.part_size, &start);
    let began = Instant::now();
    let abort = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel::<Finished>();

    std::thread::scope(|scope| {
        let mut in_flight: Vec<InFlight> = Vec::new();
        let mut failures = 0u32;
        let mut pending: Option<PendingRetry> = None;
        let mut last_report: Option<Instant> = None;
        let mut reported = state.done;
        let mut outcome: Result<()> = Ok(());

        loop {
            // A failed part waits out its back-off, then (for ordered sinks,
            // once nothing else is in flight) the server says where to resume.
            if outcome.is_ok() {
                if let Some(retry) = pending.take() {
                    let ready =
                        Instant::now() >= retry.at && (!sink.ordered() || in_flight.is_empty());
                    if !ready {
                        pending = Some(retry);
                    } else if let Err(e) = requeue(&mut state, sink, &mut failures, retry.part) {
                        outcome = Err(e);
                        abort.store(true, Ordering::SeqCst);
                    }
                }
            }
            // Hand out parts while there is room and no back-off pending.
            if pending.is_none() && outcome.is_ok() {
                while in_flight.len() < concurrency {
                    let Some(part) = state.queue.pop_front() else {
                        break;
                    };
                    let sent = Arc::new(AtomicU64::new(0));
                    let body = match source.part_body(
                        part.offset,
                        part.len,
                        sent.clone(),
                        abort.clone(),
                    ) {
                        Ok(b) => b,
                        Err(e) => {
                            outcome = Err(e);
                            abort.store(true, Ordering::SeqCst);
                            break;
                        }
                    };
                    let id = state.next_id();
                    let tx = tx.clone();
                    let p = part.clone();
                    scope.spawn(move || {
                        let result = sink.send_part(&p, body, total);
                        let _ = tx.send(Finished { id, result });
                    });
                    in_flight.push(InFlight { id, part, sent });
                }
            }
            let finished = in_flight.is_empty() && state.queue.is_empty() && pending.is_none();
            if in_flight.is_empty() && (outcome.is_err() || finished) {
                if outcome.is_ok() {
                    // The last report always says "all of it".
                    let p = Progress {
                        bytes_done: total,
                        bytes_total: total,
                        bytes_sent: state.sent_total,
                        elapsed: began.elapsed(),
                    };
                    if !control.report(&p) {
                        outcome = Err(Error::cancelled());
                    }
                }
                break;
            }

            let wait = control
                .interval
                .clamp(Duration::from_millis(5), Duration::from_millis(50));
            match rx.recv_timeout(wait) {
                Ok(Finished { id, result }) => {
                    let pos = in_flight
                        .iter()
                        .position(|f| f.id == id)
                        .expect("a part we started");
                    let done = in_flight.swap_remove(pos);
                    state.sent_total += done.sent.load(Ordering::Relaxed);
                    match result {
                        Ok(()) => {
                            state.done += done.part.len;
                            failures = 0;
                        }
                        // Failures after an abort are the abort's echo.
                        Err(_) if abort.load(Ordering::SeqCst) => {}
                        Err(err) => match schedule_retry(options, &mut failures, &err) {
                            Some(at) => {
                                log::info!("part at {} failed ({err}); retrying", done.part.offset);
                                pending = Some(PendingRetry {
                                    at,
                                    part: done.part,
                                });
                            }
                            None => {
                                outcome = Err(err);
                                abort.store(true, Ordering::SeqCst);
                            }
                        },
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    unreachable!("the engine holds a sender")
                }
            }

            if outcome.is_ok() && control.is_cancelled() {
                outcome = Err(Error::cancelled());
                abort.store(true, Ordering::SeqCst);
            }
            // Progress: acknowledged bytes plus what is on the wire now, never
            // less than what was already reported.
            let live: u64 = in_flight
                .iter()
                .map(|f| f.sent.load(Ordering::Relaxed))
                .sum();
            let due = last_report.is_none_or(|t| t.elapsed() >= control.interval);
            if outcome.is_ok() && due {
                let p = Progress {
                    bytes_done: (state.done + live).min(total).max(reported),
                    bytes_total: total,
                    bytes_sent: state.sent_total + live,
                    elapsed: began.elapsed(),
                };
                reported = p.bytes_done;
                last_report = Some(Instant::now());
                if !control.report(&p) {
                    outcome = Err(Error::cancelled());
                    abort.store(true, Ordering::SeqCst);
                }
            }
        }
        outcome
    })?;
    source.check_unchanged()
}

/// When a failed part may be tried again, or `None` when the upload must fail.
fn schedule_retry(options: &EngineOptions, failures: &mut u32, err: &Error) -> Option<Instant> {
    if !options.retry.should_retry(err, *failures) {
        return None;
    }
    let wait = options.retry.backoff(*failures, Some(err));
    *failures += 1;
    Some(Instant::now() + wait)
}

/// Puts the bytes the server is missing back in the queue.
fn requeue(state: &mut State, sink: &dyn PartSink, failures: &mut u32, part: Part) -> Result<()> {
    if !sink.ordered() {
        state.queue.push_front(part);
        return Ok(());
    }
    // The server's offset is the truth: it may hold part of the failed range.
    match sink.committed()? {
        Committed::Prefix(held) => {
            if held > state.done {
                *failures = 0; // the server gained bytes: progress, not a stall
            }
            state.replan_from(held)
        }
        Committed::Ranges(_) => Err(Error::internal("an ordered sink reported ranges")),
    }
}

struct PendingRetry {
    at: Instant,
    part: Part,
}

struct Finished {
    id: u64,
    result: Result<()>,
}

struct InFlight {
    id: u64,
    part: Part,
    sent: Arc<AtomicU64>,
}

struct State {
    total: u64,
    part_size: u64,
    queue: VecDeque<Part>,
    /// Bytes the server acknowledged.
    done: u64,
    sent_total: u64,
    ids: u64,
}

impl State {
    fn new(total: u64, part_size: u64, start: &Committed) -> Self {
        let mut s = State {
            total,
            part_size,
            queue: VecDeque::new(),
            done: 0,
            sent_total: 0,
            ids: 0,
        };
        let missing = missing_ranges(total, start);
        s.done = total - missing.iter().map(|r| r.end - r.start).sum::<u64>();
        s.queue = split(&missing, part_size);
        s
    }

    fn replan_from(&mut self, held: u64) -> Result<()> {
        if held > self.total {
            return Err(Error::new(
                ErrorKind::Integrity,
                format!(
                    "the server holds {held} bytes of a {}-byte file",
                    self.total
                ),
            ));
        }
        self.done = held;
        self.queue = split(std::slice::from_ref(&(held..self.total)), self.part_size);
        Ok(())
    }

    fn next_id(&mut self) -> u64 {
        self.ids += 1;
        self.ids
    }
}

/// The byte ranges of `0..total` the server does not hold, in file order.
fn missing_ranges(total: u64, committed: &Committed) -> Vec<Range<u64>> {
    match committed {
        Committed::Prefix(held) => {
            let held = (*held).min(total);
            let mut missing = Vec::new();
            if held < total {
                missing.push(held..total);
            }
            missing
        }
        Committed::Ranges(ranges) => {
            let mut held: Vec<Range<u64>> = ranges
                .iter()
                .filter(|r| r.start < r.end)
                .map(|r| r.start.min(total)..r.end.min(total))
                .collect();
            held.sort_by_key(|r| r.start);
            let mut missing = Vec::new();
            let mut at = 0;
            for r in held {
                if r.start > at {
                    missing.push(at..r.start);
                }
                at = at.max(r.end);
            }
            if at < total {
                missing.push(at..total);
            }
            missing
        }
    }
}

fn split(ranges: &[Range<u64>], part_size: u64) -> VecDeque<Part> {
    let mut parts = VecDeque::new();
    for r in ranges {
        let mut offset = r.start;
        while offset < r.end {
            let len = part_size.min(r.end - offset);
            parts.push_back(Part { offset, len });
            offset += len;
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Seek, SeekFrom, Write};
    use std::sync::Mutex;

    /// A receiving end that stores parts at their offsets in a local file, as
    /// a ranged-upload server does, failing chosen attempts. It stands in for
    /// the provider (the engine is what is under test), and lets the engine's
    /// unordered, parallel mode be checked before a provider uses it.
    struct RangeStore {
        out: Mutex<std::fs::File>,
        held: Mutex<Vec<Range<u64>>>,
        attempts: Mutex<Vec<u64>>,
        fail_first_attempt_at: Vec<u64>,
        in_flight: AtomicU64,
        max_in_flight: AtomicU64,
    }

    impl PartSink for RangeStore {
        fn send_part(&self, part: &Part, mut body: PartBody, _total: u64) -> Result<()> {
            let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            self.max_in_flight.fetch_max(now, Ordering::SeqCst);
            let mut bytes = Vec::new();
            body.read_to_end(&mut bytes).unwrap();
            std::thread::sleep(Duration::from_millis(5));
            self.in_flight.fetch_sub(1, Ordering::SeqCst);
            let first_try = {
                let mut a = self.attempts.lock().unwrap();
                let first = !a.contains(&part.offset);
                a.push(part.offset);
                first
            };
            if first_try && self.fail_first_attempt_at.contains(&part.offset) {
                return Err(Error::new(ErrorKind::Network, "connection reset"));
            }
            assert_eq!(bytes.len() as u64, part.len);
            let mut out = self.out.lock().unwrap();
            out.seek(SeekFrom::Start(part.offset)).unwrap();
            out.write_all(&bytes).unwrap();
            self.held
                .lock()
                .unwrap()
                .push(part.offset..part.offset + part.len);
            Ok(())
        }

        fn committed(&self) -> Result<Committed> {
            Ok(Committed::Ranges(self.held.lock().unwrap().clone()))
        }

        fn ordered(&self) -> bool {
            false
        }
    }

    #[test]
    fn parallel_unordered_parts_with_a_retry_rebuild_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src.bin");
        let data: Vec<u8> = (0..1_000_003u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        std::fs::write(&src, &data).unwrap();
        let dst = dir.path().join("dst.bin");
        let store = RangeStore {
            out: Mutex::new(std::fs::File::create(&dst).unwrap()),
            held: Mutex::new(Vec::new()),
            attempts: Mutex::new(Vec::new()),
            fail_first_attempt_at: vec![300_000, 900_000],
            in_flight: AtomicU64::new(0),
            max_in_flight: AtomicU64::new(0),
        };
        let options = EngineOptions {
            part_size: 100_000,
            concurrency: 4,
            retry: RetryPolicy {
                max_retries: 3,
                initial_backoff: Duration::from_millis(1),
                max_backoff: Duration::from_millis(5),
                multiplier: 2.0,
            },
        };
        let source = FileSource::open(&src).unwrap();
        let caller = std::thread::current().id();
        let mut seen = Vec::new();
        let mut control = UploadControl::new()
            .progress_interval(Duration::ZERO)
            .on_progress(|p| {
                assert_eq!(std::thread::current().id(), caller);
                seen.push(p.bytes_done);
                std::ops::ControlFlow::Continue(())
            });
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
            attempts: Mutex::new(Vec::new()),
            fail_first_attempt_at: vec![],
            in_flight: AtomicU64::new(0),
            max_in_flight: AtomicU64::new(0),
        };
        let options = EngineOptions {
            part_size: 8,
            concurrency: 2,
            retry: RetryPolicy::none(),
        };
        let source = FileSource::open(&src).unwrap();
        let start = store.committed().unwrap();
        run(&source, &store, &options, start, &mut UploadControl::new()).unwrap();
        let mut offsets = store.attempts.lock().unwrap().clone();
        offsets.sort();
        assert_eq!(offsets, vec![20, 28, 40, 48]);
        let out = std::fs::read(&dst).unwrap();
        assert_eq!(&out[20..30], &[7u8; 10]);
        assert_eq!(&out[0..20], &[0u8; 20], "held ranges are not re-sent");
    }

    #[test]
    fn missing_ranges_of_a_prefix_and_of_holes() {
        assert_eq!(missing_ranges(10, &Committed::Prefix(4)), vec![4..10]);
        assert_eq!(missing_ranges(10, &Committed::Prefix(12)), vec![]);
        assert_eq!(
            missing_ranges(10, &Committed::Ranges(vec![6..8, 0..2, 1..3])),
            vec![3..6, 8..10]
        );
    }

    #[test]
    fn split_covers_every_byte_once() {
        let parts = split(&[3..10, 12..13], 3);
        let v: Vec<(u64, u64)> = parts.iter().map(|p| (p.offset, p.len)).collect();
        assert_eq!(v, vec![(3, 3), (6, 3), (9, 1), (12, 1)]);
        assert_eq!(parts[0].last_byte(), 5);
    }
}
