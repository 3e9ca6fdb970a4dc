//! The one error type of the SDK and its stable classification.
//!
//! The [`ErrorKind`] decides whether a call is retried and is what the C ABI,
//! Python and PHP bindings map to their own error codes and exception classes,
//! so its variants and their numeric codes never change meaning.

use std::fmt;

/// Stable classification of every failure. The numbers are part of the ABI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[repr(u32)]
pub enum ErrorKind {
    /// The caller's input is wrong (missing file, empty name, bad parameter);
    /// also the provider's "bad parameter" codes. Never retried.
    InvalidInput = 1,
    /// Credentials rejected: bad signature, wrong key, account disabled. Never retried.
    Auth = 2,
    /// The provider throttled us (HTTP 429 or a rate-limit code). Retried with back-off.
    RateLimited = 3,
    /// Connection refused, reset, dropped or timed out. Retried.
    Network = 4,
    /// The provider failed (HTTP 5xx, unparsable answer). Retried.
    Server = 5,
    /// The provider answered with an error code that is none of the above
    /// (a business rule, such as deleting a category that still has videos).
    Provider = 6,
    /// Bytes did not arrive intact (size or checksum mismatch).
    Integrity = 7,
    /// The caller cancelled (progress callback, upload control).
    Cancelled = 8,
    /// Local file system failure.
    Io = 9,
    /// A signed request received by the caller failed verification
    /// (see [`crate::baijiayun::VerifyFailure`] for why).
    Verification = 10,
    /// A bug in vodkit.
    Internal = 11,
}

impl ErrorKind {
    /// Whether a request that failed this way may succeed when sent again.
    pub fn is_retryable(self) -> bool {
        matches!(
            self,
            ErrorKind::RateLimited | ErrorKind::Network | ErrorKind::Server
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::Auth => "auth",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Network => "network",
            ErrorKind::Server => "server",
            ErrorKind::Provider => "provider",
            ErrorKind::Integrity => "integrity",
            ErrorKind::Cancelled => "cancelled",
            ErrorKind::Io => "io",
            ErrorKind::Verification => "verification",
            ErrorKind::Internal => "internal",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failed SDK call. Carries the provider's own code, message and request id
/// when the provider answered. Messages never contain secrets: URLs are
/// stripped of their query strings, keys are never formatted, and every text
/// an error is given (often a server's own words, which may echo the
/// request) is scrubbed of every secret the process holds
/// ([`crate::secret`]'s one place where outside text becomes an error).
pub struct Error(Box<Inner>);

// Boxed so `Result<T, Error>` stays one pointer wide on the happy path.
struct Inner {
    kind: ErrorKind,
    message: String,
    provider_code: Option<String>,
    request_id: Option<String>,
    http_status: Option<u16>,
    retry_after: Option<std::time::Duration>,
    detail: Option<String>,
    /// How to continue the failed upload: a provider's resume handle as JSON
    /// (`{"provider": "baijiayun", "video_id": 7}`), never holding a secret.
    resume: Option<serde_json::Value>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error(Box::new(Inner {
            kind,
            message: scrubbed(message.into()),
            provider_code: None,
            request_id: None,
            http_status: None,
            retry_after: None,
            detail: None,
            resume: None,
            source: None,
        }))
    }

    pub fn invalid_input(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidInput, message)
    }

    pub fn cancelled() -> Self {
        Error::new(ErrorKind::Cancelled, "cancelled by the caller")
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Internal, message)
    }

    pub fn io(context: impl Into<String>, err: std::io::Error) -> Self {
        let message = format!("{}: {err}", context.into());
        Error::new(ErrorKind::Io, message).with_source(err)
    }

    pub fn with_provider_code(mut self, code: impl Into<String>) -> Self {
        self.0.provider_code = Some(scrubbed(code.into()));
        self
    }

    pub fn with_request_id(mut self, id: Option<String>) -> Self {
        self.0.request_id = id.map(scrubbed);
        self
    }

    pub fn with_http_status(mut self, status: u16) -> Self {
        self.0.http_status = Some(status);
        self
    }

    pub fn with_retry_after(mut self, after: Option<std::time::Duration>) -> Self {
        self.0.retry_after = after;
        self
    }

    /// A short machine-readable sub-reason (e.g. why a callback failed verification).
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.0.detail = Some(scrubbed(detail.into()));
        self
    }

    /// Attaches the resume handle of a failed upload (see [`Error::resume`]).
    pub fn with_resume(mut self, handle: serde_json::Value) -> Self {
        self.0.resume = Some(handle);
        self
    }

    /// Keeps `source` as the cause, unless its text (or its causes') holds
    /// a secret: a cause is printed as is by whoever walks the chain.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&source);
        while let Some(c) = cause {
            if crate::secret::holds_secret(&c.to_string()) {
                return self;
            }
            cause = c.source();
        }
        self.0.source = Some(Box::new(source));
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The provider's own error code (`1002`, `A00010`, `"403"` …), if it answered with one.
    pub fn provider_code(&self) -> Option<&str> {
        self.0.provider_code.as_deref()
    }

    pub fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }

    pub fn http_status(&self) -> Option<u16> {
        self.0.http_status
    }

    /// How long the provider asked us to wait (HTTP `Retry-After`).
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        self.0.retry_after
    }

    pub fn detail(&self) -> Option<&str> {
        self.0.detail.as_deref()
    }

    /// The resume handle of a failed upload: pass it to the client's
    /// `resume_upload` to continue from what the server holds.
    pub fn resume(&self) -> Option<&serde_json::Value> {
        self.0.resume.as_ref()
    }

    pub fn is_retryable(&self) -> bool {
        self.0.kind.is_retryable()
    }
}

/// `text` without any secret the process holds.
fn scrubbed(text: String) -> String {
    crate::secret::scrub(&text).unwrap_or(text)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} error: {}", self.0.kind, self.0.message)?;
        if let Some(code) = &self.0.provider_code {
            write!(f, " (provider code {code})")?;
        }
        if let Some(id) = &self.0.request_id {
            write!(f, " [request {id}]")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.0.kind)
            .field("message", &self.0.message)
            .field("provider_code", &self.0.provider_code)
            .field("request_id", &self.0.request_id)
            .field("http_status", &self.0.http_status)
            .field("detail", &self.0.detail)
            .field("resume", &self.0.resume)
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<reqwest::Error> for Error {
    fn from(err: reqwest::Error) -> Self {
        // Upload URLs carry tokens in their query strings: never keep the URL.
        let err = err.without_url();
        let kind = if err.is_status() {
            match err.status().map(|s| s.as_u16()) {
                Some(429) => ErrorKind::RateLimited,
                Some(401) | Some(403) => ErrorKind::Auth,
                Some(s) if s >= 500 => ErrorKind::Server,
                _ => ErrorKind::Provider,
            }
        } else if err.is_builder() {
            ErrorKind::InvalidInput
        } else {
            ErrorKind::Network
        };
        let mut message = err.to_string();
        let mut cause = std::error::Error::source(&err);
        while let Some(c) = cause {
            message.push_str(": ");
            message.push_str(&c.to_string());
            cause = c.source();
        }
        Error::new(kind, message).with_source(err)
    }
}
