//! `vodkit.BaijiayunClient`: every typed operation of the Rust client, the
//! generic signed call, and uploads.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde::de::DeserializeOwned;
use serde::Serialize;
use vodkit::baijiayun::{
    Client, Config, ExportVideoReportBatch, GetCategoryVideo, GetProductUsedFlowDetail,
    GetUploadUrl, GetUrl, GetVideoList, GetVideoPlayRecord, GetViewerToken, Marker, NoticeItem,
    QuestionInput, UploadOptions,
};

use crate::errors::{guard, invalid_input, to_py_err};
use crate::to_python;
use crate::upload::{self, CancelToken};

const DATE: &str = "%Y-%m-%d";
const TIME: &str = "%Y-%m-%d %H:%M:%S";

/// Runs a blocking core call with the GIL released and converts its answer.
fn blocking<'py, T, F>(py: Python<'py>, f: F) -> PyResult<Bound<'py, PyAny>>
where
    T: Serialize + Send,
    F: FnOnce() -> vodkit::Result<T> + Send,
{
    guard(py, || match py.detach(f) {
        Ok(answer) => to_python(py, &answer),
        Err(err) => Err(to_py_err(py, &err)),
    })
}

/// A `yyyy-mm-dd` date from a `str` or a `datetime.date`.
fn date_arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    text_or_strftime(value, what, DATE, "str (yyyy-mm-dd) or datetime.date")
}

/// A `yyyy-mm-dd HH:MM:SS` time from a `str` or a `datetime.datetime`.
fn time_arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    text_or_strftime(
        value,
        what,
        TIME,
        "str (yyyy-mm-dd HH:MM:SS) or datetime.datetime",
    )
}

fn text_or_strftime(
    value: &Bound<'_, PyAny>,
    what: &str,
    format: &str,
    expected: &str,
) -> PyResult<String> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if value.hasattr("strftime")? {
        return value.call_method1("strftime", (format,))?.extract();
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be {expected}, not {}",
        value.get_type().name()?
    )))
}

/// Reads a list of dicts (or any sequence of mappings) into core input types.
fn records<T: DeserializeOwned>(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    what: &str,
) -> PyResult<Vec<T>> {
    if value.is_instance_of::<PyString>() || value.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a sequence of mappings"
        )));
    }
    pythonize::depythonize(value).map_err(|e| invalid_input(py, format!("{what}: {e}")))
}

fn small(py: Python<'_>, values: &[i64], what: &str) -> PyResult<Vec<u8>> {
    values
        .iter()
        .map(|v| {
            u8::try_from(*v)
                .map_err(|_| invalid_input(py, format!("{what}: {v} is not a valid value")))
        })
        .collect()
}

fn seconds(py: Python<'_>, value: f64, what: &str) -> PyResult<Duration> {
    if !(value.is_finite() && value > 0.0) {
        return Err(invalid_input(
            py,
            format!("{what} must be a positive number of seconds, not {value}"),
        ));
    }
    Duration::try_from_secs_f64(value).map_err(|e| invalid_input(py, format!("{what}: {e}")))
}

/// An upload's `part_size`: at least one byte, or the client's (`None`).
fn part_size_arg(py: Python<'_>, part_size: Option<i64>) -> PyResult<Option<u64>> {
    match part_size {
        None => Ok(None),
        Some(n) => u64::try_from(n)
            .ok()
            .filter(|n| *n >= 1)
            .map(Some)
            .ok_or_else(|| {
                invalid_input(py, format!("part_size must be at least 1 byte, not {n}"))
            }),
    }
}

/// Upload options as `upload()` takes them.
#[allow(clippy::too_many_arguments)]
fn upload_options(
    py: Python<'_>,
    file_name: Option<String>,
    definitions: Vec<i64>,
    formats: Vec<i64>,
    audio: bool,
    encrypt: Option<bool>,
    watermark: Option<String>,
    watermark_pos: Option<i64>,
    callback_url: Option<String>,
    use_https: bool,
    part_size: Option<i64>,
) -> PyResult<UploadOptions> {
    let part_size = part_size_arg(py, part_size)?;
    let watermark_pos = match watermark_pos {
        None => None,
        Some(p) => Some(small(py, &[p], "watermark_pos")?[0]),
    };
    Ok(UploadOptions {
        file_name,
        definitions: small(py, &definitions, "definitions")?,
        formats: small(py, &formats, "formats")?,
        audio,
        encrypt,
        watermark,
        watermark_pos,
        callback_url,
        use_https,
        part_size,
    })
}

/// A Baijiayun (百家云) VOD client.
///
/// One pooled set of HTTP connections per client: build one and share it
/// (it is safe to use from several threads at once). Every method blocks with
/// the GIL released, so other Python threads keep running; Ctrl-C interrupts
/// an upload within a second, other calls once they return (each is bounded
/// by ``timeout`` and the retry policy). Answers are plain
/// ``dict``/``list`` values with the field names of the provider's document;
/// failures raise a subclass of ``vodkit.VodkitError``. Parameters the client
/// can check (dates, page sizes, file names, definitions, …) are checked
/// before any request is sent and raise ``vodkit.InvalidInputError``.
///
/// :param partner_id: the account id.
/// :param partner_key: the signing key (never sent, never shown in ``repr``).
/// :param base_url: a full base URL (``https://api.baijiayun.com``, an
///     emulator); wins over ``private_domain``. ``/openapi/...`` is appended.
/// :param private_domain: ``acme`` for ``https://acme.at.baijiayun.com``.
/// :param secret_key: the key that may read or reset the partner key
///     (``create_key``).
/// :param timeout: seconds allowed for one API call (default 30).
/// :param connect_timeout: seconds allowed to connect (default 10).
/// :param upload_part_timeout: seconds allowed for one upload part (default 600).
/// :param retries: retries after a failed attempt of a retryable error —
///     network, 5xx, rate limited (default 4; 0 never retries).
/// :param initial_backoff: first back-off in seconds (default 0.2); it doubles
///     per retry up to ``max_backoff`` (default 10), with full jitter.
/// :param part_size: upload part size in bytes (default 8 MiB); larger files
///     go as ranged parts, and an interrupted upload loses at most one part.
/// :param proxy: proxy URL for all traffic (``http://host:port``).
/// :param user_agent: the ``User-Agent`` header (default ``vodkit/VERSION``).
/// :param upload_field: multipart field of the uploaded file (default ``data``).
/// :param path_overrides: operation name → path, e.g.
///     ``{"video/getMarker": "video/getMarkerList"}`` (the paths of API 41-58
///     are provisional).
/// :param rate_limit_codes: envelope codes that mean "rate limited"
///     (default ``[429]``; HTTP 429 always does).
/// :raises InvalidInputError: an empty id or key, no ``base_url`` nor
///     ``private_domain``, a bad URL or a non-positive number.
#[pyclass(frozen, module = "vodkit", name = "BaijiayunClient")]
pub(crate) struct BaijiayunClient {
    inner: Client,
}

impl BaijiayunClient {
    fn build(py: Python<'_>, config: Config) -> PyResult<Self> {
        guard(py, || match Client::new(config) {
            Ok(inner) => Ok(BaijiayunClient { inner }),
            Err(err) => Err(to_py_err(py, &err)),
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn start_upload<'py>(
        &self,
        py: Python<'py>,
        video_id: Option<i64>,
        path: PathBuf,
        options: UploadOptions,
        progress: Option<Py<PyAny>>,
        cancel: Option<&Bound<'py, CancelToken>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if let Some(p) = &progress {
            if !p.bind(py).is_callable() {
                return Err(PyTypeError::new_err("progress must be callable or None"));
            }
        }
        let cancel = cancel.map(|t| t.get().inner.clone());
        let client = &self.inner;
        guard(py, || {
            upload::run(
                py,
                progress,
                cancel,
                video_id,
                move |control| match video_id {
                    None => client.upload_with(&path, &options, control),
                    Some(id) => client.resume_upload(id, &path, &options, control),
                },
            )
        })
    }
}

#[pymethods]
impl BaijiayunClient {
    #[new]
    #[pyo3(signature = (
        partner_id,
        partner_key,
        *,
        base_url = None,
        private_domain = None,
        secret_key = None,
        timeout = 30.0,
        connect_timeout = 10.0,
        upload_part_timeout = 600.0,
        retries = 4,
        initial_backoff = 0.2,
        max_backoff = 10.0,
        part_size = 8388608,
        proxy = None,
        user_agent = None,
        upload_field = None,
        path_overrides = None,
        rate_limit_codes = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        partner_id: String,
        partner_key: String,
        base_url: Option<String>,
        private_domain: Option<String>,
        secret_key: Option<String>,
        timeout: f64,
        connect_timeout: f64,
        upload_part_timeout: f64,
        retries: i64,
        initial_backoff: f64,
        max_backoff: f64,
        part_size: i64,
        proxy: Option<String>,
        user_agent: Option<String>,
        upload_field: Option<String>,
        path_overrides: Option<BTreeMap<String, String>>,
        rate_limit_codes: Option<Vec<i64>>,
    ) -> PyResult<Self> {
        guard(py, || {
            let mut config = Config::new(partner_id, partner_key);
            config.base_url = base_url;
            config.private_domain = private_domain;
            config.secret_key = secret_key.map(Into::into);
            config.http.request_timeout = seconds(py, timeout, "timeout")?;
            config.http.connect_timeout = seconds(py, connect_timeout, "connect_timeout")?;
            config.http.upload_part_timeout =
                seconds(py, upload_part_timeout, "upload_part_timeout")?;
            config.retry.max_retries = u32::try_from(retries).map_err(|_| {
                invalid_input(py, format!("retries must be 0 or more, not {retries}"))
            })?;
            config.retry.initial_backoff = seconds(py, initial_backoff, "initial_backoff")?;
            config.retry.max_backoff = seconds(py, max_backoff, "max_backoff")?;
            if config.retry.initial_backoff > config.retry.max_backoff {
                return Err(invalid_input(py, "initial_backoff exceeds max_backoff"));
            }
            config.part_size = u64::try_from(part_size)
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| {
                    invalid_input(
                        py,
                        format!("part_size must be at least 1 byte, not {part_size}"),
                    )
                })?;
            config.http.proxy = proxy;
            if let Some(agent) = user_agent {
                config.http.user_agent = agent;
            }
            if let Some(field) = upload_field {
                config.upload_field = field;
            }
            if let Some(overrides) = path_overrides {
                config.path_overrides = overrides;
            }
            if let Some(codes) = rate_limit_codes {
                config.rate_limit_codes = codes;
            }
            Self::build(py, config)
        })
    }

    /// Builds a client from a configuration mapping: the fields of the Rust
    /// ``Config`` — ``partner_id``, ``partner_key``, ``secret_key``,
    /// ``private_domain``, ``base_url``, ``http`` (``connect_timeout_ms``,
    /// ``request_timeout_ms``, ``upload_part_timeout_ms``, ``proxy``,
    /// ``user_agent``, ``pool_max_idle_per_host``), ``retry`` (``max_retries``,
    /// ``initial_backoff_ms``, ``max_backoff_ms``, ``multiplier``),
    /// ``upload_field``, ``part_size``, ``path_overrides``,
    /// ``rate_limit_codes``. Missing fields take their defaults (as in the
    /// constructor), so a JSON or TOML config file can be passed as loaded.
    ///
    /// :raises InvalidInputError: an unknown shape or a field of the wrong type.
    #[staticmethod]
    #[pyo3(signature = (config))]
    fn from_config(py: Python<'_>, config: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            if !config.is_instance_of::<PyDict>() && !config.hasattr("keys")? {
                return Err(PyTypeError::new_err("config must be a mapping"));
            }
            let config: Config = pythonize::depythonize(config)
                .map_err(|e| invalid_input(py, format!("config: {e}")))?;
            Self::build(py, config)
        })
    }

    /// The effective configuration, without the keys (``has_secret_key``
    /// tells whether a ``secret_key`` is set). Durations are in seconds.
    #[getter]
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        guard(py, || {
            let c = self.inner.config();
            let d = PyDict::new(py);
            d.set_item("partner_id", &c.partner_id)?;
            d.set_item("base_url", &c.base_url)?;
            d.set_item("private_domain", &c.private_domain)?;
            d.set_item("has_secret_key", c.secret_key.is_some())?;
            d.set_item("timeout", c.http.request_timeout.as_secs_f64())?;
            d.set_item("connect_timeout", c.http.connect_timeout.as_secs_f64())?;
            d.set_item(
                "upload_part_timeout",
                c.http.upload_part_timeout.as_secs_f64(),
            )?;
            d.set_item("retries", c.retry.max_retries)?;
            d.set_item("initial_backoff", c.retry.initial_backoff.as_secs_f64())?;
            d.set_item("max_backoff", c.retry.max_backoff.as_secs_f64())?;
            d.set_item("part_size", c.part_size)?;
            d.set_item("proxy", &c.http.proxy)?;
            d.set_item("user_agent", &c.http.user_agent)?;
            d.set_item("upload_field", &c.upload_field)?;
            d.set_item("path_overrides", &c.path_overrides)?;
            d.set_item("rate_limit_codes", &c.rate_limit_codes)?;
            Ok(d)
        })
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        let target = match (&c.base_url, &c.private_domain) {
            (Some(url), _) => format!("base_url={url:?}"),
            (None, Some(domain)) => format!("private_domain={domain:?}"),
            (None, None) => String::new(),
        };
        format!("BaijiayunClient(partner_id={:?}, {target})", c.partner_id)
    }

    // ------------------------------------------------------------ generic

    /// The generic signed call: any operation name or path under
    /// ``/openapi/`` (``"video/getVideoList"``), any parameters.
    /// ``partner_id``, ``timestamp`` and ``sign`` are added unless given.
    /// Values: ``str`` as is, numbers in decimal, ``bool`` as ``1``/``0``,
    /// ``None`` left out, lists and dicts as compact JSON text.
    ///
    /// :returns: the envelope's ``data``, as plain Python values.
    #[pyo3(signature = (operation, params = None))]
    fn call<'py>(
        &self,
        py: Python<'py>,
        operation: String,
        params: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let params: serde_json::Value = match params {
                None => serde_json::Value::Object(Default::default()),
                Some(p) => {
                    if !p.is_instance_of::<PyDict>() && !p.hasattr("keys")? {
                        return Err(PyTypeError::new_err("params must be a mapping or None"));
                    }
                    pythonize::depythonize(p)
                        .map_err(|e| invalid_input(py, format!("params: {e}")))?
                }
            };
            let c = &self.inner;
            blocking(py, move || c.call_json(&operation, &params))
        })
    }

    // ------------------------------------------------------------ uploads

    /// Uploads a file as a new video. The file is streamed from disk in
    /// ``part_size`` parts (memory does not grow with its size); failed parts
    /// are retried after asking the server what it holds. The GIL is released
    /// for the whole transfer.
    ///
    /// :param path: the file (``str`` or ``os.PathLike``).
    /// :param file_name: the video's name (default: the file's name).
    /// :param definitions: target definitions as bits: 16 SD, 1 HD, 2 super,
    ///     4 720p, 8 1080p (default ``(16, 1)``).
    /// :param formats: output formats as bits: 1 mp4, 2 flv, 4 m3u8 (default:
    ///     empty, the provider's default, all three).
    /// :param audio: process the file as audio (``audio_with_view=1``).
    /// :param encrypt: ``True`` encrypt, ``False`` don't, ``None`` the account's default.
    /// :param watermark: watermark to apply; ``watermark_pos`` 1-4 its corner.
    /// :param callback_url: per-video transcode callback URL.
    /// :param use_https: ask for an https upload URL.
    /// :param part_size: part size in bytes (default: the client's).
    /// :param progress: ``progress(bytes_done, bytes_total)``, called on this
    ///     thread about every 100 ms while the upload runs (also when no byte
    ///     moved) and once at the end with ``bytes_done == bytes_total``;
    ///     ``bytes_done`` never decreases. Return ``False`` to abort
    ///     (``CancelledError``); any other return value continues. An
    ///     exception raised in it aborts the upload and propagates unchanged.
    /// :param cancel: a ``CancelToken`` to stop the upload from another thread.
    /// :returns: ``{"video_id": int, "bytes": int, "resumed_from": 0}``.
    /// :raises InvalidInputError: a missing, empty or unreadable file, a bad
    ///     option — before any request.
    ///
    /// Ctrl-C raises ``KeyboardInterrupt`` within about a second. Any failure
    /// after the video was created carries its id as ``err.video_id``
    /// (``KeyboardInterrupt`` and the callback's own exceptions get a
    /// ``video_id`` attribute too): pass it to ``resume_upload``.
    #[pyo3(signature = (
        path,
        *,
        file_name = None,
        definitions = vec![16, 1],
        formats = Vec::new(),
        audio = false,
        encrypt = None,
        watermark = None,
        watermark_pos = None,
        callback_url = None,
        use_https = false,
        part_size = None,
        progress = None,
        cancel = None,
    ),
    text_signature = "($self, path, *, file_name=None, definitions=(16, 1), formats=(), audio=False, encrypt=None, watermark=None, watermark_pos=None, callback_url=None, use_https=False, part_size=None, progress=None, cancel=None)")]
    #[allow(clippy::too_many_arguments)]
    fn upload<'py>(
        &self,
        py: Python<'py>,
        path: PathBuf,
        file_name: Option<String>,
        definitions: Vec<i64>,
        formats: Vec<i64>,
        audio: bool,
        encrypt: Option<bool>,
        watermark: Option<String>,
        watermark_pos: Option<i64>,
        callback_url: Option<String>,
        use_https: bool,
        part_size: Option<i64>,
        progress: Option<Py<PyAny>>,
        cancel: Option<&Bound<'py, CancelToken>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let options = upload_options(
                py,
                file_name,
                definitions,
                formats,
                audio,
                encrypt,
                watermark,
                watermark_pos,
                callback_url,
                use_https,
                part_size,
            )?;
            self.start_upload(py, None, path, options, progress, cancel)
        })
    }

    /// Continues an interrupted upload of ``path`` to ``video_id`` from the
    /// bytes the server reports it holds (``upload_size``), never a local
    /// record. ``part_size``, ``progress`` and ``cancel`` work as in
    /// ``upload``; ``progress`` starts at the server's offset.
    ///
    /// :returns: ``{"video_id": int, "bytes": int, "resumed_from": int}``.
    #[pyo3(signature = (video_id, path, *, part_size = None, progress = None, cancel = None))]
    fn resume_upload<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        path: PathBuf,
        part_size: Option<i64>,
        progress: Option<Py<PyAny>>,
        cancel: Option<&Bound<'py, CancelToken>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let options = UploadOptions {
                part_size: part_size_arg(py, part_size)?,
                ..UploadOptions::default()
            };
            self.start_upload(py, Some(video_id), path, options, progress, cancel)
        })
    }

    // ------------------------------------------------------------ videos (API 2-6, 11, 18, 23)

    /// API 2 ``video/getUploadUrl``: creates a video and returns where to
    /// upload it (``upload`` does this for you). Options as in ``upload``.
    ///
    /// :returns: ``{"video_id": int, "upload_url": str}``.
    #[pyo3(signature = (
        file_name,
        *,
        definitions = vec![16, 1],
        formats = Vec::new(),
        audio = false,
        encrypt = None,
        watermark = None,
        watermark_pos = None,
        use_https = false,
        callback_url = None,
    ),
    text_signature = "($self, file_name, *, definitions=(16, 1), formats=(), audio=False, encrypt=None, watermark=None, watermark_pos=None, use_https=False, callback_url=None)")]
    #[allow(clippy::too_many_arguments)]
    fn get_upload_url<'py>(
        &self,
        py: Python<'py>,
        file_name: String,
        definitions: Vec<i64>,
        formats: Vec<i64>,
        audio: bool,
        encrypt: Option<bool>,
        watermark: Option<String>,
        watermark_pos: Option<i64>,
        use_https: bool,
        callback_url: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let join = |v: &[i64]| v.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let watermark_pos = match watermark_pos {
            None => None,
            Some(p) => Some(small(py, &[p], "watermark_pos")?[0]),
        };
        let request = GetUploadUrl {
            file_name,
            definition: join(&definitions),
            audio_with_view: audio.then_some(1),
            format: (!formats.is_empty()).then(|| join(&formats)),
            encrypt: encrypt.map(|e| if e { 1 } else { 2 }),
            watermark,
            watermark_pos,
            use_https: use_https.then_some(1),
            callback_url,
        };
        let c = &self.inner;
        blocking(py, move || c.get_upload_url(&request))
    }

    /// API 4 ``video/getResumeUploadUrl``: where to continue uploading a video.
    ///
    /// :returns: ``{"video_id", "upload_url", "upload_size"}`` — ``upload_size``
    ///     is the number of bytes the server holds.
    #[pyo3(signature = (video_id))]
    fn get_resume_upload_url<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_resume_upload_url(video_id))
    }

    /// API 5 ``video/getStatus``.
    ///
    /// :returns: ``{"status": int, "info": str}`` — 10 uploading,
    ///     20 transcoding, 30 transcode failed, 31 transcode timeout,
    ///     32 upload timeout, 100 transcoded.
    #[pyo3(signature = (video_id))]
    fn get_status<'py>(&self, py: Python<'py>, video_id: i64) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_status(video_id))
    }

    /// API 6 ``video/getInfo``: everything known about a video (name, status,
    /// sizes, ``file_md5``, ``transcode_info``, ``category``, …).
    #[pyo3(signature = (video_id))]
    fn get_info<'py>(&self, py: Python<'py>, video_id: i64) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_info(video_id))
    }

    /// API 23 ``video/getUrl``: play URLs per definition.
    ///
    /// :param format: ``mp4`` (default), ``m3u8``, ``flv`` or ``encrypt``.
    /// :param expires_in: URL lifetime in seconds (default: 12 hours).
    /// :returns: ``{"video_id": int, "play_info": {definition: {"url", "size",
    ///     "duration", "width", "height"}}}``.
    #[pyo3(signature = (video_id, *, format = None, expires_in = None))]
    fn get_url<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        format: Option<String>,
        expires_in: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let request = GetUrl {
            video_id,
            format,
            expires_in,
        };
        let c = &self.inner;
        blocking(py, move || c.get_url(&request))
    }

    /// API 11 ``video/delete``: deletes a video.
    ///
    /// :returns: ``{"video_id": int}``.
    #[pyo3(signature = (video_id))]
    fn delete<'py>(&self, py: Python<'py>, video_id: i64) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.delete(video_id))
    }

    /// API 18 ``video/getPlayerToken``: a token for the provider's player.
    ///
    /// :param expires_in: lifetime in seconds; 0 never expires (default: the
    ///     provider's).
    /// :returns: ``{"token": str}``.
    #[pyo3(signature = (video_id, *, expires_in = None))]
    fn get_player_token<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        expires_in: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_player_token(video_id, expires_in))
    }

    // ------------------------------------------------------------ management (API 1, 7-10, 17, 19, 20, 26, 27, 31, 40)

    /// API 1 ``partner/createkey``: the current partner key, or with
    /// ``regenerate=True`` a new one (the old one stops working at once:
    /// build a new client with the answer). Needs ``secret_key``.
    ///
    /// :returns: ``{"partner_key": str}``.
    #[pyo3(signature = (*, regenerate = false))]
    fn create_key<'py>(&self, py: Python<'py>, regenerate: bool) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.create_key(regenerate))
    }

    /// API 7 ``video/getImage``: screenshots of a transcoded video.
    ///
    /// :returns: ``{"video_id", "width", "height", "img_count", "imgs": [url, …]}``.
    #[pyo3(signature = (video_id))]
    fn get_image<'py>(&self, py: Python<'py>, video_id: i64) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_image(video_id))
    }

    /// API 8 ``video/removeDefinition``: deletes the transcoded files of
    /// ``definitions`` (bits 16, 1, 2, 4, 8), only those of ``file_types``
    /// (1 mp4, 2 flv, 4 m3u8, 8 encrypted) when given. mp4 goes last: the
    /// provider refuses it while other types of the definition remain.
    ///
    /// :returns: ``{"video_id", "definition", "type"}`` as echoed.
    #[pyo3(
        signature = (video_id, definitions, *, file_types = Vec::new()),
        text_signature = "($self, video_id, definitions, *, file_types=())"
    )]
    fn remove_definition<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        definitions: Vec<i64>,
        file_types: Vec<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || {
            c.remove_definition(video_id, &definitions, &file_types)
        })
    }

    /// API 9 ``video/deleteOriginVideo``: deletes the uploaded source files
    /// of these videos (transcoded files stay). Returns ``None``.
    #[pyo3(signature = (video_ids))]
    fn delete_origin_video<'py>(
        &self,
        py: Python<'py>,
        video_ids: Vec<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.delete_origin_video(&video_ids))
    }

    /// API 10 ``video/update``: renames a video.
    ///
    /// :returns: ``{"video_id": int}``.
    #[pyo3(signature = (video_id, name))]
    fn update<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        name: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.update(video_id, &name))
    }

    /// API 17 ``video/setVideoCategory``: puts a video in a category (0: none).
    ///
    /// :returns: ``{"video_id", "category_level1_id", …, "category_level5_id"}``.
    #[pyo3(signature = (video_id, category_id))]
    fn set_video_category<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        category_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.set_video_category(video_id, category_id))
    }

    /// API 19 ``video/getPlayerTokenBatch``: player tokens for several videos.
    ///
    /// :param expires_in: lifetime in seconds; 0 never expires (default 0).
    /// :param product_type: 1 big class, 2 small class, 3 dual teacher,
    ///     4 enterprise live, 5 VOD (default: the provider's, VOD).
    /// :returns: ``{"<video_id>": token, …}`` (keys are strings).
    #[pyo3(signature = (video_ids, *, expires_in = 0, product_type = None))]
    fn get_player_token_batch<'py>(
        &self,
        py: Python<'py>,
        video_ids: Vec<i64>,
        expires_in: i64,
        product_type: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || {
            c.get_player_token_batch(&video_ids, expires_in, product_type)
        })
    }

    /// API 20 ``video_account/getAccountInfo``: the account's package —
    /// storage and traffic, used and allowed (bytes).
    #[pyo3(signature = ())]
    fn get_account_info<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_account_info())
    }

    /// API 26 ``video/setPublishStatus``: publishes (``status=1``) or blocks (2).
    ///
    /// :returns: ``{"status": int}``.
    #[pyo3(signature = (video_id, status))]
    fn set_publish_status<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        status: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.set_publish_status(video_id, status))
    }

    /// API 27 ``video/getShareUrl``: URLs to embed a video.
    ///
    /// :returns: ``{"js": str, "iframe": str, "flash": str}``.
    #[pyo3(signature = (video_id))]
    fn get_share_url<'py>(&self, py: Python<'py>, video_id: i64) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_share_url(video_id))
    }

    /// API 31 ``video/getVideoList``: one page of the account's videos,
    /// newest first.
    ///
    /// :param page: from 1 (default 1).
    /// :param page_size: 1 to 1000 (default 20).
    /// :param create_time: only videos created from this time on
    ///     (``yyyy-mm-dd HH:MM:SS`` or a ``datetime``).
    /// :param name: only videos whose name contains this.
    /// :returns: ``{"total", "page", "page_size", "list": [video, …]}``.
    #[pyo3(signature = (*, page = None, page_size = None, create_time = None, name = None))]
    fn get_video_list<'py>(
        &self,
        py: Python<'py>,
        page: Option<i64>,
        page_size: Option<i64>,
        create_time: Option<&Bound<'py, PyAny>>,
        name: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let create_time = create_time
                .map(|t| time_arg(t, "create_time"))
                .transpose()?;
            let request = GetVideoList {
                page,
                page_size,
                create_time,
                name,
            };
            let c = &self.inner;
            blocking(py, move || c.get_video_list(&request))
        })
    }

    /// API 40 ``video/transcodeAgain``: transcodes a video again into
    /// ``definitions`` (bits), and into ``formats`` when given (default all
    /// three). Its status goes back to 20.
    ///
    /// :returns: ``{"video_id", "definition"}``.
    #[pyo3(
        signature = (video_id, definitions, *, formats = Vec::new()),
        text_signature = "($self, video_id, definitions, *, formats=())"
    )]
    fn transcode_again<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        definitions: Vec<i64>,
        formats: Vec<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || {
            c.transcode_again(video_id, &definitions, &formats)
        })
    }

    // ------------------------------------------------------------ categories (API 12-16)

    /// API 12 ``video/getCategoryList``: every category, as a tree.
    ///
    /// :returns: ``{"list": [{"id", "name", "parent_id", "level",
    ///     "children": [...]}, …]}``.
    #[pyo3(signature = ())]
    fn get_category_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_category_list())
    }

    /// API 13 ``video/getCategoryInfo``: one category and its direct
    /// sub-categories (0, the default: the first level).
    #[pyo3(signature = (category_id = 0))]
    fn get_category_info<'py>(
        &self,
        py: Python<'py>,
        category_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_category_info(category_id))
    }

    /// API 14 ``video/addCategory``: adds a category under ``parent_id``
    /// (0, the default: a first-level one; up to five levels).
    ///
    /// :returns: the new category ``{"id", "name", "parent_id", "level", "children"}``.
    #[pyo3(signature = (name, *, parent_id = 0))]
    fn add_category<'py>(
        &self,
        py: Python<'py>,
        name: String,
        parent_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.add_category(&name, parent_id))
    }

    /// API 15 ``video/deleteCategory``: refused (``ProviderError``) while it
    /// or a sub-category holds videos.
    ///
    /// :returns: ``{"category_id": int}``.
    #[pyo3(signature = (category_id))]
    fn delete_category<'py>(
        &self,
        py: Python<'py>,
        category_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.delete_category(category_id))
    }

    /// API 16 ``video/getCategoryVideo``: one page of the videos in a category
    /// and its sub-categories.
    ///
    /// :param page: from 1 (default 1).
    /// :param page_size: 1 to 100 (default 20).
    /// :returns: ``{"total", "page", "page_size", "list": [video, …]}``.
    #[pyo3(signature = (category_id, *, page = None, page_size = None))]
    fn get_category_video<'py>(
        &self,
        py: Python<'py>,
        category_id: i64,
        page: Option<i64>,
        page_size: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let request = GetCategoryVideo {
            category_id,
            page,
            page_size,
        };
        let c = &self.inner;
        blocking(py, move || c.get_category_video(&request))
    }

    // ------------------------------------------------------------ subtitles (API 32-36)

    /// API 32 ``video/uploadSubtitle``: uploads a ``.vtt`` or ``.srt`` file as
    /// a subtitle of ``video_id`` (the first one becomes the default).
    ///
    /// :returns: ``{"subtitle_id", "subtitle_name", "subtitle_path", "create_time"}``.
    #[pyo3(signature = (video_id, name, path))]
    fn upload_subtitle<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        name: String,
        path: PathBuf,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.upload_subtitle(video_id, &name, &path))
    }

    /// API 33 ``video/getSubtitleList``: every subtitle of a video.
    ///
    /// :returns: ``[{"subtitle_id", "subtitle_name", "subtitle_path",
    ///     "is_default": bool, "create_time", "update_time"}, …]``.
    #[pyo3(signature = (video_id))]
    fn get_subtitle_list<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_subtitle_list(video_id))
    }

    /// API 34 ``video/updateSubtitle``: renames a subtitle. Returns ``None``.
    #[pyo3(signature = (subtitle_id, name))]
    fn update_subtitle<'py>(
        &self,
        py: Python<'py>,
        subtitle_id: i64,
        name: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.update_subtitle(subtitle_id, &name))
    }

    /// API 35 ``video/setDefaultSubtitle``. Returns ``None``.
    #[pyo3(signature = (video_id, subtitle_id))]
    fn set_default_subtitle<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        subtitle_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.set_default_subtitle(video_id, subtitle_id))
    }

    /// API 36 ``video/deleteSubtitle``. Returns ``None``.
    #[pyo3(signature = (subtitle_id))]
    fn delete_subtitle<'py>(
        &self,
        py: Python<'py>,
        subtitle_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.delete_subtitle(subtitle_id))
    }

    // ------------------------------------------------------------ statistics (API 21, 22, 24, 25, 28-30, 37-39)

    /// API 21 ``video_data/getUsedFlow``: bytes one video delivered between
    /// two dates (inclusive, within one month; ``yyyy-mm-dd`` or ``datetime.date``).
    ///
    /// :returns: ``{"flow": int}``.
    #[pyo3(signature = (video_id, start_date, end_date))]
    fn get_video_used_flow<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        start_date: &Bound<'py, PyAny>,
        end_date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let (start, end) = (
                date_arg(start_date, "start_date")?,
                date_arg(end_date, "end_date")?,
            );
            let c = &self.inner;
            blocking(py, move || c.get_video_used_flow(video_id, &start, &end))
        })
    }

    /// API 22 ``video_account/getUsedFlow``: bytes the account delivered
    /// between two dates (inclusive).
    ///
    /// :returns: ``{"flow": int}``.
    #[pyo3(signature = (start_date, end_date))]
    fn get_account_used_flow<'py>(
        &self,
        py: Python<'py>,
        start_date: &Bound<'py, PyAny>,
        end_date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let (start, end) = (
                date_arg(start_date, "start_date")?,
                date_arg(end_date, "end_date")?,
            );
            let c = &self.inner;
            blocking(py, move || c.get_account_used_flow(&start, &end))
        })
    }

    /// API 24 ``video_data/getVideoPlayRecord``: one page of the plays of a
    /// video within one day (``yyyy-mm-dd HH:MM:SS`` or ``datetime``).
    ///
    /// :param page: from 1 (default 1).
    /// :param page_size: 1 to 1000 (default 100).
    /// :returns: ``{"total", "page", "page_size", "list": [play, …]}``.
    #[pyo3(signature = (video_id, start_time, end_time, *, page = None, page_size = None))]
    fn get_video_play_record<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        start_time: &Bound<'py, PyAny>,
        end_time: &Bound<'py, PyAny>,
        page: Option<i64>,
        page_size: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let request = GetVideoPlayRecord {
                video_id,
                start_time: time_arg(start_time, "start_time")?,
                end_time: time_arg(end_time, "end_time")?,
                page,
                page_size,
            };
            let c = &self.inner;
            blocking(py, move || c.get_video_play_record(&request))
        })
    }

    /// API 25 ``video_data/exportVideoReportBatch``: one page of the plays of
    /// every video of the account within one day.
    ///
    /// :param product_type: 1 live class, 2 small class, 3 double teacher,
    ///     4 enterprise live, 5 VOD (default: all).
    /// :returns: ``{"total", "page", "page_size", "list": [play, …]}``.
    #[pyo3(signature = (start_time, end_time, *, product_type = None, page = None, page_size = None))]
    fn export_video_report_batch<'py>(
        &self,
        py: Python<'py>,
        start_time: &Bound<'py, PyAny>,
        end_time: &Bound<'py, PyAny>,
        product_type: Option<i64>,
        page: Option<i64>,
        page_size: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let request = ExportVideoReportBatch {
                product_type,
                start_time: time_arg(start_time, "start_time")?,
                end_time: time_arg(end_time, "end_time")?,
                page,
                page_size,
            };
            let c = &self.inner;
            blocking(py, move || c.export_video_report_batch(&request))
        })
    }

    /// API 28 ``video_data/getVideoPlayCountRank``: the 100 most played
    /// videos between two dates, most played first.
    ///
    /// :returns: ``{"play_rank": [{"video_id", "play_count"}, …]}``.
    #[pyo3(signature = (start_date, end_date, *, product_type = None))]
    fn get_video_play_count_rank<'py>(
        &self,
        py: Python<'py>,
        start_date: &Bound<'py, PyAny>,
        end_date: &Bound<'py, PyAny>,
        product_type: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let (start, end) = (
                date_arg(start_date, "start_date")?,
                date_arg(end_date, "end_date")?,
            );
            let c = &self.inner;
            blocking(py, move || {
                c.get_video_play_count_rank(&start, &end, product_type)
            })
        })
    }

    /// API 29 ``video_data/getVideoDailyPlayCount``: plays of a video per day.
    ///
    /// :returns: ``{"play_count": {"yyyy-mm-dd": int, …}}``.
    #[pyo3(signature = (video_id, start_date, end_date))]
    fn get_video_daily_play_count<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        start_date: &Bound<'py, PyAny>,
        end_date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let (start, end) = (
                date_arg(start_date, "start_date")?,
                date_arg(end_date, "end_date")?,
            );
            let c = &self.inner;
            blocking(py, move || {
                c.get_video_daily_play_count(video_id, &start, &end)
            })
        })
    }

    /// API 30 ``video_data/getPartnerDailyPlayCount``: plays of the whole
    /// account per day.
    ///
    /// :returns: ``{"play_count": {"yyyy-mm-dd": int, …}}``.
    #[pyo3(signature = (start_date, end_date, *, product_type = None))]
    fn get_partner_daily_play_count<'py>(
        &self,
        py: Python<'py>,
        start_date: &Bound<'py, PyAny>,
        end_date: &Bound<'py, PyAny>,
        product_type: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let (start, end) = (
                date_arg(start_date, "start_date")?,
                date_arg(end_date, "end_date")?,
            );
            let c = &self.inner;
            blocking(py, move || {
                c.get_partner_daily_play_count(&start, &end, product_type)
            })
        })
    }

    /// API 37 ``video_account/getUsedFlowDetail``: the account's flow per day.
    ///
    /// :returns: ``{"flow": {"yyyy-mm-dd": bytes, …}}``.
    #[pyo3(signature = (start_date, end_date))]
    fn get_account_used_flow_detail<'py>(
        &self,
        py: Python<'py>,
        start_date: &Bound<'py, PyAny>,
        end_date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let (start, end) = (
                date_arg(start_date, "start_date")?,
                date_arg(end_date, "end_date")?,
            );
            let c = &self.inner;
            blocking(py, move || c.get_account_used_flow_detail(&start, &end))
        })
    }

    /// API 38 ``video_data/getUsedFlowDetail``: one page of the flow per video
    /// of a product line on one day.
    ///
    /// :param product_type: 1 live class, 2 small class, 3 double teacher,
    ///     4 enterprise live, 5 VOD (the default).
    /// :returns: ``{"total", "list": [{"video_id", "flow"}, …]}``.
    #[pyo3(signature = (date, *, product_type = 5, page = None, page_size = None))]
    fn get_product_used_flow_detail<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
        product_type: i64,
        page: Option<i64>,
        page_size: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let request = GetProductUsedFlowDetail {
                product_type,
                date: date_arg(date, "date")?,
                page,
                page_size,
            };
            let c = &self.inner;
            blocking(py, move || c.get_product_used_flow_detail(&request))
        })
    }

    /// API 39 ``video_account/getStorgeAndFlowInfo``: storage and flow per
    /// product line (``large_class``, ``small_class``, ``double_teacher``,
    /// ``business``, ``video``, ``weclass``, ``doc``) and in ``total``, each
    /// ``{"storage": bytes, "flow": bytes}``.
    #[pyo3(signature = ())]
    fn get_storage_and_flow_info<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_storage_and_flow_info())
    }

    // ------------------------------------------------------------ callback URL

    /// ``video_account/setTranscodeCallbackUrl``: the account's transcode
    /// callback URL (``http://`` or ``https://``).
    ///
    /// :returns: ``{"url": str}`` as stored.
    #[pyo3(signature = (url))]
    fn set_transcode_callback_url<'py>(
        &self,
        py: Python<'py>,
        url: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(invalid_input(py, "url must start with http:// or https://"));
        }
        let c = &self.inner;
        blocking(py, move || {
            c.call_json(
                "video_account/setTranscodeCallbackUrl",
                &serde_json::json!({ "url": url }),
            )
        })
    }

    /// ``video_account/getTranscodeCallbackUrl``.
    ///
    /// :returns: ``{"url": str}`` (empty when none is set).
    #[pyo3(signature = ())]
    fn get_transcode_callback_url<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || {
            c.call_json(
                "video_account/getTranscodeCallbackUrl",
                &serde_json::json!({}),
            )
        })
    }

    // ------------------------------------------------------------ interactive (API 41-58, provisional paths)

    /// API 41 ``video/createNotice`` (provisional path): creates a notice
    /// from lines ``[{"content": str, "link": str}, …]``.
    ///
    /// :returns: ``{"id": int, "notice": [{"content", "link"}, …]}``.
    #[pyo3(signature = (notice))]
    fn create_notice<'py>(
        &self,
        py: Python<'py>,
        notice: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let lines: Vec<NoticeItem> = records(py, notice, "notice")?;
            let c = &self.inner;
            blocking(py, move || c.create_notice(&lines))
        })
    }

    /// API 42 ``video/bindNotice`` (provisional path): shows notice
    /// ``notice_id`` on ``video_ids``. Returns ``None``.
    #[pyo3(signature = (video_ids, notice_id))]
    fn bind_notice<'py>(
        &self,
        py: Python<'py>,
        video_ids: Vec<i64>,
        notice_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.bind_notice(&video_ids, notice_id))
    }

    /// API 43 ``video/getQuestionList`` (provisional path): the in-video
    /// questions of a video.
    ///
    /// :returns: ``{"total", "question_list": [{"id", "title", "option_type",
    ///     "show_time", "skip", "option_list": [...], …}, …]}``.
    #[pyo3(signature = (video_id))]
    fn get_question_list<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_question_list(video_id))
    }

    /// API 44 ``video/saveQuestionList`` (provisional path): creates
    /// (no ``id``) and updates (with ``id``) questions. Each question is a
    /// mapping: ``title``, ``option_type`` (1 single, 2 multiple choice),
    /// ``show_time`` (seconds), ``skip``, ``show_analysis``, ``answer``,
    /// ``wrong_answer``, ``wrong_time`` (-1: stay), ``illustration``,
    /// ``illustration_title``, ``option_list`` (``[{"value": str,
    /// "is_right": bool, "id"?: int}]``). Questions from
    /// ``get_question_list`` can be edited and passed back. Returns ``None``.
    #[pyo3(signature = (video_id, questions))]
    fn save_question_list<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        questions: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let questions: Vec<QuestionInput> = records(py, questions, "questions")?;
            let c = &self.inner;
            blocking(py, move || c.save_question_list(video_id, &questions))
        })
    }

    /// API 45 ``video/deleteQuestion`` (provisional path). Returns ``None``.
    #[pyo3(signature = (video_id, question_ids))]
    fn delete_questions<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        question_ids: Vec<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.delete_questions(video_id, &question_ids))
    }

    /// API 46 ``video/getVideosCategory`` (provisional path): the category
    /// levels of several videos (only those in ``category_id`` when given).
    ///
    /// :returns: ``{"list": [{"video_id", "category_level1_id", …}, …]}``.
    #[pyo3(signature = (video_ids, *, category_id = None))]
    fn get_videos_category<'py>(
        &self,
        py: Python<'py>,
        video_ids: Vec<i64>,
        category_id: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_videos_category(&video_ids, category_id))
    }

    /// API 47 ``video/uploadDocument`` (provisional path): attaches a document
    /// (ppt, pptx, txt or pdf) to a video. Returns ``None``.
    #[pyo3(signature = (video_id, path))]
    fn upload_document<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        path: PathBuf,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.upload_document(video_id, &path))
    }

    /// API 48 ``video/setMarker`` (provisional path): replaces the markers of
    /// a video with ``[{"time_offset": "HH:MM:SS", "description",
    /// "reference_link", "btntxt", "image"}, …]`` (an empty list clears them).
    /// Returns ``None``.
    #[pyo3(signature = (video_id, markers))]
    fn set_markers<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        markers: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let markers: Vec<Marker> = records(py, markers, "markers")?;
            let c = &self.inner;
            blocking(py, move || c.set_markers(video_id, &markers))
        })
    }

    /// API 49 ``video/getMarker`` (provisional path).
    ///
    /// :returns: ``{"total", "list": [marker, …], "enable_jump": bool}``.
    #[pyo3(signature = (video_id))]
    fn get_markers<'py>(&self, py: Python<'py>, video_id: i64) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_markers(video_id))
    }

    /// API 50 ``video/setMarkerJump`` (provisional path): whether clicking a
    /// marker seeks to it. Returns ``None``.
    #[pyo3(signature = (video_id, jump))]
    fn set_marker_jump<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        jump: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.set_marker_jump(video_id, jump))
    }

    /// API 51 ``video/getViewerToken`` (provisional path): a token (JWT) that
    /// identifies viewer ``user_number`` (> 0) to the player.
    ///
    /// :returns: ``{"token": str}``.
    #[pyo3(signature = (user_number, *, name = None, avatar = None))]
    fn get_viewer_token<'py>(
        &self,
        py: Python<'py>,
        user_number: i64,
        name: Option<String>,
        avatar: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let request = GetViewerToken {
            user_number,
            name,
            avatar,
        };
        let c = &self.inner;
        blocking(py, move || c.get_viewer_token(&request))
    }

    /// API 52 ``video/getUserGroupList`` (provisional path): the user groups
    /// allowed to watch a video.
    ///
    /// :returns: ``{"total", "list": [{"group_id", "name", "all_count",
    ///     "select_count"}, …]}``.
    #[pyo3(signature = (video_id))]
    fn get_user_groups<'py>(&self, py: Python<'py>, video_id: i64) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_user_groups(video_id))
    }

    /// API 53 ``video/addUserGroup`` (provisional path). Returns ``None``.
    #[pyo3(signature = (video_id, group_id))]
    fn add_user_group<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        group_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.add_user_group(video_id, group_id))
    }

    /// API 54 ``video/deleteUserGroup`` (provisional path). Returns ``None``.
    #[pyo3(signature = (video_id, group_id))]
    fn remove_user_group<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        group_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.remove_user_group(video_id, group_id))
    }

    /// API 55 ``video/getViewerList`` (provisional path): one page of the
    /// viewers allowed to watch a video.
    ///
    /// :param page: from 1 (default 1).
    /// :param page_size: 1 to 100 (default 10).
    /// :returns: ``{"total", "list": [{"user_id", "name", "mobile", …}, …]}``.
    #[pyo3(signature = (video_id, *, page = None, page_size = None))]
    fn get_viewers<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        page: Option<i64>,
        page_size: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_viewers(video_id, page, page_size))
    }

    /// API 56 ``video/addViewer`` (provisional path). Returns ``None``.
    #[pyo3(signature = (video_id, user_ids))]
    fn add_viewers<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        user_ids: Vec<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.add_viewers(video_id, &user_ids))
    }

    /// API 57 ``video/deleteViewer`` (provisional path). Returns ``None``.
    #[pyo3(signature = (video_id, user_ids))]
    fn remove_viewers<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
        user_ids: Vec<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.remove_viewers(video_id, &user_ids))
    }

    /// API 58 ``video/getAnswerRecord`` (provisional path): how each viewer
    /// answered the video's questions.
    ///
    /// :returns: ``{"list": [{"user_number", "user_name", "skip_count",
    ///     "right_count": "right/total", "complete_time", "answer_list"}, …]}``.
    #[pyo3(signature = (video_id))]
    fn get_answer_records<'py>(
        &self,
        py: Python<'py>,
        video_id: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let c = &self.inner;
        blocking(py, move || c.get_answer_records(video_id))
    }
}
