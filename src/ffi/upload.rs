//! Uploads through the C ABI, for every provider: the progress callback,
//! cancellation, upload and resume.

use std::ffi::{c_char, c_void, CString};
use std::ops::ControlFlow;
use std::sync::OnceLock;

use std::path::Path;

use super::boundary::{arg_out, arg_ref, arg_str, json_out, put};
use super::client::{json_arg, vodkit_client};
use super::control::vodkit_upload_control;
use super::error::vodkit_error;
use crate::upload::{Progress, UploadHooks};

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
    /// a crash (`vodkit_client_resume_upload`). NULL until the provider
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

pub(crate) fn control<'a>(
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: Option<&vodkit_upload_control>,
) -> UploadHooks<'a> {
    let mut control = UploadHooks::new();
    if let Some(token) = cancel {
        control = control.control(token.inner.clone());
    }
    if let Some(f) = progress {
        // The engine calls this on the thread that called the upload.
        let user_data = user_data as usize;
        // The handle's JSON text, made once per handle (it rarely changes).
        let mut resume: Option<(std::sync::Arc<serde_json::Value>, CString)> = None;
        control = control.on_progress(move |p: &Progress| {
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
    control
}

/// Uploads the file at `path` as a new video; blocks until done.
/// `options_json` is the provider's upload options as a JSON object (NULL:
/// the defaults; the README lists each provider's keys). `progress`,
/// `user_data` and `cancel` may be NULL. On success `*out_json` is the
/// provider's result as a JSON object (the new video's id, the file size,
/// the bytes the server already held). A failed upload's error has a resume
/// handle (`vodkit_error_resume`) for `vodkit_client_resume_upload`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_upload(
    client: *const vodkit_client,
    path: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        let path = arg_str(path, "path")?;
        let options = json_arg(options_json, "options_json")?;
        arg_out(out_json, "out_json")?;
        let control = control(progress, user_data, cancel.as_ref());
        let result = client.inner.upload(Path::new(path), &options, control)?;
        put(out_json, json_out(&result)?);
        Ok(())
    })
}

/// Continues an interrupted upload of `path` from the bytes the server holds.
/// `resume_json` is the handle `vodkit_error_resume` returned. Other arguments
/// as for `vodkit_client_upload`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_resume_upload(
    client: *const vodkit_client,
    resume_json: *const c_char,
    path: *const c_char,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        arg_str(resume_json, "resume_json")?;
        let resume = json_arg(resume_json, "resume_json")?;
        let path = arg_str(path, "path")?;
        let options = json_arg(options_json, "options_json")?;
        arg_out(out_json, "out_json")?;
        let control = control(progress, user_data, cancel.as_ref());
        let result = client
            .inner
            .resume_upload(&resume, Path::new(path), &options, control)?;
        put(out_json, json_out(&result)?);
        Ok(())
    })
}
