//! `vodkit_upload_control`: cancels, pauses, resumes and caps an upload from
//! any thread.

use super::boundary::{arg_out, arg_ref, put};
use super::error::vodkit_error;
use crate::upload::UploadControl;

/// An upload control. `const` functions on it may be called from any thread,
/// also while an upload that uses it runs on another thread.
pub struct vodkit_upload_control {
    pub(crate) inner: UploadControl,
}

/// The name of `vodkit_upload_control` before ABI 4 (it also pauses and caps
/// the rate, not only cancels), kept so that programs declaring it still
/// compile; the `vodkit_cancel_token_*` functions are `vodkit_upload_control_*`.
pub type vodkit_cancel_token = vodkit_upload_control;

/// Creates an upload control.
#[no_mangle]
pub unsafe extern "C" fn vodkit_upload_control_new(
    out_token: *mut *mut vodkit_upload_control,
) -> *mut vodkit_error {
    ffi_boundary!({
        arg_out(out_token, "out_token")?;
        put(
            out_token,
            super::live::into_handle(vodkit_upload_control {
                inner: UploadControl::new(),
            }),
        );
        Ok(())
    })
}

/// Cancels every upload using this token (they stop and return CANCELLED).
#[no_mangle]
pub unsafe extern "C" fn vodkit_upload_control_cancel(
    token: *const vodkit_upload_control,
) -> *mut vodkit_error {
    ffi_boundary!({
        arg_ref(token, "token")?.inner.cancel();
        Ok(())
    })
}

/// Whether the token was cancelled (false for NULL).
#[no_mangle]
pub unsafe extern "C" fn vodkit_upload_control_is_cancelled(
    token: *const vodkit_upload_control,
) -> bool {
    ffi_boundary_or!(false, {
        token.as_ref().is_some_and(|t| t.inner.is_cancelled())
    })
}

/// Pauses every upload using this token: no new part starts and the parts
/// in flight stop sending (a pause longer than 30 s abandons them cleanly;
/// they are sent again on resume). The upload call keeps blocking, its
/// progress callback keeps being called, and cancel still works.
#[no_mangle]
pub unsafe extern "C" fn vodkit_upload_control_pause(
    token: *const vodkit_upload_control,
) -> *mut vodkit_error {
    ffi_boundary!({
        arg_ref(token, "token")?.inner.pause();
        Ok(())
    })
}

/// Lets paused uploads go on where they stopped (in the same call).
#[no_mangle]
pub unsafe extern "C" fn vodkit_upload_control_resume(
    token: *const vodkit_upload_control,
) -> *mut vodkit_error {
    ffi_boundary!({
        arg_ref(token, "token")?.inner.resume();
        Ok(())
    })
}

/// Whether the token is paused (false for NULL).
#[no_mangle]
pub unsafe extern "C" fn vodkit_upload_control_is_paused(
    token: *const vodkit_upload_control,
) -> bool {
    ffi_boundary_or!(false, {
        token.as_ref().is_some_and(|t| t.inner.is_paused())
    })
}

/// Caps the bandwidth of every upload using this token to
/// `bytes_per_second` in total (0 lifts the cap). May be called at any
/// time, also while uploading; takes effect within about 50 ms.
#[no_mangle]
pub unsafe extern "C" fn vodkit_upload_control_set_rate_limit(
    token: *const vodkit_upload_control,
    bytes_per_second: u64,
) -> *mut vodkit_error {
    ffi_boundary!({
        arg_ref(token, "token")?
            .inner
            .set_rate_limit(bytes_per_second);
        Ok(())
    })
}

/// The token's cap in bytes per second (0: none, and for NULL).
#[no_mangle]
pub unsafe extern "C" fn vodkit_upload_control_rate_limit(
    token: *const vodkit_upload_control,
) -> u64 {
    ffi_boundary_or!(0, { token.as_ref().map_or(0, |t| t.inner.rate_limit()) })
}

/// Frees a token. NULL is a no-op. Do not free it while an upload uses it.
#[no_mangle]
pub unsafe extern "C" fn vodkit_upload_control_free(token: *mut vodkit_upload_control) {
    ffi_boundary_or!((), {
        super::live::free_handle(token);
    })
}
