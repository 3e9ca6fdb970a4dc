//! Baijiayun's HTTP surface (`/openapi/...`, `/upload`, `/play/...`).
//!
//! Every API request goes through [`openapi`]: fault knobs, partner check,
//! rate limit, signature check, then the handler registered for its path.
//! Handlers are plain functions over the parsed form ([`Req`]) returning the
//! envelope's `data` or an [`ApiError`](super::request::ApiError); each area keeps its handlers in its
//! own module and its records under `store/`.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{Path, RawQuery, Request, State as AxState};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Extension, Json, Router};
use serde_json::{json, Value};

use super::request::{Handler, Req};
use super::sign::sign;
use super::state::Shared;
use super::{callbacks, category, interactive, manage, stats, subtitle, upload, video};
use crate::common::form::{self, FormError};
use crate::common::server::{ConnKill, Peer};

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

/// The API under `/openapi/`, the upload endpoint and play URLs.
pub(crate) fn routes(shared: Arc<Shared>) -> Router {
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

fn envelope(code: i64, data: Value, msg: &str, now: i64) -> Value {
    json!({ "code": code, "data": data, "msg": msg, "ts": now })
}

fn answer(status: StatusCode, code: i64, msg: &str, shared: &Shared) -> Response {
    (
        status,
        Json(envelope(code, Value::Null, msg, shared.clock().now_secs())),
    )
        .into_response()
}

// Each argument is one axum extractor: the count is the handler's inputs.
#[allow(clippy::too_many_arguments)]
async fn openapi(
    AxState(app): AxState<App>,
    Path(path): Path<String>,
    Extension(peer): Extension<Peer>,
    Extension(kill): Extension<ConnKill>,
    method: Method,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    request: Request,
) -> Response {
    let shared = &app.shared;
    if shared.controls.arrive(&format!("/openapi/{path}")).await {
        return answer(
            StatusCode::INTERNAL_SERVER_ERROR,
            500,
            "injected server error",
            shared,
        );
    }
    let req = match form::parse(&method, &headers, query, request).await {
        Ok(form) => Req::from(form),
        Err(FormError(msg)) => return answer(StatusCode::OK, 1001, &msg, shared),
    };
    let partner_id = req.opt("partner_id").unwrap_or("").to_owned();
    if partner_id.is_empty() {
        return answer(StatusCode::OK, 1001, "partner_id is required", shared);
    }
    if !shared.controls.rate_limit.allow(&partner_id, peer.0.ip()) {
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
    // createkey in the shape of the document's own example (partner_id and
    // secret_key, no timestamp, no sign): the secret_key is the proof, and
    // a client holding no partner key could not sign. The signed shape its
    // table describes is checked like every other call.
    let unsigned_createkey =
        path == "partner/createkey" && req.opt("sign").is_none() && req.opt("timestamp").is_none();
    if unsigned_createkey {
        return answer_with(&app, &path, &req, &kill).await;
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
    answer_with(&app, &path, &req, &kill).await
}

/// The handler's answer to a request that passed the checks.
async fn answer_with(app: &App, path: &str, req: &Req, kill: &ConnKill) -> Response {
    let shared = &app.shared;
    let Some(handler) = app.handlers.get(path) else {
        return answer(StatusCode::NOT_FOUND, 404, "no such API", shared);
    };
    let now = shared.clock().now_secs();
    match handler(shared, req) {
        Ok(_)
            if path == "video/getUploadUrl" && shared.controls.faults.take_drop_create_answer() =>
        {
            // Fault: the video exists, its creator never learns its id.
            kill.0.notify_one();
            std::future::pending::<Response>().await
        }
        Ok(data) => Json(envelope(0, data, "", now)).into_response(),
        Err(e) => Json(envelope(e.code, Value::Null, &e.msg, now)).into_response(),
    }
}
