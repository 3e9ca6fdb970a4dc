//! `/_emulator/...`: what tests in other languages use to inspect and steer
//! the emulator (faults, clock, request counts, stored videos, callbacks).

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use crate::faults::Faults;
use crate::state::{lock, Shared};

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/_emulator/faults", get(get_faults).post(set_faults))
        .route("/_emulator/stats", get(stats))
        .route("/_emulator/stats/reset", post(reset_stats))
        .route("/_emulator/clock/advance", post(advance))
        .route("/_emulator/rate_limit", post(rate_limit))
        .route("/_emulator/videos/{id}", get(video))
        .route("/_emulator/callbacks", get(callbacks))
        .with_state(shared)
}

async fn get_faults(State(s): State<Arc<Shared>>) -> Json<Faults> {
    Json(s.faults())
}

async fn set_faults(State(s): State<Arc<Shared>>, Json(f): Json<Faults>) -> Json<Faults> {
    s.set_faults(f.clone());
    Json(f)
}

async fn stats(State(s): State<Arc<Shared>>) -> Response {
    Json(json!({ "requests": s.request_counts(), "total": s.total_requests() })).into_response()
}

async fn reset_stats(State(s): State<Arc<Shared>>) -> StatusCode {
    lock(&s.requests).clear();
    StatusCode::NO_CONTENT
}

#[derive(serde::Deserialize)]
struct Advance {
    seconds: i64,
}

async fn advance(State(s): State<Arc<Shared>>, Json(a): Json<Advance>) -> Response {
    s.clock.advance_ms(a.seconds * 1000);
    Json(json!({ "now": s.clock.now_secs() })).into_response()
}

#[derive(serde::Deserialize)]
struct RateLimit {
    /// Requests per window; 0 turns the limit off.
    limit: u32,
    window_ms: u64,
}

async fn rate_limit(State(s): State<Arc<Shared>>, Json(r): Json<RateLimit>) -> StatusCode {
    s.set_rate_limit((r.limit > 0).then(|| (r.limit, Duration::from_millis(r.window_ms))));
    StatusCode::NO_CONTENT
}

async fn video(State(s): State<Arc<Shared>>, Path(id): Path<i64>) -> Response {
    match s.video(id) {
        Some(v) => Json(v).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn callbacks(State(s): State<Arc<Shared>>) -> Response {
    Json(s.callbacks()).into_response()
}
