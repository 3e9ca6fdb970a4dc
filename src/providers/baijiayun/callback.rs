//! Verifying what Baijiayun sends to the customer's server: transcode
//! callbacks and third-party playback auth requests.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;
use subtle::ConstantTimeEq;

use super::auth::unix_now;
use super::sign::sign;
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;

/// Why a request failed verification. Each is a distinct, stable reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VerifyFailure {
    /// No `sign` field.
    Unsigned,
    /// The signature does not match the fields: altered, or signed with another key.
    Tampered,
    /// `timestamp` is outside the allowed window.
    Stale,
    /// Not a form body, a required field missing, or a field of the wrong type.
    Malformed,
}

impl VerifyFailure {
    pub fn as_str(self) -> &'static str {
        match self {
            VerifyFailure::Unsigned => "unsigned",
            VerifyFailure::Tampered => "tampered",
            VerifyFailure::Stale => "stale",
            VerifyFailure::Malformed => "malformed",
        }
    }

    /// The failure a verification [`Error`] carries, if it is one.
    pub fn of(err: &Error) -> Option<VerifyFailure> {
        if err.kind() != ErrorKind::Verification {
            return None;
        }
        match err.detail()? {
            "unsigned" => Some(VerifyFailure::Unsigned),
            "tampered" => Some(VerifyFailure::Tampered),
            "stale" => Some(VerifyFailure::Stale),
            "malformed" => Some(VerifyFailure::Malformed),
            _ => None,
        }
    }

    fn error(self, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Verification, message).with_detail(self.as_str())
    }
}

/// A verified transcode callback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranscodeEvent {
    pub video_id: i64,
    /// 20 upload complete, 30 transcode failed, 100 transcoded.
    pub status: i64,
    /// Unique per delivery: deduplicate on it (deliveries are retried).
    pub qid: String,
    pub timestamp: i64,
    pub preface_url: Option<String>,
    pub total_size: Option<i64>,
    pub total_transcode_size: Option<i64>,
    pub length: Option<i64>,
    pub file_md5: Option<String>,
    /// Definitions transcoded so far (`low,std,…`).
    pub now_definition: Option<String>,
    pub origin_definition: Option<String>,
    /// Every field as received (`sign` excluded), for fields added later.
    pub fields: BTreeMap<String, String>,
}

/// A verified third-party playback auth request: allow or deny `access_key`
/// for `video_id`, then answer `{"code":0}` or `{"code":1,"msg":…}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaybackAuthRequest {
    pub access_key: String,
    pub video_id: i64,
    pub timestamp: Option<i64>,
    pub fields: BTreeMap<String, String>,
}

/// The default timestamp window: wide enough for the provider's retries
/// (5 s and 30 s after a failed delivery, same timestamp) and clock drift,
/// narrow enough that a captured request can't be replayed for long.
pub const DEFAULT_MAX_AGE: Duration = Duration::from_secs(300);

/// The default cap on a request's size. A callback is a few hundred bytes;
/// the cap keeps a hostile POST from making the verifier allocate without bound.
pub const DEFAULT_MAX_BODY: usize = 64 * 1024;

/// Checks requests from Baijiayun with the partner key: constant-time
/// signature comparison, a timestamp window (300 s by default) and a size cap.
///
/// The window limits replay but can't stop a request from being delivered
/// twice inside it (the provider itself retries deliveries): deduplicate
/// transcode callbacks on [`TranscodeEvent::qid`].
#[derive(Clone)]
pub struct CallbackVerifier {
    partner_key: Secret,
    max_age: Option<Duration>,
    max_body: usize,
    require_signed_auth: bool,
}

impl std::fmt::Debug for CallbackVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallbackVerifier")
            .field("partner_key", &self.partner_key)
            .field("max_age", &self.max_age)
            .field("max_body", &self.max_body)
            .field("require_signed_auth", &self.require_signed_auth)
            .finish()
    }
}

impl CallbackVerifier {
    pub fn new(partner_key: impl Into<Secret>) -> Self {
        CallbackVerifier {
            partner_key: partner_key.into(),
            max_age: Some(DEFAULT_MAX_AGE),
            max_body: DEFAULT_MAX_BODY,
            require_signed_auth: false,
        }
    }

    /// Rejects requests whose `timestamp` is further than `window` from now
    /// (either way: clocks drift); default `DEFAULT_MAX_AGE`. The provider
    /// retries a failed delivery 30 s later with the same timestamp: use at
    /// least a minute.
    pub fn max_age(mut self, window: Duration) -> Self {
        self.max_age = Some(window);
        self
    }

    /// Turns the timestamp window off: any timestamp is accepted, so a
    /// captured request can be replayed for ever. Only for accounts whose
    /// clocks can't be trusted, with deduplication on `qid`.
    pub fn without_max_age(mut self) -> Self {
        self.max_age = None;
        self
    }

    /// The largest request accepted, in bytes (a raw body, or the fields'
    /// names and values together); default `DEFAULT_MAX_BODY`.
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// Whether playback auth requests must carry a `sign`. Default: no — the
    /// provider documents the request as `access_key` and `video_id` only, so
    /// an unsigned request is accepted, and a request that carries a `sign`
    /// is always checked. Strict mode (true) refuses unsigned ones
    /// ([`VerifyFailure::Unsigned`]).
    pub fn require_signed_auth(mut self, required: bool) -> Self {
        self.require_signed_auth = required;
        self
    }

    /// Verifies a transcode callback given as its raw form body.
    pub fn verify_transcode_body(&self, body: &[u8]) -> Result<TranscodeEvent> {
        self.verify_transcode(parse_form(body, self.max_body)?)
    }

    /// Verifies a transcode callback given as its fields (`$_POST`, `request.form`).
    pub fn verify_transcode<K, V>(
        &self,
        fields: impl IntoIterator<Item = (K, V)>,
    ) -> Result<TranscodeEvent>
    where
        K: Into<String>,
        V: Into<String>,
    {
        let fields = self.check(collect(fields, self.max_body)?, true, true)?;
        let int = |k: &str| -> Result<i64> {
            let v = fields.get(k).ok_or_else(|| {
                VerifyFailure::Malformed.error(format!("the callback has no {k}"))
            })?;
            v.trim()
                .parse()
                .map_err(|_| VerifyFailure::Malformed.error(format!("{k} is not an integer")))
        };
        let opt_int = |k: &str| -> Result<Option<i64>> {
            match fields.get(k).map(|v| v.trim()).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(v) => v
                    .parse()
                    .map(Some)
                    .map_err(|_| VerifyFailure::Malformed.error(format!("{k} is not an integer"))),
            }
        };
        let text = |k: &str| fields.get(k).filter(|v| !v.is_empty()).cloned();
        Ok(TranscodeEvent {
            video_id: int("video_id")?,
            status: int("status")?,
            qid: text("qid").unwrap_or_default(),
            timestamp: int("timestamp")?,
            preface_url: text("preface_url"),
            total_size: opt_int("total_size")?,
            total_transcode_size: opt_int("total_transcode_size")?,
            length: opt_int("length")?,
            file_md5: text("file_md5"),
            now_definition: text("now_definition"),
            origin_definition: text("origin_definition"),
            fields,
        })
    }

    /// Verifies a playback auth request given as its raw form body.
    pub fn verify_playback_auth_body(&self, body: &[u8]) -> Result<PlaybackAuthRequest> {
        self.verify_playback_auth(parse_form(body, self.max_body)?)
    }

    /// Verifies a playback auth request given as its fields.
    pub fn verify_playback_auth<K, V>(
        &self,
        fields: impl IntoIterator<Item = (K, V)>,
    ) -> Result<PlaybackAuthRequest>
    where
        K: Into<String>,
        V: Into<String>,
    {
        // The documented auth request has no timestamp: the window applies
        // when one is sent.
        let fields = self.check(
            collect(fields, self.max_body)?,
            self.require_signed_auth,
            false,
        )?;
        let access_key = fields
            .get("access_key")
            .filter(|v| !v.is_empty())
            .cloned()
            .ok_or_else(|| VerifyFailure::Malformed.error("the request has no access_key"))?;
        let video_id = fields
            .get("video_id")
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| {
                VerifyFailure::Malformed.error("video_id is missing or not an integer")
            })?;
        let timestamp = fields.get("timestamp").and_then(|v| v.trim().parse().ok());
        Ok(PlaybackAuthRequest {
            access_key,
            video_id,
            timestamp,
            fields,
        })
    }

    /// Signature and freshness; returns the fields without `sign`.
    fn check(
        &self,
        mut fields: BTreeMap<String, String>,
        require_sign: bool,
        require_timestamp: bool,
    ) -> Result<BTreeMap<String, String>> {
        let given = fields.remove("sign");
        match given {
            None if require_sign => {
                return Err(VerifyFailure::Unsigned.error("the request carries no sign"))
            }
            None => {}
            Some(given) => {
                let expected = sign(fields.iter(), self.partner_key.expose());
                let ok: bool = expected
                    .as_bytes()
                    .ct_eq(given.trim().to_ascii_lowercase().as_bytes())
                    .into();
                if !ok {
                    return Err(VerifyFailure::Tampered.error("the sign does not match the fields"));
                }
            }
        }
        let window = self
            .max_age
            .filter(|_| require_timestamp || fields.contains_key("timestamp"));
        if let Some(window) = window {
            let ts: i64 = fields
                .get("timestamp")
                .and_then(|t| t.trim().parse().ok())
                .ok_or_else(|| {
                    VerifyFailure::Malformed.error("timestamp is missing or not an integer")
                })?;
            // Checked: a hostile timestamp (i64::MIN) must be stale, not a panic.
            let now = i64::try_from(unix_now()).unwrap_or(i64::MAX);
            match now.checked_sub(ts).map(i64::unsigned_abs) {
                Some(skew) if skew <= window.as_secs() => {}
                Some(skew) => {
                    return Err(VerifyFailure::Stale.error(format!(
                        "timestamp is {skew} s away from now (window {} s)",
                        window.as_secs()
                    )))
                }
                None => {
                    return Err(VerifyFailure::Stale.error(format!(
                        "timestamp is out of range (window {} s)",
                        window.as_secs()
                    )))
                }
            }
        }
        Ok(fields)
    }
}

fn collect<K: Into<String>, V: Into<String>>(
    fields: impl IntoIterator<Item = (K, V)>,
    max_bytes: usize,
) -> Result<BTreeMap<String, String>> {
    let mut map = BTreeMap::new();
    let mut size = 0usize;
    for (k, v) in fields {
        let (k, v): (String, String) = (k.into(), v.into());
        size = size.saturating_add(k.len()).saturating_add(v.len());
        if size > max_bytes {
            return Err(too_large(max_bytes));
        }
        if map.insert(k.clone(), v).is_some() {
            return Err(VerifyFailure::Malformed.error(format!("field {k} appears twice")));
        }
    }
    Ok(map)
}

fn too_large(max_bytes: usize) -> Error {
    VerifyFailure::Malformed.error(format!("the request is larger than {max_bytes} bytes"))
}

fn parse_form(body: &[u8], max_bytes: usize) -> Result<Vec<(String, String)>> {
    // Checked before anything is decoded or copied.
    if body.len() > max_bytes {
        return Err(too_large(max_bytes));
    }
    if std::str::from_utf8(body).is_err() {
        return Err(VerifyFailure::Malformed.error("the body is not UTF-8 form data"));
    }
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if pairs.is_empty() || pairs.iter().any(|(k, _)| k.is_empty()) {
        return Err(VerifyFailure::Malformed.error("the body is not form data"));
    }
    Ok(pairs)
}
