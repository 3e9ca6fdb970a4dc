//! The blocking client from a tokio program, as the README shows it: every
//! call goes through `tokio::task::spawn_blocking`, so the runtime's tasks
//! keep running during a large upload, and an `UploadControl` shared with
//! the async side cancels it (the error keeps its resume handle).

mod common;

use std::collections::BTreeSet;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use vodkit::baijiayun::{GetStatus, UploadOptions};
use vodkit::upload::{UploadControl, UploadHooks};
use vodkit::ErrorKind;
use vodkit_emulator::Faults;

const MIB: u64 = 1024 * 1024;

fn ranged() -> UploadOptions {
    UploadOptions {
        ranged: true,
        ..UploadOptions::default()
    }
}

/// One thread runs every async task: if an upload blocked it, nothing else
/// would run until the upload ended.
fn one_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap()
}

#[test]
fn tasks_keep_running_during_an_upload_on_spawn_blocking() {
    let emu = common::emulator();
    emu.baijiayun().set_faults(Faults {
        latency_ms: 30,
        ..Faults::default()
    });
    let client = vodkit::baijiayun::Client::new(common::config(&emu).part_size(MIB)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let size = 12 * MIB;
    let path = common::random_file(dir.path(), "tokio.mp4", size);
    let done = Arc::new(AtomicU64::new(0));

    one_thread_runtime().block_on(async {
        let control = UploadControl::new();
        // A few seconds whatever the machine.
        control.set_rate_limit(4 * MIB);
        let (c, p, d) = (client.clone(), path.clone(), done.clone());
        let upload = tokio::task::spawn_blocking(move || {
            let hooks = UploadHooks::new().control(control).on_progress(move |pr| {
                d.store(pr.bytes_done, Ordering::SeqCst);
                ControlFlow::Continue(())
            });
            c.upload_with(&p, &ranged(), hooks)
        });
        // A heartbeat on the runtime's one thread, noting what it sees of the
        // upload: several distinct points between start and end prove the
        // thread was free while the upload ran.
        let mut mid_upload = BTreeSet::new();
        while !upload.is_finished() {
            let now = done.load(Ordering::SeqCst);
            if now > 0 && now < size {
                mid_upload.insert(now);
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let up = upload.await.unwrap().unwrap();
        assert_eq!(up.bytes, size);
        assert!(mid_upload.len() >= 3, "heartbeats saw {mid_upload:?}");

        // Any other call the same way.
        let c = client.clone();
        let status = tokio::task::spawn_blocking(move || {
            c.get_status(&GetStatus {
                video_id: up.video_id,
            })
        })
        .await
        .unwrap()
        .unwrap();
        // Uploaded: transcoding (20) or done (100).
        assert!(matches!(status.status, 20 | 100), "{status:?}");
        let stored = emu.baijiayun().video(up.video_id).unwrap();
        assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
    });
}

#[test]
fn an_upload_control_cancels_from_the_async_side_and_resume_finishes() {
    let emu = common::emulator();
    emu.baijiayun().set_faults(Faults {
        latency_ms: 30,
        ..Faults::default()
    });
    let client =
        vodkit::baijiayun::Client::new(common::config(&emu).part_size(256 * 1024)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let size = 8 * MIB;
    let path = common::random_file(dir.path(), "cancel.mp4", size);
    let done = Arc::new(AtomicU64::new(0));

    one_thread_runtime().block_on(async {
        let control = UploadControl::new();
        control.set_rate_limit(MIB);
        let (c, p, d, ctl) = (client.clone(), path.clone(), done.clone(), control.clone());
        let upload = tokio::task::spawn_blocking(move || {
            let hooks = UploadHooks::new().control(ctl).on_progress(move |pr| {
                d.store(pr.bytes_done, Ordering::SeqCst);
                ControlFlow::Continue(())
            });
            c.upload_with(&p, &ranged(), hooks)
        });
        while done.load(Ordering::SeqCst) == 0 {
            assert!(
                !upload.is_finished(),
                "the upload ended before any progress"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        control.cancel();
        let err = upload.await.unwrap().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Cancelled);
        let video_id = err.resume().unwrap()["video_id"].as_i64().unwrap();
        let held = emu.baijiayun().video(video_id).unwrap().received_bytes;
        assert!(held < size, "cancelled before the end: {held}");

        emu.baijiayun().set_faults(Faults::default());
        let (c, p) = (client.clone(), path.clone());
        let up = tokio::task::spawn_blocking(move || {
            c.resume_upload(video_id, &p, &ranged(), UploadHooks::new())
        })
        .await
        .unwrap()
        .unwrap();
        assert_eq!(
            (up.video_id, up.bytes, up.resumed_from),
            (video_id, size, held)
        );
        let stored = emu.baijiayun().video(video_id).unwrap();
        assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
    });
}

#[test]
fn a_client_made_inside_a_task_works_from_spawn_blocking_and_drops_there() {
    let emu = common::emulator();
    let config = common::config(&emu);
    one_thread_runtime().block_on(async {
        // Made on the runtime's own thread, as `async fn main` would: reqwest's
        // blocking builder panics there (debug builds) unless it is built aside.
        let client = vodkit::baijiayun::Client::new(config).unwrap();
        let c = client.clone();
        let err =
            tokio::task::spawn_blocking(move || c.get_status(&GetStatus { video_id: 987_654 }))
                .await
                .unwrap()
                .unwrap_err();
        // The emulator answered: the call went over the wire.
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
        assert!(err.to_string().contains("does not exist"), "{err}");
        drop(client);
    });
}
