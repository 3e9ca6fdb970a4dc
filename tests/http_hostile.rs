//! A hostile server on loopback: every answer a strict or malicious server
//! could give ends in a typed error within the configured timeout, with the
//! SDK's memory bounded.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use vodkit::baijiayun::{Client, Config};
use vodkit::http::RetryPolicy;
use vodkit::ErrorKind;

const TIMEOUT: Duration = Duration::from_secs(2);

/// A server that reads each request's head and hands the stream to `answer`.
/// Returns its base URL and a count of the requests it saw.
fn serve(answer: fn(&mut TcpStream, &str)) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(AtomicUsize::new(0));
    let count = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            count.fetch_add(1, Ordering::SeqCst);
            std::thread::spawn(move || {
                let head = read_head(&mut stream);
                answer(&mut stream, &head);
            });
        }
    });
    (url, seen)
}

/// Reads the request line and headers (and a small body) of one request.
fn read_head(stream: &mut TcpStream) -> String {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut head = String::new();
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
        head.push_str(&line);
    }
    let mut body = vec![0; length.min(1 << 20)];
    let _ = reader.read_exact(&mut body);
    head
}

fn respond(stream: &mut TcpStream, status: &str, headers: &str, body: &[u8]) {
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n",
        body.len()
    );
    let _ = stream.write_all(body);
}

fn client(base_url: &str) -> Client {
    Client::new(
        Config::new("1", "k")
            .base_url(base_url)
            .request_timeout(TIMEOUT)
            .retry(RetryPolicy::none()),
    )
    .unwrap()
}

/// Calls getStatus against `answer` and returns the error and the time it took.
fn fail_with(answer: fn(&mut TcpStream, &str)) -> (vodkit::Error, Duration) {
    let (url, _) = serve(answer);
    let started = Instant::now();
    let err = client(&url)
        .get_status(&vodkit::baijiayun::GetStatus { video_id: 1 })
        .unwrap_err();
    let took = started.elapsed();
    assert!(
        took < TIMEOUT + Duration::from_secs(2),
        "took {took:?}: {err}"
    );
    (err, took)
}

/// The process's peak resident set (VmHWM), in KiB.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// Well under the 500 MB a server may announce; the cap is 16 MiB.
const RSS_BOUND_KIB: u64 = 200 * 1024;

#[test]
fn malformed_json_is_a_server_error() {
    let (err, _) = fail_with(|s, _| {
        respond(
            s,
            "200 OK",
            "Content-Type: application/json\r\n",
            br#"{"code":0,"data":"#,
        )
    });
    assert_eq!(err.kind(), ErrorKind::Server, "{err}");
}

#[test]
fn wrong_types_are_a_server_error() {
    let (err, _) = fail_with(|s, _| {
        respond(
            s,
            "200 OK",
            "",
            br#"{"code":0,"data":{"status":[1,2],"info":{"x":1}}}"#,
        )
    });
    assert_eq!(err.kind(), ErrorKind::Server, "{err}");
    let (err, _) = fail_with(|s, _| respond(s, "200 OK", "", br#"{"code":"zero","data":[]}"#));
    assert!(
        matches!(err.kind(), ErrorKind::Server | ErrorKind::Provider),
        "{err}"
    );
}

#[test]
fn html_with_200_is_a_server_error() {
    let (err, _) = fail_with(|s, _| {
        respond(
            s,
            "200 OK",
            "Content-Type: text/html\r\n",
            b"<html><body>Login to the captive portal</body></html>",
        )
    });
    assert_eq!(err.kind(), ErrorKind::Server, "{err}");
}

#[test]
fn a_500_mb_body_is_cut_at_16_mib() {
    let (err, _) = fail_with(|s, _| {
        let _ = write!(
            s,
            "HTTP/1.1 200 OK\r\nContent-Length: 524288000\r\nConnection: close\r\n\r\n"
        );
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..500 {
            if s.write_all(&chunk).is_err() {
                return; // the client stopped reading: what we want
            }
        }
    });
    assert_eq!(err.kind(), ErrorKind::Server, "{err}");
    assert!(err.message().contains("16 MiB"), "{err}");
    assert!(
        peak_rss_kib() < RSS_BOUND_KIB,
        "peak RSS {} KiB",
        peak_rss_kib()
    );
}

#[test]
fn an_endless_slow_body_ends_at_the_request_timeout() {
    let (err, took) = fail_with(|s, _| {
        let _ = write!(
            s,
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        );
        loop {
            if s.write_all(b"1\r\n \r\n").is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    assert!(took >= TIMEOUT - Duration::from_millis(200), "{took:?}");
}

/// Issue 11, item 3: redirects were followed to other hosts with the signed
/// body re-sent.
#[test]
fn redirects_to_another_host_are_not_followed() {
    let (elsewhere, visits) = serve(|s, _| respond(s, "200 OK", "", br#"{"code":0,"data":{}}"#));
    // The target host travels to the answering thread through an env-free
    // channel: a file-static is simplest for a fn pointer.
    TARGET.set(elsewhere.clone()).unwrap();
    for (status, answer) in [
        (
            "301",
            (|s, _| redirect(s, "301 Moved Permanently")) as fn(&mut TcpStream, &str),
        ),
        ("302", |s, _| redirect(s, "302 Found")),
        ("307", |s, _| redirect(s, "307 Temporary Redirect")),
        ("308", |s, _| redirect(s, "308 Permanent Redirect")),
    ] {
        let (err, _) = fail_with(answer);
        assert_eq!(err.kind(), ErrorKind::Server, "{status}: {err}");
        assert_eq!(err.http_status(), status.parse::<u16>().ok(), "{err}");
        assert!(
            err.message().contains(&format!("{elsewhere}/steal")),
            "{status}: {err}"
        );
        assert!(
            !err.message().contains("token"),
            "the query is not shown: {err}"
        );
    }
    assert_eq!(
        visits.load(Ordering::SeqCst),
        0,
        "the other host was never asked"
    );
}

static TARGET: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn redirect(s: &mut TcpStream, status: &str) {
    let location = format!("{}/steal?token=abc", TARGET.get().unwrap());
    respond(s, status, &format!("Location: {location}\r\n"), b"");
}

/// A gzip bomb: ~1 MiB on the wire that inflates to 128 MiB. The transport
/// has no decompression (reqwest's `gzip` feature is off and no
/// `Accept-Encoding` is sent), so it is read as opaque bytes under the same
/// 16 MiB cap and refused as an answer that is not JSON.
#[test]
fn a_gzip_bomb_is_not_inflated() {
    let (err, _) = fail_with(|s, head| {
        let asked_gzip = head.to_ascii_lowercase().contains("accept-encoding");
        let body = gzip_bomb(128 << 20);
        let extra = if asked_gzip { "X-Asked: gzip\r\n" } else { "" };
        respond(
            s,
            "200 OK",
            &format!("Content-Encoding: gzip\r\nContent-Type: application/json\r\n{extra}"),
            &body,
        );
    });
    assert_eq!(err.kind(), ErrorKind::Server, "{err}");
    assert!(
        peak_rss_kib() < RSS_BOUND_KIB,
        "peak RSS {} KiB",
        peak_rss_kib()
    );
}

/// A gzip member whose DEFLATE stream (fixed Huffman codes) is one literal 0
/// and then length-258/distance-1 copies: `size` zero bytes from ~13 bits per
/// 258 bytes. (The CRC is left 0: a decompressor inflates before checking it.)
fn gzip_bomb(size: u64) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    let mut bits = BitWriter::default();
    bits.put(1, 1); // BFINAL
    bits.put(1, 2); // BTYPE = 01, fixed Huffman
    bits.huffman(0b0011_0000, 8); // literal 0
    for _ in 0..(size - 1) / 258 {
        bits.huffman(0b1100_0101, 8); // length 258 (code 285)
        bits.huffman(0, 5); // distance 1 (code 0)
    }
    bits.huffman(0, 7); // end of block (code 256)
    out.extend(bits.finish());
    out.extend([0, 0, 0, 0]);
    out.extend((size as u32).to_le_bytes());
    out
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    acc: u32,
    n: u32,
}

impl BitWriter {
    /// `count` bits of `value`, least significant first (DEFLATE's header fields).
    fn put(&mut self, value: u32, count: u32) {
        self.acc |= value << self.n;
        self.n += count;
        while self.n >= 8 {
            self.bytes.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, most significant bit first.
    fn huffman(&mut self, code: u32, len: u32) {
        for i in (0..len).rev() {
            self.put((code >> i) & 1, 1);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.bytes.push(self.acc as u8);
        }
        self.bytes
    }
}

/// Issue 11, item 9 through the client: a percent-encoded escape never
/// becomes a request.
#[test]
fn an_operation_name_cannot_leave_openapi() {
    let (url, seen) = serve(|s, _| respond(s, "200 OK", "", br#"{"code":0,"data":{}}"#));
    let c = client(&url);
    for name in [
        "%2e%2e/%2e%2e/_emulator/faults",
        "../_emulator/faults",
        "video/%2e%2e/x",
    ] {
        let err = c.call_raw(name, vodkit::params::Params::new()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{name}: {err}");
        let err = c.call_json(name, &serde_json::json!({})).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{name}: {err}");
    }
    assert_eq!(seen.load(Ordering::SeqCst), 0);
}
