#![allow(dead_code)]
//! A loopback origin for URL sources: serves one file with Range requests,
//! a strong ETag and `If-Range`, asks for a token in the query (as a
//! pre-signed download link does), logs every `Range` it is asked for, and
//! can swap its file for another (a changed origin) or ignore Range.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

#[derive(Default)]
struct State {
    data: Mutex<Vec<u8>>,
    /// Served instead of `data` when set: read at each request (a file a
    /// test's program writes after the origin started).
    file: Option<std::path::PathBuf>,
    version: AtomicU64,
    ranges: Mutex<Vec<String>>,
    ignore_range: AtomicBool,
    token: String,
}

impl State {
    fn etag(&self) -> String {
        format!("\"v{}\"", self.version.load(Ordering::SeqCst))
    }
}

/// A running origin; it stops when dropped.
pub struct Origin {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    state: Arc<State>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Drop for Origin {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

impl Origin {
    /// Serves `data` at `/media/<any name>?token=<token>`; `/redirect/<name>`
    /// answers 302 to it.
    pub fn start(data: Vec<u8>, token: &str) -> Origin {
        Origin::with_state(State {
            data: Mutex::new(data),
            token: token.to_owned(),
            ..State::default()
        })
    }

    fn with_state(state: State) -> Origin {
        let state = Arc::new(state);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("origin")
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let s = state.clone();
        let app = axum::Router::new().fallback(move |uri: Uri, headers: HeaderMap| {
            let s = s.clone();
            async move { answer(&s, &uri, &headers) }
        });
        runtime.spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Origin {
            base,
            state,
            runtime: Some(runtime),
        }
    }

    /// Serves the file at `path` as it is at each request.
    pub fn serving_file(path: &std::path::Path, token: &str) -> Origin {
        Origin::with_state(State {
            file: Some(path.to_owned()),
            token: token.to_owned(),
            ..State::default()
        })
    }

    /// The file's URL, token included.
    pub fn url(&self, name: &str) -> String {
        format!("{}/media/{name}?token={}", self.base, self.state.token)
    }

    /// Another file from now on, with another ETag.
    pub fn replace(&self, data: Vec<u8>) {
        *self.state.data.lock().unwrap() = data;
        self.state.version.fetch_add(1, Ordering::SeqCst);
    }

    /// Answers every request whole (200), as an origin without Range does.
    pub fn ignore_range(&self) {
        self.state.ignore_range.store(true, Ordering::SeqCst);
    }

    /// Every `Range` header asked for so far, in order.
    pub fn ranges(&self) -> Vec<String> {
        self.state.ranges.lock().unwrap().clone()
    }

    pub fn clear_ranges(&self) {
        self.state.ranges.lock().unwrap().clear();
    }
}

fn answer(state: &State, uri: &Uri, headers: &HeaderMap) -> Response {
    let path = uri.path();
    let query = uri.query().unwrap_or("");
    if let Some(name) = path.strip_prefix("/redirect/") {
        let to = format!("/media/{name}?{query}");
        return (StatusCode::FOUND, [(header::LOCATION, to)]).into_response();
    }
    if !path.starts_with("/media/") {
        return StatusCode::NOT_FOUND.into_response();
    }
    if query != format!("token={}", state.token) {
        // Echoes the query, as some servers do: the client must scrub it.
        return (StatusCode::FORBIDDEN, format!("bad token in {query}")).into_response();
    }
    let data = match &state.file {
        Some(path) => std::fs::read(path).unwrap_or_default(),
        None => state.data.lock().unwrap().clone(),
    };
    let etag = state.etag();
    let range = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let whole = || {
        (
            StatusCode::OK,
            [(header::ETAG, etag.clone())],
            Body::from(data.clone()),
        )
            .into_response()
    };
    let Some(range) = range else {
        return whole();
    };
    state.ranges.lock().unwrap().push(range.clone());
    if state.ignore_range.load(Ordering::SeqCst) {
        return whole();
    }
    let if_range = headers.get(header::IF_RANGE).and_then(|v| v.to_str().ok());
    if if_range.is_some_and(|v| v != etag) {
        return whole();
    }
    let Some((first, last)) = range
        .strip_prefix("bytes=")
        .and_then(|r| r.split_once('-'))
        .and_then(|(a, b)| Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?)))
    else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    if first >= data.len() || last < first {
        return (
            StatusCode::RANGE_NOT_SATISFIABLE,
            [(header::CONTENT_RANGE, format!("bytes */{}", data.len()))],
        )
            .into_response();
    }
    let last = last.min(data.len() - 1);
    (
        StatusCode::PARTIAL_CONTENT,
        [
            (
                header::CONTENT_RANGE,
                format!("bytes {first}-{last}/{}", data.len()),
            ),
            (header::ETAG, etag),
        ],
        Body::from(data[first..=last].to_vec()),
    )
        .into_response()
}
