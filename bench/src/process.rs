//! Child processes measured alike: wall time from spawn to exit, and the
//! child's own CPU time and peak RSS from `wait4`'s rusage. Every client the
//! benchmark compares (curl, the vodkit client mode of this binary, Python,
//! PHP) runs this way, so their figures mean the same thing.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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

/// Runs `cmd` to its end. `on_line` sees every stdout line as it comes, with
/// the child's pid (B6 kills the child from there).
pub fn run(
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
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Ok(Measured {
        wall,
        cpu_secs: secs(usage.ru_utime) + secs(usage.ru_stime),
        max_rss_kib: usage.ru_maxrss as u64,
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        signal: libc::WIFSIGNALED(status).then(|| libc::WTERMSIG(status)),
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
