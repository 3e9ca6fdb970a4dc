//! Transport settings: retry settings that can't panic, proxy credentials
//! that never show, the system proxy honoured, and extra CA certificates.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::time::Duration;

use vodkit::baijiayun::{Client, Config};
use vodkit::http::{HttpConfig, ProxyUrl, RetryPolicy};
use vodkit::ErrorKind;

/// Issue 11, item 4: a large `retry.multiplier` made `Duration::mul_f64`
/// panic in the back-off; nonsense is now refused when the client is built.
#[test]
fn retry_settings_are_checked_and_the_backoff_saturates() {
    for retry in [
        serde_json::json!({"multiplier": 1e300}),
        serde_json::json!({"multiplier": 0.5}),
        serde_json::json!({"max_retries": 1_000_000}),
        serde_json::json!({"initial_backoff_ms": 5000, "max_backoff_ms": 10}),
        serde_json::json!({"max_backoff_ms": u64::MAX}),
    ] {
        let config = serde_json::json!({
            "partner_id": "1", "partner_key": "k", "base_url": "http://127.0.0.1:9",
            "retry": retry,
        });
        let err = vodkit::Client::new("baijiayun", &config).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{retry}: {err}");
    }
    // A policy built in code, never validated, still can't panic.
    for multiplier in [f64::MAX, f64::INFINITY, f64::NAN, 1e300, -5.0, 0.0] {
        let p = RetryPolicy {
            max_retries: 100,
            initial_backoff: Duration::from_secs(3600),
            max_backoff: Duration::MAX,
            multiplier,
        };
        for attempt in [0, 1, 30, 1000, u32::MAX] {
            assert!(p.backoff(attempt, None) <= Duration::from_secs(3600));
        }
    }
}

/// Issue 11, item 8: `Debug` of the HTTP config showed `user:password@`.
#[test]
fn proxy_credentials_never_show() {
    let http = HttpConfig {
        proxy: Some(ProxyUrl::new("http://user:hunter2@127.0.0.1:3128")),
        ..HttpConfig::default()
    };
    let shown = format!("{http:?}");
    assert!(
        !shown.contains("hunter2") && !shown.contains("user:"),
        "{shown}"
    );
    assert!(shown.contains("127.0.0.1:3128"), "{shown}");
    let client = Client::new(
        Config::new("1", "partner-key-x")
            .base_url("http://127.0.0.1:9")
            .http(http),
    )
    .unwrap();
    let shown = format!("{client:?} {:?}", client.as_client());
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(!shown.contains("partner-key-x"), "{shown}");
}

/// A proxy on loopback that answers every request itself and records the
/// request line (a proxied request names the absolute URL).
fn proxy() -> (String, std::sync::mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line.trim().to_owned());
            let body = br#"{"code":0,"data":{"status":10,"info":"x"}}"#;
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(body);
        }
    });
    (url, rx)
}

/// Issue 11, item 10: with no proxy configured the transport called
/// `no_proxy()`, so `HTTP_PROXY`/`HTTPS_PROXY` were ignored. The variables are
/// process-wide: this is the only test of this binary that reads them.
#[test]
fn the_system_proxy_is_honoured_unless_turned_off() {
    let (proxy_url, requests) = proxy();
    // Nothing listens at the target: only the proxy can answer.
    let target = "http://vod.example.invalid:81";
    std::env::set_var("HTTP_PROXY", &proxy_url);
    std::env::set_var("http_proxy", &proxy_url);
    std::env::remove_var("NO_PROXY");
    std::env::remove_var("no_proxy");
    let retry = RetryPolicy::none();
    let client = Client::new(
        Config::new("1", "k")
            .base_url(target)
            .retry(retry.clone())
            .request_timeout(Duration::from_secs(5)),
    )
    .unwrap();
    let status = client
        .get_status(&vodkit::baijiayun::GetStatus { video_id: 7 })
        .unwrap();
    assert_eq!(status.status, 10);
    let line = requests.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(
        line.starts_with("POST http://vod.example.invalid:81/openapi/video/getStatus"),
        "{line}"
    );

    // `no_proxy: true` connects directly (and so fails: nothing is there).
    let direct = vodkit::Client::new(
        "baijiayun",
        &serde_json::json!({
            "partner_id": "1", "partner_key": "k", "base_url": target,
            "no_proxy": true, "request_timeout_ms": 3000, "retry": {"max_retries": 0},
        }),
    )
    .unwrap();
    let err = direct
        .call("video/getStatus", &serde_json::json!({"video_id": 7}))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    assert!(requests.try_recv().is_err(), "the proxy was not used");
    std::env::remove_var("HTTP_PROXY");
    std::env::remove_var("http_proxy");
}

/// Item 10: `ca_file` adds certificates; a file that holds none is refused.
#[test]
fn ca_file_is_read_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let build = |path: &std::path::Path| {
        vodkit::Client::new(
            "baijiayun",
            &serde_json::json!({
                "partner_id": "1", "partner_key": "k", "base_url": "https://127.0.0.1:9",
                "ca_file": path,
            }),
        )
    };
    let garbage = dir.path().join("garbage.pem");
    std::fs::write(&garbage, "not a certificate").unwrap();
    assert_eq!(build(&garbage).unwrap_err().kind(), ErrorKind::InvalidInput);
    let missing = dir.path().join("missing.pem");
    assert_eq!(build(&missing).unwrap_err().kind(), ErrorKind::Io);
    // The system's bundle, where there is one, is a valid PEM file.
    let bundle = std::path::Path::new("/etc/ssl/certs/ca-certificates.crt");
    if bundle.is_file() {
        build(bundle).unwrap();
    }
}
