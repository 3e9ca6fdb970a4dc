//! `vodkit._vodkit`: the native module of the `vodkit` Python package.
//!
//! It wraps the Rust core directly (not the C ABI): the provider-neutral
//! client (calls by operation name, uploads with progress and cancellation,
//! the catalog), and Baijiayun's extras (the request signer and the callback
//! verifier). The typed per-provider classes are Python, generated from the
//! catalog (`vodkit/_generated/`, by `cargo run -p vodkit-codegen`). Answers become plain Python dicts and
//! lists through `pythonize`, everywhere; failures become the exception
//! classes of `vodkit/errors.py`. Every entry point runs under [`errors::guard`],
//! so a Rust panic surfaces as `vodkit.InternalError`, never `PanicException`.
//! Blocking network work runs with the GIL released (`Python::detach`).

// Contributors' documentation (`cargo doc --document-private-items`): links
// to private items are how it points at the code; scripts/check-release
// denies every other rustdoc warning.
#![allow(rustdoc::private_intra_doc_links)]

mod batch;
mod checkpoint;
mod client;
mod errors;
mod logs;
mod source;
mod upload;
mod verify;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyString};
use serde::Serialize;

/// Converts a serde answer into plain Python objects (dicts, lists, str, int,
/// float, bool, None).
pub(crate) fn to_python<'py, T: Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|e| {
        errors::to_py_err(
            py,
            &vodkit::Error::internal(format!("cannot convert the answer to Python: {e}")),
        )
    })
}

/// A parameter value as the provider gets it: `str` as is, `int` in decimal,
/// `bool` as `1`/`0` (as the generic call sends it).
pub(crate) fn param_text(value: &Bound<'_, PyAny>, key: &str) -> PyResult<String> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(if b.is_true() { "1" } else { "0" }.to_owned());
    }
    if let Ok(i) = value.cast::<PyInt>() {
        return Ok(i.str()?.to_cow()?.into_owned());
    }
    Err(PyTypeError::new_err(format!(
        "the value of {key:?} must be str or int, not {}",
        value.get_type().name()?
    )))
}

/// The items of a mapping (anything with `.items()`), in its order.
pub(crate) fn mapping_items<'py>(
    mapping: &Bound<'py, PyAny>,
    what: &str,
) -> PyResult<Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
    if !mapping.hasattr("items")? {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a mapping, not {}",
            mapping.get_type().name()?
        )));
    }
    let mut out = Vec::new();
    for item in mapping.call_method0("items")?.try_iter()? {
        let (k, v): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item?.extract()?;
        out.push((k, v));
    }
    Ok(out)
}

/// Signs a parameter set by Baijiayun's rule and returns the lowercase hex MD5.
///
/// Every parameter except ``sign`` takes part: keys sorted by byte order
/// (uppercase before lowercase), ``k=v`` joined with ``&`` using the raw
/// values (no URL encoding), ``&partner_key=KEY`` appended. Empty and ``0``
/// values are signed as given: sign exactly what you send.
///
/// :param params: the parameters (``partner_id`` and ``timestamp`` included);
///     values are ``str`` or ``int`` (``bool`` counts as ``1``/``0``).
/// :param partner_key: the account's key; it is never sent.
/// :raises TypeError: a key is not a ``str`` or a value not a ``str``/``int``.
#[pyfunction]
#[pyo3(signature = (params, partner_key))]
fn sign(py: Python<'_>, params: &Bound<'_, PyAny>, partner_key: String) -> PyResult<String> {
    errors::guard(py, || {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (k, v) in mapping_items(params, "params")? {
            let key: String = k
                .extract()
                .map_err(|_| PyTypeError::new_err("parameter names must be str"))?;
            let value = param_text(&v, &key)?;
            pairs.push((key, value));
        }
        Ok(vodkit::baijiayun::sign(pairs, &partner_key))
    })
}

/// For the test suite only: panics inside the same guard every entry point
/// uses, to prove a panic arrives as ``vodkit.InternalError``.
#[pyfunction]
#[pyo3(signature = (message))]
fn _panic_for_tests(py: Python<'_>, message: String) -> PyResult<()> {
    errors::guard(py, || panic!("{message}"))
}

#[pymodule]
fn _vodkit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", vodkit::VERSION)?;
    m.add_function(wrap_pyfunction!(sign, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add_class::<client::Client>()?;
    m.add_function(wrap_pyfunction!(client::copy, m)?)?;
    m.add_class::<upload::UploadControl>()?;
    m.add_class::<upload::PyProgress>()?;
    m.add_function(wrap_pyfunction!(checkpoint::checkpoints, m)?)?;
    m.add_function(wrap_pyfunction!(checkpoint::remove_checkpoint, m)?)?;
    m.add_class::<verify::CallbackVerifier>()?;
    m.add_class::<source::Url>()?;
    m.add_function(wrap_pyfunction!(logs::reset_log_cache, m)?)?;
    logs::install(m.py())?;
    Ok(())
}
