//! One upload session: the whole lifecycle every uploading provider shares,
//! written once. A provider supplies a [`RemoteUpload`] — create or locate
//! the remote object, its part sink, complete it, its digest — as OpenDAL's
//! multipart writer asks of a storage service; the session does the rest:
//!
//! validate → checkpoint `open_if` → resume lookup → create → engine →
//! verify MD5 → finish the checkpoint, with the resume handle attached to
//! the caller's hooks and to every error that can be resumed.

use std::path::Path;
use std::sync::Mutex;

use serde_json::Value;

use super::checkpoint::{AckedRange, Checkpoint, Lookup, Record};
use super::control::UploadHooks;
use super::digest::FileMd5;
use super::engine::{run, EngineOptions};
use super::plan::{Committed, Part};
use super::sink::{PartAck, PartSink};
use super::source::{PartBody, Source};
use super::tally::PartReceipt;
use crate::error::{Error, ErrorKind, Result};

/// What a provider supplies to be uploaded to. Nothing here is lifecycle:
/// each method is one question to the provider.
pub trait RemoteUpload: Sync {
    /// One remote object being uploaded: its id and where its parts go.
    type Object: Sync;

    /// The provider's name, as checkpoints record it.
    fn provider(&self) -> &'static str;

    /// Creates the remote object of a fresh upload of `source`.
    fn create(&self, source: &Source) -> Result<Self::Object>;

    /// Finds the object a resume handle names and what its server holds.
    /// `checkpoint` is this file's checkpoint record, when the upload has
    /// one (its ranges were checked against the file). A
    /// [`NotLocated::Failed`] error that is retryable is an outage: the
    /// session reports it rather than start afresh.
    fn locate(
        &self,
        handle: &Value,
        checkpoint: Option<&Record>,
        source: &Source,
    ) -> std::result::Result<Located<Self::Object>, NotLocated>;

    /// The resume handle of `object` (never a secret), with the ranges
    /// acknowledged so far for a provider that has no query for them.
    fn handle(&self, object: &Self::Object, acked: &[AckedRange]) -> Value;

    /// How the engine sends the bytes the server does not hold (`held`).
    fn engine(&self, source: &Source, held: &Committed) -> Result<EngineOptions>;

    /// The sink parts of `object` go to, from `held` on.
    fn sink<'a>(
        &'a self,
        object: &'a Self::Object,
        source: &Source,
        held: &Committed,
    ) -> Result<Box<dyn PartSink + 'a>>;

    /// Completes the upload once the server holds every byte (iQiyi's meta
    /// and `uploadfinish`); by default nothing is left to do.
    fn complete(&self, object: &Self::Object) -> Result<()> {
        let _ = object;
        Ok(())
    }

    /// The MD5 (hex) the provider reports for the completed object, or
    /// `None` if it reports none.
    fn remote_md5(&self, object: &Self::Object) -> Result<Option<String>> {
        let _ = object;
        Ok(None)
    }

    /// Names `object` in an error (detail, message) so the caller can find
    /// it again; the session attaches the resume handle itself.
    fn describe(&self, err: Error, object: &Self::Object) -> Error;

    /// The caller cancelled: stop the upload at the provider too, where it
    /// can be. A cancelled upload's checkpoint goes; without a stop here it
    /// stays resumable from the error's handle.
    fn abandon(&self, object: &Self::Object) -> bool {
        let _ = object;
        false
    }
}

/// Where an upload being resumed stands.
pub struct Located<O> {
    pub object: O,
    /// What the server holds.
    pub held: Committed,
    /// The acknowledged ranges to record (and, for a provider with no query
    /// for them, to skip).
    pub ranges: Vec<AckedRange>,
}

/// How the session was asked to begin.
pub enum Start<'a> {
    /// A new upload, or the continuation of this file's checkpoint.
    Fresh,
    /// The continuation named by a resume handle.
    Resume(&'a Value),
}

/// What a session delivers.
#[derive(Debug)]
pub struct Finished<O> {
    pub object: O,
    /// The file size.
    pub bytes: u64,
    /// What the server held when this call started.
    pub resumed: Committed,
    /// The file's MD5 (lowercase hex), checked against the provider's where
    /// it reports one; `None` with `verify_md5: false`.
    pub file_md5: Option<String>,
}

/// Why [`RemoteUpload::locate`] found no upload to continue.
#[derive(Debug)]
pub enum NotLocated {
    /// The upload exists but can never complete (Baijiayun: the server
    /// holds every byte and still calls it unfinished): a checkpoint of it
    /// goes and the error is the answer, so the caller decides.
    Stranded(Error),
    /// Any other failure: for a checkpoint's upload, the file is uploaded
    /// afresh unless the error is retryable (an outage).
    Failed(Error),
}

impl NotLocated {
    pub fn into_error(self) -> Error {
        match self {
            NotLocated::Stranded(e) | NotLocated::Failed(e) => e,
        }
    }
}

/// `?` on a plain error in `locate` is a [`NotLocated::Failed`].
impl From<Error> for NotLocated {
    fn from(e: Error) -> Self {
        NotLocated::Failed(e)
    }
}

/// One upload from start to the checked result.
pub struct Session<'r, R: RemoteUpload> {
    pub remote: &'r R,
    pub checkpoint_dir: Option<&'r Path>,
    pub verify_md5: bool,
}

impl<R: RemoteUpload> Session<'_, R> {
    /// Runs the lifecycle for `source`; the caller has checked its options.
    pub fn run(
        &self,
        source: &Source,
        start: Start<'_>,
        hooks: &mut UploadHooks<'_>,
    ) -> Result<Finished<R::Object>> {
        if hooks.is_cancelled() {
            return Err(Error::cancelled());
        }
        let remote = self.remote;
        let (checkpoint, lookup) =
            Checkpoint::open_if(self.checkpoint_dir, remote.provider(), source)?;
        let record = match lookup {
            Lookup::Resume(record) => Some(record),
            Lookup::Fresh => None,
        };
        let (located, created_at) = match (start, &record) {
            (Start::Resume(handle), _) => {
                let located = remote
                    .locate(handle, record.as_deref(), source)
                    .map_err(NotLocated::into_error)?;
                let created_at = record
                    .as_deref()
                    .filter(|r| same_object(&r.resume, handle))
                    .map(|r| r.created_at);
                (located, created_at)
            }
            (Start::Fresh, Some(r)) => match remote.locate(&r.resume, Some(r), source) {
                Ok(located) => (located, Some(r.created_at)),
                // An outage is no verdict on the upload: try again later.
                Err(NotLocated::Failed(e)) if e.is_retryable() => return Err(e),
                Err(NotLocated::Stranded(e)) => {
                    if let Some(cp) = &checkpoint {
                        cp.finished();
                    }
                    return Err(e);
                }
                Err(NotLocated::Failed(e)) => {
                    log::warn!(
                        "checkpoint {}: the upload it records cannot be resumed ({e}); \
                         uploading afresh",
                        r.key
                    );
                    (self.created(source)?, None)
                }
            },
            (Start::Fresh, None) => (self.created(source)?, None),
        };
        self.send(source, located, created_at, checkpoint.as_ref(), hooks)
    }

    fn created(&self, source: &Source) -> Result<Located<R::Object>> {
        Ok(Located {
            object: self.remote.create(source)?,
            held: Committed::Prefix(0),
            ranges: Vec::new(),
        })
    }

    /// Sends what the server lacks, completes, verifies and concludes.
    fn send(
        &self,
        source: &Source,
        located: Located<R::Object>,
        created_at: Option<u64>,
        checkpoint: Option<&Checkpoint>,
        hooks: &mut UploadHooks<'_>,
    ) -> Result<Finished<R::Object>> {
        let remote = self.remote;
        let Located {
            object,
            held,
            ranges,
        } = located;
        let fail = |err: Error, acked: &[AckedRange]| {
            remote
                .describe(err, &object)
                .with_resume(remote.handle(&object, acked))
        };
        held.check_within(source.size())
            .map_err(|e| fail(e, &ranges))?;
        hooks.set_resume(remote.handle(&object, &[]));
        if let Some(cp) = checkpoint {
            cp.start(remote.handle(&object, &[]), ranges.clone(), created_at)
                .map_err(|e| fail(e, &ranges))?;
        }
        let mut engine = remote.engine(source, &held).map_err(|e| fail(e, &ranges))?;
        let whole = held == Committed::Prefix(0) && engine.part_size >= source.size();
        let digest = self.verify_md5.then(|| FileMd5::start(source, whole));
        engine.hash_parts |= checkpoint.is_some() || (digest.is_some() && whole);
        let inner = remote
            .sink(&object, source, &held)
            .map_err(|e| fail(e, &ranges))?;
        let recorder = Recorder {
            inner: inner.as_ref(),
            remote,
            object: &object,
            acked: Mutex::new(ranges),
            checkpoint,
            digest: digest.as_ref(),
        };
        let sent = run(source, &recorder, &engine, held.clone(), hooks);
        let acked = recorder.acked();
        drop(recorder);
        drop(inner);
        if let Err(err) = sent {
            if err.kind() == ErrorKind::Cancelled && remote.abandon(&object) {
                if let Some(cp) = checkpoint {
                    cp.finished();
                }
                return Err(remote.describe(err, &object));
            }
            return Err(fail(err, &acked));
        }
        // The server holds the whole file; the checkpoint stays until the
        // caller has the result: until then it is the only record of the
        // object (a process killed while the MD5 finishes would otherwise
        // leave a finished object nobody knows, and the next upload of the
        // file would make a second one).
        let verdict = self.verified(digest.as_ref(), &object);
        if let Some(cp) = checkpoint {
            match &verdict {
                Ok(_) => cp.finished(),
                // A mismatch ends the upload too (the error names the object).
                Err(e) if e.kind() == ErrorKind::Integrity => cp.finished(),
                // A check that could not be made: the next call makes it.
                Err(_) => {}
            }
        }
        let file_md5 = verdict.map_err(|e| remote.describe(e, &object))?;
        Ok(Finished {
            object,
            bytes: source.size(),
            resumed: held,
            file_md5,
        })
    }

    /// The file's MD5, compared with the provider's where it reports one:
    /// a difference is an `Integrity` error naming both.
    fn verified(&self, digest: Option<&FileMd5>, object: &R::Object) -> Result<Option<String>> {
        let Some(digest) = digest else {
            return Ok(None);
        };
        let local = digest.finish()?;
        let remote = self.remote.remote_md5(object).map_err(|e| {
            Error::new(
                e.kind(),
                format!(
                    "the upload completed, but its MD5 could not be checked: {}",
                    e.message()
                ),
            )
        })?;
        match remote.as_deref().map(str::trim) {
            None | Some("") => {}
            Some(remote) if remote.eq_ignore_ascii_case(&local) => {}
            Some(remote) => {
                return Err(Error::new(
                    ErrorKind::Integrity,
                    format!(
                        "the provider holds MD5 {remote}, but the file uploaded has MD5 {local}"
                    ),
                ))
            }
        }
        Ok(Some(local))
    }
}

/// Whether two resume handles name the same object (their fields other
/// than the ranges agree).
fn same_object(a: &Value, b: &Value) -> bool {
    let strip = |v: &Value| {
        let mut v = v.clone();
        if let Some(o) = v.as_object_mut() {
            o.remove("ranges");
        }
        v
    };
    strip(a) == strip(b)
}

/// The provider's sink, with the session's bookkeeping of every
/// acknowledged part: the ranges a resume handle carries, the checkpoint,
/// the file's MD5 from a whole-file part.
struct Recorder<'a, R: RemoteUpload> {
    inner: &'a dyn PartSink,
    remote: &'a R,
    object: &'a R::Object,
    acked: Mutex<Vec<AckedRange>>,
    checkpoint: Option<&'a Checkpoint>,
    digest: Option<&'a FileMd5>,
}

impl<R: RemoteUpload> Recorder<'_, R> {
    fn acked(&self) -> Vec<AckedRange> {
        let mut acked = self.acked.lock().unwrap_or_else(|e| e.into_inner()).clone();
        acked.sort_by_key(|r| r.offset);
        acked
    }
}

impl<R: RemoteUpload> PartSink for Recorder<'_, R> {
    fn begin(&self) -> Result<()> {
        self.inner.begin()
    }

    fn send_part(&self, part: &Part, body: PartBody, total: u64) -> Result<PartAck> {
        self.inner.send_part(part, body, total)
    }

    fn committed(&self) -> Result<Committed> {
        self.inner.committed()
    }

    fn reports_md5(&self) -> bool {
        self.inner.reports_md5()
    }

    fn ordered(&self) -> bool {
        self.inner.ordered()
    }

    fn finish(&self) -> Result<()> {
        self.inner.finish()?;
        self.remote.complete(self.object)
    }

    fn acknowledged(&self, part: &Part, receipt: &PartReceipt) {
        if let Some(md5) = &receipt.md5 {
            self.acked
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(AckedRange {
                    offset: part.offset,
                    len: part.len,
                    md5: md5.clone(),
                });
        }
        if let Some(cp) = self.checkpoint {
            cp.acknowledged(part, receipt);
        }
        if let Some(d) = self.digest {
            d.acknowledged(part, receipt);
        }
        self.inner.acknowledged(part, receipt);
    }
}
