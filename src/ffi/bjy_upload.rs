//! Uploads through the C ABI: options, the progress callback, cancellation.

use std::ffi::{c_char, c_void};
use std::ops::ControlFlow;
use std::sync::OnceLock;

use super::bjy_client::vodkit_bjy_client;
use super::boundary::{arg_mut, arg_out, arg_ref, arg_str, opt_str, put};
use super::cancel::vodkit_cancel_token;
use super::error::{vodkit_error, VODKIT_ERROR_INVALID_ENUM};
use super::strings::into_c;
use crate::baijiayun::UploadOptions;
use crate::upload::{Progress, UploadControl};
use crate::Error;

/// Returned by a progress callback to let the upload go on.
pub const VODKIT_CONTINUE: i32 = 0;
/// Returned by a progress callback to stop the upload (it fails with CANCELLED).
pub const VODKIT_ABORT: i32 = 1;

/// `vodkit_bjy_upload_options_set_encrypt`: leave it to the account's default.
pub const VODKIT_ENCRYPT_DEFAULT: u32 = 0;
/// Encrypt the transcoded video (`encrypt=1`).
pub const VODKIT_ENCRYPT_ON: u32 = 1;
/// Do not encrypt (`encrypt=2`).
pub const VODKIT_ENCRYPT_OFF: u32 = 2;

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
}

/// A progress callback: called on the thread that called the upload, never
/// on another; returns `VODKIT_CONTINUE` or `VODKIT_ABORT` (any other value
/// also aborts). `progress` is valid only during the call.
pub type vodkit_progress_fn =
    Option<unsafe extern "C" fn(user_data: *mut c_void, progress: *const vodkit_progress) -> i32>;

/// Upload options (every getUploadUrl parameter). Not thread-safe.
pub struct vodkit_bjy_upload_options {
    inner: UploadOptions,
}

/// Creates upload options with the defaults (definitions SD+HD, all formats).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_upload_options_new(
    out_options: *mut *mut vodkit_bjy_upload_options,
) -> *mut vodkit_error {
    ffi_boundary!({
        arg_out(out_options, "out_options")?;
        let o = vodkit_bjy_upload_options {
            inner: UploadOptions::default(),
        };
        put(out_options, super::live::into_handle(o));
        Ok(())
    })
}

/// Frees upload options. NULL is a no-op.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_upload_options_free(options: *mut vodkit_bjy_upload_options) {
    ffi_boundary_or!((), {
        super::live::free_handle(options);
    })
}

/// The video's name (default: the file's name).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_upload_options_set_file_name(
    options: *mut vodkit_bjy_upload_options,
    file_name: *const c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let o = arg_mut(options, "options")?;
        o.inner.file_name = Some(arg_str(file_name, "file_name")?.to_owned());
        Ok(())
    })
}

fn bits(csv: &str, what: &str) -> Result<Vec<u8>, vodkit_error> {
    csv.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.trim().parse::<u8>().map_err(|_| {
                Error::invalid_input(format!("{what} must be comma-separated numbers")).into()
            })
        })
        .collect()
}

/// Target definitions as comma-separated bits: "16,1,4" (16 SD, 1 HD, 2 super, 4 720p, 8 1080p).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_upload_options_set_definitions(
    options: *mut vodkit_bjy_upload_options,
    definitions: *const c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let o = arg_mut(options, "options")?;
        o.inner.definitions = bits(arg_str(definitions, "definitions")?, "definitions")?;
        Ok(())
    })
}

/// Output formats as comma-separated bits: "1,4" (1 mp4, 2 flv, 4 m3u8).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_upload_options_set_formats(
    options: *mut vodkit_bjy_upload_options,
    formats: *const c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let o = arg_mut(options, "options")?;
        o.inner.formats = bits(arg_str(formats, "formats")?, "formats")?;
        Ok(())
    })
}

/// Process the file as audio (`audio_with_view=1`).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_upload_options_set_audio(
    options: *mut vodkit_bjy_upload_options,
    audio: bool,
) -> *mut vodkit_error {
    ffi_boundary!({
        arg_mut(options, "options")?.inner.audio = audio;
        Ok(())
    })
}

/// Encryption: one of `VODKIT_ENCRYPT_DEFAULT`, `_ON`, `_OFF`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_upload_options_set_encrypt(
    options: *mut vodkit_bjy_upload_options,
    encrypt: u32,
) -> *mut vodkit_error {
    ffi_boundary!({
        let o = arg_mut(options, "options")?;
        o.inner.encrypt = match encrypt {
            VODKIT_ENCRYPT_DEFAULT => None,
            VODKIT_ENCRYPT_ON => Some(true),
            VODKIT_ENCRYPT_OFF => Some(false),
            other => {
                return Err(vodkit_error::with_code(
                    VODKIT_ERROR_INVALID_ENUM,
                    format!("encrypt must be VODKIT_ENCRYPT_DEFAULT, _ON or _OFF, not {other}"),
                ))
            }
        };
        Ok(())
    })
}

/// A watermark (`watermark`, NULL for none) and its position (`watermark_pos`, 0 for default).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_upload_options_set_watermark(
    options: *mut vodkit_bjy_upload_options,
    watermark: *const c_char,
    position: u8,
) -> *mut vodkit_error {
    ffi_boundary!({
        let o = arg_mut(options, "options")?;
        o.inner.watermark = opt_str(watermark, "watermark")?.map(str::to_owned);
        o.inner.watermark_pos = (position > 0).then_some(position);
        Ok(())
    })
}

/// The per-video transcode callback URL (NULL: the account's).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_upload_options_set_callback_url(
    options: *mut vodkit_bjy_upload_options,
    callback_url: *const c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let o = arg_mut(options, "options")?;
        o.inner.callback_url = opt_str(callback_url, "callback_url")?.map(str::to_owned);
        Ok(())
    })
}

/// Ask for an https upload URL.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_upload_options_set_use_https(
    options: *mut vodkit_bjy_upload_options,
    use_https: bool,
) -> *mut vodkit_error {
    ffi_boundary!({
        arg_mut(options, "options")?.inner.use_https = use_https;
        Ok(())
    })
}

/// The part size in bytes for this upload (0: the client's).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_upload_options_set_part_size(
    options: *mut vodkit_bjy_upload_options,
    part_size: u64,
) -> *mut vodkit_error {
    ffi_boundary!({
        arg_mut(options, "options")?.inner.part_size = (part_size > 0).then_some(part_size);
        Ok(())
    })
}

/// Test hook: `VODKIT_TEST_PANIC=progress` makes the progress path panic, so
/// bindings can prove a panic comes back as a PANIC error and not an abort.
fn panic_in_progress() -> bool {
    static FLAG: OnceLock<bool> = OnceLock::new();
    *FLAG.get_or_init(|| std::env::var("VODKIT_TEST_PANIC").is_ok_and(|v| v == "progress"))
}

fn control<'a>(
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: Option<&vodkit_cancel_token>,
) -> UploadControl<'a> {
    let mut control = UploadControl::new();
    if let Some(token) = cancel {
        control = control.cancel_token(token.inner.clone());
    }
    if let Some(f) = progress {
        // The engine calls this on the thread that called the upload.
        let user_data = user_data as usize;
        control = control.on_progress(move |p: &Progress| {
            if panic_in_progress() {
                panic!("VODKIT_TEST_PANIC=progress");
            }
            let c = vodkit_progress {
                bytes_done: p.bytes_done,
                bytes_total: p.bytes_total,
                bytes_sent: p.bytes_sent,
                elapsed_ms: p.elapsed.as_millis() as u64,
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

/// Uploads the file at `path` as a new video; blocks until done. `options`,
/// `progress`, `user_data` and `cancel` may be NULL. On success
/// `*out_video_id` is the new video's id as a decimal string (free with
/// `vodkit_string_free`). A failed upload's error detail is "video_id=N":
/// pass N to `vodkit_bjy_resume_upload`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_upload(
    client: *const vodkit_bjy_client,
    path: *const c_char,
    options: *const vodkit_bjy_upload_options,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_cancel_token,
    out_video_id: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        let path = arg_str(path, "path")?;
        arg_out(out_video_id, "out_video_id")?;
        let default = UploadOptions::default();
        let options = options.as_ref().map_or(&default, |o| &o.inner);
        let control = control(progress, user_data, cancel.as_ref());
        let uploaded = client.inner.upload_with(path, options, control)?;
        put(out_video_id, into_c(uploaded.video_id.to_string()));
        Ok(())
    })
}

/// Continues an interrupted upload of `path` to `video_id` from the bytes the
/// server holds. Arguments as for `vodkit_bjy_upload`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_resume_upload(
    client: *const vodkit_bjy_client,
    video_id: i64,
    path: *const c_char,
    options: *const vodkit_bjy_upload_options,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    cancel: *const vodkit_cancel_token,
    out_video_id: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        let path = arg_str(path, "path")?;
        arg_out(out_video_id, "out_video_id")?;
        let default = UploadOptions::default();
        let options = options.as_ref().map_or(&default, |o| &o.inner);
        let control = control(progress, user_data, cancel.as_ref());
        let uploaded = client
            .inner
            .resume_upload(video_id, path, options, control)?;
        put(out_video_id, into_c(uploaded.video_id.to_string()));
        Ok(())
    })
}
