use std::time::Duration;

use crate::api::CommonConfig;
use crate::error::{Error, Result};
use crate::http::{HttpConfig, RetryPolicy};
use crate::secret::Secret;

use super::key::PartnerKeyHook;

/// Everything a Baijiayun [`super::Client`] needs. Build it with
/// [`Config::new`] and the setters, or read it from JSON (every binding does,
/// with these keys); `Debug` never shows the keys.
#[derive(Clone, serde::Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Config {
    /// The account id (`partner_id`).
    pub partner_id: String,
    /// The signing key (`partner_key`); never sent, only signed with. May be
    /// left out when `secret_key` is set: the key is then fetched with it.
    pub partner_key: Secret,
    /// The key that may read or reset `partner_key` (API 1, `secret_key`).
    /// Without `partner_key`, the client fetches the partner key with it on
    /// the first call; with it, whenever the server refuses the signature
    /// (code 1002: the key was rotated), and then tries that call once more.
    /// `credentials()` answers `{"partner_key": …}` once it fetched one.
    pub secret_key: Option<Secret>,
    /// The customer's private domain: `acme` for `https://acme.at.baijiayun.com`.
    /// `base_url` wins over it.
    pub private_domain: Option<String>,
    /// Base URL, host overrides (host `api`), path overrides, HTTP and retry
    /// settings: the keys every provider shares.
    #[serde(flatten)]
    pub common: CommonConfig,
    /// The multipart field name of the uploaded file (`curl -F data=@file`).
    pub upload_field: String,
    /// The smallest part of a ranged upload (a resume, or the `ranged`
    /// option), in bytes (default 8 MiB): more bytes to send get larger
    /// parts, at most 64 of them, up to 64 MiB each. An upload's own
    /// `part_size` is used as given.
    #[serde(deserialize_with = "crate::lenient::bytes")]
    #[schemars(with = "u64")]
    pub part_size: u64,
    /// Envelope codes that mean "rate limited" (HTTP 429 always does).
    pub rate_limit_codes: Vec<i64>,
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) on_partner_key: Option<PartnerKeyHook>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("partner_id", &self.partner_id)
            .field("partner_key", &self.partner_key)
            .field("secret_key", &self.secret_key)
            .field("private_domain", &self.private_domain)
            .field("common", &self.common)
            .field("upload_field", &self.upload_field)
            .field("part_size", &self.part_size)
            .field("rate_limit_codes", &self.rate_limit_codes)
            .field(
                "on_partner_key",
                &self.on_partner_key.as_ref().map(|_| "<hook>"),
            )
            .finish()
    }
}

pub(crate) const DEFAULT_PART_SIZE: u64 = 8 * 1024 * 1024;

impl Default for Config {
    fn default() -> Self {
        Config {
            partner_id: String::new(),
            partner_key: Secret::default(),
            secret_key: None,
            private_domain: None,
            common: CommonConfig::default(),
            upload_field: "data".to_owned(),
            part_size: DEFAULT_PART_SIZE,
            rate_limit_codes: vec![429],
            on_partner_key: None,
        }
    }
}

impl Config {
    pub fn new(partner_id: impl Into<String>, partner_key: impl Into<Secret>) -> Self {
        Config {
            partner_id: partner_id.into(),
            partner_key: partner_key.into(),
            ..Config::default()
        }
    }

    pub fn private_domain(mut self, domain: impl Into<String>) -> Self {
        self.private_domain = Some(domain.into());
        self
    }

    /// A full base URL (`https://api.baijiayun.com`, an emulator); wins over
    /// `private_domain`. `/openapi/...` is appended to it.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.common.base_url = Some(url.into());
        self
    }

    pub fn secret_key(mut self, key: impl Into<Secret>) -> Self {
        self.secret_key = Some(key.into());
        self
    }

    /// Tells the application every partner key the client fetched with the
    /// `secret_key` (to store it).
    pub fn on_partner_key(mut self, hook: impl Fn(&Secret) + Send + Sync + 'static) -> Self {
        self.on_partner_key = Some(std::sync::Arc::new(hook));
        self
    }

    pub fn http(mut self, http: HttpConfig) -> Self {
        self.common.http = http;
        self
    }

    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.common.http.request_timeout = timeout;
        self
    }

    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.common.retry = retry;
        self
    }

    pub fn part_size(mut self, bytes: u64) -> Self {
        self.part_size = bytes;
        self
    }

    pub fn path_override(mut self, operation: impl Into<String>, path: impl Into<String>) -> Self {
        self.common
            .path_overrides
            .insert(operation.into(), path.into());
        self
    }

    /// Checks the config and returns its hosts (`api` → `…/openapi/`).
    pub(crate) fn hosts(&self) -> Result<std::collections::BTreeMap<String, String>> {
        if self.partner_id.trim().is_empty() {
            return Err(Error::invalid_input("partner_id is empty"));
        }
        let has_secret_key = self.secret_key.as_ref().is_some_and(|s| !s.is_empty());
        if self.partner_key.is_empty() && !has_secret_key {
            return Err(Error::invalid_input(
                "partner_key is empty (set it, or secret_key to fetch it)",
            ));
        }
        if self.part_size == 0 {
            return Err(Error::invalid_input("part_size must be at least 1 byte"));
        }
        if self.upload_field.is_empty() {
            return Err(Error::invalid_input("upload_field is empty"));
        }
        let default = match &self.private_domain {
            Some(domain) => {
                let ok = !domain.is_empty()
                    && domain
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-');
                if !ok {
                    return Err(Error::invalid_input(
                        "private_domain must be letters, digits and '-' (e.g. \"acme\")",
                    ));
                }
                format!("https://{domain}.at.baijiayun.com/openapi/")
            }
            None if self.common.base_url.is_some() || self.common.hosts.contains_key("api") => {
                String::new()
            }
            None => {
                return Err(Error::invalid_input(
                    "set either private_domain or base_url",
                ))
            }
        };
        self.common
            .resolve_hosts(&[("api", default)], |_, base| format!("{base}/openapi/"))
    }
}
