//! The part of every provider's config that is the same everywhere: base URL
//! and per-host overrides, path overrides, HTTP settings and retry policy —
//! and reading a config from JSON with every key checked.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::api_path::is_api_path;
use super::auth::Auth;
use super::caller::{Caller, CallerParts};
use super::catalog::OpSpec;
use super::envelope::Envelope;
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
    let known = super::catalog::property_names_of::<C>();
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

/// Reads `T` from JSON; an error names the key and says what is expected in
/// human terms ("a whole number", "an object"), but never quotes the value
/// (it may be a key or a password put in the wrong place).
pub(crate) fn from_json_redacted<T: DeserializeOwned>(json: &Value, what: &str) -> Result<T> {
    // Read plainly first: tracking the path costs every call (each JSON
    // call's parameters come through here), and only an error needs it.
    if let Ok(value) = T::deserialize(json) {
        return Ok(value);
    }
    serde_path_to_error::deserialize(json).map_err(|e| {
        let (path, message) = match e.path().to_string().as_str() {
            "." | "" => flattened_culprit::<T>(json)
                .unwrap_or_else(|| (String::new(), e.inner().to_string())),
            path => (path.to_owned(), e.inner().to_string()),
        };
        let reason = humanize(&redact(&message));
        match path.as_str() {
            "" => Error::invalid_input(format!("{what}: {reason}")),
            key => Error::invalid_input(format!("{what}: {key}: {reason}")),
        }
    })
}

/// The key an error without a path is about, and its message. Serde reads a
/// `#[serde(flatten)]` part (the HTTP keys, `retry`) from a buffer where the
/// path is lost; every config has defaults for all its keys, so each key is
/// tried alone and the first that fails by itself is the one. Only on the
/// error path; a failure that is only a missing field says nothing.
fn flattened_culprit<T: DeserializeOwned>(json: &Value) -> Option<(String, String)> {
    let Value::Object(map) = json else {
        return None;
    };
    map.iter().find_map(|(key, value)| {
        let alone = Value::Object([(key.clone(), value.clone())].into_iter().collect());
        let err = serde_path_to_error::deserialize::<_, T>(&alone).err()?;
        let message = err.inner().to_string();
        if message.starts_with("missing field") {
            return None;
        }
        let path = match err.path().to_string().as_str() {
            "." | "" => key.clone(),
            inner => inner.to_owned(),
        };
        Some((path, message))
    })
}

/// Reads JSON text (a config, an operation's parameters); malformed text
/// is an `InvalidInput` error saying where: "config_json is not valid JSON
/// (line 3, column 7): expected `,` or `}`".
pub fn json_from_text(text: &str, what: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| {
        // serde_json ends its message with " at line L column C"; the place
        // goes first, in words, and the message never quotes the text.
        let message = e.to_string();
        let reason = match message.rfind(" at line ") {
            Some(i) => message[..i].to_owned(),
            None => message,
        };
        Error::invalid_input(format!(
            "{what} is not valid JSON (line {}, column {}): {reason}",
            e.line(),
            e.column()
        ))
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

/// Serde names Rust types in what it expected ("expected u64", "expected
/// struct RetryPolicy"); a user wrote JSON, so say it in JSON's terms.
fn humanize(message: &str) -> String {
    let Some(i) = message.find("expected ") else {
        return message.to_owned();
    };
    let (head, expected) = message.split_at(i + "expected ".len());
    let human = match expected {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number, 0 or more",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a sequence" => "a list",
        "a map" => "an object",
        "a borrowed string" | "a string" => "a string",
        "a boolean" => "true or false",
        "a character" => "a single character",
        "unit" => "null",
        other if other.starts_with("struct ") || other.starts_with("a map") => "an object",
        other if other.starts_with("tuple struct ") || other.starts_with("a tuple") => "a list",
        other if other.starts_with("enum ") => "one of the documented values",
        other => other,
    };
    format!("{head}{human}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Sample {
        size: u64,
        key: String,
        #[serde(default)]
        retry: Option<crate::http::RetryPolicy>,
        #[serde(default)]
        ratio: f64,
        #[serde(default)]
        flag: bool,
        #[serde(default)]
        list: Vec<i64>,
    }

    fn message_of(json: Value) -> String {
        from_json_redacted::<Sample>(&json, "test config")
            .unwrap_err()
            .message()
            .to_owned()
    }

    #[test]
    fn errors_name_the_key_but_never_the_value() {
        assert_eq!(
            message_of(serde_json::json!({"size": "s3cret", "key": "k"})),
            "test config: size: invalid type, expected a whole number, 0 or more"
        );
        let err = message_of(serde_json::json!({"size": 1, "key": 987654321}));
        assert!(!err.contains("987654321"), "{err}");
        assert!(
            err.contains("key: invalid type, expected a string"),
            "{err}"
        );
        let err = message_of(serde_json::json!({"size": 1}));
        assert!(err.contains("missing field `key`"), "{err}");
    }

    #[test]
    fn errors_say_what_is_expected_in_json_terms() {
        for (json, expected) in [
            (
                serde_json::json!({"size": -1, "key": "k"}),
                "test config: size: invalid value, expected a whole number, 0 or more",
            ),
            (
                serde_json::json!({"size": 1, "key": "k", "retry": "oops"}),
                "test config: retry: invalid type, expected an object",
            ),
            (
                serde_json::json!({"size": 1, "key": "k", "ratio": "x"}),
                "test config: ratio: invalid type, expected a number",
            ),
            (
                serde_json::json!({"size": 1, "key": "k", "flag": "yes"}),
                "test config: flag: invalid type, expected true or false",
            ),
            (
                serde_json::json!({"size": 1, "key": "k", "list": {"a": 1}}),
                "test config: list: invalid type, expected a list",
            ),
            (
                serde_json::json!({"size": 1, "key": "k", "list": [1, "two"]}),
                "test config: list[1]: invalid type, expected a whole number",
            ),
        ] {
            let err = message_of(json.clone());
            assert_eq!(err, expected, "{json}");
            for rust in [
                "u64",
                "i64",
                "f64",
                "struct",
                "RetryPolicy",
                "sequence",
                "bool",
            ] {
                assert!(!err.contains(rust), "{err}");
            }
        }
    }

    #[test]
    fn malformed_json_text_says_line_and_column() {
        let err =
            json_from_text("{\n  \"part_size\": 8,\n  \"x\" 1\n}", "config_json").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert_eq!(
            err.message(),
            "config_json is not valid JSON (line 3, column 7): expected `:`"
        );
        let err = json_from_text("{\"partner_key\": \"s3cret", "config_json").unwrap_err();
        assert!(err.message().contains("(line 1, column 23)"), "{err}");
        assert!(!err.message().contains("s3cret"), "{err}");
        assert_eq!(
            json_from_text(" {\"a\": [1]} ", "x").unwrap(),
            serde_json::json!({"a": [1]})
        );
    }
}
