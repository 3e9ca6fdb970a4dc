//! Baijiayun's own control endpoints (under `/_emulator/baijiayun`): what
//! was stored of a video, the callbacks sent, and faults (a wrong
//! `file_md5`, a rotated partner key).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};

use super::state::Shared;
use crate::common::upload_target;

pub(crate) fn routes(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/videos", get(videos))
        .route("/videos/{id}", get(video))
        .route("/callbacks", get(callbacks))
        .route("/wrong_file_md5", axum::routing::post(wrong_file_md5))
        .route(
            "/rotate_partner_key",
            axum::routing::post(rotate_partner_key),
        )
        .with_state(shared.clone())
        .merge(upload_target::routes(shared))
}

async fn video(State(s): State<Arc<Shared>>, Path(id): Path<i64>) -> Response {
    match s.video(id) {
        Some(v) => Json(v).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Every video held (waits for uploads in flight to settle: off the async workers).
async fn videos(State(s): State<Arc<Shared>>) -> Response {
    match tokio::task::spawn_blocking(move || s.videos()).await {
        Ok(v) => Json(v).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

async fn callbacks(State(s): State<Arc<Shared>>) -> Json<Vec<super::state::CallbackRecord>> {
    Json(s.callbacks())
}

#[derive(serde::Deserialize)]
struct Count {
    count: u32,
}

async fn wrong_file_md5(State(s): State<Arc<Shared>>, Json(c): Json<Count>) -> StatusCode {
    s.md5_fault.arm(c.count);
    StatusCode::NO_CONTENT
}

/// Rotates the partner key: calls signed with the old one get 1002.
async fn rotate_partner_key(State(s): State<Arc<Shared>>) -> StatusCode {
    s.rotate_partner_key();
    StatusCode::NO_CONTENT
}
