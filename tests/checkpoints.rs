//! Checkpoints (issue 13, items 1-3 and 6) against the emulator: written
//! before the first byte and holding no secret, resumed by a plain
//! `upload()`, ignored with a warning when corrupt, refused with `Integrity`
//! when the file at that path is another one, removed when done; the resume
//! handle in the first progress report; the end-to-end MD5.

mod common;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use serde_json::Value;
use vodkit::baijiayun::UploadOptions;
use vodkit::http::RetryPolicy;
use vodkit::upload::{checkpoint, CommonUploadOptions, UploadHooks};
use vodkit::ErrorKind;
use vodkit_emulator::Faults;

const MIB: u64 = 1024 * 1024;

/// What the progress callback saw: the resume handle and the checkpoint files' text.
type Seen = Vec<(Option<Value>, Vec<String>)>;

/// A way to spoil a checkpoint file's text.
type Spoil = fn(&str) -> String;

/// Warnings the SDK logged, for the tests that expect one.
struct Capture;

static LOGGED: Mutex<Vec<String>> = Mutex::new(Vec::new());

impl log::Log for Capture {
    fn enabled(&self, m: &log::Metadata) -> bool {
        m.level() <= log::Level::Warn
    }
    fn log(&self, r: &log::Record) {
        if self.enabled(r.metadata()) {
            LOGGED.lock().unwrap().push(r.args().to_string());
        }
    }
    fn flush(&self) {}
}

fn warnings_mentioning(what: &str) -> usize {
    static INIT: OnceLock<()> = OnceLock::new();
    INIT.get_or_init(|| {
        let _ = log::set_logger(&Capture);
        log::set_max_level(log::LevelFilter::Warn);
    });
    LOGGED
        .lock()
        .unwrap()
        .iter()
        .filter(|l| l.contains(what))
        .count()
}

fn options(dir: &Path) -> UploadOptions {
    UploadOptions {
        common: CommonUploadOptions {
            checkpoint_dir: Some(dir.to_owned()),
            ..Default::default()
        },
        part_size: Some(MIB),
        ..UploadOptions::default()
    }
}

/// A client that gives up at the first failure (so a test can interrupt it).
fn fragile(emu: &vodkit_emulator::Emulator) -> vodkit::baijiayun::Client {
    vodkit::baijiayun::Client::new(common::config(emu).retry(RetryPolicy::none())).unwrap()
}

fn checkpoint_files(dir: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn a_checkpoint_exists_before_the_first_byte_holds_no_secret_and_goes_when_done() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("checkpoints");
    let path = common::random_file(dir.path(), "a.mp4", 3 * MIB + 5);
    let seen: Arc<Mutex<Seen>> = Arc::default();
    let s = seen.clone();
    let st = store.clone();
    let control = UploadHooks::new().on_progress(move |p| {
        let texts = checkpoint_files(&st)
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap())
            .collect();
        s.lock()
            .unwrap()
            .push((p.resume.as_deref().cloned(), texts));
        ControlFlow::Continue(())
    });
    let up = client
        .upload_with(&path, &options(&store), control)
        .unwrap();
    let seen = seen.lock().unwrap();
    let (resume, texts) = &seen[0];
    // The first report: the handle, and the checkpoint already on disk.
    assert_eq!(
        resume.as_ref().unwrap(),
        &serde_json::json!({"provider": "baijiayun", "video_id": up.video_id})
    );
    assert_eq!(texts.len(), 1, "one checkpoint before any byte");
    let text = &texts[0];
    let key = emu.baijiayun().partner_key();
    let stored = emu.baijiayun().bjy_video(up.video_id).unwrap();
    for secret in [key.as_str(), stored.upload_token.as_str(), "token", "http"] {
        assert!(
            !text.contains(secret),
            "the checkpoint holds {secret:?}: {text}"
        );
    }
    let record: Value = serde_json::from_str(text).unwrap();
    assert_eq!(record["resume"]["video_id"], up.video_id);
    assert_eq!(record["version"], 1);
    assert!(record["hash"].as_str().unwrap().len() == 32);
    // Done: the checkpoint went, and the MD5 matches the file and the provider.
    assert!(checkpoint_files(&store).is_empty());
    let md5 = common::md5_file(&path);
    assert_eq!(up.file_md5.as_deref(), Some(md5.as_str()));
    assert_eq!(
        stored.md5.as_ref().and_then(|m| m.wait()).as_deref(),
        Some(md5.as_str())
    );
}

#[test]
fn a_plain_upload_resumes_from_the_checkpoint_and_lists_it_meanwhile() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("cp");
    let path = common::random_file(dir.path(), "b.mp4", 5 * MIB + 3);
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(2 * MIB + 11),
        ..Faults::default()
    });
    let err = fragile(&emu).upload(&path, &options(&store)).unwrap_err();
    let video_id = err.resume().unwrap()["video_id"].as_i64().unwrap();
    let listed = checkpoint::list(&store).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].provider, "baijiayun");
    assert_eq!(listed[0].size, 5 * MIB + 3);
    assert_eq!(listed[0].resume["video_id"], video_id);
    assert_eq!(
        listed[0].path.as_deref(),
        Some(&*std::fs::canonicalize(&path).unwrap())
    );

    // Another process would do just this: the same file, the same directory.
    let client = common::client(&emu);
    let up = client.upload(&path, &options(&store)).unwrap();
    assert_eq!(up.video_id, video_id, "no second video");
    assert_eq!(up.resumed_from, 2 * MIB + 11);
    let md5 = common::md5_file(&path);
    assert_eq!(up.file_md5.as_deref(), Some(md5.as_str()));
    let stored = emu.baijiayun().video(video_id).unwrap();
    assert_eq!(stored.md5.as_deref(), Some(md5.as_str()));
    assert_eq!(
        emu.baijiayun().request_count("/openapi/video/getUploadUrl"),
        1
    );
    assert!(checkpoint::list(&store).unwrap().is_empty());
}

#[test]
fn a_corrupt_truncated_or_foreign_checkpoint_is_ignored_with_a_warning() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("cp");
    let path = common::random_file(dir.path(), "c.mp4", 2 * MIB);
    let spoil: [(&str, Spoil); 3] = [
        ("hash", |t| t.replacen("\"size\": ", "\"size\": 1", 1)),
        ("truncated", |t| t[..t.len() / 2].to_owned()),
        ("version", |t| {
            t.replacen("\"version\": 1", "\"version\": 7", 1)
        }),
    ];
    for (why, spoil) in spoil {
        emu.baijiayun().set_faults(Faults {
            drop_after_bytes: Some(MIB),
            ..Faults::default()
        });
        let err = fragile(&emu).upload(&path, &options(&store)).unwrap_err();
        let old_id = err.resume().unwrap()["video_id"].as_i64().unwrap();
        let [file] = &checkpoint_files(&store)[..] else {
            panic!("one checkpoint")
        };
        let text = std::fs::read_to_string(file).unwrap();
        std::fs::write(file, spoil(&text)).unwrap();
        let before = warnings_mentioning("ignoring checkpoint");
        let up = common::client(&emu)
            .upload(&path, &options(&store))
            .unwrap();
        assert_ne!(up.video_id, old_id, "{why}: a fresh upload");
        assert_eq!(up.resumed_from, 0, "{why}");
        assert_eq!(
            warnings_mentioning("ignoring checkpoint"),
            before + 1,
            "{why}: one warning"
        );
        let stored = emu.baijiayun().video(up.video_id).unwrap();
        assert_eq!(stored.md5.unwrap(), common::md5_file(&path), "{why}");
        assert!(checkpoint_files(&store).is_empty(), "{why}");
    }
}

#[test]
fn another_file_with_the_same_name_and_size_is_an_integrity_error_and_nothing_is_sent() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("cp");
    let path = common::random_file(dir.path(), "d.mp4", 3 * MIB);
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(MIB + 1),
        ..Faults::default()
    });
    fragile(&emu).upload(&path, &options(&store)).unwrap_err();
    // The same name and size, other bytes (a re-export of the video).
    let mut other = std::fs::read(&path).unwrap();
    other[(2 * MIB) as usize] ^= 0xff;
    std::fs::write(&path, &other).unwrap();
    let before = emu.baijiayun().total_requests();
    let err = common::client(&emu)
        .upload(&path, &options(&store))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
    assert!(err.message().contains("nothing was sent"), "{err}");
    assert_eq!(
        emu.baijiayun().total_requests(),
        before,
        "no request at all"
    );
    assert_eq!(checkpoint_files(&store).len(), 1, "the checkpoint stays");
    // Removing it (as the message says) lets the new file go as a new video.
    let key = checkpoint::list(&store).unwrap()[0].key.clone();
    assert!(checkpoint::remove(&store, &key).unwrap());
    let up = common::client(&emu)
        .upload(&path, &options(&store))
        .unwrap();
    assert_eq!(up.resumed_from, 0);
}

#[test]
fn a_provider_md5_that_differs_is_an_integrity_error_naming_both() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "e.mp4", MIB + 1);
    emu.baijiayun().md5_fault.arm(1);
    let err = client.upload(&path, &UploadOptions::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
    let local = common::md5_file(&path);
    assert!(err.message().contains(&local), "{err}");
    assert!(
        err.message().contains("0123456789abcdef0123456789abcdef"),
        "{err}"
    );
    // Asked not to, it does not compare (nor hash).
    emu.baijiayun().md5_fault.arm(1);
    let off = UploadOptions {
        common: CommonUploadOptions {
            verify_md5: false,
            ..Default::default()
        },
        ..UploadOptions::default()
    };
    let up = client.upload(&path, &off).unwrap();
    assert_eq!(up.file_md5, None);
}

/// The crash suite's lost result (issue 13, R2): the server holds the whole
/// file, but the call ends before the caller has the video id (there a
/// SIGKILL during the whole-file MD5 or getInfo; here getInfo failing). The
/// checkpoint stays until the result is handed over, so the next `upload()`
/// of the file finds the video complete and returns it: no second video.
#[test]
fn an_upload_whose_result_was_lost_is_found_complete_by_the_next_upload() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("cp");
    let path = common::random_file(dir.path(), "g.mp4", 3 * MIB + 7);
    let bjy = emu.baijiayun().clone();
    // Every byte is on its way (the upload request arrived long ago): the
    // next request, getInfo, fails, and this client does not retry it.
    let control = UploadHooks::new().on_progress(move |p| {
        if p.bytes_done == p.bytes_total {
            bjy.set_faults(Faults {
                fail_next: 1,
                ..Faults::default()
            });
        }
        ControlFlow::Continue(())
    });
    let err = fragile(&emu)
        .upload_with(&path, &options(&store), control)
        .unwrap_err();
    assert_ne!(err.kind(), ErrorKind::Integrity, "{err}");
    assert!(err.message().contains("could not be checked"), "{err}");
    let listed = checkpoint::list(&store).unwrap();
    assert_eq!(listed.len(), 1, "the checkpoint stays until the result");
    let video_id = listed[0].resume["video_id"].as_i64().unwrap();
    assert!(
        err.message().contains(&format!("video {video_id}")),
        "{err}"
    );
    let md5 = common::md5_file(&path);
    let stored = emu.baijiayun().video(video_id).unwrap();
    assert_eq!(stored.md5.as_deref(), Some(md5.as_str()), "complete");

    // The next process: the same file, the same directory.
    let up = common::client(&emu)
        .upload(&path, &options(&store))
        .unwrap();
    assert_eq!(up.video_id, video_id, "no second video");
    assert_eq!(up.resumed_from, 3 * MIB + 7, "nothing sent again");
    assert_eq!(up.file_md5.as_deref(), Some(md5.as_str()));
    assert_eq!(
        emu.baijiayun().request_count("/openapi/video/getUploadUrl"),
        1
    );
    assert!(checkpoint::list(&store).unwrap().is_empty());

    // An MD5 that differs is a verdict, not a lost result: that upload is
    // over (the error names the video) and its checkpoint goes.
    emu.baijiayun().md5_fault.arm(1);
    let err = common::client(&emu)
        .upload(&path, &options(&store))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
    assert!(checkpoint::list(&store).unwrap().is_empty());
}

#[test]
fn a_video_holding_every_byte_but_never_completed_is_an_error_not_a_success() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("cp");
    let size = 3 * MIB + 5;
    let path = common::random_file(dir.path(), "stuck.mp4", size);
    // The first part is cut off: the upload stops with its checkpoint.
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(MIB / 2),
        drop_uploads: 1,
        ..Faults::default()
    });
    fragile(&emu).upload(&path, &options(&store)).unwrap_err();
    let listed = checkpoint::list(&store).unwrap();
    assert_eq!(listed.len(), 1);
    let video_id = listed[0].resume["video_id"].as_i64().unwrap();
    // A provider in the state the SDK must not call a success: every byte
    // stored, the upload never completed (still uploading).
    {
        let mut videos = emu.baijiayun().videos.lock().unwrap();
        let v = videos.get_mut(&video_id).unwrap();
        std::fs::copy(&path, &v.path).unwrap();
        v.received = size;
    }
    let err = common::client(&emu)
        .upload(&path, &options(&store))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Provider, "{err}");
    assert!(err.message().contains("has not completed"), "{err}");
    assert!(
        err.message().contains(&format!("video {video_id}")),
        "{err}"
    );
    // Its checkpoint went: the next upload() is a new, complete video.
    assert!(checkpoint::list(&store).unwrap().is_empty());
    let up = common::client(&emu)
        .upload(&path, &options(&store))
        .unwrap();
    assert_ne!(up.video_id, video_id);
    let md5 = common::md5_file(&path);
    assert_eq!(up.file_md5.as_deref(), Some(md5.as_str()));
}

#[test]
fn iqiyi_resumes_from_its_checkpoint_without_resending_a_range() {
    use vodkit::iqiyi::UploadOptions as IqOptions;
    use vodkit_emulator::iqiyi::UploadFaults;
    let emu = common::iqiyi::emulator();
    let client = common::iqiyi::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("cp");
    let part = 256 * 1024;
    let path = common::random_file(dir.path(), "i.mp4", 12 * part + 9);
    let opts = IqOptions {
        part_size: Some(part),
        concurrency: Some(2),
        common: CommonUploadOptions {
            checkpoint_dir: Some(store.clone()),
            ..Default::default()
        },
        ..IqOptions::default()
    };
    // Four chunks are kept, then every range comes back corrupt.
    emu.iqiyi().set_upload_faults(UploadFaults {
        corrupt_after: Some(4),
        ..UploadFaults::default()
    });
    let mut first: Option<Value> = None;
    let control = UploadHooks::new()
        .progress_interval(Duration::from_millis(1))
        .on_progress(|p| {
            first.get_or_insert_with(|| p.resume.as_deref().cloned().unwrap());
            ControlFlow::Continue(())
        });
    let err = client.upload_with(&path, &opts, control).unwrap_err();
    let handle = first.unwrap();
    assert_eq!(handle["provider"], "iqiyi");
    assert_eq!(handle["file_id"], err.resume().unwrap()["file_id"]);
    emu.iqiyi().set_upload_faults(UploadFaults::default());
    let listed = checkpoint::list(&store).unwrap();
    assert_eq!(listed.len(), 1);
    let text = std::fs::read_to_string(&checkpoint_files(&store)[0]).unwrap();
    let record: Value = serde_json::from_str(&text).unwrap();
    let acked: Vec<u64> = record["ranges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["offset"].as_u64().unwrap())
        .collect();
    assert_eq!(acked.len(), 4, "{text}");
    for secret in ["token", emu.iqiyi().config.client_secret.as_str()] {
        assert!(!text.contains(secret), "{text}");
    }

    let up = common::iqiyi::client(&emu).upload(&path, &opts).unwrap();
    assert_eq!(up.file_id, handle["file_id"].as_str().unwrap());
    assert_eq!(up.resumed_bytes, listed[0].acknowledged);
    let f = emu.iqiyi().file(&up.file_id).unwrap();
    let md5 = common::md5_file(&path);
    assert_eq!(f.md5.as_deref(), Some(md5.as_str()));
    assert_eq!(up.file_md5.as_deref(), Some(md5.as_str()));
    for at in acked {
        assert_eq!(
            f.chunks[&at], 1,
            "the acknowledged range at {at} was re-sent"
        );
    }
    assert!(checkpoint_files(&store).is_empty());
}

#[test]
fn an_iqiyi_resume_handle_for_other_bytes_is_an_integrity_error() {
    use vodkit::iqiyi::UploadOptions as IqOptions;
    use vodkit_emulator::iqiyi::UploadFaults;
    let emu = common::iqiyi::emulator();
    let client = common::iqiyi::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let part = 64 * 1024;
    let path = common::random_file(dir.path(), "w.mp4", 8 * part);
    let opts = IqOptions {
        part_size: Some(part),
        concurrency: Some(1),
        ..IqOptions::default()
    };
    emu.iqiyi().set_upload_faults(UploadFaults {
        corrupt_after: Some(3),
        ..UploadFaults::default()
    });
    let err = client.upload(&path, &opts).unwrap_err();
    let resume = err.resume().unwrap().clone();
    emu.iqiyi().set_upload_faults(UploadFaults::default());
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[10] ^= 1;
    std::fs::write(&path, &bytes).unwrap();
    let before = emu.iqiyi().controls.requests.total();
    let err = client
        .resume_upload(&resume, &path, &opts, UploadHooks::new())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
    assert_eq!(
        emu.iqiyi().controls.requests.total(),
        before,
        "nothing sent"
    );
}
