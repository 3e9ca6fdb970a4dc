//! A loopback HTTP server for tests that check what the client sends or
//! script what a server answers: each request is read whole and handed to the
//! test's handler, whose reply is sent back.
//!
//! Why not tiny_http: its connection thread pool can lose a wake-up when
//! several connections arrive at once, leaving one connection unserved until
//! another closes (seen as a 90 s stall, the client's idle-pool timeout,
//! when parallel parts opened four connections under load). Here every
//! connection is served by hyper (through axum) on the server's own runtime,
//! and handlers run on blocking threads, so a handler may sleep or block
//! without stalling other requests.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::IntoResponse;

/// One request as the server read it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// Path and query, as sent.
    pub url: String,
    /// Header names in lower case; a repeated header keeps its last value.
    pub headers: BTreeMap<String, String>,
    pub body: Vec<u8>,
}

impl Request {
    /// The path without the query.
    pub fn path(&self) -> &str {
        self.url.split('?').next().unwrap_or(&self.url)
    }

    /// The query's parameters, decoded.
    pub fn query(&self) -> BTreeMap<String, String> {
        let q = self.url.split_once('?').map(|(_, q)| q).unwrap_or("");
        form_urlencoded::parse(q.as_bytes()).into_owned().collect()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }
}

/// What the handler answers: a status and a text body.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub body: String,
}

impl Reply {
    pub fn ok(body: impl Into<String>) -> Reply {
        Reply::status(200, body)
    }

    pub fn status(status: u16, body: impl Into<String>) -> Reply {
        Reply {
            status,
            body: body.into(),
        }
    }
}

/// A running server; it stops when dropped.
pub struct FakeServer {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub url: String,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// Starts a server on a free loopback port that answers every request with
/// `handler` (called concurrently, one call per request, on blocking threads).
pub fn serve(handler: impl Fn(Request) -> Reply + Send + Sync + 'static) -> FakeServer {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("fake-server")
        .enable_all()
        .build()
        .expect("start the fake server's runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind a loopback port");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let handler = Arc::new(handler);
    let app = axum::Router::new()
        .fallback(
            move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                let handler = handler.clone();
                async move {
                    let request = Request {
                        method: method.to_string(),
                        url: uri
                            .path_and_query()
                            .map(|pq| pq.to_string())
                            .unwrap_or_default(),
                        headers: headers
                            .iter()
                            .map(|(k, v)| {
                                (
                                    k.as_str().to_owned(),
                                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                                )
                            })
                            .collect(),
                        body: body.to_vec(),
                    };
                    match tokio::task::spawn_blocking(move || handler(request)).await {
                        Ok(reply) => (StatusCode::from_u16(reply.status).unwrap(), reply.body)
                            .into_response(),
                        // A handler's failed assertion: the client sees a 500,
                        // the test sees the panic message on stderr.
                        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
                    }
                }
            },
        )
        // Upload bodies are far bigger than axum's 2 MB default.
        .layer(DefaultBodyLimit::disable());
    runtime.spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    FakeServer {
        url,
        runtime: Some(runtime),
    }
}
