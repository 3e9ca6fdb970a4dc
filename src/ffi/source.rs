//! `vodkit_source`: the bytes of an upload, made once from a path, a file
//! descriptor, a buffer, a read-at callback or an http(s) URL, and passed to the one upload
//! call (`vodkit_client_upload_source`) and its resume — so a binding binds
//! one upload function whatever its language's sources are.
//!
//! Lifetimes, which C cannot check for us, are settled so that no misuse
//! reaches undefined behaviour inside the library:
//! - a path is opened and a descriptor duplicated when the source is made:
//!   the caller's descriptor may be closed at once, a file replaced later is
//!   an INTEGRITY error, not mixed-in bytes;
//! - a buffer is copied when the source is made: the source never refers to
//!   memory the caller may free (a zero-copy upload of memory the caller
//!   manages is a reader source: its callback, its lifetime);
//! - a reader's callback is called only during an upload call using the
//!   source, never after that call returns, never by `vodkit_source_free`;
//! - a source may be used by any number of uploads, one after another (an
//!   upload, then its resume) or at once from several threads — except a
//!   reader called on the caller's thread, which serves one upload at a
//!   time: a second upload of it while one runs is an INVALID_INPUT error.

use std::ffi::{c_char, c_int, c_void};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::boundary::{arg_bytes, arg_out, arg_str, null_arg, put};
use super::error::{vodkit_error, VODKIT_ERROR_INVALID_ENUM};
use super::reader::{vodkit_read_at_fn, Callback, Calls};
use crate::error::{Error, Result};
use crate::upload::{ReadAt, Source};

/// Flag of `vodkit_source_from_reader`: the read-at callback is called from
/// the upload's worker threads, several calls at once (the default, 0).
pub const VODKIT_SOURCE_READ_FROM_WORKERS: u32 = 0;
/// Flag of `vodkit_source_from_reader`: the read-at callback is called only
/// on the thread that called the upload, one call at a time, like the
/// progress callback — for runtimes that cannot take calls from other
/// threads (PHP's FFI).
pub const VODKIT_SOURCE_READ_ON_CALLER: u32 = 1;

/// The bytes of an upload (`vodkit_source_from_*`). A `const vodkit_source*`
/// may be passed to several uploads, also at once from several threads
/// (except a reader called on the caller's thread: one upload at a time).
/// Free it with `vodkit_source_free` once no upload uses it.
pub struct vodkit_source {
    pub(crate) inner: Arc<SourceInner>,
}

pub(crate) enum SourceInner {
    /// A path, a descriptor or a copied buffer: the core's source, shared by
    /// every upload of it.
    Ready(Source),
    /// The caller's callback, wrapped per upload call (see `reader.rs`).
    Reader {
        callback: Callback,
        calls: Calls,
        size: u64,
        name: String,
        /// An on-caller reader serves one upload at a time.
        busy: AtomicBool,
    },
}

/// Holds an on-caller reader for one upload; frees it when dropped.
pub(crate) struct Claim<'a>(Option<&'a AtomicBool>);

impl Drop for Claim<'_> {
    fn drop(&mut self) {
        if let Some(busy) = self.0 {
            busy.store(false, Ordering::Release);
        }
    }
}

impl SourceInner {
    /// Claims the source for one upload: an on-caller reader already
    /// serving an upload is refused.
    pub(crate) fn claim(&self) -> Result<Claim<'_>> {
        match self {
            SourceInner::Reader {
                calls: Calls::OnCaller,
                busy,
                ..
            } => {
                if busy.swap(true, Ordering::Acquire) {
                    return Err(Error::invalid_input(
                        "the source is in use by another upload: a reader called on the \
                         caller's thread serves one upload at a time",
                    ));
                }
                Ok(Claim(Some(busy)))
            }
            _ => Ok(Claim(None)),
        }
    }
}

/// Writes a new source to an out-parameter checked by `arg_out`.
unsafe fn hand_out(
    out_source: *mut *mut vodkit_source,
    inner: SourceInner,
) -> std::result::Result<(), vodkit_error> {
    put(
        out_source,
        super::live::into_handle(vodkit_source {
            inner: Arc::new(inner),
        }),
    );
    Ok(())
}

/// A source reading the file at `path`, recorded under its base name. The
/// file is opened here (a missing file, a directory or an empty file is
/// INVALID_INPUT); parts are read from this open file, and a file changed
/// or replaced before an upload of it ends fails that upload with
/// INTEGRITY. On success `*out_source` owns the new source.
#[no_mangle]
pub unsafe extern "C" fn vodkit_source_from_path(
    path: *const c_char,
    out_source: *mut *mut vodkit_source,
) -> *mut vodkit_error {
    ffi_boundary!({
        let path = arg_str(path, "path")?;
        arg_out(out_source, "out_source")?;
        let source = Source::open(path)?;
        hand_out(out_source, SourceInner::Ready(source))
    })
}

/// A source reading the file open as descriptor `fd` (e.g. from an Android
/// `content://` URI or a sandboxed picker), recorded as `name`. The
/// descriptor is duplicated here: the caller's stays open, its position is
/// neither used nor moved, and the caller may close it as soon as this
/// returns. It must name a regular, non-empty file (else INVALID_INPUT, as
/// for a closed or negative descriptor).
#[no_mangle]
pub unsafe extern "C" fn vodkit_source_from_fd(
    fd: c_int,
    name: *const c_char,
    out_source: *mut *mut vodkit_source,
) -> *mut vodkit_error {
    ffi_boundary!({
        let name = arg_str(name, "name")?;
        arg_out(out_source, "out_source")?;
        let source = Source::from_file(dup_fd(fd)?, name)?;
        hand_out(out_source, SourceInner::Ready(source))
    })
}

/// A source of the `len` bytes at `data`, recorded as `name`. The bytes are
/// **copied** here: the caller may free or change its buffer as soon as
/// this returns (the source never refers to it). An empty buffer or name is
/// INVALID_INPUT. To upload memory without a copy, make a reader source
/// over it (its callback, its lifetime).
#[no_mangle]
pub unsafe extern "C" fn vodkit_source_from_buffer(
    data: *const u8,
    len: usize,
    name: *const c_char,
    out_source: *mut *mut vodkit_source,
) -> *mut vodkit_error {
    ffi_boundary!({
        if data.is_null() {
            return Err(null_arg("data"));
        }
        let bytes = arg_bytes(data, len, "data")?;
        let name = arg_str(name, "name")?;
        arg_out(out_source, "out_source")?;
        let source = Source::from_bytes(bytes.to_vec(), name)?;
        hand_out(out_source, SourceInner::Ready(source))
    })
}

/// A source reading the file at an `http://` or `https://` `url` with
/// Range requests, recorded as `name` (NULL: the URL's last path segment).
/// The origin is asked for the file's length and validator (a strong ETag,
/// else Last-Modified) here: it must answer Range requests (else
/// INVALID_INPUT, as for a URL of another scheme); an origin that cannot be
/// reached is NETWORK, one that refuses the URL AUTH or INVALID_INPUT.
/// Parts are read with ranged requests naming the validator, so an origin
/// whose file changes before an upload of it ends fails that upload with
/// INTEGRITY, and a resumed upload asks the origin only for the bytes the
/// provider is missing. Up to 5 redirects are followed, never from https to
/// http. The URL's query and password may be credentials: no error message
/// or checkpoint holds them. On success `*out_source` owns the new source.
#[no_mangle]
pub unsafe extern "C" fn vodkit_source_from_url(
    url: *const c_char,
    name: *const c_char,
    out_source: *mut *mut vodkit_source,
) -> *mut vodkit_error {
    ffi_boundary!({
        let url = arg_str(url, "url")?;
        let name = if name.is_null() {
            None
        } else {
            Some(arg_str(name, "name")?)
        };
        arg_out(out_source, "out_source")?;
        let source = match name {
            Some(name) => Source::url_named(url, name)?,
            None => Source::url(url)?,
        };
        hand_out(out_source, SourceInner::Ready(source))
    })
}

/// A source of `size` bytes read through `reader`, called with
/// `reader_data`, recorded as `name`. `flags` is
/// `VODKIT_SOURCE_READ_FROM_WORKERS` (0): `reader` is called **from the
/// upload's worker threads, several calls at once** (one per part in
/// flight, each at its own offset) — it must be thread-safe and keep no
/// cursor (use `pread`, or a lock around seek + read); or
/// `VODKIT_SOURCE_READ_ON_CALLER`: it is called only on the thread that
/// called the upload, one call at a time (the upload runs on a thread of
/// the library's that hands each read to the caller and waits; parts stay
/// in flight in parallel, only their reads are serialised), and the source
/// serves one upload at a time. Any other flag is INVALID_ENUM; a NULL
/// `reader` NULL_ARGUMENT; a zero `size` or an empty name INVALID_INPUT.
///
/// `reader` is called only while an upload call using this source runs,
/// never after it returns: `reader_data` must stay valid during those
/// calls only. A negative return fails the upload with VODKIT_ERROR_IO.
#[no_mangle]
pub unsafe extern "C" fn vodkit_source_from_reader(
    reader: vodkit_read_at_fn,
    reader_data: *mut c_void,
    size: u64,
    name: *const c_char,
    flags: u32,
    out_source: *mut *mut vodkit_source,
) -> *mut vodkit_error {
    ffi_boundary!({
        let read = reader.ok_or_else(|| null_arg("reader"))?;
        let name = arg_str(name, "name")?;
        arg_out(out_source, "out_source")?;
        let calls = match flags {
            VODKIT_SOURCE_READ_FROM_WORKERS => Calls::FromWorkers,
            VODKIT_SOURCE_READ_ON_CALLER => Calls::OnCaller,
            other => {
                return Err(vodkit_error::with_code(
                    VODKIT_ERROR_INVALID_ENUM,
                    format!(
                        "{other} is not a flag of vodkit_source_from_reader \
                         (VODKIT_SOURCE_READ_FROM_WORKERS or VODKIT_SOURCE_READ_ON_CALLER)"
                    ),
                ))
            }
        };
        // The core's own checks of a size and a name, with a reader that
        // is never called.
        Source::from_reader(Arc::new(NeverRead), size, name)?;
        hand_out(
            out_source,
            SourceInner::Reader {
                callback: Callback::new(read, reader_data),
                calls,
                size,
                name: name.to_owned(),
                busy: AtomicBool::new(false),
            },
        )
    })
}

/// Frees a source. NULL is a no-op. Do not free it while an upload uses it.
/// Never calls a reader source's callback.
#[no_mangle]
pub unsafe extern "C" fn vodkit_source_free(source: *mut vodkit_source) {
    ffi_boundary_or!((), {
        super::live::free_handle(source);
    })
}

/// The reader of the check in `vodkit_source_from_reader`, never called.
struct NeverRead;

impl ReadAt for NeverRead {
    fn read_at(&self, _offset: u64, _buf: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("not a reader"))
    }
}

/// The descriptor `fd`, duplicated (the caller's stays open and its
/// position is neither used nor moved).
fn dup_fd(fd: c_int) -> Result<std::fs::File> {
    if fd < 0 {
        return Err(Error::invalid_input(format!(
            "{fd} is not a file descriptor"
        )));
    }
    #[cfg(unix)]
    {
        use std::os::fd::BorrowedFd;
        // SAFETY: `fd` is non-negative; the borrow only lives for the dup.
        let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
        match borrowed.try_clone_to_owned() {
            Ok(owned) => Ok(std::fs::File::from(owned)),
            Err(e) if e.raw_os_error() == Some(libc::EBADF) => Err(Error::invalid_input(format!(
                "{fd} is not an open file descriptor"
            ))),
            Err(e) => Err(Error::io(format!("cannot duplicate descriptor {fd}"), e)),
        }
    }
    #[cfg(not(unix))]
    {
        Err(Error::invalid_input(
            "file descriptors are a POSIX interface; use vodkit_source_from_path or a reader",
        ))
    }
}
