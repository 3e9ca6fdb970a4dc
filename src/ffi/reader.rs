//! The read-at callback of a reader source (`vodkit_source_from_reader`):
//! called from the engine's worker threads, or — for runtimes that cannot
//! take calls from other threads (PHP) — only on the thread that called the
//! upload, which serves the reads while the upload runs on a thread of ours.
//! Either way the callback is called only during an upload call, never after
//! it returns.

use std::ffi::c_void;
use std::io;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};

use crate::error::Result;
use crate::upload::{Progress, ReadAt, UploadControl, UploadHooks};

/// A read-at callback: copies up to `len` bytes of the source, starting at
/// byte `offset`, into `buf`, and returns how many it copied (0 only at the
/// end of the source), or a negative value for an error (the upload fails
/// with VODKIT_ERROR_IO naming that value). It keeps no cursor: calls for
/// different offsets may come in any order.
pub type vodkit_read_at_fn = Option<
    unsafe extern "C" fn(user_data: *mut c_void, offset: u64, buf: *mut u8, len: usize) -> i64,
>;

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

/// The caller's read-at callback and its `user_data`.
#[derive(Clone, Copy)]
pub(crate) struct Callback {
    read: unsafe extern "C" fn(*mut c_void, u64, *mut u8, usize) -> i64,
    user_data: usize,
}

impl Callback {
    pub(crate) fn new(
        read: unsafe extern "C" fn(*mut c_void, u64, *mut u8, usize) -> i64,
        user_data: *mut c_void,
    ) -> Self {
        Callback {
            read,
            user_data: user_data as usize,
        }
    }
}

/// Who calls a reader source's callback.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Calls {
    /// The engine's worker threads, several calls at once.
    FromWorkers,
    /// Only the thread that called the upload, one call at a time.
    OnCaller,
}

/// Runs `upload` with a reader over `callback`, called as `calls` says and
/// only until `upload` returns (a reader kept past it reads an error, and
/// the callback is not called). `progress` holds the caller's progress
/// function (called on the calling thread either way), `control` the
/// upload's control.
pub(crate) fn serve<T: Send>(
    callback: Callback,
    calls: Calls,
    progress: UploadHooks<'_>,
    control: Option<UploadControl>,
    upload: impl FnOnce(Arc<dyn ReadAt>, UploadHooks<'_>) -> Result<T> + Send,
) -> Result<T> {
    match calls {
        Calls::FromWorkers => {
            let (reader, _revoke) = revocable(callback);
            upload(reader, with_control(progress, control))
        }
        Calls::OnCaller => on_caller(callback, progress, |reader, forward| {
            upload(reader, with_control(forward, control))
        }),
    }
}

/// `hooks` steered by `control`, if any.
pub(crate) fn with_control(
    hooks: UploadHooks<'_>,
    control: Option<UploadControl>,
) -> UploadHooks<'_> {
    match control {
        Some(control) => hooks.control(control),
        None => hooks,
    }
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
