//! B6: bytes re-sent after kill -9 at 90%, per provider. A child uploads
//! through a counting relay (the emulator's upload_target points the upload
//! URL at it), is SIGKILLed once its progress passes 90%, and a new process
//! continues; the relay's byte counts of the killed run plus the new one,
//! minus those of one clean upload of the same file, are the bytes sent
//! twice (request heads and multipart framing cancel out, within a few KiB).
//!
//! Both runs upload with the same `checkpoint_dir`, and the new process calls
//! a plain upload() of the same file, as an app restarted after a crash does:
//! - Baijiayun: the checkpoint holds the video id; the server says how much
//!   it holds (one streamed request: only what was in the socket is lost).
//! - iQiyi: the checkpoint holds the acknowledged ranges with their MD5s
//!   (iQiyi cannot be asked); only the parts in flight at the kill go again.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use serde_json::{json, Value};

use crate::context::{line_json, say, Ctx};
use crate::files::MIB;
use crate::process;
use crate::proxy::CountingProxy;
use crate::report::{Row, Series};

pub fn b6(ctx: &Ctx, file: &Path, size: u64) -> Vec<Row> {
    let proxy = match ctx
        .emu
        .root_url
        .trim_start_matches("http://")
        .parse()
        .map_err(|e| format!("{e}"))
        .and_then(CountingProxy::start)
    {
        Ok(p) => p,
        Err(e) => return vec![Row::na("B6", "bytes re-sent after kill -9", e)],
    };
    let mut rows = Vec::new();
    for (provider, path) in [
        ("baijiayun", "/baijiayun/upload"),
        ("iqiyi", "/iqiyi/qichuan/upload"),
    ] {
        say(format!("B6 {provider}: kill -9 at 90%, then a new process"));
        let what = format!(
            "{provider}: bytes re-sent after kill -9 at 90%, {} MiB",
            size / MIB
        );
        let url = format!("{}{path}", proxy.url());
        let measured = ctx
            .emu
            .set_upload_target(provider, Some(&url))
            .and_then(|_| one(ctx, &proxy, provider, file, size));
        let _ = ctx.emu.set_upload_target(provider, None);
        ctx.emu.clear_data();
        rows.push(match measured {
            Ok((resent, note)) => {
                let mut a = Series::new("re-sent", "MiB");
                a.values.push(resent as f64 / MIB as f64);
                let mut b = Series::new("file", "MiB");
                b.values.push(size as f64 / MIB as f64);
                Row::pair("B6", what, a, b)
                    .target("in flight at the kill only")
                    .note(note)
            }
            Err(e) => Row::na("B6", what, e),
        });
    }
    rows
}

/// Clean upload, killed upload, continuation: (bytes sent twice, note).
fn one(
    ctx: &Ctx,
    proxy: &CountingProxy,
    provider: &str,
    file: &Path,
    size: u64,
) -> Result<(u64, String), String> {
    // The killed upload and its continuation share a checkpoint directory:
    // the continuation is a plain upload() of the same file, as an app
    // restarted after a crash would call it.
    let checkpoints = std::env::temp_dir().join(format!(
        "vodkit-bench-checkpoints-{provider}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&checkpoints);
    let dir = checkpoints.display().to_string();
    let options = |name: &str| match provider {
        "baijiayun" => json!({ "file_name": name, "checkpoint_dir": dir }),
        _ => json!({ "file_name": name, "concurrency": 4, "checkpoint_dir": dir }),
    };
    proxy.take();
    let clean = process::run(
        ctx.vodkit_upload(provider, file, &options("b6-clean.mp4")),
        |_, _| {},
    )?;
    clean.check("the clean upload")?;
    settle();
    let wire_clean = proxy.take();
    ctx.emu.clear_data();

    let name = format!("b6-killed-{}.mp4", std::process::id());
    let killed = AtomicBool::new(false);
    let killed_at = AtomicU64::new(0);
    let mut cmd = ctx.vodkit_upload(provider, file, &options(&name));
    cmd.arg("--progress");
    // Started directly: the pid seen here is the upload's own, to kill.
    let first = process::run_direct(cmd, |line, pid| {
        let mut f = line.split_whitespace();
        if f.next() != Some("progress") || killed.load(Ordering::SeqCst) {
            return;
        }
        let done: u64 = f.next().and_then(|v| v.parse().ok()).unwrap_or(0);
        let total: u64 = f.next().and_then(|v| v.parse().ok()).unwrap_or(u64::MAX);
        if done * 10 > total * 9 {
            process::kill9(pid);
            killed.store(true, Ordering::SeqCst);
            killed_at.store(done, Ordering::SeqCst);
        }
    })?;
    if first.signal != Some(libc::SIGKILL) {
        return Err(format!(
            "the upload was not killed at 90% (exit {:?}): its progress reports were too sparse",
            first.code
        ));
    }
    settle();
    let wire_killed = proxy.take();

    let held = match provider {
        "baijiayun" => {
            let client = ctx.emu.client(provider)?;
            let list = client
                .call("video/getVideoList", &json!({ "name": name }))
                .map_err(|e| format!("getVideoList: {e}"))?;
            let id = list["list"][0]["video_id"].as_i64().unwrap_or(0);
            ctx.emu.inspect(provider, &format!("videos/{id}"))?["received_bytes"]
                .as_u64()
                .unwrap_or(0)
        }
        _ => 0,
    };
    let how = match provider {
        "baijiayun" => format!(
            "server held {:.1} MiB at the kill; a plain upload() resumed from the checkpoint",
            held as f64 / MIB as f64
        ),
        _ => "a plain upload() resumed from the checkpoint (acknowledged ranges, MD5-checked)"
            .to_owned(),
    };
    let second = ctx.vodkit_upload(provider, file, &options(&name));
    let second_run = process::run(second, |_, _| {})?;
    second_run.check("the continuation")?;
    settle();
    let wire_second = proxy.take();
    let result = line_json(&second_run.stdout, "result ").unwrap_or(Value::Null);
    check_whole(ctx, provider, &result, size)?;
    let _ = std::fs::remove_dir_all(&checkpoints);
    let resent = (wire_killed + wire_second).saturating_sub(wire_clean);
    let at = 100.0 * killed_at.load(Ordering::SeqCst) as f64 / size as f64;
    Ok((resent, format!("killed at {at:.0}% of progress; {how}")))
}

/// The continuation left the whole file at the server.
fn check_whole(ctx: &Ctx, provider: &str, result: &Value, size: u64) -> Result<(), String> {
    let snapshot = match provider {
        "baijiayun" => {
            let id = result["video_id"]
                .as_i64()
                .ok_or("no video_id in the result")?;
            ctx.emu.inspect(provider, &format!("videos/{id}"))?
        }
        _ => {
            let id = result["file_id"]
                .as_str()
                .ok_or("no file_id in the result")?;
            ctx.emu.inspect(provider, &format!("files/{id}"))?
        }
    };
    let held = match provider {
        "baijiayun" => &snapshot["received_bytes"],
        _ => &snapshot["received"],
    };
    match held.as_u64() {
        Some(n) if n == size => Ok(()),
        _ => Err(format!(
            "after the continuation the emulator holds {snapshot}"
        )),
    }
}

/// Lets the relay finish counting what was in flight.
fn settle() {
    std::thread::sleep(Duration::from_millis(300));
}
