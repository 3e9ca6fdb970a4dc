//! Upload throughput and client CPU, vodkit vs `curl`, interleaved in one
//! run. A development benchmark for the upload body path (the full table is
//! `bench/`'s job); nothing here gates CI.
//!
//! `cargo build --release -p vodkit-emulator && cargo run --release --example upload_bench [-- SIZE_MIB ROUNDS [b1|b3]]`
//! (default 1024 MiB, 3 rounds; needs `curl`, and `nginx` for the discard sink).
//!
//! Rows:
//! - Baijiayun single stream (`curl -F data=@file` vs a fresh vodkit upload) into the emulator
//!   (a separate process, so this process's CPU is the client's) and into an nginx sink that
//!   discards the body (nginx also answers getUploadUrl there);
//! - iQiyi with 1, 2 and 4 parts in flight (per-part MD5 checked by the emulator) vs curl posting
//!   the whole file as one chunk, at 0 and 50 ms injected latency;
//! - MD5 alone over the file in memory: the hashing budget of one core.
//!
//! Each row: median MiB/s (min–max) over the rounds, client CPU seconds per GiB, ratio to curl.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const MIB: u64 = 1024 * 1024;

/// One measured run: wall seconds and client CPU seconds.
#[derive(Clone, Copy)]
struct Run {
    secs: f64,
    cpu: f64,
}

/// CPU seconds (user + system) of this process, or of its waited-for children.
fn cpu_secs(who: i32) -> f64 {
    // SAFETY: getrusage writes into the zeroed struct we pass.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(who, &mut u) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(u.ru_utime) + tv(u.ru_stime)
}

/// Times `f`, counting this process's CPU (`self_cpu`) or its children's.
fn timed(self_cpu: bool, f: impl FnOnce()) -> Run {
    let who = if self_cpu {
        libc::RUSAGE_SELF
    } else {
        libc::RUSAGE_CHILDREN
    };
    let cpu0 = cpu_secs(who);
    let t0 = Instant::now();
    f();
    Run {
        secs: t0.elapsed().as_secs_f64(),
        cpu: cpu_secs(who) - cpu0,
    }
}

fn curl(args: &[String], url: &str) {
    let out = Command::new("curl")
        .args(["-s", "-S", "-w", "\n%{http_code}"])
        .args(args)
        .arg(url)
        .output()
        .expect("curl runs");
    let out_text = String::from_utf8_lossy(&out.stdout);
    let code = out_text.rsplit('\n').next().unwrap_or_default();
    assert_eq!(
        code,
        "200",
        "curl: {out_text} {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Median and range of MiB/s, and the median CPU seconds per GiB.
fn summary(runs: &[Run], mib: u64) -> (f64, f64, f64, f64) {
    let mut rates: Vec<f64> = runs.iter().map(|r| mib as f64 / r.secs).collect();
    rates.sort_by(f64::total_cmp);
    let mut cpu: Vec<f64> = runs.iter().map(|r| r.cpu / (mib as f64 / 1024.0)).collect();
    cpu.sort_by(f64::total_cmp);
    (
        rates[rates.len() / 2],
        rates[0],
        rates[rates.len() - 1],
        cpu[cpu.len() / 2],
    )
}

fn row(name: &str, runs: &[Run], mib: u64, baseline: Option<&[Run]>) {
    let (med, min, max, cpu) = summary(runs, mib);
    let ratio = baseline
        .map(|b| {
            let (bmed, _, _, bcpu) = summary(b, mib);
            format!("{:5.2}x  cpu {:5.2}x", med / bmed, cpu / bcpu)
        })
        .unwrap_or_else(|| "    -".into());
    println!("{name:<34} {med:8.1} MiB/s ({min:7.1}-{max:7.1})  cpu {cpu:5.2} s/GiB  {ratio}");
}

/// The emulator binary next to this example's build (`target/release`).
fn emulator_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("current exe");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let bin = dir.join("vodkit-emulator");
    assert!(
        bin.is_file(),
        "build it first: cargo build --release -p vodkit-emulator"
    );
    bin
}

/// A server process, stopped with SIGTERM (nginx's master then stops its
/// workers; SIGKILL would orphan them).
struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        if let Ok(pid) = i32::try_from(self.0.id()) {
            // SAFETY: signals our own child, which we have not waited for yet.
            unsafe { libc::kill(pid, libc::SIGTERM) };
        }
        let _ = self.0.wait();
    }
}

/// An nginx that discards upload bodies and answers like Baijiayun's
/// upload endpoint (and its getUploadUrl, pointing at itself).
fn nginx_sink(dir: &Path) -> Option<(Killed, String)> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .ok()?
        .local_addr()
        .ok()?
        .port();
    let prefix = dir.join("nginx");
    std::fs::create_dir_all(prefix.join("logs")).ok()?;
    let conf = format!(
        r#"daemon off; worker_processes 1; error_log {p}/logs/error.log; pid {p}/nginx.pid;
events {{ worker_connections 64; }}
http {{ access_log off; client_body_temp_path {p}/body; client_max_body_size 0;
  server {{ listen 127.0.0.1:{port};
    location /openapi/video/getUploadUrl {{ default_type application/json;
      return 200 '{{"code":0,"msg":"","data":{{"video_id":1,"upload_url":"http://127.0.0.1:{port}/sink"}}}}'; }}
    location /sink {{ default_type application/json; return 200 '{{"code":1,"msg":"","data":{{}}}}'; }}
  }}
}}"#,
        p = prefix.display()
    );
    std::fs::write(prefix.join("nginx.conf"), conf).ok()?;
    let child = Command::new("nginx")
        .args(["-p", &prefix.display().to_string(), "-c"])
        .arg(prefix.join("nginx.conf"))
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let child = Killed(child);
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..50 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some((child, url));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

fn make_file(path: &Path, mib: u64) {
    let mut f = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path).unwrap());
    let mut block = vec![0u8; MIB as usize];
    for (i, b) in block.iter_mut().enumerate() {
        *b = (i as u32).wrapping_mul(2_654_435_761).to_le_bytes()[1];
    }
    for i in 0..mib {
        block[..8].copy_from_slice(&i.to_le_bytes());
        f.write_all(&block).unwrap();
    }
    f.flush().unwrap();
    // Page-cache it.
    std::io::copy(
        &mut std::fs::File::open(path).unwrap(),
        &mut std::io::sink(),
    )
    .unwrap();
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mib: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1024);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    // `b1`, `b3` or (default) both.
    let only = args.next().unwrap_or_default();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.mp4");
    make_file(&path, mib);
    let file_arg = format!("data=@{};filename=bench.mp4", path.display());

    let mut emu = Command::new(emulator_bin())
        .args(["--rate-limit", "0", "--data-dir"])
        .arg(dir.path().join("emu"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(emu.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _emu = Killed(emu);
    let info: serde_json::Value = serde_json::from_str(&line).unwrap();
    let root = info["root_url"].as_str().unwrap().to_owned();
    let bjy_config = |base: &str| {
        vodkit::baijiayun::Config::new(
            info["baijiayun"]["partner_id"].as_str().unwrap(),
            info["baijiayun"]["partner_key"].as_str().unwrap(),
        )
        .base_url(base)
    };
    let sink = nginx_sink(dir.path());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "{mib} MiB, page-cached, {rounds} rounds interleaved; {} CPUs; load {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );

    // MD5 alone, over 256 MiB in memory: what per-part hashing costs.
    let buf = vec![7u8; 256 * MIB as usize];
    let md5 = timed(true, || {
        let _ = <md5::Md5 as md5::Digest>::digest(&buf);
    });
    println!(
        "{:<34} {:8.1} MiB/s (one core)  cpu {:5.2} s/GiB",
        "MD5 alone, in memory",
        256.0 / md5.secs,
        md5.cpu * 4.0
    );
    drop(buf);

    // B1: Baijiayun single stream, into the emulator and into the sink.
    let mut targets = vec![(
        "emulator",
        info["baijiayun"]["base_url"].as_str().unwrap().to_owned(),
    )];
    if let Some((_, url)) = &sink {
        targets.push(("nginx sink", url.clone()));
    }
    if only == "b3" {
        targets.clear();
    }
    for (name, base) in &targets {
        let client = vodkit::baijiayun::Client::new(bjy_config(base)).unwrap();
        let (mut c, mut v, mut t) = (Vec::new(), Vec::new(), Vec::new());
        let transport = vodkit::http::Transport::new(&vodkit::http::HttpConfig::default()).unwrap();
        // A fresh upload slot for each run that posts to one itself.
        let new_slot = || {
            client
                .get_upload_url(&vodkit::baijiayun::GetUploadUrl {
                    file_name: "bench.mp4".into(),
                    definition: "16".into(),
                    ..Default::default()
                })
                .unwrap()
        };
        for _ in 0..rounds {
            let slot = new_slot();
            c.push(timed(false, || {
                curl(&["-F".into(), file_arg.clone()], &slot.upload_url)
            }));
            v.push(timed(true, || {
                let options = vodkit::baijiayun::UploadOptions::default();
                client.upload(&path, &options).unwrap();
            }));
            // The same multipart body through the SDK's transport alone:
            // no engine, no per-part MD5.
            let slot = new_slot();
            t.push(timed(true, || {
                let file = std::fs::File::open(&path).unwrap();
                let len = mib * MIB;
                let answer = transport
                    .send_streamed(file, len, |http, body| {
                        let part = reqwest::multipart::Part::stream_with_length(body, len)
                            .file_name("bench.mp4");
                        let form = reqwest::multipart::Form::new().part("data", part);
                        Ok(http.post(slot.upload_url.as_str()).multipart(form))
                    })
                    .unwrap();
                assert_eq!(answer.status, 200);
            }));
        }
        row(&format!("B1 {name}: curl -F"), &c, mib, None);
        row(&format!("B1 {name}: vodkit baijiayun"), &v, mib, Some(&c));
        row(
            &format!("B1 {name}: vodkit transport, no MD5"),
            &t,
            mib,
            Some(&c),
        );
    }

    // B3: iQiyi, parts in flight, at 0 and 50 ms latency.
    let iq = vodkit::iqiyi::Client::new(
        vodkit::iqiyi::Config::new(
            info["iqiyi"]["client_id"].as_str().unwrap(),
            info["iqiyi"]["client_secret"].as_str().unwrap(),
        )
        .base_url(info["iqiyi"]["base_url"].as_str().unwrap()),
    )
    .unwrap();
    let http = reqwest::blocking::Client::new();
    let latencies: &[u64] = if only == "b1" { &[] } else { &[0, 50] };
    for &latency in latencies {
        http.post(format!("{root}/_emulator/iqiyi/faults"))
            .header("content-type", "application/json")
            .body(serde_json::json!({ "latency_ms": latency }).to_string())
            .send()
            .unwrap()
            .error_for_status()
            .unwrap();
        let mut curl_runs = Vec::new();
        let mut runs: Vec<Vec<Run>> = vec![Vec::new(); 3];
        for _ in 0..rounds {
            let slot = iq
                .open_upload(&vodkit::iqiyi::OpenUpload {
                    filetype: "mp4".into(),
                    filesize: mib * MIB,
                })
                .unwrap();
            let range = format!("0-{}", mib * MIB - 1);
            let size = (mib * MIB).to_string();
            let args: Vec<String> = [
                ("-H", format!("file_id: {}", slot.file_id)),
                ("-H", format!("file_size: {size}")),
                ("-H", format!("range: {range}")),
                ("-F", format!("file_id={}", slot.file_id)),
                ("-F", format!("file_size={size}")),
                ("-F", format!("range={range}")),
                (
                    "-F",
                    format!("file=@{};filename=upload_file", path.display()),
                ),
            ]
            .into_iter()
            .flat_map(|(a, b)| [a.to_owned(), b])
            .collect();
            curl_runs.push(timed(false, || {
                curl(&args, &slot.upload_url);
                // The closing work the SDK's upload does too.
                iq.set_file_info(&vodkit::iqiyi::SetFileInfo {
                    file_id: slot.file_id.clone(),
                    file_name: "bench.mp4".into(),
                    ..Default::default()
                })
                .unwrap();
                iq.upload_finish(&vodkit::iqiyi::UploadFinish::new(slot.file_id.clone()))
                    .unwrap();
            }));
            for (i, concurrency) in [1usize, 2, 4].into_iter().enumerate() {
                let options = vodkit::iqiyi::UploadOptions {
                    concurrency: Some(concurrency),
                    ..Default::default()
                };
                let mut failed = None;
                let run = timed(true, || failed = iq.upload(&path, &options).err());
                match failed {
                    None => runs[i].push(run),
                    // Reported, not fatal: the emulator under load sometimes answers 500.
                    Some(e) => println!(
                        "  iqiyi {concurrency} in flight failed: {} {}",
                        e.kind(),
                        e.message()
                    ),
                }
            }
        }
        row(
            &format!("B3 iqiyi {latency} ms: curl, one chunk"),
            &curl_runs,
            mib,
            None,
        );
        for (i, concurrency) in [1, 2, 4].into_iter().enumerate() {
            if runs[i].is_empty() {
                continue;
            }
            row(
                &format!("B3 iqiyi {latency} ms: vodkit {concurrency} in flight"),
                &runs[i],
                mib,
                Some(&curl_runs),
            );
        }
        let (one, ..) = summary(&runs[0], mib);
        let (four, ..) = summary(&runs[2], mib);
        println!(
            "B3 iqiyi {latency} ms: 4 in flight / 1 in flight = {:.2}x",
            four / one
        );
    }
}
