use std::io::Read;
use std::time::Duration;

use reqwest::blocking::{Client, RequestBuilder};
use reqwest::header::HeaderMap;

use super::{HttpConfig, RetryPolicy};
use crate::error::{Error, ErrorKind, Result};

/// API answers are small; anything bigger than this is not an answer we can use,
/// and reading it whole would break the SDK's memory bound.
const MAX_RESPONSE_BYTES: u64 = 16 * 1024 * 1024;

/// Headers providers and gateways use to name a request.
const REQUEST_ID_HEADERS: &[&str] = &["x-request-id", "x-requestid", "request-id", "x-trace-id"];

/// One pooled, keep-alive HTTP client. Cheap to share by reference across threads.
pub struct Transport {
    client: Client,
    config: HttpConfig,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport")
            .field("config", &self.config)
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
        let mut builder = Client::builder()
            .connect_timeout(config.connect_timeout)
            // Per-request timeouts are set on each request: uploads and API
            // calls need very different ones.
            .timeout(None::<Duration>)
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
        if let Some(path) = &config.ca_file {
            builder = builder.tls_certs_merge(read_ca_file(path)?);
        }
        // reqwest's blocking client runs its I/O on a thread it spawns here;
        // that thread inherits our signal mask. With SIGPIPE blocked there, a
        // write to a connection the server dropped fails with EPIPE instead of
        // killing a C, PHP or Python host process that never ignored SIGPIPE.
        let client = without_sigpipe(|| builder.build())
            .map_err(|e| Error::internal(format!("cannot build the HTTP client: {e}")))?;
        Ok(Transport {
            client,
            config: config.clone(),
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
        let response = request.send().map_err(Error::from)?;
        let status = response.status().as_u16();
        let request_id = request_id(response.headers());
        let retry_after = retry_after(response.headers());
        if response.status().is_redirection() {
            return Err(redirect_error(status, response.headers(), request_id));
        }
        let mut body = Vec::new();
        response
            .take(MAX_RESPONSE_BYTES + 1)
            .read_to_end(&mut body)
            .map_err(|e| {
                Error::new(
                    ErrorKind::Network,
                    format!("reading the answer failed: {e}"),
                )
                .with_request_id(request_id.clone())
            })?;
        if body.len() as u64 > MAX_RESPONSE_BYTES {
            return Err(
                Error::new(ErrorKind::Server, "the answer is larger than 16 MiB")
                    .with_http_status(status)
                    .with_request_id(request_id),
            );
        }
        log::debug!("HTTP {status}, {} bytes", body.len());
        Ok(Response {
            status,
            body,
            request_id,
            retry_after,
        })
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
fn read_ca_file(path: &std::path::Path) -> Result<Vec<reqwest::Certificate>> {
    let pem = std::fs::read(path)
        .map_err(|e| Error::io(format!("ca_file: cannot read {}", path.display()), e))?;
    let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|_| {
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

fn request_id(headers: &HeaderMap) -> Option<String> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|h| headers.get(*h))
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs)
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
