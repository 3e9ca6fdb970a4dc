use std::io::Read;
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use std::time::Duration;

use reqwest::blocking::{Client, RequestBuilder};
use reqwest::header::{HeaderMap, HeaderName};

use super::body_pump::{pumped_body, PumpStop};
use super::stall::{unless_stalled, StallWatch};
use super::{HttpConfig, RetryPolicy};
use crate::error::{Error, ErrorKind, Result};

/// API answers are small; anything bigger than this is not an answer we can use,
/// and reading it whole would break the SDK's memory bound.
const MAX_RESPONSE_BYTES: u64 = 16 * 1024 * 1024;

/// The longest request URL the HTTP stack can send (`http::Uri` refuses
/// longer ones with "Parsed Url is not a valid Uri"): checked first, so a
/// too-long operation name or query is a clear `InvalidInput` error.
pub(crate) const MAX_URL_BYTES: usize = u16::MAX as usize - 1;

/// Headers providers and gateways use to name a request. Names, not
/// strings: a string is parsed into a name at every lookup (every answer).
static REQUEST_ID_HEADERS: [HeaderName; 4] = [
    HeaderName::from_static("x-request-id"),
    HeaderName::from_static("x-requestid"),
    HeaderName::from_static("request-id"),
    HeaderName::from_static("x-trace-id"),
];

/// The settings every client of a [`Transport`] shares, applied to a
/// blocking or an async `ClientBuilder` (same methods, different types): one
/// place, so API calls and upload bodies cannot drift apart.
macro_rules! shared_settings {
    ($builder:expr, $config:expr, $ca_certs:expr) => {{
        let config: &HttpConfig = $config;
        let mut builder = $builder
            .connect_timeout(config.connect_timeout)
            .user_agent(config.user_agent.clone())
            .pool_max_idle_per_host(config.pool_max_idle_per_host)
            .tcp_nodelay(true)
            // A redirect would re-send a signed request (and its credentials)
            // wherever the answer points; a 3xx is reported instead.
            .redirect(reqwest::redirect::Policy::none());
        // Without `proxy` or `no_proxy`, reqwest reads the system proxy from
        // the environment (`HTTPS_PROXY`, `NO_PROXY`…), as users behind a
        // corporate proxy expect.
        if config.no_proxy {
            builder = builder.no_proxy();
        }
        if let Some(proxy) = &config.proxy {
            let proxy = reqwest::Proxy::all(proxy.expose())
                .map_err(|_| Error::invalid_input("the proxy setting is not a valid URL"))?;
            builder = builder.proxy(proxy);
        }
        // Each client gets its own TLS settings, with the crypto backend of
        // this build (src/http/tls.rs), never a process-wide default.
        let ca_certs: &[rustls::pki_types::CertificateDer<'static>] = $ca_certs;
        let tls = super::tls::client_config(ca_certs).map_err(Error::internal)?;
        builder.tls_backend_preconfigured(tls)
    }};
}

/// One pooled, keep-alive HTTP client. Cheap to share by reference across threads.
pub struct Transport {
    client: Client,
    config: HttpConfig,
    /// The certificates of `config.ca_file`, read once.
    ca_certs: Vec<rustls::pki_types::CertificateDer<'static>>,
    /// The async client that sends upload bodies, started with the first upload.
    uploads: OnceLock<UploadClient>,
    /// Held while the upload client starts, so parts starting together build
    /// one (each start loads the system's root certificates and a thread).
    uploads_starting: Mutex<()>,
}

/// The async client upload bodies go through, on a runtime the SDK owns (the
/// public API stays blocking): one worker thread writes every part's body.
struct UploadClient {
    client: reqwest::Client,
    /// Where requests are spawned.
    handle: tokio::runtime::Handle,
    /// Owned here; taken only to shut it down.
    runtime: Option<tokio::runtime::Runtime>,
}

impl UploadClient {
    fn start(
        config: &HttpConfig,
        ca_certs: &[rustls::pki_types::CertificateDer<'static>],
    ) -> Result<Self> {
        let builder = shared_settings!(reqwest::Client::builder(), config, ca_certs);
        let client = builder
            .build()
            .map_err(|e| Error::internal(format!("cannot build the upload client: {e}")))?;
        // The runtime's threads are spawned with SIGPIPE blocked, as the
        // blocking client's (see `Transport::new`): they write the sockets.
        let runtime = without_sigpipe(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .thread_name("vodkit-upload")
                .enable_all()
                .build()
        })
        .map_err(|e| Error::internal(format!("cannot start the upload runtime: {e}")))?;
        Ok(UploadClient {
            client,
            handle: runtime.handle().clone(),
            runtime: Some(runtime),
        })
    }
}

impl Drop for UploadClient {
    fn drop(&mut self) {
        // Never wait on a DNS lookup or a stalled connection to free a client.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport")
            .field("config", &self.config)
            .field("uploads_started", &self.uploads.get().is_some())
            .finish()
    }
}

/// An HTTP answer read in full.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
    pub request_id: Option<String>,
    pub retry_after: Option<Duration>,
}

impl Transport {
    pub fn new(config: &HttpConfig) -> Result<Self> {
        crate::android::ensure_ready()?;
        let ca_certs = match &config.ca_file {
            Some(path) => read_ca_file(path)?,
            None => Vec::new(),
        };
        // Per-request timeouts are set on each request: uploads and API calls
        // need very different ones (the blocking builder's default is 30 s).
        let builder = shared_settings!(Client::builder(), config, &ca_certs).timeout(None);
        // reqwest's blocking client runs its I/O on a thread it spawns here;
        // that thread inherits our signal mask. With SIGPIPE blocked there, a
        // write to a connection the server dropped fails with EPIPE instead of
        // killing a C, PHP or Python host process that never ignored SIGPIPE.
        //
        // It is built on a thread of its own: reqwest's blocking builder waits
        // for its I/O thread, which (in debug builds) panics when the caller
        // is a tokio task, and a client made in `async fn main` is a natural
        // thing to do; only its calls belong on `spawn_blocking`.
        let client =
            std::thread::scope(|scope| scope.spawn(|| without_sigpipe(|| builder.build())).join())
                .map_err(|_| Error::internal("the HTTP client's set-up panicked"))?
                .map_err(|e| Error::internal(format!("cannot build the HTTP client: {e}")))?;
        Ok(Transport {
            client,
            config: config.clone(),
            ca_certs,
            uploads: OnceLock::new(),
            uploads_starting: Mutex::new(()),
        })
    }

    pub fn config(&self) -> &HttpConfig {
        &self.config
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Sends one request and reads the answer whole. Network failures become
    /// [`ErrorKind::Network`]; any HTTP status is returned for the provider to judge.
    pub fn send(&self, request: RequestBuilder) -> Result<Response> {
        self.send_request(request.build().map_err(Error::from)?)
    }

    /// As [`Transport::send`], for a request already built.
    pub fn send_request(&self, request: reqwest::blocking::Request) -> Result<Response> {
        check_url_len(request.url())?;
        let response = self.client.execute(request).map_err(Error::from)?;
        let head = Head::of(response.status().as_u16(), response.headers())?;
        let body = match response.content_length() {
            // A declared length within the limit is read in one wait on the
            // I/O thread (hyper stops at the length); `read` would wait once
            // per buffer-full, three or four times for a small answer: a
            // tenth of a keep-alive call's cost (issue 19, B5).
            Some(len) if len <= MAX_RESPONSE_BYTES => response
                .bytes()
                .map_err(|e| head.read_error(e.without_url()))?
                .into(),
            _ => {
                let mut body = Vec::new();
                response
                    .take(MAX_RESPONSE_BYTES + 1)
                    .read_to_end(&mut body)
                    .map_err(|e| head.read_error(e))?;
                body
            }
        };
        head.answer(body)
    }

    /// Sends an upload request whose `len`-byte body is read from `body` on
    /// this thread, in large chunks, while the upload runtime writes them to
    /// the socket (see `body_pump`). `build` makes the request around the
    /// streamed body (a multipart form, say) with the upload client, which
    /// has every setting of [`Transport::client`]. Answers as
    /// [`Transport::send`]; a failure to read `body` is an
    /// [`ErrorKind::Io`] error and aborts the request.
    pub fn send_streamed<R: Read>(
        &self,
        body: R,
        len: u64,
        build: impl FnOnce(&reqwest::Client, reqwest::Body) -> Result<reqwest::RequestBuilder>,
    ) -> Result<Response> {
        let uploads = self.uploads()?;
        let watch = Arc::new(StallWatch::new());
        let (stream, pump, closer) = pumped_body(body, len, watch.clone());
        let request = build(&uploads.client, stream)?
            .build()
            .map_err(Error::from)?;
        check_url_len(request.url())?;
        // Executed on the runtime: with a proxy, reqwest needs its reactor.
        let client = uploads.client.clone();
        let (tx, rx) = mpsc::sync_channel(1);
        let stall_limit = self.config.upload_stall_timeout;
        uploads.handle.spawn(async move {
            let answer =
                unless_stalled(receive(client.execute(request)), &watch, stall_limit).await;
            closer.close();
            let _ = tx.send(answer.and_then(|a| a));
        });
        let pumped = pump.run();
        let answer = rx.recv().unwrap_or_else(|_| {
            Err(Error::new(
                ErrorKind::Network,
                "the upload runtime stopped before the answer",
            ))
        });
        match pumped {
            Err(PumpStop::Read(e)) => Err(Error::io("reading the file to upload failed", e)),
            // A body the transport dropped early: the answer (or the
            // failure) says why.
            Ok(()) | Err(PumpStop::BodyDropped) => answer,
        }
    }

    /// The upload client, started on first use (clients that never upload
    /// never start its thread).
    fn uploads(&self) -> Result<&UploadClient> {
        if let Some(uploads) = self.uploads.get() {
            return Ok(uploads);
        }
        let _one_at_a_time = self
            .uploads_starting
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(uploads) = self.uploads.get() {
            return Ok(uploads);
        }
        let started = UploadClient::start(&self.config, &self.ca_certs)?;
        Ok(self.uploads.get_or_init(|| started))
    }

    /// Runs `attempt` until it succeeds, fails with a non-retryable error, or
    /// the policy's retries are spent; sleeps the policy's back-off in between.
    pub fn with_retries<T>(
        policy: &RetryPolicy,
        mut attempt: impl FnMut(u32) -> Result<T>,
    ) -> Result<T> {
        let mut n = 0;
        loop {
            match attempt(n) {
                Ok(v) => return Ok(v),
                Err(err) if policy.should_retry(&err, n) => {
                    let wait = policy.backoff(n, Some(&err));
                    log::info!("retrying after {:?}: {}", wait, err);
                    std::thread::sleep(wait);
                    n += 1;
                }
                Err(err) => return Err(err),
            }
        }
    }
}

/// A URL the HTTP stack would refuse, as an error naming the limit.
fn check_url_len(url: &reqwest::Url) -> Result<()> {
    let len = url.as_str().len();
    if len > MAX_URL_BYTES {
        return Err(Error::invalid_input(format!(
            "the request URL is {len} bytes long; the limit is {MAX_URL_BYTES} bytes (an operation name or a query parameter is too long)"
        )));
    }
    Ok(())
}

/// Sends `request` and reads the answer whole, on the upload runtime.
async fn receive(
    request: impl std::future::Future<Output = reqwest::Result<reqwest::Response>>,
) -> Result<Response> {
    let mut response = request.await.map_err(Error::from)?;
    let head = Head::of(response.status().as_u16(), response.headers())?;
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| head.read_error(e))? {
        body.extend_from_slice(&chunk);
        if body.len() as u64 > MAX_RESPONSE_BYTES {
            break;
        }
    }
    head.answer(body)
}

/// What an answer's status line and headers say, before its body.
struct Head {
    status: u16,
    request_id: Option<String>,
    retry_after: Option<Duration>,
}

impl Head {
    /// Reads the headers; a redirect is an error (never followed).
    fn of(status: u16, headers: &HeaderMap) -> Result<Head> {
        let (request_id, retry_after) = read_headers(headers);
        if (300..400).contains(&status) {
            return Err(redirect_error(status, headers, request_id));
        }
        Ok(Head {
            status,
            request_id,
            retry_after,
        })
    }

    fn read_error(&self, e: impl std::fmt::Display) -> Error {
        Error::new(
            ErrorKind::Network,
            format!("reading the answer failed: {e}"),
        )
        .with_request_id(self.request_id.clone())
    }

    /// The answer with its `body` (read up to one byte past the limit).
    fn answer(self, body: Vec<u8>) -> Result<Response> {
        if body.len() as u64 > MAX_RESPONSE_BYTES {
            return Err(
                Error::new(ErrorKind::Server, "the answer is larger than 16 MiB")
                    .with_http_status(self.status)
                    .with_request_id(self.request_id),
            );
        }
        log::debug!("HTTP {}, {} bytes", self.status, body.len());
        Ok(Response {
            status: self.status,
            body,
            request_id: self.request_id,
            retry_after: self.retry_after,
        })
    }
}

/// Runs `f` with SIGPIPE blocked on this thread, so threads it spawns start
/// with SIGPIPE blocked; restores the mask afterwards.
#[cfg(unix)]
fn without_sigpipe<T>(f: impl FnOnce() -> T) -> T {
    // SAFETY: plain signal-mask calls on a zero-initialised sigset_t.
    unsafe {
        let mut block: libc::sigset_t = std::mem::zeroed();
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut block);
        libc::sigaddset(&mut block, libc::SIGPIPE);
        let blocked = libc::pthread_sigmask(libc::SIG_BLOCK, &block, &mut old) == 0;
        let result = f();
        if blocked {
            libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
        }
        result
    }
}

#[cfg(not(unix))]
fn without_sigpipe<T>(f: impl FnOnce() -> T) -> T {
    f()
}

/// The certificates of a PEM file, for `ca_file`.
fn read_ca_file(path: &std::path::Path) -> Result<Vec<rustls::pki_types::CertificateDer<'static>>> {
    use rustls::pki_types::pem::PemObject;
    let pem = std::fs::read(path)
        .map_err(|e| Error::io(format!("ca_file: cannot read {}", path.display()), e))?;
    let certs = rustls::pki_types::CertificateDer::pem_slice_iter(&pem)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|_| {
            Error::invalid_input(format!(
                "ca_file: {} is not a PEM certificate file",
                path.display()
            ))
        })?;
    if certs.is_empty() {
        return Err(Error::invalid_input(format!(
            "ca_file: {} holds no certificate",
            path.display()
        )));
    }
    Ok(certs)
}

/// A 3xx answer: never followed (it would carry a signed request elsewhere),
/// reported with where it pointed (without its query, which may hold a token).
fn redirect_error(status: u16, headers: &HeaderMap, request_id: Option<String>) -> Error {
    let location = headers
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(|l| l.split(['?', '#']).next().unwrap_or_default())
        .map(crate::secret::redact_url_credentials);
    let message = match location {
        Some(l) => format!(
            "HTTP status {status}: the server redirects to {l} (redirects are not followed)"
        ),
        None => format!(
            "HTTP status {status}: a redirect without a location (redirects are not followed)"
        ),
    };
    Error::new(ErrorKind::Server, message)
        .with_http_status(status)
        .with_request_id(request_id)
}

/// The request id (the first value of the first of [`REQUEST_ID_HEADERS`]
/// the answer has) and the `Retry-After` seconds. One pass over the
/// answer's few headers: a lookup per name hashes each (issue 19, B5).
fn read_headers(headers: &HeaderMap) -> (Option<String>, Option<Duration>) {
    let mut id: Option<(usize, &reqwest::header::HeaderValue)> = None;
    let mut retry_after = None;
    for (name, value) in headers {
        if *name == reqwest::header::RETRY_AFTER {
            retry_after.get_or_insert(value);
        } else if let Some(rank) = REQUEST_ID_HEADERS.iter().position(|h| h == name) {
            if id.is_none_or(|(best, _)| rank < best) {
                id = Some((rank, value));
            }
        }
    }
    let request_id = id.and_then(|(_, v)| v.to_str().ok()).map(str::to_owned);
    let retry_after = retry_after
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    (request_id, retry_after)
}

/// Classifies a bare HTTP status when the body is not a provider envelope.
pub(crate) fn status_error(status: u16, request_id: Option<String>) -> Error {
    let kind = match status {
        429 => ErrorKind::RateLimited,
        401 | 403 => ErrorKind::Auth,
        s if s >= 500 => ErrorKind::Server,
        _ => ErrorKind::Provider,
    };
    Error::new(kind, format!("HTTP status {status}"))
        .with_http_status(status)
        .with_request_id(request_id)
}
