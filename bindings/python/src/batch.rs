//! `Client.upload_many`: the core's batch upload from Python. As for one
//! upload, the whole batch runs with the GIL released; its progress and
//! per-file reports come on this thread (the core sends the workers' reports
//! here), which re-attaches to check for Ctrl-C and call `progress`.

use std::ops::ControlFlow;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList};
use serde_json::Value;
use vodkit::upload::{BatchHooks, BatchItem, BatchProgress, Source, UploadControl};

use crate::errors::to_py_err;
use crate::upload::ProgressStyle;

/// One batch report: Ctrl-C first, then the caller's callable.
fn tick(
    py: Python<'_>,
    progress: Option<&Py<PyAny>>,
    style: ProgressStyle,
    p: &BatchProgress<'_>,
) -> PyResult<bool> {
    py.check_signals()?;
    let Some(callback) = progress else {
        return Ok(true);
    };
    let answer = match style {
        ProgressStyle::Pair => callback.bind(py).call1((p.bytes_done, p.bytes_total))?,
        ProgressStyle::Object => {
            let d = PyDict::new(py);
            d.set_item("index", p.index)?;
            d.set_item("file_bytes_done", p.file.bytes_done)?;
            d.set_item("file_bytes_total", p.file.bytes_total)?;
            d.set_item("bytes_done", p.bytes_done)?;
            d.set_item("bytes_total", p.bytes_total)?;
            d.set_item("files_done", p.files_done)?;
            d.set_item("files_total", p.files_total)?;
            callback.bind(py).call1((d,))?
        }
    };
    match answer.cast::<PyBool>() {
        Ok(b) => Ok(b.is_true()),
        Err(_) => Ok(true),
    }
}

/// One file's result as a dict: `file`, `bytes`, `skipped`, and `result`
/// (the provider's answer) or `error` (the exception, with its `resume`).
fn item_to_python<'py>(py: Python<'py>, item: &BatchItem) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("index", item.index)?;
    d.set_item("file", &item.name)?;
    d.set_item("bytes", item.bytes)?;
    d.set_item("skipped", item.skipped)?;
    match &item.outcome {
        Ok(answer) => {
            d.set_item("result", crate::to_python(py, answer)?)?;
            d.set_item("error", py.None())?;
        }
        Err(err) => {
            d.set_item("result", py.None())?;
            d.set_item("error", to_py_err(py, err).value(py))?;
        }
    }
    Ok(d)
}

/// Runs the batch with the GIL released; an exception raised by `progress`
/// or a signal handler (Ctrl-C) stops every file and is re-raised as it is
/// (the files finished so far are in the manifest, when there is one).
pub(crate) fn run<'py>(
    py: Python<'py>,
    client: &vodkit::Client,
    sources: Vec<Source>,
    options: &Value,
    jobs: usize,
    progress: Option<Py<PyAny>>,
    control: Option<UploadControl>,
) -> PyResult<Bound<'py, PyList>> {
    let style = match &progress {
        Some(p) => ProgressStyle::of(py, p.bind(py)),
        None => ProgressStyle::Pair,
    };
    let callback = progress.as_ref();
    let (result, raised) = py.detach(move || {
        let mut raised: Option<PyErr> = None;
        let result = {
            let hook = |p: &BatchProgress<'_>| {
                Python::attach(|py| match tick(py, callback, style, p) {
                    Ok(true) => ControlFlow::Continue(()),
                    Ok(false) => ControlFlow::Break(()),
                    Err(e) => {
                        raised.get_or_insert(e);
                        ControlFlow::Break(())
                    }
                })
            };
            let mut hooks = BatchHooks::new().on_progress(hook);
            if let Some(control) = control {
                hooks = hooks.control(control);
            }
            client.upload_many(sources, options, jobs, hooks)
        };
        (result, raised)
    });
    if let Some(exception) = raised {
        return Err(exception);
    }
    let items = result.map_err(|e| to_py_err(py, &e))?;
    let list = PyList::empty(py);
    for item in &items {
        list.append(item_to_python(py, item)?)?;
    }
    Ok(list)
}
