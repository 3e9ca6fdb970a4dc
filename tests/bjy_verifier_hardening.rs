//! The callback verifier under hostile input: out-of-range timestamps, huge
//! bodies, replays, the documented unsigned playback auth shape, and a
//! bounded fuzz run that must never panic.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use vodkit::baijiayun::{sign, CallbackVerifier, VerifyFailure};
use vodkit::ErrorKind;

const KEY: &str = "k3y";

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// A transcode callback signed with `KEY` at `timestamp`.
fn transcode(timestamp: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("video_id", "42"),
        ("status", "100"),
        ("qid", "q-1"),
        ("timestamp", timestamp),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let sign = sign(fields.iter().map(|(k, v)| (k, v)), KEY);
    fields.push(("sign".into(), sign));
    fields
}

fn failure(result: vodkit::Result<impl std::fmt::Debug>) -> VerifyFailure {
    let err = result.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Verification, "{err}");
    VerifyFailure::of(&err).unwrap()
}

/// Issue 11, item 5: `now - ts` overflowed on i64::MIN (a panic).
#[test]
fn out_of_range_timestamps_are_stale_not_a_panic() {
    let v = CallbackVerifier::new(KEY).max_age(Duration::from_secs(60));
    for ts in [i64::MIN, i64::MIN + 1, i64::MAX, -1] {
        let fields = transcode(&ts.to_string());
        assert_eq!(
            failure(v.verify_transcode(fields)),
            VerifyFailure::Stale,
            "{ts}"
        );
    }
    // Not a number at all (or beyond i64): malformed.
    let fields = transcode("99999999999999999999999");
    assert_eq!(
        failure(v.verify_transcode(fields)),
        VerifyFailure::Malformed
    );
}

/// Issue 11, item 5: the body size is capped (64 KiB by default, configurable).
#[test]
fn oversized_requests_are_refused_before_parsing() {
    let v = CallbackVerifier::new(KEY);
    let mut body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(transcode(&now().to_string()))
        .finish();
    assert!(v.verify_transcode_body(body.as_bytes()).is_ok());
    body.push_str("&pad=");
    body.push_str(&"x".repeat(64 * 1024));
    let err = v.verify_transcode_body(body.as_bytes()).unwrap_err();
    assert_eq!(VerifyFailure::of(&err), Some(VerifyFailure::Malformed));
    assert!(err.message().contains("larger than 65536 bytes"), "{err}");
    // Fields handed over by a framework count too.
    let mut fields = transcode(&now().to_string());
    fields.push(("pad".into(), "x".repeat(64 * 1024)));
    assert_eq!(
        failure(v.verify_transcode(fields)),
        VerifyFailure::Malformed
    );
    // A smaller cap is honoured.
    let small = CallbackVerifier::new(KEY).max_body(16);
    assert_eq!(
        failure(small.verify_playback_auth_body(b"access_key=abcdefgh&video_id=1")),
        VerifyFailure::Malformed
    );
}

/// Issue 11, item 6: a 25-year-old request was accepted unless `max_age` was set.
#[test]
fn the_timestamp_window_is_on_by_default() {
    let v = CallbackVerifier::new(KEY);
    let old = (now() - 25 * 365 * 24 * 3600).to_string();
    assert_eq!(
        failure(v.verify_transcode(transcode(&old))),
        VerifyFailure::Stale
    );
    let recent = (now() - 200).to_string();
    assert!(
        v.verify_transcode(transcode(&recent)).is_ok(),
        "inside 300 s"
    );
    let late = (now() - 400).to_string();
    assert_eq!(
        failure(v.verify_transcode(transcode(&late))),
        VerifyFailure::Stale
    );
    // Turned off explicitly, it accepts any timestamp.
    assert!(CallbackVerifier::new(KEY)
        .without_max_age()
        .verify_transcode(transcode(&old))
        .is_ok());
}

/// Issue 11, item 7: the documented playback auth request (no sign, no
/// timestamp) was refused as unsigned by default.
#[test]
fn the_documented_playback_auth_shape_is_accepted_by_default() {
    let documented = vec![("access_key", "fgh6789"), ("video_id", "123")];
    let v = CallbackVerifier::new(KEY);
    let req = v.verify_playback_auth(documented.clone()).unwrap();
    assert_eq!((req.access_key.as_str(), req.video_id), ("fgh6789", 123));
    assert!(v
        .verify_playback_auth_body(b"access_key=fgh6789&video_id=123")
        .is_ok());
    // A sign, when present, is checked.
    let forged = vec![
        ("access_key", "fgh6789"),
        ("video_id", "123"),
        ("sign", "00"),
    ];
    assert_eq!(
        failure(v.verify_playback_auth(forged)),
        VerifyFailure::Tampered
    );
    // Strict mode refuses the unsigned shape.
    let strict = CallbackVerifier::new(KEY).require_signed_auth(true);
    assert_eq!(
        failure(strict.verify_playback_auth(documented)),
        VerifyFailure::Unsigned
    );
}

/// A bounded fuzz run (seeded, so a failure reproduces): random bytes,
/// mutated genuine bodies and hostile timestamps through every entry point.
/// Whatever comes in, the verifier answers Ok or a Verification error.
#[test]
fn fuzzed_requests_never_panic() {
    let mut rng = fastrand::Rng::with_seed(0x005e_ed11);
    let verifiers = [
        CallbackVerifier::new(KEY),
        CallbackVerifier::new(KEY).without_max_age(),
        CallbackVerifier::new(KEY)
            .require_signed_auth(true)
            .max_body(256),
    ];
    let genuine = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(transcode(&now().to_string()))
        .finish()
        .into_bytes();
    let alphabet = b"=&%+0123456789abcdef-_timestampsignvideo_idqid\xff\xfe\x00 ";
    for case in 0..3000 {
        let body: Vec<u8> = match case % 3 {
            0 => (0..rng.usize(0..300)).map(|_| rng.u8(..)).collect(),
            1 => (0..rng.usize(0..300))
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .collect(),
            _ => {
                let mut b = genuine.clone();
                for _ in 0..rng.usize(1..6) {
                    let i = rng.usize(..b.len());
                    b[i] = alphabet[rng.usize(..alphabet.len())];
                }
                if rng.bool() {
                    let ts = [i64::MIN, i64::MAX, 0, -1, rng.i64(..)][rng.usize(..5)];
                    b.extend_from_slice(format!("&timestamp={ts}").as_bytes());
                }
                b
            }
        };
        for v in &verifiers {
            for result in [
                v.verify_transcode_body(&body).map(|_| ()),
                v.verify_playback_auth_body(&body).map(|_| ()),
            ] {
                if let Err(err) = result {
                    assert_eq!(err.kind(), ErrorKind::Verification, "case {case}: {err}");
                }
            }
        }
    }
}
