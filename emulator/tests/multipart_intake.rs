//! Baijiayun's upload endpoint over a real socket, its multipart body
//! written in pieces with pauses between them, so the server's reads end
//! inside delimiters and header blocks: the file (full of near-delimiters)
//! is stored byte for byte with fields before and after it, and a body
//! without its closing boundary is refused.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::Value;
use vodkit_emulator::baijiayun::store::video::UPLOADING;
use vodkit_emulator::common::digest::md5_hex;
use vodkit_emulator::Emulator;

const BOUNDARY: &str = "------------------------d74496d66958873e";

/// getUploadUrl, signed as Baijiayun documents: (video id, path and query).
fn upload_path(emu: &Emulator) -> (i64, String) {
    let config = &emu.baijiayun().config;
    let ts = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let sign = md5_hex(
        format!(
            "definition=1&file_name=a.mp4&partner_id={}&timestamp={ts}&partner_key={}",
            config.partner_id,
            emu.baijiayun().partner_key()
        )
        .as_bytes(),
    );
    let form = format!(
        "definition=1&file_name=a.mp4&partner_id={}&timestamp={ts}&sign={sign}",
        config.partner_id
    );
    let (status, body) = send(
        emu,
        "/baijiayun/openapi/video/getUploadUrl",
        "application/x-www-form-urlencoded",
        &[form.into_bytes()],
    );
    assert_eq!(status, 200, "{body}");
    let url = body["data"]["upload_url"].as_str().unwrap();
    let path = url.split_once("/baijiayun").unwrap().1;
    (
        body["data"]["video_id"].as_i64().unwrap(),
        format!("/baijiayun{path}"),
    )
}

/// One POST whose body goes out in `pieces`, a pause after each, so each
/// lands in a read of its own: (status, JSON answer).
fn send(emu: &Emulator, path: &str, content_type: &str, pieces: &[Vec<u8>]) -> (u16, Value) {
    let mut stream = TcpStream::connect(emu.addr()).unwrap();
    stream.set_nodelay(true).unwrap();
    let length: usize = pieces.iter().map(Vec::len).sum();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         Content-Type: {content_type}\r\nContent-Length: {length}\r\n\r\n"
    )
    .unwrap();
    for piece in pieces {
        stream.write_all(piece).unwrap();
        stream.flush().unwrap();
        std::thread::sleep(Duration::from_millis(30));
    }
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let raw = String::from_utf8_lossy(&raw);
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split(' ').nth(1).unwrap_or("0").parse().unwrap();
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

fn field(name: &str, value: &str) -> Vec<u8> {
    format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
        .into_bytes()
}

/// A file whose bytes hold every beginning of the delimiter and CRLFs.
fn tricky_file() -> Vec<u8> {
    let mut rng = fastrand::Rng::with_seed(3);
    let delimiter = format!("\r\n--{BOUNDARY}");
    let mut file = Vec::new();
    for i in 0..delimiter.len() {
        file.extend_from_slice(&delimiter.as_bytes()[..i]);
        file.extend((0..rng.usize(0..3000)).map(|_| rng.u8(..)));
    }
    file.extend_from_slice(b"\r\n");
    file
}

/// The body cut at each offset in `cuts`.
fn pieces(body: &[u8], cuts: &[usize]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut from = 0;
    for &c in cuts {
        out.push(body[from..c].to_vec());
        from = c;
    }
    out.push(body[from..].to_vec());
    out
}

#[test]
fn a_file_between_fields_arrives_whole_however_the_reads_fall() {
    let emu = Emulator::start(vodkit_emulator::Config::default()).unwrap();
    let file = tricky_file();
    let mut body = field("before", "1");
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.mp4\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    let file_at = body.len();
    body.extend_from_slice(&file);
    let file_end = body.len();
    body.extend_from_slice(b"\r\n");
    body.extend(field("after", "签名"));
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    // Reads ending inside the first header block, inside the file's own
    // near-delimiters, inside the delimiter that ends the file (at each of
    // a few offsets), and inside the closing one.
    for inside_end in [1, 2, 5, 20, BOUNDARY.len() + 3] {
        let (id, path) = upload_path(&emu);
        let cuts = [
            30,
            file_at + 7,
            file_at + 100,
            file_end - 1,
            file_end + inside_end,
            body.len() - 3,
        ];
        let (status, answer) = send(&emu, &path, &content_type, &pieces(&body, &cuts));
        assert_eq!(status, 200, "{answer}");
        assert_eq!(answer["code"], 1, "{answer}");
        assert_eq!(answer["data"]["upload_size"], file.len() as u64);
        let video = emu.baijiayun().video(id).unwrap();
        assert_eq!(video.received_bytes, file.len() as u64);
        assert_eq!(video.md5.as_deref(), Some(md5_hex(&file).as_str()));
        assert_eq!(std::fs::read(&video.path).unwrap(), file);
    }
}

#[test]
fn a_body_without_its_closing_boundary_is_refused() {
    let emu = Emulator::start(vodkit_emulator::Config::default()).unwrap();
    let (id, path) = upload_path(&emu);
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.mp4\"\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(&tricky_file());
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let (status, answer) = send(&emu, &path, &content_type, &pieces(&body, &[200]));
    assert_eq!(status, 400, "{answer}");
    assert_eq!(answer["msg"], "the body was cut short");
    // Not finished: the upload can still be resumed.
    assert_eq!(emu.baijiayun().video(id).unwrap().status, UPLOADING);
}

/// A client that dies (SIGKILL) once its last part's bytes and the
/// delimiter after them are out, before the closing `--`: the request is
/// cut short, so the upload is not complete, and it must not hold every
/// byte either (then no part could complete it: a resume would find nothing
/// left to send, with the video still uploading). The file's last bytes
/// count only with the whole body; the resume sends them and completes it.
#[test]
fn a_body_cut_after_the_file_but_before_its_closing_boundary_leaves_its_end_to_resend() {
    let emu = Emulator::start(vodkit_emulator::Config::default()).unwrap();
    let file = tricky_file();
    let n = file.len();
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let part = |bytes: &[u8]| {
        let mut body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.mp4\"\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        body
    };
    // Ranged (a resumed upload's last part) and whole (a fresh upload).
    for ranged in [true, false] {
        let (id, path) = upload_path(&emu);
        let body = part(&file);
        let range = format!("bytes 0-{}/{n}", n - 1);
        let mut stream = TcpStream::connect(emu.addr()).unwrap();
        write!(
            stream,
            "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n{}\
             Content-Length: {}\r\n\r\n",
            if ranged {
                format!("Content-Range: {range}\r\n")
            } else {
                String::new()
            },
            body.len()
        )
        .unwrap();
        // Everything but the closing `--\r\n`, in two reads; then the client is gone.
        let cut = body.len() - 4;
        stream.write_all(&body[..cut - 100]).unwrap();
        std::thread::sleep(Duration::from_millis(30));
        stream.write_all(&body[cut - 100..cut]).unwrap();
        std::thread::sleep(Duration::from_millis(30));
        drop(stream);
        // The bytes reach the writer once the request is over (they are
        // fewer than a batch); then it is waited for.
        wait_until(|| emu.baijiayun().bjy_video(id).unwrap().received > 0);
        emu.baijiayun().bjy_video(id).unwrap().intake.wait_idle();
        let video = emu.baijiayun().video(id).unwrap();
        assert_eq!(video.status, UPLOADING, "ranged {ranged}");
        let held = video.received_bytes as usize;
        assert!(
            held < n,
            "ranged {ranged}: holds all {n} bytes, not complete"
        );
        // The resume: the rest, as a ranged part.
        let rest = format!("bytes {held}-{}/{n}", n - 1);
        let body = part(&file[held..]);
        let mut stream = TcpStream::connect(emu.addr()).unwrap();
        write!(
            stream,
            "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
             Content-Type: {content_type}\r\nContent-Range: {rest}\r\n\
             Content-Length: {}\r\n\r\n",
            body.len()
        )
        .unwrap();
        stream.write_all(&body).unwrap();
        let mut raw = String::new();
        let _ = stream.read_to_string(&mut raw);
        assert!(raw.starts_with("HTTP/1.1 200"), "ranged {ranged}: {raw}");
        let video = emu.baijiayun().video(id).unwrap();
        assert_eq!(video.received_bytes, n as u64);
        assert_eq!(video.md5.as_deref(), Some(md5_hex(&file).as_str()));
        assert_eq!(std::fs::read(&video.path).unwrap(), file);
    }
}

/// A client killed after its last byte, before the answer: the server has
/// the whole body, and hyper drops the handler once it sees the client gone
/// (at whatever await the handler is then). The upload must end complete,
/// or (the handler dropped before it had the body) holding fewer bytes than
/// the file, which a resume sends: never every byte and still uploading,
/// which nothing could complete. Where the drop lands varies, so a few rounds.
#[test]
fn a_client_gone_after_its_last_byte_leaves_the_upload_complete_or_resumable() {
    let emu = Emulator::start(vodkit_emulator::Config::default()).unwrap();
    let n: usize = 24 << 20;
    let mut rng = fastrand::Rng::with_seed(5);
    let file: Vec<u8> = (0..n).map(|_| rng.u8(..)).collect();
    let md5 = md5_hex(&file);
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let body_of = |bytes: &[u8]| {
        let mut body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.mp4\"\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        body
    };
    let body = body_of(&file);
    for round in 0..8 {
        let (id, path) = upload_path(&emu);
        let mut stream = TcpStream::connect(emu.addr()).unwrap();
        write!(
            stream,
            "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n\
             Content-Range: bytes 0-{}/{n}\r\nContent-Length: {}\r\n\r\n",
            n - 1,
            body.len()
        )
        .unwrap();
        stream.write_all(&body).unwrap();
        drop(stream);
        wait_until(|| emu.baijiayun().bjy_video(id).unwrap().received > 0);
        emu.baijiayun().bjy_video(id).unwrap().intake.wait_idle();
        let v = emu.baijiayun().video(id).unwrap();
        if v.status == UPLOADING {
            let held = v.received_bytes as usize;
            assert!(held < n, "round {round}: every byte held, still uploading");
            let rest = body_of(&file[held..]);
            let mut stream = TcpStream::connect(emu.addr()).unwrap();
            write!(
                stream,
                "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
                 Content-Type: {content_type}\r\nContent-Range: bytes {held}-{}/{n}\r\n\
                 Content-Length: {}\r\n\r\n",
                n - 1,
                rest.len()
            )
            .unwrap();
            stream.write_all(&rest).unwrap();
            let mut raw = String::new();
            let _ = stream.read_to_string(&mut raw);
            assert!(raw.starts_with("HTTP/1.1 200"), "round {round}: {raw}");
        }
        let v = emu.baijiayun().video(id).unwrap();
        assert_ne!(v.status, UPLOADING, "round {round}");
        assert_eq!(v.md5.as_deref(), Some(md5.as_str()), "round {round}");
    }
}

/// Polls `f` (every 10 ms, for up to 5 s) until it holds.
fn wait_until(mut f: impl FnMut() -> bool) {
    for _ in 0..500 {
        if f() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("not within 5 s");
}

/// API calls (not the upload endpoint) read multipart forms under axum's
/// default body limit, as before the reader was our own: a form within it
/// is read field by field, one past it is refused as malformed.
#[test]
fn api_forms_keep_the_default_body_limit() {
    let emu = Emulator::start(vodkit_emulator::Config::default()).unwrap();
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let form = |padding: usize| {
        let mut body = field("file_name", "a.mp4");
        body.extend(field("padding", &"x".repeat(padding)));
        body.extend(field("partner_id", "nobody"));
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        body
    };
    let path = "/baijiayun/openapi/video/getUploadUrl";
    // Read whole: the partner_id after the padding is seen (and unknown).
    let (_, small) = send(&emu, path, &content_type, &pieces(&form(1000), &[100]));
    assert_ne!(small["msg"], "malformed multipart body", "{small}");
    assert_ne!(small["msg"], "partner_id is required", "{small}");
    let (_, big) = send(&emu, path, &content_type, &[form(3 << 20)]);
    assert_eq!(big["msg"], "malformed multipart body", "{big}");
}
