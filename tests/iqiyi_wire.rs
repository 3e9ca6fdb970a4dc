//! The captured exchanges of PROVIDERS.md §2 as fixtures: a loopback server
//! records what the client sends and answers with the documented bodies.
//! The client must send openupload with `role=openapi` and its parameters as
//! headers and query, chunks with `range` inclusive (`102400-112639` for the
//! 10,240 bytes from 102400) as headers and form fields with the file part
//! `file` (`filename="upload_file"`), meta before `uploadfinish`, and read
//! the refresh answer without an envelope.

mod common;

use std::sync::{Arc, Mutex, OnceLock};

use md5::{Digest, Md5};
use vodkit::iqiyi::models::oauth::*;
use vodkit::iqiyi::{Client, Config, UploadOptions};

use common::fake_server::{self, FakeServer, Reply, Request};

/// Records every request and answers with the documented bodies.
fn serve(file: Vec<u8>) -> (FakeServer, Arc<Mutex<Vec<Request>>>) {
    let seen: Arc<Mutex<Vec<Request>>> = Arc::default();
    let base: Arc<OnceLock<String>> = Arc::default();
    let (s, b) = (seen.clone(), base.clone());
    let server = fake_server::serve(move |rq| {
        let b = b.get().unwrap();
        let answer = match rq.path() {
            "/openapi/api/iqiyi/authorize" => r#"{"code": "A00000", "data": {"access_token": "AT1", "expires_in": 60, "refresh_token": "RT1"}}"#.to_owned(),
            // Section 3 prints the refresh answer without an envelope.
            "/openapi/api/oauth2/token" => r#"{"access_token": "AT2", "expires_in": 60, "refresh_token": "RT2"}"#.to_owned(),
            "/upload/openupload" => format!(
                r#"{{"code": "A00000", "data": {{"upload_url": "{b}/qichuan/upload", "file_id": "4004551398f84a38a371e107f099d27e"}}}}"#
            ),
            "/qichuan/upload" => {
                let range = &rq.headers["range"];
                let (a, z) = range.split_once('-').unwrap();
                let (a, z): (usize, usize) = (a.parse().unwrap(), z.parse().unwrap());
                let md5: String = Md5::digest(&file[a..=z]).iter().map(|b| format!("{b:02x}")).collect();
                format!(
                    r#"{{"code": "A00000", "range_md5": "{md5}", "file_range_accepted": {}, "file_id": "4004551398f84a38a371e107f099d27e"}}"#,
                    z - a + 1
                )
            }
            "/openapi/api/file/info" => r#"{"code": "A00000", "msg": ""}"#.to_owned(),
            _ => r#"{"code": "A00000"}"#.to_owned(),
        };
        s.lock().unwrap().push(rq);
        Reply::ok(answer)
    });
    base.set(server.url.clone()).unwrap();
    (server, seen)
}

#[test]
fn the_client_sends_the_captured_requests_and_reads_the_documented_answers() {
    common::log_to_stderr();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "capture.mp4", 112_640);
    let bytes = std::fs::read(&path).unwrap();
    let (server, seen) = serve(bytes);
    let client = Client::new(Config::new("APP_KEY", "APP_SECRET").base_url(&server.url)).unwrap();
    let up = client
        .upload(
            &path,
            &UploadOptions {
                part_size: Some(10_240),
                description: Some("desc".into()),
                ..UploadOptions::default()
            },
        )
        .unwrap();
    assert_eq!(up.file_id, "4004551398f84a38a371e107f099d27e");
    let seen = seen.lock().unwrap().clone();
    let paths: Vec<&str> = seen.iter().map(|s| s.path()).collect();
    assert_eq!(paths[0], "/openapi/api/iqiyi/authorize");
    let q = seen[0].query();
    assert_eq!(
        (q["client_id"].as_str(), q["client_secret"].as_str()),
        ("APP_KEY", "APP_SECRET")
    );

    assert_eq!(paths[1], "/upload/openupload");
    let open = &seen[1];
    assert_eq!(open.method, "GET");
    let q = open.query();
    for (k, v) in [
        ("filetype", "mp4"),
        ("filesize", "112640"),
        ("access_token", "AT1"),
        ("role", "openapi"),
    ] {
        assert_eq!(q[k], v, "query {k}");
        assert_eq!(open.headers[k], v, "header {k}");
    }

    let chunks: Vec<&Request> = seen.iter().filter(|s| s.url == "/qichuan/upload").collect();
    assert_eq!(chunks.len(), 11);
    let last = chunks
        .iter()
        .find(|c| c.headers["range"] == "102400-112639")
        .expect("the captured range, inclusive");
    assert_eq!(last.method, "POST");
    assert_eq!(last.headers["file_id"], "4004551398f84a38a371e107f099d27e");
    assert_eq!(last.headers["file_size"], "112640");
    let body = String::from_utf8_lossy(&last.body);
    assert!(
        body.contains("name=\"range\"\r\n\r\n102400-112639\r\n"),
        "{}",
        &body[..300]
    );
    assert!(body.contains("name=\"file_size\"\r\n\r\n112640\r\n"));
    assert!(body.contains("name=\"file_id\"\r\n\r\n4004551398f84a38a371e107f099d27e\r\n"));
    assert!(body.contains("name=\"file\"; filename=\"upload_file\""));
    assert!(chunks.iter().any(|c| c.headers["range"] == "0-10239"));

    // Meta, then finish: the last two requests of the upload; then the
    // status that says whether iQiyi takes the file for a repeat.
    let n = seen.len() - 1;
    assert_eq!(paths[n], "/openapi/api/file/fullStatus");
    assert_eq!(
        seen[n].query()["file_id"],
        "4004551398f84a38a371e107f099d27e"
    );
    assert_eq!(up.duplicate_of, None);
    assert_eq!(paths[n - 2], "/openapi/api/file/info");
    let q = seen[n - 2].query();
    assert_eq!(q["file_name"], "capture.mp4");
    assert_eq!(q["description"], "desc");
    assert_eq!(q["access_token"], "AT1");
    assert_eq!(q["file_id"], "4004551398f84a38a371e107f099d27e");
    assert_eq!(paths[n - 1], "/upload/uploadfinish");
    let fin = &seen[n - 1];
    assert_eq!(fin.method, "POST");
    let q = fin.query();
    for (k, v) in [
        ("range_finished", "true"),
        ("access_token", "AT1"),
        ("file_id", "4004551398f84a38a371e107f099d27e"),
    ] {
        assert_eq!(q[k], v);
        assert_eq!(fin.headers[k], v);
    }

    // The refresh answer without an envelope is adopted.
    let grant = client.refresh_token(&RefreshToken::default()).unwrap();
    assert_eq!(grant.access_token, "AT2");
    assert_eq!(client.tokens().refresh_token.expose(), "RT2");
}
