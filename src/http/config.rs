use std::time::Duration;

/// Transport settings shared by every provider client. `Debug` masks the
/// proxy's credentials, which are also overwritten on drop.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct HttpConfig {
    /// Time allowed to establish a TCP (and TLS) connection.
    #[schemars(with = "u64")]
    #[serde(with = "crate::lenient::duration_ms", rename = "connect_timeout_ms")]
    pub connect_timeout: Duration,
    /// Time allowed for one API call, request and response included.
    #[schemars(with = "u64")]
    #[serde(with = "crate::lenient::duration_ms", rename = "request_timeout_ms")]
    pub request_timeout: Duration,
    /// Time allowed for one upload part (sending it and reading the answer).
    #[schemars(with = "u64")]
    #[serde(
        with = "crate::lenient::duration_ms",
        rename = "upload_part_timeout_ms"
    )]
    pub upload_part_timeout: Duration,
    /// An upload request fails (and is retried) when its connection takes
    /// none of the bytes ready for it, or no answer comes after its last
    /// byte, for this long; a pause, a bandwidth cap or a slow source never
    /// counts. Zero: never.
    #[schemars(with = "u64")]
    #[serde(
        with = "crate::lenient::duration_ms",
        rename = "upload_stall_timeout_ms"
    )]
    pub upload_stall_timeout: Duration,
    /// Proxy URL for all traffic (`http://user:password@host:port`;
    /// `socks5://…` is not built in). Unset: the system proxy
    /// (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`).
    pub proxy: Option<ProxyUrl>,
    /// Ignore the system proxy (the `*_PROXY` variables) and connect
    /// directly; `proxy`, when set, is still used.
    pub no_proxy: bool,
    /// A PEM file of extra CA certificates to trust, added to the built-in
    /// roots (a proxy that intercepts TLS, a private CA).
    pub ca_file: Option<std::path::PathBuf>,
    /// The `User-Agent` header.
    pub user_agent: String,
    /// Idle keep-alive connections kept per host.
    pub pool_max_idle_per_host: usize,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            upload_part_timeout: Duration::from_secs(600),
            upload_stall_timeout: Duration::from_secs(60),
            proxy: None,
            no_proxy: false,
            ca_file: None,
            user_agent: format!("vodkit/{}", crate::VERSION),
            pool_max_idle_per_host: 8,
        }
    }
}

/// A proxy URL, which may carry `user:password@`: `Debug` masks the
/// credentials and the text is overwritten on drop, like a [`crate::Secret`];
/// serialised as the plain string (bindings mask it for display).
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
#[schemars(transparent)]
pub struct ProxyUrl(String);

impl ProxyUrl {
    pub fn new(url: impl Into<String>) -> Self {
        ProxyUrl(url.into())
    }

    /// The URL with its credentials, for the transport.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ProxyUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&crate::secret::redact_url_credentials(&self.0), f)
    }
}

impl Drop for ProxyUrl {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl From<&str> for ProxyUrl {
    fn from(url: &str) -> Self {
        ProxyUrl::new(url)
    }
}
