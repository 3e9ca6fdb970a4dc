//! Uploads through the engine: ranged parts, progress, cancellation, resume
//! after a dropped connection, and input rejected before any request.

mod common;

use std::ops::ControlFlow;
use std::time::Duration;

use vodkit::baijiayun::{Config, UploadOptions};
use vodkit::upload::{UploadControl, UploadHooks};
use vodkit::ErrorKind;
use vodkit_emulator::Faults;

const MIB: u64 = 1024 * 1024;

/// Options of a ranged fresh upload (the default is one request): these
/// tests are about parts.
fn ranged() -> UploadOptions {
    UploadOptions {
        ranged: true,
        ..UploadOptions::default()
    }
}

fn small_parts(emu: &vodkit_emulator::Emulator, part: u64) -> vodkit::baijiayun::Client {
    vodkit::baijiayun::Client::new(common::config(emu).part_size(part)).unwrap()
}

#[test]
fn ranged_upload_with_monotonic_progress_ending_at_the_size() {
    let emu = common::emulator();
    let client = small_parts(&emu, MIB);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "ranged.mp4", 5 * MIB + 123);
    let mut seen = Vec::new();
    let control = UploadHooks::new()
        .progress_interval(Duration::ZERO)
        .on_progress(|p| {
            seen.push(p.clone());
            ControlFlow::Continue(())
        });
    let up = client.upload_with(&path, &ranged(), control).unwrap();
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
    assert_eq!(stored.received_bytes, 5 * MIB + 123);
    assert_eq!(stored.upload_requests, 6, "six ranged parts of 1 MiB");
    assert!(seen.len() >= 2);
    assert!(
        seen.windows(2).all(|w| w[0].bytes_done <= w[1].bytes_done),
        "monotonic"
    );
    let last = seen.last().unwrap();
    assert_eq!(
        (last.bytes_done, last.bytes_total),
        (5 * MIB + 123, 5 * MIB + 123)
    );
    assert!(seen.iter().all(|p| p.bytes_total == 5 * MIB + 123));
}

#[test]
fn small_file_goes_as_one_plain_request() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "one.mp4", 1000);
    let up = client.upload(&path, &UploadOptions::default()).unwrap();
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!(stored.upload_requests, 1);
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
}

#[test]
fn dropped_connection_resumes_from_the_server_offset_with_identical_bytes() {
    let emu = common::emulator();
    let client = small_parts(&emu, 2 * MIB);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "dropped.mp4", 7 * MIB);
    // The first part goes through, the next upload request dies after
    // 300 KiB; the server keeps what arrived.
    emu.baijiayun().set_faults(Faults {
        spare_uploads: 1,
        drop_after_bytes: Some(300 * 1024),
        ..Faults::default()
    });
    let up = client.upload(&path, &ranged()).unwrap();
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
    assert_eq!(
        std::fs::read(&stored.path).unwrap(),
        std::fs::read(&path).unwrap()
    );
    // 4 parts, the second cut short and finished by one more request.
    assert_eq!(
        stored.upload_requests, 5,
        "{} upload requests",
        stored.upload_requests
    );
    assert!(
        emu.baijiayun()
            .request_count("/openapi/video/getResumeUploadUrl")
            >= 1
    );
}

#[test]
fn interrupted_upload_resumes_in_a_later_call() {
    let emu = common::emulator();
    let mut config = common::config(&emu).part_size(MIB);
    config.common.retry.max_retries = 0; // fail on the first drop
    let client = vodkit::baijiayun::Client::new(config).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "later.mp4", 3 * MIB + 5);
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(MIB / 2),
        ..Faults::default()
    });
    let err = client.upload(&path, &UploadOptions::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    let video_id: i64 = err.resume().unwrap()["video_id"].as_i64().unwrap();
    assert_eq!(
        emu.baijiayun().video(video_id).unwrap().received_bytes,
        MIB / 2
    );
    // The handle is the typed way on; the message names the video but no
    // function (each binding and the CLI resume under their own names).
    assert!(
        err.message().contains(&format!("(video_id {video_id})")),
        "{err}"
    );
    assert!(!err.message().contains("resume"), "{err}");

    let mut first = None;
    let control = UploadHooks::new().on_progress(|p| {
        first.get_or_insert(p.bytes_done);
        ControlFlow::Continue(())
    });
    let up = client
        .resume_upload(video_id, &path, &UploadOptions::default(), control)
        .unwrap();
    assert_eq!(up.resumed_from, MIB / 2);
    assert!(
        first.unwrap() >= MIB / 2,
        "progress starts at the server offset"
    );
    let stored = emu.baijiayun().video(video_id).unwrap();
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
}

#[test]
fn cancel_from_the_callback_and_from_another_thread() {
    let emu = common::emulator();
    emu.baijiayun().set_faults(Faults {
        latency_ms: 30,
        ..Faults::default()
    });
    let client = small_parts(&emu, 256 * 1024);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "cancel.mp4", 4 * MIB);

    let control = UploadHooks::new().on_progress(|p| {
        if p.bytes_done > 0 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    let err = client.upload_with(&path, &ranged(), control).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cancelled);

    let token = UploadControl::new();
    let t = token.clone();
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        t.cancel();
    });
    let err = client
        .upload_with(&path, &ranged(), UploadHooks::new().control(token))
        .unwrap_err();
    canceller.join().unwrap();
    assert_eq!(err.kind(), ErrorKind::Cancelled);
}

#[test]
fn progress_is_reported_on_the_calling_thread() {
    let emu = common::emulator();
    let client = small_parts(&emu, 512 * 1024);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "thread.mp4", 3 * MIB);
    let me = std::thread::current().id();
    let mut calls = 0;
    let control = UploadHooks::new()
        .progress_interval(Duration::ZERO)
        .on_progress(|_| {
            assert_eq!(std::thread::current().id(), me);
            calls += 1;
            ControlFlow::Continue(())
        });
    client
        .upload_with(&path, &UploadOptions::default(), control)
        .unwrap();
    assert!(calls > 1);
}

#[test]
fn bad_input_fails_before_any_request() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let file = common::random_file(dir.path(), "ok.mp4", 10);
    let empty = dir.path().join("empty.mp4");
    std::fs::write(&empty, b"").unwrap();
    let cases: Vec<(std::path::PathBuf, UploadOptions)> = vec![
        (dir.path().join("missing.mp4"), UploadOptions::default()),
        (dir.path().to_owned(), UploadOptions::default()),
        (empty, UploadOptions::default()),
        (std::path::PathBuf::new(), UploadOptions::default()),
        (
            file.clone(),
            UploadOptions {
                file_name: Some("  ".into()),
                ..Default::default()
            },
        ),
        (
            file.clone(),
            UploadOptions {
                definitions: vec![],
                ..Default::default()
            },
        ),
        (
            file.clone(),
            UploadOptions {
                definitions: vec![3],
                ..Default::default()
            },
        ),
        (
            file.clone(),
            UploadOptions {
                formats: vec![8],
                ..Default::default()
            },
        ),
        (
            file.clone(),
            UploadOptions {
                callback_url: Some("ftp://x".into()),
                ..Default::default()
            },
        ),
        (
            file.clone(),
            UploadOptions {
                part_size: Some(0),
                ..Default::default()
            },
        ),
    ];
    for (path, options) in cases {
        let err = client.upload(&path, &options).unwrap_err();
        assert_eq!(
            err.kind(),
            ErrorKind::InvalidInput,
            "{path:?} {options:?}: {err}"
        );
    }
    assert_eq!(emu.baijiayun().total_requests(), 0, "nothing was sent");
    // A bad config fails at construction.
    let err =
        vodkit::baijiayun::Client::new(Config::new("", "k").base_url("http://x")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err =
        vodkit::baijiayun::Client::new(Config::new("1", "k").private_domain("a/b")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn every_upload_option_reaches_get_upload_url() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "opts.mp3", 2000);
    let options = UploadOptions {
        file_name: Some("讲座 1.mp3".into()),
        definitions: vec![8, 4],
        formats: vec![4],
        audio: true,
        encrypt: Some(true),
        watermark: Some("logo".into()),
        watermark_pos: Some(2),
        callback_url: Some("http://127.0.0.1:9/cb".into()),
        use_https: true,
        ranged: true,
        part_size: Some(1000),
        common: Default::default(),
    };
    let up = client.upload(&path, &options).unwrap();
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!(stored.name, "讲座 1.mp3");
    assert_eq!(stored.upload_requests, 2, "2000 bytes in parts of 1000");
    let v = emu.baijiayun().bjy_video(up.video_id).unwrap();
    assert_eq!(v.definitions, vec![8, 4]);
    assert_eq!(v.formats, vec![4]);
    assert!(v.audio_with_view && v.encrypt);
    assert_eq!(v.watermark.as_deref(), Some("logo"));
    assert_eq!(v.watermark_pos.as_deref(), Some("2"));
    assert_eq!(v.callback_url.as_deref(), Some("http://127.0.0.1:9/cb"));
}

#[test]
fn a_lost_acknowledgement_of_the_last_part_is_not_an_error() {
    let emu = common::emulator();
    let client = small_parts(&emu, MIB);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "lost-ack.mp4", 2 * MIB);
    // The first part goes through, the answer to the next (last) one is lost.
    emu.baijiayun().set_faults(Faults {
        spare_uploads: 1,
        drop_answers: 1,
        ..Faults::default()
    });
    let up = client.upload(&path, &ranged()).unwrap();
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
    assert_eq!(
        stored.upload_requests, 2,
        "the finished file was not sent again"
    );
    assert_eq!(stored.status, 20);
}

#[test]
fn resuming_an_upload_that_had_completed_sends_nothing() {
    let emu = common::emulator();
    let client = small_parts(&emu, MIB);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "done.mp4", MIB + 1);
    let up = client.upload(&path, &UploadOptions::default()).unwrap();
    let before = emu.baijiayun().video(up.video_id).unwrap().upload_requests;
    let again = client
        .resume_upload(
            up.video_id,
            &path,
            &UploadOptions::default(),
            UploadHooks::new(),
        )
        .unwrap();
    assert_eq!(
        (again.video_id, again.bytes, again.resumed_from),
        (up.video_id, MIB + 1, MIB + 1)
    );
    assert_eq!(
        emu.baijiayun().video(up.video_id).unwrap().upload_requests,
        before
    );
    // A video that does not exist is an error, not a success.
    let err = client
        .resume_upload(
            999_999,
            &path,
            &UploadOptions::default(),
            UploadHooks::new(),
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn resuming_with_a_file_shorter_than_what_the_server_holds_is_an_integrity_error() {
    let emu = common::emulator();
    let mut config = common::config(&emu).part_size(MIB);
    config.common.retry.max_retries = 0;
    let client = vodkit::baijiayun::Client::new(config).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "long.mp4", 3 * MIB);
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(MIB / 2),
        ..Faults::default()
    });
    let err = client.upload(&path, &UploadOptions::default()).unwrap_err();
    let video_id = err.resume().unwrap()["video_id"].as_i64().unwrap();
    let requests = emu.baijiayun().video(video_id).unwrap().upload_requests;

    // getResumeUploadUrl says 512 KiB are held; this file has 1000 bytes.
    let short = common::random_file(dir.path(), "short.mp4", 1000);
    let err = client
        .resume_upload(
            video_id,
            &short,
            &UploadOptions::default(),
            UploadHooks::new(),
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
    assert_eq!(
        emu.baijiayun().video(video_id).unwrap().upload_requests,
        requests,
        "nothing was sent"
    );
}
