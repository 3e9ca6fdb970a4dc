//! `vodkit_error`: what every fallible export returns on failure.

use std::any::Any;
use std::ffi::{c_char, CString};

use crate::error::Error;

/// The caller's input is wrong. Codes 1-11 mirror the core's classification.
pub const VODKIT_ERROR_INVALID_INPUT: u32 = 1;
/// Credentials rejected (bad signature, wrong key, account problem).
pub const VODKIT_ERROR_AUTH: u32 = 2;
/// The provider throttled the calls (retried first, per the retry policy).
pub const VODKIT_ERROR_RATE_LIMITED: u32 = 3;
/// Connection refused, reset, dropped or timed out (retried first).
pub const VODKIT_ERROR_NETWORK: u32 = 4;
/// The provider failed: HTTP 5xx or an unusable answer (retried first).
pub const VODKIT_ERROR_SERVER: u32 = 5;
/// The provider refused the request with one of its own codes.
pub const VODKIT_ERROR_PROVIDER: u32 = 6;
/// Bytes did not arrive intact, or the file changed during the upload.
pub const VODKIT_ERROR_INTEGRITY: u32 = 7;
/// Cancelled by the progress callback or an upload control.
pub const VODKIT_ERROR_CANCELLED: u32 = 8;
/// A local file could not be read.
pub const VODKIT_ERROR_IO: u32 = 9;
/// A callback failed verification; `vodkit_error_detail` says why
/// ("unsigned", "tampered", "stale" or "malformed").
pub const VODKIT_ERROR_VERIFICATION: u32 = 10;
/// A bug in vodkit.
pub const VODKIT_ERROR_INTERNAL: u32 = 11;
/// A required pointer argument was NULL.
pub const VODKIT_ERROR_NULL_ARGUMENT: u32 = 100;
/// A string argument was not valid UTF-8.
pub const VODKIT_ERROR_INVALID_UTF8: u32 = 101;
/// vodkit panicked; the call had no effect the caller can rely on.
pub const VODKIT_ERROR_PANIC: u32 = 102;
/// An enum argument (`uint32_t`) was not one of its constants.
pub const VODKIT_ERROR_INVALID_ENUM: u32 = 103;

/// An error. Read it with the `vodkit_error_*` accessors; free it with
/// `vodkit_error_free`. Strings returned by the accessors live as long as the error.
pub struct vodkit_error {
    code: u32,
    message: CString,
    provider_code: Option<CString>,
    request_id: Option<CString>,
    detail: Option<CString>,
    /// The resume handle of a failed upload, as JSON.
    resume: Option<String>,
    http_status: i32,
}

fn cstring(s: &str) -> CString {
    CString::new(s.replace('\0', "\u{fffd}")).unwrap_or_default()
}

impl vodkit_error {
    pub(crate) fn with_code(code: u32, message: impl AsRef<str>) -> Self {
        vodkit_error {
            code,
            message: cstring(message.as_ref()),
            provider_code: None,
            request_id: None,
            detail: None,
            resume: None,
            http_status: 0,
        }
    }

    pub(crate) fn panic(payload: Box<dyn Any + Send>) -> Self {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        vodkit_error::with_code(VODKIT_ERROR_PANIC, format!("vodkit panicked: {what}"))
    }

    pub(crate) fn into_raw(self) -> *mut vodkit_error {
        super::live::into_handle(self)
    }
}

impl From<Error> for vodkit_error {
    fn from(e: Error) -> Self {
        vodkit_error {
            code: e.kind() as u32,
            message: cstring(&e.to_string()),
            provider_code: e.provider_code().map(cstring),
            request_id: e.request_id().map(cstring),
            detail: e.detail().map(cstring),
            resume: e.resume().map(|r| r.to_string()),
            http_status: e.http_status().map(i32::from).unwrap_or(0),
        }
    }
}

/// The error's code: one of the `VODKIT_ERROR_*` constants (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn vodkit_error_code(error: *const vodkit_error) -> u32 {
    ffi_boundary_or!(0, { error.as_ref().map_or(0, |e| e.code) })
}

/// A human-readable message (never NULL for a non-NULL error; "" for NULL).
/// Never contains keys or tokens.
#[no_mangle]
pub unsafe extern "C" fn vodkit_error_message(error: *const vodkit_error) -> *const c_char {
    ffi_boundary_or!(c"".as_ptr(), {
        error.as_ref().map_or(c"".as_ptr(), |e| e.message.as_ptr())
    })
}

/// The provider's own error code ("1002", "A00010", …), or NULL when the
/// provider did not answer with one.
#[no_mangle]
pub unsafe extern "C" fn vodkit_error_provider_code(error: *const vodkit_error) -> *const c_char {
    ffi_boundary_or!(std::ptr::null(), {
        error
            .as_ref()
            .and_then(|e| e.provider_code.as_ref())
            .map_or(std::ptr::null(), |s| s.as_ptr())
    })
}

/// The provider's request id, or NULL.
#[no_mangle]
pub unsafe extern "C" fn vodkit_error_request_id(error: *const vodkit_error) -> *const c_char {
    ffi_boundary_or!(std::ptr::null(), {
        error
            .as_ref()
            .and_then(|e| e.request_id.as_ref())
            .map_or(std::ptr::null(), |s| s.as_ptr())
    })
}

/// A machine-readable sub-reason, or NULL: for VERIFICATION errors
/// "unsigned", "tampered", "stale" or "malformed".
#[no_mangle]
pub unsafe extern "C" fn vodkit_error_detail(error: *const vodkit_error) -> *const c_char {
    ffi_boundary_or!(std::ptr::null(), {
        error
            .as_ref()
            .and_then(|e| e.detail.as_ref())
            .map_or(std::ptr::null(), |s| s.as_ptr())
    })
}

/// The resume handle of a failed upload as an owned JSON string (an object
/// naming its `provider` and what to resume) that
/// `vodkit_client_resume_upload_source` (and `vodkit_client_resume_upload`)
/// accepts; NULL when there is none. Free it
/// with `vodkit_string_free`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_error_resume(error: *const vodkit_error) -> *mut c_char {
    ffi_boundary_or!(std::ptr::null_mut(), {
        error
            .as_ref()
            .and_then(|e| e.resume.clone())
            .map_or(std::ptr::null_mut(), super::strings::into_c)
    })
}

/// The HTTP status of the provider's answer, or 0 when there was none.
#[no_mangle]
pub unsafe extern "C" fn vodkit_error_http_status(error: *const vodkit_error) -> i32 {
    ffi_boundary_or!(0, { error.as_ref().map_or(0, |e| e.http_status) })
}

/// Frees an error. NULL is a no-op.
#[no_mangle]
pub unsafe extern "C" fn vodkit_error_free(error: *mut vodkit_error) {
    ffi_boundary_or!((), {
        super::live::free_handle(error);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn codes_mirror_the_core_classification() {
        let pairs = [
            (VODKIT_ERROR_INVALID_INPUT, ErrorKind::InvalidInput),
            (VODKIT_ERROR_AUTH, ErrorKind::Auth),
            (VODKIT_ERROR_RATE_LIMITED, ErrorKind::RateLimited),
            (VODKIT_ERROR_NETWORK, ErrorKind::Network),
            (VODKIT_ERROR_SERVER, ErrorKind::Server),
            (VODKIT_ERROR_PROVIDER, ErrorKind::Provider),
            (VODKIT_ERROR_INTEGRITY, ErrorKind::Integrity),
            (VODKIT_ERROR_CANCELLED, ErrorKind::Cancelled),
            (VODKIT_ERROR_IO, ErrorKind::Io),
            (VODKIT_ERROR_VERIFICATION, ErrorKind::Verification),
            (VODKIT_ERROR_INTERNAL, ErrorKind::Internal),
        ];
        for (code, kind) in pairs {
            assert_eq!(code, kind as u32, "{kind:?}");
        }
    }
}
