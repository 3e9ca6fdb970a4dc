//! A string that must never be printed: partner keys, client secrets, tokens.

use std::fmt;

use zeroize::Zeroize;

/// Holds a secret value. `Debug` and `Display` print a fixed placeholder, so
/// a secret can sit inside any config or error without leaking into logs; the
/// bytes are overwritten when it is dropped, so a key does not linger in
/// freed memory (a core dump, a later allocation).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The raw value, for the few places that must use it (signing).
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

/// `url` with the password (and user) of its authority replaced, for a
/// proxy URL in `Debug` output: `http://user:pw@host:3128` becomes
/// `http://<redacted>@host:3128`. Text that is not a URL is returned as is.
pub fn redact_url_credentials(url: &str) -> String {
    let (scheme, rest) = match url.find("://") {
        Some(i) => url.split_at(i + 3),
        None => ("", url),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}<redacted>{}", &rest[at..]),
        None => url.to_owned(),
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Secret)
    }
}

impl schemars::JsonSchema for Secret {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Secret".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "writeOnly": true,
            "description": "A secret: never shown in logs, errors or Debug output."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_credentials_are_redacted() {
        assert_eq!(
            redact_url_credentials("http://user:hunter2@proxy:3128/x?a=b@c"),
            "http://<redacted>@proxy:3128/x?a=b@c"
        );
        assert_eq!(
            redact_url_credentials("proxy:3128"),
            "proxy:3128",
            "no credentials: unchanged"
        );
        assert_eq!(
            redact_url_credentials("socks5://a@b@host"),
            "socks5://<redacted>@host"
        );
    }
}
