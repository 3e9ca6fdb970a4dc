//! Transcode callbacks sent by the emulator, received on a real socket and
//! verified by the SDK; tampered, unsigned, stale and malformed copies rejected.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::fake_server::{self, FakeServer, Reply};
use vodkit::baijiayun::{CallbackVerifier, UploadOptions, VerifyFailure};
use vodkit::ErrorKind;
use vodkit_emulator::baijiayun::Config as EmuConfig;

/// A receiver on loopback that records raw bodies and answers with `replies`
/// in turn (then `{"code":0}`).
struct Receiver {
    url: String,
    bodies: Arc<Mutex<Vec<Vec<u8>>>>,
    _server: FakeServer,
}

fn receiver(replies: Vec<&'static str>) -> Receiver {
    let bodies = Arc::new(Mutex::new(Vec::new()));
    let seen = bodies.clone();
    let replies = Mutex::new(replies.into_iter());
    let server = fake_server::serve(move |request| {
        // One lock for both, so replies go out in the order bodies arrive.
        let mut replies = replies.lock().unwrap();
        seen.lock().unwrap().push(request.body);
        Reply::ok(replies.next().unwrap_or(r#"{"code":0}"#))
    });
    Receiver {
        url: format!("{}/callback", server.url),
        bodies,
        _server: server,
    }
}

fn fields(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

fn encode(fields: &[(String, String)]) -> Vec<u8> {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields.iter())
        .finish()
        .into_bytes()
}

#[test]
fn transcode_callbacks_verify_and_tampered_copies_do_not() {
    let emu = common::emulator_with(EmuConfig {
        callback_retry_delays: vec![Duration::from_millis(50), Duration::from_millis(100)],
        ..EmuConfig::default()
    });
    // The first delivery is refused, so the emulator retries it.
    let rx = receiver(vec![r#"{"code":1,"msg":"busy"}"#]);
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "cb.mp4", 4096);
    let options = UploadOptions {
        callback_url: Some(rx.url.clone()),
        ..UploadOptions::default()
    };
    let id = client.upload(&path, &options).unwrap().video_id;
    // The status-20 callback is refused once, then retried; then transcoding ends.
    common::wait_for(Duration::from_secs(10), || {
        (rx.bodies.lock().unwrap().len() >= 2).then_some(())
    });
    emu.baijiayun().clock().advance_ms(60_000);

    // 20 (refused, then retried) and 100.
    let bodies = common::wait_for(Duration::from_secs(10), || {
        let b = rx.bodies.lock().unwrap().clone();
        (b.len() >= 3).then_some(b)
    });
    let verifier =
        CallbackVerifier::new(emu.baijiayun().partner_key()).max_age(Duration::from_secs(300));
    let events: Vec<_> = bodies
        .iter()
        .map(|b| {
            verifier
                .verify_transcode_body(b)
                .expect("a genuine callback verifies")
        })
        .collect();
    assert!(events.iter().all(|e| e.video_id == id));
    // Deliveries may interleave; the refused status-20 one came twice.
    let uploaded: Vec<_> = events.iter().filter(|e| e.status == 20).collect();
    assert_eq!(uploaded.len(), 2);
    assert_eq!(
        uploaded[0].qid, uploaded[1].qid,
        "a retry repeats the delivery (dedupe on qid)"
    );
    assert_eq!(
        uploaded[0].file_md5, None,
        "status 20 carries only the documented fields"
    );
    let done = events
        .iter()
        .find(|e| e.status == 100)
        .expect("a status-100 callback");
    assert_eq!(
        done.file_md5.as_deref(),
        Some(common::md5_file(&path).as_str())
    );
    assert_eq!(done.total_size, Some(4096));
    assert_eq!(done.length, Some(1));
    assert_eq!(done.now_definition.as_deref(), Some("low,std"));
    assert!(done.preface_url.is_some() && done.total_transcode_size.unwrap() > 4096);
    let records = emu.baijiayun().callbacks();
    assert!(records.iter().any(|r| r.attempts == 2 && r.delivered));

    // Same fields as a map (what a web framework hands over).
    let done_body = bodies
        .iter()
        .find(|b| verifier.verify_transcode_body(b).unwrap().status == 100)
        .unwrap();
    let genuine = fields(done_body);
    verifier.verify_transcode(genuine.clone()).unwrap();

    let failure = |body: &[u8]| {
        let err = verifier.verify_transcode_body(body).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Verification);
        VerifyFailure::of(&err).unwrap()
    };
    // Tampered: a changed value, an added field, a removed field, another key.
    let mut changed = genuine.clone();
    changed.iter_mut().find(|(k, _)| k == "status").unwrap().1 = "30".into();
    assert_eq!(failure(&encode(&changed)), VerifyFailure::Tampered);
    let mut added = genuine.clone();
    added.push(("extra".into(), "1".into()));
    assert_eq!(failure(&encode(&added)), VerifyFailure::Tampered);
    let removed: Vec<_> = genuine
        .iter()
        .filter(|(k, _)| k != "qid")
        .cloned()
        .collect();
    assert_eq!(failure(&encode(&removed)), VerifyFailure::Tampered);
    let other = CallbackVerifier::new("another-key")
        .verify_transcode_body(done_body)
        .unwrap_err();
    assert_eq!(VerifyFailure::of(&other), Some(VerifyFailure::Tampered));
    // Unsigned.
    let unsigned: Vec<_> = genuine
        .iter()
        .filter(|(k, _)| k != "sign")
        .cloned()
        .collect();
    assert_eq!(failure(&encode(&unsigned)), VerifyFailure::Unsigned);
    // Malformed.
    assert_eq!(failure(b""), VerifyFailure::Malformed);
    assert_eq!(failure(&[0xff, 0xfe]), VerifyFailure::Malformed);
    // Stale: the window is enforced (the emulator's clock was moved a minute ahead).
    let strict =
        CallbackVerifier::new(emu.baijiayun().partner_key()).max_age(Duration::from_secs(5));
    let err = strict.verify_transcode_body(done_body).unwrap_err();
    assert_eq!(VerifyFailure::of(&err), Some(VerifyFailure::Stale));
}

#[test]
fn playback_auth_requests_verify() {
    let key = "k3y";
    let mut f = vec![
        ("access_key".to_owned(), "fgh6789".to_owned()),
        ("video_id".to_owned(), "123".to_owned()),
        ("timestamp".to_owned(), "1700000000".to_owned()),
    ];
    let sign = vodkit::baijiayun::sign(f.iter().map(|(k, v)| (k, v)), key);
    f.push(("sign".into(), sign));
    // A fixed timestamp from the past: the window is off for this test.
    let v = CallbackVerifier::new(key).without_max_age();
    let req = v.verify_playback_auth(f.clone()).unwrap();
    assert_eq!(
        (req.access_key.as_str(), req.video_id, req.timestamp),
        ("fgh6789", 123, Some(1700000000))
    );
    let unsigned: Vec<_> = f.iter().filter(|(k, _)| k != "sign").cloned().collect();
    let err = v
        .clone()
        .require_signed_auth(true)
        .verify_playback_auth(unsigned.clone())
        .unwrap_err();
    assert_eq!(VerifyFailure::of(&err), Some(VerifyFailure::Unsigned));
    assert!(v.verify_playback_auth(unsigned).is_ok());
    let no_key: Vec<_> = vec![("video_id".to_owned(), "1".to_owned())];
    let err = CallbackVerifier::new(key)
        .require_signed_auth(false)
        .verify_playback_auth(no_key)
        .unwrap_err();
    assert_eq!(VerifyFailure::of(&err), Some(VerifyFailure::Malformed));
}
