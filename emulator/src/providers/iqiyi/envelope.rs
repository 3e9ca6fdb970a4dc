//! iQiyi's answer shape, `{"code": "A00000", "data", "msg"}`, shared by the
//! API handlers and the chunk hosts.

use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

pub(crate) fn envelope(code: &str, data: Value, msg: &str) -> Response {
    Json(json!({ "code": code, "data": data, "msg": msg })).into_response()
}
