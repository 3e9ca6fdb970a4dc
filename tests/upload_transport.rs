//! Upload bodies go through their own (async) client: it must honour every
//! transport setting the API calls honour.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

use vodkit::baijiayun::{Client, Config, UploadOptions};
use vodkit::http::{HttpConfig, ProxyUrl, RetryPolicy};

/// What the proxy saw of one request.
#[derive(Debug)]
struct Seen {
    line: String,
    user_agent: String,
    body_len: usize,
}

/// A proxy on loopback that answers every request itself, as Baijiayun's
/// API (getUploadUrl) and upload endpoint would, after reading the whole body.
fn proxy() -> (String, mpsc::Receiver<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let (mut len, mut user_agent) = (0usize, String::new());
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                    break;
                }
                let (k, v) = h.split_once(':').unwrap_or_default();
                match k.trim().to_ascii_lowercase().as_str() {
                    "content-length" => len = v.trim().parse().unwrap_or(0),
                    "user-agent" => user_agent = v.trim().to_owned(),
                    _ => {}
                }
            }
            let mut body = vec![0u8; len];
            let _ = reader.read_exact(&mut body);
            let answer = if line.contains("getUploadUrl") {
                r#"{"code":0,"data":{"video_id":7,"upload_url":"http://upload.example.invalid:81/up"}}"#
            } else {
                r#"{"code":1,"data":{}}"#
            };
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
            let _ = tx.send(Seen {
                line: line.trim().to_owned(),
                user_agent,
                body_len: len,
            });
        }
    });
    (url, rx)
}

#[test]
fn an_upload_body_goes_through_the_configured_proxy_with_the_user_agent() {
    let (proxy_url, seen) = proxy();
    let http = HttpConfig {
        proxy: Some(ProxyUrl::new(proxy_url)),
        user_agent: "upload-agent/1".into(),
        ..HttpConfig::default()
    };
    // Nothing listens at these hosts: only the proxy can answer.
    let client = Client::new(
        Config::new("1", "k")
            .base_url("http://vod.example.invalid:81")
            .retry(RetryPolicy::none())
            .http(http),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.mp4");
    let size = 3 * 1024 * 1024 + 5;
    std::fs::write(&path, vec![9u8; size]).unwrap();
    let options = UploadOptions {
        use_https: false,
        // The proxy answers as the upload host only: no getInfo to compare
        // the end-to-end MD5 with.
        common: vodkit::upload::CommonUploadOptions {
            verify_md5: false,
            ..Default::default()
        },
        ..UploadOptions::default()
    };
    let up = client.upload(&path, &options).unwrap();
    assert_eq!((up.video_id, up.bytes), (7, size as u64));

    let api = seen.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(api.line.contains("getUploadUrl"), "{api:?}");
    let upload = seen.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(
        upload
            .line
            .starts_with("POST http://upload.example.invalid:81/up "),
        "{upload:?}"
    );
    assert_eq!(upload.user_agent, "upload-agent/1");
    // The file and its multipart framing.
    assert!(upload.body_len > size, "{upload:?}");
}
