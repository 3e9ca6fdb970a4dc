//! Uploads from Python: the whole transfer runs with the GIL released; the
//! engine's progress hook (called on this thread only, about every 100 ms
//! even when no byte moved) re-attaches to check for Ctrl-C and to call the
//! Python `progress` callable.

use std::ops::ControlFlow;

use pyo3::prelude::*;
use pyo3::types::PyBool;
use serde_json::Value;
use vodkit::upload::{Progress, UploadHooks};

use crate::errors::{to_py_err_with_resume, video_id_of};

/// Cancels, pauses or caps an upload from any thread (or from a signal handler).
///
/// Pass it as ``control=`` to ``Client.upload`` or ``resume_upload``;
/// calling ``cancel()`` makes the upload stop within about 100 ms and raise
/// ``vodkit.CancelledError``. A token stays cancelled: use a new one per upload.
/// ``pause()`` stops the upload's bytes (no new part starts, parts in flight
/// stop sending; a pause over 30 s abandons them, to be sent again) while
/// ``upload`` keeps blocking and calling ``progress``; ``resume()`` goes on
/// in the same call. ``set_rate_limit(n)`` caps it to ``n`` bytes per
/// second (0: no cap), also while it runs.
#[pyclass(frozen, module = "vodkit", name = "UploadControl")]
pub(crate) struct UploadControl {
    pub(crate) inner: vodkit::upload::UploadControl,
}

#[pymethods]
impl UploadControl {
    #[new]
    fn new() -> Self {
        UploadControl {
            inner: vodkit::upload::UploadControl::new(),
        }
    }

    /// Asks the upload using this token to stop. Safe from any thread.
    fn cancel(&self) {
        self.inner.cancel();
    }

    /// Whether ``cancel()`` was called.
    #[getter]
    fn cancelled(&self) -> bool {
        self.inner.is_cancelled()
    }

    /// Pauses the upload using this token. Safe from any thread.
    fn pause(&self) {
        self.inner.pause();
    }

    /// Lets a paused upload go on where it stopped. Safe from any thread.
    fn resume(&self) {
        self.inner.resume();
    }

    /// Whether the token is paused.
    #[getter]
    fn is_paused(&self) -> bool {
        self.inner.is_paused()
    }

    /// Caps the upload to ``bytes_per_second`` (0 lifts the cap), at any
    /// time, also while it runs. Safe from any thread.
    fn set_rate_limit(&self, bytes_per_second: u64) {
        self.inner.set_rate_limit(bytes_per_second);
    }

    /// The cap in bytes per second (0: none).
    #[getter]
    fn rate_limit(&self) -> u64 {
        self.inner.rate_limit()
    }

    fn __repr__(&self) -> &'static str {
        if self.inner.is_cancelled() {
            "UploadControl(cancelled=True)"
        } else {
            "UploadControl(cancelled=False)"
        }
    }
}

/// A snapshot of an upload, passed to a ``progress`` callable that takes
/// one argument.
#[pyclass(frozen, module = "vodkit", name = "Progress")]
pub(crate) struct PyProgress {
    /// Bytes the server holds or is receiving; never decreases within a call.
    #[pyo3(get)]
    bytes_done: u64,
    /// The file size.
    #[pyo3(get)]
    bytes_total: u64,
    /// Bytes put on the wire by this call, re-sent bytes included.
    #[pyo3(get)]
    bytes_sent: u64,
    /// Milliseconds since the call started.
    #[pyo3(get)]
    elapsed_ms: u64,
    resume: Option<std::sync::Arc<Value>>,
}

#[pymethods]
impl PyProgress {
    /// The provider's resume handle (``{"provider": "baijiayun", "video_id":
    /// 7}``) from the first report on — before any byte is sent — so it can
    /// be stored and passed to ``resume_upload`` after a crash; ``None``
    /// until the provider created the upload.
    #[getter]
    fn resume<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::to_python(py, &self.resume.as_deref())
    }

    fn __repr__(&self) -> String {
        format!(
            "Progress(bytes_done={}, bytes_total={}, bytes_sent={}, elapsed_ms={})",
            self.bytes_done, self.bytes_total, self.bytes_sent, self.elapsed_ms
        )
    }
}

/// How a ``progress`` callable is called: with one ``Progress`` when it
/// takes exactly one positional argument, else ``(bytes_done, bytes_total)``.
#[derive(Clone, Copy)]
pub(crate) enum ProgressStyle {
    Object,
    Pair,
}

impl ProgressStyle {
    pub(crate) fn of(py: Python<'_>, callable: &Bound<'_, PyAny>) -> ProgressStyle {
        let binds = |n: usize| -> bool {
            let Ok(sig) = py
                .import("inspect")
                .and_then(|m| m.getattr("signature"))
                .and_then(|f| f.call1((callable,)))
            else {
                return false;
            };
            let args = pyo3::types::PyTuple::new(py, (0..n).map(|_| py.None()));
            args.and_then(|a| sig.call_method1("bind", a)).is_ok()
        };
        if binds(1) && !binds(2) {
            ProgressStyle::Object
        } else {
            ProgressStyle::Pair
        }
    }
}

/// One progress tick: Ctrl-C first, then the caller's callable.
/// `Ok(false)` aborts (the callable returned exactly `False`).
fn tick(
    py: Python<'_>,
    progress: Option<&Py<PyAny>>,
    style: ProgressStyle,
    p: &Progress,
) -> PyResult<bool> {
    py.check_signals()?;
    let Some(callback) = progress else {
        return Ok(true);
    };
    let answer = match style {
        ProgressStyle::Pair => callback.bind(py).call1((p.bytes_done, p.bytes_total))?,
        ProgressStyle::Object => {
            let snapshot = PyProgress {
                bytes_done: p.bytes_done,
                bytes_total: p.bytes_total,
                bytes_sent: p.bytes_sent,
                elapsed_ms: p.elapsed.as_millis() as u64,
                resume: p.resume.clone(),
            };
            callback.bind(py).call1((snapshot,))?
        }
    };
    match answer.cast::<PyBool>() {
        Ok(b) => Ok(b.is_true()),
        Err(_) => Ok(true),
    }
}

/// Runs one upload (`start` gets the control to pass to the core) with the
/// GIL released, and turns its outcome into a Python result.
///
/// `resume` is the handle being resumed (`None` for a new upload, whose
/// handle the core attaches to a failure). A vodkit failure carries it as
/// `err.resume`. An exception raised by `progress` or by a signal handler
/// (Ctrl-C → `KeyboardInterrupt`) aborts the upload and is re-raised as it
/// is; when it has no `resume` attribute yet, it gets one (and `video_id`,
/// when the handle has one) so the caller can `resume_upload`.
pub(crate) fn run<'py, F>(
    py: Python<'py>,
    progress: Option<Py<PyAny>>,
    control: Option<vodkit::upload::UploadControl>,
    resume: Option<Value>,
    start: F,
) -> PyResult<Bound<'py, PyAny>>
where
    F: for<'a> FnOnce(UploadHooks<'a>) -> vodkit::Result<Value> + Send,
{
    // The callable stays owned here, so it is released with the GIL held.
    let style = match &progress {
        Some(p) => ProgressStyle::of(py, p.bind(py)),
        None => ProgressStyle::Pair,
    };
    let callback = progress.as_ref();
    let (result, raised) = py.detach(move || {
        let mut raised: Option<PyErr> = None;
        let result = {
            let hook = |p: &Progress| {
                Python::attach(|py| match tick(py, callback, style, p) {
                    Ok(true) => ControlFlow::Continue(()),
                    Ok(false) => ControlFlow::Break(()),
                    Err(e) => {
                        raised = Some(e);
                        ControlFlow::Break(())
                    }
                })
            };
            let mut hooks = UploadHooks::new().on_progress(hook);
            if let Some(control) = control {
                hooks = hooks.control(control);
            }
            start(hooks)
        };
        (result, raised)
    });
    let resume = match &result {
        Err(err) => err.resume().cloned().or(resume),
        Ok(_) => resume,
    };
    match (result, raised) {
        (_, Some(exception)) => {
            if let Some(resume) = &resume {
                let value = exception.value(py);
                // Best effort: an exception type with __slots__ refuses them.
                if !value.hasattr("resume").unwrap_or(true) {
                    if let Ok(handle) = crate::to_python(py, resume) {
                        let _ = value.setattr("resume", handle);
                    }
                }
                if let Some(id) = video_id_of(resume) {
                    if !value.hasattr("video_id").unwrap_or(true) {
                        let _ = value.setattr("video_id", id);
                    }
                }
            }
            Err(exception)
        }
        (Ok(uploaded), None) => crate::to_python(py, &uploaded),
        (Err(err), None) => Err(to_py_err_with_resume(py, &err, resume.as_ref())),
    }
}
