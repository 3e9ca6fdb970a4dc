use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::SystemTime;

use bytes::Bytes;
use md5::{Digest, Md5};

use super::control::Pacer;
use super::read_at::ReadAt;
use super::source_url::{origin_changed, UrlReader};
use super::tally::{PartReceipt, PartTally};
use crate::error::{Error, ErrorKind, Result};
use crate::hex::hex;

/// Where an upload's bytes come from, as far as resuming and change
/// detection need to know.
#[derive(Debug, Clone)]
pub enum Origin {
    /// A file opened by path: the path it was opened by.
    Path(PathBuf),
    /// A file handle or descriptor the application opened.
    Handle,
    /// Bytes in memory.
    Memory,
    /// A reader of the application's (a callback, a file object, a stream).
    Reader,
    /// An `http(s)` origin read with Range requests: its scheme, host and
    /// path (never its query, user or password, which may be credentials).
    Url(String),
}

/// The bytes to upload, checked before the first request: a readable, non-empty
/// file (by path or by handle), a buffer, or an application's reader. A file's
/// size and modification time are recorded so a file changed during the
/// upload is detected.
#[derive(Clone)]
pub struct Source {
    reader: Arc<dyn ReadAt>,
    /// The same file as `reader`, for metadata (size, modification time).
    file: Option<Arc<File>>,
    /// The same origin as `reader`, for its validator and change checks.
    remote: Option<Arc<UrlReader>>,
    origin: Origin,
    name: String,
    size: u64,
    modified: Option<SystemTime>,
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Source")
            .field("origin", &self.origin)
            .field("name", &self.name)
            .field("size", &self.size)
            .finish()
    }
}

impl Source {
    /// The file at `path`. It is opened once, here; parts are read from this
    /// open file, so a file replaced on disk later is detected, not mixed in.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        if path.as_os_str().is_empty() {
            return Err(Error::invalid_input("the file path is empty"));
        }
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => {
                Error::invalid_input(format!("no such file: {}", path.display()))
            }
            _ => Error::io(format!("cannot read {}", path.display()), e),
        })?;
        if meta.is_dir() {
            return Err(Error::invalid_input(format!(
                "{} is a directory, not a file",
                path.display()
            )));
        }
        let file = File::open(path)
            .map_err(|e| Error::io(format!("cannot open {}", path.display()), e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "upload".to_owned());
        Self::file_source(file, Origin::Path(path.to_owned()), name, &path.display())
    }

    /// An open file (a descriptor or handle the application owns, e.g. from an
    /// Android `content://` URI), recorded as `name`. Read with positioned
    /// reads: the handle's own position is neither used nor moved.
    pub fn from_file(file: File, name: impl Into<String>) -> Result<Self> {
        let name = non_empty_name(name.into())?;
        let shown = name.clone();
        Self::file_source(file, Origin::Handle, name, &shown)
    }

    fn file_source(
        file: File,
        origin: Origin,
        name: String,
        shown: &dyn std::fmt::Display,
    ) -> Result<Self> {
        let meta = file
            .metadata()
            .map_err(|e| Error::io(format!("cannot read {shown}"), e))?;
        if !meta.is_file() {
            return Err(Error::invalid_input(format!(
                "{shown} is not a regular file"
            )));
        }
        if meta.len() == 0 {
            return Err(Error::invalid_input(format!("{shown} is empty")));
        }
        let file = Arc::new(file);
        Ok(Source {
            reader: file.clone(),
            file: Some(file),
            remote: None,
            origin,
            name,
            size: meta.len(),
            modified: meta.modified().ok(),
        })
    }

    /// Bytes in memory, recorded as `name`.
    pub fn from_bytes(bytes: impl Into<Bytes>, name: impl Into<String>) -> Result<Self> {
        let bytes: Bytes = bytes.into();
        let name = non_empty_name(name.into())?;
        if bytes.is_empty() {
            return Err(Error::invalid_input(format!("{name} is empty")));
        }
        Ok(Source {
            size: bytes.len() as u64,
            reader: Arc::new(bytes),
            file: None,
            remote: None,
            origin: Origin::Memory,
            name,
            modified: None,
        })
    }

    /// `size` bytes read through the application's `reader`, recorded as `name`.
    pub fn from_reader(
        reader: Arc<dyn ReadAt>,
        size: u64,
        name: impl Into<String>,
    ) -> Result<Self> {
        let name = non_empty_name(name.into())?;
        if size == 0 {
            return Err(Error::invalid_input(format!("{name} is empty")));
        }
        Ok(Source {
            reader,
            file: None,
            remote: None,
            origin: Origin::Reader,
            name,
            size,
            modified: None,
        })
    }

    /// The file at an `http(s)` URL, read with Range requests (see
    /// [`Source::url_named`]), recorded under the URL's last path segment.
    pub fn url(url: &str) -> Result<Self> {
        Self::url_source(url, None, None)
    }

    /// The file at an `http(s)` URL, recorded as `name`. The origin is asked
    /// for its length and validator (ETag or Last-Modified) here; it must
    /// serve Range requests. Parts are read with ranged requests naming the
    /// validator, so a file changed at the origin fails the upload with
    /// `Integrity`, and a resumed upload asks only for the missing bytes.
    /// Redirects are followed (at most 5, never from https to http). The
    /// URL's query and password may be credentials: no error, log line or
    /// checkpoint holds them.
    pub fn url_named(url: &str, name: impl Into<String>) -> Result<Self> {
        Self::url_source(url, Some(non_empty_name(name.into())?), None)
    }

    /// As [`Source::url_named`], known to checkpoints by `resume_key`
    /// rather than by its URL: an origin whose URL changes with every
    /// request (a signed play URL) is still the same upload to resume.
    pub(crate) fn url_keyed(url: &str, name: String, resume_key: String) -> Result<Self> {
        Self::url_source(url, Some(non_empty_name(name)?), Some(resume_key))
    }

    fn url_source(url: &str, name: Option<String>, resume_key: Option<String>) -> Result<Self> {
        let mut reader = UrlReader::open(url)?;
        if let Some(key) = resume_key {
            reader = reader.with_resume_key(key);
        }
        let remote = Arc::new(reader);
        let name = name
            .or_else(|| remote.file_name())
            .unwrap_or_else(|| "upload".to_owned());
        Ok(Source {
            reader: remote.clone(),
            file: None,
            origin: Origin::Url(remote.shown.clone()),
            name,
            size: remote.facts.size,
            modified: None,
            remote: Some(remote),
        })
    }

    /// A remote source's validator (its strong ETag, else Last-Modified).
    pub(crate) fn remote_validator(&self) -> Option<String> {
        let facts = &self.remote.as_ref()?.facts;
        facts.etag.clone().or_else(|| facts.last_modified.clone())
    }

    /// The MD5 of a remote source's whole URL (a checkpoint's key for it).
    pub(crate) fn url_md5(&self) -> Option<String> {
        self.remote.as_ref().map(|r| r.url_md5())
    }

    /// Whether the bytes come from an origin over the network (re-reading
    /// what the server already holds costs a download).
    pub fn is_remote(&self) -> bool {
        self.remote.is_some()
    }

    /// The `Integrity` error of a remote source whose file changed during a
    /// read (a read's own error is an `Io` one that does not say so).
    pub(crate) fn changed_during_read(&self) -> Option<Error> {
        let why = self.remote.as_ref()?.changed()?;
        Some(Error::new(ErrorKind::Integrity, why.to_owned()))
    }

    /// Where the bytes come from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The path the file was opened by, for a file opened by path.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::Path(p) => Some(p),
            _ => None,
        }
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// The file's modification time when it was opened (files only).
    pub fn modified(&self) -> Option<SystemTime> {
        self.modified
    }

    /// The file name, as the provider should record it.
    pub fn file_name(&self) -> String {
        self.name.clone()
    }

    /// Fails when a file's size or modification time changed since it was
    /// opened (by path: also when the path now names another file's bytes).
    /// Buffers cannot change; an application's reader is its own to keep.
    pub fn check_unchanged(&self) -> Result<()> {
        if let Some(remote) = &self.remote {
            return remote.check_unchanged();
        }
        let Some(file) = &self.file else {
            return Ok(());
        };
        let shown = self.shown();
        let changed =
            |len: u64, modified: Option<SystemTime>| len != self.size || modified != self.modified;
        let meta = file
            .metadata()
            .map_err(|e| Error::io(format!("cannot read {shown}"), e))?;
        let mut moved = changed(meta.len(), meta.modified().ok());
        if let Some(path) = self.path() {
            let meta = std::fs::metadata(path).map_err(|e| {
                Error::io(
                    format!("cannot read {shown} (removed or moved during the upload?)"),
                    e,
                )
            })?;
            moved |= changed(meta.len(), meta.modified().ok());
        }
        if moved {
            return Err(Error::new(
                ErrorKind::Integrity,
                format!("{shown} changed while it was being uploaded"),
            ));
        }
        Ok(())
    }

    /// How errors name the source: its path, or its name.
    fn shown(&self) -> String {
        match &self.origin {
            Origin::Path(p) => p.display().to_string(),
            Origin::Url(shown) => shown.clone(),
            _ => self.name.clone(),
        }
    }

    /// Reads exactly `buf.len()` bytes at `offset`; a source that ends early
    /// is an `Io` error (the file became shorter).
    pub fn read_exact_at(&self, offset: u64, buf: &mut [u8]) -> Result<()> {
        self.reader.will_read(offset, buf.len() as u64);
        self.fill_at(offset, buf)
    }

    /// [`Source::read_exact_at`] without announcing the range (its caller
    /// announced a longer one).
    fn fill_at(&self, mut offset: u64, mut buf: &mut [u8]) -> Result<()> {
        while !buf.is_empty() {
            match self.reader.read_at(offset, buf) {
                Ok(0) => {
                    return Err(Error::io(
                        format!("reading {}", self.shown()),
                        io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the source ended early (the file became shorter?)",
                        ),
                    ))
                }
                Ok(n) => {
                    offset += n as u64;
                    buf = &mut buf[n..];
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    if let Some(changed) = origin_changed(&e) {
                        return Err(Error::new(ErrorKind::Integrity, changed.to_string()));
                    }
                    return Err(Error::io(format!("reading {}", self.shown()), e));
                }
            }
        }
        Ok(())
    }

    /// The MD5 (lowercase hex) of `len` bytes at `offset`.
    pub fn md5_of_range(&self, offset: u64, len: u64) -> Result<String> {
        self.md5_of_range_until(offset, len, &AtomicBool::new(false))
    }

    /// As [`Source::md5_of_range`], giving up (with `Cancelled`) once `stop`
    /// is set: a helper hashing beside an upload that failed.
    pub(crate) fn md5_of_range_until(
        &self,
        offset: u64,
        len: u64,
        stop: &AtomicBool,
    ) -> Result<String> {
        let mut buf = vec![0u8; RANGE_READ.min(usize::try_from(len).unwrap_or(RANGE_READ))];
        let mut hasher = Md5::new();
        let mut done = 0;
        self.reader.will_read(offset, len);
        while done < len {
            if stop.load(Ordering::Relaxed) {
                return Err(Error::cancelled());
            }
            let n = buf
                .len()
                .min(usize::try_from(len - done).unwrap_or(usize::MAX));
            self.fill_at(offset + done, &mut buf[..n])?;
            hasher.update(&buf[..n]);
            done += n as u64;
        }
        Ok(hex(&hasher.finalize()))
    }

    /// A reader over `len` bytes from `offset`, recording what it hands out
    /// in `tally` and failing as soon as `abort` is set.
    pub(crate) fn part_body(
        &self,
        offset: u64,
        len: u64,
        tally: Arc<PartTally>,
        abort: Arc<AtomicBool>,
    ) -> Result<PartBody> {
        self.reader.will_read(offset, len);
        Ok(PartBody {
            reader: self.reader.clone(),
            position: offset,
            len,
            remaining: len,
            md5: Some(Md5::new()),
            tally,
            abort,
            pacer: None,
        })
    }
}

/// What an upload accepts as its bytes: a path (`&str`, `String`, `&Path`,
/// `PathBuf`, …) or a [`Source`] already built (a file handle, a buffer, a
/// reader).
pub trait IntoSource {
    fn into_source(self) -> Result<Source>;
}

impl<P: AsRef<Path>> IntoSource for P {
    fn into_source(self) -> Result<Source> {
        Source::open(self)
    }
}

impl IntoSource for Source {
    fn into_source(self) -> Result<Source> {
        Ok(self)
    }
}

/// Reads while hashing a range: large enough to keep syscalls rare.
const RANGE_READ: usize = 1 << 20;

fn non_empty_name(name: String) -> Result<String> {
    if name.trim().is_empty() {
        return Err(Error::invalid_input(
            "a source that is not a path needs a file name (the name the provider records)",
        ));
    }
    Ok(name)
}

/// Streams one part of a file from disk into a request body, hashing it on
/// the way (MD5 over the bytes actually handed out, so the receipt describes
/// what went on the wire, not what the file holds now).
pub struct PartBody {
    reader: Arc<dyn ReadAt>,
    /// Where the next read starts in the source.
    position: u64,
    len: u64,
    remaining: u64,
    /// `None`: this part is not hashed (nobody checks its MD5).
    md5: Option<Md5>,
    tally: Arc<PartTally>,
    abort: Arc<AtomicBool>,
    /// The upload's pause flag and bandwidth cap, when it has a token.
    pacer: Option<Pacer>,
}

impl PartBody {
    /// Makes reads honour the token's pause and cap.
    /// Skips the part's MD5 (MD5 costs about one core at 600 MiB/s: an
    /// upload whose parts nobody checks should not pay it).
    pub(crate) fn unhashed(mut self) -> Self {
        self.md5 = None;
        self
    }

    pub(crate) fn paced(mut self, pacer: Option<Pacer>) -> Self {
        self.pacer = pacer;
        self
    }

    /// Waits out a pause and the cap; returns how many bytes may be read now.
    fn admit(&self, want: usize) -> io::Result<usize> {
        let Some(pacer) = &self.pacer else {
            return Ok(want);
        };
        let pace = pacer.token.pace();
        pace.wait_while_paused(&self.abort, &self.tally, pacer.hold)?;
        let n = pace.slice(want);
        pace.take(n, &self.abort)?;
        // A pause that began while waiting for the bucket.
        pace.wait_while_paused(&self.abort, &self.tally, pacer.hold)?;
        Ok(n)
    }
}

impl std::fmt::Debug for PartBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PartBody")
            .field("len", &self.len)
            .field("remaining", &self.remaining)
            .finish()
    }
}

impl Read for PartBody {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.abort.load(Ordering::SeqCst) {
            return Err(io::Error::other("upload aborted"));
        }
        if self.remaining == 0 || buf.is_empty() {
            return Ok(0);
        }
        let want = buf
            .len()
            .min(usize::try_from(self.remaining).unwrap_or(usize::MAX));
        let want = self.admit(want)?;
        let n = loop {
            match self.reader.read_at(self.position, &mut buf[..want]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Ok(0) => {
                    break Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "the file became shorter during the upload",
                    ))
                }
                Ok(n) if n > want => {
                    break Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("the reader claimed {n} bytes read into a buffer of {want}"),
                    ))
                }
                other => break other,
            }
        }
        .inspect_err(|e| {
            let _ = self
                .tally
                .read_error
                .set(format!("reading the source at byte {}: {e}", self.position));
        })?;
        if let Some(md5) = &mut self.md5 {
            md5.update(&buf[..n]);
        }
        self.position += n as u64;
        self.remaining -= n as u64;
        self.tally.sent.fetch_add(n as u64, Ordering::Relaxed);
        if self.remaining == 0 {
            let md5 = self.md5.take().map(|h| hex(&h.finalize()));
            // A body is read once; a second receipt for the same tally cannot occur.
            let _ = self.tally.receipt.set(PartReceipt { len: self.len, md5 });
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_body_yields_its_range_and_its_md5() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.bin");
        std::fs::write(&path, b"xxhello worldyy").unwrap();
        let source = Source::open(&path).unwrap();
        let tally = Arc::new(PartTally::default());
        let abort = Arc::new(AtomicBool::new(false));
        let mut body = source.part_body(2, 11, tally.clone(), abort).unwrap();
        let mut out = Vec::new();
        // Small reads, as an HTTP client's pump does.
        let mut buf = [0u8; 3];
        loop {
            let n = body.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        assert_eq!(out, b"hello world");
        assert_eq!(tally.sent.load(Ordering::Relaxed), 11);
        let receipt = tally.receipt.get().unwrap();
        assert_eq!(receipt.len, 11);
        // md5("hello world")
        assert_eq!(
            receipt.md5.as_deref(),
            Some("5eb63bbbe01eeed093cb22bb8f5acdc3")
        );
    }

    fn read_all(mut body: PartBody) -> Vec<u8> {
        let mut out = Vec::new();
        body.read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn every_kind_of_source_yields_the_same_parts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clip.mp4");
        let data: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&path, &data).unwrap();
        let mut handle = File::open(&path).unwrap();
        // A handle's own position is neither used nor moved.
        std::io::Seek::seek(&mut handle, std::io::SeekFrom::Start(9_000)).unwrap();
        let sources = [
            Source::open(&path).unwrap(),
            Source::from_file(handle.try_clone().unwrap(), "clip.mp4").unwrap(),
            Source::from_bytes(data.clone(), "clip.mp4").unwrap(),
            Source::from_reader(Arc::new(Bytes::from(data.clone())), 10_000, "clip.mp4").unwrap(),
        ];
        for source in &sources {
            assert_eq!(source.size(), 10_000);
            assert_eq!(source.file_name(), "clip.mp4");
            let tally = Arc::new(PartTally::default());
            let body = source
                .part_body(1_000, 5_000, tally, Arc::new(AtomicBool::new(false)))
                .unwrap();
            assert_eq!(read_all(body), &data[1_000..6_000], "{source:?}");
            assert_eq!(
                source.md5_of_range(1_000, 5_000).unwrap(),
                hex(&Md5::digest(&data[1_000..6_000]))
            );
            source.check_unchanged().unwrap();
        }
        assert_eq!(std::io::Seek::stream_position(&mut handle).unwrap(), 9_000);
        assert!(matches!(sources[0].origin(), Origin::Path(_)));
        assert!(sources[1].path().is_none());
    }

    #[test]
    fn empty_or_nameless_sources_are_refused() {
        let err = Source::from_bytes(Vec::new(), "a.mp4").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        let err = Source::from_bytes(vec![1], " ").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        let reader: Arc<dyn ReadAt> = Arc::new(Bytes::from_static(b"abc"));
        assert_eq!(
            Source::from_reader(reader, 0, "a.mp4").unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
    }

    #[test]
    fn a_reader_that_ends_early_is_an_io_error() {
        let source = Source::from_reader(Arc::new(Bytes::from_static(b"abc")), 10, "a").unwrap();
        let err = source.md5_of_range(0, 10).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
    }

    #[test]
    fn a_file_that_grows_after_opening_is_detected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.bin");
        std::fs::write(&path, b"0123456789").unwrap();
        let source = Source::open(&path).unwrap();
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        std::io::Write::write_all(&mut f, b"more").unwrap();
        assert_eq!(
            source.check_unchanged().unwrap_err().kind(),
            ErrorKind::Integrity
        );
    }

    #[test]
    fn an_unhashed_body_yields_its_bytes_and_a_receipt_without_md5() {
        let source = Source::from_bytes(b"0123456789".to_vec(), "a").unwrap();
        let tally = Arc::new(PartTally::default());
        let body = source
            .part_body(3, 4, tally.clone(), Arc::new(AtomicBool::new(false)))
            .unwrap()
            .unhashed();
        assert_eq!(read_all(body), b"3456");
        let receipt = tally.receipt.get().unwrap();
        assert_eq!((receipt.len, receipt.md5.as_deref()), (4, None));
    }

    #[test]
    fn a_body_read_part_way_has_no_receipt() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.bin");
        std::fs::write(&path, b"0123456789").unwrap();
        let source = Source::open(&path).unwrap();
        let tally = Arc::new(PartTally::default());
        let abort = Arc::new(AtomicBool::new(false));
        let mut body = source.part_body(0, 10, tally.clone(), abort).unwrap();
        let mut buf = [0u8; 4];
        assert_eq!(body.read(&mut buf).unwrap(), 4);
        assert!(tally.receipt.get().is_none());
    }
}
