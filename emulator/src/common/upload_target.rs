//! Where a provider's upload URLs send the bytes: to the emulator itself
//! (the default), or to another server a test or benchmark names, say a
//! sink that only discards bytes, so the client can be measured without the
//! emulator's intake in the way. Set with [`UploadTarget::set`] (from Rust,
//! [`crate::Emulator::set_upload_target`]) or
//! `POST /_emulator/{provider}/upload_target` `{"url": "http://…"}`
//! (`{"url": null}` points them back at the emulator).

use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::json;

use super::lock::lock;

#[derive(Debug, Default)]
pub struct UploadTarget(Mutex<Option<String>>);

impl UploadTarget {
    /// Hands out upload URLs on `url` from now on (`None`: on the emulator).
    /// Only `http://` and `https://` URLs are taken.
    pub fn set(&self, url: Option<&str>) -> Result<(), String> {
        if let Some(u) = url {
            let rest = u
                .strip_prefix("http://")
                .or_else(|| u.strip_prefix("https://"))
                .unwrap_or("");
            if rest.is_empty() || rest.starts_with('/') || u.contains(char::is_whitespace) {
                return Err(format!(
                    "the upload target must be an http:// or https:// URL with a host, not {u:?}"
                ));
            }
        }
        *lock(&self.0) = url.map(str::to_owned);
        Ok(())
    }

    pub fn get(&self) -> Option<String> {
        lock(&self.0).clone()
    }

    /// The upload URL to hand out: `own` (the emulator's) or the target,
    /// with `query` (what the provider's URL carries, e.g. its token)
    /// appended either way.
    pub fn url(&self, own: &str, query: &str) -> String {
        let base = self.get().unwrap_or_else(|| own.to_owned());
        if query.is_empty() {
            base
        } else if base.contains('?') {
            format!("{base}&{query}")
        } else {
            format!("{base}?{query}")
        }
    }
}

/// `POST /upload_target` (and `GET`, to read it) for a provider's control
/// API; the server nests it under `/_emulator/{provider}`.
pub(crate) fn routes<S>(shared: Arc<S>) -> Router
where
    S: AsRef<UploadTarget> + Send + Sync + 'static,
{
    Router::new()
        .route("/upload_target", post(set::<S>).get(get::<S>))
        .with_state(shared)
}

#[derive(serde::Deserialize)]
struct Target {
    url: Option<String>,
}

async fn set<S: AsRef<UploadTarget>>(State(s): State<Arc<S>>, Json(t): Json<Target>) -> Response {
    match (*s).as_ref().set(t.url.as_deref()) {
        Ok(()) => Json(json!({ "ok": true })).into_response(),
        Err(e) => (
            StatusCode::BAD_REQUEST,
            Json(json!({ "ok": false, "error": e })),
        )
            .into_response(),
    }
}

async fn get<S: AsRef<UploadTarget>>(State(s): State<Arc<S>>) -> Response {
    Json(json!({ "url": (*s).as_ref().get() })).into_response()
}

#[cfg(test)]
mod tests {
    use super::UploadTarget;

    #[test]
    fn the_query_follows_the_url_handed_out() {
        let t = UploadTarget::default();
        assert_eq!(
            t.url("http://e/upload", "fid=1&token=x"),
            "http://e/upload?fid=1&token=x"
        );
        t.set(Some("http://127.0.0.1:9/sink")).unwrap();
        assert_eq!(
            t.url("http://e/upload", "fid=1"),
            "http://127.0.0.1:9/sink?fid=1"
        );
        assert_eq!(t.url("http://e/upload", ""), "http://127.0.0.1:9/sink");
        t.set(Some("http://127.0.0.1:9/sink?a=b")).unwrap();
        assert_eq!(
            t.url("http://e/upload", "fid=1"),
            "http://127.0.0.1:9/sink?a=b&fid=1"
        );
        t.set(None).unwrap();
        assert_eq!(t.url("http://e/upload", ""), "http://e/upload");
    }

    #[test]
    fn anything_but_an_http_url_is_refused_and_changes_nothing() {
        let t = UploadTarget::default();
        t.set(Some("http://127.0.0.1:9/")).unwrap();
        for bad in [
            "",
            "ftp://x/",
            "http://",
            "http:///x",
            "127.0.0.1:9",
            "http://a b/",
        ] {
            assert!(t.set(Some(bad)).is_err(), "{bad:?}");
        }
        assert_eq!(t.get().as_deref(), Some("http://127.0.0.1:9/"));
    }
}
