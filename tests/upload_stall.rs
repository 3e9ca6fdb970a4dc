//! Stalled uploads: a host that stops reading a part's body, or never
//! answers after the last byte, fails the part as a retryable network error
//! after `upload_stall_timeout_ms`, not after the ten-minute part timeout;
//! a pause longer than that timeout is our own wait and never counts.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::net::{TcpListener, TcpStream};
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::json;
use vodkit::upload::{UploadControl, UploadHooks};
use vodkit::ErrorKind;
use vodkit_emulator::Emulator;

const MIB: u64 = 1024 * 1024;

/// What the black hole does with a request.
#[derive(Clone, Copy)]
enum Hole {
    /// Reads the head and 64 KiB of the body, then reads no more.
    StopReading,
    /// Reads the whole body and never answers.
    NeverAnswer,
}

/// An upload host that stalls every request as `hole` says, holding each
/// connection open; counts the connections.
struct BlackHole {
    url: String,
    connections: Arc<AtomicU32>,
    /// Held sockets, closed when the test ends.
    _held: Arc<Mutex<Vec<TcpStream>>>,
}

fn black_hole(hole: Hole) -> BlackHole {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/up", listener.local_addr().unwrap());
    let connections = Arc::new(AtomicU32::new(0));
    let held = Arc::new(Mutex::new(Vec::new()));
    let (count, keep) = (connections.clone(), held.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            count.fetch_add(1, Ordering::SeqCst);
            let keep = keep.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut len = 0u64;
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                        break;
                    }
                    if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
                        len = v.trim().parse().unwrap_or(0);
                    }
                }
                let want = match hole {
                    Hole::StopReading => 64 * 1024,
                    Hole::NeverAnswer => len,
                };
                let _ = std::io::copy(&mut reader.take(want), &mut std::io::sink());
                keep.lock().unwrap().push(stream);
            });
        }
    });
    BlackHole {
        url,
        connections,
        _held: held,
    }
}

fn client(emu: &Emulator, stall_ms: u64, max_retries: u32) -> vodkit::Client {
    let s = emu.baijiayun();
    vodkit::Client::new(
        "baijiayun",
        &json!({
            "partner_id": s.config.partner_id,
            "partner_key": s.partner_key(),
            "base_url": emu.provider_url("baijiayun"),
            "upload_stall_timeout_ms": stall_ms,
            "retry": {"max_retries": max_retries, "initial_backoff_ms": 10, "max_backoff_ms": 20},
        }),
    )
    .unwrap()
}

fn stalls_as(hole: Hole, size: u64, expected: &str) {
    let emu = common::emulator();
    let target = black_hole(hole);
    emu.set_upload_target("baijiayun", Some(&target.url))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "stall.mp4", size);
    let client = client(&emu, 300, 2);
    let started = Instant::now();
    let err = client
        .upload(&path, &json!({}), UploadHooks::new())
        .expect_err("a host that stalls cannot complete an upload");
    let took = started.elapsed();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    assert!(err.to_string().contains(expected), "{err}");
    // The first attempt and two retries, each given up after the stall
    // timeout: seconds, not the ten-minute part timeout.
    assert_eq!(target.connections.load(Ordering::SeqCst), 3);
    assert!(took < Duration::from_secs(20), "took {took:?}");
}

#[test]
fn a_host_that_stops_reading_fails_the_part_after_the_stall_timeout() {
    // Bigger than the socket buffers can hold, so the client must wait.
    stalls_as(Hole::StopReading, 32 * MIB, "the connection took no bytes");
}

#[test]
fn a_host_that_never_answers_fails_the_part_after_the_stall_timeout() {
    stalls_as(Hole::NeverAnswer, MIB, "no answer came after the last byte");
}

#[test]
fn a_pause_longer_than_the_stall_timeout_is_not_a_stall() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "paused.mp4", 8 * MIB);
    // No retries: a stall would fail the upload.
    let client = client(&emu, 200, 0);
    let token = UploadControl::new();
    let paused = Arc::new(AtomicBool::new(false));
    let control = UploadHooks::new()
        .control(token.clone())
        .progress_interval(Duration::from_millis(5))
        .on_progress({
            let (token, paused) = (token.clone(), paused.clone());
            move |p| {
                if p.bytes_done > 0 && !paused.swap(true, Ordering::SeqCst) {
                    token.pause();
                    let token = token.clone();
                    std::thread::spawn(move || {
                        std::thread::sleep(Duration::from_millis(1_000));
                        token.resume();
                    });
                }
                ControlFlow::Continue(())
            }
        });
    let result = client
        .upload(&path, &json!({}), control)
        .expect("paused, then completed");
    assert!(paused.load(Ordering::SeqCst));
    let id = result["video_id"].as_i64().unwrap();
    let video = emu.baijiayun().video(id).unwrap();
    assert_eq!(video.md5.as_deref(), Some(common::md5_file(&path).as_str()));
}
