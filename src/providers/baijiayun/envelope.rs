//! Baijiayun's answer: `{"code", "data", "msg", "ts"}`, code 0 for success
//! (1 at the upload URL), the rest classified.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::api::{Data, Envelope};
use crate::error::{Error, ErrorKind, Result};
use crate::http::{status_error, Response};

pub(crate) struct BaijiayunEnvelope {
    /// Envelope codes that mean "rate limited".
    pub rate_limit_codes: Vec<i64>,
}

impl Envelope for BaijiayunEnvelope {
    fn parse(&self, _operation: &str, response: Response) -> Result<Value> {
        self.parse_with_success(response, 0)
    }

    /// A success read without building the envelope's tree: the data is
    /// cut out as text. Anything else (an error code or status, a body that
    /// is not a plain envelope) goes through [`BaijiayunEnvelope::parse`],
    /// so every answer but a success is judged exactly as there.
    fn parse_data(&self, operation: &str, response: Response) -> Result<Data> {
        if response.status < 400 {
            if let Some(data) = success_data(&response.body, 0) {
                return Ok(data);
            }
        }
        self.parse(operation, response).map(Data::Tree)
    }
}

/// The envelope's fields, borrowed from the body unparsed.
#[derive(Deserialize)]
struct Fields<'a> {
    #[serde(borrow)]
    code: Option<&'a RawValue>,
    #[serde(borrow)]
    data: Option<&'a RawValue>,
}

/// The data of an envelope whose code is `success`; `None` for any other
/// body (or one serde reads differently from a tree: a duplicated key).
fn success_data(body: &[u8], success: i64) -> Option<Data> {
    // Serde reads a struct from an array too; an envelope is an object.
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return None;
    }
    let fields: Fields<'_> = serde_json::from_slice(body).ok()?;
    let code = fields.code?.get();
    // A plain integer (every real answer's) is read as it is, without a
    // tree; anything else as the tree path reads it.
    let code = match code.parse::<i64>() {
        Ok(code) => code,
        Err(_) => crate::lenient::int_in(&serde_json::from_str(code).ok()?)?,
    };
    if code != success {
        return None;
    }
    Some(match fields.data {
        Some(data) => Data::Text(data.to_owned()),
        None => Data::Tree(Value::Null),
    })
}

impl BaijiayunEnvelope {
    /// The upload URL's answer: code 1 is success there.
    pub fn upload_answer(rate_limit_codes: &[i64], response: Response) -> Result<Value> {
        BaijiayunEnvelope {
            rate_limit_codes: rate_limit_codes.to_vec(),
        }
        .parse_with_success(response, 1)
    }

    /// Reads the envelope; `success` is the code meaning OK (0 for the API,
    /// 1 for the upload endpoint).
    pub fn parse_with_success(&self, response: Response, success: i64) -> Result<Value> {
        let Response {
            status,
            body,
            request_id,
            retry_after,
        } = response;
        let mut parsed: Option<Value> = serde_json::from_slice(&body).ok();
        let envelope = parsed.as_ref().and_then(Value::as_object);
        let code = envelope
            .and_then(|o| o.get("code"))
            .and_then(crate::lenient::int_in);
        let msg = envelope
            .and_then(|o| o.get("msg"))
            .and_then(Value::as_str)
            .unwrap_or("");
        let (Some(_), Some(code)) = (envelope, code) else {
            let err = if status >= 400 {
                status_error(status, request_id.clone())
            } else {
                Error::new(ErrorKind::Server, "the answer is not a Baijiayun envelope")
            };
            return Err(err
                .with_http_status(status)
                .with_request_id(request_id)
                .with_retry_after(retry_after));
        };
        if status == 429 || status >= 500 {
            let err = status_error(status, request_id.clone());
            let err = match msg {
                "" => err,
                m => Error::new(err.kind(), format!("{}: {m}", err.message())),
            };
            return Err(err
                .with_provider_code(code.to_string())
                .with_http_status(status)
                .with_request_id(request_id)
                .with_retry_after(retry_after));
        }
        // HTTP status first: a success code under an error status is not
        // a success.
        if code == success && status >= 400 {
            return Err(status_error(status, request_id.clone())
                .with_provider_code(code.to_string())
                .with_http_status(status)
                .with_request_id(request_id)
                .with_retry_after(retry_after));
        }
        if code == success {
            // Taken, not cloned: the envelope is dropped here anyway.
            let data = parsed.as_mut().and_then(|v| v.get_mut("data"));
            return Ok(data.map(Value::take).unwrap_or(Value::Null));
        }
        let message = if msg.is_empty() {
            format!("Baijiayun answered code {code}")
        } else {
            msg.to_owned()
        };
        Err(Error::new(self.classify(code), message)
            .with_provider_code(code.to_string())
            .with_http_status(status)
            .with_request_id(request_id)
            .with_retry_after(retry_after))
    }

    fn classify(&self, code: i64) -> ErrorKind {
        if self.rate_limit_codes.contains(&code) {
            return ErrorKind::RateLimited;
        }
        match code {
            1001 => ErrorKind::InvalidInput,
            1002 | 2001..=2003 => ErrorKind::Auth,
            4001 => ErrorKind::Server,
            _ => ErrorKind::Provider,
        }
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

    fn envelope() -> BaijiayunEnvelope {
        BaijiayunEnvelope {
            rate_limit_codes: vec![429],
        }
    }

    #[test]
    fn documented_bodies_are_classified() {
        let ok = envelope()
            .parse(
                "x",
                answer(200, r#"{"code":0,"data":{"video_id":7},"msg":"","ts":1}"#),
            )
            .unwrap();
        assert_eq!(ok["video_id"], 7);
        for (code, kind) in [
            (1001, ErrorKind::InvalidInput),
            (1002, ErrorKind::Auth),
            (2002, ErrorKind::Auth),
            (4001, ErrorKind::Server),
            (429, ErrorKind::RateLimited),
            (9999, ErrorKind::Provider),
        ] {
            let body = format!(r#"{{"code":"{code}","msg":"nope","data":null}}"#);
            let err = envelope().parse("x", answer(200, &body)).unwrap_err();
            assert_eq!(err.kind(), kind, "code {code}");
            assert_eq!(err.provider_code(), Some(code.to_string().as_str()));
            assert_eq!(err.request_id(), Some("r-1"));
        }
        let err = envelope().parse("x", answer(502, "<html>")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Server);
        let err = envelope().parse("x", answer(200, "not json")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Server);
        // The upload URL's success code is 1.
        let ok = envelope()
            .parse_with_success(answer(200, r#"{"code":1,"msg":"success"}"#), 1)
            .unwrap();
        assert!(ok.is_null());
    }

    /// The success path that cuts the data out answers exactly as the tree
    /// path, and leaves every other body to it.
    #[test]
    fn data_cut_out_of_a_success_matches_the_tree() {
        let bodies = [
            (
                200,
                r#"{"code":0,"data":{"b":[1,{"c":"视频"}],"a":7},"msg":"","ts":1}"#,
            ),
            (200, r#" {"code":"0","msg":"ok"}"#),
            (200, r#"{"code":0,"data":null}"#),
            (200, r#"{"code":0,"code":3,"data":1}"#),
            (200, r#"{"data":1,"code":0,"data":2}"#),
            (200, r#"[0,{"a":1}]"#),
            (200, r#"{"code":2001,"msg":"sign error","data":{"a":1}}"#),
            (200, r#"{"code":0.5,"data":1}"#),
            (200, r#"{"code":-0,"data":1}"#),
            (200, r#"{"code":"00","data":1}"#),
            (200, r#"{"code":0e0,"data":1}"#),
            (200, r#"{"code":9223372036854775808,"data":1}"#),
            (200, r#"{"msg":"no code"}"#),
            (400, r#"{"code":0,"data":{"a":1}}"#),
            (503, r#"{"code":0,"data":{"a":1}}"#),
            (200, "not json"),
        ];
        // A success is read without the tree.
        let success = envelope().parse_data("x", answer(200, bodies[0].1));
        assert!(matches!(success, Ok(Data::Text(_))), "{success:?}");
        for (status, body) in bodies {
            let tree = envelope().parse("x", answer(status, body));
            let data = envelope()
                .parse_data("x", answer(status, body))
                .and_then(Data::into_value);
            match (tree, data) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{body}"),
                (Err(a), Err(b)) => {
                    assert_eq!(a.kind(), b.kind(), "{body}");
                    assert_eq!(a.provider_code(), b.provider_code(), "{body}");
                    assert_eq!(a.message(), b.message(), "{body}");
                }
                (a, b) => panic!("{body}: {a:?} vs {b:?}"),
            }
        }
    }

    #[test]
    fn an_http_error_status_is_an_error_whatever_the_code() {
        let err = envelope()
            .parse("x", answer(400, r#"{"code":0,"data":{"video_id":7}}"#))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Provider);
        assert_eq!(err.http_status(), Some(400));
        let err = envelope()
            .parse_with_success(answer(401, r#"{"code":1,"msg":"success"}"#), 1)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Auth);
    }
}
