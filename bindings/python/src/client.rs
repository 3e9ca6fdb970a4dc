//! `vodkit.Client`: the provider-neutral client — built from a provider name
//! and its config map, it calls any operation of the provider's catalog by
//! name, uploads and resumes, and lists the catalog. The typed per-provider
//! classes (`vodkit.Baijiayun`, …) are Python subclasses generated from the
//! catalog (`vodkit/_generated/`); nothing here changes per provider or
//! operation.

use std::path::PathBuf;
use std::sync::OnceLock;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::batch;
use crate::errors::{guard, invalid_input, to_py_err};
use crate::source;
use crate::to_python;
use crate::upload::{self, UploadControl};

/// Runs a blocking core call with the GIL released and converts its answer.
fn blocking<'py, T, F>(py: Python<'py>, f: F) -> PyResult<Bound<'py, PyAny>>
where
    T: Serialize + Send,
    F: FnOnce() -> vodkit::Result<T> + Send,
{
    match py.detach(f) {
        Ok(answer) => to_python(py, &answer),
        Err(err) => Err(to_py_err(py, &err)),
    }
}

/// A mapping (or `None`) as a JSON object, its `None` values left out (not
/// sent: the provider's default applies).
fn json_object(py: Python<'_>, value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Value> {
    let Some(value) = value else {
        return Ok(Value::Object(Map::new()));
    };
    if value.is_none() {
        return Ok(Value::Object(Map::new()));
    }
    if !value.is_instance_of::<PyDict>() && !value.hasattr("keys")? {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a mapping, not {}",
            value.get_type().name()?
        )));
    }
    if let Some(map) = plain_dict_object(py, value, what)? {
        return Ok(Value::Object(map));
    }
    let json: Value =
        pythonize::depythonize(value).map_err(|e| invalid_input(py, format!("{what}: {e}")))?;
    Ok(match json {
        // In place: rebuilding the map cost every call its keys again.
        Value::Object(mut map) => {
            map.retain(|_, v| !v.is_null());
            Value::Object(map)
        }
        other => other,
    })
}

/// A plain `dict` with `str` keys (what every call passes) read entry by
/// entry, its `None` values left out: pythonize would first look the dict
/// up as a dataclass (a failed attribute lookup, a third of a call's
/// binding cost; issue 19, B5) and build the map twice. `None` for anything
/// else (a subclass, a mapping, a non-`str` key), which pythonize reads.
fn plain_dict_object(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    what: &str,
) -> PyResult<Option<Map<String, Value>>> {
    let Ok(dict) = value.cast_exact::<PyDict>() else {
        return Ok(None);
    };
    if !dict
        .iter()
        .all(|(k, _)| k.is_exact_instance_of::<PyString>())
    {
        return Ok(None);
    }
    let mut map = Map::with_capacity(dict.len());
    for (key, item) in dict.iter() {
        if item.is_none() {
            continue;
        }
        let item: Value =
            pythonize::depythonize(&item).map_err(|e| invalid_input(py, format!("{what}: {e}")))?;
        map.insert(key.cast::<PyString>()?.to_cow()?.into_owned(), item);
    }
    Ok(Some(map))
}

/// Whether a config key's schema is a secret (`writeOnly`, through `$ref`s).
fn is_secret(schema: &Value, defs: &Value) -> bool {
    match schema {
        Value::Object(o) => {
            if o.get("writeOnly").and_then(Value::as_bool) == Some(true) {
                return true;
            }
            if let Some(def) = o
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/$defs/"))
                .and_then(|name| defs.get(name))
            {
                if is_secret(def, defs) {
                    return true;
                }
            }
            ["anyOf", "oneOf", "allOf"].iter().any(|k| {
                o.get(*k)
                    .and_then(Value::as_array)
                    .is_some_and(|vs| vs.iter().any(|v| is_secret(v, defs)))
            })
        }
        _ => false,
    }
}

/// `scheme://user:password@host…` → `scheme://***@host…`.
fn without_credentials(text: &str) -> String {
    if let Some(start) = text.find("://").map(|i| i + 3) {
        let rest = &text[start..];
        let end = rest.find('/').unwrap_or(rest.len());
        if let Some(at) = rest[..end].rfind('@') {
            return format!("{}***{}", &text[..start], &rest[at..]);
        }
    }
    text.to_owned()
}

/// The config keys `repr` may show: plain values of keys that are not
/// secrets, credentials in URLs masked.
fn shown_config(provider: &str, config: &Value) -> Vec<(String, Value)> {
    let schema = vodkit::providers::registry::find(provider)
        .map(|p| (p.config_schema)().to_value())
        .unwrap_or(Value::Null);
    let defs = schema.get("$defs").cloned().unwrap_or(Value::Null);
    let Value::Object(map) = config else {
        return Vec::new();
    };
    map.iter()
        .filter(|(key, _)| {
            schema
                .get("properties")
                .and_then(|p| p.get(key.as_str()))
                .is_some_and(|prop| !is_secret(prop, &defs))
        })
        .filter_map(|(key, value)| match value {
            Value::String(s) => Some((key.clone(), Value::String(without_credentials(s)))),
            Value::Number(_) | Value::Bool(_) => Some((key.clone(), value.clone())),
            _ => None,
        })
        .collect()
}

struct Built {
    client: vodkit::Client,
    /// `key=value` pairs for `repr` (no secret).
    shown: Vec<(String, Value)>,
}

/// A client of one video-on-demand provider, built from its name and its
/// config: one JSON-shaped map, the same keys in every binding.
///
/// ::
///
///     client = vodkit.Client("baijiayun", partner_id="12345678",
///                            partner_key=KEY, private_domain="acme")
///     status = client.call("video/getStatus", {"video_id": 7})
///
/// ``vodkit.Baijiayun(**config)`` is the same client with one typed method
/// per operation of the provider's catalog (generated from it). One pooled
/// set of HTTP connections per client: build one and share it (it is safe to
/// use from several threads at once). Every call blocks with the GIL
/// released; Ctrl-C interrupts an upload within a second. Answers are plain
/// ``dict``/``list`` values; failures raise a subclass of
/// ``vodkit.VodkitError``.
///
/// :param provider: the provider's name (``"baijiayun"``).
/// :param config: the provider's config keys (``partner_id``,
///     ``partner_key``, ``base_url``, ``retry={"max_retries": 2}``, …).
/// :raises InvalidInputError: an unknown provider, an unknown key or a bad
///     value (naming it).
#[pyclass(subclass, frozen, module = "vodkit", name = "Client")]
pub(crate) struct Client {
    built: OnceLock<Built>,
}

impl Client {
    fn client(&self, py: Python<'_>) -> PyResult<&vodkit::Client> {
        self.built.get().map(|b| &b.client).ok_or_else(|| {
            invalid_input(
                py,
                "this client is not initialised: call Client.__init__(self, provider, **config)",
            )
        })
    }

    fn start_upload<'py, F>(
        &self,
        py: Python<'py>,
        resume: Option<Value>,
        progress: Option<Py<PyAny>>,
        control: Option<&Bound<'py, UploadControl>>,
        start: F,
    ) -> PyResult<Bound<'py, PyAny>>
    where
        F: for<'a> FnOnce(
                &vodkit::Client,
                vodkit::upload::UploadHooks<'a>,
            ) -> vodkit::Result<Value>
            + Send,
    {
        if let Some(p) = &progress {
            if !p.bind(py).is_callable() {
                return Err(PyTypeError::new_err("progress must be callable or None"));
            }
        }
        let control = control.map(|t| t.get().inner.clone());
        let client = self.client(py)?;
        upload::run(py, progress, control, resume, move |hooks| {
            start(client, hooks)
        })
    }
}

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (*_args, **_config), text_signature = "(provider, **config)")]
    fn new(_args: &Bound<'_, PyTuple>, _config: Option<&Bound<'_, PyDict>>) -> Self {
        Client {
            built: OnceLock::new(),
        }
    }

    #[pyo3(signature = (provider, **config))]
    fn __init__(
        &self,
        py: Python<'_>,
        provider: String,
        config: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        guard(py, || {
            let config = json_object(py, config.map(|c| c.as_any()), "config")?;
            let client = vodkit::Client::new(&provider, &config).map_err(|e| to_py_err(py, &e))?;
            let shown = shown_config(&provider, &config);
            self.built
                .set(Built { client, shown })
                .map_err(|_| invalid_input(py, "this client is already initialised"))
        })
    }

    /// The provider's name (``"baijiayun"``).
    #[getter]
    fn provider(&self, py: Python<'_>) -> PyResult<&'static str> {
        Ok(self.client(py)?.provider())
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let py = slf.py();
        let class = slf.get_type().name()?.to_string();
        let Some(built) = slf.get().built.get() else {
            return Ok(format!("{class}(<not initialised>)"));
        };
        let mut parts = Vec::new();
        if class == "Client" {
            parts.push(format!("'{}'", built.client.provider()));
        }
        for (key, value) in &built.shown {
            let value = to_python(py, value)?.repr()?.to_string();
            parts.push(format!("{key}={value}"));
        }
        Ok(format!("{class}({})", parts.join(", ")))
    }

    /// Every operation of the provider's catalog, as dicts: ``provider``,
    /// ``name`` (what ``call`` takes), ``function`` (the typed method's
    /// name), ``method``, ``host``, ``path`` (with this client's
    /// ``path_overrides``), ``provisional``, ``file_field``, ``params``
    /// (``name``, ``type``, ``items``, ``required``, ``doc``, ``schema``),
    /// ``doc`` and ``answer`` (a JSON schema).
    fn operations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || to_python(py, &self.client(py)?.operations()))
    }

    /// The credentials the client holds now, as config keys to store and
    /// pass back (iQiyi: ``access_token``, ``refresh_token``,
    /// ``expires_in``, renewed by the client when they expire; Baijiayun:
    /// ``partner_key`` once it fetched one with its ``secret_key``), or ``None``
    /// for a provider whose credentials never change. Holds secrets: never
    /// log it.
    fn credentials<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || to_python(py, &self.client(py)?.credentials()))
    }

    /// Calls an operation by name with its parameters.
    ///
    /// A catalog operation (``operations()``) has its parameters checked
    /// through the operation's model before anything is sent (an unknown
    /// name or a value of the wrong type raises ``InvalidInputError``); a
    /// name the catalog does not list goes out as is where the provider
    /// allows it (Baijiayun: any path under ``/openapi/``). ``None`` values
    /// are left out.
    ///
    /// :param operation: the operation's name (``"video/getStatus"``).
    /// :param params: a mapping of parameters (JSON-shaped values).
    /// :returns: the answer's data, as plain Python values.
    #[pyo3(signature = (operation, params = None))]
    fn call<'py>(
        &self,
        py: Python<'py>,
        operation: String,
        params: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let params = json_object(py, params, "params")?;
            let client = self.client(py)?;
            blocking(py, move || client.call(&operation, &params))
        })
    }

    /// As ``call``, with a file sent as the multipart part ``field``; ``""``
    /// means the operation's own field (the catalog's ``file_field``, or the
    /// config's ``file_fields`` override).
    ///
    /// :param path: the file (``str`` or ``os.PathLike``).
    #[pyo3(signature = (operation, params, field, path))]
    fn call_with_file<'py>(
        &self,
        py: Python<'py>,
        operation: String,
        params: Option<&Bound<'py, PyAny>>,
        field: String,
        path: PathBuf,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let params = json_object(py, params, "params")?;
            let client = self.client(py)?;
            blocking(py, move || {
                client.call_with_file(&operation, &params, &field, &path)
            })
        })
    }

    /// Uploads a file as a new video. The file is streamed from disk in
    /// parts (memory does not grow with its size); failed parts are retried
    /// after asking the server what it holds. The GIL is released for the
    /// whole transfer.
    ///
    /// :param path: what to upload: a path (``str`` or ``os.PathLike``),
    ///     ``bytes``/``bytearray``/``memoryview``, or a binary file object —
    ///     an open file (read through a duplicate of its descriptor, with no
    ///     Python code running during the upload) or any object with
    ///     ``seek`` and ``readinto`` or ``read``, such as ``io.BytesIO``
    ///     (read with the GIL from the upload's threads, one read at a time;
    ///     its position is restored afterwards). A source without a path is
    ///     recorded under the ``file_name`` option, else the object's
    ///     ``name``, else ``"upload"``.
    /// :param progress: ``progress(bytes_done, bytes_total)``, called on this
    ///     thread about every 100 ms while the upload runs (also when no byte
    ///     moved) and once at the end with ``bytes_done == bytes_total``;
    ///     ``bytes_done`` never decreases. Return ``False`` to abort
    ///     (``CancelledError``); any other return value continues. An
    ///     exception raised in it aborts the upload and propagates unchanged.
    /// :param control: an ``UploadControl`` to cancel, pause or cap the upload
    ///     from another thread (or a signal handler).
    /// :param options: the provider's upload options (Baijiayun:
    ///     ``file_name``, ``definitions``, ``formats``, ``audio``,
    ///     ``encrypt``, ``watermark``, ``watermark_pos``, ``callback_url``,
    ///     ``use_https``, ``part_size``); ``None`` values are left out.
    /// :returns: the provider's result (Baijiayun: ``{"video_id": int,
    ///     "bytes": int, "resumed_from": 0}``).
    /// :raises InvalidInputError: a missing, empty or unreadable file, an
    ///     unknown or bad option — before any request.
    ///
    /// Ctrl-C raises ``KeyboardInterrupt`` within about a second. Any failure
    /// after the video was created carries its resume handle as
    /// ``err.resume`` (``KeyboardInterrupt`` and the callback's own
    /// exceptions get a ``resume`` attribute too): pass it to
    /// ``resume_upload``.
    #[pyo3(signature = (path, *, progress = None, control = None, **options))]
    fn upload<'py>(
        &self,
        py: Python<'py>,
        path: &Bound<'py, PyAny>,
        progress: Option<Py<PyAny>>,
        control: Option<&Bound<'py, UploadControl>>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let options = json_object(py, options.map(|o| o.as_any()), "upload options")?;
            let prepared = source::prepare(py, path, &options)?;
            let source = prepared.source.clone();
            let result = self.start_upload(py, None, progress, control, move |client, hooks| {
                client.upload(source, &options, hooks)
            });
            prepared.finish(py);
            result
        })
    }

    /// Uploads many files as new videos, ``jobs`` of them at once, each as
    /// ``upload`` does; one ``control`` cancels, pauses or caps them all (the
    /// rate cap is on their total). With a ``checkpoint_dir`` option, each
    /// finished file is recorded in a manifest beside the checkpoints: the
    /// same call after a crash, ``kill -9`` or Ctrl-C skips the finished
    /// files (answering their recorded results) and continues the others from
    /// their checkpoints. The GIL is released for the whole batch.
    ///
    /// :param paths: the files (each as ``upload``'s ``path``).
    /// :param jobs: files uploaded at once (1 to 64).
    /// :param progress: ``progress(bytes_done, bytes_total)`` of all files
    ///     together, or, when it takes one argument, ``progress(p)`` with a
    ///     dict (``index``, ``file_bytes_done``, ``file_bytes_total``,
    ///     ``bytes_done``, ``bytes_total``, ``files_done``, ``files_total``);
    ///     called on this thread. Return ``False`` to stop the batch (the
    ///     running files fail with ``CancelledError``); an exception raised
    ///     in it, or Ctrl-C, stops it and propagates.
    /// :param control: an ``UploadControl`` for every file.
    /// :param options: the provider's upload options, as for ``upload``.
    /// :returns: one dict per file, in order: ``file``, ``bytes``,
    ///     ``skipped`` (finished by an earlier run), ``result`` (the
    ///     provider's answer, as ``upload``'s) or ``error`` (the exception,
    ///     with its ``resume`` handle when it can be continued).
    /// :raises InvalidInputError: a missing or unreadable file, or a bad
    ///     ``jobs`` — before any request.
    #[pyo3(signature = (paths, *, jobs = 4, progress = None, control = None, **options))]
    fn upload_many<'py>(
        &self,
        py: Python<'py>,
        paths: &Bound<'py, PyAny>,
        jobs: usize,
        progress: Option<Py<PyAny>>,
        control: Option<&Bound<'py, UploadControl>>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            if let Some(p) = &progress {
                if !p.bind(py).is_callable() {
                    return Err(PyTypeError::new_err("progress must be callable or None"));
                }
            }
            if paths.is_instance_of::<pyo3::types::PyString>() {
                return Err(PyTypeError::new_err(
                    "upload_many takes a list of files, not one path: use upload",
                ));
            }
            let options = json_object(py, options.map(|o| o.as_any()), "upload options")?;
            let mut prepared = Vec::new();
            for path in paths.try_iter()? {
                prepared.push(source::prepare(py, &path?, &options)?);
            }
            let sources = prepared.iter().map(|p| p.source.clone()).collect();
            let control = control.map(|t| t.get().inner.clone());
            let client = self.client(py)?;
            let result = batch::run(py, client, sources, &options, jobs, progress, control);
            for p in prepared {
                p.finish(py);
            }
            Ok(result?.into_any())
        })
    }

    /// Continues an interrupted upload of ``path`` from the bytes the server
    /// reports it holds, never a local record. ``progress``, ``control`` and
    /// the options work as in ``upload``; ``progress`` starts at the server's
    /// offset.
    ///
    /// :param resume: the ``resume`` of the failed upload's exception
    ///     (Baijiayun: ``{"provider": "baijiayun", "video_id": 7}``).
    /// :returns: as ``upload`` (Baijiayun: ``resumed_from`` is what the server
    ///     held).
    #[pyo3(signature = (resume, path, *, progress = None, control = None, **options))]
    fn resume_upload<'py>(
        &self,
        py: Python<'py>,
        resume: &Bound<'py, PyAny>,
        path: &Bound<'py, PyAny>,
        progress: Option<Py<PyAny>>,
        control: Option<&Bound<'py, UploadControl>>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let resume = json_object(py, Some(resume), "resume")?;
            let options = json_object(py, options.map(|o| o.as_any()), "upload options")?;
            let prepared = source::prepare(py, path, &options)?;
            let source = prepared.source.clone();
            let handle = resume.clone();
            let result =
                self.start_upload(py, Some(resume), progress, control, move |client, hooks| {
                    client.resume_upload(&handle, source, &options, hooks)
                });
            prepared.finish(py);
            result
        })
    }
}

/// Copies video ``video_id`` of ``source``'s provider to ``target``'s as a
/// new video there, without a local copy: the source's best play URL is
/// read with Range requests straight into the target's upload, and the
/// title comes along. The GIL is released for the whole copy.
///
/// :param source: a ``Client`` (or typed client) of the provider holding
///     the video.
/// :param video_id: its id there (``str`` or ``int``).
/// :param target: a ``Client`` of a provider that takes uploads.
/// :param progress: as for ``Client.upload``.
/// :param control: an ``UploadControl``, as for ``Client.upload``.
/// :param options: the target's upload options (``checkpoint_dir``,
///     ``verify_md5``, ``part_size``, …) and ``title`` to name the copy
///     otherwise. With a ``checkpoint_dir``, an interrupted copy continues
///     where it stopped when called again (the signed play URL changes, the
///     checkpoint is keyed by source video and target provider), and a
///     finished copy is not made twice.
/// :returns: ``{"source_provider", "source_id", "target_provider",
///     "target_id", "title", "bytes", "md5", "skipped", "upload"}``.
/// :raises InvalidInputError: a target that takes no uploads, an empty id,
///     a video without a play URL that can be copied.
/// :raises IntegrityError: the source video changed since the interrupted
///     copy began.
#[pyfunction]
#[pyo3(signature = (source, video_id, target, *, progress = None, control = None, **options))]
pub(crate) fn copy<'py>(
    py: Python<'py>,
    source: &Bound<'py, Client>,
    video_id: &Bound<'py, PyAny>,
    target: &Bound<'py, Client>,
    progress: Option<Py<PyAny>>,
    control: Option<&Bound<'py, UploadControl>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let video_id = crate::param_text(video_id, "video_id")?;
        let options = json_object(py, options.map(|o| o.as_any()), "copy options")?;
        let target = target.get().client(py)?.clone();
        source
            .get()
            .start_upload(py, None, progress, control, move |client, hooks| {
                let copied = vodkit::copy(client, &video_id, &target, &options, hooks)?;
                serde_json::to_value(&copied)
                    .map_err(|e| vodkit::Error::internal(format!("cannot encode the copy: {e}")))
            })
    })
}
