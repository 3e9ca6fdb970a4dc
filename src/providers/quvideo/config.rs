use std::collections::BTreeMap;

use crate::api::CommonConfig;
use crate::error::{Error, Result};
use crate::secret::Secret;

/// Everything a 趣视频 console [`super::Client`] needs: where the customer's
/// AppServer is (`base_url`), and either the console account (`user_name` +
/// `password`, logged in as needed) or an existing `console_token` (used as
/// is, never renewed). `Debug` never shows the password or the token.
#[derive(Debug, Clone, serde::Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Config {
    /// The console account's user name (`userName` of `/console/user/login`).
    pub user_name: String,
    /// The console account's password; only ever sent to the login.
    pub password: Option<Secret>,
    /// A console token obtained elsewhere. With it alone the client never
    /// logs in: an expired token is an `Auth` error.
    pub console_token: Option<Secret>,
    /// Base URL (the AppServer's address; the emulator's `…/quvideo`), host
    /// override (host `api`), path overrides, HTTP and retry settings: the
    /// keys every provider shares.
    #[serde(flatten)]
    pub common: CommonConfig,
    /// The name of the token parameter. The AppServer reads `consoleToken`;
    /// the document's spelling `consoletoken` fails against it.
    pub token_param: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            user_name: String::new(),
            password: None,
            console_token: None,
            common: CommonConfig::default(),
            token_param: "consoleToken".to_owned(),
        }
    }
}

impl Config {
    /// A console account that logs in with `user_name` and `password`.
    pub fn new(user_name: impl Into<String>, password: impl Into<Secret>) -> Self {
        Config {
            user_name: user_name.into(),
            password: Some(password.into()),
            ..Config::default()
        }
    }

    /// An existing console token, used as is (no login, no renewal).
    pub fn with_token(token: impl Into<Secret>) -> Self {
        Config {
            console_token: Some(token.into()),
            ..Config::default()
        }
    }

    /// The AppServer's address (`https://appserver.example.com`); the
    /// `/console/...` paths are appended to it.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.common.base_url = Some(url.into());
        self
    }

    pub fn retry(mut self, retry: crate::http::RetryPolicy) -> Self {
        self.common.retry = retry;
        self
    }

    pub fn path_override(mut self, operation: impl Into<String>, path: impl Into<String>) -> Self {
        self.common
            .path_overrides
            .insert(operation.into(), path.into());
        self
    }

    /// The user name and password, when both are configured.
    pub(crate) fn credentials(&self) -> Option<(String, Secret)> {
        match &self.password {
            Some(p) if !p.is_empty() && !self.user_name.trim().is_empty() => {
                Some((self.user_name.clone(), p.clone()))
            }
            _ => None,
        }
    }

    /// Checks the config and returns its one host (`api`).
    pub(crate) fn hosts(&self) -> Result<BTreeMap<String, String>> {
        let token = self.console_token.as_ref().is_some_and(|t| !t.is_empty());
        if self.credentials().is_none() && !token {
            return Err(Error::invalid_input(
                "quvideo: set user_name and password, or console_token",
            ));
        }
        if self.password.is_some() && self.user_name.trim().is_empty() {
            return Err(Error::invalid_input("quvideo: user_name is empty"));
        }
        if self.token_param.trim().is_empty() {
            return Err(Error::invalid_input("quvideo: token_param is empty"));
        }
        // The AppServer is the customer's own deployment: no default address.
        if self.common.base_url.is_none() && !self.common.hosts.contains_key("api") {
            return Err(Error::invalid_input(
                "quvideo: set base_url (the AppServer's address)",
            ));
        }
        self.common
            .resolve_hosts(&[("api", String::new())], |_, base| format!("{base}/"))
    }
}
