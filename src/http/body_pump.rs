//! An upload body read from a blocking [`Read`] on the caller's thread and
//! handed to the async transport in large chunks.
//!
//! Why: `reqwest::blocking` moves a streamed body 8 KiB at a time with a
//! thread hand-off per piece (a fraction of curl's throughput at many times
//! its CPU). Here the thread that sends a part reads its body (hashing it on
//! the way, and possibly blocking for a pause or a bandwidth cap) 1 MiB at a
//! time into a small bounded channel, while the runtime thread writes the
//! chunks to the socket: reading and hashing run beside the send, a blocking
//! read never runs inside an async task, and memory stays at a few chunks per
//! part in flight.

use std::io::{self, Read};
use std::sync::{Arc, Mutex};
use std::task::Poll;

use bytes::Bytes;
use tokio::sync::mpsc;

use super::stall::StallWatch;

/// Bytes per chunk: large socket writes (≥ 256 KiB keeps up with curl; 1 MiB
/// measured best), few hand-offs.
const CHUNK: usize = 1024 * 1024;

/// Chunks waiting in the channel. With the one being filled and the one the
/// transport is writing, memory per part is about four chunks.
const IN_CHANNEL: usize = 2;

/// Builds a request body of `len` bytes, the pump that fills it from
/// `reader`, and the handle that ends the body early; both ends report to
/// `watch` (see `stall`).
pub(crate) fn pumped_body<R: Read>(
    reader: R,
    len: u64,
    watch: Arc<StallWatch>,
) -> (reqwest::Body, BodyPump<R>, BodyCloser) {
    let (tx, rx) = mpsc::channel::<io::Result<Bytes>>(IN_CHANNEL);
    let rx = Arc::new(Mutex::new(rx));
    let closer = BodyCloser(rx.clone());
    let taker = watch.clone();
    let stream = futures_util::stream::poll_fn(move |cx| {
        let next = rx.lock().unwrap_or_else(|e| e.into_inner()).poll_recv(cx);
        match &next {
            Poll::Ready(Some(_)) => taker.taken(),
            Poll::Ready(None) => taker.body_done(),
            Poll::Pending => {}
        }
        next
    });
    let pump = BodyPump {
        reader,
        remaining: len,
        tx,
        pool: Arc::default(),
        watch,
    };
    (reqwest::Body::wrap_stream(stream), pump, closer)
}

/// Ends a pumped body once its request is over (answered, failed or
/// stalled), so the pump never waits on a connection that will not take
/// another chunk: the connection's own task may hold the body a while longer.
pub(crate) struct BodyCloser(Arc<Mutex<mpsc::Receiver<io::Result<Bytes>>>>);

impl BodyCloser {
    pub(crate) fn close(&self) {
        // Wakes a pump waiting for room: its send fails (`BodyDropped`).
        self.0.lock().unwrap_or_else(|e| e.into_inner()).close();
    }
}

/// Why a pump stopped before handing out every byte.
#[derive(Debug)]
pub(crate) enum PumpStop {
    /// The transport dropped the body (the request failed or was answered
    /// early): its own result says what happened.
    BodyDropped,
    /// Reading the source failed (an I/O error, an aborted upload, a file
    /// that became shorter); the request was aborted with this error.
    Read(io::Error),
}

/// Reads the body's source and feeds the request body; runs on the thread
/// that sends the part (never inside an async task: `read` may block).
pub(crate) struct BodyPump<R> {
    reader: R,
    remaining: u64,
    tx: mpsc::Sender<io::Result<Bytes>>,
    pool: Arc<ChunkPool>,
    watch: Arc<StallWatch>,
}

impl<R: Read> BodyPump<R> {
    /// Hands out every byte, then ends the body. Blocks while the channel is
    /// full, so the reader runs at the socket's pace.
    pub(crate) fn run(mut self) -> Result<(), PumpStop> {
        while self.remaining > 0 {
            let want = usize::try_from(self.remaining).map_or(CHUNK, |r| r.min(CHUNK));
            let mut buf = self.pool.take(want);
            if let Err(e) = fill(&mut self.reader, &mut buf) {
                // Aborts the request: the transport sees the body fail.
                let _ = self
                    .tx
                    .blocking_send(Err(io::Error::new(e.kind(), e.to_string())));
                return Err(PumpStop::Read(e));
            }
            self.remaining -= want as u64;
            let chunk = Bytes::from_owner(Pooled {
                buf,
                pool: self.pool.clone(),
            });
            self.watch.offering();
            if self.tx.blocking_send(Ok(chunk)).is_err() {
                return Err(PumpStop::BodyDropped);
            }
        }
        // Dropping the sender ends the body.
        Ok(())
    }
}

/// Fills `buf` whole from `reader`.
fn fill(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<()> {
    let mut at = 0;
    while at < buf.len() {
        match reader.read(&mut buf[at..]) {
            Ok(0) => {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the file became shorter during the upload",
                ))
            }
            Ok(n) => at += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Chunk buffers, reused while a part streams: no fresh megabyte (and its
/// page faults and zeroing) per chunk.
#[derive(Default)]
struct ChunkPool(Mutex<Vec<Vec<u8>>>);

impl ChunkPool {
    /// A buffer of exactly `len` bytes (contents unspecified: it is overwritten).
    fn take(&self, len: usize) -> Vec<u8> {
        let reused = self.0.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut buf = reused.unwrap_or_default();
        // Only the last, shorter chunk of a part shrinks a buffer; a new one
        // is zeroed once.
        buf.resize(len, 0);
        buf
    }
}

/// A chunk lent to the transport; its buffer returns to the pool once written.
struct Pooled {
    buf: Vec<u8>,
    pool: Arc<ChunkPool>,
}

impl AsRef<[u8]> for Pooled {
    fn as_ref(&self) -> &[u8] {
        &self.buf
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        let buf = std::mem::take(&mut self.buf);
        let mut free = self.pool.0.lock().unwrap_or_else(|e| e.into_inner());
        // The pump never has more than this many chunks out at once.
        if free.len() < IN_CHANNEL + 2 {
            free.push(buf);
        }
    }
}
