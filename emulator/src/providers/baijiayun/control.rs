//! Baijiayun's own control endpoints (under `/_emulator/baijiayun`): what
//! was stored of a video, and the callbacks sent.

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
        .route("/videos/{id}", get(video))
        .route("/callbacks", get(callbacks))
        .with_state(shared.clone())
        .merge(upload_target::routes(shared))
}

async fn video(State(s): State<Arc<Shared>>, Path(id): Path<i64>) -> Response {
    match s.video(id) {
        Some(v) => Json(v).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn callbacks(State(s): State<Arc<Shared>>) -> Json<Vec<super::state::CallbackRecord>> {
    Json(s.callbacks())
}
