//! The CLI's failures: one line, what to do next, and a documented exit code.

use vodkit::ErrorKind;

/// Exit codes (documented in `vodkit --help` and the README).
pub const EXIT_CODES: &[(i32, &str)] = &[
    (0, "success"),
    (1, "internal error (a bug in vodkit)"),
    (
        2,
        "usage: bad arguments, bad key=value, declined confirmation",
    ),
    (
        3,
        "configuration: missing credentials, unknown profile or provider, bad config file",
    ),
    (
        4,
        "invalid input: unknown operation, bad parameter, missing file, no such video (every provider)",
    ),
    (5, "auth: credentials rejected"),
    (6, "rate limited"),
    (7, "network"),
    (8, "server error at the provider"),
    (9, "provider refused (business rule)"),
    (10, "integrity: bytes did not arrive intact"),
    (11, "local I/O"),
    (12, "verification: a callback failed its check"),
    (13, "transcoding failed (vodkit wait)"),
    (
        14,
        "not supported by the provider (e.g. uploads to quvideo)",
    ),
    (
        15,
        "rejected in the provider's review (vodkit wait: quvideo's censorStatus)",
    ),
    (
        16,
        "duplicate: the provider already holds this content (iQiyi); the message names the earlier video",
    ),
    (130, "cancelled (Ctrl-C); the checkpoint is kept"),
];

pub fn after_help() -> String {
    let mut s = String::from("Exit codes:\n");
    for (code, what) in EXIT_CODES {
        s.push_str(&format!("  {code:>3}  {what}\n"));
    }
    s
}

#[derive(Debug)]
pub struct Fail {
    pub code: i32,
    pub message: String,
    /// More fields of the `--json` error: the command that continues an
    /// upload (`continue`, which the message names too), its finished files.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

pub type Result<T> = std::result::Result<T, Fail>;

impl Fail {
    pub fn new(code: i32, message: impl Into<String>) -> Fail {
        Fail {
            code,
            message: message.into(),
            extra: serde_json::Map::new(),
        }
    }
    pub fn usage(message: impl Into<String>) -> Fail {
        Fail::new(2, message)
    }
    pub fn config(message: impl Into<String>) -> Fail {
        Fail::new(3, message)
    }
    pub fn input(message: impl Into<String>) -> Fail {
        Fail::new(4, message)
    }
    pub fn unsupported(message: impl Into<String>) -> Fail {
        Fail::new(14, message)
    }
    pub fn io(message: impl Into<String>) -> Fail {
        Fail::new(11, message)
    }
}

pub fn code_of(kind: ErrorKind) -> i32 {
    match kind {
        ErrorKind::InvalidInput => 4,
        ErrorKind::Auth => 5,
        ErrorKind::RateLimited => 6,
        ErrorKind::Network => 7,
        ErrorKind::Server => 8,
        ErrorKind::Provider => 9,
        ErrorKind::Integrity => 10,
        ErrorKind::Io => 11,
        ErrorKind::Verification => 12,
        ErrorKind::Cancelled => 130,
        _ => 1,
    }
}

/// Where the credentials came from, for the hint of an auth error.
pub struct Hint {
    pub provider: String,
    pub secret_vars: Vec<String>,
    pub profile: String,
    pub config_path: String,
}

pub fn from_core(err: &vodkit::Error, hint: &Hint) -> Fail {
    let next = match err.kind() {
        ErrorKind::Auth => format!(
            "check {} or the key in profile '{}' of {} (vodkit configure)",
            hint.secret_vars.join(" / "),
            hint.profile,
            hint.config_path
        ),
        ErrorKind::InvalidInput => format!(
            "see `vodkit ops {}` for operations and parameters",
            hint.provider
        ),
        ErrorKind::RateLimited => "wait a little and run it again".into(),
        ErrorKind::Network => "check the network and the base URL, then run it again".into(),
        ErrorKind::Server => "the provider failed; run it again later".into(),
        ErrorKind::Provider => "the provider refused; see its message".into(),
        ErrorKind::Integrity => "run the upload again".into(),
        ErrorKind::Io => "check the path and its permissions".into(),
        ErrorKind::Verification => "the body is not what the provider signed".into(),
        ErrorKind::Cancelled => "stopped at your request".into(),
        _ => "please report this bug".into(),
    };
    let mut message = format!("{} ({}): {}", err.message(), err.kind(), next);
    if let Some(code) = err.provider_code() {
        message = format!("{message} [provider code {code}]");
    }
    Fail::new(code_of(err.kind()), message)
}
