//! `--sandbox` commands share one emulator state, kept in the user state
//! directory until `vodkit sandbox reset`: a sequence of commands behaves
//! like one account, and its transcodes and reviews finish on their own.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// `vodkit` with no account configured at all: only the sandbox answers.
    fn cmd(&self, provider: &str, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_vodkit"));
        c.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("VODKIT_CONFIG", self.dir.path().join("config.toml"))
            .env("VODKIT_STATE_DIR", self.state())
            .env("VODKIT_PROVIDER", provider)
            .stdin(Stdio::null());
        c
    }

    fn run(&self, provider: &str, args: &[&str]) -> Output {
        self.cmd(provider, args).output().unwrap()
    }

    fn json(&self, provider: &str, args: &[&str]) -> Value {
        let out = self.run(provider, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stdout)))
    }

    fn file(&self, name: &str, size: usize) -> PathBuf {
        let p = self.dir.path().join(name);
        let data: Vec<u8> = (0..size).map(|i| (i * 31 + i / 257) as u8).collect();
        std::fs::write(&p, data).unwrap();
        p
    }
}

fn sandbox_dir(state: &Path) -> PathBuf {
    state.join("sandbox")
}

#[test]
fn baijiayun_upload_then_status_and_wait_in_later_commands_until_reset() {
    let env = Env::new();
    let f = env.file("lecture.mp4", 300_000);
    let up = env.json(
        "baijiayun",
        &["--sandbox", "upload", f.to_str().unwrap(), "--json"],
    );
    let id = up["uploaded"][0]["video_id"].as_i64().unwrap();
    let id = id.to_string();

    // Another process, another emulator: the same video.
    let status = env.json("baijiayun", &["--sandbox", "status", &id, "--json"]);
    assert!(
        [20, 100].contains(&status["status"].as_i64().unwrap_or(0)),
        "{status}"
    );
    // Its transcoding goes on by itself: wait ends (the timeout is only a
    // deadline for a broken sandbox).
    let waited = env.json(
        "baijiayun",
        &[
            "--sandbox",
            "wait",
            &id,
            "--interval",
            "0.2",
            "--timeout",
            "120",
            "--json",
        ],
    );
    assert_eq!(waited["status"], 100, "{waited}");
    let listed = env.json("baijiayun", &["--sandbox", "ls", "--json"]);
    assert_eq!(listed["total"], 1, "{listed}");
    // The state file is private to the user.
    use std::os::unix::fs::PermissionsExt;
    let state_file = sandbox_dir(&env.state()).join("state.json");
    let mode = std::fs::metadata(&state_file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    // reset forgets it all.
    let reset = env.json("baijiayun", &["sandbox", "reset", "--json"]);
    assert_eq!(reset["reset"], true, "{reset}");
    assert!(!sandbox_dir(&env.state()).exists());
    let again = env.json("baijiayun", &["sandbox", "reset", "--json"]);
    assert_eq!(again["reset"], false, "{again}");
    let out = env.run("baijiayun", &["--sandbox", "status", &id]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
}

#[test]
fn iqiyi_upload_is_there_for_the_next_command() {
    let env = Env::new();
    let f = env.file("talk.mp4", 200_000);
    let up = env.json(
        "iqiyi",
        &["--sandbox", "upload", f.to_str().unwrap(), "--json"],
    );
    let id = up["uploaded"][0]["file_id"].as_str().unwrap().to_owned();
    let waited = env.json(
        "iqiyi",
        &[
            "--sandbox",
            "wait",
            &id,
            "--interval",
            "0.2",
            "--timeout",
            "120",
            "--json",
        ],
    );
    assert!(waited.to_string().contains(&id), "{waited}");
    let urls = env.run("iqiyi", &["--sandbox", "urls", &id]);
    assert!(
        urls.status.success(),
        "{}",
        String::from_utf8_lossy(&urls.stderr)
    );
}

#[test]
fn quvideo_reviews_finish_on_their_own() {
    let env = Env::new();
    let before = env.json("quvideo", &["--sandbox", "status", "vid001", "--json"]);
    assert_eq!(before["censorStatus"], "onCensor", "{before}");
    let waited = env.json(
        "quvideo",
        &[
            "--sandbox",
            "wait",
            "vid001",
            "--interval",
            "0.2",
            "--timeout",
            "120",
            "--json",
        ],
    );
    assert_eq!(waited["censorStatus"], "Normal", "{waited}");
    // And it stays decided for the next command.
    let after = env.json("quvideo", &["--sandbox", "status", "vid001", "--json"]);
    assert_eq!(after["censorStatus"], "Normal", "{after}");
}

#[test]
fn a_running_sandbox_holds_the_state_and_refuses_a_second_emulator() {
    let env = Env::new();
    let f = env.file("first.mp4", 100_000);
    env.json(
        "baijiayun",
        &["--sandbox", "upload", f.to_str().unwrap(), "--json"],
    );
    let mut child = env
        .cmd("baijiayun", &["sandbox"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Its exports are printed once it holds the state.
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.starts_with("export VODKIT_BAIJIAYUN_PARTNER_ID") {
        line.clear();
        assert_ne!(reader.read_line(&mut line).unwrap(), 0, "no exports");
    }
    let out = env.run("baijiayun", &["--sandbox", "ls", "--json"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(11), "{err}");
    assert!(err.contains("in use by another vodkit command"), "{err}");
    let reset = env.run("baijiayun", &["sandbox", "reset"]);
    assert_eq!(reset.status.code(), Some(11));
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    assert!(child.wait().unwrap().success());
    // Stopped: the state is free again, and still holds the upload.
    let listed = env.json("baijiayun", &["--sandbox", "ls", "--json"]);
    assert_eq!(listed["total"], 1, "{listed}");
}

#[test]
fn an_unreadable_state_is_named_with_the_way_out() {
    let env = Env::new();
    let dir = sandbox_dir(&env.state());
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("state.json"), "{ not json").unwrap();
    let out = env.run("baijiayun", &["--sandbox", "ls"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(11), "{err}");
    assert!(
        err.contains("state.json") && err.contains("vodkit sandbox reset"),
        "{err}"
    );
    // Nothing was overwritten.
    assert_eq!(
        std::fs::read_to_string(dir.join("state.json")).unwrap(),
        "{ not json"
    );
    env.json("baijiayun", &["sandbox", "reset", "--json"]);
    env.json("baijiayun", &["--sandbox", "ls", "--json"]);
}
