//! getUploadUrl within an upload: a lost answer leaves no orphan video, and
//! an answer naming no usable video is a Provider error before any byte is
//! sent.

mod common;

use std::sync::{Arc, Mutex};

use common::fake_server::{self, Reply};
use vodkit::baijiayun::{Client, Config, UploadOptions};
use vodkit::ErrorKind;
use vodkit_emulator::Faults;

#[test]
fn a_lost_get_upload_url_answer_leaves_no_orphan_video() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "lost-create.mp4", 200_000);
    // An upload before, of another name, is none of the look's business.
    let other = common::random_file(dir.path(), "other.mp4", 1000);
    let kept = client.upload(&other, &UploadOptions::default()).unwrap();

    emu.baijiayun().set_faults(Faults {
        drop_create_answers: 1,
        ..Faults::default()
    });
    let up = client.upload(&path, &UploadOptions::default()).unwrap();
    // The first getUploadUrl made a video whose id never arrived.
    let orphan = kept.video_id + 1;
    assert_eq!(up.video_id, orphan + 1, "the retry made the second video");
    assert!(
        emu.baijiayun().video(orphan).is_none(),
        "the video the lost answer named is gone"
    );
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
    assert!(emu.baijiayun().video(kept.video_id).is_some());
}

/// A server that answers getUploadUrl with `video_id` and counts every
/// other request.
fn answering_video_id(
    video_id: &'static str,
) -> (fake_server::FakeServer, Arc<Mutex<Vec<String>>>) {
    let others = Arc::new(Mutex::new(Vec::new()));
    let seen = others.clone();
    let server = fake_server::serve(move |request| {
        if request.path().ends_with("/video/getUploadUrl") {
            Reply::ok(format!(
                r#"{{"code": 0, "msg": "", "data": {{"video_id": {video_id}, "upload_url": "http://127.0.0.1:9/upload"}}}}"#
            ))
        } else {
            seen.lock().unwrap().push(request.url.clone());
            Reply::status(500, "{}")
        }
    });
    (server, others)
}

#[test]
fn a_video_id_that_is_no_id_is_a_provider_error_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "v.mp4", 1000);
    for bad in ["0", "-7", "-9223372036854775808"] {
        let (server, others) = answering_video_id(bad);
        let client =
            Client::new(Config::new("12345678", "partner-key").base_url(server.url.clone()))
                .unwrap();
        let err = client.upload(&path, &UploadOptions::default()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Provider, "{bad}: {err}");
        assert!(err.message().contains("video_id"), "{bad}: {err}");
        assert!(
            others.lock().unwrap().is_empty(),
            "{bad}: nothing sent after the answer: {:?}",
            others.lock().unwrap()
        );
    }
}
