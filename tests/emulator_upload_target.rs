//! The emulator's upload target: with `upload_target` set, Baijiayun's
//! getUploadUrl / getResumeUploadUrl and iQiyi's openupload hand out URLs on
//! another server (here a small loopback server of the test's own that
//! answers as the provider's upload host would), the SDK's bytes go there
//! and nowhere else, and `{"url": null}` brings them back to the emulator.

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use common::fake_server::{self, FakeServer, Reply};
use md5::{Digest, Md5};
use serde_json::{json, Value};
use vodkit_emulator::Emulator;

const MIB: u64 = 1024 * 1024;

/// One request the target server got.
#[derive(Debug, Clone)]
struct Seen {
    /// Path and query, as sent.
    url: String,
    /// The file part's bytes: how many, and their MD5.
    file_len: u64,
    file_md5: String,
}

/// A loopback upload host standing in for the provider's: it reads each
/// multipart request, keeps what it saw, and answers as `answer` says.
struct Target {
    url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    _server: FakeServer,
}

type Answer = fn(&HashMap<String, String>, &[u8], u64) -> Value;

impl Target {
    fn start(path: &str, answer: Answer) -> Target {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let server = {
            let seen = seen.clone();
            fake_server::serve(move |request| {
                let mut fields: HashMap<String, String> =
                    request.headers.clone().into_iter().collect();
                let boundary = fields["content-type"]
                    .split("boundary=")
                    .nth(1)
                    .unwrap()
                    .trim_matches('"')
                    .to_owned();
                let (parts, file) = multipart(&request.body, &boundary);
                fields.extend(parts);
                let held = match fields.get("content-range") {
                    // `bytes START-END/TOTAL`: the host then holds END + 1.
                    Some(range) => {
                        let end = range.split(['-', '/']).nth(1).unwrap();
                        end.parse::<u64>().unwrap() + 1
                    }
                    None => file.len() as u64,
                };
                seen.lock().unwrap().push(Seen {
                    url: request.url.clone(),
                    file_len: file.len() as u64,
                    file_md5: hex(&Md5::digest(file)),
                });
                Reply::ok(answer(&fields, file, held).to_string())
            })
        };
        Target {
            url: format!("{}{path}", server.url),
            seen,
            _server: server,
        }
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// The text fields of a multipart body, and the bytes of its file part
/// (the part with a `filename`).
fn multipart<'a>(body: &'a [u8], boundary: &str) -> (HashMap<String, String>, &'a [u8]) {
    let delimiter = format!("--{boundary}");
    let mut fields = HashMap::new();
    let mut file: &[u8] = &[];
    let mut rest = body;
    while let Some(at) = find(rest, delimiter.as_bytes()) {
        rest = &rest[at + delimiter.len()..];
        if rest.starts_with(b"--") {
            break;
        }
        let head_end = find(rest, b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&rest[..head_end]).to_string();
        let data_start = head_end + 4;
        let next = find(&rest[data_start..], format!("\r\n{delimiter}").as_bytes()).unwrap();
        let data = &rest[data_start..data_start + next];
        let name = head
            .split("name=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_owned();
        if head.contains("filename=") {
            file = data;
        } else {
            fields.insert(name, String::from_utf8_lossy(data).into_owned());
        }
        rest = &rest[data_start + next + 2..];
    }
    (fields, file)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn control(emu: &Emulator, provider: &str, body: Value) -> (u16, Value) {
    let response = common::http_client()
        .post(format!(
            "{}/_emulator/{provider}/upload_target",
            emu.root_url()
        ))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .unwrap();
    let status = response.status().as_u16();
    (
        status,
        serde_json::from_str(&response.text().unwrap()).unwrap(),
    )
}

/// Baijiayun's upload host answers code 1 and how much it holds.
fn baijiayun_answer(_: &HashMap<String, String>, _: &[u8], held: u64) -> Value {
    json!({ "code": 1, "msg": "success", "data": { "upload_size": held } })
}

#[test]
fn baijiayun_upload_urls_point_at_the_target_until_it_is_cleared() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let target = Target::start("/sink/upload", baijiayun_answer);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "v.mp4", 3 * MIB + 5);
    let md5 = common::md5_file(&path);

    assert_eq!(
        control(&emu, "baijiayun", json!({ "url": target.url })),
        (200, json!({ "ok": true }))
    );
    let up = client
        .upload(&path, &vodkit::baijiayun::UploadOptions::default())
        .unwrap();
    let seen = target.seen();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(
        (seen[0].file_len, seen[0].file_md5.as_str()),
        (3 * MIB + 5, md5.as_str())
    );
    // The provider's query (fid, ts, token) rides on the target's URL.
    let token = emu.baijiayun().bjy_video(up.video_id).unwrap().upload_token;
    assert!(
        seen[0]
            .url
            .starts_with(&format!("/sink/upload?fid={}&ts=", up.video_id))
            && seen[0].url.ends_with(&format!("&token={token}")),
        "{}",
        seen[0].url
    );
    assert_eq!(emu.baijiayun().request_count("/upload"), 0);
    assert_eq!(
        emu.baijiayun().video(up.video_id).unwrap().received_bytes,
        0
    );

    // getResumeUploadUrl hands out the target too (from Rust this time).
    let resume = client
        .get_resume_upload_url(&vodkit::baijiayun::GetResumeUploadUrl {
            video_id: up.video_id,
            use_https: None,
        })
        .unwrap();
    assert!(resume
        .upload_url
        .starts_with(&format!("{}?fid=", target.url)));

    // Cleared: the bytes come to the emulator again.
    assert_eq!(
        control(&emu, "baijiayun", json!({ "url": null })),
        (200, json!({ "ok": true }))
    );
    let again = client
        .upload(&path, &vodkit::baijiayun::UploadOptions::default())
        .unwrap();
    assert_eq!(target.seen().len(), 1);
    let stored = emu.baijiayun().video(again.video_id).unwrap();
    assert_eq!(stored.received_bytes, 3 * MIB + 5);
    assert_eq!(stored.md5.as_deref(), Some(md5.as_str()));
    assert_eq!(emu.baijiayun().request_count("/upload"), 1);
}

/// iQiyi's chunk host answers each range with its MD5 and length.
fn iqiyi_answer(fields: &HashMap<String, String>, file: &[u8], _: u64) -> Value {
    json!({
        "code": "A00000",
        "range_md5": hex(&Md5::digest(file)),
        "file_range_accepted": file.len(),
        "file_id": fields["file_id"],
    })
}

#[test]
fn iqiyi_chunks_go_to_the_target_and_finish_at_the_emulator() {
    let emu = common::iqiyi::emulator();
    let client = common::iqiyi::client(&emu);
    let target = Target::start("/qichuan", iqiyi_answer);
    let dir = tempfile::tempdir().unwrap();
    let len = 3 * MIB + 7;
    let path = common::random_file(dir.path(), "v.mp4", len);
    let options = vodkit::iqiyi::UploadOptions {
        part_size: Some(MIB),
        ..Default::default()
    };

    emu.set_upload_target("iqiyi", Some(&target.url)).unwrap();
    let up = client.upload(&path, &options).unwrap();
    let seen = target.seen();
    assert_eq!(seen.len(), 4, "{seen:?}");
    assert!(seen.iter().all(|s| s.url == "/qichuan"));
    assert_eq!(seen.iter().map(|s| s.file_len).sum::<u64>(), len);
    assert_eq!(emu.iqiyi().controls.requests.count_of("/qichuan/upload"), 0);
    // The emulator never saw the bytes: the file is finished without an MD5.
    let f = emu.iqiyi().file(&up.file_id).unwrap();
    assert!(f.finished && f.md5.is_none() && f.received == 0, "{f:?}");

    emu.set_upload_target("iqiyi", None).unwrap();
    let again = client.upload(&path, &options).unwrap();
    assert_eq!(target.seen().len(), 4);
    let f = emu.iqiyi().file(&again.file_id).unwrap();
    assert_eq!(f.received, len);
    assert_eq!(f.md5.as_deref(), Some(common::md5_file(&path).as_str()));
}

#[test]
fn a_bad_target_or_provider_is_refused_and_changes_nothing() {
    let emu = common::emulator();
    let (status, body) = control(&emu, "iqiyi", json!({ "url": "ftp://127.0.0.1/x" }));
    assert_eq!(status, 400);
    assert_eq!(body["ok"], false);
    assert!(
        body["error"].as_str().unwrap().contains("http://"),
        "{body}"
    );
    let err = emu
        .set_upload_target("quvideo", Some("http://127.0.0.1:1/"))
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    assert!(err.to_string().contains("baijiayun"), "{err}");
    assert!(emu
        .set_upload_target("baijiayun", Some("not a url"))
        .is_err());
    assert_eq!(emu.baijiayun().upload_target.get(), None);
    assert_eq!(emu.iqiyi().upload_target.get(), None);
}
