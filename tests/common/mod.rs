//! Shared set-up for the integration tests: an emulator on loopback and a
//! client pointed at it.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use vodkit::baijiayun::{Client, Config};
use vodkit::http::RetryPolicy;
use vodkit_emulator::baijiayun::Config as EmuConfig;
use vodkit_emulator::Emulator;

pub fn emulator() -> Emulator {
    emulator_with(EmuConfig::default())
}

pub fn emulator_with(config: EmuConfig) -> Emulator {
    Emulator::start(config).expect("start the emulator")
}

/// A client of the emulator with quick retries (tests should not wait seconds).
pub fn config(emu: &Emulator) -> Config {
    let state = emu.baijiayun();
    Config::new(state.config.partner_id.clone(), state.partner_key())
        .base_url(emu.provider_url("baijiayun"))
        .retry(RetryPolicy {
            max_retries: 4,
            initial_backoff: Duration::from_millis(20),
            max_backoff: Duration::from_millis(200),
            multiplier: 2.0,
        })
}

pub fn client(emu: &Emulator) -> Client {
    Client::new(config(emu)).expect("client")
}

/// A file of `len` pseudo-random bytes (fast to make, incompressible).
pub fn random_file(dir: &Path, name: &str, len: u64) -> PathBuf {
    let path = dir.join(name);
    let mut f = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&path).unwrap());
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15 ^ len;
    let mut buf = vec![0u8; 1 << 20];
    let mut left = len;
    while left > 0 {
        for chunk in buf.chunks_mut(8) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let bytes = state.to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
        let n = left.min(buf.len() as u64) as usize;
        f.write_all(&buf[..n]).unwrap();
        left -= n as u64;
    }
    f.flush().unwrap();
    path
}

pub fn md5_file(path: &Path) -> String {
    use md5::{Digest, Md5};
    use std::io::Read;
    let mut f = std::fs::File::open(path).unwrap();
    let mut h = Md5::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Polls `f` until it returns `Some` or `timeout` passes.
pub fn wait_for<T>(timeout: Duration, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(
            start.elapsed() < timeout,
            "condition not met within {timeout:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Uploads a small file and returns its video id, transcoded (status 100).
pub fn transcoded_video(emu: &Emulator, client: &Client, dir: &Path, name: &str) -> i64 {
    let path = random_file(dir, name, 64 * 1024);
    let id = client
        .upload(&path, &vodkit::baijiayun::UploadOptions::default())
        .expect("upload")
        .video_id;
    emu.baijiayun().clock().advance_ms(3_600_000);
    wait_for(Duration::from_secs(5), || {
        (client
            .get_status(&vodkit::baijiayun::GetStatus { video_id: id })
            .ok()?
            .status
            == 100)
            .then_some(())
    });
    id
}
pub mod fake_server;
pub mod iqiyi;
pub mod log_capture;
pub mod origin;

/// Sends the SDK's log to stderr when `RUST_LOG` asks for it (a failing
/// test's output then shows what the client did); once per test binary.
#[allow(dead_code)]
pub fn log_to_stderr() {
    use std::io::Write;
    let start = std::time::Instant::now();
    let _ = env_logger::builder()
        .is_test(true)
        .format(move |out, r| {
            let at = start.elapsed().as_secs_f64();
            let thread = std::thread::current();
            let name = thread.name().unwrap_or("?");
            writeln!(
                out,
                "{at:9.3} {name} {} {}: {}",
                r.level(),
                r.target(),
                r.args()
            )
        })
        .try_init();
}

/// A reqwest client for the tests' own requests (set-up, downloads). reqwest
/// has no TLS crypto backend of its own in this workspace: like every client,
/// it gets vodkit's TLS settings (the build's `aws-lc-rs` or `ring`).
pub fn http_client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .tls_backend_preconfigured(vodkit::http::tls::client_config(&[]).expect("TLS settings"))
        .build()
        .expect("an HTTP client")
}

/// GET `url` with [`http_client`].
pub fn http_get(url: impl reqwest::IntoUrl) -> reqwest::Result<reqwest::blocking::Response> {
    http_client().get(url).send()
}
