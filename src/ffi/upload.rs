//! Uploads through the C ABI, for every provider: one upload call and its
//! resume over a `vodkit_source`, the path conveniences, and the progress
//! callback.

use std::ffi::{c_char, c_void, CString};
use std::ops::ControlFlow;
use std::sync::OnceLock;

use serde_json::Value;

use super::boundary::{arg_out, arg_ref, arg_str, json_out, put};
use super::client::{json_arg, vodkit_client};
use super::control::vodkit_upload_control;
use super::error::vodkit_error;
use super::reader::{serve, with_control};
use super::source::{vodkit_source, SourceInner};
use crate::upload::{Progress, Source, UploadControl, UploadHooks};

/// Returned by a progress callback to let the upload go on.
pub const VODKIT_CONTINUE: i32 = 0;
/// Returned by a progress callback to stop the upload (it fails with CANCELLED).
pub const VODKIT_ABORT: i32 = 1;

/// A snapshot of an upload, passed to the progress callback.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct vodkit_progress {
    /// Bytes the server holds or is receiving; never decreases within a call.
    pub bytes_done: u64,
    /// The file size.
    pub bytes_total: u64,
    /// Bytes put on the wire by this call, re-sent bytes included.
    pub bytes_sent: u64,
    /// Milliseconds since the call started.
    pub elapsed_ms: u64,
    /// The provider's resume handle as JSON (the object
    /// `vodkit_error_resume` gives, naming its provider and the provider's
    /// upload id), from the first report on: store it to resume after
    /// a crash (`vodkit_client_resume_upload_source`). NULL until the provider
    /// created the upload. Valid only during the callback: copy it.
    pub resume_json: *const c_char,
}

/// A progress callback: called on the thread that called the upload, never
/// on another; returns `VODKIT_CONTINUE` or `VODKIT_ABORT` (any other value
/// also aborts). `progress` is valid only during the call.
pub type vodkit_progress_fn =
    Option<unsafe extern "C" fn(user_data: *mut c_void, progress: *const vodkit_progress) -> i32>;

/// Test hook: `VODKIT_TEST_PANIC=progress` makes the progress path panic, so
/// bindings can prove a panic comes back as a PANIC error and not an abort.
fn panic_in_progress() -> bool {
    static FLAG: OnceLock<bool> = OnceLock::new();
    *FLAG.get_or_init(|| std::env::var("VODKIT_TEST_PANIC").is_ok_and(|v| v == "progress"))
}

/// The caller's progress function as upload hooks (no control: see [`run`]).
pub(crate) fn progress_hooks<'a>(
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
) -> UploadHooks<'a> {
    let mut hooks = UploadHooks::new();
    if let Some(f) = progress {
        // The engine calls this on the thread that called the upload.
        let user_data = user_data as usize;
        // The handle's JSON text, made once per handle (it rarely changes).
        let mut resume: Option<(std::sync::Arc<serde_json::Value>, CString)> = None;
        hooks = hooks.on_progress(move |p: &Progress| {
            if panic_in_progress() {
                panic!("VODKIT_TEST_PANIC=progress");
            }
            match (&p.resume, &resume) {
                (Some(now), Some((had, _))) if std::sync::Arc::ptr_eq(now, had) => {}
                (Some(now), _) => {
                    let text = CString::new(now.to_string()).unwrap_or_default();
                    resume = Some((now.clone(), text));
                }
                (None, _) => resume = None,
            }
            let c = vodkit_progress {
                bytes_done: p.bytes_done,
                bytes_total: p.bytes_total,
                bytes_sent: p.bytes_sent,
                elapsed_ms: p.elapsed.as_millis() as u64,
                resume_json: resume
                    .as_ref()
                    .map_or(std::ptr::null(), |(_, text)| text.as_ptr()),
            };
            // SAFETY: the caller promised `f` may be called with its `user_data`.
            match unsafe { f(user_data as *mut c_void, &c) } {
                VODKIT_CONTINUE => ControlFlow::Continue(()),
                _ => ControlFlow::Break(()),
            }
        });
    }
    hooks
}

/// The arguments every upload export shares, checked.
struct Call<'a> {
    client: &'a vodkit_client,
    resume: Option<Value>,
    options: Value,
    hooks: UploadHooks<'a>,
    control: Option<UploadControl>,
}

impl<'a> Call<'a> {
    #[allow(clippy::too_many_arguments)] // the C signature
    unsafe fn check(
        client: *const vodkit_client,
        resume_json: Option<*const c_char>,
        options_json: *const c_char,
        progress: vodkit_progress_fn,
        user_data: *mut c_void,
        control: *const vodkit_upload_control,
        out_json: *mut *mut c_char,
    ) -> Result<Self, vodkit_error> {
        let client = arg_ref(client, "client")?;
        let resume = match resume_json {
            None => None,
            Some(p) => {
                arg_str(p, "resume_json")?;
                Some(json_arg(p, "resume_json")?)
            }
        };
        let options = json_arg(options_json, "options_json")?;
        arg_out(out_json, "out_json")?;
        Ok(Call {
            client,
            resume,
            options,
            hooks: progress_hooks(progress, user_data),
            control: control.as_ref().map(|c| c.inner.clone()),
        })
    }

    /// Uploads (or resumes) `source`; writes the result to `out_json`.
    unsafe fn run(
        self,
        source: &SourceInner,
        out_json: *mut *mut c_char,
    ) -> Result<(), vodkit_error> {
        let _claim = source.claim()?;
        let Call {
            client,
            resume,
            options,
            hooks,
            control,
        } = self;
        let start = |source: Source, hooks: UploadHooks<'_>| match &resume {
            None => client.inner.upload(source, &options, hooks),
            Some(handle) => client.inner.resume_upload(handle, source, &options, hooks),
        };
        let result = match source {
            SourceInner::Ready(source) => start(source.clone(), with_control(hooks, control))?,
            SourceInner::Reader {
                callback,
                calls,
                size,
                name,
                ..
            } => serve(*callback, *calls, hooks, control, |reader, hooks| {
                start(Source::from_reader(reader, *size, name.as_str())?, hooks)
            })?,
        };
        put(out_json, json_out(&result)?);
        Ok(())
    }
}

/// Uploads `source` (see `vodkit_source_from_path` and the other
/// `vodkit_source_from_*`) as a new video; blocks until done.
/// `options_json` is the provider's upload options as a JSON object (NULL:
/// the defaults; the README lists each provider's keys). `progress`,
/// `user_data` and `control` may be NULL; `control` cancels, pauses or caps
/// the upload from another thread. On success `*out_json` is the provider's
/// result as a JSON object (the new video's id, the file size, the bytes the
/// server already held). A failed upload's error has a resume handle
/// (`vodkit_error_resume`) for `vodkit_client_resume_upload_source`. The
/// source stays the caller's: use it again (to resume) or free it.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_upload_source(
    client: *const vodkit_client,
    source: *const vodkit_source,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    control: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let call = Call::check(
            client,
            None,
            options_json,
            progress,
            user_data,
            control,
            out_json,
        )?;
        let source = arg_ref(source, "source")?.inner.clone();
        call.run(&source, out_json)
    })
}

/// Continues an interrupted upload of `source` from the bytes the server
/// holds. `resume_json` is the handle `vodkit_error_resume` returned (or the
/// progress callback's `resume_json`). Other arguments as for
/// `vodkit_client_upload_source`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_resume_upload_source(
    client: *const vodkit_client,
    resume_json: *const c_char,
    source: *const vodkit_source,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    control: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let call = Call::check(
            client,
            Some(resume_json),
            options_json,
            progress,
            user_data,
            control,
            out_json,
        )?;
        let source = arg_ref(source, "source")?.inner.clone();
        call.run(&source, out_json)
    })
}

/// The source of a path argument, for the conveniences below.
unsafe fn path_source(path: *const c_char) -> Result<SourceInner, vodkit_error> {
    Ok(SourceInner::Ready(Source::open(arg_str(path, "path")?)?))
}

/// Uploads the file at `path` as a new video: `vodkit_client_upload_source`
/// with `vodkit_source_from_path(path)`, in one call. Other arguments as
/// there (`control`, named `cancel` before ABI 4, is the same parameter).
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_upload(
    client: *const vodkit_client,
    path: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    control: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let call = Call::check(
            client,
            None,
            options_json,
            progress,
            user_data,
            control,
            out_json,
        )?;
        call.run(&path_source(path)?, out_json)
    })
}

/// Continues an interrupted upload of the file at `path` from the bytes the
/// server holds: `vodkit_client_resume_upload_source` with
/// `vodkit_source_from_path(path)`, in one call.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_resume_upload(
    client: *const vodkit_client,
    resume_json: *const c_char,
    path: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    control: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let call = Call::check(
            client,
            Some(resume_json),
            options_json,
            progress,
            user_data,
            control,
            out_json,
        )?;
        call.run(&path_source(path)?, out_json)
    })
}
