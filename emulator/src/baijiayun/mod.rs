//! The Baijiayun VOD API (`/openapi/...`), the upload endpoint and play URLs.
//!
//! Every API request goes through [`openapi`]: fault knobs, partner check,
//! rate limit, signature check, then the handler registered for its path.
//! Handlers are plain functions over the parsed form ([`Req`]) returning the
//! envelope's `data` or an [`ApiError`]; each area keeps its state in its own
//! module.

pub mod callbacks;
pub mod category;
pub mod dates;
pub mod interactive;
pub mod manage;
mod sign;
pub mod stats;
pub mod subtitle;
pub mod upload;
pub mod video;

use std::collections::BTreeMap;
use std::sync::atomic::AtomicI64;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Path, RawQuery, Request, State as AxState};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Extension, Json, Router};
use serde_json::{json, Value};

use crate::server::Peer;
use crate::state::Shared;

pub(crate) use sign::sign;

/// All Baijiayun state, one lock per area.
#[derive(Default)]
pub struct State {
    pub videos: Mutex<BTreeMap<i64, video::Video>>,
    pub next_video_id: AtomicI64,
    /// The account-level transcode callback URL.
    pub callback_url: Mutex<Option<String>>,
    pub manage: Mutex<manage::State>,
    pub category: Mutex<category::State>,
    pub stats: Mutex<stats::State>,
    pub subtitle: Mutex<subtitle::State>,
    pub interactive: Mutex<interactive::State>,
}

/// A handler: the parsed request in, the envelope's `data` out.
pub type Handler = fn(&Shared, &Req) -> Result<Value, ApiError>;

/// An error answer: `{"code": code, "msg": msg, "data": null}`.
#[derive(Debug)]
pub struct ApiError {
    pub code: i64,
    pub msg: String,
}

impl ApiError {
    /// Code 1001: a parameter is missing or wrong.
    pub fn param(msg: impl Into<String>) -> Self {
        ApiError {
            code: 1001,
            msg: msg.into(),
        }
    }

    pub fn new(code: i64, msg: impl Into<String>) -> Self {
        ApiError {
            code,
            msg: msg.into(),
        }
    }
}

/// A file sent in a multipart request.
#[derive(Debug, Clone)]
pub struct FileField {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl FileField {
    /// The file name's extension, lowercased, when it is one of `allowed`.
    pub fn extension_in(&self, allowed: &[&str]) -> Option<String> {
        self.file_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .filter(|e| allowed.contains(&e.as_str()))
    }
}

/// The parameters of one API request.
#[derive(Debug, Default)]
pub struct Req {
    pub fields: BTreeMap<String, String>,
    pub files: BTreeMap<String, FileField>,
}

impl Req {
    pub fn opt(&self, key: &str) -> Option<&str> {
        self.fields.get(key).map(String::as_str)
    }

    pub fn str(&self, key: &str) -> Result<&str, ApiError> {
        match self.opt(key) {
            Some(v) if !v.is_empty() => Ok(v),
            _ => Err(ApiError::param(format!("{key} is required"))),
        }
    }

    pub fn opt_i64(&self, key: &str) -> Result<Option<i64>, ApiError> {
        match self.opt(key) {
            None | Some("") => Ok(None),
            Some(v) => v
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| ApiError::param(format!("{key} must be an integer"))),
        }
    }

    pub fn i64(&self, key: &str) -> Result<i64, ApiError> {
        self.opt_i64(key)?
            .ok_or_else(|| ApiError::param(format!("{key} is required")))
    }

    /// A comma-separated list of integers (`video_ids=1,2,3`).
    pub fn id_list(&self, key: &str) -> Result<Vec<i64>, ApiError> {
        self.str(key)?
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| {
                s.trim()
                    .parse()
                    .map_err(|_| ApiError::param(format!("{key} must be comma-separated integers")))
            })
            .collect()
    }

    /// Bit values as `16,1`, each one of `allowed`, each kept once (in the
    /// order sent); `None` when absent or blank.
    pub fn bits(&self, key: &str, allowed: &[i64]) -> Result<Option<Vec<i64>>, ApiError> {
        let Some(raw) = self.opt(key).filter(|s| !s.trim().is_empty()) else {
            return Ok(None);
        };
        let mut out = Vec::new();
        for part in raw.split(',') {
            let bit: i64 = part
                .trim()
                .parse()
                .map_err(|_| ApiError::param(format!("{key} must be comma-separated numbers")))?;
            if !allowed.contains(&bit) {
                return Err(ApiError::param(format!(
                    "{key} value {bit} is not one of {allowed:?}"
                )));
            }
            if !out.contains(&bit) {
                out.push(bit);
            }
        }
        Ok(Some(out))
    }

    /// A parameter that carries JSON text (`notice`, `question_list`, …).
    pub fn json(&self, key: &str) -> Result<Value, ApiError> {
        serde_json::from_str(self.str(key)?)
            .map_err(|_| ApiError::param(format!("{key} must be JSON")))
    }

    pub fn page(&self, default_size: i64, max_size: i64) -> Result<(i64, i64), ApiError> {
        let page = self.opt_i64("page")?.unwrap_or(1);
        let size = self.opt_i64("page_size")?.unwrap_or(default_size);
        if page < 1 || size < 1 || size > max_size {
            return Err(ApiError::param(format!(
                "page must be >= 1 and page_size 1..={max_size}"
            )));
        }
        Ok((page, size))
    }
}

/// The items on page `page` (from 1) of `size` items each, as [`Req::page`] checked them.
pub(crate) fn page_of<T>(
    items: impl IntoIterator<Item = T>,
    page: i64,
    size: i64,
) -> impl Iterator<Item = T> {
    items
        .into_iter()
        .skip(((page - 1) * size) as usize)
        .take(size as usize)
}

/// Every handler, by path under `/openapi/`.
fn handlers() -> BTreeMap<&'static str, Handler> {
    let mut all = BTreeMap::new();
    for table in [
        video::HANDLERS,
        upload::HANDLERS,
        callbacks::HANDLERS,
        manage::HANDLERS,
        category::HANDLERS,
        stats::HANDLERS,
        subtitle::HANDLERS,
        interactive::HANDLERS,
    ] {
        for (path, h) in table {
            assert!(all.insert(*path, *h).is_none(), "two handlers for {path}");
        }
    }
    all
}

#[derive(Clone)]
struct App {
    shared: Arc<Shared>,
    handlers: Arc<BTreeMap<&'static str, Handler>>,
}

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let app = App {
        shared: shared.clone(),
        handlers: Arc::new(handlers()),
    };
    Router::new()
        .route("/openapi/{*path}", any(openapi))
        .with_state(app)
        .merge(
            Router::new()
                .route("/upload", post(upload::upload_file))
                .route("/play/{video_id}/{file}", get(video::play))
                .layer(axum::extract::DefaultBodyLimit::disable())
                .with_state(shared),
        )
}

/// Background work: status changes on the emulated clock and callback delivery.
pub(crate) async fn background(shared: Arc<Shared>) {
    callbacks::run(shared).await
}

pub(crate) fn envelope(code: i64, data: Value, msg: &str, now: i64) -> Value {
    json!({ "code": code, "data": data, "msg": msg, "ts": now })
}

fn answer(status: StatusCode, code: i64, msg: &str, shared: &Shared) -> Response {
    (
        status,
        Json(envelope(code, Value::Null, msg, shared.clock.now_secs())),
    )
        .into_response()
}

/// What every request meets first: it is counted, waits out the injected
/// latency, and may be picked to fail. Whether it is to fail with HTTP 500.
pub(crate) async fn arrive(shared: &Shared, path: &str) -> bool {
    shared.count_request(path);
    let latency = shared.latency();
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    shared.inject_error()
}

async fn openapi(
    AxState(app): AxState<App>,
    Path(path): Path<String>,
    Extension(peer): Extension<Peer>,
    method: Method,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    request: Request,
) -> Response {
    let shared = &app.shared;
    if arrive(shared, &format!("/openapi/{path}")).await {
        return answer(
            StatusCode::INTERNAL_SERVER_ERROR,
            500,
            "injected server error",
            shared,
        );
    }
    let req = match parse_request(&method, &headers, query, request).await {
        Ok(r) => r,
        Err(e) => return answer(StatusCode::OK, e.code, &e.msg, shared),
    };
    let partner_id = req.opt("partner_id").unwrap_or("").to_owned();
    if partner_id.is_empty() {
        return answer(StatusCode::OK, 1001, "partner_id is required", shared);
    }
    if !shared.rate_ok(&partner_id, peer.0.ip()) {
        let mut r = answer(
            StatusCode::TOO_MANY_REQUESTS,
            429,
            "too many requests: 200 per 10 s",
            shared,
        );
        r.headers_mut()
            .insert(header::RETRY_AFTER, "1".parse().expect("static"));
        return r;
    }
    if partner_id != shared.config.partner_id {
        return answer(
            StatusCode::OK,
            2001,
            "partner account does not exist",
            shared,
        );
    }
    let (Some(given), Some(_ts)) = (req.opt("sign"), req.opt("timestamp")) else {
        return answer(
            StatusCode::OK,
            1001,
            "timestamp and sign are required",
            shared,
        );
    };
    let expected = sign(
        req.fields.iter().filter(|(k, _)| *k != "sign"),
        &shared.partner_key(),
    );
    if given != expected {
        return answer(StatusCode::OK, 1002, "sign error", shared);
    }
    let Some(handler) = app.handlers.get(path.as_str()) else {
        return answer(StatusCode::NOT_FOUND, 404, "no such API", shared);
    };
    let now = shared.clock.now_secs();
    match handler(shared, &req) {
        Ok(data) => Json(envelope(0, data, "", now)).into_response(),
        Err(e) => Json(envelope(e.code, Value::Null, &e.msg, now)).into_response(),
    }
}

async fn parse_request(
    method: &Method,
    headers: &HeaderMap,
    query: Option<String>,
    request: Request,
) -> Result<Req, ApiError> {
    let mut req = Req::default();
    if let Some(q) = query {
        for (k, v) in form_urlencoded::parse(q.as_bytes()) {
            req.fields.insert(k.into_owned(), v.into_owned());
        }
    }
    if method == Method::GET {
        return Ok(req);
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("multipart/form-data") {
        let mut multipart = Multipart::from_request(request, &())
            .await
            .map_err(|_| ApiError::param("malformed multipart body"))?;
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|_| ApiError::param("malformed multipart body"))?
        {
            let name = field.name().unwrap_or("").to_owned();
            let file_name = field.file_name().map(str::to_owned);
            let bytes = field
                .bytes()
                .await
                .map_err(|_| ApiError::param("malformed multipart body"))?;
            match file_name {
                Some(file_name) => {
                    req.files.insert(
                        name,
                        FileField {
                            file_name,
                            bytes: bytes.to_vec(),
                        },
                    );
                }
                None => {
                    let text = String::from_utf8(bytes.to_vec())
                        .map_err(|_| ApiError::param(format!("{name} is not UTF-8")))?;
                    req.fields.insert(name, text);
                }
            }
        }
    } else {
        let body = Bytes::from_request(request, &())
            .await
            .map_err(|_| ApiError::param("unreadable body"))?;
        for (k, v) in form_urlencoded::parse(&body) {
            req.fields.insert(k.into_owned(), v.into_owned());
        }
    }
    Ok(req)
}
