//! Uploads from sources other than a path, through the C ABI: an open file
//! descriptor, a byte buffer, and a read-at callback (called from worker
//! threads, or only on the calling thread for runtimes that cannot take
//! calls from other threads — PHP). Each has a resume variant.

use std::ffi::{c_char, c_int, c_void};
use std::io;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};

use serde_json::Value;

use super::boundary::{arg_out, arg_ref, arg_str, json_out, null_arg, put};
use super::client::{json_arg, vodkit_client};
use super::control::vodkit_upload_control;
use super::error::vodkit_error;
use super::upload::{control, vodkit_progress_fn};
use crate::error::{Error, Result};
use crate::upload::{Progress, ReadAt, Source, UploadHooks};

/// A read-at callback: copies up to `len` bytes of the source, starting at
/// byte `offset`, into `buf`, and returns how many it copied (0 only at the
/// end of the source), or a negative value for an error (the upload fails
/// with VODKIT_ERROR_IO naming that value). It keeps no cursor: calls for
/// different offsets may come in any order.
pub type vodkit_read_at_fn = Option<
    unsafe extern "C" fn(user_data: *mut c_void, offset: u64, buf: *mut u8, len: usize) -> i64,
>;

/// One upload (`resume`: `None`) or resume of `source`.
fn start(
    client: &vodkit_client,
    resume: Option<&Value>,
    source: Source,
    options: &Value,
    control: UploadHooks<'_>,
) -> Result<Value> {
    match resume {
        None => client.inner.upload(source, options, control),
        Some(handle) => client.inner.resume_upload(handle, source, options, control),
    }
}

/// A reader over memory the caller owns only for the duration of the call.
/// Revoked (under its write lock, so after any read in progress) when the
/// call returns: a copy of the source kept past the call reads an error,
/// never freed memory.
struct Revocable<R>(RwLock<Option<R>>);

impl<R: ReadAt> ReadAt for Revocable<R> {
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        match &*self.0.read().unwrap_or_else(|e| e.into_inner()) {
            Some(reader) => reader.read_at(offset, buf),
            None => Err(io::Error::other(
                "the source was released: the upload call returned",
            )),
        }
    }
}

/// Revokes its reader when dropped (also when the call unwinds).
struct RevokeOnDrop<R>(Arc<Revocable<R>>);

impl<R> Drop for RevokeOnDrop<R> {
    fn drop(&mut self) {
        *self.0 .0.write().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

fn revocable<R: ReadAt + 'static>(reader: R) -> (Arc<dyn ReadAt>, RevokeOnDrop<R>) {
    let shared = Arc::new(Revocable(RwLock::new(Some(reader))));
    (shared.clone(), RevokeOnDrop(shared))
}

/// The caller's buffer, borrowed.
struct Borrowed {
    data: *const u8,
    len: usize,
}

// SAFETY: the caller promised the buffer stays valid and unchanged during
// the call; `Revocable` ends every use before the call returns.
unsafe impl Send for Borrowed {}
unsafe impl Sync for Borrowed {}

impl ReadAt for Borrowed {
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        // SAFETY: see above; `data` is non-NULL with `len` readable bytes.
        let data = unsafe { std::slice::from_raw_parts(self.data, self.len) };
        let start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(data.len());
        let n = buf.len().min(data.len() - start);
        buf[..n].copy_from_slice(&data[start..start + n]);
        Ok(n)
    }
}

/// The caller's read-at callback, called from worker threads.
struct Callback {
    read: unsafe extern "C" fn(*mut c_void, u64, *mut u8, usize) -> i64,
    user_data: usize,
}

impl ReadAt for Callback {
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        // SAFETY: the caller promised `read` may be called with its
        // `user_data` from any thread during the call.
        let n = unsafe {
            (self.read)(
                self.user_data as *mut c_void,
                offset,
                buf.as_mut_ptr(),
                buf.len(),
            )
        };
        callback_answer(n, offset, buf.len())
    }
}

/// What a read-at callback's return value means.
fn callback_answer(n: i64, offset: u64, len: usize) -> io::Result<usize> {
    if n < 0 {
        return Err(io::Error::other(format!(
            "the read callback failed ({n}) at offset {offset}"
        )));
    }
    usize::try_from(n)
        .ok()
        .filter(|n| *n <= len)
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("the read callback returned {n} for a buffer of {len} bytes"),
            )
        })
}

unsafe fn reader_arg(
    reader: vodkit_read_at_fn,
) -> std::result::Result<unsafe extern "C" fn(*mut c_void, u64, *mut u8, usize) -> i64, vodkit_error>
{
    reader.ok_or_else(|| null_arg("reader"))
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
            Err(e) if e.raw_os_error() == Some(9) => Err(Error::invalid_input(format!(
                "{fd} is not an open file descriptor"
            ))),
            Err(e) => Err(Error::io(format!("cannot duplicate descriptor {fd}"), e)),
        }
    }
    #[cfg(not(unix))]
    {
        Err(Error::invalid_input(
            "file descriptors are a POSIX interface; use vodkit_client_upload_reader",
        ))
    }
}

#[allow(clippy::too_many_arguments)] // the C signature
unsafe fn upload_fd(
    client: *const vodkit_client,
    resume_json: Option<*const c_char>,
    fd: c_int,
    name: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> std::result::Result<(), vodkit_error> {
    let client = arg_ref(client, "client")?;
    let resume = resume_arg(resume_json)?;
    let name = arg_str(name, "name")?;
    let options = json_arg(options_json, "options_json")?;
    arg_out(out_json, "out_json")?;
    let source = Source::from_file(dup_fd(fd)?, name)?;
    let control = control(progress, user_data, cancel.as_ref());
    let result = start(client, resume.as_ref(), source, &options, control)?;
    put(out_json, json_out(&result)?);
    Ok(())
}

/// The resume handle of a resume variant (`None` for a new upload).
unsafe fn resume_arg(
    resume_json: Option<*const c_char>,
) -> std::result::Result<Option<Value>, vodkit_error> {
    match resume_json {
        None => Ok(None),
        Some(p) => {
            arg_str(p, "resume_json")?;
            Ok(Some(json_arg(p, "resume_json")?))
        }
    }
}

/// Uploads the file open as descriptor `fd` (e.g. from an Android
/// `content://` URI or a sandboxed picker) as a new video, recorded as
/// `name`. The descriptor is duplicated: the caller's stays open, its
/// position is neither used nor moved, and the caller may close it once
/// this returns. It must name a regular, non-empty file. Other arguments
/// as for `vodkit_client_upload`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_upload_fd(
    client: *const vodkit_client,
    fd: c_int,
    name: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        upload_fd(
            client,
            None,
            fd,
            name,
            options_json,
            progress,
            user_data,
            cancel,
            out_json,
        )
    })
}

/// Continues an interrupted upload of the file open as `fd` (see
/// `vodkit_client_upload_fd`) from the bytes the server holds.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_resume_upload_fd(
    client: *const vodkit_client,
    resume_json: *const c_char,
    fd: c_int,
    name: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        upload_fd(
            client,
            Some(resume_json),
            fd,
            name,
            options_json,
            progress,
            user_data,
            cancel,
            out_json,
        )
    })
}

#[allow(clippy::too_many_arguments)] // the C signature
unsafe fn upload_buffer(
    client: *const vodkit_client,
    resume_json: Option<*const c_char>,
    data: *const u8,
    len: usize,
    name: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> std::result::Result<(), vodkit_error> {
    let client = arg_ref(client, "client")?;
    let resume = resume_arg(resume_json)?;
    if data.is_null() {
        return Err(null_arg("data"));
    }
    let name = arg_str(name, "name")?;
    let options = json_arg(options_json, "options_json")?;
    arg_out(out_json, "out_json")?;
    let (reader, _revoke) = revocable(Borrowed { data, len });
    let source = Source::from_reader(reader, len as u64, name)?;
    let control = control(progress, user_data, cancel.as_ref());
    let result = start(client, resume.as_ref(), source, &options, control)?;
    put(out_json, json_out(&result)?);
    Ok(())
}

/// Uploads the `len` bytes at `data` as a new video, recorded as `name`.
/// The bytes are borrowed, not copied: they must stay valid and unchanged
/// until this returns (no reference is kept after it). Other arguments as
/// for `vodkit_client_upload`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_upload_buffer(
    client: *const vodkit_client,
    data: *const u8,
    len: usize,
    name: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        upload_buffer(
            client,
            None,
            data,
            len,
            name,
            options_json,
            progress,
            user_data,
            cancel,
            out_json,
        )
    })
}

/// Continues an interrupted upload of a buffer (see
/// `vodkit_client_upload_buffer`) from the bytes the server holds.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_resume_upload_buffer(
    client: *const vodkit_client,
    resume_json: *const c_char,
    data: *const u8,
    len: usize,
    name: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        upload_buffer(
            client,
            Some(resume_json),
            data,
            len,
            name,
            options_json,
            progress,
            user_data,
            cancel,
            out_json,
        )
    })
}

/// How a read-at callback is called.
#[derive(Clone, Copy, PartialEq)]
enum Calls {
    /// From the engine's worker threads, several at once.
    FromWorkers,
    /// Only on the thread that called the upload, one at a time.
    OnCaller,
}

#[allow(clippy::too_many_arguments)]
unsafe fn upload_reader(
    calls: Calls,
    client: *const vodkit_client,
    resume_json: Option<*const c_char>,
    reader: vodkit_read_at_fn,
    reader_data: *mut c_void,
    size: u64,
    name: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> std::result::Result<(), vodkit_error> {
    let client = arg_ref(client, "client")?;
    let resume = resume_arg(resume_json)?;
    let read = reader_arg(reader)?;
    let name = arg_str(name, "name")?;
    let options = json_arg(options_json, "options_json")?;
    arg_out(out_json, "out_json")?;
    let callback = Callback {
        read,
        user_data: reader_data as usize,
    };
    let result = match calls {
        Calls::FromWorkers => {
            let (reader, _revoke) = revocable(callback);
            let source = Source::from_reader(reader, size, name)?;
            let control = control(progress, user_data, cancel.as_ref());
            start(client, resume.as_ref(), source, &options, control)?
        }
        Calls::OnCaller => {
            let caller = control(progress, user_data, None);
            let token = cancel.as_ref().map(|t| t.inner.clone());
            on_caller(callback, caller, |reader, control| {
                let control = match token {
                    Some(token) => control.control(token),
                    None => control,
                };
                let source = Source::from_reader(reader, size, name)?;
                start(client, resume.as_ref(), source, &options, control)
            })?
        }
    };
    put(out_json, json_out(&result)?);
    Ok(())
}

/// What the upload thread asks of the calling thread.
enum Request {
    /// Call the read-at callback into `buf` (valid until the reply: the
    /// asking thread waits for it).
    Read {
        offset: u64,
        buf: usize,
        len: usize,
        reply: mpsc::SyncSender<i64>,
    },
    /// Report progress; the reply is whether to go on.
    Progress(Progress, mpsc::SyncSender<bool>),
    /// The upload returned.
    Done,
}

/// A reader that hands each read to the calling thread.
struct ForwardedReader(Mutex<mpsc::Sender<Request>>);

impl ReadAt for ForwardedReader {
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let (reply, answer) = mpsc::sync_channel(1);
        let request = Request::Read {
            offset,
            buf: buf.as_mut_ptr() as usize,
            len: buf.len(),
            reply,
        };
        let gone = || io::Error::other("the upload call returned");
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .send(request)
            .map_err(|_| gone())?;
        let n = answer.recv().map_err(|_| gone())?;
        callback_answer(n, offset, buf.len())
    }
}

/// Runs `upload` on a new thread while this (the calling) thread serves its
/// reads with `callback` and its progress with `caller`: the callback and
/// the progress function are only ever called here, one call at a time.
/// The upload thread waits for each answer, so memory stays at the read
/// buffers of the parts in flight.
fn on_caller<T: Send>(
    callback: Callback,
    mut caller: UploadHooks<'_>,
    upload: impl FnOnce(Arc<dyn ReadAt>, UploadHooks<'_>) -> Result<T> + Send,
) -> Result<T> {
    let (tx, rx) = mpsc::channel::<Request>();
    let reader: Arc<dyn ReadAt> = Arc::new(ForwardedReader(Mutex::new(tx.clone())));
    let progress_tx = tx.clone();
    std::thread::scope(|s| {
        let worker = s.spawn(move || {
            // Progress goes to the calling thread too; the upload waits for
            // its answer (go on, or abort).
            let forward = UploadHooks::new().on_progress(move |p: &Progress| {
                let (reply, answer) = mpsc::sync_channel(1);
                #[allow(clippy::clone_on_copy)] // `Progress` may gain owned fields
                let sent = progress_tx.send(Request::Progress(p.clone(), reply));
                // No answer (the calling thread unwound): stop.
                match sent.ok().and_then(|()| answer.recv().ok()) {
                    Some(true) => std::ops::ControlFlow::Continue(()),
                    _ => std::ops::ControlFlow::Break(()),
                }
            });
            let result = catch_unwind(AssertUnwindSafe(|| upload(reader, forward)));
            let _ = tx.send(Request::Done);
            result
        });
        for request in rx.iter() {
            match request {
                Request::Read {
                    offset,
                    buf,
                    len,
                    reply,
                } => {
                    // SAFETY: the caller promised `read` may be called with its
                    // `user_data` on this thread; `buf` is the asking thread's
                    // buffer of `len` bytes, alive until it has our reply.
                    let n = unsafe {
                        (callback.read)(
                            callback.user_data as *mut c_void,
                            offset,
                            buf as *mut u8,
                            len,
                        )
                    };
                    let _ = reply.send(n);
                }
                Request::Progress(p, reply) => {
                    let _ = reply.send(caller.report(&p));
                }
                Request::Done => break,
            }
        }
        // Requests after the end (a copy of the source kept somewhere) fail.
        drop(rx);
        match worker.join() {
            Ok(Ok(result)) => result,
            Ok(Err(panic)) | Err(panic) => resume_unwind(panic),
        }
    })
}

/// Uploads `size` bytes read through `reader` as a new video, recorded as
/// `name`. `reader` is called with `reader_data` **from the upload's worker
/// threads, several calls at once** (one per part in flight, each at its
/// own offset), until this returns and never after: it must be thread-safe
/// and keep no cursor (use `pread`, or a lock around seek + read). A
/// negative return fails the upload with VODKIT_ERROR_IO. For runtimes
/// that cannot take calls from other threads, use
/// `vodkit_client_upload_reader_on_caller`. Other arguments as for
/// `vodkit_client_upload`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_upload_reader(
    client: *const vodkit_client,
    reader: vodkit_read_at_fn,
    reader_data: *mut c_void,
    size: u64,
    name: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        upload_reader(
            Calls::FromWorkers,
            client,
            None,
            reader,
            reader_data,
            size,
            name,
            options_json,
            progress,
            user_data,
            cancel,
            out_json,
        )
    })
}

/// Continues an interrupted upload read through `reader` (see
/// `vodkit_client_upload_reader`) from the bytes the server holds.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_resume_upload_reader(
    client: *const vodkit_client,
    resume_json: *const c_char,
    reader: vodkit_read_at_fn,
    reader_data: *mut c_void,
    size: u64,
    name: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        upload_reader(
            Calls::FromWorkers,
            client,
            Some(resume_json),
            reader,
            reader_data,
            size,
            name,
            options_json,
            progress,
            user_data,
            cancel,
            out_json,
        )
    })
}

/// As `vodkit_client_upload_reader`, but `reader` is called **only on the
/// thread that called this function**, one call at a time, like the
/// progress callback — for runtimes that cannot take calls from other
/// threads (PHP's FFI). The upload runs on a thread of the library's that
/// hands each read to this thread and waits for it; parts stay in flight in
/// parallel, only their reads are serialised.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_upload_reader_on_caller(
    client: *const vodkit_client,
    reader: vodkit_read_at_fn,
    reader_data: *mut c_void,
    size: u64,
    name: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        upload_reader(
            Calls::OnCaller,
            client,
            None,
            reader,
            reader_data,
            size,
            name,
            options_json,
            progress,
            user_data,
            cancel,
            out_json,
        )
    })
}

/// Continues an interrupted upload read through `reader` on the calling
/// thread (see `vodkit_client_upload_reader_on_caller`).
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_resume_upload_reader_on_caller(
    client: *const vodkit_client,
    resume_json: *const c_char,
    reader: vodkit_read_at_fn,
    reader_data: *mut c_void,
    size: u64,
    name: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        upload_reader(
            Calls::OnCaller,
            client,
            Some(resume_json),
            reader,
            reader_data,
            size,
            name,
            options_json,
            progress,
            user_data,
            cancel,
            out_json,
        )
    })
}
