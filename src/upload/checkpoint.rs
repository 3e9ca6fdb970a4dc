//! Upload checkpoints: what an interrupted upload needs to continue after the
//! process that started it is gone (a crash, `kill -9`, a reboot).
//!
//! One JSON file per upload in the directory the application names with the
//! `checkpoint_dir` upload option, `<key>.json`, where the key names the
//! source's *location*: the canonical path for a file opened by path (so a
//! different file put at the same path finds the record and is refused, not
//! stitched onto the old bytes), or the content identity for other sources.
//! A record holds:
//!
//! - the format version and its own MD5 (a torn or edited file is noticed);
//! - the provider and its resume handle (video id / file id, and an upload
//!   URL only when it carries no token — never a key, token or signed URL:
//!   what is needed to ask the provider again, nothing that grants access);
//! - the source's identity: size, modification time, and the MD5 of its first
//!   and last MiB (and the canonical path, for a path);
//! - the ranges the server acknowledged, each with the MD5 of its bytes.
//!
//! It is written before the first byte is sent and after every acknowledged
//! part, atomically (a temporary file in the same directory, written,
//! fsynced, renamed over the old one, then the directory fsynced), with mode
//! 0600, and removed once the upload is complete.
//!
//! Identity for sources that are not paths: an open handle is keyed by size,
//! modification time and the first/last-MiB MD5; a buffer or an
//! application's reader has no modification time, so by size and the
//! first/last-MiB MD5. Two such sources with the same size, head and tail
//! share a key: the recorded range MD5s still tell them apart on resume.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::plan::Part;
use super::source::{Origin, Source};
use super::tally::PartReceipt;
use crate::error::{Error, ErrorKind, Result};
use crate::hex::hex;

/// The record format this library writes and reads; any other is ignored
/// (with a warning) and a fresh upload starts.
pub const FORMAT_VERSION: u32 = 1;

/// How much of the head and of the tail of a source goes into its identity.
const EDGE: u64 = 1 << 20;

/// What a source is, as far as a checkpoint can tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// `path`, `handle`, `memory`, `reader` or `url`.
    pub kind: String,
    /// The canonical path (files opened by path only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
    pub size: u64,
    /// Nanoseconds since the Unix epoch (files only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mtime_ns: Option<u64>,
    /// MD5 of the first MiB followed by the last MiB (the whole source when
    /// it is smaller than 2 MiB).
    pub edges_md5: String,
    /// The MD5 of the whole URL (`url` sources only): the record's key, as
    /// the path is a file's. Not the URL itself, which may carry a token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_md5: Option<String>,
    /// The origin's validator when the upload began: its strong ETag, else
    /// its Last-Modified date (`url` sources only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validator: Option<String>,
}

impl Identity {
    /// Reads the identity of `source` (at most 2 MiB of it).
    pub fn of(source: &Source) -> Result<Identity> {
        let size = source.size();
        let mut h = Md5::new();
        let head = size.min(EDGE);
        let mut buf = vec![0u8; usize::try_from(head).unwrap_or(0)];
        source.read_exact_at(0, &mut buf)?;
        h.update(&buf);
        let tail_start = size.saturating_sub(EDGE).max(head);
        if tail_start < size {
            let mut buf = vec![0u8; usize::try_from(size - tail_start).unwrap_or(0)];
            source.read_exact_at(tail_start, &mut buf)?;
            h.update(&buf);
        }
        let mtime_ns = source
            .modified()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        let (kind, path) = match source.origin() {
            Origin::Path(p) => {
                let canonical = std::fs::canonicalize(p)
                    .map_err(|e| Error::io(format!("cannot resolve {}", p.display()), e))?;
                ("path", Some(canonical))
            }
            Origin::Handle => ("handle", None),
            Origin::Memory => ("memory", None),
            Origin::Reader => ("reader", None),
            Origin::Url(_) => ("url", None),
        };
        Ok(Identity {
            kind: kind.to_owned(),
            path,
            size,
            mtime_ns,
            edges_md5: hex(&h.finalize()),
            url_md5: source.url_md5(),
            validator: source.remote_validator(),
        })
    }

    /// The record's key for an upload of this source to `provider`: the
    /// location for a path, the content identity otherwise (32 hex digits).
    pub fn key(&self, provider: &str) -> String {
        let mut h = Md5::new();
        h.update(b"vodkit-checkpoint\0");
        h.update(provider.as_bytes());
        h.update([0]);
        h.update(self.kind.as_bytes());
        h.update([0]);
        match (&self.path, &self.url_md5) {
            (Some(path), _) => h.update(path.as_os_str().as_encoded_bytes()),
            (None, Some(url)) => h.update(url.as_bytes()),
            (None, None) => {
                h.update(self.size.to_le_bytes());
                h.update(self.mtime_ns.unwrap_or(0).to_le_bytes());
                h.update(self.edges_md5.as_bytes());
            }
        }
        hex(&h.finalize())
    }
}

/// One range the server acknowledged, with the MD5 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AckedRange {
    pub offset: u64,
    pub len: u64,
    /// Lowercase hex.
    pub md5: String,
}

impl AckedRange {
    pub fn end(&self) -> u64 {
        self.offset + self.len
    }
}

/// What a checkpoint file holds, its own hash aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub version: u32,
    pub key: String,
    pub provider: String,
    pub source: Identity,
    /// The provider's resume handle (no secret in it).
    pub resume: Value,
    /// Ranges the server acknowledged, in file order.
    pub ranges: Vec<AckedRange>,
    /// Seconds since the Unix epoch.
    pub created_at: u64,
    pub updated_at: u64,
}

/// The file form: the record and the MD5 of the record's JSON.
#[derive(Serialize, Deserialize)]
struct Stored {
    #[serde(flatten)]
    record: Record,
    hash: String,
}

impl Record {
    fn hash(&self) -> Result<String> {
        let json = serde_json::to_vec(self)
            .map_err(|e| Error::internal(format!("checkpoint encoding: {e}")))?;
        Ok(hex(&Md5::digest(&json)))
    }

    /// Bytes the server acknowledged, as recorded.
    pub fn acknowledged_bytes(&self) -> u64 {
        self.ranges.iter().map(|r| r.len).sum()
    }
}

/// A checkpoint as [`list`] shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckpointInfo {
    /// What [`remove`] takes.
    pub key: String,
    pub provider: String,
    /// The source's canonical path (files opened by path only).
    pub path: Option<PathBuf>,
    pub size: u64,
    /// Bytes the server acknowledged, as recorded.
    pub acknowledged: u64,
    /// The provider's resume handle (for `resume_upload`).
    pub resume: Value,
    pub created_at: u64,
    pub updated_at: u64,
}

impl From<&Record> for CheckpointInfo {
    fn from(r: &Record) -> Self {
        CheckpointInfo {
            key: r.key.clone(),
            provider: r.provider.clone(),
            path: r.source.path.clone(),
            size: r.source.size,
            acknowledged: r.acknowledged_bytes(),
            resume: r.resume.clone(),
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// The valid checkpoints in `dir`, oldest first. A missing directory has
/// none; files that are not valid checkpoints (corrupt, another format
/// version) are left out with a warning.
pub fn list(dir: impl AsRef<Path>) -> Result<Vec<CheckpointInfo>> {
    let dir = dir.as_ref();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(format!("cannot list {}", dir.display()), e)),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(key) = name.to_str().and_then(|n| n.strip_suffix(".json")) else {
            continue;
        };
        if !is_key(key) {
            continue;
        }
        match read(&entry.path(), key) {
            Ok(record) => out.push(CheckpointInfo::from(&record)),
            Err(why) => log::warn!("ignoring checkpoint {}: {why}", entry.path().display()),
        }
    }
    out.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.key.cmp(&b.key)));
    Ok(out)
}

/// Removes the checkpoint `key` from `dir`; `false` when there was none.
/// The upload it recorded is not cancelled at the provider.
pub fn remove(dir: impl AsRef<Path>, key: &str) -> Result<bool> {
    if !is_key(key) {
        return Err(Error::invalid_input(format!(
            "{key:?} is not a checkpoint key (32 hex digits, as list() shows)"
        )));
    }
    let path = dir.as_ref().join(format!("{key}.json"));
    // Only a regular file is ours to remove; anything else under that name
    // (a FIFO, a link) is left alone, with a warning.
    match std::fs::symlink_metadata(&path) {
        Ok(meta) if !meta.is_file() => {
            log::warn!("not removing {}: it is not a regular file", path.display());
            return Ok(false);
        }
        _ => {}
    }
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(format!("cannot remove {}", path.display()), e)),
    }
}

fn is_key(key: &str) -> bool {
    key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Why a checkpoint file cannot be used (a warning, never an error).
type Invalid = String;

/// The largest checkpoint record read: a record of 64 parts is a few KiB;
/// anything near this is not one of ours.
const MAX_RECORD_BYTES: u64 = 1024 * 1024;

/// The bytes of `path` if it is a regular file of at most `cap` bytes. A
/// symlink is not followed (a link to `/dev/zero` would never end), a FIFO
/// or device is not read (opening without `O_NONBLOCK` would block until a
/// writer came), and no more than `cap + 1` bytes are ever read.
pub fn read_regular(path: &Path, cap: u64) -> std::result::Result<Vec<u8>, Invalid> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NONBLOCK | libc::O_NOFOLLOW,
    );
    let file = options.open(path).map_err(|e| {
        if e.raw_os_error() == Some(libc::ELOOP) {
            "it is a symbolic link (not followed)".to_owned()
        } else {
            format!("cannot read it: {e}")
        }
    })?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read it: {e}"))?;
    if !meta.is_file() {
        return Err("it is not a regular file".into());
    }
    if meta.len() > cap {
        return Err(format!(
            "it is {} bytes, more than the {cap} allowed",
            meta.len()
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it: {e}"))?;
    if bytes.len() as u64 > cap {
        return Err(format!("it is more than the {cap} bytes allowed"));
    }
    Ok(bytes)
}

/// Reads and checks one checkpoint file.
fn read(path: &Path, key: &str) -> std::result::Result<Record, Invalid> {
    let bytes = read_regular(path, MAX_RECORD_BYTES)?;
    let value: Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("not valid JSON (truncated?): {e}"))?;
    let version = value.get("version").and_then(Value::as_u64);
    if version != Some(u64::from(FORMAT_VERSION)) {
        return Err(format!(
            "format version {version:?}, this library reads {FORMAT_VERSION}"
        ));
    }
    let stored: Stored =
        serde_json::from_value(value).map_err(|e| format!("not a checkpoint record: {e}"))?;
    let expected = stored.record.hash().map_err(|e| e.to_string())?;
    if !stored.hash.eq_ignore_ascii_case(&expected) {
        return Err("its hash does not match its contents (corrupt or edited)".into());
    }
    if stored.record.key != key {
        return Err("it is stored under another key".into());
    }
    Ok(stored.record)
}

/// Writes `record` to `dir/<key>.json` atomically: temp file, fsync, rename,
/// fsync of the directory.
fn write(dir: &Path, record: &Record) -> Result<()> {
    let stored = Stored {
        hash: record.hash()?,
        record: record.clone(),
    };
    let json = serde_json::to_vec_pretty(&stored)
        .map_err(|e| Error::internal(format!("checkpoint encoding: {e}")))?;
    write_atomically(dir, &format!("{}.json", record.key), &json)
}

/// Writes `bytes` to `dir/name` atomically (a temporary file in `dir`,
/// written, fsynced, renamed over the old one, then the directory fsynced),
/// mode 0600, creating `dir` if missing: a reader sees the old file or the
/// new one, never a torn one, even after `kill -9` or a power cut.
pub(crate) fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let io = |what: &str, e| Error::io(format!("checkpoint {what} in {}", dir.display()), e);
    std::fs::create_dir_all(dir).map_err(|e| io("directory", e))?;
    let target = dir.join(name);
    let temp = dir.join(format!(
        ".{name}.{}-{:016x}.tmp",
        std::process::id(),
        fastrand::u64(..)
    ));
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&temp).map_err(|e| io("file", e))?;
        file.write_all(bytes).map_err(|e| io("write", e))?;
        file.sync_all().map_err(|e| io("fsync", e))?;
        drop(file);
        std::fs::rename(&temp, &target).map_err(|e| io("rename", e))?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Makes a rename durable (Unix; elsewhere the rename is as durable as it gets).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// What looking up a source's checkpoint found.
#[derive(Debug)]
pub(crate) enum Lookup {
    /// No usable record: upload afresh (a warning said why, if there was a file).
    Fresh,
    /// A record whose identity and acknowledged ranges match the local file.
    Resume(Box<Record>),
}

/// The checkpoint of one upload: found on disk, written as the upload goes,
/// removed when it is complete. Updates after the first are best effort (a
/// failure is a warning, the upload goes on).
#[derive(Debug)]
pub(crate) struct Checkpoint {
    dir: PathBuf,
    record: Mutex<Record>,
}

impl Checkpoint {
    /// [`Checkpoint::open`] when the upload's options name a directory
    /// (`checkpoint_dir`); without one, no record and a fresh upload.
    pub(crate) fn open_if(
        dir: Option<&Path>,
        provider: &str,
        source: &Source,
    ) -> Result<(Option<Self>, Lookup)> {
        match dir {
            Some(dir) => {
                let (cp, lookup) = Checkpoint::open(dir, provider, source)?;
                Ok((Some(cp), lookup))
            }
            None => Ok((None, Lookup::Fresh)),
        }
    }

    /// Looks up the checkpoint of `source` for `provider` in `dir` and checks
    /// it against the file: a corrupt, foreign-version or stale record (the
    /// file at that path now has another size) is a warning and `Fresh`;
    /// a record for this path whose file is no longer the one the server
    /// holds bytes of (same size, other content or modification time, or an
    /// acknowledged range whose MD5 differs) is an `Integrity` error.
    pub(crate) fn open(dir: &Path, provider: &str, source: &Source) -> Result<(Self, Lookup)> {
        let identity = Identity::of(source)?;
        let key = identity.key(provider);
        let path = dir.join(format!("{key}.json"));
        let found = if path.symlink_metadata().is_ok() {
            match read(&path, &key) {
                Ok(r) if r.provider != provider => {
                    log::warn!(
                        "ignoring checkpoint {}: it is for {}",
                        path.display(),
                        r.provider
                    );
                    None
                }
                Ok(r) => Some(r),
                Err(why) => {
                    log::warn!(
                        "ignoring checkpoint {}: {why}; uploading afresh",
                        path.display()
                    );
                    None
                }
            }
        } else {
            None
        };
        let lookup = match found {
            None => Lookup::Fresh,
            Some(r) if r.source.size != identity.size => {
                log::warn!(
                    "ignoring checkpoint {}: it is for a {}-byte file, {} has {} bytes now; \
                     uploading afresh",
                    path.display(),
                    r.source.size,
                    shown(&identity),
                    identity.size
                );
                Lookup::Fresh
            }
            Some(r) => {
                check_same_file(&r, &identity, source, &key)?;
                Lookup::Resume(Box::new(r))
            }
        };
        let now = now();
        let record = Record {
            version: FORMAT_VERSION,
            key,
            provider: provider.to_owned(),
            source: identity,
            resume: Value::Null,
            ranges: Vec::new(),
            created_at: now,
            updated_at: now,
        };
        let checkpoint = Checkpoint {
            dir: dir.to_owned(),
            record: Mutex::new(record),
        };
        Ok((checkpoint, lookup))
    }

    fn record(&self) -> std::sync::MutexGuard<'_, Record> {
        self.record.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn key(&self) -> String {
        self.record().key.clone()
    }

    /// Records the upload's resume handle and the ranges the server holds,
    /// before the first byte is sent. A failure to write fails the upload:
    /// the application asked for a checkpoint.
    pub(crate) fn start(
        &self,
        resume: Value,
        ranges: Vec<AckedRange>,
        created_at: Option<u64>,
    ) -> Result<()> {
        let mut record = self.record();
        record.resume = resume;
        record.ranges = ranges;
        if let Some(at) = created_at {
            record.created_at = at;
        }
        record.updated_at = now();
        write(&self.dir, &record)
    }

    /// Records an acknowledged part (on the calling thread, from the sink's
    /// `acknowledged` hook).
    pub(crate) fn acknowledged(&self, part: &Part, receipt: &PartReceipt) {
        // Uploads with a checkpoint hash every part (`hash_parts`); a range
        // without its MD5 could not be checked on resume, so it is not kept.
        let Some(md5) = receipt.md5.clone() else {
            return;
        };
        let mut record = self.record();
        record.ranges.push(AckedRange {
            offset: part.offset,
            len: part.len,
            md5,
        });
        record.ranges.sort_by_key(|r| r.offset);
        record.updated_at = now();
        if let Err(e) = write(&self.dir, &record) {
            log::warn!("cannot update checkpoint {}: {e}", record.key);
        }
    }

    /// The upload is complete: its checkpoint goes.
    pub(crate) fn finished(&self) {
        let key = self.key();
        if let Err(e) = remove(&self.dir, &key) {
            log::warn!("cannot remove checkpoint {key}: {e}");
        }
    }
}

fn shown(identity: &Identity) -> String {
    match &identity.path {
        Some(p) => p.display().to_string(),
        None => format!("the {} source", identity.kind),
    }
}

/// The local file must be the one whose bytes the server holds: same
/// modification time and edges, and every acknowledged range with its MD5.
fn check_same_file(record: &Record, identity: &Identity, source: &Source, key: &str) -> Result<()> {
    let mismatch = |what: String| {
        Error::new(
            ErrorKind::Integrity,
            format!(
                "{} is not the file the interrupted upload holds bytes of ({what}); nothing \
                 was sent. Remove checkpoint {key} to upload it as a new video",
                shown(identity)
            ),
        )
        .with_detail(format!("checkpoint={key}"))
    };
    if record.source.mtime_ns != identity.mtime_ns {
        return Err(mismatch("its modification time changed".into()));
    }
    if record.source.validator.is_some() && record.source.validator != identity.validator {
        return Err(mismatch(
            "the origin's ETag or Last-Modified changed".into(),
        ));
    }
    if !record
        .source
        .edges_md5
        .eq_ignore_ascii_case(&identity.edges_md5)
    {
        return Err(mismatch("its first or last MiB differs".into()));
    }
    check_ranges(&record.ranges, source).map_err(|e| match e.kind() {
        ErrorKind::Integrity => mismatch(e.message().to_owned()),
        _ => e,
    })
}

/// Checks every recorded range against the local bytes (MD5): an
/// `Integrity` error names the first that differs.
///
/// A remote source's ranges are not downloaded again to be hashed: the
/// origin's length, validator (checked on every ranged read) and first and
/// last MiB stand for them, so a resume asks the origin for the missing
/// bytes only.
pub(crate) fn check_ranges(ranges: &[AckedRange], source: &Source) -> Result<()> {
    for r in ranges {
        let fits = r.len > 0
            && r.offset
                .checked_add(r.len)
                .is_some_and(|e| e <= source.size());
        if !fits {
            return Err(Error::new(
                ErrorKind::Integrity,
                format!(
                    "the server holds bytes {}..{} of a {}-byte file",
                    r.offset,
                    r.offset.saturating_add(r.len),
                    source.size()
                ),
            ));
        }
        if source.is_remote() {
            continue;
        }
        let local = source.md5_of_range(r.offset, r.len)?;
        if !local.eq_ignore_ascii_case(&r.md5) {
            return Err(Error::new(
                ErrorKind::Integrity,
                format!(
                    "bytes {}..{} have MD5 {local} here, {} on the server",
                    r.offset,
                    r.end(),
                    r.md5
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(dir: &Path) -> (Record, Source, PathBuf) {
        let file = dir.join("clip.mp4");
        std::fs::write(&file, vec![5u8; 3 << 20]).unwrap();
        let source = Source::open(&file).unwrap();
        let identity = Identity::of(&source).unwrap();
        let record = Record {
            version: FORMAT_VERSION,
            key: identity.key("baijiayun"),
            provider: "baijiayun".into(),
            source: identity,
            resume: serde_json::json!({"provider": "baijiayun", "video_id": 7}),
            ranges: vec![AckedRange {
                offset: 0,
                len: 10,
                md5: source.md5_of_range(0, 10).unwrap(),
            }],
            created_at: 1,
            updated_at: 2,
        };
        (record, source, file)
    }

    #[test]
    fn a_written_record_reads_back_and_lists() {
        let dir = tempfile::tempdir().unwrap();
        let (record, _, file) = record(dir.path());
        let store = dir.path().join("cp");
        write(&store, &record).unwrap();
        let path = store.join(format!("{}.json", record.key));
        assert_eq!(read(&path, &record.key).unwrap(), record);
        let listed = list(&store).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(
            listed[0].path.as_deref(),
            Some(&*std::fs::canonicalize(file).unwrap())
        );
        assert_eq!(listed[0].acknowledged, 10);
        // Only the record is left: the temporary file was renamed.
        assert_eq!(std::fs::read_dir(&store).unwrap().count(), 1);
        assert!(remove(&store, &record.key).unwrap());
        assert!(!remove(&store, &record.key).unwrap());
        assert_eq!(
            remove(&store, "../x").unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
    }

    #[test]
    fn an_edited_truncated_or_foreign_record_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (record, _, _) = record(dir.path());
        write(dir.path(), &record).unwrap();
        let path = dir.path().join(format!("{}.json", record.key));
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("\"video_id\": 7", "\"video_id\": 8")).unwrap();
        assert!(read(&path, &record.key).unwrap_err().contains("hash"));
        std::fs::write(&path, &text[..text.len() / 2]).unwrap();
        assert!(read(&path, &record.key).is_err());
        std::fs::write(&path, text.replace("\"version\": 1", "\"version\": 99")).unwrap();
        assert!(read(&path, &record.key).unwrap_err().contains("version"));
    }

    #[test]
    fn the_identity_reads_the_edges_and_the_key_follows_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let (record, source, file) = record(dir.path());
        assert_eq!(record.source.kind, "path");
        let bytes = std::fs::read(&file).unwrap();
        let memory = Source::from_bytes(bytes, "clip.mp4").unwrap();
        let other = Identity::of(&memory).unwrap();
        assert_eq!(other.edges_md5, record.source.edges_md5);
        assert_ne!(other.key("baijiayun"), record.key);
        assert_ne!(record.source.key("iqiyi"), record.key);
        check_ranges(&record.ranges, &source).unwrap();
        let wrong = [AckedRange {
            offset: 0,
            len: 10,
            md5: "00".into(),
        }];
        assert_eq!(
            check_ranges(&wrong, &source).unwrap_err().kind(),
            ErrorKind::Integrity
        );
    }
}
