//! `vodkit.CallbackVerifier`: checks what Baijiayun POSTs to the customer's
//! server, given as the raw form body or as the form a web framework parsed.

use std::time::Duration;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyInt, PyString};
use vodkit::{Error, ErrorKind};

use crate::errors::{guard, invalid_input, to_py_err};
use crate::to_python;

/// What a request arrived as.
enum Request {
    Body(Vec<u8>),
    Fields(Vec<(String, String)>),
}

fn malformed(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Verification, message).with_detail("malformed")
}

/// A form value: `str` (an `int` is accepted as its decimal text).
fn field_value(value: &Bound<'_, PyAny>, key: &str) -> Result<String, Error> {
    if let Ok(s) = value.cast::<PyString>() {
        return s
            .to_cow()
            .map(|c| c.into_owned())
            .map_err(|_| malformed(format!("field {key} is not valid text")));
    }
    if value.is_instance_of::<PyInt>() && !value.is_instance_of::<pyo3::types::PyBool>() {
        if let Ok(text) = value.str() {
            if let Ok(text) = text.to_cow() {
                return Ok(text.into_owned());
            }
        }
    }
    Err(malformed(format!("field {key} is not text")))
}

/// Reads the request: raw bytes or text, or a mapping. Multi-value forms
/// (Flask/Werkzeug `MultiDict`, Django `QueryDict`, Starlette `FormData`)
/// are read with every value, so a repeated field is caught as malformed.
fn read_request(request: &Bound<'_, PyAny>) -> PyResult<Result<Request, Error>> {
    if let Ok(b) = request.cast::<PyBytes>() {
        return Ok(Ok(Request::Body(b.as_bytes().to_vec())));
    }
    if let Ok(b) = request.cast::<PyByteArray>() {
        return Ok(Ok(Request::Body(b.to_vec())));
    }
    if let Ok(s) = request.cast::<PyString>() {
        return Ok(Ok(Request::Body(s.to_cow()?.as_bytes().to_vec())));
    }
    let pairs: Vec<(Bound<'_, PyAny>, Bound<'_, PyAny>)> = if request.hasattr("multi_items")? {
        // Starlette / FastAPI FormData.
        request.call_method0("multi_items")?.extract()?
    } else if request.hasattr("lists")? && request.hasattr("getlist")? {
        // Werkzeug MultiDict (Flask's request.form), Django's QueryDict.
        let mut out = Vec::new();
        for item in request.call_method0("lists")?.try_iter()? {
            let (k, values): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item?.extract()?;
            for v in values.try_iter()? {
                out.push((k.clone(), v?));
            }
        }
        out
    } else if request.hasattr("items")? {
        crate::mapping_items(request, "the request")?
    } else {
        return Err(PyTypeError::new_err(format!(
            "expected the raw form body (bytes or str) or a mapping of its fields, not {}",
            request.get_type().name()?
        )));
    };
    let mut fields = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        let Ok(key) = k.cast::<PyString>() else {
            return Ok(Err(malformed("a field name is not text")));
        };
        let key = key.to_cow()?.into_owned();
        match field_value(&v, &key) {
            Ok(value) => fields.push((key, value)),
            Err(e) => return Ok(Err(e)),
        }
    }
    Ok(Ok(Request::Fields(fields)))
}

/// Reads a request as a raw body or as fields, runs the matching verifier,
/// and hands the verified request to Python.
fn verify_with<'py, T: serde::Serialize>(
    py: Python<'py>,
    request: &Bound<'py, PyAny>,
    by_body: impl FnOnce(&[u8]) -> Result<T, Error>,
    by_fields: impl FnOnce(Vec<(String, String)>) -> Result<T, Error>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let result = match read_request(request)? {
            Err(e) => Err(e),
            Ok(Request::Body(body)) => by_body(&body),
            Ok(Request::Fields(fields)) => by_fields(fields),
        };
        match result {
            Ok(verified) => to_python(py, &verified),
            Err(err) => Err(to_py_err(py, &err)),
        }
    })
}

/// The window when `max_age` is not given, as in every language.
const DEFAULT_MAX_AGE_SECS: f64 = 300.0;

/// Verifies what Baijiayun sends to your server — transcode callbacks and
/// third-party playback auth requests — with the partner key: the ``sign``
/// is compared in constant time and the ``timestamp`` must be within
/// ``max_age`` seconds of now (either way). Requests over 64 KiB are refused
/// as ``"malformed"``. The window limits replays but a delivery can still
/// arrive twice inside it (the provider retries): deduplicate transcode
/// callbacks on ``qid``.
///
/// :param partner_key: the account's partner key.
/// :param max_age: the allowed clock distance in seconds (``float`` or
///     ``datetime.timedelta``), default (``None``) 300; ``0`` turns the
///     check off (a captured request is then accepted for ever). The
///     provider retries a delivery 30 s later with the same timestamp: allow
///     at least a minute.
/// :param require_signed_auth: whether playback auth requests must carry a
///     ``sign``. Default ``False``: the provider documents the request as
///     ``access_key`` and ``video_id`` only, so an unsigned request is
///     accepted, and a ``sign``, when present, is checked. ``True`` is the
///     strict mode (unsigned requests raise ``"unsigned"``).
///
/// Both methods take the raw ``application/x-www-form-urlencoded`` body
/// (``bytes`` or ``str``, e.g. Flask's ``request.get_data()``) or the parsed
/// form (``request.form`` in Flask, ``request.POST`` in Django, ``await
/// request.form()`` in FastAPI/Starlette, or a plain ``dict``), and raise
/// ``vodkit.VerificationError`` whose ``reason`` is ``"unsigned"``,
/// ``"tampered"``, ``"stale"`` or ``"malformed"``. Answer the provider
/// ``{"code": 0}`` once handled; anything else makes it retry.
#[pyclass(frozen, module = "vodkit", name = "CallbackVerifier")]
pub(crate) struct CallbackVerifier {
    inner: vodkit::baijiayun::CallbackVerifier,
}

#[pymethods]
impl CallbackVerifier {
    #[new]
    #[pyo3(signature = (partner_key, *, max_age = None, require_signed_auth = false))]
    fn new(
        py: Python<'_>,
        partner_key: String,
        max_age: Option<&Bound<'_, PyAny>>,
        require_signed_auth: bool,
    ) -> PyResult<Self> {
        guard(py, || {
            if partner_key.is_empty() {
                return Err(invalid_input(py, "partner_key is empty"));
            }
            let mut inner = vodkit::baijiayun::CallbackVerifier::new(partner_key)
                .require_signed_auth(require_signed_auth);
            let secs: f64 = match max_age {
                None => DEFAULT_MAX_AGE_SECS,
                Some(age) if age.hasattr("total_seconds")? => {
                    age.call_method0("total_seconds")?.extract()?
                }
                Some(age) => age.extract()?,
            };
            if !(secs.is_finite() && secs >= 0.0) {
                return Err(invalid_input(
                    py,
                    format!("max_age must be 0 or more seconds, not {secs}"),
                ));
            }
            inner = if secs > 0.0 {
                inner.max_age(Duration::from_secs_f64(secs))
            } else {
                inner.without_max_age()
            };
            Ok(CallbackVerifier { inner })
        })
    }

    /// Verifies a transcode callback.
    ///
    /// :returns: ``{"video_id": int, "status": int (20 uploaded, 30 failed,
    ///     100 transcoded), "qid": str (deduplicate on it: deliveries are
    ///     retried), "timestamp": int, "preface_url", "total_size",
    ///     "total_transcode_size", "length", "file_md5", "now_definition",
    ///     "origin_definition" (``None`` when absent), "fields": {every field
    ///     but sign}}``.
    /// :raises VerificationError: see the class.
    #[pyo3(signature = (request))]
    fn verify_transcode<'py>(
        &self,
        py: Python<'py>,
        request: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        verify_with(
            py,
            request,
            |body| self.inner.verify_transcode_body(body),
            |fields| self.inner.verify_transcode(fields),
        )
    }

    /// Verifies a third-party playback auth request; answer ``{"code": 0}``
    /// to allow it, ``{"code": 1, "msg": ...}`` to deny.
    ///
    /// :returns: ``{"access_key": str, "video_id": int, "timestamp": int | None,
    ///     "fields": {every field but sign}}``.
    /// :raises VerificationError: see the class.
    #[pyo3(signature = (request))]
    fn verify_playback_auth<'py>(
        &self,
        py: Python<'py>,
        request: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        verify_with(
            py,
            request,
            |body| self.inner.verify_playback_auth_body(body),
            |fields| self.inner.verify_playback_auth(fields),
        )
    }

    fn __repr__(&self) -> &'static str {
        "CallbackVerifier(partner_key=<redacted>)"
    }
}
