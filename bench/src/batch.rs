//! The batch row (issue 25): many files into the emulator with its latency
//! fault on every request — `vodkit::Client::upload_many` with 4 jobs,
//! against 4 curl uploads at once (what a hand-rolled parallel client
//! sends: getUploadUrl, then `curl -F data=@file`, per file), and against
//! `upload_many` with 1 job. The three run interleaved, their order rotating
//! round by round; each is timed from its start to its last file's end.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use serde_json::json;

use crate::context::{line_json, say, Ctx};
use crate::files::{GIB, MIB};
use crate::process;
use crate::report::{Row, Series};
use crate::uploads::{self, Target};

/// Files uploaded at once by vodkit's batch and by the curl side.
const JOBS: usize = 4;

/// One side of the comparison.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Vodkit(usize),
    Curl,
}

impl Side {
    fn label(self) -> String {
        match self {
            Side::Vodkit(1) => "vodkit 1 job".to_owned(),
            Side::Vodkit(jobs) => format!("vodkit {jobs} jobs"),
            Side::Curl => format!("curl × {JOBS}"),
        }
    }
}

/// One batch's cost: throughput over the whole batch, client CPU per GiB.
struct Run {
    mib_per_s: f64,
    cpu_per_gib: f64,
}

impl Run {
    fn of(bytes: u64, secs: f64, cpu_secs: f64) -> Run {
        Run {
            mib_per_s: bytes as f64 / MIB as f64 / secs,
            cpu_per_gib: cpu_secs / (bytes as f64 / GIB as f64),
        }
    }
}

/// The `vodkit-bench client upload-many` child: one process for the batch,
/// as an application would run it.
fn vodkit_batch(ctx: &Ctx, files: &[PathBuf], size: u64, jobs: usize) -> Result<Run, String> {
    let options = json!({ "file_name": "vodkit.mp4", "verify_md5": false });
    let mut cmd = Command::new(&ctx.exe);
    cmd.args([
        "client",
        "upload-many",
        "--provider",
        "baijiayun",
        "--config",
    ])
    .arg(ctx.emu.config("baijiayun").to_string())
    .args([
        "--jobs",
        &jobs.to_string(),
        "--options",
        &options.to_string(),
    ])
    .args(files);
    let m = process::run(cmd, |_, _| {})?;
    m.check("vodkit upload-many")?;
    let ids = line_json(&m.stdout, "result ").ok_or("the vodkit child printed no result")?;
    let ids: Vec<i64> = ids
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_i64()).collect())
        .unwrap_or_default();
    verify_all(ctx, &ids, files.len(), size)?;
    Ok(Run::of(
        size * files.len() as u64,
        m.wall.as_secs_f64(),
        m.cpu_secs,
    ))
}

/// `JOBS` workers, each taking the next file: getUploadUrl, then curl
/// (each curl a measured child; the CPU is theirs, summed).
fn curl_batch(ctx: &Ctx, files: &[PathBuf], size: u64) -> Result<Run, String> {
    let client = ctx.emu.client("baijiayun")?;
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(i64, f64)>> = Mutex::new(Vec::new());
    let started = Instant::now();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..JOBS.min(files.len()))
            .map(|_| {
                scope.spawn(|| -> Result<(), String> {
                    while let Some(file) = files.get(next.fetch_add(1, Ordering::SeqCst)) {
                        let (m, id, _) = uploads::curl_upload(&client, file, started)?;
                        done.lock().unwrap().push((id, m.cpu_secs));
                    }
                    Ok(())
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err("a curl worker panicked".into()))
            })
            .collect::<Result<Vec<()>, String>>()
    })?;
    let secs = started.elapsed().as_secs_f64();
    let done = done.into_inner().unwrap();
    let ids: Vec<i64> = done.iter().map(|(id, _)| *id).collect();
    verify_all(ctx, &ids, files.len(), size)?;
    let cpu: f64 = done.iter().map(|(_, cpu)| cpu).sum();
    Ok(Run::of(size * files.len() as u64, secs, cpu))
}

/// Every file arrived whole, as its own video; then the stored bytes go.
fn verify_all(ctx: &Ctx, ids: &[i64], files: usize, size: u64) -> Result<(), String> {
    let distinct: std::collections::BTreeSet<_> = ids.iter().collect();
    if ids.len() != files || distinct.len() != files {
        return Err(format!(
            "{} videos for {files} files: {ids:?}",
            distinct.len()
        ));
    }
    for id in ids {
        uploads::verify(ctx, Target::Emulator, *id, size)?;
    }
    ctx.emu.clear_data();
    Ok(())
}

/// The batch rows: `count` files of `size` bytes at `latency_ms`.
pub fn rows(ctx: &Ctx, files: &[PathBuf], size: u64, latency_ms: u64) -> Vec<Row> {
    let what = format!(
        "{} × {} MiB into the emulator, {latency_ms} ms latency",
        files.len(),
        size / MIB
    );
    say(format!("batch: {what}"));
    match measure(ctx, files, size, latency_ms) {
        Ok([(v4_rate, v4_cpu), (curl_rate, curl_cpu), (v1_rate, _)]) => vec![
            Row::pair(
                "batch",
                format!("{what}: throughput, {JOBS} files at once"),
                v4_rate.clone(),
                curl_rate,
            )
            .target("≥ 0.95")
            .note("target from issue 25"),
            Row::pair(
                "batch",
                format!("{what}: client CPU per GiB"),
                v4_cpu,
                curl_cpu,
            ),
            Row::pair(
                "batch",
                format!("{what}: throughput, {JOBS} jobs against 1"),
                v4_rate,
                v1_rate,
            )
            .note("what parallel files buy at this latency"),
        ],
        Err(e) => vec![Row::na("batch", what, e)],
    }
}

/// `ctx.iterations` rounds of the three sides, in rotating order: per side,
/// its throughput and CPU series.
fn measure(
    ctx: &Ctx,
    files: &[PathBuf],
    size: u64,
    latency_ms: u64,
) -> Result<[(Series, Series); 3], String> {
    let sides = [Side::Vodkit(JOBS), Side::Curl, Side::Vodkit(1)];
    let mut series = sides.map(|s| {
        (
            Series::new(s.label(), "MiB/s"),
            Series::new(s.label(), "CPU s/GiB"),
        )
    });
    uploads::aim(ctx, Target::Emulator)?;
    ctx.emu.set_latency("baijiayun", latency_ms)?;
    let measured: Result<(), String> = (|| {
        for round in 0..ctx.iterations {
            for turn in 0..sides.len() {
                let at = (round + turn) % sides.len();
                let side = sides[at];
                let run =
                    one(ctx, side, files, size).map_err(|e| format!("{}: {e}", side.label()))?;
                say(format!(
                    "  {} #{}: {:.0} MiB/s, {:.2} CPU s/GiB",
                    side.label(),
                    round + 1,
                    run.mib_per_s,
                    run.cpu_per_gib
                ));
                series[at].0.values.push(run.mib_per_s);
                series[at].1.values.push(run.cpu_per_gib);
            }
        }
        Ok(())
    })();
    if let Err(e) = ctx.emu.set_latency("baijiayun", 0) {
        say(format!("could not turn the latency off: {e}"));
    }
    measured.map(|()| series)
}

fn one(ctx: &Ctx, side: Side, files: &[PathBuf], size: u64) -> Result<Run, String> {
    match side {
        Side::Vodkit(jobs) => vodkit_batch(ctx, files, size, jobs),
        Side::Curl => curl_batch(ctx, files, size),
    }
}
