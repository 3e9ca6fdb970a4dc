//! The 趣视频 console's wire, as the AppServer's source has it: string
//! `result` and `code`, the bare 403 without `result`/`data`, 301 for an
//! expired token, `consoleToken` only, one method per operation (HTTP 405
//! for the other), paging required, the lockout (411).

use std::io::{Read, Write};
use std::net::TcpStream;

use serde_json::Value;
use vodkit_emulator::Emulator;

/// One HTTP/1.1 request over a fresh connection: (status, JSON body).
fn request(emu: &Emulator, method: &str, path: &str, form: &str) -> (u16, Value) {
    let mut stream = TcpStream::connect(emu.addr()).unwrap();
    write!(
        stream,
        "{method} /quvideo{path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    )
    .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        let (_, rest) = body.split_once("\r\n").unwrap();
        rest.rsplit_once("\r\n0")
            .map_or(rest, |(b, _)| b)
            .trim_end()
            .to_owned()
    } else {
        body.to_owned()
    };
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

fn login(emu: &Emulator) -> String {
    let c = &emu.quvideo().config;
    let (status, body) = request(
        emu,
        "POST",
        "/console/user/login",
        &format!("userName={}&password={}", c.user_name, c.password),
    );
    assert_eq!(status, 200);
    assert_eq!(body["result"], "true");
    assert_eq!(body["code"], "200");
    assert!(body["requestId"].as_str().unwrap().len() >= 32);
    body["data"]["consoleToken"].as_str().unwrap().to_owned()
}

#[test]
fn answers_have_string_result_and_code() {
    let emu = Emulator::start(vodkit_emulator::Config::default()).unwrap();
    let token = login(&emu);
    let (status, body) = request(
        &emu,
        "GET",
        &format!("/console/vod/getVideos?consoleToken={token}&pageIndex=1&pageSize=2"),
        "",
    );
    assert_eq!(status, 200);
    assert_eq!(
        (body["result"].as_str(), body["code"].as_str()),
        (Some("true"), Some("200"))
    );
    assert_eq!(body["data"]["total"], "7");
    let first = &body["data"]["videoList"][0];
    assert!(first["SnapshotList"].is_array() && first["fileUrlList"].is_array());
    // Paging is required.
    let (_, body) = request(
        &emu,
        "GET",
        &format!("/console/vod/getVideos?consoleToken={token}"),
        "",
    );
    assert_eq!(
        (body["result"].as_str(), body["code"].as_str()),
        (Some("false"), Some("300"))
    );
}

#[test]
fn tokens_are_checked_with_the_bare_403_and_expire_with_301() {
    let emu = Emulator::start(vodkit_emulator::Config::default()).unwrap();
    let (_, bare) = request(&emu, "GET", "/console/vod/getVideoById?videoId=vid001", "");
    assert_eq!(
        bare,
        serde_json::json!({"code": "403", "message": "Please log in the system!"})
    );
    let token = login(&emu);
    // The document's spelling is not read.
    let (_, body) = request(
        &emu,
        "GET",
        &format!("/console/vod/getVideoById?videoId=vid001&consoletoken={token}"),
        "",
    );
    assert_eq!(body["code"], "403");
    assert!(body.get("result").is_none());
    let (_, ok) = request(
        &emu,
        "GET",
        &format!("/console/vod/getVideoById?videoId=vid001&consoleToken={token}"),
        "",
    );
    assert_eq!(ok["data"]["videoId"], "vid001");
    emu.quvideo().clock().advance_ms(7201 * 1000);
    let (_, expired) = request(
        &emu,
        "GET",
        &format!("/console/vod/getVideoById?videoId=vid001&consoleToken={token}"),
        "",
    );
    assert_eq!(
        (expired["result"].as_str(), expired["code"].as_str()),
        (Some("false"), Some("301"))
    );
}

#[test]
fn each_operation_has_one_method() {
    let emu = Emulator::start(vodkit_emulator::Config::default()).unwrap();
    let token = login(&emu);
    let (status, _) = request(
        &emu,
        "GET",
        &format!("/console/vod/createAudit?consoleToken={token}&mediaId=vid001&status=Normal"),
        "",
    );
    assert_eq!(status, 405);
    let (status, _) = request(
        &emu,
        "GET",
        "/console/user/login?userName=admin&password=x",
        "",
    );
    assert_eq!(status, 405);
    let (status, body) = request(
        &emu,
        "POST",
        "/console/vod/createAudit",
        &format!("consoleToken={token}&mediaId=vid001&status=Normal"),
    );
    assert_eq!((status, body["code"].as_str()), (200, Some("200")));
    assert_eq!(
        emu.quvideo().video("vid001").unwrap().censor_status,
        "Normal"
    );
}

#[test]
fn five_bad_logins_lock_the_account() {
    let emu = Emulator::start(vodkit_emulator::Config::default()).unwrap();
    let codes: Vec<String> = (0..6)
        .map(|_| {
            request(
                &emu,
                "POST",
                "/console/user/login",
                "userName=admin&password=bad",
            )
            .1["code"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(codes, ["401", "401", "401", "401", "411", "411"]);
    assert!(emu.quvideo().is_locked());
}
