//! Upload throughput over loopback, iQiyi: one file uploaded through the SDK
//! with 1, 2 and 4 parts in flight, and posted by `curl` as one chunk to the
//! same emulator in the same run. Prints seconds, MiB/s and the ratio to
//! curl. A benchmark, not a test: nothing here gates CI.
//!
//! `cargo run --release --example iqiyi_bench [-- SIZE_MIB [PART_MIB]]`
//! (default 1024 MiB, 4 MiB parts; needs `curl` on PATH).

use std::process::Command;
use std::time::Instant;

use vodkit::iqiyi::{Client, Config, OpenUpload, SetFileInfo, UploadOptions};
use vodkit_emulator::{iqiyi, Emulator};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mib: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1024);
    let part_mib: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(4);
    let size = mib * 1024 * 1024;
    let emu = Emulator::start(iqiyi::Config::default())?;
    let s = emu.iqiyi();
    let client = Client::new(
        Config::new(s.config.client_id.clone(), s.config.client_secret.as_str())
            .base_url(emu.provider_url("iqiyi")),
    )?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bench.mp4");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&path)?);
        let mut block = vec![0u8; 1 << 20];
        for (i, b) in block.iter_mut().enumerate() {
            *b = (i as u32).wrapping_mul(2_654_435_761).to_le_bytes()[1];
        }
        for i in 0..mib {
            block[..8].copy_from_slice(&i.to_le_bytes());
            f.write_all(&block)?;
        }
        f.flush()?;
    }
    println!("{mib} MiB over loopback, parts of {part_mib} MiB");

    // curl: one chunk with the whole file, the same headers and fields.
    let slot = client.open_upload(&OpenUpload {
        filetype: "mp4".into(),
        filesize: size,
    })?;
    let range = format!("0-{}", size - 1);
    let started = Instant::now();
    let out = Command::new("curl")
        .args(["-s", "-S", "-o", "/dev/null", "-w", "%{http_code}"])
        .args(["-H", &format!("file_id: {}", slot.file_id)])
        .args(["-H", &format!("file_size: {size}")])
        .args(["-H", &format!("range: {range}")])
        .args(["-F", &format!("file_id={}", slot.file_id)])
        .args(["-F", &format!("file_size={size}")])
        .args(["-F", &format!("range={range}")])
        .args([
            "-F",
            &format!("file=@{};filename=upload_file", path.display()),
        ])
        .arg(&slot.upload_url)
        .output()?;
    let curl_post = started.elapsed().as_secs_f64();
    let status = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        status,
        "200",
        "curl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The same closing work the SDK's upload does (meta, finish: the
    // emulator hashes the stored file), so both sides are timed alike.
    client.set_file_info(&SetFileInfo {
        file_id: slot.file_id.clone(),
        file_name: "bench.mp4".into(),
        ..SetFileInfo::default()
    })?;
    client.upload_finish(&vodkit::iqiyi::UploadFinish::new(slot.file_id.clone()))?;
    let curl = started.elapsed().as_secs_f64();
    assert_eq!(s.file(&slot.file_id).map(|f| f.received), Some(size));
    let rate = |secs: f64| mib as f64 / secs;
    println!(
        "curl (one request)      {curl:7.2} s  {:8.1} MiB/s  1.00x  (the POST alone: {curl_post:.2} s)",
        rate(curl)
    );
    for concurrency in [1usize, 2, 4] {
        let options = UploadOptions {
            concurrency: Some(concurrency),
            part_size: Some(part_mib * 1024 * 1024),
            ..UploadOptions::default()
        };
        let started = Instant::now();
        let up = client.upload(&path, &options)?;
        let secs = started.elapsed().as_secs_f64();
        assert_eq!(s.file(&up.file_id).map(|f| f.received), Some(size));
        println!(
            "vodkit, {concurrency} in flight      {secs:7.2} s  {:8.1} MiB/s  {:.2}x curl",
            rate(secs),
            curl / secs
        );
    }
    Ok(())
}
