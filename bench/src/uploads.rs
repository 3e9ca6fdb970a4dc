//! B1, B2 and B4: one Baijiayun upload by the vodkit client against
//! `curl -F data=@file` of the same bytes to the same upload URL, into the
//! emulator and into the nginx sink; interleaved, each a child process.
//!
//! Both sides are timed from spawn to exit and both include getUploadUrl:
//! the vodkit child calls it itself, and for curl the parent calls it just
//! before spawning curl, inside the timed span.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use serde_json::{json, Value};

use crate::context::{line_json, say, Ctx};
use crate::files::{GIB, MIB};
use crate::process::{self, Measured};
use crate::report::{Row, Series};

/// Where the bytes go.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    Emulator,
    Sink,
}

impl Target {
    pub fn name(self) -> &'static str {
        match self {
            Target::Emulator => "emulator",
            Target::Sink => "nginx sink",
        }
    }
}

/// One upload's cost.
pub struct Run {
    pub mib_per_s: f64,
    pub cpu_per_gib: f64,
    pub rss_mib: f64,
}

impl Run {
    fn of(m: &Measured, secs: f64, size: u64) -> Run {
        Run {
            mib_per_s: size as f64 / MIB as f64 / secs,
            cpu_per_gib: m.cpu_secs / (size as f64 / GIB as f64),
            rss_mib: m.max_rss_kib as f64 / 1024.0,
        }
    }
}

/// Points getUploadUrl at `target` (the sink through the emulator's
/// upload_target control).
pub fn aim(ctx: &Ctx, target: Target) -> Result<(), String> {
    match target {
        Target::Emulator => {
            // An emulator without the control already hands out its own URL.
            let _ = ctx.emu.set_upload_target("baijiayun", None);
            Ok(())
        }
        Target::Sink => {
            let sink = ctx.sink.as_ref().map_err(|e| format!("no sink: {e}"))?;
            ctx.emu
                .set_upload_target("baijiayun", Some(&sink.upload_url()))
        }
    }
}

/// The vodkit client's upload, checked where the bytes went. `md5`: with
/// the end-to-end MD5 (`verify_md5`, the SDK's default: the file's MD5
/// computed while it streams, then compared with getInfo's). Against curl,
/// which checks nothing, the SDK runs without it; the MD5's own cost is a
/// row of its own.
pub fn vodkit_once(
    ctx: &Ctx,
    target: Target,
    file: &Path,
    size: u64,
    md5: bool,
) -> Result<Run, String> {
    let options = json!({ "file_name": "vodkit.mp4", "verify_md5": md5 });
    let m = process::run(ctx.vodkit_upload("baijiayun", file, &options), |_, _| {})?;
    m.check("vodkit upload")?;
    let result = line_json(&m.stdout, "result ").ok_or("the vodkit child printed no result")?;
    let id = result["video_id"]
        .as_i64()
        .ok_or("no video_id in the result")?;
    verify(ctx, target, id, size)?;
    ctx.emu.clear_data();
    Ok(Run::of(&m, m.wall.as_secs_f64(), size))
}

/// curl posting the file as the multipart field `data`, as the SDK does.
pub fn curl_once(ctx: &Ctx, target: Target, file: &Path, size: u64) -> Result<Run, String> {
    let started = Instant::now();
    let client = ctx.emu.client("baijiayun")?;
    let (m, id, before_curl) = curl_upload(&client, file, started)?;
    verify(ctx, target, id, size)?;
    ctx.emu.clear_data();
    let secs = before_curl.as_secs_f64() + m.wall.as_secs_f64();
    Ok(Run::of(&m, secs, size))
}

/// What a hand-rolled client sends for one file: getUploadUrl (signed by
/// `client`), then curl posting the file to the upload URL. Answers curl's
/// measure, the video id, and the time from `started` to curl's spawn.
pub fn curl_upload(
    client: &vodkit::Client,
    file: &Path,
    started: Instant,
) -> Result<(Measured, i64, std::time::Duration), String> {
    let created = client
        .call(
            "video/getUploadUrl",
            &json!({ "file_name": "curl.mp4", "definition": "16,1" }),
        )
        .map_err(|e| format!("getUploadUrl: {e}"))?;
    let before_curl = started.elapsed();
    let url = created["upload_url"].as_str().ok_or("no upload_url")?;
    let id = created["video_id"].as_i64().ok_or("no video_id")?;
    let mut cmd = Command::new("curl");
    cmd.args([
        "-sS",
        "-o",
        "-",
        "-w",
        "\n%{http_code}",
        "-H",
        "Expect:",
        "-F",
    ])
    .arg(format!(
        "data=@{};filename=curl.mp4;type=application/octet-stream",
        file.display()
    ))
    .arg(url);
    let m = process::run(cmd, |_, _| {})?;
    m.check("curl")?;
    let mut lines = m.stdout.trim_end().rsplitn(2, '\n');
    let (code, body) = (lines.next().unwrap_or(""), lines.next().unwrap_or(""));
    let answer: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    if code != "200" || answer["code"] != json!(1) {
        return Err(format!("curl got HTTP {code}: {body}"));
    }
    Ok((m, id, before_curl))
}

/// Every byte arrived: the emulator holds the whole file, or the sink's log
/// counted the whole body.
pub fn verify(ctx: &Ctx, target: Target, video_id: i64, size: u64) -> Result<(), String> {
    match target {
        Target::Emulator => {
            let v = ctx
                .emu
                .inspect("baijiayun", &format!("videos/{video_id}"))?;
            match v["received_bytes"].as_u64() {
                Some(n) if n == size => Ok(()),
                other => Err(format!("the emulator holds {other:?} of {size} bytes")),
            }
        }
        Target::Sink => ctx
            .sink
            .as_ref()
            .map_err(Clone::clone)?
            .check_log(size)
            .map(drop),
    }
}

/// Series of one client over interleaved runs.
pub struct Sides {
    pub vodkit: [Series; 3],
    pub curl: [Series; 3],
}

impl Sides {
    fn new() -> Sides {
        let three = |who: &str| {
            [
                Series::new(who, "MiB/s"),
                Series::new(who, "CPU s/GiB"),
                Series::new(who, "MiB RSS"),
            ]
        };
        Sides {
            vodkit: three("vodkit"),
            curl: three("curl"),
        }
    }

    fn push(which: &mut [Series; 3], r: &Run) {
        which[0].values.push(r.mib_per_s);
        which[1].values.push(r.cpu_per_gib);
        which[2].values.push(r.rss_mib);
    }
}

/// `iterations` interleaved vodkit/curl pairs (the order alternates).
pub fn interleaved(
    ctx: &Ctx,
    target: Target,
    file: &Path,
    size: u64,
    iterations: usize,
) -> Result<Sides, String> {
    aim(ctx, target)?;
    let mut sides = Sides::new();
    for i in 0..iterations {
        let vodkit_first = i % 2 == 0;
        for turn in 0..2 {
            let is_vodkit = (turn == 0) == vodkit_first;
            let run = if is_vodkit {
                vodkit_once(ctx, target, file, size, false)
            } else {
                curl_once(ctx, target, file, size)
            }
            .map_err(|e| format!("{}: {e}", if is_vodkit { "vodkit" } else { "curl" }))?;
            say(format!(
                "  {} {} #{}: {:.0} MiB/s, {:.2} CPU s/GiB, {:.1} MiB RSS",
                target.name(),
                if is_vodkit { "vodkit" } else { "curl  " },
                i + 1,
                run.mib_per_s,
                run.cpu_per_gib,
                run.rss_mib
            ));
            Sides::push(
                if is_vodkit {
                    &mut sides.vodkit
                } else {
                    &mut sides.curl
                },
                &run,
            );
        }
    }
    Ok(sides)
}

/// B1: throughput and CPU per GiB into the emulator and into the sink.
pub fn b1(ctx: &Ctx, file: &Path, size: u64) -> Vec<Row> {
    let mut rows = Vec::new();
    let gib = format!("{} MiB", size / MIB);
    for target in [Target::Emulator, Target::Sink] {
        say(format!("B1 into the {} ({gib})", target.name()));
        let what = format!("Baijiayun upload into the {}, {gib}", target.name());
        match interleaved(ctx, target, file, size, ctx.iterations) {
            Ok(s) => {
                let [v_rate, v_cpu, _] = s.vodkit;
                let [c_rate, c_cpu, _] = s.curl;
                rows.push(
                    Row::pair("B1", format!("{what}: throughput"), v_rate, c_rate).target("≥ 0.95"),
                );
                rows.push(
                    Row::pair("B1", format!("{what}: client CPU per GiB"), v_cpu, c_cpu)
                        .target("≤ 2"),
                );
            }
            Err(e) => rows.push(Row::na("B1", what, e)),
        }
    }
    rows.push(md5_cost(ctx, file, size));
    let _ = ctx.emu.set_upload_target("baijiayun", None);
    rows
}

/// B1, item 4: the SDK with its end-to-end MD5 against the SDK without it,
/// interleaved, into the sink (the emulator would spend its own CPU hashing
/// what it stored, on the same two cores).
fn md5_cost(ctx: &Ctx, file: &Path, size: u64) -> Row {
    let what = format!(
        "Baijiayun upload into the nginx sink, {} MiB: end-to-end MD5 on vs off",
        size / MIB
    );
    say(format!("B1 {what}"));
    if let Err(e) = aim(ctx, Target::Sink) {
        return Row::na("B1", what, e);
    }
    let mut on = Series::new("MD5 on", "MiB/s");
    let mut off = Series::new("MD5 off", "MiB/s");
    for i in 0..ctx.iterations {
        for turn in 0..2 {
            let md5 = (turn == 0) == (i % 2 == 0);
            match vodkit_once(ctx, Target::Sink, file, size, md5) {
                Ok(run) => {
                    say(format!(
                        "  sink vodkit MD5 {} #{}: {:.0} MiB/s, {:.2} CPU s/GiB",
                        if md5 { "on " } else { "off" },
                        i + 1,
                        run.mib_per_s,
                        run.cpu_per_gib
                    ));
                    if md5 { &mut on } else { &mut off }
                        .values
                        .push(run.mib_per_s);
                }
                Err(e) => return Row::na("B1", what, e),
            }
        }
    }
    Row::pair("B1", what, on, off).target("≥ 0.9")
}

/// B2: into the emulator with its latency fault on every request.
pub fn b2(ctx: &Ctx, file: &Path, size: u64) -> Vec<Row> {
    let mut rows = Vec::new();
    for ms in [25u64, 50] {
        say(format!("B2 into the emulator, {ms} ms latency"));
        let what = format!("Baijiayun upload into the emulator, {ms} ms latency");
        let measured = ctx
            .emu
            .set_latency("baijiayun", ms)
            .and_then(|_| interleaved(ctx, Target::Emulator, file, size, ctx.iterations));
        match measured {
            Ok(s) => {
                let [v_rate, ..] = s.vodkit;
                let [c_rate, ..] = s.curl;
                rows.push(
                    Row::pair("B2", format!("{what}: throughput"), v_rate, c_rate)
                        .target(if ms == 50 { "≥ 0.9" } else { "" }),
                );
            }
            Err(e) => rows.push(Row::na("B2", what, e)),
        }
    }
    if let Err(e) = ctx.emu.set_latency("baijiayun", 0) {
        say(format!("could not turn the latency off: {e}"));
    }
    rows
}

/// B4: peak RSS of each client at two file sizes (into the sink when there
/// is one: nothing is stored).
pub fn b4(ctx: &Ctx, files: &[(std::path::PathBuf, u64)]) -> Vec<Row> {
    // Into the sink when there is one (nothing is stored); else the emulator.
    let target = match aim(ctx, Target::Sink) {
        Ok(()) => Target::Sink,
        Err(e) => {
            say(format!("B4 into the emulator: {e}"));
            Target::Emulator
        }
    };
    // The spawner's own RSS is the floor under every child's ru_maxrss.
    let floor = process::run(Command::new("true"), |_, _| {})
        .map(|m| {
            format!(
                "; floor (the spawner alone): {:.1} MiB",
                m.max_rss_kib as f64 / 1024.0
            )
        })
        .unwrap_or_default();
    let mut rows = Vec::new();
    for (file, size) in files {
        say(format!(
            "B4 peak RSS, {} MiB into the {}",
            size / MIB,
            target.name()
        ));
        let what = format!("peak RSS, {} MiB into the {}", size / MIB, target.name());
        match interleaved(ctx, target, file, *size, 1) {
            Ok(s) => {
                let [_, _, v_rss] = s.vodkit;
                let [_, _, c_rss] = s.curl;
                rows.push(Row::pair("B4", what, v_rss, c_rss).note(format!(
                    "keep ≤ 32 MiB + concurrency × part size, flat in file size{floor}"
                )));
            }
            Err(e) => rows.push(Row::na("B4", what, e)),
        }
    }
    let _ = ctx.emu.set_upload_target("baijiayun", None);
    rows
}
