//! The part of every provider's config that is the same everywhere: base URL
//! and per-host overrides, path overrides, HTTP settings and retry policy —
//! and reading a config from JSON with every key checked.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::auth::Auth;
use super::caller::{Caller, CallerParts};
use super::catalog::OpSpec;
use super::envelope::Envelope;
use super::helpers::is_api_path;
use crate::error::{Error, Result};
use crate::http::{HttpConfig, RetryPolicy};

/// Keys every provider's config accepts (flattened into it).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct CommonConfig {
    /// One address that replaces all of the provider's hosts (a sandbox, an
    /// emulator, a gateway).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Per-host overrides, host key → base URL; win over `base_url`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub hosts: BTreeMap<String, String>,
    /// Per-operation path overrides, operation name → path (provisional paths
    /// can be corrected without a new release).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub path_overrides: BTreeMap<String, String>,
    /// Per-operation file field overrides, operation name → multipart field
    /// name of the file it sends (`{"video/uploadDocument": "file"}`): file
    /// fields are part of the overridable catalog entry, like paths.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub file_fields: BTreeMap<String, String>,
    #[serde(flatten)]
    pub http: HttpConfig,
    pub retry: RetryPolicy,
}

impl CommonConfig {
    /// The provider's host map: `defaults` (key → URL) with `base_url` (made
    /// into each host's URL by `from_base`) and then `hosts` applied. Every
    /// URL is checked and ends with `/`.
    pub fn resolve_hosts(
        &self,
        defaults: &[(&str, String)],
        from_base: impl Fn(&str, &str) -> String,
    ) -> Result<BTreeMap<String, String>> {
        let base = match &self.base_url {
            Some(url) => Some(check_url("base_url", url)?),
            None => None,
        };
        let mut hosts = BTreeMap::new();
        for (key, default) in defaults {
            let url = match &base {
                Some(base) => from_base(key, base),
                None => default.clone(),
            };
            hosts.insert((*key).to_owned(), url);
        }
        for (key, url) in &self.hosts {
            if !hosts.contains_key(key) {
                let known: Vec<&str> = defaults.iter().map(|(k, _)| *k).collect();
                return Err(Error::invalid_input(format!(
                    "hosts: unknown host {key:?} (hosts: {})",
                    known.join(", ")
                )));
            }
            hosts.insert(key.clone(), check_url(&format!("hosts.{key}"), url)?);
        }
        for url in hosts.values_mut() {
            if !url.ends_with('/') {
                url.push('/');
            }
        }
        self.retry.validate()?;
        Ok(hosts)
    }
}

impl CommonConfig {
    /// The provider's pipeline from these settings, with every override
    /// checked against its catalog first: the one place a provider's
    /// `path_overrides` and `file_fields` are read, so no provider can accept
    /// one and ignore it.
    pub fn caller(
        &self,
        provider: &'static str,
        catalog: &[OpSpec],
        hosts: BTreeMap<String, String>,
        auth: Box<dyn Auth>,
        envelope: Box<dyn Envelope>,
    ) -> Result<Caller> {
        self.check_overrides(catalog)?;
        Ok(Caller::new(CallerParts {
            provider,
            hosts,
            path_overrides: self.path_overrides.clone(),
            http: self.http.clone(),
            retry: self.retry.clone(),
            auth,
            envelope,
        })?
        .with_file_fields(self.file_fields.clone()))
    }

    /// An override of an operation that does not exist is a typo; a path
    /// override is a URL path too and follows the same grammar; a file field
    /// override names an operation that sends a file, and a field.
    fn check_overrides(&self, catalog: &[OpSpec]) -> Result<()> {
        let find = |name: &str| catalog.iter().find(|op| op.name == name);
        for (name, path) in &self.path_overrides {
            if find(name).is_none() {
                return Err(Error::invalid_input(format!(
                    "path_overrides: {name:?} is not an operation of the catalog"
                )));
            }
            if !is_api_path(path.strip_prefix('/').unwrap_or(path)) {
                return Err(Error::invalid_input(format!(
                    "path_overrides: {name:?}: {path:?} is not an API path (segments of A-Z, \
                     a-z, 0-9 and _, separated by /)"
                )));
            }
        }
        for (name, field) in &self.file_fields {
            if find(name).is_none_or(|op| op.file_field.is_none()) {
                return Err(Error::invalid_input(format!(
                    "file_fields: {name:?} is not an operation of the catalog that sends a file"
                )));
            }
            if field.is_empty() {
                return Err(Error::invalid_input(format!(
                    "file_fields: {name:?}: the field name is empty"
                )));
            }
        }
        Ok(())
    }
}

/// An `http://` or `https://` URL without a trailing `/`.
fn check_url(what: &str, url: &str) -> Result<String> {
    let url = url.trim().trim_end_matches('/');
    if !(url.starts_with("http://") || url.starts_with("https://")) || url.len() < 9 {
        return Err(Error::invalid_input(format!(
            "{what} must start with http:// or https://"
        )));
    }
    Ok(url.to_owned())
}

/// Reads a provider's config from a JSON object. Unknown keys are refused
/// with `InvalidInput` naming the key (a typo must not silently fall back to
/// a default), and a bad value names its key.
pub fn config_from_json<C: DeserializeOwned + schemars::JsonSchema>(
    provider: &str,
    json: &Value,
) -> Result<C> {
    let object = match json {
        Value::Object(map) => map,
        _ => {
            return Err(Error::invalid_input(format!(
                "{provider}: the config must be a JSON object"
            )))
        }
    };
    let schema = super::schema_of::<C>();
    let known = super::catalog::property_names(&schema);
    if let Some(unknown) = object.keys().find(|k| !known.iter().any(|n| n == *k)) {
        return Err(Error::invalid_input(format!(
            "{provider}: unknown config key {unknown:?} (keys: {})",
            known.join(", ")
        )));
    }
    from_json_redacted(json, &format!("{provider} config"))
}

/// Reads options (a provider's upload options) from a JSON object, checked
/// as a config is; `null` means the defaults.
pub fn options_from_json<T: Default + DeserializeOwned + schemars::JsonSchema>(
    what: &str,
    json: &Value,
) -> Result<T> {
    match json {
        Value::Null => Ok(T::default()),
        other => config_from_json(what, other),
    }
}

/// Reads `T` from JSON; an error names the key and the expected type but
/// never quotes the value (it may be a key or a password put in the wrong
/// place).
pub(crate) fn from_json_redacted<T: DeserializeOwned>(json: &Value, what: &str) -> Result<T> {
    serde_path_to_error::deserialize(json.clone()).map_err(|e| {
        let path = e.path().to_string();
        let reason = redact(&e.inner().to_string());
        match path.as_str() {
            "." | "" => Error::invalid_input(format!("{what}: {reason}")),
            key => Error::invalid_input(format!("{what}: {key}: {reason}")),
        }
    })
}

/// Serde's message without the offending value: "invalid type: string
/// \"s3cret\", expected u64" becomes "invalid type, expected u64".
fn redact(message: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let kind = prefix.trim_end_matches(": ");
            return match rest.find(", expected ") {
                Some(i) => format!("{kind}{}", &rest[i..]),
                None => kind.to_owned(),
            };
        }
    }
    message.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Sample {
        size: u64,
        key: String,
    }

    #[test]
    fn errors_name_the_key_but_never_the_value() {
        let err = from_json_redacted::<Sample>(
            &serde_json::json!({"size": "s3cret", "key": "k"}),
            "test config",
        )
        .unwrap_err();
        assert_eq!(
            err.message(),
            "test config: size: invalid type, expected u64"
        );
        let err = from_json_redacted::<Sample>(
            &serde_json::json!({"size": 1, "key": 987654321}),
            "test config",
        )
        .unwrap_err();
        assert!(!err.message().contains("987654321"), "{err}");
        assert!(err.message().contains("key: invalid type"), "{err}");
        let err = from_json_redacted::<Sample>(&serde_json::json!({"size": 1}), "test config")
            .unwrap_err();
        assert!(err.message().contains("missing field `key`"), "{err}");
    }
}
