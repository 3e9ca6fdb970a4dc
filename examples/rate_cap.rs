//! The bandwidth cap, measured: a file uploaded to the Baijiayun emulator on
//! loopback through the SDK with `UploadControl::set_rate_limit`, and posted by
//! `curl --limit-rate` to the same emulator in the same run, interleaved.
//! Prints seconds against the target (size / cap). A benchmark, not a test:
//! nothing here gates CI.
//!
//! `cargo run --release --example rate_cap [-- SIZE_MIB [CAP_MIB] [ROUNDS]]`
//! (default 16 MiB at 4 MiB/s, 2 rounds; needs `curl` on PATH).

use std::process::Command;
use std::time::Instant;

use serde_json::json;
use vodkit::upload::{UploadControl, UploadHooks};
use vodkit_emulator::{baijiayun, Emulator};

const MIB: u64 = 1024 * 1024;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mib: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(16);
    let cap_mib: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(4);
    let rounds: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2);
    let emu = Emulator::start(baijiayun::Config::default())?;
    let state = emu.baijiayun();
    let client = vodkit::Client::new(
        "baijiayun",
        &json!({
            "partner_id": state.config.partner_id,
            "partner_key": state.partner_key(),
            "base_url": emu.provider_url("baijiayun"),
        }),
    )?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("capped.mp4");
    let mut data = vec![0u8; (mib * MIB) as usize];
    fastrand::fill(&mut data);
    std::fs::write(&path, &data)?;
    drop(data);
    let target = mib as f64 / cap_mib as f64;
    println!("{mib} MiB over loopback, capped at {cap_mib} MiB/s (target {target:.2} s)");

    for round in 1..=rounds {
        // The SDK, one request for the whole file, capped by its token.
        let token = UploadControl::new();
        token.set_rate_limit(cap_mib * MIB);
        let started = Instant::now();
        client.upload(
            &path,
            &serde_json::Value::Null,
            UploadHooks::new().control(token),
        )?;
        let sdk = started.elapsed().as_secs_f64();
        let off = (sdk - target) / target * 100.0;
        println!(
            "round {round}: {cap_mib} MiB/s cap on {mib} MiB took {sdk:.2} s (target {target:.2} s ± 15%: {off:+.1}%)"
        );

        // curl --limit-rate to an upload URL of the same emulator.
        let slot = client.call(
            "video/getUploadUrl",
            &json!({"file_name": "capped-curl.mp4", "definition": "16"}),
        )?;
        let url = slot["upload_url"].as_str().ok_or("no upload_url")?;
        let started = Instant::now();
        let out = Command::new("curl")
            .args(["-s", "-S", "-o", "/dev/null", "-w", "%{http_code}"])
            .args(["--limit-rate", &format!("{cap_mib}M")])
            .args(["-F", &format!("file=@{}", path.display())])
            .arg(url)
            .output()?;
        let curl = started.elapsed().as_secs_f64();
        let status = String::from_utf8_lossy(&out.stdout);
        if status != "200" {
            return Err(format!("curl: {status} {}", String::from_utf8_lossy(&out.stderr)).into());
        }
        let off = (curl - target) / target * 100.0;
        println!(
            "round {round}: curl --limit-rate {cap_mib}M on {mib} MiB took {curl:.2} s ({off:+.1}%)"
        );
    }
    Ok(())
}
