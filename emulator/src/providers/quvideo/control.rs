//! The console emulation's own control endpoints (under
//! `/_emulator/quvideo`): expire or revoke tokens, look at videos,
//! recommendations, audits and cache pushes, start over.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use super::state::Shared;

type Of = State<Arc<Shared>>;

pub(crate) fn routes(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/tokens/expire", post(expire))
        .route("/tokens/revoke", post(revoke))
        .route("/session", get(session))
        .route("/videos", get(videos))
        .route("/videos/{id}", get(video))
        .route("/recommends", get(recommends))
        .route("/audits", get(audits))
        .route("/cache", get(cache))
        .route("/reset", post(reset))
        .with_state(shared)
}

async fn expire(State(s): Of) -> Json<Value> {
    Json(json!({ "expired": s.expire_tokens() }))
}

async fn revoke(State(s): Of) -> Json<Value> {
    Json(json!({ "revoked": s.revoke_tokens() }))
}

async fn session(State(s): Of) -> Json<Value> {
    Json(json!({
        "live_tokens": s.live_tokens(),
        "locked": s.is_locked(),
        "login_requests": s.login_requests(),
    }))
}

async fn videos(State(s): Of) -> Json<Vec<Value>> {
    Json(s.videos().iter().map(|v| v.to_wire(false)).collect())
}

async fn video(State(s): Of, Path(id): Path<String>) -> Response {
    match s.video(&id) {
        Some(v) => Json(v.to_wire(false)).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn recommends(State(s): Of) -> Json<Vec<Value>> {
    Json(s.recommends().iter().map(|v| v.to_wire(true)).collect())
}

async fn audits(State(s): Of) -> Json<Vec<super::state::Audit>> {
    Json(s.audits())
}

async fn cache(State(s): Of) -> Json<Vec<String>> {
    Json(s.cache_pushes())
}

async fn reset(State(s): Of) -> StatusCode {
    s.reset();
    StatusCode::NO_CONTENT
}
