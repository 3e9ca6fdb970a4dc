//! Issue 20, item 1: no secret in an error or a log line, even when the
//! server echoes the request (a proxy or firewall that puts the query, the
//! form and the headers into its error text). One echoing server per
//! provider and per secret; each secret is checked raw, URL-encoded and
//! form-encoded (the secrets hold characters each encoding changes).

mod common;

use common::fake_server::{self, FakeServer, Reply, Request};
use common::log_capture::{capture_logs, captured};
use serde_json::{json, Value};

/// The request as a careless server quotes it: as sent (URL-encoded query,
/// form-encoded body) and decoded, headers included; plus `extra` (a key the
/// server names in its complaint).
fn echo(request: &Request, extra: &str) -> String {
    let decoded_body: Vec<(String, String)> =
        form_urlencoded::parse(&request.body).into_owned().collect();
    format!(
        "{} {} query={:?} headers={:?} body={} decoded={:?} {extra}",
        request.method,
        request.url,
        request.query(),
        request.headers,
        String::from_utf8_lossy(&request.body),
        decoded_body,
    )
}

/// A secret with characters that URL- and form-encoding both change.
fn secret(name: &str) -> String {
    format!("{name}/S3cr3t+{}=&x y", fastrand::u64(..))
}

fn server(answer: impl Fn(&Request, String) -> Reply + Send + Sync + 'static) -> FakeServer {
    fake_server::serve(move |rq| {
        let text = echo(&rq, "");
        answer(&rq, text)
    })
}

/// Neither the error (Display, Debug, message, source chain) nor any log
/// line holds `secret` in any form.
fn assert_clean(err: &vodkit::Error, secret: &str) {
    let encoded: String = form_urlencoded::byte_serialize(secret.as_bytes()).collect();
    let forms = [
        secret.to_owned(),
        encoded.clone(),
        encoded.replace('+', "%20"),
    ];
    let mut texts = vec![format!("{err}"), format!("{err:?}")];
    let mut cause = std::error::Error::source(err);
    while let Some(c) = cause {
        texts.push(c.to_string());
        cause = c.source();
    }
    texts.push(captured());
    for text in &texts {
        for form in &forms {
            assert!(!text.contains(form.as_str()), "{form:?} leaked into {text}");
        }
    }
    // The server's words are kept, only the secret is gone.
    assert!(format!("{err}").contains("<redacted>"), "{err}");
}

fn client(provider: &str, config: Value) -> vodkit::Client {
    vodkit::Client::new(provider, &config).unwrap()
}

#[test]
fn iqiyi_client_secret_echoed_by_authorize() {
    capture_logs();
    let s = secret("client_secret");
    let server =
        server(|_, echo| Reply::status(200, json!({"code": "A21324", "msg": echo}).to_string()));
    let c = client(
        "iqiyi",
        json!({"client_id": "app-1", "client_secret": s, "base_url": server.url, "retry": {"max_retries": 0}}),
    );
    let err = c
        .call("file/fullStatus", &json!({"file_id": "f1"}))
        .unwrap_err();
    assert_clean(&err, &s);
}

#[test]
fn iqiyi_tokens_echoed_by_a_call_and_by_the_refresh() {
    capture_logs();
    let access = secret("access_token");
    let refresh = secret("refresh_token");
    let server = server(|rq, echo| {
        let code = if rq.path().contains("oauth2/token") {
            "A21324"
        } else {
            "A21327"
        };
        Reply::status(200, json!({"code": code, "msg": echo}).to_string())
    });
    let c = client(
        "iqiyi",
        json!({"client_id": "app-1", "access_token": access, "refresh_token": refresh,
               "base_url": server.url, "retry": {"max_retries": 0}}),
    );
    let err = c
        .call("file/fullStatus", &json!({"file_id": "f1"}))
        .unwrap_err();
    assert_clean(&err, &access);
    assert_clean(&err, &refresh);
    assert!(
        captured().contains("renewal failed"),
        "the refresh was tried (and its echo logged, scrubbed)"
    );
}

#[test]
fn quvideo_password_echoed_by_the_login() {
    capture_logs();
    let s = secret("password");
    let server = server(|_, echo| {
        Reply::status(
            200,
            json!({"result": "false", "code": "300", "message": echo}).to_string(),
        )
    });
    let c = client(
        "quvideo",
        json!({"user_name": "ops", "password": s, "base_url": server.url, "retry": {"max_retries": 0}}),
    );
    let err = c.call("getVideos", &json!({})).unwrap_err();
    assert_clean(&err, &s);
}

#[test]
fn quvideo_console_token_echoed_by_a_call() {
    capture_logs();
    let s = secret("console_token");
    // An HTTP error status with the echo as its envelope's message.
    let server = server(|_, echo| {
        Reply::status(
            502,
            json!({"result": "false", "code": "500", "message": echo}).to_string(),
        )
    });
    let c = client(
        "quvideo",
        json!({"console_token": s, "base_url": server.url, "retry": {"max_retries": 0}}),
    );
    let err = c.call("getVideos", &json!({})).unwrap_err();
    assert_clean(&err, &s);
}

#[test]
fn baijiayun_secret_key_echoed_by_createkey() {
    capture_logs();
    let s = secret("secret_key");
    let server =
        server(|_, echo| Reply::status(200, json!({"code": 2003, "msg": echo}).to_string()));
    let c = client(
        "baijiayun",
        json!({"partner_id": "7", "partner_key": "pk-unused-here", "secret_key": s,
               "base_url": server.url, "retry": {"max_retries": 0}}),
    );
    let err = c
        .call(
            "partner/createkey",
            &json!({"secret_key": s, "regenerate": 0}),
        )
        .unwrap_err();
    assert_clean(&err, &s);
}

#[test]
fn baijiayun_partner_key_named_by_the_server() {
    capture_logs();
    let key = secret("partner_key");
    let quoted = key.clone();
    // The key is never sent (only signed with); a server that names it in
    // its complaint (and a 500 whose body is retried, then returned).
    let server = fake_server::serve(move |rq| {
        let text = echo(&rq, &format!("expected partner_key={quoted}"));
        Reply::status(500, json!({"code": 4001, "msg": text}).to_string())
    });
    let c = client(
        "baijiayun",
        json!({"partner_id": "7", "partner_key": key, "base_url": server.url,
               "retry": {"max_retries": 1, "initial_backoff_ms": 1}}),
    );
    let err = c
        .call("video/getStatus", &json!({"video_id": 1}))
        .unwrap_err();
    assert_clean(&err, &key);
}
