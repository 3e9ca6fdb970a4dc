//! The console's HTTP surface: each operation at its one method (the other
//! answers HTTP 405 as the AppServer's framework does), the token check
//! (bare 403 when missing or unknown, 301 when expired), and the envelope.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};
use serde_json::{json, Value};

use super::handlers::{self, Fail, Fields};
use super::state::{Session, Shared};
use crate::common::form::{self, FormError};
use crate::common::lock::lock;

/// How one operation is served.
pub(crate) struct Op {
    pub method: Method,
    /// Whether it needs a valid `consoleToken`.
    pub token: bool,
    pub handler: fn(&Shared, &Fields, Option<&str>) -> Result<handlers::Done, Fail>,
}

/// Every operation, by path under `/console/`.
fn ops() -> BTreeMap<&'static str, Op> {
    let get = |handler| Op {
        method: Method::GET,
        token: true,
        handler,
    };
    let post = |handler| Op {
        method: Method::POST,
        token: true,
        handler,
    };
    let mut all = BTreeMap::new();
    all.insert(
        "user/login",
        Op {
            method: Method::POST,
            token: false,
            handler: handlers::login,
        },
    );
    all.insert("user/signOut", post(handlers::sign_out));
    all.insert("user/refreshToken", post(handlers::refresh_token));
    all.insert("vod/getVideos", get(handlers::get_videos));
    all.insert("vod/getVideoById", get(handlers::get_video_by_id));
    all.insert(
        "vod/getRecommendVideos",
        get(handlers::get_recommend_videos),
    );
    all.insert(
        "vod/getRecommendVideoById",
        get(handlers::get_recommend_video_by_id),
    );
    all.insert("vod/submitTranscode", post(handlers::submit_transcode));
    all.insert(
        "vod/submitTabTranscode",
        post(handlers::submit_tab_transcode),
    );
    all.insert("vod/createAudit", post(handlers::create_audit));
    all.insert("vod/recommendVideo", post(handlers::recommend_video));
    all.insert("vod/pushObjectCache", post(handlers::push_object_cache));
    all.insert("vod/deleteVideoById", post(handlers::delete_video_by_id));
    all.insert(
        "vod/deleteRecommendById",
        post(handlers::delete_recommend_by_id),
    );
    all
}

#[derive(Clone)]
struct App {
    shared: Arc<Shared>,
    ops: Arc<BTreeMap<&'static str, Op>>,
}

pub(crate) fn routes(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/console/{*path}", any(console))
        .route("/media/{video_id}/{file}", get(media))
        .with_state(App {
            shared,
            ops: Arc::new(ops()),
        })
}

/// `GET /media/{videoId}/{file}`: a video's file ([`super::state::media_bytes`])
/// with Range and a strong ETag, as the CDN behind `fileUrlList` serves it.
async fn media(
    State(app): State<App>,
    Path((video_id, _file)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    app.shared.controls.requests.count("/media");
    let Some(video) = app.shared.video(&video_id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let bytes = super::state::media_bytes(&video);
    let len = bytes.len() as u64;
    let etag = format!(
        "\"{}-{len}-{}\"",
        video.video_id,
        &crate::common::digest::md5_hex(&bytes)[..12]
    );
    crate::common::ranged::serve(std::io::Cursor::new(bytes), len, etag, &headers).await
}

/// A request id as the AppServer makes them (a UUID).
fn request_id() -> String {
    let hex = |n: usize| {
        (0..n)
            .map(|_| fastrand::alphanumeric().to_ascii_lowercase())
            .collect::<String>()
    };
    format!("{}-{}-{}-{}-{}", hex(8), hex(4), hex(4), hex(4), hex(12))
}

fn envelope(result: bool, code: &str, message: &str, data: Value) -> Response {
    Json(json!({
        "result": if result { "true" } else { "false" },
        "requestId": request_id(),
        "message": message,
        "code": code,
        "data": data,
    }))
    .into_response()
}

/// The token check's answer: no `result`, no `data`, no `requestId`.
fn bare_403() -> Response {
    Json(json!({ "code": "403", "message": "Please log in the system!" })).into_response()
}

async fn console(
    State(app): State<App>,
    Path(path): Path<String>,
    method: Method,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    request: Request,
) -> Response {
    let shared = &app.shared;
    if shared.controls.arrive(&format!("/console/{path}")).await {
        return envelope(false, "500", "injected server error", Value::Null);
    }
    let Some(op) = app.ops.get(path.as_str()) else {
        return spring_error(StatusCode::NOT_FOUND, "Not Found", &path);
    };
    if method != op.method {
        return spring_error(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed", &path);
    }
    let fields = match form::parse(&method, &headers, query, request).await {
        Ok(form) => form.fields,
        Err(FormError(msg)) => return envelope(false, "300", &msg, Value::Null),
    };
    let token = if op.token {
        // Only the AppServer's spelling counts (`consoletoken` does not).
        let Some(token) = fields.get("consoleToken").filter(|t| !t.is_empty()) else {
            return bare_403();
        };
        let now = shared.clock().now_secs();
        match lock(&shared.sessions).get(token) {
            None => return bare_403(),
            Some(Session { expires_at }) if *expires_at <= now => {
                return envelope(
                    false,
                    "301",
                    "token expired, please log in again",
                    Value::Null,
                )
            }
            Some(_) => Some(token.clone()),
        }
    } else {
        None
    };
    match (op.handler)(shared, &fields, token.as_deref()) {
        Ok((data, message)) => envelope(true, "200", message, data),
        Err(Fail { code, message }) => envelope(false, code, &message, Value::Null),
    }
}

/// What the AppServer's framework (Spring) answers for a path or method it
/// does not serve: an HTTP error with its own JSON, no envelope.
fn spring_error(status: StatusCode, error: &str, path: &str) -> Response {
    (
        status,
        Json(json!({
            "status": status.as_u16(),
            "error": error,
            "path": format!("/console/{path}"),
        })),
    )
        .into_response()
}
