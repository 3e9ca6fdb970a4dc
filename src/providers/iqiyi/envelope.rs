//! iQiyi's answer: `{"code": "A00000", "data": …, "msg": …}` with string
//! codes. Some answers carry their fields beside `code` (chunk answers,
//! `count` of the video list) and `oauth2/token` may come without any
//! envelope; `fullStatus` codes are video states, not errors.

use std::sync::Arc;

use serde_json::{Map, Value};

use super::auth::{TokenStore, AUTHORIZE, TOKEN};
use crate::api::Envelope;
use crate::error::{Error, ErrorKind, Result};
use crate::http::{status_error, Response};

pub(crate) const SUCCESS: &str = "A00000";
/// The operations whose answer is the whole envelope (its code is a state,
/// or it has fields beside `data`).
const WHOLE: [&str; 2] = ["file/fullStatus", "file/videoListForExternal"];
/// `fullStatus` codes that are video states.
pub(crate) const STATE_CODES: [&str; 7] = [
    "A00000", "A00001", "A00002", "A00003", "A00004", "A00006", "A00007",
];

pub(crate) struct IqiyiEnvelope {
    /// Where token answers go, whoever asked for them.
    pub store: Arc<TokenStore>,
    /// The config's `upload_https`: the `upload_url` openupload hands out
    /// (documented as `http://`, with the token in its query) is used over https.
    pub upload_https: bool,
}

impl Envelope for IqiyiEnvelope {
    fn parse(&self, operation: &str, response: Response) -> Result<Value> {
        let mut data = parse(operation, response)?;
        if operation == AUTHORIZE || operation == TOKEN {
            self.store.adopt(&data)?;
        }
        if operation == "openupload" && self.upload_https {
            if let Some(Value::String(url)) = data.get_mut("upload_url") {
                if let Some(rest) = url.strip_prefix("http://") {
                    *url = format!("https://{rest}");
                }
            }
        }
        Ok(data)
    }
}

/// Reads one answer of `operation` (the chunk POST is `upload`).
pub(crate) fn parse(operation: &str, response: Response) -> Result<Value> {
    let Response {
        status,
        body,
        request_id,
        retry_after,
    } = response;
    let decorate = |e: Error| {
        e.with_http_status(status)
            .with_request_id(request_id.clone())
            .with_retry_after(retry_after)
    };
    if status == 429 || status >= 500 {
        return Err(decorate(status_error(status, request_id.clone())));
    }
    let parsed: Option<Value> = serde_json::from_slice(&body).ok();
    let Some(Value::Object(object)) = parsed else {
        let err = if status >= 400 {
            status_error(status, request_id.clone())
        } else {
            Error::new(ErrorKind::Server, "the answer is not an iQiyi envelope")
        };
        return Err(decorate(err));
    };
    let code = match object.get("code") {
        Some(Value::String(s)) => Some(s.trim().to_owned()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let Some(code) = code else {
        // The document's refresh answer has no envelope at all.
        if operation == TOKEN && object.contains_key("access_token") {
            return Ok(Value::Object(object));
        }
        return Err(decorate(Error::new(
            ErrorKind::Server,
            "the answer has no code",
        )));
    };
    // HTTP status first: an error status is an error whatever the body's
    // code; a success or state code under it (fullStatus answered "A00001"
    // with HTTP 400) is not an answer to read.
    let ok_code = code == SUCCESS || STATE_CODES.contains(&code.as_str()) || code == "0";
    if status >= 400 && ok_code {
        return Err(decorate(
            status_error(status, request_id.clone()).with_provider_code(code),
        ));
    }
    let whole = match operation {
        "file/fullStatus" => STATE_CODES.contains(&code.as_str()),
        op => WHOLE.contains(&op) && code == SUCCESS,
    };
    if whole {
        return Ok(Value::Object(object));
    }
    // Some clients see "0" for a successful authorize; the document prints "A0000".
    let ok = code == SUCCESS || (operation == AUTHORIZE && (code == "0" || code == "A0000"));
    if ok {
        return Ok(data_of(object));
    }
    let msg = object
        .get("msg")
        .and_then(Value::as_str)
        .filter(|m| !m.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| describe(operation, &code).to_owned());
    Err(decorate(
        Error::new(classify(operation, &code), msg).with_provider_code(code),
    ))
}

/// `data` when the answer has one, otherwise the fields beside `code`.
fn data_of(mut object: Map<String, Value>) -> Value {
    match object.remove("data") {
        Some(data) => data,
        None => {
            object.remove("code");
            object.remove("msg");
            if object.is_empty() {
                Value::Null
            } else {
                Value::Object(object)
            }
        }
    }
}

/// The error kind of a documented code (the same code means different things
/// at the upload host and at the OAuth endpoints).
pub(crate) fn classify(operation: &str, code: &str) -> ErrorKind {
    let opening = operation == "openupload";
    match code {
        "A00005" if opening => ErrorKind::Auth,
        "A00005" => ErrorKind::InvalidInput,
        "A00007" if opening => ErrorKind::Auth,
        "A00007" if operation == AUTHORIZE => ErrorKind::Server,
        "A00008" | "A00009" | "A21324" => ErrorKind::Auth,
        "A00010" => ErrorKind::InvalidInput,
        c if super::auth::is_token_code(Some(c)) => ErrorKind::Auth,
        // A00018 (quota exceeded), Q00001 (failure) and anything else.
        _ => ErrorKind::Provider,
    }
}

fn describe(operation: &str, code: &str) -> &'static str {
    match code {
        "A00005" if operation == "openupload" => "the app is awaiting review",
        "A00005" => "illegal file_id",
        "A00007" if operation == "openupload" => "the app failed review",
        "A00007" => "system error",
        "A00008" => "the app is frozen",
        "A00009" => "the app was deleted",
        "A00010" => "bad input parameters",
        "A00018" => "the app's quota is exceeded",
        "A21324" => "client_id or client_secret is invalid",
        "A21327" => "the access token expired",
        "A21332" => "the access token is invalid",
        "Q00001" => "the request failed",
        _ => "iQiyi answered with an error code",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Response {
        Response {
            status,
            body: body.as_bytes().to_vec(),
            request_id: Some("r-1".into()),
            retry_after: None,
        }
    }

    #[test]
    fn documented_bodies() {
        // 1.1 openupload
        let ok = parse(
            "openupload",
            answer(200, r#"{"code": "A00000", "data": {"upload_url": "http://220.181.184.157/upload", "file_id": "4004551398f84a38a371e107f099d27e"}}"#),
        )
        .unwrap();
        assert_eq!(ok["file_id"], "4004551398f84a38a371e107f099d27e");
        // 1.2 a chunk: its fields sit beside the code
        let ok = parse(
            "upload",
            answer(200, r#"{"code": "A00000", "range_md5": "6f81e24140e8a84e176ebf02eece3e56", "file_range_accepted": 25, "file_id": "029309c868ea4f4eb188630e9bd94eee"}"#),
        )
        .unwrap();
        assert_eq!(ok["file_range_accepted"], 25);
        assert_eq!(ok["range_md5"], "6f81e24140e8a84e176ebf02eece3e56");
        // 1.3 finish
        assert!(parse("uploadfinish", answer(200, r#"{"code": "A00000"}"#))
            .unwrap()
            .is_null());
        // 3: the refresh answer without an envelope
        let ok = parse(
            TOKEN,
            answer(
                200,
                r#"{"access_token": "a", "expires_in": 60, "refresh_token": "r"}"#,
            ),
        )
        .unwrap();
        assert_eq!(ok["expires_in"], 60);
        // authorize: "0" tolerated
        let ok = parse(
            AUTHORIZE,
            answer(200, r#"{"code": "0", "data": {"access_token": "a"}}"#),
        )
        .unwrap();
        assert_eq!(ok["access_token"], "a");
        // fullStatus: a state, not an error
        for code in STATE_CODES {
            let body = format!(r#"{{"code": "{code}", "data": {{}}, "msg": ""}}"#);
            let whole = parse("file/fullStatus", answer(200, &body)).unwrap();
            assert_eq!(whole["code"], code);
        }
        let list = parse(
            "file/videoListForExternal",
            answer(200, r#"{"code": "A00000", "count": 20, "data": []}"#),
        )
        .unwrap();
        assert_eq!(list["count"], 20);
    }

    #[test]
    fn documented_codes_are_classified() {
        for (op, code, kind) in [
            ("openupload", "A00005", ErrorKind::Auth),
            ("upload", "A00005", ErrorKind::InvalidInput),
            ("openupload", "A00007", ErrorKind::Auth),
            ("openupload", "A00008", ErrorKind::Auth),
            ("openupload", "A00009", ErrorKind::Auth),
            ("openupload", "A00010", ErrorKind::InvalidInput),
            ("openupload", "A00018", ErrorKind::Provider),
            ("file/info", "Q00001", ErrorKind::Provider),
            ("file/fullStatus", "Q00001", ErrorKind::Provider),
            ("file/fullStatus", "A21327", ErrorKind::Auth),
            (AUTHORIZE, "A21324", ErrorKind::Auth),
            (AUTHORIZE, "A00007", ErrorKind::Server),
            ("file/urllist", "A21327", ErrorKind::Auth),
            ("file/urllist", "A21332", ErrorKind::Auth),
            ("file/videoListForExternal", "A21332", ErrorKind::Auth),
        ] {
            let body = format!(r#"{{"code": "{code}", "msg": ""}}"#);
            let err = parse(op, answer(200, &body)).unwrap_err();
            assert_eq!(err.kind(), kind, "{op} {code}");
            assert_eq!(err.provider_code(), Some(code));
            assert_eq!(err.request_id(), Some("r-1"));
        }
        assert_eq!(
            parse("x", answer(503, "busy")).unwrap_err().kind(),
            ErrorKind::Server
        );
        assert_eq!(
            parse("x", answer(200, "<html>")).unwrap_err().kind(),
            ErrorKind::Server
        );
    }

    #[test]
    fn upload_https_moves_the_documented_upload_url_to_https() {
        let body = r#"{"code": "A00000", "data": {"upload_url": "http://220.181.184.157/upload?access_token=t", "file_id": "f"}}"#;
        for (https, expected) in [
            (false, "http://220.181.184.157/upload?access_token=t"),
            (true, "https://220.181.184.157/upload?access_token=t"),
        ] {
            let envelope = IqiyiEnvelope {
                store: TokenStore::new(Default::default(), None, None),
                upload_https: https,
            };
            let slot = envelope.parse("openupload", answer(200, body)).unwrap();
            assert_eq!(slot["upload_url"], expected);
        }
    }

    #[test]
    fn an_http_error_status_is_an_error_whatever_the_code() {
        for (status, kind) in [(400, ErrorKind::Provider), (403, ErrorKind::Auth)] {
            let err = parse(
                "file/fullStatus",
                answer(status, r#"{"code": "A00001", "data": {}, "msg": ""}"#),
            )
            .unwrap_err();
            assert_eq!(err.kind(), kind);
            assert_eq!(err.http_status(), Some(status));
            assert_eq!(err.provider_code(), Some("A00001"));
            let err = parse("openupload", answer(status, r#"{"code": "A00000"}"#)).unwrap_err();
            assert_eq!(err.kind(), kind);
        }
        // An error code keeps its own classification.
        let err = parse("openupload", answer(400, r#"{"code": "A00010"}"#)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }
}
