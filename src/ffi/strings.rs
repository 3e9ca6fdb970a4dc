//! Owned strings handed to C, and the one function that frees them.

use std::ffi::{c_char, CString};

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
