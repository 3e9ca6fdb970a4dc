//! `vodkit copy` against an emulator started in this test process: one
//! video per provider pair, `--all` with its mapping report and a rerun
//! that copies nothing again, and `kill -9` in the middle of a copy, then
//! the same command finishing it with exactly one copy at the target.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use vodkit_emulator::{baijiayun, Emulator};

struct Env {
    emu: Emulator,
    dir: tempfile::TempDir,
}

fn setup() -> Env {
    let emu = Emulator::start(baijiayun::Config {
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
    /// `vodkit ARGS` with every provider's settings in the environment, as
    /// a user with two accounts sets them.
    fn cmd(&self, args: &[&str]) -> Command {
        let (b, i, q) = (self.emu.baijiayun(), self.emu.iqiyi(), self.emu.quvideo());
        let mut c = Command::new(env!("CARGO_BIN_EXE_vodkit"));
        c.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("VODKIT_CONFIG", self.dir.path().join("config.toml"))
            .env("VODKIT_STATE_DIR", self.dir.path().join("state"))
            .env("VODKIT_BAIJIAYUN_PARTNER_ID", &b.config.partner_id)
            .env("VODKIT_BAIJIAYUN_PARTNER_KEY", b.partner_key())
            .env(
                "VODKIT_BAIJIAYUN_BASE_URL",
                self.emu.provider_url("baijiayun"),
            )
            .env("VODKIT_IQIYI_CLIENT_ID", &i.config.client_id)
            .env("VODKIT_IQIYI_CLIENT_SECRET", &i.config.client_secret)
            .env("VODKIT_IQIYI_BASE_URL", self.emu.provider_url("iqiyi"))
            .env("VODKIT_QUVIDEO_USER_NAME", &q.config.user_name)
            .env("VODKIT_QUVIDEO_PASSWORD", &q.config.password)
            .env("VODKIT_QUVIDEO_BASE_URL", self.emu.provider_url("quvideo"))
            .stdin(Stdio::null());
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = self.cmd(args).output().unwrap();
        let secrets = [
            self.emu.baijiayun().partner_key(),
            self.emu.iqiyi().config.client_secret.clone(),
        ];
        for text in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(text);
            for s in &secrets {
                assert!(!text.contains(s.as_str()), "a secret was printed: {text}");
            }
        }
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

    fn client(&self, provider: &str) -> vodkit::Client {
        let mut config = match provider {
            "baijiayun" => {
                let s = self.emu.baijiayun();
                json!({ "partner_id": s.config.partner_id, "partner_key": s.partner_key() })
            }
            "iqiyi" => {
                let s = self.emu.iqiyi();
                json!({ "client_id": s.config.client_id, "client_secret": s.config.client_secret })
            }
            other => panic!("{other}"),
        };
        config["base_url"] = json!(self.emu.provider_url(provider));
        vodkit::Client::new(provider, &config).unwrap()
    }

    /// A video at `provider` that plays (transcoded, published): its id and MD5.
    fn video(&self, provider: &str, name: &str, len: usize) -> (String, String) {
        let data: Vec<u8> = (0..len).map(|i| (i * 7 + i / 251) as u8).collect();
        let path = self.dir.path().join(name);
        std::fs::write(&path, &data).unwrap();
        let up = self
            .client(provider)
            .upload(&path, &Value::Null, vodkit::upload::UploadHooks::new())
            .unwrap();
        let id = match provider {
            "baijiayun" => {
                let id = up["video_id"].as_i64().unwrap();
                self.emu.baijiayun().clock().advance_ms(3_600_000);
                wait_until(|| {
                    self.emu
                        .baijiayun()
                        .video(id)
                        .is_some_and(|v| v.status == 100)
                });
                id.to_string()
            }
            _ => {
                self.emu.iqiyi().clock().advance_ms(60_000);
                up["file_id"].as_str().unwrap().to_owned()
            }
        };
        (id, md5_of(&path))
    }

    /// The MD5 and title the target stored for `id`.
    fn stored(&self, provider: &str, id: &str) -> (String, String) {
        match provider {
            "baijiayun" => {
                let v = self.emu.baijiayun().video(id.parse().unwrap()).unwrap();
                (v.md5.unwrap(), v.name)
            }
            _ => {
                let mut found = None;
                wait_until(|| {
                    found = self
                        .emu
                        .iqiyi()
                        .file(id)
                        .and_then(|f| Some((f.md5?, f.meta?.file_name)));
                    found.is_some()
                });
                found.unwrap()
            }
        }
    }
}

fn wait_until(mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !ready() {
        assert!(Instant::now() < deadline, "condition not met within 60 s");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn md5_of(p: &Path) -> String {
    use md5::{Digest, Md5};
    let d = Md5::digest(std::fs::read(p).unwrap());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

fn quvideo_md5(emu: &Emulator, id: &str) -> String {
    use md5::{Digest, Md5};
    let v = emu.quvideo().video(id).unwrap();
    let d = Md5::digest(vodkit_emulator::quvideo::state::media_bytes(&v));
    d.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn one_video_is_copied_for_every_pair() {
    let env = setup();
    let (bjy_id, bjy_md5) = env.video("baijiayun", "from bjy.mp4", 150_000);
    let (iq_id, iq_md5) = env.video("iqiyi", "from iqiyi.mp4", 170_000);
    let cases = [
        (
            format!("baijiayun:{bjy_id}"),
            "iqiyi",
            bjy_md5,
            "from bjy.mp4".to_owned(),
        ),
        (
            format!("iqiyi:{iq_id}"),
            "baijiayun",
            iq_md5,
            "from iqiyi.mp4".to_owned(),
        ),
        (
            "quvideo:vid002".to_owned(),
            "baijiayun",
            quvideo_md5(&env.emu, "vid002"),
            "test video 2".to_owned(),
        ),
        (
            "quvideo:vid003".to_owned(),
            "iqiyi",
            quvideo_md5(&env.emu, "vid003"),
            "test video 3".to_owned(),
        ),
    ];
    for (from, to, md5, title) in cases {
        let target = format!("{to}:");
        let copied = env.json(&["copy", &from, &target, "--json"]);
        assert_eq!(copied["md5"], json!(md5), "{from} → {to}: {copied}");
        assert_eq!(copied["title"], json!(title), "{copied}");
        assert_eq!(copied["skipped"], false);
        let id = match &copied["target_id"] {
            Value::String(s) => s.clone(),
            other => panic!("{other}"),
        };
        assert_eq!(env.stored(to, &id), (md5, title), "{from} → {to}");
    }
    // Human output, and a target that takes no uploads.
    let out = env.run(&["copy", "quvideo:vid004", "baijiayun:"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("copied quvideo:vid004 → baijiayun:"));
    let out = env.run(&["copy", &format!("baijiayun:{bjy_id}"), "quvideo:"]);
    assert_eq!(
        out.status.code(),
        Some(14),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = env.run(&["copy", "quvideo:", "baijiayun:"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn copy_all_writes_a_mapping_report_that_a_rerun_continues() {
    let env = setup();
    let report = env.dir.path().join("moved");
    let args = [
        "copy",
        "--all",
        "quvideo:",
        "baijiayun:",
        "--report",
        report.to_str().unwrap(),
        "--json",
    ];
    let first = env.json(&args);
    assert_eq!(first["copied"], 7, "{first}");
    assert_eq!(first["failed"], 0, "{first}");
    assert_eq!(env.emu.baijiayun().videos().len(), 7);
    let rows: Value =
        serde_json::from_slice(&std::fs::read(report.with_extension("json")).unwrap()).unwrap();
    let rows = rows["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 7);
    for row in rows {
        let id = row["source_id"].as_str().unwrap();
        assert_eq!(row["result"], "copied");
        assert_eq!(row["md5"], json!(quvideo_md5(&env.emu, id)), "{row}");
        let target = row["target_id"].as_str().unwrap();
        assert_eq!(env.stored("baijiayun", target).0, quvideo_md5(&env.emu, id));
    }
    let csv = std::fs::read_to_string(report.with_extension("csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "source_id,target_id,title,bytes,md5,result,error");
    assert_eq!(lines.len(), 8, "{csv}");
    let vid001 = lines.iter().find(|l| l.starts_with("vid001,")).expect(&csv);
    assert!(
        vid001.contains(",test video 1,1000,") && vid001.ends_with(",copied,"),
        "{csv}"
    );

    // The same command again: every row is done, nothing is copied.
    let before = env.emu.baijiayun().controls.requests.upload_bytes();
    let again = env.json(&args);
    assert_eq!(again["copied"], 0, "{again}");
    assert_eq!(again["skipped"], 7, "{again}");
    assert_eq!(env.emu.baijiayun().videos().len(), 7);
    assert_eq!(env.emu.baijiayun().controls.requests.upload_bytes(), before);

    // A failed row is retried by the next run (and only it).
    let mut stored: Value =
        serde_json::from_slice(&std::fs::read(report.with_extension("json")).unwrap()).unwrap();
    stored["rows"][2]["result"] = json!("failed");
    stored["rows"][2]["error"] = json!("the network went away");
    std::fs::write(report.with_extension("json"), stored.to_string()).unwrap();
    let retried = env.json(&args);
    assert_eq!(
        (retried["copied"].as_u64(), retried["skipped"].as_u64()),
        (Some(1), Some(6)),
        "{retried}"
    );
    assert_eq!(retried["rows"][2]["result"], "copied");
}

/// Kill -9 once the checkpoint records an acknowledged part; the same
/// command then finishes the copy: one copy at the target, bytes intact.
#[test]
fn kill_9_in_the_middle_of_a_copy_then_the_same_command_finishes_it_once() {
    let env = setup();
    let (id, md5) = env.video("baijiayun", "long.mp4", 1 << 20);
    let from = format!("baijiayun:{id}");
    let args = [
        "copy",
        &from,
        "iqiyi:",
        "--part-size",
        "64K",
        "--limit-rate",
        "256K",
        "--json",
    ];
    let checkpoints = env.dir.path().join("state/checkpoints");
    let acknowledged = || {
        std::fs::read_dir(&checkpoints)
            .map(|d| {
                d.flatten().any(|e| {
                    // A checkpoint (KEY.json), not one being written (a
                    // temporary file a kill leaves unrenamed).
                    let name = e.file_name().to_string_lossy().into_owned();
                    if name.len() != 37 || !name.ends_with(".json") {
                        return false;
                    }
                    let text = std::fs::read_to_string(e.path()).unwrap_or_default();
                    serde_json::from_str::<Value>(&text)
                        .is_ok_and(|r| r["ranges"].as_array().is_some_and(|a| !a.is_empty()))
                })
            })
            .unwrap_or(false)
    };
    let mut child = env
        .cmd(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while !acknowledged() {
        assert!(Instant::now() < deadline, "no part acknowledged");
        assert!(child.try_wait().unwrap().is_none(), "the copy ended early");
        std::thread::sleep(Duration::from_millis(10));
    }
    unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
    child.wait().unwrap();
    // No signed URL or token on disk.
    for e in std::fs::read_dir(&checkpoints).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        // (The target's upload URL is in the resume handle: no token in it.)
        assert!(
            !text.contains("token") && !text.contains("/play/"),
            "{text}"
        );
    }

    let copied = env.json(&args);
    assert!(
        copied["upload"]["resumed_bytes"].as_u64().unwrap() > 0,
        "{copied}"
    );
    assert_eq!(copied["md5"], json!(md5));
    let target = copied["target_id"].as_str().unwrap();
    assert_eq!(env.stored("iqiyi", target).0, md5);
    let files = env.emu.iqiyi().files();
    assert_eq!(
        files.len(),
        1,
        "one upload at the target, resumed: {files:?}"
    );
    assert!(files[0].finished);
    // And again: already copied, nothing sent.
    let again = env.json(&args);
    assert_eq!(again["skipped"], true, "{again}");
    assert_eq!(again["target_id"], copied["target_id"]);
}

/// `--sandbox`: both providers in the one sandbox, no credentials, and a
/// second command (another emulator address) still copies.
#[test]
fn the_sandbox_copies_between_its_providers() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_vodkit"))
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("VODKIT_CONFIG", dir.path().join("config.toml"))
            .env("VODKIT_STATE_DIR", dir.path().join("state"))
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    for id in ["quvideo:vid001", "quvideo:vid002"] {
        let copied = run(&["--sandbox", "copy", id, "iqiyi:", "--json"]);
        assert_eq!(copied["source_provider"], "quvideo", "{copied}");
        assert_eq!(copied["skipped"], false);
        assert!(
            copied["md5"].as_str().is_some_and(|m| m.len() == 32),
            "{copied}"
        );
    }
}
