//! Owned strings handed to C, and the one function that frees them.

use std::ffi::{c_char, CString};

use super::error::vodkit_error;

/// Hands a Rust string to C as an owned `char*` (NUL bytes are replaced, as
/// C strings cannot hold them).
pub(crate) fn into_c(s: String) -> *mut c_char {
    let s = if s.contains('\0') {
        s.replace('\0', "\u{fffd}")
    } else {
        s
    };
    super::live::count_string();
    CString::new(s).unwrap_or_default().into_raw()
}

/// Serializes `value` as JSON for C.
pub(crate) fn json_out<T: serde::Serialize + ?Sized>(
    value: &T,
) -> Result<*mut c_char, vodkit_error> {
    serde_json::to_string(value)
        .map(into_c)
        .map_err(|e| crate::Error::internal(format!("cannot encode the result: {e}")).into())
}

/// Frees a string the library returned (`char*` out-params). NULL is a no-op.
#[no_mangle]
pub unsafe extern "C" fn vodkit_string_free(s: *mut c_char) {
    ffi_boundary_or!((), {
        if !s.is_null() {
            super::live::uncount_string();
            drop(CString::from_raw(s));
        }
    })
}
