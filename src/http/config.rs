use std::time::Duration;

/// Transport settings shared by every provider client.
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
    /// Proxy URL for all traffic (`http://host:port`, `socks5://…` is not built in).
    pub proxy: Option<String>,
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
            proxy: None,
            user_agent: format!("vodkit/{}", crate::VERSION),
            pool_max_idle_per_host: 8,
        }
    }
}
