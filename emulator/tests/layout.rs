//! Where things are served: each provider's API under its own prefix, the
//! control API under `/_emulator/{provider}/`, and a JSON 404 naming the
//! known providers for any other provider.

use std::io::{Read, Write};
use std::net::TcpStream;

use md5::{Digest, Md5};
use serde_json::{json, Value};
use vodkit_emulator::{baijiayun, Config, Emulator};

struct Answer {
    status: u16,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// One HTTP/1.1 request over a fresh connection (the crate has no blocking client).
fn request(emu: &Emulator, method: &str, path: &str, content_type: &str, body: &str) -> Answer {
    let mut stream = TcpStream::connect(emu.addr()).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        emu.addr(),
        body.len()
    )
    .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    // Small answers come in one piece unless chunked; undo chunking if used.
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_owned()
    };
    Answer { status, body }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap();
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

fn get(emu: &Emulator, path: &str) -> Answer {
    request(emu, "GET", path, "application/json", "")
}

fn post_json(emu: &Emulator, path: &str, body: Value) -> Answer {
    request(emu, "POST", path, "application/json", &body.to_string())
}

/// A signed Baijiayun API call, form-encoded, to `path` (prefix included).
fn bjy_call(emu: &Emulator, path: &str, params: &[(&str, &str)]) -> Answer {
    let state = emu.baijiayun();
    let ts = state.clock().now_secs().to_string();
    let mut fields: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    fields.push(("partner_id".into(), state.config.partner_id.clone()));
    fields.push(("timestamp".into(), ts));
    fields.sort();
    let mut text: String = fields.iter().map(|(k, v)| format!("{k}={v}&")).collect();
    text.push_str(&format!("partner_key={}", state.partner_key()));
    let sign: String = Md5::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    fields.push(("sign".into(), sign));
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&fields)
        .finish();
    request(
        emu,
        "POST",
        path,
        "application/x-www-form-urlencoded",
        &body,
    )
}

fn emulator() -> Emulator {
    Emulator::start(Config::default()).unwrap()
}

#[test]
fn urls_name_the_provider() {
    let emu = emulator();
    assert_eq!(emu.root_url(), format!("http://{}", emu.addr()));
    assert_eq!(
        emu.provider_url("baijiayun"),
        format!("http://{}/baijiayun", emu.addr())
    );
    assert_eq!(emu.baijiayun().base_url(), emu.provider_url("baijiayun"));
}

#[test]
fn the_control_api_answers_under_the_provider() {
    let emu = emulator();
    let base = "/_emulator/baijiayun";

    let faults = get(&emu, &format!("{base}/faults"));
    assert_eq!(faults.status, 200);
    assert_eq!(faults.json()["fail_next"], 0);
    let set = post_json(&emu, &format!("{base}/faults"), json!({"fail_next": 2}));
    assert_eq!(set.status, 200);
    assert_eq!(set.json()["fail_next"], 2);
    assert_eq!(emu.baijiayun().faults().fail_next, 2);
    post_json(&emu, &format!("{base}/faults"), json!({}));

    bjy_call(
        &emu,
        "/baijiayun/openapi/video/getStatus",
        &[("video_id", "1")],
    );
    let stats = get(&emu, &format!("{base}/stats")).json();
    assert_eq!(stats["total"], 1);
    assert_eq!(stats["requests"]["/openapi/video/getStatus"], 1);
    assert_eq!(
        post_json(&emu, &format!("{base}/stats/reset"), json!({})).status,
        204
    );
    assert_eq!(emu.baijiayun().total_requests(), 0);

    let before = emu.baijiayun().clock().now_secs();
    let now = post_json(
        &emu,
        &format!("{base}/clock/advance"),
        json!({"seconds": 3600}),
    );
    assert_eq!(now.status, 200);
    assert!(now.json()["now"].as_i64().unwrap() >= before + 3600);

    let limit = json!({"limit": 5, "window_ms": 1000});
    assert_eq!(
        post_json(&emu, &format!("{base}/rate_limit"), limit).status,
        204
    );
    assert_eq!(
        emu.baijiayun().controls.rate_limit.limit(),
        Some((5, std::time::Duration::from_secs(1)))
    );

    assert_eq!(get(&emu, &format!("{base}/videos/1")).status, 404);
    let callbacks = get(&emu, &format!("{base}/callbacks"));
    assert_eq!((callbacks.status, callbacks.json()), (200, json!([])));

    let unknown = get(&emu, &format!("{base}/nothing"));
    assert_eq!(unknown.status, 404);
    assert!(unknown.json()["error"]
        .as_str()
        .unwrap()
        .contains("nothing"));
}

#[test]
fn an_unknown_provider_is_a_404_naming_the_known_ones() {
    let emu = emulator();
    for path in [
        "/_emulator/nope/faults",
        "/_emulator/nope/videos/1",
        // The paths of old, without a provider, are no longer served.
        "/_emulator/faults",
        "/_emulator/stats",
    ] {
        let answer = get(&emu, path);
        assert_eq!(answer.status, 404, "{path}");
        let body = answer.json();
        assert_eq!(
            body["providers"],
            json!(["baijiayun", "iqiyi", "quvideo"]),
            "{path}"
        );
        assert!(
            body["error"].as_str().unwrap().contains("baijiayun"),
            "{path}"
        );
    }
    let answer = post_json(&emu, "/_emulator/nope/clock/advance", json!({"seconds": 1}));
    assert_eq!(answer.status, 404);
}

#[test]
fn baijiayun_is_served_only_under_its_prefix() {
    let emu = emulator();
    let unprefixed = bjy_call(
        &emu,
        "/openapi/video/getUploadUrl",
        &[("file_name", "a.mp4")],
    );
    assert_eq!(unprefixed.status, 404);
    assert_eq!(get(&emu, "/upload?fid=1&token=x").status, 404);
    assert_eq!(
        emu.baijiayun().total_requests(),
        0,
        "nothing reached Baijiayun"
    );

    let created = bjy_call(
        &emu,
        "/baijiayun/openapi/video/getUploadUrl",
        &[("file_name", "a.mp4"), ("definition", "16")],
    );
    assert_eq!(created.status, 200);
    let body = created.json();
    assert_eq!(body["code"], 0, "{body}");
    let upload_url = body["data"]["upload_url"].as_str().unwrap();
    let upload_prefix = format!("{}/upload?", emu.provider_url("baijiayun"));
    assert!(upload_url.starts_with(&upload_prefix), "{upload_url}");
    assert_eq!(
        emu.baijiayun().request_count("/openapi/video/getUploadUrl"),
        1
    );
}

#[test]
fn one_providers_config_is_enough_to_start() {
    let emu = Emulator::start(baijiayun::Config {
        partner_id: "42".into(),
        ..baijiayun::Config::default()
    })
    .unwrap();
    assert_eq!(emu.baijiayun().config.partner_id, "42");
}
