//! The iQiyi config: app credentials or a token pair, hosts, upload tuning.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::api::CommonConfig;
use crate::error::{Error, Result};
use crate::secret::Secret;

use super::tokens::{TokenHook, Tokens};

/// Everything an iQiyi [`super::Client`] needs; read from JSON by every
/// binding with these keys. `Debug` never shows a secret or a token.
#[derive(Clone, serde::Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Config {
    /// The app key (`client_id`).
    pub client_id: String,
    /// The app secret (`client_secret`): lets the client authorize, and
    /// authorize again when a refresh fails.
    pub client_secret: Option<Secret>,
    /// An access token obtained earlier (stored from the token hook).
    pub access_token: Option<Secret>,
    /// The refresh token that goes with `access_token`.
    pub refresh_token: Option<Secret>,
    /// Seconds left on `access_token` when it was stored (unknown: it is used
    /// until the server says it expired).
    pub expires_in: Option<u64>,
    /// Refresh this many seconds before the token expires.
    #[serde(deserialize_with = "crate::lenient::secs")]
    #[schemars(with = "u64")]
    pub refresh_margin_secs: u64,
    /// Base URL (`base_url`: replaces every iQiyi host, as `{base}/upload/`,
    /// `{base}/openapi/`, `{base}/backup/`), per-host overrides (hosts
    /// `upload`, `openapi`, `backup`), path overrides, HTTP and retry settings.
    #[serde(flatten)]
    pub common: CommonConfig,
    /// The smallest upload part in bytes (default 4 MiB): a larger file gets
    /// larger parts, at most 64 of them, up to 64 MiB each. An upload's own
    /// `part_size` is used as given.
    #[serde(deserialize_with = "crate::lenient::bytes")]
    #[schemars(with = "u64")]
    pub part_size: u64,
    /// Parts in flight at once (default 4; the official SDK uses up to 5).
    pub concurrency: usize,
    /// Retries of one part after network or server failures before the
    /// upload fails (default 3 tries in all, as the official SDK).
    pub part_retries: u32,
    /// Re-sends of one part whose answer shows it arrived damaged (a length
    /// or `range_md5` that differs from what was streamed), counted apart
    /// from `part_retries` (default 5): each is cheap, and what iQiyi
    /// acknowledged stays safe, so clustered corruption need not end the
    /// upload.
    pub part_integrity_retries: u32,
    /// Use https for the upload hosts, which the document gives as
    /// `http://` (`upload.iqiyi.com`, `qc.iqiyi.com`, and the `upload_url`
    /// openupload answers with): their requests carry the access token and
    /// the file's bytes. Default false, the documented hosts.
    pub upload_https: bool,
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) on_tokens: Option<TokenHook>,
}

pub(crate) const DEFAULT_PART_SIZE: u64 = 4 * 1024 * 1024;
pub(crate) const DEFAULT_PART_INTEGRITY_RETRIES: u32 = 5;

impl Default for Config {
    fn default() -> Self {
        Config {
            client_id: String::new(),
            client_secret: None,
            access_token: None,
            refresh_token: None,
            expires_in: None,
            refresh_margin_secs: 60,
            common: CommonConfig::default(),
            part_size: DEFAULT_PART_SIZE,
            concurrency: 4,
            part_retries: 2,
            part_integrity_retries: DEFAULT_PART_INTEGRITY_RETRIES,
            upload_https: false,
            on_tokens: None,
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("access_token", &self.access_token)
            .field("refresh_token", &self.refresh_token)
            .field("expires_in", &self.expires_in)
            .field("common", &self.common)
            .field("part_size", &self.part_size)
            .field("concurrency", &self.concurrency)
            .field("part_retries", &self.part_retries)
            .field("part_integrity_retries", &self.part_integrity_retries)
            .field("upload_https", &self.upload_https)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// App key and secret: the client authorizes on first use.
    pub fn new(client_id: impl Into<String>, client_secret: impl Into<Secret>) -> Self {
        Config {
            client_id: client_id.into(),
            client_secret: Some(client_secret.into()),
            ..Config::default()
        }
    }

    /// A stored token pair (from the token hook) instead of, or besides, the secret.
    pub fn tokens(
        mut self,
        access_token: impl Into<Secret>,
        refresh_token: impl Into<Secret>,
    ) -> Self {
        self.access_token = Some(access_token.into());
        self.refresh_token = Some(refresh_token.into());
        self
    }

    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.common.base_url = Some(url.into());
        self
    }

    pub fn host(mut self, key: impl Into<String>, url: impl Into<String>) -> Self {
        self.common.hosts.insert(key.into(), url.into());
        self
    }

    pub fn retry(mut self, retry: crate::http::RetryPolicy) -> Self {
        self.common.retry = retry;
        self
    }

    pub fn part_size(mut self, bytes: u64) -> Self {
        self.part_size = bytes;
        self
    }

    pub fn concurrency(mut self, parts: usize) -> Self {
        self.concurrency = parts;
        self
    }

    /// Uses https for the upload hosts the document gives as `http://`.
    pub fn upload_https(mut self, on: bool) -> Self {
        self.upload_https = on;
        self
    }

    /// Tells the application every new token pair (to store it).
    pub fn on_tokens(mut self, hook: impl Fn(&Tokens) + Send + Sync + 'static) -> Self {
        self.on_tokens = Some(Arc::new(hook));
        self
    }

    /// Checks the config and returns its hosts.
    pub(crate) fn hosts(&self) -> Result<BTreeMap<String, String>> {
        if self.client_id.trim().is_empty() {
            return Err(Error::invalid_input("client_id is empty"));
        }
        let has = |s: &Option<Secret>| s.as_ref().is_some_and(|s| !s.is_empty());
        if !has(&self.client_secret) && !has(&self.access_token) && !has(&self.refresh_token) {
            return Err(Error::invalid_input(
                "set client_secret, or an access_token/refresh_token pair",
            ));
        }
        if self.part_size == 0 {
            return Err(Error::invalid_input("part_size must be at least 1 byte"));
        }
        if !(1..=16).contains(&self.concurrency) {
            return Err(Error::invalid_input("concurrency must be 1 to 16"));
        }
        // The document's upload hosts are http://; `upload_https` moves them.
        let upload_scheme = if self.upload_https { "https" } else { "http" };
        self.common.resolve_hosts(
            &[
                ("upload", format!("{upload_scheme}://upload.iqiyi.com/")),
                ("openapi", "https://openapi.iqiyi.com/".to_owned()),
                ("backup", format!("{upload_scheme}://qc.iqiyi.com/")),
            ],
            |key, base| format!("{base}/{key}/"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_hosts_are_the_documented_http_unless_upload_https() {
        let hosts = Config::new("app", "secret").hosts().unwrap();
        assert_eq!(hosts["upload"], "http://upload.iqiyi.com/");
        assert_eq!(hosts["backup"], "http://qc.iqiyi.com/");
        let hosts = Config::new("app", "secret")
            .upload_https(true)
            .hosts()
            .unwrap();
        assert_eq!(hosts["upload"], "https://upload.iqiyi.com/");
        assert_eq!(hosts["backup"], "https://qc.iqiyi.com/");
        assert_eq!(hosts["openapi"], "https://openapi.iqiyi.com/");
        let json: Config = serde_json::from_value(
            serde_json::json!({"client_id": "a", "client_secret": "s", "upload_https": true}),
        )
        .unwrap();
        assert!(json.upload_https);
    }
}
