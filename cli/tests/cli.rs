//! The `vodkit` binary against an emulator started in this test process.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;
use vodkit_emulator::{baijiayun, Emulator, Faults};

const SECRET: &str = "test-partner-key-s3cr3t-9f8e";

struct Env {
    emu: Emulator,
    dir: tempfile::TempDir,
}

fn setup() -> Env {
    let emu = Emulator::start(baijiayun::Config {
        partner_key: SECRET.into(),
        transcode_secs: 1,
        ..baijiayun::Config::default()
    })
    .unwrap();
    Env {
        emu,
        dir: tempfile::tempdir().unwrap(),
    }
}

impl Env {
    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_vodkit"));
        c.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("VODKIT_CONFIG", self.dir.path().join("config.toml"))
            .env("VODKIT_STATE_DIR", self.dir.path().join("state"))
            .env(
                "VODKIT_BAIJIAYUN_PARTNER_ID",
                &self.emu.baijiayun().config.partner_id,
            )
            .env("VODKIT_BAIJIAYUN_PARTNER_KEY", SECRET)
            .env(
                "VODKIT_BAIJIAYUN_BASE_URL",
                self.emu.provider_url("baijiayun"),
            )
            .stdin(Stdio::null());
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = self.cmd(args).output().unwrap();
        no_secret(&out);
        out
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
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
        let data: Vec<u8> = (0..size).map(|i| (i * 7 + i / 251) as u8).collect();
        std::fs::write(&p, data).unwrap();
        p
    }
}

/// Waits until `more` file bytes than `before` reached the emulator (its
/// `upload_bytes`): the upload is really under way. A fixed sleep guesses,
/// and loses on a busy machine.
fn wait_for_upload_bytes(emu: &Emulator, before: u64, more: u64) {
    let requests = &emu.baijiayun().controls.requests;
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while requests.upload_bytes() < before + more {
        assert!(
            std::time::Instant::now() < deadline,
            "the upload did not get under way"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn no_secret(out: &Output) {
    for s in [&out.stdout, &out.stderr] {
        assert!(
            !String::from_utf8_lossy(s).contains(SECRET),
            "a secret was printed"
        );
    }
}

fn one_line_error(out: &Output, code: i32, needle: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.starts_with("error: ") && err.contains(needle), "{err}");
}

/// The words of a printed command after `vodkit` (its paths have no spaces).
fn words_of(command: &str) -> Vec<&str> {
    let words: Vec<&str> = command.split(' ').collect();
    assert_eq!(words[0], "vodkit", "{command}");
    words[1..].to_vec()
}

fn md5_of(p: &Path) -> String {
    use md5::{Digest, Md5};
    let d = Md5::digest(std::fs::read(p).unwrap());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn every_management_command() {
    let env = setup();
    let f = env.file("lecture.mp4", 300_000);
    let up = env.json(&[
        "upload",
        f.to_str().unwrap(),
        "--json",
        "--definitions",
        "16,1",
    ]);
    let item = &up["uploaded"][0];
    let id = item["video_id"].as_i64().unwrap();
    assert_eq!(item["bytes"], 300_000);
    let ids = id.to_string();
    let id = ids.as_str();
    assert_eq!(
        env.emu
            .baijiayun()
            .video(id.parse().unwrap())
            .unwrap()
            .md5
            .unwrap(),
        md5_of(&f)
    );

    let st = env.json(&["status", id, "--json"]);
    assert!(st["status"].is_i64());
    let human = env.run(&["status", id]);
    assert!(String::from_utf8_lossy(&human.stdout).contains(&format!("video {id}:")));

    let w = env.json(&["wait", id, "--interval", "0.2", "--timeout", "60", "--json"]);
    assert_eq!(w["status"], 100);
    let urls = env.json(&["urls", id, "--json"]);
    assert!(urls["play_info"].as_object().is_some_and(|m| !m.is_empty()));
    let human = env.run(&["urls", id]);
    assert!(String::from_utf8_lossy(&human.stdout).contains("http://"));

    let ls = env.json(&["ls", "--json"]);
    assert!(ls["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v["video_id"].to_string().as_str() == id));
    let human = env.run(&["ls"]);
    assert!(String::from_utf8_lossy(&human.stdout).starts_with("VIDEO_ID"));
    // Baijiayun writes China time: shown in local ISO 8601, as every provider's.
    let out = env.cmd(&["ls"]).env("TZ", "XST-3").output().unwrap();
    let human = String::from_utf8_lossy(&out.stdout);
    let row = human
        .lines()
        .find(|l| l.starts_with(&id.to_string()))
        .unwrap();
    let shown = row.split_whitespace().last().unwrap();
    assert!(
        shown.len() == 25 && shown.ends_with("+03:00") && shown.as_bytes()[10] == b'T',
        "{row}"
    );

    let call = env.json(&["call", "video/getStatus", &format!("video_id={id}")]);
    assert_eq!(call["status"], 100);
    let call = env.json(&[
        "call",
        "video/getStatus",
        &format!("{{\"video_id\": {id}}}"),
    ]);
    assert_eq!(call["status"], 100);

    let ops = env.json(&["ops", "baijiayun", "--json"]);
    assert!(ops
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["name"] == "video/getUrl"));
    assert!(env.run(&["ops"]).status.success());

    let sign = env.json(&["sign", "partner_id=1", "video_id=2", "--json"]);
    assert_eq!(sign["sign"].as_str().unwrap().len(), 32);

    // Delete asks; without a terminal and --yes it refuses.
    let out = env.run(&["delete", id]);
    one_line_error(&out, 2, "--yes");
    let del = env.json(&["delete", id, "--yes", "--json"]);
    assert_eq!(del["deleted"].to_string(), id);
    // No such video any more: exit 4, the same for every provider.
    let out = env.run(&["status", id]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let cps = env.json(&["checkpoints", "--json"]);
    assert_eq!(cps, serde_json::json!([]));

    // A callback body: a tampered one is rejected with the verification code.
    let body = env.dir.path().join("cb.txt");
    std::fs::write(&body, "video_id=1&status=100&sign=00").unwrap();
    let out = env.run(&["verify-callback", body.to_str().unwrap()]);
    one_line_error(&out, 12, "rejected");
    let out = env.run(&["verify-callback", body.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(12));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (&j["valid"], &j["exit_code"]),
        (&Value::Bool(false), &Value::from(12)),
        "{j}"
    );
    assert!(j["reason"].is_string(), "{j}");

    for args in [
        &["completions", "bash"][..],
        &["man"],
        &["--help"],
        &["upload", "--help"],
    ] {
        let out = env.run(args);
        assert!(out.status.success() && !out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn call_takes_its_parameters_as_json_and_json_means_machine_output_elsewhere() {
    let env = setup();
    let f = env.file("call.mp4", 50_000);
    let up = env.json(&["upload", f.to_str().unwrap(), "--json"]);
    let id = up["uploaded"][0]["video_id"].as_i64().unwrap();
    let object = format!("{{\"video_id\": {id}}}");
    let params_file = env.dir.path().join("params.json");
    std::fs::write(&params_file, &object).unwrap();
    let at_file = format!("@{}", params_file.display());
    let key_value = format!("video_id={id}");
    // As the issue spells it, and every other placement and alias.
    for args in [
        vec!["call", "video/getStatus", "--json", object.as_str()],
        vec!["call", "--json", object.as_str(), "video/getStatus"],
        vec!["--json", "call", "video/getStatus", object.as_str()],
        vec!["call", "video/getStatus", "--json", at_file.as_str()],
        vec!["call", "video/getStatus", "--params-json", object.as_str()],
        vec!["call", "video/getStatus", "--json", key_value.as_str()],
        vec!["call", "video/getStatus", key_value.as_str(), "--json"],
    ] {
        // Without the id, or with another, the call fails: an answer means
        // the parameters arrived.
        let answer = env.json(&args);
        assert!(answer["status"].is_i64(), "{args:?}: {answer}");
    }
    // A value that is no object: a one-line usage error.
    one_line_error(
        &env.run(&["call", "video/getStatus", "--json", "{not json"]),
        2,
        "--json must be a JSON object",
    );
    // Elsewhere --json is machine output, before or after the subcommand,
    // and takes no value.
    for args in [
        ["--json", "status", &id.to_string()],
        ["status", &id.to_string(), "--json"],
    ] {
        assert!(env.json(&args)["status"].is_i64());
    }
    one_line_error(
        &env.run(&["status", &id.to_string(), "--json=x"]),
        2,
        "only `vodkit call` takes a value",
    );
    // An error under --json is one JSON document on stdout.
    let out = env.run(&[
        "call",
        "video/getStatus",
        "--json",
        "{\"video_id\": 999999}",
    ]);
    assert_eq!(out.status.code(), Some(4));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["exit_code"], 4);
}

#[test]
fn configure_refuses_a_profile_without_its_secret_unless_asked() {
    let env = setup();
    let path = env.dir.path().join("config.toml");
    // Piped stdin, no --secret-stdin: nothing to ask with, nothing written.
    let mut c = env.cmd(&["configure", "--profile", "half", "partner_id=42"]);
    c.stdin(Stdio::null());
    let out = c.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("partner_key")
            && err.contains("--secret-stdin partner_key")
            && err.contains("--without-secret"),
        "{err}"
    );
    assert!(!path.exists());
    // Asked for: written without it.
    let mut c = env.cmd(&[
        "configure",
        "--profile",
        "half",
        "partner_id=42",
        "--without-secret",
    ]);
    c.stdin(Stdio::null());
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .contains("partner_id"));
}

#[test]
fn configure_writes_a_private_profile() {
    let env = setup();
    let mut c = env.cmd(&[
        "configure",
        "--profile",
        "work",
        "partner_id=42",
        "--secret-stdin",
        "partner_key",
    ]);
    c.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{SECRET}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    no_secret(&out);
    assert!(out.status.success());
    let path = env.dir.path().join("config.toml");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("[profiles.work]") && text.contains("partner_id = \"42\""));
    // The profile is used (its partner id is wrong for the emulator: an auth error naming what to check).
    let mut c = env.cmd(&["--profile", "work", "status", "1"]);
    c.env_remove("VODKIT_BAIJIAYUN_PARTNER_ID")
        .env_remove("VODKIT_BAIJIAYUN_PARTNER_KEY");
    let out = c.output().unwrap();
    no_secret(&out);
    assert_ne!(out.status.code(), Some(0));
}

#[test]
fn errors_are_one_line_with_the_fix_and_their_exit_code() {
    let env = setup();
    let mut c = env.cmd(&["status", "1"]);
    c.env_remove("VODKIT_BAIJIAYUN_PARTNER_KEY");
    let out = c.output().unwrap();
    one_line_error(&out, 3, "VODKIT_BAIJIAYUN_PARTNER_KEY");
    one_line_error(
        &env.run(&["--profile", "nope", "status", "1"]),
        3,
        "vodkit configure --profile nope",
    );
    one_line_error(&env.run(&["call", "video/noSuchThing"]), 4, "vodkit ops");
    one_line_error(
        &env.run(&["call", "video/getStatus", "video_id"]),
        2,
        "key=value",
    );
    one_line_error(
        &env.run(&["upload", "/no/such/file.mp4"]),
        4,
        "no such file",
    );
    // Malformed JSON: where it broke.
    one_line_error(
        &env.run(&[
            "call",
            "video/getStatus",
            "--json",
            "{\"video_id\": 7,\n \"x\" 1}",
        ]),
        2,
        "line 2 column",
    );
    // An unknown --set key: a hint about settings, naming the real ones.
    let out = env.run(&["--set", "no_such_key=1", "status", "1"]);
    one_line_error(&out, 3, "no_such_key");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--set KEY=VALUE")
            && err.contains("request_timeout_ms")
            && !err.contains("vodkit ops"),
        "{err}"
    );
    // Wrong key: an auth error naming the variable to check, never the key.
    let mut c = env.cmd(&["status", "1"]);
    c.env("VODKIT_BAIJIAYUN_PARTNER_KEY", "wrong-key-123456");
    let out = c.output().unwrap();
    one_line_error(&out, 5, "VODKIT_BAIJIAYUN_PARTNER_KEY");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("wrong-key-123456"));
}

#[test]
fn sigint_keeps_a_checkpoint_and_the_rerun_sends_only_the_rest() {
    let env = setup();
    let size = 2 << 20;
    let f = env.file("big.mp4", size);
    env.emu.baijiayun().set_faults(Faults {
        latency_ms: 150,
        ..Faults::default()
    });
    let args = [
        "upload",
        f.to_str().unwrap(),
        "--part-size",
        "64K",
        "--json",
    ];
    let before = env.emu.baijiayun().controls.requests.upload_bytes();
    let child = env
        .cmd(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_upload_bytes(&env.emu, before, 128 << 10);
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    no_secret(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    let expected = format!("vodkit upload {} --part-size 64K --json", f.display());
    assert!(err.contains(&format!("to continue: {expected}")), "{err}");
    // Only CLI commands: no library function to call.
    assert!(!err.contains("resume_upload"), "{err}");
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["continue"], expected.as_str(), "{j}");
    let cps = env.json(&["checkpoints", "--json"]);
    assert_eq!(cps.as_array().unwrap().len(), 1);

    env.emu.baijiayun().set_faults(Faults::default());
    let up = env.json(&words_of(&expected));
    let item = &up["uploaded"][0];
    let resumed = item["resumed_from"].as_u64().unwrap();
    assert!(resumed > 0 && resumed < size as u64, "{item}");
    assert_eq!(
        item["bytes_sent"].as_u64().unwrap(),
        size as u64 - resumed,
        "{item}"
    );
    let id = item["video_id"].as_i64().unwrap();
    let v = env.emu.baijiayun().video(id).unwrap();
    assert_eq!(v.md5.unwrap(), md5_of(&f));
    assert_eq!(env.json(&["checkpoints", "--json"]), serde_json::json!([]));
}

#[test]
fn bar_in_a_pty_and_no_control_characters_without_one() {
    let env = setup();
    let f = env.file("pty.mp4", 1 << 20);
    // Without a terminal: nothing but plain text.
    let out = env.run(&["upload", f.to_str().unwrap()]);
    assert!(out.status.success());
    for s in [&out.stdout, &out.stderr] {
        assert!(
            !s.iter().any(|b| *b == 0x1b || *b == b'\r'),
            "{}",
            String::from_utf8_lossy(s)
        );
    }
    // In a pseudo-terminal (script(1)): the bar renders and ends at 100%.
    let bin = env!("CARGO_BIN_EXE_vodkit");
    let line = format!("{bin} upload {} --part-size 128K", f.display());
    let c = env.cmd(&[]);
    let mut script = Command::new("script");
    script.args(["-qec", &line, "/dev/null"]);
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => script.env(k, v),
            None => script.env_remove(k),
        };
    }
    script.env("TERM", "xterm").stdin(Stdio::null());
    let out = script.output().unwrap();
    no_secret(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("100%") && (text.contains('\x1b') || text.contains('\r')),
        "{text}"
    );
    assert!(text.contains("uploaded"), "{text}");
}

/// The first process below `root` whose name is `name` (by /proc), if any.
fn descendant_named(root: u32, name: &str) -> Option<i32> {
    let mut queue = vec![root.to_string()];
    while let Some(pid) = queue.pop() {
        let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        if pid != root.to_string() && comm.trim_end() == name {
            return pid.parse().ok();
        }
        let kids = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"));
        queue.extend(
            kids.unwrap_or_default()
                .split_whitespace()
                .map(str::to_owned),
        );
    }
    None
}

#[test]
fn after_ctrl_c_the_bar_says_stopped_not_an_eta() {
    let env = setup();
    let f = env.file("stop.mp4", 2 << 20);
    env.emu.baijiayun().set_faults(Faults {
        latency_ms: 150,
        ..Faults::default()
    });
    let bin = env!("CARGO_BIN_EXE_vodkit");
    // `exec`: the shell script(1) starts becomes vodkit, so nothing stands
    // between the signal and the program (a shell that forks would take
    // the SIGINT itself and let the upload run to its end).
    let line = format!("exec {bin} upload {} --part-size 64K", f.display());
    let c = env.cmd(&[]);
    let mut script = Command::new("script");
    script.args(["-qec", &line, "/dev/null"]);
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => script.env(k, v),
            None => script.env_remove(k),
        };
    }
    script
        .env("TERM", "xterm")
        .stdin(Stdio::null())
        .stdout(Stdio::piped());
    let child = script.spawn().unwrap();
    // The vodkit under script(1), once it has a checkpoint (parts are going).
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let vodkit = loop {
        let ready = env.dir.path().join("state/checkpoints");
        let has_checkpoint = std::fs::read_dir(&ready).is_ok_and(|mut d| d.next().is_some());
        if let (Some(pid), true) = (descendant_named(child.id(), "vodkit"), has_checkpoint) {
            break pid;
        }
        assert!(std::time::Instant::now() < deadline, "no upload under way");
        std::thread::sleep(Duration::from_millis(50));
    };
    unsafe { libc::kill(vodkit, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // The bar's last drawing: stopped, with no time left to wait.
    let at = text.rfind("stopped").unwrap_or_else(|| panic!("{text}"));
    let start = text[..at].rfind(['\r', '\n']).map_or(0, |i| i + 1);
    let last = &text[start..at];
    assert!(
        last.contains("stop.mp4") && !last.contains("ETA"),
        "{last:?}"
    );
}

#[test]
fn sigint_in_a_batch_prints_a_command_without_the_files_done() {
    // Two files; Ctrl-C while the second is under way. The command that
    // continues names only the second (the first would become a second
    // video) and drops --no-resume (it would start the second over).
    let env = setup();
    let one = env.file("one.mp4", 100_000);
    let two = env.file("two.mp4", 2 << 20);
    env.emu.baijiayun().set_faults(Faults {
        latency_ms: 150,
        ..Faults::default()
    });
    let args = [
        "upload",
        one.to_str().unwrap(),
        two.to_str().unwrap(),
        "--part-size",
        "64K",
        "--no-resume",
        "--json",
    ];
    let before = env.emu.baijiayun().controls.requests.upload_bytes();
    let child = env
        .cmd(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The first file (100,000 bytes) is in, and the second under way.
    wait_for_upload_bytes(&env.emu, before, 100_000 + (128 << 10));
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    no_secret(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    let expected = format!("vodkit upload {} --part-size 64K --json", two.display());
    assert!(err.contains(&format!("to continue: {expected}")), "{err}");
    // One JSON document: the error, what continues, and the file done.
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["continue"], expected.as_str(), "{j}");
    assert_eq!(j["exit_code"], 130);
    assert_eq!(j["uploaded"].as_array().unwrap().len(), 1, "{j}");
    assert_eq!(j["uploaded"][0]["file"], one.to_str().unwrap());

    env.emu.baijiayun().set_faults(Faults::default());
    let up = env.json(&words_of(&expected));
    let items = up["uploaded"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{up}");
    let resumed = items[0]["resumed_from"].as_u64().unwrap();
    assert!(resumed > 0, "{up}");
    let id = items[0]["video_id"].as_i64().unwrap();
    assert_eq!(
        env.emu.baijiayun().video(id).unwrap().md5.unwrap(),
        md5_of(&two)
    );
    // Two videos in all: the first file was not sent again.
    assert_eq!(env.json(&["ls", "--json"])["total"], 2);
}

/// A folder of videos and other files for the batch tests: three `.mp4`
/// to go (one in a subfolder), a text file and a `raw/` folder to leave out.
fn folder(env: &Env, sizes: [usize; 3]) -> (PathBuf, Vec<PathBuf>) {
    let root = env.dir.path().join("videos");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::create_dir_all(root.join("raw")).unwrap();
    let names = ["a.mp4", "b.mp4", "sub/c.mp4"];
    let files: Vec<PathBuf> = names
        .iter()
        .zip(sizes)
        .map(|(name, size)| {
            let p = root.join(name);
            let data: Vec<u8> = (0..size)
                .map(|i| (i * 13 + i / 241 + name.len()) as u8)
                .collect();
            std::fs::write(&p, data).unwrap();
            p
        })
        .collect();
    std::fs::write(root.join("notes.txt"), "not a video").unwrap();
    std::fs::write(root.join("raw/d.mp4"), vec![1u8; 5000]).unwrap();
    (root, files)
}

fn videos_on_the_emulator(env: &Env) -> u64 {
    env.json(&["ls", "--json"])["total"].as_u64().unwrap()
}

#[test]
fn a_folder_goes_with_filters_and_jobs_and_the_same_command_sends_nothing_twice() {
    let env = setup();
    let (root, files) = folder(&env, [200_000, 300_000, 100_000]);
    let root = root.to_str().unwrap();
    let batch = [
        "upload",
        root,
        "--recursive",
        "--include",
        "*.mp4",
        "--exclude",
        "raw/**",
        "--jobs",
        "2",
        "--json",
    ];
    // A folder without --recursive is refused before any request.
    let out = env.run(&["upload", root]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("--recursive"));

    // --dry-run lists the three videos and uploads nothing.
    let mut dry: Vec<&str> = batch.to_vec();
    dry.push("--dry-run");
    let plan = env.json(&dry);
    let listed: Vec<&str> = plan["would_upload"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["file"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = files.iter().map(|f| f.to_str().unwrap()).collect();
    assert_eq!(listed, expected, "{plan}");
    assert_eq!(plan["bytes"], 600_000);
    assert_eq!(env.emu.baijiayun().request_count("/upload"), 0);

    let up = env.json(&batch);
    let items = up["uploaded"].as_array().unwrap();
    assert_eq!(items.len(), 3, "{up}");
    for (item, file) in items.iter().zip(&files) {
        assert_eq!(item["file"], file.to_str().unwrap());
        assert_eq!(item["skipped"], false);
        let id = item["video_id"].as_i64().unwrap();
        assert_eq!(
            env.emu.baijiayun().video(id).unwrap().md5.unwrap(),
            md5_of(file)
        );
    }
    assert_eq!(videos_on_the_emulator(&env), 3);

    // The same command again: every file recorded as done, none sent.
    let again = env.json(&batch);
    let items_again = again["uploaded"].as_array().unwrap();
    for (first, second) in items.iter().zip(items_again) {
        assert_eq!(second["skipped"], true, "{again}");
        assert_eq!(second["video_id"], first["video_id"]);
    }
    assert_eq!(videos_on_the_emulator(&env), 3);
    let plan = env.json(&dry);
    assert_eq!(plan["would_upload"], serde_json::json!([]), "{plan}");
    assert_eq!(plan["already_uploaded"].as_array().unwrap().len(), 3);
}

#[test]
fn kill_9_in_the_middle_of_a_batch_then_the_same_command_continues_without_duplicates() {
    let env = setup();
    let (root, files) = folder(&env, [100_000, 2 << 20, 2 << 20]);
    let args = [
        "upload",
        root.to_str().unwrap(),
        "--recursive",
        "--exclude",
        "raw/**",
        "--include",
        "*.mp4",
        "--jobs",
        "2",
        "--part-size",
        "64K",
        "--json",
    ];
    env.emu.baijiayun().set_faults(Faults {
        latency_ms: 150,
        ..Faults::default()
    });
    let manifest = env
        .dir
        .path()
        .join("state/checkpoints")
        .join(vodkit::upload::MANIFEST_NAME);
    let mut child = env
        .cmd(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The small file is recorded as finished and both big ones are under
    // way with their checkpoints written (a kill while the provider is
    // creating a video, before the SDK heard of it, would leave an empty
    // video no process can know of: not what this test is about).
    let checkpoints = || {
        std::fs::read_dir(manifest.parent().unwrap())
            .map(|d| {
                d.flatten()
                    .filter(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        name.len() == 37 && name.ends_with(".json")
                    })
                    .count()
            })
            .unwrap_or(0)
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    while !manifest.is_file() || checkpoints() < 2 {
        assert!(std::time::Instant::now() < deadline, "no file finished");
        assert!(child.try_wait().unwrap().is_none(), "the batch ended early");
        std::thread::sleep(Duration::from_millis(10));
    }
    let before = env.emu.baijiayun().controls.requests.upload_bytes();
    wait_for_upload_bytes(&env.emu, before, 128 << 10);
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    child.wait().unwrap();
    let cps = env.json(&["checkpoints", "--json"]);
    assert!(!cps.as_array().unwrap().is_empty(), "{cps}");
    let before_rerun = videos_on_the_emulator(&env);
    assert!(before_rerun <= 3);

    env.emu.baijiayun().set_faults(Faults::default());
    let up = env.json(&args);
    let items = up["uploaded"].as_array().unwrap();
    assert_eq!(items.len(), 3, "{up}");
    assert_eq!(items[0]["file"], files[0].to_str().unwrap());
    assert_eq!(items[0]["skipped"], true, "{up}");
    // The big files continued from their checkpoints.
    assert!(
        items[1..]
            .iter()
            .any(|i| i["resumed_from"].as_u64().unwrap_or(0) > 0),
        "{up}"
    );
    for (item, file) in items.iter().zip(&files) {
        let id = item["video_id"].as_i64().unwrap();
        assert_eq!(
            env.emu.baijiayun().video(id).unwrap().md5.unwrap(),
            md5_of(file)
        );
    }
    // One video per file: nothing was uploaded twice.
    assert_eq!(videos_on_the_emulator(&env), 3);
    assert_eq!(env.json(&["checkpoints", "--json"]), serde_json::json!([]));
}

#[test]
fn a_failed_upload_prints_the_command_that_continues() {
    let env = setup();
    let size = 1 << 20;
    let f = env.file("dropped.mp4", size);
    env.emu.baijiayun().set_faults(Faults {
        latency_ms: 100,
        ..Faults::default()
    });
    let args = [
        "upload",
        f.to_str().unwrap(),
        "--part-size",
        "64K",
        "--set",
        "retry={\"max_retries\":1}",
    ];
    let before = env.emu.baijiayun().controls.requests.upload_bytes();
    let child = env
        .cmd(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Some parts in, then every upload request loses its connection.
    wait_for_upload_bytes(&env.emu, before, 128 << 10);
    env.emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(0),
        drop_uploads: 1000,
        ..Faults::default()
    });
    let out = child.wait_with_output().unwrap();
    no_secret(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(7), "{err}");
    // Quoted for the shell where a word needs it.
    let expected = format!(
        "vodkit upload {} --part-size 64K --set 'retry={{\"max_retries\":1}}'",
        f.display()
    );
    assert!(err.contains(&format!("to continue: {expected}")), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");

    env.emu.baijiayun().set_faults(Faults::default());
    let mut again: Vec<&str> = args.to_vec();
    again.push("--json");
    let up = env.json(&again);
    let item = &up["uploaded"][0];
    let resumed = item["resumed_from"].as_u64().unwrap();
    assert!(resumed > 0 && resumed < size as u64, "{item}");
    let id = item["video_id"].as_i64().unwrap();
    assert_eq!(
        env.emu.baijiayun().video(id).unwrap().md5.unwrap(),
        md5_of(&f)
    );
}

#[test]
fn limit_rate_caps_the_upload() {
    // 3 MiB at 1 MiB/s: about 3 s however fast the loopback is. Only a wide
    // lower bound is checked (a cap can allow a first burst; a slow machine
    // takes longer): without the cap this upload takes a fraction of it.
    let env = setup();
    let size = 3 << 20;
    let f = env.file("capped.mp4", size);
    let started = std::time::Instant::now();
    let up = env.json(&[
        "upload",
        f.to_str().unwrap(),
        "--limit-rate",
        "1M",
        "--part-size",
        "512K",
        "--json",
    ]);
    let took = started.elapsed();
    assert!(took >= Duration::from_secs(2), "{took:?}");
    let item = &up["uploaded"][0];
    assert_eq!(item["bytes"], size as u64, "{item}");
    let id = item["video_id"].as_i64().unwrap();
    assert_eq!(
        env.emu.baijiayun().video(id).unwrap().md5.unwrap(),
        md5_of(&f)
    );
}

#[test]
fn checkpoints_are_the_cores_and_rm_takes_their_keys() {
    // A failed upload leaves the core's checkpoint in the state directory;
    // `checkpoints` lists it by key, `rm` refuses what is not a key and
    // removes the one named; --no-resume removes this file's before it starts.
    let env = setup();
    let f = env.file("kept.mp4", 1 << 20);
    env.emu.baijiayun().set_faults(Faults {
        latency_ms: 100,
        ..Faults::default()
    });
    let before = env.emu.baijiayun().controls.requests.upload_bytes();
    let child = env
        .cmd(&["upload", f.to_str().unwrap(), "--part-size", "64K"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_upload_bytes(&env.emu, before, 128 << 10);
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    env.emu.baijiayun().set_faults(Faults::default());
    let cps = env.json(&["checkpoints", "--json"]);
    let cp = &cps[0];
    let key = cp["key"].as_str().unwrap();
    assert_eq!(key.len(), 32, "{cp}");
    assert_eq!(cp["provider"], "baijiayun");
    assert_eq!(
        cp["path"].as_str().unwrap(),
        std::fs::canonicalize(&f).unwrap().to_str().unwrap()
    );
    let acked = cp["acknowledged"].as_u64().unwrap();
    assert!(acked > 0 && acked < 1 << 20, "{cp}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("checkpoint {key} kept")), "{err}");
    // The table shows it too.
    let table = env.run(&["checkpoints"]);
    let shown = String::from_utf8_lossy(&table.stdout);
    assert!(shown.contains(key));
    // Its figure is what the server confirmed, said as such (issue 21: "0 of
    // 50 MiB" read as what the server holds).
    assert!(shown.contains("ACKNOWLEDGED/SIZE"), "{shown}");
    assert!(shown.contains(&format!("{acked}/{}", 1 << 20)), "{shown}");
    let said = String::from_utf8_lossy(&table.stderr);
    assert!(said.contains("it may hold more"), "{said}");

    one_line_error(
        &env.run(&["checkpoints", "rm", "nope"]),
        4,
        "not a checkpoint key",
    );

    // --no-resume: a fresh upload of the whole file, the checkpoint gone.
    let up = env.json(&["upload", f.to_str().unwrap(), "--no-resume", "--json"]);
    let item = &up["uploaded"][0];
    assert_eq!(item["resumed_from"], 0, "{item}");
    assert_eq!(item["bytes_sent"], 1u64 << 20, "{item}");
    assert_eq!(env.json(&["checkpoints", "--json"]), serde_json::json!([]));

    // rm by key.
    env.emu.baijiayun().set_faults(Faults {
        latency_ms: 100,
        ..Faults::default()
    });
    let before = env.emu.baijiayun().controls.requests.upload_bytes();
    let child = env
        .cmd(&["upload", f.to_str().unwrap(), "--part-size", "64K"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_upload_bytes(&env.emu, before, 128 << 10);
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    assert_eq!(child.wait_with_output().unwrap().status.code(), Some(130));
    let cps = env.json(&["checkpoints", "--json"]);
    let key = cps[0]["key"].as_str().unwrap();
    let rm = env.json(&["checkpoints", "rm", key, "--json"]);
    assert_eq!(rm["removed"][0], key);
    assert_eq!(env.json(&["checkpoints", "--json"]), serde_json::json!([]));
    one_line_error(&env.run(&["checkpoints", "rm", key]), 4, "no checkpoint");
}

/// Issue 20, item 8: the partner id and the secret key suffice. The first
/// run fetches the partner key (createkey) and keeps it in the state
/// directory; the next run starts with it (no fetch); after the key is
/// rotated at the provider, a run fetches the new one once and keeps it.
#[test]
fn the_secret_key_alone_suffices_and_the_fetched_key_is_kept() {
    let env = setup();
    let state = env.emu.baijiayun();
    let secret_key = state.config.secret_key.clone();
    let createkeys = || state.request_count("/openapi/partner/createkey");
    let run = || {
        // The most verbose level: the SDK's own lines hold no key either.
        let mut c = env.cmd(&["-vvv", "ls", "--json"]);
        c.env_remove("VODKIT_BAIJIAYUN_PARTNER_KEY")
            .env("VODKIT_BAIJIAYUN_SECRET_KEY", &secret_key);
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for s in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(s);
            assert!(!text.contains(&secret_key), "the secret key was printed");
            assert!(
                !text.contains(&state.partner_key()),
                "the partner key was printed"
            );
        }
        out
    };
    let stored_key = || {
        let dir = env.dir.path().join("state").join("credentials");
        let files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        let rec: Value = serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
        rec["credentials"]["partner_key"]
            .as_str()
            .unwrap()
            .to_owned()
    };

    run();
    assert_eq!(createkeys(), 1);
    assert_eq!(stored_key(), SECRET);

    run();
    assert_eq!(createkeys(), 1, "the stored key was not used");

    let rotated = state.rotate_partner_key();
    run();
    assert_eq!(createkeys(), 2);
    assert_eq!(stored_key(), rotated);
}

/// Issue 24: `-v` shows the SDK's own lines (a retry), `-vv` its debug lines,
/// none without `-v`; all on stderr, stdout stays the result.
#[test]
fn verbose_shows_the_sdks_log_lines_on_stderr() {
    let env = setup();
    let retried = |args: &[&str]| {
        env.emu.baijiayun().set_faults(Faults {
            fail_next: 1,
            ..Faults::default()
        });
        let out = env.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let _: Value = serde_json::from_slice(&out.stdout).expect("stdout is the JSON result");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let quiet = retried(&["ls", "--json"]);
    assert!(!quiet.contains("retrying"), "{quiet}");
    let info = retried(&["-v", "ls", "--json"]);
    assert!(info.contains("info: retrying after"), "{info}");
    assert!(!info.contains("debug:"), "{info}");
    let debug = retried(&["-vv", "ls", "--json"]);
    assert!(debug.contains("info: retrying after"), "{debug}");
    assert!(debug.contains("debug: HTTP 200"), "{debug}");
}

#[test]
fn size_flags_read_sizes_as_config_values_do() {
    // One reading of sizes (vodkit::units::parse_size) for flags and
    // `--set`: the forms a config value takes work on the command line too,
    // and a wrong one gets the same words.
    let env = setup();
    let f = env.file("sizes.mp4", 200 << 10);
    let up = env.json(&[
        "upload",
        f.to_str().unwrap(),
        "--part-size",
        "0.0625MiB",
        "--json",
    ]);
    assert_eq!(up["uploaded"][0]["bytes_sent"], 200u64 << 10, "{up}");
    let bad = env.run(&["upload", f.to_str().unwrap(), "--part-size", "8Q"]);
    assert!(!bad.status.success(), "{bad:?}");
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(said.contains("is not a size"), "{said}");
    let zero = env.run(&["upload", f.to_str().unwrap(), "--limit-rate", "0"]);
    assert!(!zero.status.success(), "{zero:?}");
    assert!(
        String::from_utf8_lossy(&zero.stderr).contains("must be more than 0"),
        "{zero:?}"
    );
}
