//! How failures surface: classification, retries, and what is never retried.

mod common;

use std::time::Duration;

use vodkit::baijiayun::models::*;
use vodkit::baijiayun::{Client, Config};
use vodkit::http::RetryPolicy;
use vodkit::params::Params;
use vodkit::ErrorKind;
use vodkit_emulator::Faults;

#[test]
fn wrong_partner_key_is_an_auth_error_and_not_retried() {
    let emu = common::emulator();
    let config = Config::new(emu.baijiayun().config.partner_id.clone(), "not-the-key")
        .base_url(emu.provider_url("baijiayun"));
    let client = Client::new(config).unwrap();
    let err = client.get_status(&GetStatus { video_id: 1 }).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Auth);
    assert_eq!(err.provider_code(), Some("1002"));
    assert_eq!(err.message(), "sign error");
    assert_eq!(
        emu.baijiayun().request_count("/openapi/video/getStatus"),
        1,
        "auth is never retried"
    );
}

#[test]
fn unknown_partner_is_an_auth_error() {
    let emu = common::emulator();
    let client =
        Client::new(Config::new("999", "k").base_url(emu.provider_url("baijiayun"))).unwrap();
    let err = client.get_status(&GetStatus { video_id: 1 }).unwrap_err();
    assert_eq!(
        (err.kind(), err.provider_code()),
        (ErrorKind::Auth, Some("2001"))
    );
}

#[test]
fn rate_limited_requests_are_retried_then_succeed() {
    let emu = common::emulator();
    emu.baijiayun()
        .set_rate_limit(Some((3, Duration::from_millis(300))));
    let mut config = common::config(&emu);
    config.common.retry = RetryPolicy {
        max_retries: 10,
        initial_backoff: Duration::from_millis(50),
        max_backoff: Duration::from_millis(400),
        multiplier: 2.0,
    };
    let client = Client::new(config).unwrap();
    for _ in 0..8 {
        // The 429 answers carry Retry-After: 1, capped by max_backoff.
        client
            .call_raw("video_account/getTranscodeCallbackUrl", Params::new())
            .unwrap();
    }
    let sent = emu
        .baijiayun()
        .request_count("/openapi/video_account/getTranscodeCallbackUrl");
    assert!(
        sent > 8,
        "some requests were throttled and retried ({sent} sent)"
    );
}

#[test]
fn rate_limit_surfaces_as_rate_limited_when_retries_run_out() {
    let emu = common::emulator();
    emu.baijiayun()
        .set_rate_limit(Some((1, Duration::from_secs(60))));
    let mut config = common::config(&emu);
    config.common.retry.max_retries = 1;
    let client = Client::new(config).unwrap();
    client.get_status(&GetStatus { video_id: 1 }).unwrap_err(); // uses the one allowed request (1001: no such video)
    let err = client.get_status(&GetStatus { video_id: 1 }).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert_eq!(err.http_status(), Some(429));
    assert_eq!(err.provider_code(), Some("429"));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(1)));
}

#[test]
fn server_errors_are_retried_per_policy() {
    let emu = common::emulator();
    let client = common::client(&emu); // 4 retries
    emu.baijiayun().set_faults(Faults {
        fail_next: 3,
        ..Faults::default()
    });
    let data = client
        .call_raw("video_account/getTranscodeCallbackUrl", Params::new())
        .unwrap();
    assert_eq!(data["url"], "");
    assert_eq!(
        emu.baijiayun()
            .request_count("/openapi/video_account/getTranscodeCallbackUrl"),
        4
    );

    emu.baijiayun().set_faults(Faults {
        fail_next: 10,
        ..Faults::default()
    });
    let err = client
        .call_raw("video_account/getTranscodeCallbackUrl", Params::new())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!(err.http_status(), Some(500));
    assert_eq!(
        emu.baijiayun()
            .request_count("/openapi/video_account/getTranscodeCallbackUrl"),
        4 + 5
    );

    let mut config = common::config(&emu);
    config.common.retry = RetryPolicy::none();
    let client = Client::new(config).unwrap();
    emu.baijiayun().set_faults(Faults {
        fail_next: 1,
        ..Faults::default()
    });
    let before = emu.baijiayun().total_requests();
    assert_eq!(
        client
            .get_status(&GetStatus { video_id: 1 })
            .unwrap_err()
            .kind(),
        ErrorKind::Server
    );
    assert_eq!(emu.baijiayun().total_requests(), before + 1);
}

#[test]
fn network_errors_are_classified_and_retried() {
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut config = Config::new("1", "k").base_url(format!("http://127.0.0.1:{port}"));
    config.common.retry = RetryPolicy {
        max_retries: 2,
        initial_backoff: Duration::from_millis(1),
        max_backoff: Duration::from_millis(5),
        multiplier: 2.0,
    };
    let err = Client::new(config)
        .unwrap()
        .get_status(&GetStatus { video_id: 1 })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network);
    assert!(err.is_retryable());
}

#[test]
fn invalid_parameters_are_invalid_input_with_the_provider_code() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let err = client
        .call_raw("video/getStatus", Params::new())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.provider_code(), Some("1001"));
    assert_eq!(err.message(), "video_id is required");
    assert_eq!(
        emu.baijiayun().request_count("/openapi/video/getStatus"),
        1,
        "never retried"
    );
}

#[test]
fn the_generic_call_signs_any_path_and_returns_data() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let params: Params = [("url", "http://127.0.0.1:1/cb")].into_iter().collect();
    let data = client
        .call_raw("/video_account/setTranscodeCallbackUrl", params)
        .unwrap();
    assert_eq!(data, serde_json::json!({ "url": "http://127.0.0.1:1/cb" }));
    let data = client
        .call_raw_json(
            "video_account/getTranscodeCallbackUrl",
            &serde_json::json!({}),
        )
        .unwrap();
    assert_eq!(data["url"], "http://127.0.0.1:1/cb");
    let err = client.call_raw("video/nothing", Params::new()).unwrap_err();
    assert_eq!(
        (err.http_status(), err.provider_code()),
        (Some(404), Some("404"))
    );
    for bad in ["", "../x", "a?b=1"] {
        assert_eq!(
            client.call_raw(bad, Params::new()).unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
    }
}
