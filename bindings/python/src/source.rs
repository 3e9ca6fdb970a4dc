//! What `upload` reads: a path, bytes, or a binary file object.
//!
//! - `str` / `os.PathLike`: the file, opened by the core.
//! - `bytes`: shared with the core, not copied; `bytearray` and
//!   `memoryview` are copied once (they may change under the upload).
//! - An object with `fileno()` naming a regular file (an open file): the
//!   descriptor is duplicated and read by the core with positioned reads —
//!   no Python code runs during the upload, and the object's position is
//!   neither used nor moved.
//! - `vodkit.Url("https://…")`: the file at an http(s) origin, read by the
//!   core with Range requests (resumable; a changed origin is an
//!   `IntegrityError`).
//! - Any other object with `seek` and `readinto` (or `read`), e.g.
//!   `io.BytesIO`: read from the upload's worker threads, each read taking
//!   the GIL (and a lock, as `seek` + `readinto` is not atomic); its position
//!   is restored afterwards.

use std::io;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};
use serde_json::Value;
use vodkit::upload::{ReadAt, Source};

use crate::errors::to_py_err;

/// An upload's source, and what to put back once it is done.
pub(crate) struct Prepared {
    pub(crate) source: Source,
    /// A file object read through Python: its position before the upload.
    restore: Option<(Py<PyAny>, Py<PyAny>)>,
}

impl Prepared {
    /// Puts a file object's position back (best effort).
    pub(crate) fn finish(self, py: Python<'_>) {
        if let Some((obj, position)) = self.restore {
            let _ = obj.bind(py).call_method1("seek", (position,));
        }
    }
}

/// The name the provider records for a source without a path: the
/// `file_name` option, else a file object's `name` (its last component),
/// else `upload`.
fn name_of(obj: &Bound<'_, PyAny>, options: &Value) -> String {
    if let Some(name) = options.get("file_name").and_then(Value::as_str) {
        if !name.trim().is_empty() {
            return name.to_owned();
        }
    }
    obj.getattr("name")
        .ok()
        .and_then(|n| n.extract::<String>().ok())
        .and_then(|n| {
            std::path::Path::new(&n)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
        })
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "upload".to_owned())
}

pub(crate) fn prepare(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    options: &Value,
) -> PyResult<Prepared> {
    let ready = |source: vodkit::Result<Source>| -> PyResult<Prepared> {
        Ok(Prepared {
            source: source.map_err(|e| to_py_err(py, &e))?,
            restore: None,
        })
    };
    if obj.is_instance_of::<PyString>() || obj.hasattr("__fspath__")? {
        let path: std::path::PathBuf = obj.extract()?;
        return ready(Source::open(path));
    }
    if let Ok(url) = obj.cast::<Url>() {
        let url = url.get().url.clone();
        let name = options
            .get("file_name")
            .and_then(Value::as_str)
            .filter(|n| !n.trim().is_empty())
            .map(str::to_owned);
        // Asking the origin takes the network: without the GIL, so Python
        // threads (an origin served by this very process) go on meanwhile.
        return ready(py.detach(move || match name {
            Some(name) => Source::url_named(&url, name),
            None => Source::url(&url),
        }));
    }
    let name = name_of(obj, options);
    if obj.is_instance_of::<PyBytes>() {
        let bytes: PyBackedBytes = obj.extract()?;
        return ready(Source::from_bytes(Bytes::from_owner(bytes), name));
    }
    if let Ok(array) = obj.cast::<PyByteArray>() {
        return ready(Source::from_bytes(array.to_vec(), name));
    }
    if obj.is_instance_of::<PyMemoryView>() {
        let bytes: PyBackedBytes = obj.call_method0("tobytes")?.extract()?;
        return ready(Source::from_bytes(Bytes::from_owner(bytes), name));
    }
    if let Some(fd) = file_descriptor(obj) {
        // Written data still in Python's buffer would be missed.
        let _ = obj.call_method0("flush");
        return ready(dup(fd).and_then(|file| Source::from_file(file, name)));
    }
    let reads = if obj.hasattr("readinto")? {
        Reads::Into
    } else if obj.hasattr("read")? {
        Reads::Copy
    } else {
        return Err(PyTypeError::new_err(
            "upload takes a path, bytes, bytearray, memoryview or a binary file object \
             (with fileno(), or seek() and readinto()/read())",
        ));
    };
    let position = obj.call_method0("tell")?.unbind();
    let size: u64 = obj.call_method1("seek", (0, 2))?.extract()?;
    let reader = Arc::new(PyReader {
        obj: Mutex::new(obj.clone().unbind()),
        reads,
    });
    let source = Source::from_reader(reader, size, name);
    if source.is_err() {
        let _ = obj.call_method1("seek", (position.bind(py),));
    }
    Ok(Prepared {
        source: source.map_err(|e| to_py_err(py, &e))?,
        restore: Some((obj.clone().unbind(), position)),
    })
}

/// `vodkit.Url(url)`: an upload source read from an http(s) origin with
/// Range requests. The origin is first asked when the upload starts. Its
/// `repr` shows scheme, host and path only (the query may be a token).
#[pyclass(name = "Url", module = "vodkit", frozen)]
pub(crate) struct Url {
    url: String,
}

#[pymethods]
impl Url {
    #[new]
    fn new(url: String) -> Self {
        Url { url }
    }

    fn __repr__(&self) -> String {
        let shown = self.url.split(['?', '#']).next().unwrap_or_default();
        // A user and password before the host are credentials too.
        let shown = match shown.split_once("://") {
            Some((scheme, rest)) => {
                let rest = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
                format!("{scheme}://{rest}")
            }
            None => shown.to_owned(),
        };
        format!("vodkit.Url({shown:?})")
    }
}

/// `obj.fileno()` when it names an open descriptor (`io.BytesIO` raises).
fn file_descriptor(obj: &Bound<'_, PyAny>) -> Option<i32> {
    obj.call_method0("fileno").ok()?.extract().ok()
}

fn dup(fd: i32) -> vodkit::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::fd::BorrowedFd;
        if fd < 0 {
            return Err(vodkit::Error::invalid_input("fileno() is negative"));
        }
        // SAFETY: the object reported `fd` open; the borrow lasts for the dup.
        let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
        borrowed
            .try_clone_to_owned()
            .map(std::fs::File::from)
            .map_err(|e| vodkit::Error::io(format!("cannot duplicate descriptor {fd}"), e))
    }
    #[cfg(not(unix))]
    {
        let _ = fd;
        Err(vodkit::Error::invalid_input(
            "file objects are read by descriptor on POSIX only; pass the path",
        ))
    }
}

#[derive(Clone, Copy)]
enum Reads {
    /// `readinto(bytearray)`.
    Into,
    /// `read(n)`.
    Copy,
}

/// A Python file object read at offsets from the upload's worker threads.
struct PyReader {
    /// Locked around `seek` + read: two threads must not interleave them
    /// (Python code may release the GIL between the two calls).
    obj: Mutex<Py<PyAny>>,
    reads: Reads,
}

impl ReadAt for PyReader {
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        // The lock first, then the GIL: a thread holding the GIL never
        // waits for the lock, so the two cannot deadlock.
        let obj = self.obj.lock().unwrap_or_else(|e| e.into_inner());
        Python::attach(|py| -> PyResult<usize> {
            let obj = obj.bind(py);
            obj.call_method1("seek", (offset,))?;
            match self.reads {
                Reads::Into => {
                    let scratch = PyByteArray::new_with(py, buf.len(), |_| Ok(()))?;
                    let n: Option<usize> = obj.call_method1("readinto", (&scratch,))?.extract()?;
                    let n = n.unwrap_or(0).min(buf.len());
                    // SAFETY: no Python code runs while the bytes are copied.
                    buf[..n].copy_from_slice(unsafe { &scratch.as_bytes()[..n] });
                    Ok(n)
                }
                Reads::Copy => {
                    let data: PyBackedBytes = obj.call_method1("read", (buf.len(),))?.extract()?;
                    let n = data.len().min(buf.len());
                    buf[..n].copy_from_slice(&data[..n]);
                    Ok(n)
                }
            }
        })
        .map_err(|e| io::Error::other(format!("the file object's read failed: {e}")))
    }
}
