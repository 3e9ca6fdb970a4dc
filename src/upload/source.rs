use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::SystemTime;

use crate::error::{Error, ErrorKind, Result};

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

    /// A reader over `len` bytes from `offset`, counting what it hands out
    /// into `sent` and failing as soon as `abort` is set.
    pub fn part_body(
        &self,
        offset: u64,
        len: u64,
        sent: Arc<AtomicU64>,
        abort: Arc<AtomicBool>,
    ) -> Result<PartBody> {
        let mut file = File::open(&self.path)
            .map_err(|e| Error::io(format!("cannot open {}", self.path.display()), e))?;
        file.seek(SeekFrom::Start(offset))
            .map_err(|e| Error::io(format!("cannot seek in {}", self.path.display()), e))?;
        Ok(PartBody {
            file,
            remaining: len,
            sent,
            abort,
        })
    }
}

/// Streams one part of a file from disk into a request body.
pub struct PartBody {
    file: File,
    remaining: u64,
    sent: Arc<AtomicU64>,
    abort: Arc<AtomicBool>,
}

impl std::fmt::Debug for PartBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PartBody")
            .field("remaining", &self.remaining)
            .finish()
    }
}

impl Read for PartBody {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.abort.load(Ordering::SeqCst) {
            return Err(io::Error::other("upload aborted"));
        }
        if self.remaining == 0 {
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
        self.remaining -= n as u64;
        self.sent.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
