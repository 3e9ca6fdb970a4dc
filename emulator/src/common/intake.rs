//! Taking an upload's bytes in without holding up the server.
//!
//! A request handler pulls the file part off the socket and hands it, in
//! batches of about [`BATCH`] bytes, to a writer of its own on a blocking
//! thread ([`Intake`]); the writer stores them (file writes, per-part
//! hashing: whatever the provider's [`Store`] does) while the handler
//! reads on. So the async workers only move bytes, one upload never waits
//! for another's disk or hash, and the disk sees large writes.
//!
//! A handler's future can be dropped at any await (hyper drops it when the
//! client goes away mid-body). The writer then still stores what it was
//! handed and updates the upload's record itself, so what is stored and
//! what the record says always agree. A [`Gate`] lets whoever reads that
//! record (a resume offset, the next part) wait until such a writer is done,
//! and until the work that completes an upload whose body arrived whole is
//! done too ([`Gate::ending`]): that work must not hang on the client.

use std::collections::BTreeMap;
use std::io::{self, IoSlice, Write};
use std::sync::{Arc, Condvar, Mutex};

use bytes::Bytes;
use tokio::sync::mpsc;

use super::lock::lock;

/// Bytes handed to the writer at once, and so the size of a disk write.
pub(crate) const BATCH: usize = 1 << 20;

/// Batches queued for the writer: bounds an upload's memory (a few MiB)
/// while the disk or the hash is slower than the socket.
const QUEUED: usize = 4;

/// What an upload does with its bytes, on the writer's thread.
pub(crate) trait Store: Send + 'static {
    /// What the writer reports once every byte is stored.
    type Done: Send + 'static;

    /// Stores one batch (the bytes in order).
    fn put(&mut self, batch: &[Bytes]) -> io::Result<()>;

    /// Every byte is stored: the outcome.
    fn done(self) -> io::Result<Self::Done>;
}

/// One request's intake: the handler's end of its writer.
pub(crate) struct Intake<D> {
    tx: Option<mpsc::Sender<Vec<Bytes>>>,
    batch: Vec<Bytes>,
    batched: usize,
    worker: Option<tokio::task::JoinHandle<io::Result<D>>>,
    /// The gate and this writer's mark on it.
    gate: Option<(Arc<Gate>, u64)>,
}

impl<D: Send + 'static> Intake<D> {
    /// Starts a writer: `open` runs on the writer's thread (opening files is
    /// blocking work too) and makes the [`Store`]. `gate`, if given, is
    /// marked busy until the writer is done.
    pub(crate) fn start<S, F>(gate: Option<Arc<Gate>>, open: F) -> Intake<D>
    where
        S: Store<Done = D>,
        F: FnOnce() -> io::Result<S> + Send + 'static,
    {
        let (tx, mut rx) = mpsc::channel::<Vec<Bytes>>(QUEUED);
        let busy = gate.as_ref().map(|g| g.enter());
        let mark = busy.as_ref().map(|b| (b.0.clone(), b.1));
        let worker = tokio::task::spawn_blocking(move || {
            // Marks the gate idle however this ends, even on a panic.
            let _busy = busy;
            let mut store = open()?;
            while let Some(batch) = rx.blocking_recv() {
                store.put(&batch)?;
            }
            store.done()
        });
        Intake {
            tx: Some(tx),
            batch: Vec::new(),
            batched: 0,
            worker: Some(worker),
            gate: mark,
        }
    }

    /// Hands over the next bytes. An error is the writer's: it stopped.
    pub(crate) async fn push(&mut self, chunk: Bytes) -> io::Result<()> {
        self.batched += chunk.len();
        self.batch.push(chunk);
        if self.batched < BATCH {
            return Ok(());
        }
        self.send().await
    }

    async fn send(&mut self) -> io::Result<()> {
        let batch = std::mem::take(&mut self.batch);
        self.batched = 0;
        let Some(tx) = &self.tx else {
            return Err(io::Error::other("the writer stopped"));
        };
        if batch.is_empty() || tx.send(batch).await.is_ok() {
            return Ok(());
        }
        // The writer hung up: it failed; its error says why.
        self.tx = None;
        match self.finish_worker().await {
            Err(e) => Err(e),
            Ok(_) => Err(io::Error::other("the writer stopped early")),
        }
    }

    async fn finish_worker(&mut self) -> io::Result<D> {
        let worker = self
            .worker
            .take()
            .ok_or_else(|| io::Error::other("the writer already finished"))?;
        worker
            .await
            .map_err(|e| io::Error::other(format!("the writer failed: {e}")))?
    }

    /// Every byte is handed over: waits until they are stored.
    pub(crate) async fn finish(&mut self) -> io::Result<D> {
        self.send().await?;
        self.tx = None;
        if let Some((g, id)) = &self.gate {
            g.request_ended(*id);
        }
        self.finish_worker().await
    }
}

impl<D> Drop for Intake<D> {
    /// The request went away mid-body: what it pulled off the socket is
    /// still stored when the queue has room (else it counts as never
    /// arrived, which the record then says too).
    fn drop(&mut self) {
        if let Some(tx) = self.tx.take() {
            if !self.batch.is_empty() {
                let _ = tx.try_send(std::mem::take(&mut self.batch));
            }
            if let Some((g, id)) = &self.gate {
                g.request_ended(*id);
            }
        }
    }
}

/// Whether an upload has a writer at work, so that readers of its record
/// can wait for the bytes the writer still holds. One per upload, never
/// shared between uploads.
#[derive(Debug, Default)]
pub struct Gate {
    state: Mutex<GateState>,
    changed: Condvar,
}

#[derive(Debug, Default)]
struct GateState {
    next: u64,
    /// Running writers (more than one only when a client sends two requests
    /// for one upload at once), and whether each one's request has ended:
    /// then it only stores what it holds.
    writers: BTreeMap<u64, bool>,
}

impl Gate {
    fn enter(self: &Arc<Self>) -> Busy {
        let mut s = lock(&self.state);
        let id = s.next;
        s.next += 1;
        s.writers.insert(id, false);
        Busy(self.clone(), id)
    }

    /// Marks work that ends a request and changes the upload's record once
    /// its writer is done (completing the upload): until the mark is
    /// dropped, readers wait for it as for a writer whose request ended,
    /// so none sees the bytes stored but the record not yet updated.
    pub(crate) fn ending(self: &Arc<Self>) -> Busy {
        let busy = self.enter();
        self.request_ended(busy.1);
        busy
    }

    fn request_ended(&self, id: u64) {
        if let Some(ended) = lock(&self.state).writers.get_mut(&id) {
            *ended = true;
        }
        self.changed.notify_all();
    }

    /// Blocks until no writer whose request ended still holds bytes: then
    /// the record counts everything that arrived. A writer of a request
    /// still arriving is not waited for (its bytes are still coming).
    pub fn wait_settled(&self) {
        let mut s = lock(&self.state);
        while s.writers.values().any(|ended| *ended) {
            s = self.changed.wait(s).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// [`Gate::wait_settled`] from anywhere, an async worker included: there
    /// the wait (a few MiB to write, rarely needed) is declared blocking.
    pub fn settle(&self) {
        if !lock(&self.state).writers.values().any(|ended| *ended) {
            return;
        }
        match tokio::runtime::Handle::try_current().map(|h| h.runtime_flavor()) {
            Ok(tokio::runtime::RuntimeFlavor::MultiThread) => {
                tokio::task::block_in_place(|| self.wait_settled())
            }
            _ => self.wait_settled(),
        }
    }

    /// Blocks until no writer is at work at all (before a new request may
    /// write, so two never interleave).
    pub fn wait_idle(&self) {
        let mut s = lock(&self.state);
        while !s.writers.is_empty() {
            s = self.changed.wait(s).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// A running writer's mark on its gate; dropping it clears the mark.
pub(crate) struct Busy(Arc<Gate>, u64);

impl Drop for Busy {
    fn drop(&mut self) {
        lock(&self.0.state).writers.remove(&self.1);
        self.0.changed.notify_all();
    }
}

/// Writes `batch` at the file's position, in as few system calls as it takes.
pub(crate) fn write_batch(file: &mut std::fs::File, batch: &[Bytes]) -> io::Result<()> {
    let mut slices: Vec<IoSlice<'_>> = batch.iter().map(|b| IoSlice::new(b)).collect();
    let mut slices = &mut slices[..];
    IoSlice::advance_slices(&mut slices, 0);
    while !slices.is_empty() {
        match file.write_vectored(slices) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
