//! Uploads under a flaky network and a strict reading of the documents:
//! a fresh upload is one streamed request, a resume is ranged and keeps
//! `use_https`, and an outage during a resume stays retryable.

mod common;

use vodkit::baijiayun::UploadOptions;
use vodkit::upload::UploadHooks;
use vodkit::ErrorKind;
use vodkit_emulator::Faults;

const MIB: u64 = 1024 * 1024;

/// Issue 11, item 11: a fresh upload larger than a part went as several
/// `Content-Range` requests; the documents show one `curl -F data=@file`.
#[test]
fn a_fresh_upload_is_one_streamed_request_whatever_the_part_size() {
    let emu = common::emulator();
    let client =
        vodkit::baijiayun::Client::new(common::config(&emu).part_size(256 * 1024)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "whole.mp4", 3 * MIB + 7);
    let up = client.upload(&path, &UploadOptions::default()).unwrap();
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!((stored.upload_requests, stored.ranged_requests), (1, 0));
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));

    // Ranged fresh uploads remain an option.
    let ranged = UploadOptions {
        ranged: true,
        ..UploadOptions::default()
    };
    let up = client.upload(&path, &ranged).unwrap();
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!((stored.upload_requests, stored.ranged_requests), (13, 13));
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
}

/// Item 11: an interrupted single request loses nothing that arrived: the
/// remainder goes ranged from the server's `upload_size`.
#[test]
fn an_interrupted_fresh_upload_continues_ranged_from_what_arrived() {
    let emu = common::emulator();
    let client = vodkit::baijiayun::Client::new(common::config(&emu).part_size(MIB)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "cut.mp4", 3 * MIB);
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(2 * MIB + 3),
        ..Faults::default()
    });
    let up = client.upload(&path, &UploadOptions::default()).unwrap();
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!(
        stored.upload_requests, 2,
        "one fresh request, one remainder"
    );
    assert_eq!(stored.ranged_requests, 1);
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
}

/// Fault suite seed 3490307174015860057 (a 44-byte upload): the drop cut
/// the fresh request after 22 bytes and the remainder, 22 bytes, right at
/// its end. The emulator kept every byte without completing the upload, so
/// the resume found nothing left to send and the SDK reported an upload the
/// server never finished (getInfo had no MD5 to compare). A drop at the
/// file's end now keeps all but its end, as a body cut short does.
#[test]
fn a_drop_right_at_the_end_of_the_last_part_leaves_its_end_to_send_again() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    for (len, cut) in [(44, 22), (3 * MIB, 3 * MIB / 2)] {
        let path = common::random_file(dir.path(), "end.mp4", len);
        emu.baijiayun().set_faults(Faults {
            drop_after_bytes: Some(cut),
            drop_uploads: 2,
            ..Faults::default()
        });
        let up = client.upload(&path, &UploadOptions::default()).unwrap();
        let stored = emu.baijiayun().video(up.video_id).unwrap();
        assert_eq!(stored.upload_requests, 3, "{len}: two dropped, one more");
        assert_eq!(stored.received_bytes, len);
        assert_eq!(stored.md5, Some(common::md5_file(&path)), "{len}");
    }
}

/// Issue 11, item 2: a resume sent `use_https: None`, so the rest of an https
/// upload could go over plain http; and `use_https` defaulted to false.
#[test]
fn resumes_keep_use_https_and_it_defaults_to_true() {
    let emu = common::emulator();
    let client = vodkit::baijiayun::Client::new(common::config(&emu).part_size(MIB)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "https.mp4", 2 * MIB);
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(MIB),
        ..Faults::default()
    });
    let up = client.upload(&path, &UploadOptions::default()).unwrap();
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!(
        stored.use_https,
        vec![true, true],
        "getUploadUrl, then the resume"
    );

    // Chosen off, it stays off on resume.
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(MIB),
        ..Faults::default()
    });
    let plain = UploadOptions {
        use_https: false,
        ..UploadOptions::default()
    };
    let up = client.upload(&path, &plain).unwrap();
    assert_eq!(
        emu.baijiayun().video(up.video_id).unwrap().use_https,
        vec![false, false]
    );
}

/// Issue 11, item 1: when getResumeUploadUrl ran out of retries on 5xx, the
/// status check turned the outage into a non-retryable "cannot be resumed".
#[test]
fn an_outage_while_resuming_stays_retryable() {
    let emu = common::emulator();
    let mut config = common::config(&emu).part_size(MIB);
    config.common.retry.max_retries = 1;
    let client = vodkit::baijiayun::Client::new(config).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "outage.mp4", 2 * MIB);
    let created = client
        .get_upload_url(&vodkit::baijiayun::GetUploadUrl {
            file_name: "outage.mp4".into(),
            definition: "16".into(),
            ..Default::default()
        })
        .unwrap();
    // Both attempts at getResumeUploadUrl get HTTP 500; getStatus would work.
    emu.baijiayun().set_faults(Faults {
        fail_next: 2,
        ..Faults::default()
    });
    let err = client
        .resume_upload(
            created.video_id,
            &path,
            &UploadOptions::default(),
            UploadHooks::new(),
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server, "{err}");
    assert!(err.is_retryable());
    assert_eq!(err.resume().unwrap()["video_id"], created.video_id);
    // And once the outage is over, the same call completes it.
    let up = client
        .resume_upload(
            created.video_id,
            &path,
            &UploadOptions::default(),
            UploadHooks::new(),
        )
        .unwrap();
    assert_eq!(up.bytes, 2 * MIB);
}

/// Item 1: a 4001 answer (a finished upload) was retried four times before
/// the status was asked; now the status is asked at once.
#[test]
fn resuming_a_finished_upload_asks_the_status_at_once() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "done.mp4", 4096);
    let up = client.upload(&path, &UploadOptions::default()).unwrap();
    let before = emu
        .baijiayun()
        .request_count("/openapi/video/getResumeUploadUrl");
    let again = client
        .resume_upload(
            up.video_id,
            &path,
            &UploadOptions::default(),
            UploadHooks::new(),
        )
        .unwrap();
    assert_eq!(again.resumed_from, 4096);
    let asked = emu
        .baijiayun()
        .request_count("/openapi/video/getResumeUploadUrl")
        - before;
    assert_eq!(asked, 1, "4001 is not retried");
}
