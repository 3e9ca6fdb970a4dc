//! `/_emulator/{provider}/...`: what tests in other languages use to inspect
//! and steer the emulator. The endpoints every provider has (faults, request
//! stats, clock, rate limit) are written once here, over the provider's
//! [`Controls`](super::controls::Controls); a provider adds its own (stored
//! videos, callbacks, …) through [`Provider::control_routes`].

use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use super::faults::Faults;
use super::provider::Provider;

/// The prefix of every control path.
pub(crate) const PREFIX: &str = "/_emulator";

/// The control API of every provider, each under `/_emulator/{name}`.
pub(crate) fn router(providers: &[Arc<dyn Provider>]) -> Router {
    providers.iter().fold(Router::new(), |app, p| {
        let common = Router::new()
            .route("/faults", get(get_faults).post(set_faults))
            .route("/stats", get(stats))
            .route("/stats/reset", post(reset_stats))
            .route("/clock/advance", post(advance))
            .route("/rate_limit", post(rate_limit))
            .with_state(p.clone());
        app.nest(
            &format!("{PREFIX}/{}", p.name()),
            common.merge(p.clone().control_routes()),
        )
    })
}

/// The answer to a path nothing serves. Under `/_emulator/` it says what went
/// wrong in JSON, naming the providers there are when the provider is unknown.
pub(crate) fn not_found(uri: &Uri, known: &[&'static str]) -> Response {
    let Some(rest) = uri.path().strip_prefix(PREFIX) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let provider = rest.trim_start_matches('/').split('/').next().unwrap_or("");
    let body = if known.contains(&provider) {
        json!({ "error": format!("no control endpoint {}", uri.path()) })
    } else {
        json!({
            "error": format!("unknown provider `{provider}`; known: {}", known.join(", ")),
            "providers": known,
        })
    };
    (StatusCode::NOT_FOUND, Json(body)).into_response()
}

type Of = State<Arc<dyn Provider>>;

async fn get_faults(State(p): Of) -> Json<Faults> {
    Json(p.controls().faults.get())
}

async fn set_faults(State(p): Of, Json(f): Json<Faults>) -> Json<Faults> {
    p.controls().faults.set(f.clone());
    Json(f)
}

async fn stats(State(p): Of) -> Response {
    let requests = &p.controls().requests;
    Json(json!({
        "requests": requests.counts(),
        "total": requests.total(),
        "upload_bytes": requests.upload_bytes(),
    }))
    .into_response()
}

async fn reset_stats(State(p): Of) -> StatusCode {
    p.controls().requests.reset();
    StatusCode::NO_CONTENT
}

#[derive(serde::Deserialize)]
struct Advance {
    seconds: i64,
}

async fn advance(State(p): Of, Json(a): Json<Advance>) -> Response {
    let clock = &p.controls().clock;
    clock.advance_ms(a.seconds.saturating_mul(1000));
    Json(json!({ "now": clock.now_secs() })).into_response()
}

#[derive(serde::Deserialize)]
struct RateLimit {
    /// Requests per window; 0 turns the limit off.
    limit: u32,
    window_ms: u64,
}

async fn rate_limit(State(p): Of, Json(r): Json<RateLimit>) -> StatusCode {
    p.controls()
        .rate_limit
        .set((r.limit > 0).then(|| (r.limit, Duration::from_millis(r.window_ms))));
    StatusCode::NO_CONTENT
}
