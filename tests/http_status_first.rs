//! Issue 20, item 9: an HTTP error status is an error whatever the body's
//! code, for every provider (iQiyi's fullStatus answered HTTP 400 with the
//! state code A00001 was returned as that state).

mod common;

use common::fake_server::{self, Reply};
use serde_json::json;
use vodkit::ErrorKind;

/// `operation` of `provider` against a server answering every request with
/// `status` and `body`: must fail with that status.
fn assert_status_error(
    provider: &str,
    mut config: serde_json::Value,
    operation: &str,
    params: serde_json::Value,
    body: serde_json::Value,
) {
    for status in [400u16, 404] {
        let body = body.to_string();
        let server = fake_server::serve(move |_| Reply::status(status, body.clone()));
        config["base_url"] = json!(server.url);
        config["retry"] = json!({"max_retries": 0});
        let client = vodkit::Client::new(provider, &config).unwrap();
        let err = client
            .call(operation, &params)
            .expect_err("an HTTP error status answered as success");
        assert_eq!(err.http_status(), Some(status), "{provider}: {err}");
        assert_eq!(err.kind(), ErrorKind::Provider, "{provider}: {err}");
    }
}

#[test]
fn iqiyi_full_status_with_a_state_code_under_http_400() {
    assert_status_error(
        "iqiyi",
        json!({"client_id": "app", "access_token": "at-1234", "refresh_token": "rt-1234"}),
        "file/fullStatus",
        json!({"file_id": "f1"}),
        json!({"code": "A00001", "data": {}, "msg": ""}),
    );
}

#[test]
fn baijiayun_success_code_under_http_400() {
    assert_status_error(
        "baijiayun",
        json!({"partner_id": "7", "partner_key": "pk-1234"}),
        "video/getStatus",
        json!({"video_id": 1}),
        json!({"code": 0, "data": {"status": 100}, "msg": "", "ts": 1}),
    );
}

#[test]
fn quvideo_success_under_http_400() {
    assert_status_error(
        "quvideo",
        json!({"console_token": "ct-1234"}),
        "getVideos",
        json!({}),
        json!({"result": "true", "code": "200", "message": "", "data": {"total": 0, "videoList": []}}),
    );
}
