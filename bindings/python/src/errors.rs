//! `vodkit::Error` → the exception classes of `vodkit/errors.py`, and the
//! guard that keeps Rust panics from reaching Python as `PanicException`.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::Value;
use vodkit::{Error, ErrorKind};

/// The Python class raised for each kind (defined in `vodkit/errors.py`).
fn class_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::InvalidInput => "InvalidInputError",
        ErrorKind::Auth => "AuthError",
        ErrorKind::RateLimited => "RateLimitedError",
        ErrorKind::Network => "NetworkError",
        ErrorKind::Server => "ServerError",
        ErrorKind::Provider => "ProviderError",
        ErrorKind::Integrity => "IntegrityError",
        ErrorKind::Cancelled => "CancelledError",
        ErrorKind::Io => "IoError",
        ErrorKind::Verification => "VerificationError",
        ErrorKind::Internal => "InternalError",
    }
}

/// Builds the `vodkit.errors` exception for `err`, keeping its code, provider
/// code, message, request id, HTTP status, detail, `Retry-After` and resume
/// handle.
pub(crate) fn to_py_err(py: Python<'_>, err: &Error) -> PyErr {
    to_py_err_with_resume(py, err, err.resume())
}

/// As [`to_py_err`], with the resume handle of the upload it concerns: the
/// exception's `resume` attribute (and `video_id`, when the handle has one).
pub(crate) fn to_py_err_with_resume(py: Python<'_>, err: &Error, resume: Option<&Value>) -> PyErr {
    match build(py, err, resume) {
        Ok(e) => e,
        // Only when vodkit/errors.py cannot be imported (a broken install).
        Err(import_failure) => {
            let e = PyRuntimeError::new_err(err.to_string());
            e.set_cause(py, Some(import_failure));
            e
        }
    }
}

fn build(py: Python<'_>, err: &Error, resume: Option<&Value>) -> PyResult<PyErr> {
    let module = py.import("vodkit.errors")?;
    let class = module.getattr(class_name(err.kind()))?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("code", err.kind().as_str())?;
    kwargs.set_item("provider_code", err.provider_code())?;
    kwargs.set_item("request_id", err.request_id())?;
    kwargs.set_item("http_status", err.http_status())?;
    kwargs.set_item("detail", err.detail())?;
    kwargs.set_item("retry_after", err.retry_after().map(|d| d.as_secs_f64()))?;
    match resume {
        Some(handle) => {
            kwargs.set_item("resume", crate::to_python(py, handle)?)?;
            kwargs.set_item("video_id", video_id_of(handle))?;
        }
        None => kwargs.set_item("resume", py.None())?,
    }
    let value = class.call((err.message(),), Some(&kwargs))?;
    Ok(PyErr::from_value(value))
}

/// An `InvalidInputError` raised by the binding itself (bad argument values).
pub(crate) fn invalid_input(py: Python<'_>, message: impl Into<String>) -> PyErr {
    to_py_err(py, &Error::invalid_input(message))
}

/// The video id of a resume handle that has one (Baijiayun's
/// `{"provider": "baijiayun", "video_id": N}`), for `err.video_id`.
pub(crate) fn video_id_of(resume: &Value) -> Option<i64> {
    resume.get("video_id").and_then(Value::as_i64)
}

/// Runs `f`; a panic anywhere inside it (also on the upload's worker threads,
/// which `std::thread::scope` re-raises here) becomes `vodkit.InternalError`.
pub(crate) fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => Err(panic_error(py, payload.as_ref())),
    }
}

pub(crate) fn panic_error(py: Python<'_>, payload: &(dyn Any + Send)) -> PyErr {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    to_py_err(
        py,
        &Error::internal(format!("a bug in vodkit (Rust panic): {what}")),
    )
}
