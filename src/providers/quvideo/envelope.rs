//! The AppServer's answer: `{"result": "true"|"false", "requestId", "code":
//! "200", "message", "data"}` with string `result` and `code`, errors as
//! HTTP 200 with `result: "false"`; and the bare `{"code": "403", "message":
//! "Please log in the system!"}` of the token check, without `result`/`data`.

use std::sync::Arc;

use serde_json::Value;

use super::auth::{TokenStore, LOCKED};
use crate::api::Envelope;
use crate::error::{Error, ErrorKind, Result};
use crate::http::{status_error, Response};
use crate::secret::Secret;

pub(crate) struct ConsoleEnvelope {
    /// Where a login's token goes and a sign-out clears it.
    pub store: Arc<TokenStore>,
}

impl Envelope for ConsoleEnvelope {
    fn parse(&self, operation: &str, response: Response) -> Result<Value> {
        let Response {
            status,
            body,
            request_id,
            retry_after,
        } = response;
        let parsed: Option<Value> = serde_json::from_slice(&body).ok();
        let object = parsed.as_ref().and_then(Value::as_object);
        let code = object.and_then(|o| o.get("code")).and_then(text_of);
        let (Some(object), Some(code)) = (object, code) else {
            let err = if status >= 400 {
                status_error(status, request_id.clone())
            } else {
                Error::new(
                    ErrorKind::Server,
                    "the answer is not a 趣视频 AppServer envelope",
                )
            };
            return Err(err
                .with_http_status(status)
                .with_request_id(request_id)
                .with_retry_after(retry_after));
        };
        // The body's requestId is the AppServer's own; prefer it.
        let request_id = object
            .get("requestId")
            .and_then(text_of)
            .filter(|id| !id.is_empty())
            .or(request_id);
        let success = match object.get("result").and_then(flag_of) {
            Some(result) => result,
            // The bare answer (403) has no `result`: the code decides.
            None => code == "200",
        };
        if success && status < 400 {
            let data = object.get("data").cloned().unwrap_or(Value::Null);
            self.remember(operation, &data);
            return Ok(data);
        }
        if operation == "login" && code == LOCKED {
            self.store.lock_out();
        }
        let message = object
            .get("message")
            .and_then(Value::as_str)
            .filter(|m| !m.is_empty())
            .map_or_else(|| format!("趣视频 answered code {code}"), str::to_owned);
        let kind = match classify(&code) {
            // An HTTP error status with an unknown code: the status decides.
            ErrorKind::Provider if status >= 400 => status_error(status, None).kind(),
            kind => kind,
        };
        Err(Error::new(kind, message)
            .with_provider_code(code)
            .with_http_status(status)
            .with_request_id(request_id)
            .with_retry_after(retry_after))
    }
}

impl ConsoleEnvelope {
    /// What a successful session operation changes.
    fn remember(&self, operation: &str, data: &Value) {
        match operation {
            "login" | "refreshToken" => {
                if let Some(token) = data.get("consoleToken").and_then(text_of) {
                    if !token.is_empty() {
                        self.store.set(Secret::new(token));
                    }
                }
            }
            "signOut" => self.store.clear(),
            _ => {}
        }
    }
}

/// The AppServer's codes, as the error taxonomy has them.
pub(crate) fn classify(code: &str) -> ErrorKind {
    match code {
        "300" => ErrorKind::InvalidInput,
        // 301 token expired, 403 no or invalid token, 401 bad user name or
        // password, 411 account locked.
        "301" | "401" | "403" | "411" => ErrorKind::Auth,
        // 600 is the AppServer's own timeout: like a 500, worth another try.
        "500" | "600" => ErrorKind::Server,
        "429" => ErrorKind::RateLimited,
        _ => ErrorKind::Provider,
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn flag_of(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Response {
        Response {
            status,
            body: body.as_bytes().to_vec(),
            request_id: Some("http-1".into()),
            retry_after: None,
        }
    }

    fn envelope() -> ConsoleEnvelope {
        ConsoleEnvelope {
            store: Arc::new(TokenStore::default()),
        }
    }

    #[test]
    fn the_documented_answers_parse() {
        let env = envelope();
        let data = env
            .parse(
                "getVideos",
                answer(
                    200,
                    r#"{"result":"true","requestId":"c3bc","message":"","code":"200","data":{"total":7,"videoList":[]}}"#,
                ),
            )
            .unwrap();
        assert_eq!(data["total"], 7);
        let data = env
            .parse(
                "submitTranscode",
                answer(200, r#"{"result":"true","requestId":"c3","message":"发起非窄带高清转码作业完成!","code":"200","data":null}"#),
            )
            .unwrap();
        assert!(data.is_null());
    }

    #[test]
    fn login_stores_the_token_and_sign_out_clears_it() {
        let env = envelope();
        env.parse(
            "login",
            answer(200, r#"{"result":"true","requestId":"c30f","message":"登录成功!","code":"200","data":{"consoleToken":"12351232334123456781548765480698"}}"#),
        )
        .unwrap();
        assert_eq!(
            env.store.get().unwrap().expose(),
            "12351232334123456781548765480698"
        );
        env.parse(
            "signOut",
            answer(200, r#"{"result":"true","requestId":"d4b6","message":"退出完成!","code":"200","data":null}"#),
        )
        .unwrap();
        assert!(env.store.get().is_none());
    }

    #[test]
    fn the_bare_403_is_an_auth_error() {
        let err = envelope()
            .parse(
                "getVideos",
                answer(
                    200,
                    r#"{"code":"403","message":"Please log in the system!"}"#,
                ),
            )
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Auth);
        assert_eq!(err.provider_code(), Some("403"));
        assert_eq!(err.message(), "Please log in the system!");
        assert_eq!(err.request_id(), Some("http-1"));
    }

    #[test]
    fn codes_are_classified() {
        for (code, kind) in [
            ("300", ErrorKind::InvalidInput),
            ("301", ErrorKind::Auth),
            ("401", ErrorKind::Auth),
            ("403", ErrorKind::Auth),
            ("411", ErrorKind::Auth),
            ("500", ErrorKind::Server),
            ("600", ErrorKind::Server),
            ("777", ErrorKind::Provider),
        ] {
            let body = format!(
                r#"{{"result":"false","requestId":"r-9","message":"","code":"{code}","data":null}}"#
            );
            let err = envelope()
                .parse("createAudit", answer(200, &body))
                .unwrap_err();
            assert_eq!(err.kind(), kind, "code {code}");
            assert_eq!(err.provider_code(), Some(code));
            assert_eq!(err.request_id(), Some("r-9"));
            assert!(err.message().contains(code), "{err}");
        }
        // Numbers and booleans where strings are documented are read too.
        let err = envelope()
            .parse(
                "x",
                answer(200, r#"{"result":false,"code":300,"message":"bad"}"#),
            )
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }

    #[test]
    fn a_locked_login_locks_the_store() {
        let env = envelope();
        let err = env
            .parse(
                "login",
                answer(200, r#"{"result":"false","code":"411","message":"locked"}"#),
            )
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Auth);
        assert!(env.store.is_locked());
    }

    #[test]
    fn non_envelopes_are_server_or_status_errors() {
        let err = envelope().parse("x", answer(502, "<html>")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Server);
        let err = envelope().parse("x", answer(200, "not json")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Server);
        let err = envelope().parse("x", answer(404, "")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Provider);
    }
}
