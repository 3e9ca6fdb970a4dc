//! The one boundary every export goes through, and argument checks.

use std::ffi::{c_char, CStr};

use super::error::{vodkit_error, VODKIT_ERROR_INVALID_UTF8, VODKIT_ERROR_NULL_ARGUMENT};

/// Runs the body of a fallible export: `Ok(())` → NULL, `Err(e)` → the error
/// object, a panic → a PANIC error object. Never unwinds into C.
macro_rules! ffi_boundary {
    ($body:block) => {{
        let result = ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(
            || -> ::std::result::Result<(), $crate::ffi::error::vodkit_error> { $body },
        ));
        match result {
            Ok(Ok(())) => ::std::ptr::null_mut(),
            Ok(Err(e)) => e.into_raw(),
            Err(payload) => $crate::ffi::error::vodkit_error::panic(payload).into_raw(),
        }
    }};
}

/// Runs the body of an export that cannot report errors (accessors, frees):
/// a panic yields `$default` instead of unwinding into C.
macro_rules! ffi_boundary_or {
    ($default:expr, $body:block) => {{
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| $body)) {
            Ok(v) => v,
            Err(_) => $default,
        }
    }};
}

/// A required C string argument as `&str`.
pub(crate) unsafe fn arg_str<'a>(p: *const c_char, name: &str) -> Result<&'a str, vodkit_error> {
    if p.is_null() {
        return Err(null_arg(name));
    }
    CStr::from_ptr(p).to_str().map_err(|_| {
        vodkit_error::with_code(
            VODKIT_ERROR_INVALID_UTF8,
            format!("{name} is not valid UTF-8"),
        )
    })
}

/// An optional C string argument (NULL = absent).
pub(crate) unsafe fn opt_str<'a>(
    p: *const c_char,
    name: &str,
) -> Result<Option<&'a str>, vodkit_error> {
    if p.is_null() {
        Ok(None)
    } else {
        arg_str(p, name).map(Some)
    }
}

/// A required handle argument.
pub(crate) unsafe fn arg_ref<'a, T>(p: *const T, name: &str) -> Result<&'a T, vodkit_error> {
    p.as_ref().ok_or_else(|| null_arg(name))
}

/// Checks an out-parameter is writable; write it with [`put`] on success only.
pub(crate) fn arg_out<T>(p: *mut T, name: &str) -> Result<(), vodkit_error> {
    if p.is_null() {
        Err(null_arg(name))
    } else {
        Ok(())
    }
}

/// Writes an out-parameter checked by [`arg_out`].
pub(crate) unsafe fn put<T>(p: *mut T, value: T) {
    p.write(value);
}

/// A byte buffer argument (`ptr` may be NULL only when `len` is 0).
pub(crate) unsafe fn arg_bytes<'a>(
    p: *const u8,
    len: usize,
    name: &str,
) -> Result<&'a [u8], vodkit_error> {
    if len == 0 {
        return Ok(&[]);
    }
    if p.is_null() {
        return Err(null_arg(name));
    }
    Ok(std::slice::from_raw_parts(p, len))
}

/// Parallel `keys[i] = values[i]` C string arrays.
pub(crate) unsafe fn arg_pairs(
    keys: *const *const c_char,
    values: *const *const c_char,
    count: usize,
) -> Result<Vec<(String, String)>, vodkit_error> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if keys.is_null() {
        return Err(null_arg("keys"));
    }
    if values.is_null() {
        return Err(null_arg("values"));
    }
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let k = arg_str(*keys.add(i), &format!("keys[{i}]"))?;
        let v = arg_str(*values.add(i), &format!("values[{i}]"))?;
        out.push((k.to_owned(), v.to_owned()));
    }
    Ok(out)
}

pub(crate) fn null_arg(name: &str) -> vodkit_error {
    vodkit_error::with_code(VODKIT_ERROR_NULL_ARGUMENT, format!("{name} is NULL"))
}

/// Serializes `value` as JSON for C.
pub(crate) fn json_out<T: serde::Serialize + ?Sized>(
    value: &T,
) -> Result<*mut c_char, vodkit_error> {
    serde_json::to_string(value)
        .map(super::strings::into_c)
        .map_err(|e| crate::Error::internal(format!("cannot encode the result: {e}")).into())
}
