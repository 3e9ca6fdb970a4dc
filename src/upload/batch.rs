//! Batch uploads: many sources, `jobs` of them at once, each through the one
//! upload lifecycle ([`crate::Client::upload`]), sharing one
//! [`UploadControl`] (one rate cap on their total, one pause, one cancel).
//!
//! Progress and the per-file "finished" calls come **on the calling
//! thread** (as for one upload: Python and PHP cannot take calls from other
//! threads): the files run on worker threads, which only send their reports
//! to the caller's thread.
//!
//! With a `checkpoint_dir` in the options, a manifest beside the checkpoints
//! ([`super::batch_manifest`]) records each finished file, so the same call
//! after a crash or Ctrl-C skips the finished files (answering their
//! recorded results) and continues the others from their checkpoints.

use std::ops::ControlFlow;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use serde_json::Value;

use super::batch_manifest::Manifest;
use super::checkpoint::Identity;
use super::control::{Progress, ProgressFlow, UploadControl, UploadHooks};
use super::source::{IntoSource, Origin, Source};
use crate::api::Client;
use crate::error::{Error, Result};

/// The most files a batch runs at once.
pub const MAX_JOBS: usize = 64;

/// A snapshot of a batch in progress, reported for one file's progress.
#[derive(Debug, Clone, Copy)]
pub struct BatchProgress<'a> {
    /// The file this report is about (its index in the sources given).
    pub index: usize,
    /// That file's progress.
    pub file: &'a Progress,
    /// Bytes of all files the servers hold or are receiving now (finished
    /// and skipped files count whole).
    pub bytes_done: u64,
    /// The size of all files.
    pub bytes_total: u64,
    /// Files finished, skipped or failed so far.
    pub files_done: usize,
    pub files_total: usize,
}

/// What became of one file of a batch.
#[derive(Debug)]
pub struct BatchItem {
    /// Its index in the sources given.
    pub index: usize,
    /// The path it was opened by, or the source's name.
    pub name: String,
    /// Its size.
    pub bytes: u64,
    /// `true` when an earlier run of the batch finished it (the manifest's
    /// record): nothing was sent, `outcome` is the recorded result.
    pub skipped: bool,
    /// The provider's upload answer (as [`Client::upload`]'s), or the error,
    /// with its resume handle ([`Error::resume`]) when it can be continued.
    pub outcome: Result<Value>,
}

type ProgressCallback<'a> = Box<dyn FnMut(&BatchProgress<'_>) -> ProgressFlow + 'a>;
type FinishedCallback<'a> = Box<dyn FnMut(&BatchItem) + 'a>;

/// How the caller watches and steers a batch.
#[derive(Default)]
pub struct BatchHooks<'a> {
    progress: Option<ProgressCallback<'a>>,
    finished: Option<FinishedCallback<'a>>,
    control: Option<UploadControl>,
}

impl<'a> BatchHooks<'a> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Called with each file's progress (about ten times a second per
    /// running file) on the calling thread; `Break` stops the whole batch
    /// (the files running fail with `Cancelled`, the others do not start).
    pub fn on_progress(mut self, f: impl FnMut(&BatchProgress<'_>) -> ProgressFlow + 'a) -> Self {
        self.progress = Some(Box::new(f));
        self
    }

    /// Called once per file as it ends (uploaded, skipped or failed), on the
    /// calling thread.
    pub fn on_file_finished(mut self, f: impl FnMut(&BatchItem) + 'a) -> Self {
        self.finished = Some(Box::new(f));
        self
    }

    /// One control for every file: cancel, pause and the rate cap (on the
    /// total of all files).
    pub fn control(mut self, token: UploadControl) -> Self {
        self.control = Some(token);
        self
    }
}

impl std::fmt::Debug for BatchHooks<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BatchHooks")
            .field("progress", &self.progress.is_some())
            .field("finished", &self.finished.is_some())
            .field("control", &self.control)
            .finish()
    }
}

/// What a worker tells the calling thread.
enum Event {
    Progress(usize, Progress),
    Done(usize, Result<Value>),
}

/// One file of the batch as the calling thread tracks it.
struct Entry {
    source: Source,
    identity: Option<Identity>,
    name: String,
    done_bytes: u64,
}

impl Client {
    /// Uploads every source as a new video, `jobs` files at once (1 to
    /// [`MAX_JOBS`]), each as [`Client::upload`] does with `options`. Every
    /// source is opened and checked before anything is sent: a missing file
    /// is an `InvalidInput` error of the whole call. After that a file's
    /// failure is that file's [`BatchItem::outcome`]; the others go on.
    ///
    /// With a `checkpoint_dir` in `options`, the finished files are recorded
    /// beside the checkpoints, and the same call again skips them and
    /// continues the unfinished ones. Answers one item per source, in the
    /// order given.
    pub fn upload_many<S: IntoSource>(
        &self,
        sources: impl IntoIterator<Item = S>,
        options: &Value,
        jobs: usize,
        hooks: BatchHooks<'_>,
    ) -> Result<Vec<BatchItem>> {
        if jobs == 0 || jobs > MAX_JOBS {
            return Err(Error::invalid_input(format!(
                "jobs must be 1 to {MAX_JOBS}, not {jobs}"
            )));
        }
        let checkpoint_dir = match options.get("checkpoint_dir") {
            None | Some(Value::Null) => None,
            Some(Value::String(dir)) if !dir.is_empty() => Some(Path::new(dir).to_owned()),
            Some(other) => {
                return Err(Error::invalid_input(format!(
                    "checkpoint_dir must be a directory path, not {other}"
                )))
            }
        };
        let provider = self.provider();
        let mut entries = Vec::new();
        for source in sources {
            let source = source.into_source()?;
            // The identity only matters where a manifest remembers it.
            let identity = match checkpoint_dir {
                Some(_) => Some(Identity::of(&source)?),
                None => None,
            };
            let name = match source.origin() {
                Origin::Path(p) => p.display().to_string(),
                _ => source.file_name(),
            };
            entries.push(Entry {
                source,
                identity,
                name,
                done_bytes: 0,
            });
        }
        let mut manifest = Manifest::load(checkpoint_dir.as_deref());
        run_batch(self, provider, entries, &mut manifest, options, jobs, hooks)
    }
}

fn run_batch(
    client: &Client,
    provider: &str,
    mut entries: Vec<Entry>,
    manifest: &mut Manifest,
    options: &Value,
    jobs: usize,
    mut hooks: BatchHooks<'_>,
) -> Result<Vec<BatchItem>> {
    let files_total = entries.len();
    let bytes_total: u64 = entries.iter().map(|e| e.source.size()).sum();
    let mut items: Vec<Option<BatchItem>> = (0..files_total).map(|_| None).collect();
    let mut files_done = 0;
    let mut pending = Vec::new();
    for (index, entry) in entries.iter_mut().enumerate() {
        let recorded = entry
            .identity
            .as_ref()
            .and_then(|id| manifest.finished(provider, id));
        match recorded {
            Some(result) => {
                entry.done_bytes = entry.source.size();
                let item = BatchItem {
                    index,
                    name: entry.name.clone(),
                    bytes: entry.source.size(),
                    skipped: true,
                    outcome: Ok(result.clone()),
                };
                if let Some(f) = &mut hooks.finished {
                    f(&item);
                }
                items[index] = Some(item);
                files_done += 1;
            }
            None => pending.push(index),
        }
    }

    let sources: Vec<Source> = entries.iter().map(|e| e.source.clone()).collect();
    let token = hooks.control.clone().unwrap_or_default();
    let stop = AtomicBool::new(false);
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<Event>();
    let workers = jobs.min(pending.len());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (pending, next, stop, token, sources) = (&pending, &next, &stop, &token, &sources);
            scope.spawn(move || {
                // Each worker takes the next file not yet taken.
                while let Some(&index) = pending.get(next.fetch_add(1, Ordering::SeqCst)) {
                    if stop.load(Ordering::SeqCst) || token.is_cancelled() {
                        let _ = tx.send(Event::Done(index, Err(Error::cancelled())));
                        continue;
                    }
                    let progress_tx = tx.clone();
                    let file_hooks =
                        UploadHooks::new()
                            .control(token.clone())
                            .on_progress(move |p| {
                                let _ = progress_tx.send(Event::Progress(index, p.clone()));
                                if stop.load(Ordering::SeqCst) {
                                    ControlFlow::Break(())
                                } else {
                                    ControlFlow::Continue(())
                                }
                            });
                    let result = client.upload(sources[index].clone(), options, file_hooks);
                    let _ = tx.send(Event::Done(index, result));
                }
            });
        }
        drop(tx);
        // The calling thread: every report and every manifest write.
        for event in rx {
            match event {
                Event::Progress(index, p) => {
                    entries[index].done_bytes = p.bytes_done;
                    let Some(f) = &mut hooks.progress else {
                        continue;
                    };
                    let report = BatchProgress {
                        index,
                        file: &p,
                        bytes_done: entries.iter().map(|e| e.done_bytes).sum(),
                        bytes_total,
                        files_done,
                        files_total,
                    };
                    if f(&report).is_break() {
                        stop.store(true, Ordering::SeqCst);
                    }
                }
                Event::Done(index, mut outcome) => {
                    let entry = &mut entries[index];
                    if let (Ok(result), Some(identity)) = (&outcome, &entry.identity) {
                        entry.done_bytes = entry.source.size();
                        if let Err(e) = manifest.record(provider, identity, result) {
                            // Uploaded, but a rerun would not know: say so
                            // in this file's outcome rather than lose it.
                            log::warn!("batch manifest: {e}");
                            outcome = Err(Error::new(
                                e.kind(),
                                format!(
                                    "{} was uploaded ({result}) but the batch manifest could not record it: {}",
                                    entry.name,
                                    e.message()
                                ),
                            )
                            .with_detail(result.to_string()));
                        }
                    }
                    files_done += 1;
                    let item = BatchItem {
                        index,
                        name: entry.name.clone(),
                        bytes: entry.source.size(),
                        skipped: false,
                        outcome,
                    };
                    if let Some(f) = &mut hooks.finished {
                        f(&item);
                    }
                    items[index] = Some(item);
                }
            }
        }
    });
    Ok(items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            item.unwrap_or_else(|| BatchItem {
                index,
                name: entries[index].name.clone(),
                bytes: entries[index].source.size(),
                skipped: false,
                outcome: Err(Error::internal("the batch lost this file's result")),
            })
        })
        .collect())
}
