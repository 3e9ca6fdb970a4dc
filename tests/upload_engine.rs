//! The shared upload engine over real HTTP on loopback, in the shape the
//! parallel provider (iQiyi) needs: unordered ranged parts sent four at a
//! time, each answered with the length the server accepted and the MD5 of
//! what it stored, which the engine checks against what it streamed.
//!
//! The Baijiayun emulator models an ordered, one-part-at-a-time server, so
//! two parts failing in one back-off cannot happen there; this small ranged
//! server (tests/common/fake_server.rs) stands in for the parallel provider until its emulator
//! exists.

mod common;

use std::collections::HashMap;
use std::io::{Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::fake_server::{self, FakeServer, Reply, Request};
use md5::{Digest, Md5};
use vodkit::http::RetryPolicy;
use vodkit::upload::{
    self, Committed, EngineOptions, Part, PartAck, PartBody, PartSink, Source, UploadHooks,
};
use vodkit::{Error, ErrorKind, Result};

/// How the server treats one attempt at a part.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fault {
    /// HTTP 500 after a pause, so the failures of one batch arrive together.
    Fail,
    /// Stores the part with its first byte flipped; answers that MD5.
    Damage,
    /// Stores half the part; answers that length.
    Truncate,
}

#[derive(Default)]
struct ServerState {
    /// Faults for the 1st, 2nd, … attempt at an offset.
    faults: HashMap<u64, Vec<Fault>>,
    attempts: Vec<u64>,
    opened: u32,
    finished: u32,
}

/// A ranged upload server: `POST /part?offset=N` stores the body at N in
/// `store` and answers `{"file_range_accepted": len, "range_md5": md5}`;
/// `POST /open` and `POST /finish` count the lifecycle calls.
struct RangedServer {
    url: String,
    state: Arc<Mutex<ServerState>>,
    _http: FakeServer,
}

fn ranged_server(store: std::path::PathBuf, faults: HashMap<u64, Vec<Fault>>) -> RangedServer {
    let state = Arc::new(Mutex::new(ServerState {
        faults,
        ..ServerState::default()
    }));
    let file = Mutex::new(std::fs::File::create(&store).unwrap());
    // Requests are handled concurrently, so parts really are received in parallel.
    let http = {
        let state = state.clone();
        fake_server::serve(move |request| handle(request, &state, &file))
    };
    RangedServer {
        url: http.url.clone(),
        state,
        _http: http,
    }
}

fn handle(request: Request, state: &Mutex<ServerState>, file: &Mutex<std::fs::File>) -> Reply {
    let mut body = request.body;
    match request.url.as_str() {
        "/open" => {
            state.lock().unwrap().opened += 1;
            return Reply::ok("{}");
        }
        "/finish" => {
            state.lock().unwrap().finished += 1;
            return Reply::ok("{}");
        }
        _ => {}
    }
    let offset: u64 = request
        .url
        .strip_prefix("/part?offset=")
        .and_then(|o| o.parse().ok())
        .unwrap();
    let fault = {
        let mut s = state.lock().unwrap();
        s.attempts.push(offset);
        let attempt = s.attempts.iter().filter(|o| **o == offset).count() - 1;
        s.faults.get(&offset).and_then(|f| f.get(attempt)).copied()
    };
    match fault {
        Some(Fault::Fail) => {
            std::thread::sleep(Duration::from_millis(50));
            return Reply::status(500, "{}");
        }
        Some(Fault::Damage) => body[0] ^= 0xff,
        Some(Fault::Truncate) => body.truncate(body.len() / 2),
        None => {}
    }
    let mut f = file.lock().unwrap();
    f.seek(SeekFrom::Start(offset)).unwrap();
    f.write_all(&body).unwrap();
    let md5: String = Md5::digest(&body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Reply::ok(format!(
        r#"{{"file_range_accepted":{},"range_md5":"{md5}"}}"#,
        body.len()
    ))
}

/// A sink for the ranged server, as a parallel provider's would be: it
/// reports the server's answer and leaves the checking to the engine.
struct RangedSink {
    http: reqwest::blocking::Client,
    url: String,
}

impl RangedSink {
    fn post(&self, path: &str, body: reqwest::blocking::Body) -> Result<serde_json::Value> {
        let response = self
            .http
            .post(format!("{}{path}", self.url))
            .body(body)
            .send()
            .map_err(|e| Error::new(ErrorKind::Network, e.to_string()))?;
        if !response.status().is_success() {
            return Err(Error::new(ErrorKind::Server, response.status().to_string()));
        }
        let bytes = response
            .bytes()
            .map_err(|e| Error::new(ErrorKind::Network, e.to_string()))?;
        serde_json::from_slice(&bytes).map_err(|e| Error::new(ErrorKind::Server, e.to_string()))
    }
}

impl PartSink for RangedSink {
    fn begin(&self) -> Result<()> {
        self.post("/open", Vec::new().into()).map(|_| ())
    }

    fn send_part(&self, part: &Part, body: PartBody, _total: u64) -> Result<PartAck> {
        let path = format!("/part?offset={}", part.offset);
        let answer = self.post(&path, reqwest::blocking::Body::sized(body, part.len))?;
        Ok(PartAck {
            accepted_len: answer["file_range_accepted"].as_u64(),
            md5: answer["range_md5"].as_str().map(str::to_owned),
            held: None,
        })
    }

    fn committed(&self) -> Result<Committed> {
        Err(Error::new(
            ErrorKind::Internal,
            "an unordered sink is never asked",
        ))
    }

    fn ordered(&self) -> bool {
        false
    }

    fn finish(&self) -> Result<()> {
        self.post("/finish", Vec::new().into()).map(|_| ())
    }
}

const PART: u64 = 256 * 1024;

/// Uploads an 8-part file four parts at a time with `faults`; returns the
/// outcome, the file, what the server stored and the server's record.
fn upload_with_faults(
    faults: &[(u64, &[Fault])],
) -> (Result<()>, Vec<u8>, Vec<u8>, Arc<Mutex<ServerState>>) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "ranged.bin", 8 * PART - 1000);
    let stored = dir.path().join("stored.bin");
    let faults = faults
        .iter()
        .map(|(offset, f)| (*offset, f.to_vec()))
        .collect();
    let server = ranged_server(stored.clone(), faults);
    let sink = RangedSink {
        http: common::http_client(),
        url: server.url.clone(),
    };
    let options = EngineOptions {
        part_size: PART,
        concurrency: 4,
        retry: RetryPolicy {
            max_retries: 2,
            // Long enough that both failures of a batch land inside it.
            initial_backoff: Duration::from_millis(300),
            max_backoff: Duration::from_millis(300),
            multiplier: 1.0,
        },
        hash_parts: true,
        integrity_retries: None,
    };
    let source = Source::open(&path).unwrap();
    let result = upload::run(
        &source,
        &sink,
        &options,
        Committed::Prefix(0),
        &mut UploadHooks::new(),
    );
    let sent = std::fs::read(&path).unwrap();
    let got = std::fs::read(&stored).unwrap_or_default();
    (result, sent, got, server.state)
}

fn attempts_at(state: &Mutex<ServerState>, offset: u64) -> usize {
    let s = state.lock().unwrap();
    s.attempts.iter().filter(|o| **o == offset).count()
}

#[test]
fn two_parts_failing_in_one_back_off_both_arrive() {
    let (result, sent, got, state) =
        upload_with_faults(&[(PART, &[Fault::Fail]), (2 * PART, &[Fault::Fail])]);
    result.unwrap();
    assert!(got == sent, "the server holds the file, byte for byte");
    assert_eq!(attempts_at(&state, PART), 2);
    assert_eq!(attempts_at(&state, 2 * PART), 2);
    let s = state.lock().unwrap();
    assert_eq!((s.opened, s.finished), (1, 1));
}

#[test]
fn damaged_and_truncated_parts_are_sent_again() {
    let (result, sent, got, state) =
        upload_with_faults(&[(0, &[Fault::Damage]), (5 * PART, &[Fault::Truncate])]);
    result.unwrap();
    assert!(got == sent, "the server holds the file, byte for byte");
    assert_eq!(attempts_at(&state, 0), 2);
    assert_eq!(attempts_at(&state, 5 * PART), 2);
}

#[test]
fn a_part_damaged_on_every_attempt_is_an_integrity_error_and_never_finished() {
    let (result, _, _, state) = upload_with_faults(&[(3 * PART, &[Fault::Damage; 3])]);
    let err = result.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
    assert_eq!(
        attempts_at(&state, 3 * PART),
        3,
        "the first try and two retries"
    );
    let s = state.lock().unwrap();
    assert_eq!((s.opened, s.finished), (1, 0));
}
