//! Child processes measured alike: wall time from spawn to exit, and the
//! child's own CPU time and peak RSS from `wait4`'s rusage. Every client the
//! benchmark compares (curl, the vodkit client mode of this binary, Python,
//! PHP) runs this way, so their figures mean the same thing.
//!
//! Each goes through a small spawner (`vodkit-bench client spawn`), which
//! starts it and reports its rusage: Linux folds the RSS of the process that
//! called exec into the new program's `ru_maxrss`, so a child started
//! straight from this (larger) process would report at least our RSS.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// This binary, whose `client spawn` mode starts measured children.
static SPAWNER: OnceLock<PathBuf> = OnceLock::new();

pub fn set_spawner(exe: PathBuf) {
    let _ = SPAWNER.set(exe);
}

/// The rusage the spawner writes for its child.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Usage {
    pub cpu_secs: f64,
    pub max_rss_kib: u64,
    pub code: Option<i32>,
    pub signal: Option<i32>,
}

/// Runs `cmd` through the spawner; see [`run_direct`].
pub fn run(cmd: Command, on_line: impl FnMut(&str, i32) + Send) -> Result<Measured, String> {
    let Some(spawner) = SPAWNER.get() else {
        return run_direct(cmd, on_line);
    };
    let report = std::env::temp_dir().join(format!(
        "vodkit-bench-rusage-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    ));
    let mut wrapped = Command::new(spawner);
    wrapped
        .args(["client", "spawn", "--rusage-out"])
        .arg(&report);
    if let Some(dir) = cmd.get_current_dir() {
        wrapped.current_dir(dir);
    }
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => wrapped.env(k, v),
            None => wrapped.env_remove(k),
        };
    }
    wrapped
        .arg("--")
        .arg(cmd.get_program())
        .args(cmd.get_args());
    let mut m = run_direct(wrapped, on_line)?;
    let usage: Usage = std::fs::read_to_string(&report)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .ok_or_else(|| format!("the spawner reported no rusage: {}", m.stderr.trim()))?;
    let _ = std::fs::remove_file(&report);
    m.cpu_secs = usage.cpu_secs;
    m.max_rss_kib = usage.max_rss_kib;
    m.code = usage.code;
    m.signal = usage.signal;
    Ok(m)
}

static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The spawner's side: runs `argv` with our stdio, waits, writes its rusage
/// to `out`; our exit code is the child's (128 + signal when killed).
pub fn spawn_and_report(argv: &[String], out: &std::path::Path) -> i32 {
    let Some((program, args)) = argv.split_first() else {
        eprintln!("spawn: no command");
        return 2;
    };
    let child = match Command::new(program).args(args).spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cannot start {program}: {e}");
            return 127;
        }
    };
    let waited = wait4(child.id() as i32);
    drop(child);
    let (status, usage) = match waited {
        Ok(w) => w,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let u = usage_of(status, &usage);
    let _ = std::fs::write(out, serde_json::to_string(&u).unwrap_or_default());
    match (u.code, u.signal) {
        (Some(c), _) => c,
        (None, Some(s)) => 128 + s,
        _ => 1,
    }
}

fn usage_of(status: i32, usage: &libc::rusage) -> Usage {
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Usage {
        cpu_secs: secs(usage.ru_utime) + secs(usage.ru_stime),
        max_rss_kib: usage.ru_maxrss as u64,
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        signal: libc::WIFSIGNALED(status).then(|| libc::WTERMSIG(status)),
    }
}

/// What one child run cost, and what it printed.
#[derive(Debug, Clone)]
pub struct Measured {
    pub wall: Duration,
    /// User + system CPU seconds of the child (and of children it waited for).
    pub cpu_secs: f64,
    /// Peak resident set size, KiB.
    pub max_rss_kib: u64,
    /// Exit code; `None` when a signal ended it.
    pub code: Option<i32>,
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Measured {
    /// Ok when the child exited 0; otherwise why not, with its last words.
    pub fn check(&self, what: &str) -> Result<(), String> {
        if self.code == Some(0) {
            return Ok(());
        }
        let tail: String = {
            let text = if self.stderr.trim().is_empty() {
                &self.stdout
            } else {
                &self.stderr
            };
            let lines: Vec<&str> = text.trim().lines().collect();
            lines[lines.len().saturating_sub(3)..].join(" | ")
        };
        Err(match (self.code, self.signal) {
            (Some(c), _) => format!("{what} exited {c}: {tail}"),
            (None, Some(s)) => format!("{what} killed by signal {s}: {tail}"),
            _ => format!("{what} ended oddly: {tail}"),
        })
    }
}

/// Runs `cmd` to its end, started from this process (its `max_rss_kib` is
/// at least ours). `on_line` sees every stdout line as it comes, with the
/// child's pid (B6 kills the child from there).
pub fn run_direct(
    mut cmd: Command,
    mut on_line: impl FnMut(&str, i32) + Send,
) -> Result<Measured, String> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let program = format!("{:?}", cmd.get_program());
    let started = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    let pid = child.id() as i32;
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let (stdout, stderr, waited) = std::thread::scope(|s| {
        let errs = s.spawn(move || {
            let mut text = String::new();
            let _ = err.read_to_string(&mut text);
            text
        });
        let outs = s.spawn(move || {
            let mut text = String::new();
            let mut reader = BufReader::new(&mut out);
            let mut line = String::new();
            while matches!(reader.read_line(&mut line), Ok(n) if n > 0) {
                on_line(line.trim_end(), pid);
                text.push_str(&line);
                line.clear();
            }
            text
        });
        let waited = wait4(pid);
        let wall = started.elapsed();
        (
            outs.join().unwrap_or_default(),
            errs.join().unwrap_or_default(),
            waited.map(|w| (w, wall)),
        )
    });
    // The child was reaped by wait4: `child` must not wait again.
    drop(child);
    let ((status, usage), wall) = waited?;
    let u = usage_of(status, &usage);
    Ok(Measured {
        wall,
        cpu_secs: u.cpu_secs,
        max_rss_kib: u.max_rss_kib,
        code: u.code,
        signal: u.signal,
        stdout,
        stderr,
    })
}

fn wait4(pid: i32) -> Result<(i32, libc::rusage), String> {
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: valid pointers to locals, pid is our child.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            return Ok((status, usage));
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4: {e}"));
        }
    }
}

/// Sends SIGKILL to `pid` (our own child).
pub fn kill9(pid: i32) {
    // SAFETY: plain syscall on our child's pid.
    unsafe {
        libc::kill(pid, libc::SIGKILL);
    }
}

/// A command's trimmed stdout, or why it failed (for machine facts and tools).
pub fn output_of(program: &str, args: &[&str]) -> Result<String, String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("{program}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{program} {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}
