//! A string that must never be printed: partner keys, client secrets, tokens.

use std::fmt;
use std::sync::{Arc, Mutex, Weak};

use zeroize::{Zeroize, Zeroizing};

/// Holds a secret value. `Debug` and `Display` print a fixed placeholder, so
/// a secret can sit inside any config or error without leaking into logs; the
/// bytes are overwritten when the last copy is dropped, so a key does not
/// linger in freed memory (a core dump, a later allocation).
///
/// Every secret alive in the process is also known to `scrub`, which every
/// [`crate::Error`] passes its texts through: a server, proxy or firewall
/// that echoes the request (a query with `client_secret`, a form with
/// `password`) into its answer cannot carry a secret into an error, a log
/// line or the CLI's output.
#[derive(Clone, Default)]
pub struct Secret(Arc<Held>);

/// The value; overwritten when the last [`Secret`] holding it is dropped.
#[derive(Default)]
struct Held(String);

impl Drop for Held {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

impl Eq for Secret {}

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        let held = Arc::new(Held(value.into()));
        if held.0.len() >= SCRUB_MIN_LEN {
            let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
            live.retain(|w| w.strong_count() > 0);
            live.push(Arc::downgrade(&held));
        }
        Secret(held)
    }

    /// The raw value, for the few places that must use it (signing).
    pub fn expose(&self) -> &str {
        &self.0 .0
    }

    pub fn is_empty(&self) -> bool {
        self.0 .0.is_empty()
    }
}

/// Secrets shorter than this are not scrubbed from texts: replacing every
/// "ab" in a message would destroy it and hide nothing worth hiding.
const SCRUB_MIN_LEN: usize = 4;

/// What a scrubbed secret is replaced with.
const SCRUBBED: &str = "<redacted>";

/// Every secret alive in the process (see `scrub`); dead entries are
/// dropped as new ones arrive.
static LIVE: Mutex<Vec<Weak<Held>>> = Mutex::new(Vec::new());

/// `text` with every secret alive in the process replaced, raw and in the
/// forms a server echoes it in: URL-encoded (`%2F`, `%2f`, `%20`),
/// form-encoded (`+` for a space) and JSON-escaped. Returns `None` when
/// `text` holds none (the common case: no copy made).
pub(crate) fn scrub(text: &str) -> Option<String> {
    if text.len() < SCRUB_MIN_LEN {
        return None;
    }
    let secrets: Vec<Arc<Held>> = {
        let live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
        live.iter().filter_map(Weak::upgrade).collect()
    };
    let mut out: Option<String> = None;
    for secret in &secrets {
        for form in echoed_forms(&secret.0) {
            let current = out.as_deref().unwrap_or(text);
            if current.contains(form.as_str()) {
                out = Some(current.replace(form.as_str(), SCRUBBED));
            }
        }
    }
    out
}

/// Whether `text` holds a secret (in any form `scrub` replaces).
pub(crate) fn holds_secret(text: &str) -> bool {
    scrub(text).is_some()
}

/// The forms a secret takes in an echoed request, longest first (so a form
/// is replaced before a shorter one inside it); each zeroed when dropped.
fn echoed_forms(secret: &str) -> Vec<Zeroizing<String>> {
    let form: String = form_urlencoded::byte_serialize(secret.as_bytes()).collect();
    let url = Zeroizing::new(form.replace('+', "%20"));
    let form = Zeroizing::new(form);
    let lower_hex = Zeroizing::new(lowercase_escapes(&url));
    let quoted = Zeroizing::new(serde_json::to_string(secret).unwrap_or_default());
    let json = Zeroizing::new(
        quoted
            .get(1..quoted.len().saturating_sub(1))
            .unwrap_or_default()
            .to_owned(),
    );
    let mut forms = vec![
        Zeroizing::new(secret.to_owned()),
        form,
        url,
        lower_hex,
        json,
    ];
    forms.retain(|f| f.len() >= SCRUB_MIN_LEN);
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    forms
}

/// `%2F` → `%2f`: some servers echo escapes in lower case.
fn lowercase_escapes(encoded: &str) -> String {
    let mut out = String::with_capacity(encoded.len());
    let mut hex_left = 0;
    for c in encoded.chars() {
        if c == '%' {
            hex_left = 2;
            out.push(c);
        } else if hex_left > 0 {
            hex_left -= 1;
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
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
        Secret::new(value)
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
        String::deserialize(d).map(Secret::new)
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

    #[test]
    fn live_secrets_are_scrubbed_in_every_echoed_form() {
        let secret = Secret::new("s3cr/t +x\"q");
        for echoed in [
            "s3cr/t +x\"q",
            "s3cr%2Ft+%2Bx%22q",
            "s3cr%2Ft%20%2Bx%22q",
            "s3cr%2ft%20%2bx%22q",
            "s3cr/t +x\\\"q",
        ] {
            let text = format!("GET /a?password={echoed}&b=1");
            let clean = scrub(&text).unwrap_or_else(|| panic!("{echoed} not found"));
            assert_eq!(clean, "GET /a?password=<redacted>&b=1");
        }
        assert_eq!(scrub("nothing here"), None);
        drop(secret);
        assert_eq!(
            scrub("GET /a?password=s3cr/t +x\"q"),
            None,
            "dropped: forgotten"
        );
    }
}
