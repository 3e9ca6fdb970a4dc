//! Random access to an upload's bytes: the one trait every source reads
//! through (files, buffers, URLs, the bindings' readers), apart from the
//! sources themselves so that each kind of reader can live in a module of
//! its own.

use std::fs::File;
use std::io;

use bytes::Bytes;

/// Random access to the bytes of an upload. The engine reads parts of it from
/// several threads at once, each at its own offset, so an implementation
/// keeps no cursor (a file is read with `pread`, never `seek` + `read`).
///
/// Implemented for files and byte buffers; bindings implement it for their
/// language's readers (a C read-at callback, a Python file object, a PHP
/// stream).
pub trait ReadAt: Send + Sync {
    /// Reads up to `buf.len()` bytes at `offset`; `Ok(0)` only at the end.
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize>;

    /// Told before `len` bytes from `offset` are read in order (a part, a
    /// hashed range), so a reader that fetches ranges over the network asks
    /// for that range, not more. Default: nothing.
    fn will_read(&self, _offset: u64, _len: u64) {}
}

impl ReadAt for File {
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        #[cfg(unix)]
        {
            std::os::unix::fs::FileExt::read_at(self, buf, offset)
        }
        #[cfg(windows)]
        {
            std::os::windows::fs::FileExt::seek_read(self, buf, offset)
        }
    }
}

impl ReadAt for Bytes {
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.len());
        let n = buf.len().min(self.len() - start);
        buf[..n].copy_from_slice(&self[start..start + n]);
        Ok(n)
    }
}
