//! Batch uploads (`Client::upload_many`, issue 25) against the emulator:
//! files in parallel through the one upload lifecycle, one shared control,
//! progress on the calling thread, per-file results, and the manifest that
//! makes the same call after a stop continue without uploading a finished
//! file twice.

mod common;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use vodkit::upload::{BatchHooks, UploadControl, MANIFEST_NAME};
use vodkit::ErrorKind;
use vodkit_emulator::{Emulator, Faults};

const CREATE: &str = "/openapi/video/getUploadUrl";

fn client(emu: &Emulator) -> vodkit::Client {
    let state = emu.baijiayun();
    vodkit::Client::new(
        "baijiayun",
        &json!({
            "partner_id": state.config.partner_id,
            "partner_key": state.partner_key(),
            "base_url": emu.provider_url("baijiayun"),
            "retry": {"max_retries": 3, "initial_backoff_ms": 10, "max_backoff_ms": 100},
        }),
    )
    .unwrap()
}

fn files(dir: &Path, sizes: &[u64]) -> Vec<PathBuf> {
    sizes
        .iter()
        .enumerate()
        .map(|(i, len)| common::random_file(dir, &format!("f{i}.mp4"), *len))
        .collect()
}

fn video_id(v: &Value) -> i64 {
    v["video_id"].as_i64().unwrap_or_else(|| panic!("{v}"))
}

#[test]
fn files_go_in_parallel_and_a_rerun_skips_the_finished_ones() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let paths = files(dir.path(), &[300_000, 1 << 20, 70_000, 500_000, 2 << 20]);
    let cps = dir.path().join("cps");
    let options = json!({ "checkpoint_dir": cps, "part_size": 256 * 1024 });
    let client = client(&emu);
    let caller = std::thread::current().id();
    let mut last_total = 0;
    let mut finished = Vec::new();
    let hooks = BatchHooks::new()
        .on_progress(|p| {
            // Every report on the calling thread, the total never going back.
            assert_eq!(std::thread::current().id(), caller);
            assert!(
                p.bytes_done >= last_total,
                "{} < {last_total}",
                p.bytes_done
            );
            assert!(p.bytes_done <= p.bytes_total);
            assert_eq!(p.files_total, 5);
            last_total = p.bytes_done;
            ControlFlow::Continue(())
        })
        .on_file_finished(|item| {
            assert_eq!(std::thread::current().id(), caller);
            finished.push(item.index);
        });
    let items = client.upload_many(&paths, &options, 3, hooks).unwrap();
    assert_eq!(items.len(), 5);
    finished.sort_unstable();
    assert_eq!(finished, vec![0, 1, 2, 3, 4]);
    let mut ids = Vec::new();
    for (item, path) in items.iter().zip(&paths) {
        assert_eq!(item.name, path.display().to_string());
        assert!(!item.skipped);
        let answer = item.outcome.as_ref().unwrap();
        let id = video_id(answer);
        assert_eq!(
            emu.baijiayun().video(id).unwrap().md5.unwrap(),
            common::md5_file(path)
        );
        ids.push(id);
    }
    assert!(cps.join(MANIFEST_NAME).is_file());
    assert_eq!(emu.baijiayun().request_count(CREATE), 5);

    // The same call again: nothing sent, the recorded results answered.
    let uploaded_before = emu.baijiayun().controls.requests.upload_bytes();
    let again = client
        .upload_many(&paths, &options, 3, BatchHooks::new())
        .unwrap();
    for (item, id) in again.iter().zip(&ids) {
        assert!(item.skipped, "{item:?}");
        assert_eq!(video_id(item.outcome.as_ref().unwrap()), *id);
    }
    assert_eq!(emu.baijiayun().request_count(CREATE), 5);
    assert_eq!(
        emu.baijiayun().controls.requests.upload_bytes(),
        uploaded_before
    );

    // A file changed at the same path is another file: uploaded again.
    common::random_file(dir.path(), "f2.mp4", 71_000);
    let third = client
        .upload_many(&paths, &options, 2, BatchHooks::new())
        .unwrap();
    assert!(!third[2].skipped);
    assert_ne!(video_id(third[2].outcome.as_ref().unwrap()), ids[2]);
    assert!(third
        .iter()
        .enumerate()
        .all(|(i, it)| it.skipped == (i != 2)));
    assert_eq!(emu.baijiayun().request_count(CREATE), 6);
}

#[test]
fn one_cancel_stops_every_file_and_the_same_call_continues_the_rest() {
    let emu = common::emulator();
    emu.baijiayun().set_faults(Faults {
        latency_ms: 40,
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let paths = files(dir.path(), &[40_000, 3 << 20, 3 << 20, 3 << 20]);
    let cps = dir.path().join("cps");
    let options = json!({ "checkpoint_dir": cps, "part_size": 128 * 1024 });
    let client = client(&emu);
    let control = UploadControl::new();
    let stopper = control.clone();
    let first_done = std::cell::Cell::new(false);
    let hooks = BatchHooks::new()
        .control(control)
        .on_file_finished(|item| {
            if item.index == 0 && item.outcome.is_ok() {
                first_done.set(true);
            }
        })
        .on_progress(|p| {
            // Once the small file is in and the big ones are under way.
            if first_done.get() && p.bytes_done > 40_000 + (512 << 10) {
                stopper.cancel();
            }
            ControlFlow::Continue(())
        });
    let items = client.upload_many(&paths, &options, 2, hooks).unwrap();
    assert!(items[0].outcome.is_ok(), "{:?}", items[0]);
    let stopped: Vec<_> = items[1..]
        .iter()
        .filter_map(|i| i.outcome.as_ref().err())
        .collect();
    assert!(!stopped.is_empty(), "{items:?}");
    for err in &stopped {
        assert_eq!(err.kind(), ErrorKind::Cancelled, "{err}");
    }
    // The files running when the cancel came can be continued.
    assert!(stopped.iter().any(|e| e.resume().is_some()), "{stopped:?}");

    emu.baijiayun().set_faults(Faults::default());
    let again = client
        .upload_many(&paths, &options, 2, BatchHooks::new())
        .unwrap();
    assert!(again[0].skipped);
    assert_eq!(
        video_id(again[0].outcome.as_ref().unwrap()),
        video_id(items[0].outcome.as_ref().unwrap())
    );
    let mut ids = Vec::new();
    for (item, path) in again.iter().zip(&paths) {
        let id = video_id(item.outcome.as_ref().unwrap());
        assert_eq!(
            emu.baijiayun().video(id).unwrap().md5.unwrap(),
            common::md5_file(path)
        );
        ids.push(id);
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 4);
    // One video per file: what was under way continued, nothing twice.
    assert_eq!(emu.baijiayun().request_count(CREATE), 4);
}

#[test]
fn one_rate_cap_holds_for_all_files_together() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    // 3 MiB in all at 1 MiB/s takes over two seconds however many files run;
    // uncapped on loopback it takes a fraction of that.
    let paths = files(dir.path(), &[1 << 20, 1 << 20, 1 << 20]);
    let control = UploadControl::new();
    control.set_rate_limit(1 << 20);
    let client = client(&emu);
    let start = Instant::now();
    let items = client
        .upload_many(
            &paths,
            &json!({ "part_size": 256 * 1024 }),
            3,
            BatchHooks::new().control(control),
        )
        .unwrap();
    assert!(items.iter().all(|i| i.outcome.is_ok()), "{items:?}");
    assert!(
        start.elapsed() >= Duration::from_millis(1800),
        "{:?}: the cap was per file, not on the total",
        start.elapsed()
    );
}

#[test]
fn a_failing_file_is_its_own_result_and_bad_input_fails_before_any_request() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let paths = files(dir.path(), &[50_000, 60_000]);

    let mut with_missing = paths.clone();
    with_missing.push(dir.path().join("missing.mp4"));
    let err = client
        .upload_many(&with_missing, &Value::Null, 2, BatchHooks::new())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    assert!(err.message().contains("missing.mp4"), "{err}");
    for jobs in [0, vodkit::upload::MAX_JOBS + 1] {
        let err = client
            .upload_many(&paths, &Value::Null, jobs, BatchHooks::new())
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    }
    assert_eq!(emu.baijiayun().total_requests(), 0);

    // A provider option it refuses fails each file, as one upload would.
    let items = client
        .upload_many(
            &paths,
            &json!({ "no_such_option": 1 }),
            2,
            BatchHooks::new(),
        )
        .unwrap();
    for item in &items {
        let err = item.outcome.as_ref().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    }
}

#[cfg(unix)]
#[test]
fn a_manifest_that_is_no_regular_file_is_ignored_not_read() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let cps = dir.path().join("cps");
    std::fs::create_dir_all(&cps).unwrap();
    // A link to an endless device, then a FIFO with no writer: reading
    // either would hang the batch.
    std::os::unix::fs::symlink("/dev/zero", cps.join(MANIFEST_NAME)).unwrap();
    let client = client(&emu);
    let paths = files(dir.path(), &[30_000]);
    let options = json!({ "checkpoint_dir": cps });
    let items = client
        .upload_many(&paths, &options, 1, BatchHooks::new())
        .unwrap();
    assert!(items[0].outcome.is_ok(), "{items:?}");
    // The atomic write replaced the link by a manifest of ours.
    assert!(std::fs::symlink_metadata(cps.join(MANIFEST_NAME))
        .unwrap()
        .is_file());

    std::fs::remove_file(cps.join(MANIFEST_NAME)).unwrap();
    let fifo = std::ffi::CString::new(cps.join(MANIFEST_NAME).to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let items = client
        .upload_many(&paths, &options, 1, BatchHooks::new())
        .unwrap();
    // Nothing known: the file is uploaded again, and nothing hung.
    assert!(!items[0].skipped);
    assert!(items[0].outcome.is_ok(), "{items:?}");
}
