//! Upload checkpoints from Python: list them, remove one.

use std::path::PathBuf;

use pyo3::prelude::*;

use crate::errors::{guard, to_py_err};

/// The valid upload checkpoints in ``dir`` (the ``checkpoint_dir`` upload
/// option), oldest first: dicts with ``key`` (what ``remove_checkpoint``
/// takes), ``provider``, ``path`` (``None`` unless uploaded by path),
/// ``size``, ``acknowledged`` (bytes the server acknowledged), ``resume``
/// (the handle ``resume_upload`` takes), ``created_at`` and ``updated_at``
/// (Unix seconds). A directory that does not exist has none; files that are
/// not valid checkpoints are left out.
#[pyfunction]
#[pyo3(signature = (dir))]
pub(crate) fn checkpoints<'py>(py: Python<'py>, dir: PathBuf) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let list = vodkit::upload::checkpoint::list(&dir).map_err(|e| to_py_err(py, &e))?;
        crate::to_python(py, &list)
    })
}

/// Removes the checkpoint ``key`` from ``dir``; ``False`` when there was
/// none. The upload it recorded is not cancelled at the provider.
///
/// :raises InvalidInputError: ``key`` is not a checkpoint key (32 hex digits).
#[pyfunction]
#[pyo3(signature = (dir, key))]
pub(crate) fn remove_checkpoint(py: Python<'_>, dir: PathBuf, key: String) -> PyResult<bool> {
    guard(py, || {
        vodkit::upload::checkpoint::remove(&dir, &key).map_err(|e| to_py_err(py, &e))
    })
}
