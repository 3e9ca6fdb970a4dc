//! The `vodkit` binary against iqiyi and quvideo in an emulator started in
//! this test process (baijiayun is in cli.rs).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use vodkit_emulator::{iqiyi, quvideo, Emulator, Faults};

const IQIYI_SECRET: &str = "iqiyi-client-secret-s3cr3t-7a6b";
const QUVIDEO_PASSWORD: &str = "quvideo-console-pass-s3cr3t-5c4d";

struct Env {
    emu: Emulator,
    dir: tempfile::TempDir,
}

fn setup_with(latency_ms: u64) -> Env {
    let config = vodkit_emulator::Config {
        iqiyi: iqiyi::Config {
            client_secret: IQIYI_SECRET.into(),
            publish_secs: 1,
            faults: Faults {
                latency_ms,
                ..Faults::default()
            },
            ..iqiyi::Config::default()
        },
        quvideo: quvideo::Config {
            password: QUVIDEO_PASSWORD.into(),
            ..quvideo::Config::default()
        },
        ..vodkit_emulator::Config::default()
    };
    Env {
        emu: Emulator::start(config).unwrap(),
        dir: tempfile::tempdir().unwrap(),
    }
}

fn setup() -> Env {
    setup_with(0)
}

impl Env {
    fn cmd(&self, provider: &str, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_vodkit"));
        c.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("VODKIT_CONFIG", self.dir.path().join("config.toml"))
            .env("VODKIT_STATE_DIR", self.dir.path().join("state"))
            .env("VODKIT_PROVIDER", provider)
            .env("VODKIT_IQIYI_CLIENT_ID", &self.emu.iqiyi().config.client_id)
            .env("VODKIT_IQIYI_CLIENT_SECRET", IQIYI_SECRET)
            .env("VODKIT_IQIYI_BASE_URL", self.emu.provider_url("iqiyi"))
            .env(
                "VODKIT_QUVIDEO_USER_NAME",
                &self.emu.quvideo().config.user_name,
            )
            .env("VODKIT_QUVIDEO_PASSWORD", QUVIDEO_PASSWORD)
            .env("VODKIT_QUVIDEO_BASE_URL", self.emu.provider_url("quvideo"))
            .stdin(Stdio::null());
        c
    }

    fn run(&self, provider: &str, args: &[&str]) -> Output {
        let out = self.cmd(provider, args).output().unwrap();
        no_secret(&out);
        out
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

    fn stdout(&self, provider: &str, args: &[&str]) -> String {
        let out = self.run(provider, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn file(&self, name: &str, size: usize) -> PathBuf {
        let p = self.dir.path().join(name);
        let data: Vec<u8> = (0..size).map(|i| (i * 13 + i / 509) as u8).collect();
        std::fs::write(&p, data).unwrap();
        p
    }
}

/// Waits until `more` file bytes than `before` reached the iQiyi emulation
/// (its `upload_bytes`): the upload is really under way. A fixed sleep
/// guesses, and loses on a busy machine.
fn wait_for_upload_bytes(emu: &Emulator, before: u64, more: u64) {
    let requests = &emu.iqiyi().controls.requests;
    let deadline = Instant::now() + Duration::from_secs(60);
    while requests.upload_bytes() < before + more {
        assert!(
            Instant::now() < deadline,
            "the upload did not get under way"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn no_secret(out: &Output) {
    for s in [&out.stdout, &out.stderr] {
        let text = String::from_utf8_lossy(s);
        for secret in [IQIYI_SECRET, QUVIDEO_PASSWORD] {
            assert!(!text.contains(secret), "a secret was printed: {text}");
        }
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

fn md5_of(p: &Path) -> String {
    use md5::{Digest, Md5};
    let d = Md5::digest(std::fs::read(p).unwrap());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn iqiyi_a_repeated_upload_is_a_duplicate_of_the_first() {
    let env = setup();
    let f = env.file("twice.mp4", 200_000);
    let path = f.to_str().unwrap();
    let up = env.json("iqiyi", &["upload", path, "--json"]);
    let first = up["uploaded"][0]["file_id"].as_str().unwrap().to_owned();
    // The same content again: iQiyi takes the bytes, then refuses to publish.
    let out = env.run("iqiyi", &["upload", path, "--json"]);
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let second = j["uploaded"][0]["file_id"].as_str().unwrap().to_owned();
    if !out.status.success() {
        // The upload answer already says so (`duplicate_of`).
        assert_eq!(out.status.code(), Some(16), "{j}");
        assert!(
            j["error"]
                .as_str()
                .unwrap()
                .contains(&format!("duplicate of {first}")),
            "{j}"
        );
    }
    // `wait` names the earlier video, with its own exit code, and suggests
    // no upload that would be refused again.
    let out = env.run(
        "iqiyi",
        &["wait", &second, "--interval", "0.1", "--timeout", "60"],
    );
    one_line_error(
        &out,
        16,
        &format!("video {second} is a duplicate of {first}"),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("will not help") && !err.contains("upload it again"),
        "{err}"
    );
    let out = env.run("iqiyi", &["wait", &second, "--interval", "0.1", "--json"]);
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (j["exit_code"].as_i64(), j["duplicate_of"].as_str()),
        (Some(16), Some(first.as_str())),
        "{j}"
    );
    let human = env.stdout("iqiyi", &["status", &second]);
    assert!(human.contains(&format!("duplicate of {first}")), "{human}");
}

#[test]
fn iqiyi_every_management_command() {
    let env = setup();
    let f = env.file("lecture.mp4", 700_000);
    let path = f.to_str().unwrap();
    let up = env.json(
        "iqiyi",
        &[
            "upload",
            path,
            "--json",
            "--part-size",
            "64K",
            "--concurrency",
            "3",
            "--file-name",
            "lecture one",
        ],
    );
    let item = &up["uploaded"][0];
    let id = item["file_id"].as_str().unwrap().to_owned();
    let id = id.as_str();
    assert_eq!(item["bytes"], 700_000);
    let snap = env.emu.iqiyi().file(id).unwrap();
    assert_eq!(snap.md5.unwrap(), md5_of(&f));
    // 64 KiB parts: 11 ranges.
    assert_eq!(snap.chunks.len(), 11, "{:?}", snap.chunks);

    let st = env.json("iqiyi", &["status", id, "--json"]);
    assert!(st["code"].as_str().unwrap().starts_with("A0000"), "{st}");
    assert!(env
        .stdout("iqiyi", &["status", id])
        .starts_with(&format!("video {id}: ")));

    let w = env.json(
        "iqiyi",
        &["wait", id, "--interval", "0.2", "--timeout", "60", "--json"],
    );
    assert_eq!(w["status"], "A00000", "{w}");
    assert_eq!(w["state"], "ready");
    assert_eq!(w["file_id"], id);

    let urls = env.json("iqiyi", &["urls", id, "--json"]);
    assert!(!urls["mp4"].as_array().unwrap().is_empty(), "{urls}");
    let human = env.stdout("iqiyi", &["urls", id]);
    assert!(
        human.starts_with("DEFINITION") && human.contains("http://"),
        "{human}"
    );

    let ls = env.json("iqiyi", &["ls", "--json"]);
    assert_eq!(ls["total"], 1);
    // iQiyi counts every video but lists published ones: the total says so.
    assert_eq!(ls["shown"], 1);
    assert!(
        ls["total_counts"]
            .as_str()
            .unwrap()
            .contains("published or not"),
        "{ls}"
    );
    assert_eq!(ls["items"][0]["file_id"], id);
    assert_eq!(ls["items"][0]["file_name"], "lecture one");
    // The list's numeric file_status: its meaning for people, the number for scripts.
    assert_eq!(ls["items"][0]["file_status"], 2, "{ls}");
    let human = env.stdout("iqiyi", &["ls"]);
    assert!(
        human.starts_with("FILE_ID") && human.contains("lecture one"),
        "{human}"
    );
    let row = human.lines().find(|l| l.contains(id)).unwrap();
    assert!(row.contains("published (2)"), "{human}");
    // Times in local ISO 8601 (TZ decides), not iQiyi's epoch seconds.
    let mut c = env.cmd("iqiyi", &["ls"]);
    let out = c.env("TZ", "XST-3").output().unwrap();
    let human = String::from_utf8_lossy(&out.stdout);
    let row = human.lines().find(|l| l.contains(id)).unwrap();
    let epoch = ls["items"][0]["create_time"].to_string();
    let shown = row.split_whitespace().last().unwrap();
    assert!(
        shown.len() == 25 && shown.ends_with("+03:00") && shown.as_bytes()[10] == b'T',
        "{row}"
    );
    assert!(!row.contains(&epoch), "{row}");

    let call = env.json(
        "iqiyi",
        &["call", "file/fullStatus", &format!("file_id={id}")],
    );
    assert_eq!(call["code"], "A00000");
    let call = env.json(
        "iqiyi",
        &[
            "call",
            "file/urllist",
            &format!("{{\"file_id\": \"{id}\"}}"),
        ],
    );
    assert!(call["m3u8"].is_array());

    let ops = env.json("iqiyi", &["ops", "iqiyi", "--json"]);
    let names: Vec<&str> = ops
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    for op in [
        "file/fullStatus",
        "file/urllist",
        "file/videoListForExternal",
        "file/delete",
    ] {
        assert!(names.contains(&op), "{names:?}");
    }
    assert!(ops
        .as_array()
        .unwrap()
        .iter()
        .all(|o| o["provider"] == "iqiyi"));

    one_line_error(&env.run("iqiyi", &["delete", id]), 2, "--yes");
    let del = env.json("iqiyi", &["delete", id, "--yes", "--json"]);
    assert_eq!(del["deleted"], id);
    assert!(env.emu.iqiyi().file(id).unwrap().deleted);
    // No such video: exit 4, as for every provider (Baijiayun answers an
    // error; iQiyi a status code the core's facts call `missing`).
    let out = env.run("iqiyi", &["status", id]);
    one_line_error(&out, 4, &format!("iqiyi has no video {id}"));
    let out = env.run("iqiyi", &["status", id, "--json"]);
    assert_eq!(out.status.code(), Some(4));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["exit_code"], 4, "{j}");
    let out = env.run("iqiyi", &["wait", id, "--interval", "0.1"]);
    one_line_error(&out, 4, "no such video (A00003)");
    let ls = env.json("iqiyi", &["ls", "--json"]);
    assert_eq!(ls["total"], 0);
}

#[test]
fn iqiyi_concurrency_is_honoured() {
    // Every request takes 150 ms: 16 parts in order take 2.4 s at least;
    // 8 at a time, about 0.3 s.
    let env = setup_with(150);
    // Two files of different content: the same content twice would be
    // iQiyi's duplicate (exit 16), not a second upload.
    let serial = env.file("serial.mp4", 1 << 20);
    let parallel = env.file("parallel.mp4", 1 << 20);
    let mut bytes = std::fs::read(&parallel).unwrap();
    bytes[0] ^= 0xff;
    std::fs::write(&parallel, bytes).unwrap();
    let timed = |c: &str, f: &PathBuf| {
        let path = f.to_str().unwrap();
        let start = Instant::now();
        let up = env.json(
            "iqiyi",
            &[
                "upload",
                path,
                "--json",
                "--no-checkpoint",
                "--part-size",
                "64K",
                "--concurrency",
                c,
            ],
        );
        let id = up["uploaded"][0]["file_id"].as_str().unwrap().to_owned();
        let snap = env.emu.iqiyi().file(&id).unwrap();
        assert_eq!(snap.md5.unwrap(), md5_of(f));
        assert_eq!(snap.chunks.len(), 16);
        start.elapsed()
    };
    let one = timed("1", &serial);
    let eight = timed("8", &parallel);
    assert!(one >= Duration::from_millis(16 * 150), "{one:?}");
    assert!(
        one > eight + Duration::from_millis(1200),
        "--concurrency 1: {one:?}, --concurrency 8: {eight:?}"
    );
}

#[test]
fn quvideo_every_management_command() {
    let env = setup();
    let st = env.json("quvideo", &["status", "vid001", "--json"]);
    assert_eq!(st["videoId"], "vid001");
    assert_eq!(st["status"], "Normal");
    assert_eq!(
        env.stdout("quvideo", &["status", "vid001"]).trim(),
        "video vid001: ready (Normal); review: in review (onCensor)"
    );

    let urls = env.json("quvideo", &["urls", "vid001", "--json"]);
    assert!(!urls["fileUrlList"].as_array().unwrap().is_empty());
    let human = env.stdout("quvideo", &["urls", "vid001"]);
    assert!(
        human.starts_with("DEFINITION") && human.contains("/quvideo/media/vid001/video.mp4"),
        "{human}"
    );

    let ls = env.json("quvideo", &["ls", "--json"]);
    assert_eq!(ls["total"], 7);
    assert_eq!(ls["items"].as_array().unwrap().len(), 7);
    let ls = env.json("quvideo", &["ls", "--page-size", "3", "--all", "--json"]);
    assert_eq!(ls["items"].as_array().unwrap().len(), 7);
    let ls = env.json("quvideo", &["ls", "--page-size", "3", "--json"]);
    assert_eq!(ls["items"].as_array().unwrap().len(), 3);
    let human = env.stdout("quvideo", &["ls"]);
    assert!(
        human.starts_with("VIDEOID")
            && human.contains("ready (Normal)")
            && human.contains("in review (onCensor)")
            && human.contains("passed review (success)"),
        "{human}"
    );

    // Any catalog operation: block a video by hand.
    let audit = env.run(
        "quvideo",
        &[
            "call",
            "createAudit",
            "mediaId=vid002",
            "status=Blocked",
            "reason=spam",
        ],
    );
    assert!(
        audit.status.success(),
        "{}",
        String::from_utf8_lossy(&audit.stderr)
    );
    let audits = env.emu.quvideo().audits();
    assert!(
        audits
            .iter()
            .any(|a| a.media_id == "vid002" && a.status == "Blocked" && a.reason == "spam"),
        "{audits:?}"
    );
    let call = env.json(
        "quvideo",
        &["call", "getVideoById", "{\"videoId\": \"vid002\"}"],
    );
    assert_eq!(call["censorStatus"], "Blocked");
    // A ready video that passed review: `wait` ends at once.
    let w = env.json(
        "quvideo",
        &["wait", "vid005", "--interval", "0.1", "--json"],
    );
    assert_eq!(w["status"], "Normal");
    assert_eq!(w["state"], "ready");
    assert_eq!(w["censorStatus"], "success");
    assert_eq!(w["review"], "passed review");
    assert_eq!(w["failed"], false);
    assert_eq!(w["videoId"], "vid005");
    // A blocked one: a failure with its own exit code, saying why.
    let out = env.run("quvideo", &["wait", "vid002", "--interval", "0.1"]);
    one_line_error(
        &out,
        15,
        "video vid002 was blocked in review (censorStatus Blocked)",
    );
    let out = env.run(
        "quvideo",
        &["wait", "vid002", "--interval", "0.1", "--json"],
    );
    assert_eq!(out.status.code(), Some(15));
    // One JSON document: the error and where the video stands.
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["exit_code"], 15, "{j}");
    assert_eq!(j["videoId"], "vid002", "{j}");
    assert_eq!(j["censorStatus"], "Blocked", "{j}");
    assert_eq!(j["review"], "blocked in review", "{j}");
    assert_eq!(j["failed"], true, "{j}");
    one_line_error(
        &env.run(
            "quvideo",
            &["call", "createAudit", "mediaId=vid002", "status=Blocked"],
        ),
        4,
        "vodkit ops quvideo",
    );

    let ops = env.json("quvideo", &["ops", "quvideo", "--json"]);
    assert!(ops
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["name"] == "deleteVideoById"));

    one_line_error(&env.run("quvideo", &["delete", "vid003"]), 2, "--yes");
    let del = env.json("quvideo", &["delete", "vid003", "--yes", "--json"]);
    assert_eq!(del["deleted"], "vid003");
    assert!(env.emu.quvideo().video("vid003").is_none());
    let ls = env.json("quvideo", &["ls", "--json"]);
    assert_eq!(ls["total"], 6);

    // No uploads: one line, what to use instead, its exit code (14); no request made.
    let f = env.file("clip.mp4", 1000);
    let before = env.emu.quvideo().login_requests();
    let out = env.run("quvideo", &["upload", f.to_str().unwrap()]);
    one_line_error(&out, 14, "quvideo takes no uploads");
    assert_eq!(env.emu.quvideo().login_requests(), before);
    let out = env.run("quvideo", &["upload", f.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(14));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["exit_code"], 14);
}

#[test]
fn credentials_errors_name_the_variables_and_never_the_secret() {
    let env = setup();
    // iqiyi: no secret and no token.
    let mut c = env.cmd("iqiyi", &["status", "abc"]);
    c.env_remove("VODKIT_IQIYI_CLIENT_SECRET");
    let out = c.output().unwrap();
    one_line_error(&out, 3, "VODKIT_IQIYI_CLIENT_SECRET");
    assert!(String::from_utf8_lossy(&out.stderr).contains("VODKIT_IQIYI_ACCESS_TOKEN"));
    // quvideo: no password and no console token.
    let mut c = env.cmd("quvideo", &["ls"]);
    c.env_remove("VODKIT_QUVIDEO_PASSWORD");
    let out = c.output().unwrap();
    one_line_error(&out, 3, "VODKIT_QUVIDEO_PASSWORD");
    assert!(String::from_utf8_lossy(&out.stderr).contains("VODKIT_QUVIDEO_CONSOLE_TOKEN"));

    // Wrong secrets: auth errors naming what to check, never the value.
    let wrong = "wrong-secret-0123456789";
    for (provider, var, args) in [
        ("iqiyi", "VODKIT_IQIYI_CLIENT_SECRET", &["ls"][..]),
        (
            "quvideo",
            "VODKIT_QUVIDEO_PASSWORD",
            &["status", "vid001"][..],
        ),
    ] {
        let mut c = env.cmd(provider, args);
        c.env(var, wrong);
        let out = c.output().unwrap();
        no_secret(&out);
        one_line_error(&out, 5, var);
        assert!(!String::from_utf8_lossy(&out.stderr).contains(wrong));
    }
    // A console token instead of the password is enough to try (this one is bogus).
    let mut c = env.cmd("quvideo", &["ls"]);
    c.env_remove("VODKIT_QUVIDEO_PASSWORD")
        .env("VODKIT_QUVIDEO_CONSOLE_TOKEN", wrong);
    let out = c.output().unwrap();
    one_line_error(&out, 5, "VODKIT_QUVIDEO_CONSOLE_TOKEN");
    assert!(!String::from_utf8_lossy(&out.stderr).contains(wrong));
}

#[test]
fn sandbox_prints_every_provider_and_runs_each() {
    let env = setup();
    // `vodkit sandbox`: exports for all three, then runs until Ctrl-C.
    let mut child = env
        .cmd("baijiayun", &["sandbox"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = Vec::new();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 {
            break;
        }
        let done = line.starts_with("export VODKIT_QUVIDEO_");
        lines.push(line);
        if done && lines.iter().filter(|l| l.contains("QUVIDEO")).count() == 3 {
            break;
        }
    }
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let text = lines.concat();
    for var in [
        "VODKIT_BAIJIAYUN_PARTNER_ID",
        "VODKIT_BAIJIAYUN_PARTNER_KEY",
        "VODKIT_BAIJIAYUN_BASE_URL",
        "VODKIT_IQIYI_CLIENT_ID",
        "VODKIT_IQIYI_CLIENT_SECRET",
        "VODKIT_IQIYI_BASE_URL",
        "VODKIT_QUVIDEO_USER_NAME",
        "VODKIT_QUVIDEO_PASSWORD",
        "VODKIT_QUVIDEO_BASE_URL",
    ] {
        assert!(text.contains(&format!("export {var}=")), "{var}: {text}");
    }
    assert!(!text.contains("no sandbox row"), "{text}");

    // `--sandbox` against each provider, no credentials at all.
    let f = env.file("demo.mp4", 200_000);
    for (provider, args) in [
        ("iqiyi", vec!["upload", f.to_str().unwrap(), "--json"]),
        ("quvideo", vec!["ls", "--json"]),
    ] {
        let mut c = env.cmd(provider, &[&["--sandbox"][..], &args].concat());
        for v in [
            "VODKIT_IQIYI_CLIENT_ID",
            "VODKIT_IQIYI_CLIENT_SECRET",
            "VODKIT_IQIYI_BASE_URL",
            "VODKIT_QUVIDEO_USER_NAME",
            "VODKIT_QUVIDEO_PASSWORD",
            "VODKIT_QUVIDEO_BASE_URL",
        ] {
            c.env_remove(v);
        }
        let out = c.output().unwrap();
        no_secret(&out);
        assert!(
            out.status.success(),
            "{provider}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let j: Value = serde_json::from_slice(&out.stdout).unwrap();
        match provider {
            "iqiyi" => assert_eq!(j["uploaded"][0]["bytes"], 200_000),
            _ => assert_eq!(j["total"], 7),
        }
    }
    // --provider on the command line picks the sandbox's provider too.
    let out = env.run(
        "baijiayun",
        &["--sandbox", "--provider", "quvideo", "status", "vid001"],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("ready (Normal)"));
}

#[test]
fn iqiyi_sigint_cancels_at_iqiyi_and_says_the_rerun_starts_over() {
    // iQiyi's upload cancels itself at the provider on Ctrl-C (cancelupload):
    // no checkpoint, an error that says so, and the same command completes.
    let env = setup_with(100);
    let size = 2 << 20;
    let f = env.file("big.mp4", size);
    let args = [
        "upload",
        f.to_str().unwrap(),
        "--part-size",
        "64K",
        "--concurrency",
        "2",
        "--json",
    ];
    let before = env.emu.iqiyi().controls.requests.upload_bytes();
    let child = env
        .cmd("iqiyi", &args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_upload_bytes(&env.emu, before, 128 << 10);
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    no_secret(&out);
    let expected = format!(
        "vodkit upload {} --part-size 64K --concurrency 2 --json",
        f.display()
    );
    one_line_error(&out, 130, &format!("to start it over: {expected}"));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["continue"], expected.as_str(), "{j}");
    assert_eq!(
        env.json("iqiyi", &["checkpoints", "--json"]),
        serde_json::json!([])
    );

    let up = env.json("iqiyi", &args);
    let item = &up["uploaded"][0];
    assert_eq!(item["resumed_bytes"], 0, "{item}");
    assert_eq!(item["bytes_sent"], size as u64, "{item}");
    let id = item["file_id"].as_str().unwrap();
    assert_eq!(env.emu.iqiyi().file(id).unwrap().md5.unwrap(), md5_of(&f));
}

#[test]
fn iqiyi_failed_upload_keeps_a_checkpoint_and_the_rerun_sends_only_the_rest() {
    let env = setup_with(100);
    let size = 2 << 20;
    let f = env.file("flaky.mp4", size);
    let args = [
        "upload",
        f.to_str().unwrap(),
        "--part-size",
        "64K",
        "--concurrency",
        "1",
        "--json",
    ];
    // Two parts in, every try of the next part comes back corrupt.
    env.emu.iqiyi().set_upload_faults(iqiyi::UploadFaults {
        corrupt_after: Some(2),
        ..Default::default()
    });
    let out = env
        .cmd("iqiyi", &args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    no_secret(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(10), "{err}");
    let expected = format!(
        "vodkit upload {} --part-size 64K --concurrency 1 --json",
        f.display()
    );
    assert!(err.contains(&format!("to continue: {expected}")), "{err}");
    let cps = env.json("iqiyi", &["checkpoints", "--json"]);
    assert_eq!(cps.as_array().unwrap().len(), 1, "{cps}");

    env.emu
        .iqiyi()
        .set_upload_faults(iqiyi::UploadFaults::default());
    let up = env.json("iqiyi", &args);
    let item = &up["uploaded"][0];
    let resumed = item["resumed_bytes"].as_u64().unwrap();
    assert_eq!(resumed, 2 * (64 << 10), "{item}");
    assert_eq!(
        item["bytes_sent"].as_u64().unwrap() + resumed,
        size as u64,
        "{item}"
    );
    let id = item["file_id"].as_str().unwrap();
    assert_eq!(env.emu.iqiyi().file(id).unwrap().md5.unwrap(), md5_of(&f));
    assert_eq!(
        env.json("iqiyi", &["checkpoints", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn quvideo_wait_waits_out_the_review() {
    // vid001 is transcoded (Normal) but still in review (onCensor): `wait`
    // goes on until the review ends.
    let env = setup();
    let mut child = env
        .cmd(
            "quvideo",
            &["wait", "vid001", "--interval", "0.1", "--json"],
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert!(
        child.try_wait().unwrap().is_none(),
        "wait ended during the review"
    );
    let audit = env.run(
        "quvideo",
        &["call", "createAudit", "mediaId=vid001", "status=Normal"],
    );
    assert!(
        audit.status.success(),
        "{}",
        String::from_utf8_lossy(&audit.stderr)
    );
    let out = child.wait_with_output().unwrap();
    no_secret(&out);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let w: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(w["censorStatus"], "Normal", "{w}");
    assert_eq!(w["review"], "passed review", "{w}");
    assert_eq!(w["state"], "ready", "{w}");
    // With a timeout, a review that does not end is a timeout naming both states.
    let out = env.run(
        "quvideo",
        &["wait", "vid003", "--interval", "0.1", "--timeout", "0.3"],
    );
    one_line_error(
        &out,
        7,
        "still ready (Normal); review: in review (onCensor)",
    );
}

fn state_files(env: &Env) -> Vec<PathBuf> {
    let dir = env.dir.path().join("state").join("credentials");
    match std::fs::read_dir(&dir) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

/// The stored (access, refresh) pair.
fn stored_tokens(env: &Env) -> (String, String) {
    let files = state_files(env);
    assert_eq!(files.len(), 1, "{files:?}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let rec: Value = serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    let c = &rec["credentials"];
    let access = c["access_token"].as_str().unwrap().to_owned();
    let refresh = c["refresh_token"].as_str().unwrap().to_owned();
    assert!(!access.is_empty() && !refresh.is_empty(), "{rec}");
    (access, refresh)
}

fn no_token(out: &Output, tokens: &[&str]) {
    for s in [&out.stdout, &out.stderr] {
        let text = String::from_utf8_lossy(s);
        for t in tokens {
            assert!(!text.contains(t), "a token was printed: {text}");
        }
    }
}

#[test]
fn iqiyi_renewed_tokens_are_kept_between_runs_and_never_printed() {
    let env = setup();
    let stats = || env.emu.iqiyi().token_stats();
    let ok = |out: &Output| {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    // The first run authorizes with the app secret and keeps the pair.
    let out = env.run("iqiyi", &["ls", "--json"]);
    ok(&out);
    assert_eq!((stats().authorized, stats().refreshed), (1, 0));
    let (access1, refresh1) = stored_tokens(&env);
    no_token(&out, &[&access1, &refresh1]);
    // The next run starts with it: no authorize.
    let out = env.run("iqiyi", &["ls", "--json"]);
    ok(&out);
    assert_eq!((stats().authorized, stats().refreshed), (1, 0));

    // The token expires: the run refreshes once and keeps the new pair.
    // At the most verbose level (the SDK's own lines, issue 24) no token
    // and no secret is printed either.
    env.emu.iqiyi().expire_tokens();
    let out = env.run("iqiyi", &["-vvv", "ls", "--json"]);
    ok(&out);
    assert_eq!((stats().authorized, stats().refreshed), (1, 1));
    let (access2, refresh2) = stored_tokens(&env);
    assert_ne!(access2, access1);
    assert_ne!(refresh2, refresh1);
    no_token(&out, &[&access1, &refresh1, &access2, &refresh2]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("setting access_token from state"), "{err}");
    assert!(err.contains("debug: HTTP 200"), "{err}");

    // The refresh token is single-use: only the kept pair lets the next runs
    // go on without authorizing, even with no app secret at all.
    let mut c = env.cmd("iqiyi", &["ls", "--json"]);
    c.env_remove("VODKIT_IQIYI_CLIENT_SECRET");
    let out = c.output().unwrap();
    no_secret(&out);
    ok(&out);
    no_token(&out, &[&access2, &refresh2]);
    assert_eq!((stats().authorized, stats().refreshed), (1, 1));
    assert_eq!(stored_tokens(&env), (access2.clone(), refresh2.clone()));

    // A token configured by hand wins over the stored pair (it is tried,
    // found invalid here, and the app secret authorizes anew).
    let mut c = env.cmd("iqiyi", &["ls", "--json"]);
    c.env("VODKIT_IQIYI_ACCESS_TOKEN", "hand-made-token-0000");
    let out = c.output().unwrap();
    no_secret(&out);
    ok(&out);
    assert_eq!(stats().authorized, 2);
    let (access3, refresh3) = stored_tokens(&env);
    assert_ne!(access3, access2);
    no_token(&out, &[&access3, &refresh3, "hand-made-token-0000"]);
    // Without it again, the stored pair is used.
    let out = env.run("iqiyi", &["ls", "--json"]);
    ok(&out);
    assert_eq!((stats().authorized, stats().refreshed), (2, 1));

    // A sandbox keeps nothing (its tokens end with it).
    let before = state_files(&env);
    let out = env.run("iqiyi", &["--sandbox", "ls", "--json"]);
    ok(&out);
    assert_eq!(state_files(&env), before);
}

/// Issue 20, item 3: two runs at once must not both spend iQiyi's
/// single-use refresh token. Without the store's lock, each run reads the
/// same expired pair and refreshes with the same refresh token; all but one
/// refresh are refused and, with no app secret to authorize again, those
/// runs fail.
#[test]
fn concurrent_iqiyi_runs_spend_the_refresh_token_once() {
    let env = setup();
    let stats = || env.emu.iqiyi().token_stats();
    let out = env.run("iqiyi", &["ls", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    env.emu.iqiyi().expire_tokens();
    let children: Vec<_> = (0..4)
        .map(|_| {
            let mut c = env.cmd("iqiyi", &["ls", "--json"]);
            c.env_remove("VODKIT_IQIYI_CLIENT_SECRET");
            c.stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        no_secret(&out);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!((stats().authorized, stats().refreshed), (1, 1));
}
