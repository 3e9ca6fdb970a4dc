//! iQiyi uploads against the emulator: sizes around the part size, verified
//! chunks, meta before finish, backup host, corrupt ranges, token expiry,
//! cancel, resume, bad input.

mod common;

use std::ops::ControlFlow;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::iqiyi::{client, config, emulator};
use vodkit::iqiyi::{Client, UploadOptions};
use vodkit::upload::{UploadControl, UploadHooks};
use vodkit::ErrorKind;
use vodkit_emulator::iqiyi::UploadFaults;

const PART: u64 = 64 * 1024;

fn options() -> UploadOptions {
    UploadOptions {
        part_size: Some(PART),
        description: Some("a test".into()),
        tags: Some("青春,搞笑".into()),
        file_type: Some(22),
        ..UploadOptions::default()
    }
}

#[test]
fn sizes_around_the_part_size_arrive_intact_with_meta() {
    let emu = emulator();
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    for len in [1, PART - 1, PART, PART + 1, 5 * PART + 7] {
        let path = common::random_file(dir.path(), &format!("v{len}.mp4"), len);
        let mut last = 0;
        let control = UploadHooks::new().on_progress(|p| {
            assert!(p.bytes_done >= last && p.bytes_total == len);
            last = p.bytes_done;
            ControlFlow::Continue(())
        });
        let up = client.upload_with(&path, &options(), control).unwrap();
        assert_eq!((up.bytes, up.resumed_bytes), (len, 0));
        assert_eq!(last, len);
        let f = emu.iqiyi().file(&up.file_id).unwrap();
        assert_eq!(f.size, len);
        assert_eq!(f.received, len);
        assert_eq!(f.md5.as_deref(), Some(common::md5_file(&path).as_str()));
        assert!(f.finished && !f.cancelled);
        assert_eq!(f.filetype, "mp4");
        let meta = f.meta.unwrap();
        assert_eq!(
            meta.file_name,
            format!("v{len}.mp4"),
            "the local name by default"
        );
        assert_eq!(meta.description, "a test");
        assert_eq!(meta.tags.as_deref(), Some("青春,搞笑"));
        assert_eq!(meta.file_type, Some(22));
        // Every range once.
        assert_eq!(f.chunks.len() as u64, len.div_ceil(PART));
        assert!(f.chunks.values().all(|n| *n == 1), "{:?}", f.chunks);
        assert_eq!(f.state, "A00001", "publishing right after finish");
    }
}

#[test]
fn the_backup_host_carries_the_upload_when_the_primary_is_down() {
    let emu = emulator();
    let client = client(&emu);
    emu.iqiyi().set_upload_faults(UploadFaults {
        primary_down: true,
        ..UploadFaults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "b.mp4", 6 * PART + 3);
    let up = client.upload(&path, &options()).unwrap();
    let f = emu.iqiyi().file(&up.file_id).unwrap();
    assert_eq!(f.md5.as_deref(), Some(common::md5_file(&path).as_str()));
    let counts = emu.iqiyi().controls.requests.counts();
    assert!(
        counts.get("/backup/upload").copied().unwrap_or(0) >= 7,
        "{counts:?}"
    );
    assert!(
        counts.get("/qichuan/upload").copied().unwrap_or(0) >= 1,
        "{counts:?}"
    );
}

#[test]
fn a_corrupted_range_answer_is_sent_again_and_persistent_corruption_is_integrity() {
    let emu = emulator();
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "c.mp4", 4 * PART);
    emu.iqiyi().set_upload_faults(UploadFaults {
        corrupt_range: 1,
        ..UploadFaults::default()
    });
    let up = client.upload(&path, &options()).unwrap();
    let f = emu.iqiyi().file(&up.file_id).unwrap();
    assert_eq!(f.md5.as_deref(), Some(common::md5_file(&path).as_str()));
    assert_eq!(
        f.chunks.values().sum::<u32>(),
        5,
        "one range re-sent: {:?}",
        f.chunks
    );

    // Every answer corrupt: the part's tries run out.
    emu.iqiyi().set_upload_faults(UploadFaults {
        corrupt_range: 1000,
        ..UploadFaults::default()
    });
    let err = client
        .upload(
            &path,
            &UploadOptions {
                concurrency: Some(1),
                ..options()
            },
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
    let resume = err.resume().expect("a resume handle").clone();
    assert_eq!(resume["provider"], "iqiyi");
    let text = resume.to_string();
    assert!(!text.contains("token"), "{text}");
    // Healed, the resume completes the same file.
    emu.iqiyi().set_upload_faults(UploadFaults::default());
    let up = client
        .resume_upload(&resume, &path, &options(), UploadHooks::new())
        .unwrap();
    assert_eq!(up.file_id, resume["file_id"].as_str().unwrap());
    let f = emu.iqiyi().file(&up.file_id).unwrap();
    assert_eq!(f.md5.as_deref(), Some(common::md5_file(&path).as_str()));
}

#[test]
fn an_interrupted_upload_resumes_without_resending_acknowledged_ranges() {
    let emu = emulator();
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "r.mp4", 8 * PART);
    // Three chunks are kept, then every range comes back corrupt.
    emu.iqiyi().set_upload_faults(UploadFaults {
        corrupt_after: Some(3),
        ..UploadFaults::default()
    });
    let opts = UploadOptions {
        concurrency: Some(1),
        ..options()
    };
    let err = client.upload(&path, &opts).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity);
    let resume = err.resume().unwrap().clone();
    let held = resume["ranges"].as_array().unwrap().len() as u64;
    assert_eq!(held, 3, "{resume}");
    // The handle survives a restart as JSON text.
    let resume: serde_json::Value = serde_json::from_str(&resume.to_string()).unwrap();
    emu.iqiyi().set_upload_faults(UploadFaults::default());
    let up = client
        .resume_upload(&resume, &path, &opts, UploadHooks::new())
        .unwrap();
    assert_eq!(up.resumed_bytes, held * PART);
    let f = emu.iqiyi().file(&up.file_id).unwrap();
    assert_eq!(f.md5.as_deref(), Some(common::md5_file(&path).as_str()));
    // No acknowledged range went twice.
    for r in resume["ranges"].as_array().unwrap() {
        let at = r["offset"].as_u64().unwrap();
        assert_eq!(f.chunks[&at], 1, "range at {at} re-sent");
    }
    // A handle for another size is refused before any request.
    let other = common::random_file(dir.path(), "o.mp4", 3);
    let err = client
        .resume_upload(&resume, &other, &opts, UploadHooks::new())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn token_expiry_mid_upload_refreshes_once_and_resends_nothing() {
    let emu = emulator();
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let s = seen.clone();
    let client = Client::new(config(&emu).on_tokens(move |t| {
        s.lock().unwrap().push(t.access_token.expose().to_owned());
    }))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "t.mp4", 16 * PART);
    // The token runs out once four chunks are in.
    emu.iqiyi().set_upload_faults(UploadFaults {
        expire_tokens_after: Some(4),
        ..UploadFaults::default()
    });
    let up = client.upload(&path, &options()).unwrap();
    let f = emu.iqiyi().file(&up.file_id).unwrap();
    assert_eq!(f.md5.as_deref(), Some(common::md5_file(&path).as_str()));
    assert!(f.chunks.values().all(|n| *n == 1), "{:?}", f.chunks);
    let stats = emu.iqiyi().token_stats();
    assert_eq!((stats.authorized, stats.refreshed), (1, 1), "{stats:?}");
    let seen = seen.lock().unwrap();
    assert_eq!(
        seen.len(),
        2,
        "the hook saw the first pair and the refreshed one"
    );
    assert_eq!(client.tokens().access_token.expose(), seen[1]);
    assert_ne!(seen[0], seen[1]);
}

#[test]
fn cancel_from_the_progress_callback_cancels_at_iqiyi() {
    let emu = emulator();
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "x.mp4", 32 * PART);
    let control = UploadHooks::new()
        .progress_interval(Duration::from_millis(1))
        .on_progress(|p| {
            if p.bytes_done > 0 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
    let err = client.upload_with(&path, &options(), control).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cancelled);
    let counts = emu.iqiyi().controls.requests.counts();
    assert_eq!(counts.get("/upload/cancelupload"), Some(&1), "{counts:?}");
    assert_eq!(counts.get("/upload/uploadfinish"), None);
}

#[test]
fn cancel_from_another_thread() {
    let emu = emulator();
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "y.mp4", 64 * PART);
    let mut faults = emu.iqiyi().controls.faults.get();
    faults.latency_ms = 20;
    emu.iqiyi().controls.faults.set(faults);
    let token = UploadControl::new();
    let t = token.clone();
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(150));
        t.cancel();
    });
    let err = client
        .upload_with(&path, &options(), UploadHooks::new().control(token))
        .unwrap_err();
    canceller.join().unwrap();
    assert_eq!(err.kind(), ErrorKind::Cancelled);
    let counts = emu.iqiyi().controls.requests.counts();
    assert_eq!(counts.get("/upload/cancelupload"), Some(&1), "{counts:?}");
    let file_id = err
        .detail()
        .unwrap()
        .trim_start_matches("file_id=")
        .to_owned();
    assert!(emu.iqiyi().file(&file_id).unwrap().cancelled);
}

#[test]
fn bad_input_sends_no_request() {
    let emu = emulator();
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.mp4");
    std::fs::write(&empty, b"").unwrap();
    let ok = common::random_file(dir.path(), "ok.mp4", 10);
    for (path, opts) in [
        (dir.path().join("missing.mp4"), options()),
        (empty.clone(), options()),
        (
            ok.clone(),
            UploadOptions {
                part_size: Some(0),
                ..options()
            },
        ),
        (
            ok.clone(),
            UploadOptions {
                concurrency: Some(0),
                ..options()
            },
        ),
        (
            ok.clone(),
            UploadOptions {
                file_type: Some(11),
                ..options()
            },
        ),
        (
            ok.clone(),
            UploadOptions {
                file_name: Some(" ".into()),
                ..options()
            },
        ),
        (
            ok.clone(),
            UploadOptions {
                filetype: Some("m p4".into()),
                ..options()
            },
        ),
    ] {
        let err = client.upload(&path, &opts).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{path:?}: {err}");
    }
    assert_eq!(emu.iqiyi().controls.requests.total(), 0);
}

#[test]
fn clustered_damage_has_a_budget_of_its_own_apart_from_network_retries() {
    let emu = emulator();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "d.mp4", 3 * PART);
    let one_at_a_time = UploadOptions {
        concurrency: Some(1),
        ..options()
    };
    // No network retries at all: damage is counted apart, and five damaged
    // answers in a row to one part fit the default budget (5).
    let mut cfg = config(&emu);
    cfg.part_retries = 0;
    let client = Client::new(cfg).unwrap();
    emu.iqiyi().set_upload_faults(UploadFaults {
        corrupt_range: 5,
        ..UploadFaults::default()
    });
    let up = client.upload(&path, &one_at_a_time).unwrap();
    let f = emu.iqiyi().file(&up.file_id).unwrap();
    assert_eq!(f.md5.as_deref(), Some(common::md5_file(&path).as_str()));
    assert_eq!(f.chunks.values().sum::<u32>(), 3 + 5, "{:?}", f.chunks);

    // The config key as every binding spells it: a budget of 1 is spent by
    // two damaged answers to one part.
    let s = emu.iqiyi();
    let cfg: vodkit::iqiyi::Config = serde_json::from_value(serde_json::json!({
        "client_id": s.config.client_id,
        "client_secret": s.config.client_secret.as_str(),
        "base_url": emu.provider_url("iqiyi"),
        "part_integrity_retries": 1,
    }))
    .unwrap();
    let client = Client::new(cfg).unwrap();
    emu.iqiyi().set_upload_faults(UploadFaults {
        corrupt_range: 2,
        ..UploadFaults::default()
    });
    let err = client.upload(&path, &one_at_a_time).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
}

#[test]
fn an_upload_iqiyi_recognises_as_a_repeat_names_the_earlier_file() {
    let emu = emulator();
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "same.mp4", 2 * PART + 9);
    let first = client.upload(&path, &options()).unwrap();
    assert_eq!(first.duplicate_of, None, "the first upload repeats nothing");

    // The same content again, through the neutral client: the field is in
    // the JSON answer every binding and the CLI get.
    let s = emu.iqiyi();
    let neutral = vodkit::Client::new(
        "iqiyi",
        &serde_json::json!({
            "client_id": s.config.client_id,
            "client_secret": s.config.client_secret.as_str(),
            "base_url": emu.provider_url("iqiyi"),
        }),
    )
    .unwrap();
    let second = neutral
        .upload(&path, &serde_json::json!({}), UploadHooks::new())
        .unwrap();
    assert_eq!(second["duplicate_of"], first.file_id.as_str(), "{second}");
    assert_ne!(second["file_id"], first.file_id.as_str());

    // Other content is no repeat, and says so with null.
    let other = common::random_file(dir.path(), "other.mp4", 2 * PART + 10);
    let third = neutral
        .upload(&other, &serde_json::json!({}), UploadHooks::new())
        .unwrap();
    assert!(third["duplicate_of"].is_null(), "{third}");
}
