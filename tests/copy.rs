//! Copying videos between providers (issue 25, item 4) against the
//! emulator: every pair the emulator allows, the title carried over, the
//! same copy run again sends nothing, an interrupted copy resumes from its
//! checkpoint although the play URL is signed anew, and a source that
//! changed meanwhile is an `Integrity` error.
//!
//! Pairs: a target must take uploads (Baijiayun, iQiyi); a source must
//! serve play URLs (all three). 趣视频 is a source only.

mod common;

use std::path::Path;
use std::time::Duration;

use serde_json::{json, Value};
use vodkit::upload::UploadHooks;
use vodkit::{Client, ErrorKind};
use vodkit_emulator::{Emulator, Faults};

/// A neutral client of `provider` in `emu`.
fn client(emu: &Emulator, provider: &str) -> Client {
    client_with(
        emu,
        provider,
        json!({ "max_retries": 4, "initial_backoff_ms": 20 }),
    )
}

fn client_with(emu: &Emulator, provider: &str, retry: Value) -> Client {
    let base_url = emu.provider_url(provider);
    let mut config = match provider {
        "baijiayun" => {
            let s = emu.baijiayun();
            json!({ "partner_id": s.config.partner_id, "partner_key": s.partner_key() })
        }
        "iqiyi" => {
            let s = emu.iqiyi();
            json!({ "client_id": s.config.client_id, "client_secret": s.config.client_secret })
        }
        "quvideo" => {
            let s = emu.quvideo();
            json!({ "user_name": s.config.user_name, "password": s.config.password })
        }
        other => panic!("no such provider {other}"),
    };
    config["base_url"] = json!(base_url);
    config["retry"] = retry;
    Client::new(provider, &config).unwrap()
}

/// A video at `provider` ready to be copied: its id, title and MD5.
fn source_video(emu: &Emulator, provider: &str, dir: &Path, n: u64) -> (String, String, String) {
    match provider {
        "baijiayun" => {
            let bjy = common::client(emu);
            let name = format!("lesson {n}.mp4");
            let id = common::transcoded_video(emu, &bjy, dir, &name);
            (
                id.to_string(),
                name.clone(),
                common::md5_file(&dir.join(&name)),
            )
        }
        "iqiyi" => {
            let iq = common::iqiyi::client(emu);
            let name = format!("clip {n}.mp4");
            let id = common::iqiyi::published(emu, &iq, dir, &name, 200_000 + n);
            (id, name.clone(), common::md5_file(&dir.join(&name)))
        }
        "quvideo" => {
            let id = format!("vid00{n}");
            let v = emu.quvideo().video(&id).unwrap();
            let md5 = md5_hex(&vodkit_emulator::quvideo::state::media_bytes(&v));
            (id, v.title, md5)
        }
        other => panic!("no such provider {other}"),
    }
}

fn md5_hex(bytes: &[u8]) -> String {
    use md5::{Digest, Md5};
    Md5::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The MD5 and name the target stored for `id`.
fn stored(emu: &Emulator, provider: &str, id: &str) -> (String, String) {
    match provider {
        "baijiayun" => {
            let v = emu.baijiayun().video(id.parse().unwrap()).unwrap();
            (v.md5.unwrap(), v.name)
        }
        "iqiyi" => common::wait_for(Duration::from_secs(30), || {
            let f = emu.iqiyi().file(id)?;
            Some((f.md5?, f.meta?.file_name))
        }),
        other => panic!("{other} takes no uploads"),
    }
}

fn videos_at(emu: &Emulator, provider: &str) -> usize {
    match provider {
        "baijiayun" => emu.baijiayun().videos().len(),
        "iqiyi" => emu.iqiyi().files().iter().filter(|f| !f.deleted).count(),
        other => panic!("{other} takes no uploads"),
    }
}

#[test]
fn every_pair_copies_a_video_with_its_title() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let pairs = [
        ("baijiayun", "iqiyi"),
        ("iqiyi", "baijiayun"),
        ("quvideo", "baijiayun"),
        ("quvideo", "iqiyi"),
        ("baijiayun", "baijiayun"),
    ];
    for (n, (from, to)) in pairs.into_iter().enumerate() {
        let (id, title, md5) = source_video(&emu, from, dir.path(), n as u64 + 1);
        let copied = vodkit::copy(
            &client(&emu, from),
            &id,
            &client(&emu, to),
            &Value::Null,
            UploadHooks::new(),
        )
        .unwrap_or_else(|e| panic!("{from} → {to}: {e}"));
        assert_eq!(copied.source_provider, from);
        assert_eq!(copied.source_id, id);
        assert_eq!(copied.target_provider, to);
        assert_eq!(copied.title, title, "{from} → {to}");
        assert!(!copied.skipped);
        assert_eq!(copied.md5.as_deref(), Some(md5.as_str()), "{from} → {to}");
        let (stored_md5, stored_name) = stored(&emu, to, &copied.target_id);
        assert_eq!(stored_md5, md5, "{from} → {to}: the bytes arrived intact");
        assert_eq!(stored_name, title, "{from} → {to}: the title came along");
    }
}

#[test]
fn the_same_copy_again_sends_nothing_and_an_explicit_title_wins() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let checkpoints = tempfile::tempdir().unwrap();
    let (id, _, md5) = source_video(&emu, "quvideo", dir.path(), 5);
    let options = json!({ "checkpoint_dir": checkpoints.path(), "title": "renamed" });
    let (src, dst) = (client(&emu, "quvideo"), client(&emu, "baijiayun"));
    let first = vodkit::copy(&src, &id, &dst, &options, UploadHooks::new()).unwrap();
    assert_eq!(stored(&emu, "baijiayun", &first.target_id).1, "renamed");
    let before = emu.baijiayun().controls.requests.upload_bytes();
    let again = vodkit::copy(&src, &id, &dst, &options, UploadHooks::new()).unwrap();
    assert!(again.skipped, "{again:?}");
    assert_eq!(again.target_id, first.target_id);
    assert_eq!(again.md5.as_deref(), Some(md5.as_str()));
    assert_eq!(emu.baijiayun().controls.requests.upload_bytes(), before);
    assert_eq!(videos_at(&emu, "baijiayun"), 1);
    // Nothing on disk holds the signed URL or its token.
    for entry in std::fs::read_dir(checkpoints.path()).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(!text.contains("http"), "{text}");
    }
}

/// The copy is cut off; its rerun gets another signed play URL, finds the
/// checkpoint by (source, video, target) and sends only what is missing.
#[test]
fn an_interrupted_copy_resumes_although_the_play_url_changed() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let checkpoints = tempfile::tempdir().unwrap();
    let (id, _, md5) = source_video(&emu, "iqiyi", dir.path(), 7);
    // One streamed request, cut in the middle.
    let options = json!({ "checkpoint_dir": checkpoints.path() });
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(100_000),
        ..Faults::default()
    });
    let fragile = client_with(&emu, "baijiayun", json!({ "max_retries": 0 }));
    let err = vodkit::copy(
        &client(&emu, "iqiyi"),
        &id,
        &fragile,
        &options,
        UploadHooks::new(),
    )
    .unwrap_err();
    assert!(err.resume().is_some(), "{err}");
    assert_eq!(
        vodkit::upload::checkpoint::list(checkpoints.path())
            .unwrap()
            .len(),
        1
    );
    emu.baijiayun().set_faults(Faults::default());
    let copied = vodkit::copy(
        &client(&emu, "iqiyi"),
        &id,
        &client(&emu, "baijiayun"),
        &options,
        UploadHooks::new(),
    )
    .unwrap();
    assert!(
        copied.upload["resumed_from"].as_u64().unwrap() > 0,
        "{copied:?}"
    );
    assert_eq!(copied.md5.as_deref(), Some(md5.as_str()));
    assert_eq!(stored(&emu, "baijiayun", &copied.target_id).0, md5);
    assert_eq!(videos_at(&emu, "baijiayun"), 1, "one copy, not two");
    assert!(vodkit::upload::checkpoint::list(checkpoints.path())
        .unwrap()
        .is_empty());
}

#[test]
fn a_source_changed_since_the_interrupted_copy_is_an_integrity_error() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let checkpoints = tempfile::tempdir().unwrap();
    let (id, _, _) = source_video(&emu, "baijiayun", dir.path(), 1);
    let options = json!({ "checkpoint_dir": checkpoints.path() });
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(20_000),
        ..Faults::default()
    });
    let fragile = client_with(&emu, "baijiayun", json!({ "max_retries": 0 }));
    let src = client(&emu, "baijiayun");
    vodkit::copy(&src, &id, &fragile, &options, UploadHooks::new()).unwrap_err();
    assert_eq!(
        vodkit::upload::checkpoint::list(checkpoints.path())
            .unwrap()
            .len(),
        1
    );
    emu.baijiayun().set_faults(Faults::default());
    // The source's stored file now holds other bytes (same length).
    let path = emu.baijiayun().video(id.parse().unwrap()).unwrap().path;
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.iter_mut().for_each(|b| *b = !*b);
    std::fs::write(&path, bytes).unwrap();
    let err = vodkit::copy(&src, &id, &src, &options, UploadHooks::new()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
}

#[test]
fn bad_copies_are_clear_errors() {
    let emu = common::emulator();
    let (bjy, quvideo) = (client(&emu, "baijiayun"), client(&emu, "quvideo"));
    let err = vodkit::copy(&bjy, "7", &quvideo, &Value::Null, UploadHooks::new()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    assert!(err.to_string().contains("quvideo"), "{err}");
    let err = vodkit::copy(&quvideo, " ", &bjy, &Value::Null, UploadHooks::new()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    let err = vodkit::copy(&quvideo, "vid001", &bjy, &json!([1]), UploadHooks::new()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    // A video that does not exist: the provider's own error, nothing uploaded.
    assert!(vodkit::copy(&bjy, "424242", &bjy, &Value::Null, UploadHooks::new()).is_err());
    assert_eq!(emu.baijiayun().videos().len(), 0);
}
