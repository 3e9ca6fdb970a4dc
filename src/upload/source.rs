use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

use md5::{Digest, Md5};

use crate::error::{Error, ErrorKind, Result};

/// What the engine streamed for one part: its length and MD5, computed while
/// the bytes went out (no second read of the file, no buffering).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartReceipt {
    pub len: u64,
    /// Lowercase hex.
    pub md5: String,
}

/// A file to upload, checked before the first request: it must exist, be a
/// regular file, be readable and not be empty. Its size and modification time
/// are recorded so a file changed during the upload is detected.
#[derive(Debug, Clone)]
pub struct FileSource {
    path: PathBuf,
    size: u64,
    modified: Option<SystemTime>,
}

impl FileSource {
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
        if !meta.is_file() {
            return Err(Error::invalid_input(format!(
                "{} is not a regular file",
                path.display()
            )));
        }
        if meta.len() == 0 {
            return Err(Error::invalid_input(format!("{} is empty", path.display())));
        }
        // Fail now, not in a worker thread, when the file cannot be read.
        File::open(path).map_err(|e| Error::io(format!("cannot open {}", path.display()), e))?;
        Ok(FileSource {
            path: path.to_owned(),
            size: meta.len(),
            modified: meta.modified().ok(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// The file name, as the provider should record it.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "upload".to_owned())
    }

    /// Fails when the file's size or modification time changed since `open`.
    pub fn check_unchanged(&self) -> Result<()> {
        let meta = std::fs::metadata(&self.path)
            .map_err(|e| Error::io(format!("cannot read {}", self.path.display()), e))?;
        if meta.len() != self.size || meta.modified().ok() != self.modified {
            return Err(Error::new(
                ErrorKind::Integrity,
                format!(
                    "{} changed while it was being uploaded",
                    self.path.display()
                ),
            ));
        }
        Ok(())
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
        let mut file = File::open(&self.path)
            .map_err(|e| Error::io(format!("cannot open {}", self.path.display()), e))?;
        file.seek(SeekFrom::Start(offset))
            .map_err(|e| Error::io(format!("cannot seek in {}", self.path.display()), e))?;
        Ok(PartBody {
            file,
            len,
            remaining: len,
            md5: Md5::new(),
            tally,
            abort,
        })
    }
}

/// What the engine learns about one part while its body streams: the bytes
/// handed out so far (for progress) and, once the last byte went out, the
/// part's receipt.
#[derive(Debug, Default)]
pub(crate) struct PartTally {
    pub(crate) sent: AtomicU64,
    pub(crate) receipt: OnceLock<PartReceipt>,
}

/// Streams one part of a file from disk into a request body, hashing it on
/// the way (MD5 over the bytes actually handed out, so the receipt describes
/// what went on the wire, not what the file holds now).
pub struct PartBody {
    file: File,
    len: u64,
    remaining: u64,
    md5: Md5,
    tally: Arc<PartTally>,
    abort: Arc<AtomicBool>,
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
        let n = self.file.read(&mut buf[..want])?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the file became shorter during the upload",
            ));
        }
        self.md5.update(&buf[..n]);
        self.remaining -= n as u64;
        self.tally.sent.fetch_add(n as u64, Ordering::Relaxed);
        if self.remaining == 0 {
            let digest = std::mem::take(&mut self.md5).finalize();
            let md5 = digest.iter().map(|b| format!("{b:02x}")).collect();
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
        let source = FileSource::open(&path).unwrap();
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
        assert_eq!(receipt.md5, "5eb63bbbe01eeed093cb22bb8f5acdc3");
    }

    #[test]
    fn a_body_read_part_way_has_no_receipt() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.bin");
        std::fs::write(&path, b"0123456789").unwrap();
        let source = FileSource::open(&path).unwrap();
        let tally = Arc::new(PartTally::default());
        let abort = Arc::new(AtomicBool::new(false));
        let mut body = source.part_body(0, 10, tally.clone(), abort).unwrap();
        let mut buf = [0u8; 4];
        assert_eq!(body.read(&mut buf).unwrap(), 4);
        assert!(tally.receipt.get().is_none());
    }
}
