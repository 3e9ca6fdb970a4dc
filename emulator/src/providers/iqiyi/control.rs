//! iQiyi's own control endpoints (under `/_emulator/iqiyi`).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};

use super::state::{Shared, TokenStats, UploadFaults};
use crate::common::upload_target;

pub(crate) fn routes(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/files", get(files))
        .route("/files/{id}", get(file))
        .route("/expire_tokens", post(expire))
        .route("/upload_faults", get(get_faults).post(set_faults))
        .route("/token_stats", get(stats))
        .with_state(shared.clone())
        .merge(upload_target::routes(shared))
}

async fn file(State(s): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    // Waits for the file's MD5: off the async workers.
    match tokio::task::spawn_blocking(move || s.file(&id)).await {
        Ok(Some(f)) => Json(f).into_response(),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Every file held (waits for their MD5s: off the async workers).
async fn files(State(s): State<Arc<Shared>>) -> Response {
    match tokio::task::spawn_blocking(move || s.files()).await {
        Ok(f) => Json(f).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

async fn expire(State(s): State<Arc<Shared>>) -> StatusCode {
    s.expire_tokens();
    StatusCode::NO_CONTENT
}

async fn get_faults(State(s): State<Arc<Shared>>) -> Json<UploadFaults> {
    Json(s.upload_faults())
}

async fn set_faults(
    State(s): State<Arc<Shared>>,
    Json(f): Json<UploadFaults>,
) -> Json<UploadFaults> {
    s.set_upload_faults(f.clone());
    Json(f)
}

async fn stats(State(s): State<Arc<Shared>>) -> Json<TokenStats> {
    Json(s.token_stats())
}
