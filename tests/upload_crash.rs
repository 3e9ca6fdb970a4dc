//! Crash suite (issue 13, R2): a child process uploads 64 MiB with a
//! checkpoint directory and is killed with SIGKILL at 20 random points; each
//! time a new process calls plain `upload()` with the same path and
//! directory. The upload ends with the emulator's MD5 equal to the file's,
//! as one video; for iQiyi no range the checkpoint recorded as acknowledged
//! is ever sent again.
//!
//! The child is this test binary itself, running the ignored test `child`
//! with its task in `VODKIT_CRASH_CHILD`; the emulator lives in the parent,
//! so it outlives every kill. `VODKIT_CRASH_SEED` replays a run's kill
//! points (not its timing). The children log at `RUST_LOG` (default
//! `info,vodkit=debug`); a failure shows each killed run's log and what was
//! found after it.
//!
//! A kill point near the end may land after the server has the whole file:
//! the SDK keeps its checkpoint until `upload()` returns, so the next run
//! finds the video complete and reports it; a run that printed its result
//! before the kill landed ends the sequence (as the application has its
//! result, a further run would be a new upload). What no SDK can cover is a
//! kill between its removing the checkpoint and the child printing the
//! result (a few microseconds): the application must keep what it is handed.

#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::ops::ControlFlow;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};
use vodkit::upload::UploadHooks;

const MIB: u64 = 1024 * 1024;
const SIZE: u64 = 64 * MIB;
const KILLS: usize = 20;

/// The child: one plain `upload()` with a checkpoint directory, printing
/// `progress N` lines and a final `result {...}` line.
#[test]
#[ignore = "run by the crash suite as a child process"]
fn child() {
    // libtest has printed `test child ... ` with no newline: end that line,
    // so that the parent finds each of ours (a run with nothing left to
    // send prints `result` first) at the start of one.
    println!();
    common::log_to_stderr();
    let task: Value = serde_json::from_str(&std::env::var("VODKIT_CRASH_CHILD").unwrap()).unwrap();
    let client = vodkit::Client::new(task["provider"].as_str().unwrap(), &task["config"]).unwrap();
    let control = UploadHooks::new()
        .progress_interval(Duration::from_millis(1))
        .on_progress(|p| {
            println!("progress {}", p.bytes_done);
            ControlFlow::Continue(())
        });
    let path = task["path"].as_str().unwrap();
    match client.upload(Path::new(path), &task["options"], control) {
        Ok(result) => println!("result {result}"),
        Err(e) => println!("error {e}"),
    }
}

fn seed() -> u64 {
    let seed = std::env::var("VODKIT_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    eprintln!("crash suite seed: {seed} (VODKIT_CRASH_SEED={seed} replays it)");
    seed
}

/// The children's log level: `RUST_LOG` as given, else the SDK's debug log
/// (a failure then shows what each run did with its checkpoint).
fn child_log() -> String {
    std::env::var("RUST_LOG").unwrap_or_else(|_| "info,vodkit=debug".to_owned())
}

/// The killed runs: what each was killed at and what was found after it,
/// and its log (stderr) file; shown when the test fails.
struct RunLogs(Vec<(String, std::path::PathBuf)>);

impl Drop for RunLogs {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            return;
        }
        for (i, (what, path)) in self.0.iter().enumerate() {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            eprintln!("--- run {i}: {what}; its log:\n{text}");
        }
    }
}

/// What a run reported.
#[derive(Default)]
struct Outcome {
    /// The last `result`/`error` line before the kill (or the end).
    last: Option<String>,
    /// A `result`/`error` line the child printed after the line that had it
    /// killed (the kill landed after `upload()` returned).
    late: Option<String>,
}

/// Runs one child; with `kill_at`, kills it (SIGKILL) once it reports that
/// many bytes done, its stderr going to `log` (a child's inherited stderr
/// would escape the test harness's capture and fill a passing run's output).
fn run_child(task: &Value, kill_at: Option<u64>, log: &Path) -> Outcome {
    let stderr = Stdio::from(std::fs::File::create(log).unwrap());
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("VODKIT_CRASH_CHILD", task.to_string())
        .env("RUST_LOG", child_log())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut outcome = Outcome::default();
    let mut killed = false;
    for line in rx.iter() {
        if let Some(done) = line.strip_prefix("progress ") {
            let done: u64 = done.parse().unwrap();
            if !killed && kill_at.is_some_and(|at| done >= at) {
                child.kill().unwrap(); // SIGKILL
                killed = true;
            }
        } else if line.starts_with("result ") || line.starts_with("error ") {
            if killed {
                outcome.late = Some(line);
            } else {
                outcome.last = Some(line);
            }
        }
    }
    child.wait().unwrap();
    outcome
}

fn crash_and_resume(provider: &str) {
    let mut rng = fastrand::Rng::with_seed(seed());
    let emu = common::emulator_with(vodkit_emulator::baijiayun::Config::default());
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "crash.mp4", SIZE);
    let store = dir.path().join("checkpoints");
    let retry = json!({"max_retries": 4, "initial_backoff_ms": 10, "max_backoff_ms": 100});
    let config = match provider {
        "baijiayun" => {
            let s = emu.baijiayun();
            json!({"partner_id": s.config.partner_id, "partner_key": s.partner_key(),
                   "base_url": emu.provider_url("baijiayun"), "retry": retry})
        }
        _ => {
            let s = emu.iqiyi();
            json!({"client_id": s.config.client_id, "client_secret": s.config.client_secret.as_str(),
                   "base_url": emu.provider_url("iqiyi"), "retry": retry})
        }
    };
    let task = json!({
        "provider": provider,
        "config": config,
        "path": path,
        "options": {"checkpoint_dir": store, "part_size": 2 * MIB},
    });
    // Kill points spread over the file, in order: each run gets further.
    let mut points: Vec<u64> = (0..KILLS).map(|_| rng.u64(0..SIZE)).collect();
    points.sort_unstable();
    // iQiyi: offsets the checkpoint recorded as acknowledged → chunk requests then.
    let mut acknowledged: std::collections::BTreeMap<u64, u32> = Default::default();
    let mut file_id: Option<String> = None;
    let mut logs = RunLogs(Vec::new());
    let mut completed = None;
    for (i, at) in points.iter().enumerate() {
        let log = dir.path().join(format!("run-{i}.log"));
        let run = run_child(&task, Some(*at), &log);
        let cp = vodkit::upload::checkpoint::list(&store).unwrap();
        let what = format!(
            "killed at {at} bytes done; printed after that: {:?}; checkpoint then: {:?}{}",
            run.late,
            cp.first().map(|c| (&c.resume, c.acknowledged)),
            match provider {
                "baijiayun" => format!(
                    "; getUploadUrl requests so far: {}",
                    emu.baijiayun().request_count("/openapi/video/getUploadUrl")
                ),
                _ => String::new(),
            }
        );
        logs.0.push((what, log));
        if let Some(line) = run.last {
            // Ended before its kill point: only right when the server held
            // the file up to it already (an earlier kill landed after the
            // last bytes arrived), so that there was nothing to interrupt.
            let resumed_from = line
                .strip_prefix("result ")
                .and_then(|r| serde_json::from_str::<Value>(r).ok())
                .and_then(|r| r["resumed_from"].as_u64());
            assert!(
                resumed_from.is_some_and(|from| from >= *at),
                "run {i} ended before its kill at {at} bytes: {line}"
            );
            eprintln!("run {i} found the upload complete");
            completed = Some(line);
            break;
        }
        if let Some(late) = run.late {
            // The kill landed after `upload()` returned (a kill point near
            // the end, the SIGKILL slower than the last bytes): this run
            // completed, and its result is the upload's, as it would be for
            // an application. A run starting after it would be a new upload.
            assert!(late.starts_with("result "), "run {i} failed: {late}");
            eprintln!("run {i} completed before its kill at {at} bytes landed");
            completed = Some(late);
            break;
        }
        if provider == "iqiyi" {
            record_acknowledged(&emu, &store, &mut acknowledged, &mut file_id, i);
        }
    }
    let outcome = completed.unwrap_or_else(|| {
        let log = dir.path().join("run-last.log");
        logs.0
            .push(("the last run, not killed".to_owned(), log.clone()));
        run_child(&task, None, &log)
            .last
            .expect("the last run reports")
    });
    let result: Value = serde_json::from_str(
        outcome
            .strip_prefix("result ")
            .unwrap_or_else(|| panic!("the last run failed: {outcome}")),
    )
    .unwrap();
    let md5 = common::md5_file(&path);
    assert_eq!(result["file_md5"], md5.as_str());
    match provider {
        "baijiayun" => {
            let id = result["video_id"].as_i64().unwrap();
            assert_eq!(
                emu.baijiayun().video(id).unwrap().md5.as_deref(),
                Some(md5.as_str())
            );
            assert_eq!(
                emu.baijiayun().request_count("/openapi/video/getUploadUrl"),
                1,
                "one video across every kill"
            );
        }
        _ => {
            let id = result["file_id"].as_str().unwrap();
            assert_eq!(Some(id), file_id.as_deref(), "one upload across every kill");
            let f = emu.iqiyi().file(id).unwrap();
            assert_eq!(f.md5.as_deref(), Some(md5.as_str()));
            for (at, then) in &acknowledged {
                assert_eq!(
                    f.chunks[at], *then,
                    "the acknowledged range at {at} was sent again"
                );
            }
            assert!(!acknowledged.is_empty());
        }
    }
    assert!(vodkit::upload::checkpoint::list(&store).unwrap().is_empty());
}

/// After a kill: the ranges the checkpoint holds, with the chunk requests
/// each had by then (no later run may add one).
fn record_acknowledged(
    emu: &vodkit_emulator::Emulator,
    store: &Path,
    acknowledged: &mut std::collections::BTreeMap<u64, u32>,
    file_id: &mut Option<String>,
    run: usize,
) {
    let Some(entry) = std::fs::read_dir(store).ok().and_then(|mut d| {
        d.find_map(|e| {
            e.ok()
                .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        })
    }) else {
        return; // killed before openupload answered
    };
    let record: Value =
        serde_json::from_str(&std::fs::read_to_string(entry.path()).unwrap()).unwrap();
    let id = record["resume"]["file_id"].as_str().unwrap().to_owned();
    assert_eq!(
        file_id.get_or_insert(id.clone()),
        &id,
        "run {run}: a new upload"
    );
    let f = emu.iqiyi().file(&id).unwrap();
    for r in record["ranges"].as_array().unwrap() {
        let at = r["offset"].as_u64().unwrap();
        let count = f.chunks[&at];
        if let Some(before) = acknowledged.insert(at, count) {
            assert_eq!(
                before, count,
                "run {run}: the acknowledged range at {at} was sent again"
            );
        }
    }
}

#[test]
fn baijiayun_survives_twenty_kills() {
    crash_and_resume("baijiayun");
}

#[test]
fn iqiyi_survives_twenty_kills() {
    crash_and_resume("iqiyi");
}
