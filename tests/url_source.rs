//! Uploads from a URL (issue 25, item 3) against a loopback origin and the
//! emulator: the bytes arrive intact, an interrupted upload resumes by
//! asking the origin for the missing range only, a changed origin is an
//! `Integrity` error, and the URL's token never shows in an error.

mod common;

use std::ops::ControlFlow;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use common::origin::Origin;
use md5::{Digest, Md5};
use vodkit::baijiayun::UploadOptions;
use vodkit::http::RetryPolicy;
use vodkit::upload::{CommonUploadOptions, Source, UploadHooks};
use vodkit::ErrorKind;
use vodkit_emulator::Faults;

const MIB: u64 = 1024 * 1024;
const TOKEN: &str = "s3cr3t-download-token-42";

fn data(len: u64, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| ((i * 31 + i / 7) as u8).wrapping_add(seed))
        .collect()
}

fn md5_hex(bytes: &[u8]) -> String {
    Md5::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn options(dir: &Path, verify_md5: bool) -> UploadOptions {
    UploadOptions {
        common: CommonUploadOptions {
            checkpoint_dir: Some(dir.to_owned()),
            verify_md5,
        },
        part_size: Some(MIB),
        ..UploadOptions::default()
    }
}

/// The first byte of a `Range: bytes=A-B` header.
fn start_of(range: &str) -> u64 {
    range
        .strip_prefix("bytes=")
        .and_then(|r| r.split('-').next())
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("not a range: {range}"))
}

#[test]
fn a_url_is_uploaded_with_range_requests_under_its_last_path_segment() {
    let emu = common::emulator();
    let bytes = data(3 * MIB + 17, 1);
    let origin = Origin::start(bytes.clone(), TOKEN);
    let source = Source::url(&origin.url("lesson%201.mp4")).unwrap();
    assert_eq!(source.size(), bytes.len() as u64);
    assert_eq!(source.file_name(), "lesson 1.mp4");
    let shown = format!("{source:?}");
    assert!(!shown.contains(TOKEN), "{shown}");
    let dir = tempfile::tempdir().unwrap();
    let up = common::client(&emu)
        .upload(source, &options(dir.path(), true))
        .unwrap();
    let want = md5_hex(&bytes);
    assert_eq!(up.file_md5.as_deref(), Some(want.as_str()));
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!(stored.md5.as_deref(), Some(want.as_str()));
    assert!(origin.ranges().iter().all(|r| r.starts_with("bytes=")));
}

#[test]
fn a_redirect_is_followed_to_the_origin() {
    let bytes = data(1000, 2);
    let origin = Origin::start(bytes.clone(), TOKEN);
    let url = format!("{}/redirect/a.mp4?token={TOKEN}", origin.base);
    let source = Source::url(&url).unwrap();
    assert_eq!(source.size(), 1000);
    assert_eq!(source.md5_of_range(0, 1000).unwrap(), md5_hex(&bytes));
}

#[test]
fn an_interrupted_url_upload_resumes_by_asking_the_origin_for_the_missing_range() {
    let emu = common::emulator();
    let size = 6 * MIB + 3;
    let bytes = data(size, 3);
    let origin = Origin::start(bytes.clone(), TOKEN);
    let dir = tempfile::tempdir().unwrap();
    let cut = 2 * MIB + 11;
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(cut),
        ..Faults::default()
    });
    let fragile =
        vodkit::baijiayun::Client::new(common::config(&emu).retry(RetryPolicy::none())).unwrap();
    // verify_md5 off: the end-to-end MD5 of a resumed upload reads the
    // whole source in order, which for a URL is a second download.
    let err = fragile
        .upload(
            Source::url(&origin.url("big.mp4")).unwrap(),
            &options(dir.path(), false),
        )
        .unwrap_err();
    let video_id = err.resume().unwrap()["video_id"].as_i64().unwrap();
    assert!(!err.to_string().contains(TOKEN));
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(text.contains("\"url\""), "{text}");
        assert!(
            !text.contains(TOKEN) && !text.contains("127.0.0.1"),
            "{text}"
        );
    }
    origin.clear_ranges();

    let up = common::client(&emu)
        .upload(
            Source::url(&origin.url("big.mp4")).unwrap(),
            &options(dir.path(), false),
        )
        .unwrap();
    assert_eq!(up.video_id, video_id, "no second video");
    assert_eq!(up.resumed_from, cut);
    let stored = emu.baijiayun().video(video_id).unwrap();
    assert_eq!(stored.md5.as_deref(), Some(md5_hex(&bytes).as_str()));
    // The probe, the checkpoint's first and last MiB, then the missing
    // bytes: nothing between the first MiB and the cut is asked for again.
    let starts: Vec<u64> = origin.ranges().iter().map(|r| start_of(r)).collect();
    assert!(starts.contains(&cut), "{starts:?}");
    for s in &starts {
        assert!(
            *s == 0 || *s >= cut,
            "asked for bytes the provider holds: {s} in {starts:?}"
        );
    }
}

#[test]
fn an_origin_changed_between_attempts_is_an_integrity_error() {
    let emu = common::emulator();
    let origin = Origin::start(data(3 * MIB, 4), TOKEN);
    let dir = tempfile::tempdir().unwrap();
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(MIB + 5),
        ..Faults::default()
    });
    let fragile =
        vodkit::baijiayun::Client::new(common::config(&emu).retry(RetryPolicy::none())).unwrap();
    fragile
        .upload(
            Source::url(&origin.url("v.mp4")).unwrap(),
            &options(dir.path(), false),
        )
        .unwrap_err();
    // Same length, other bytes, another ETag.
    origin.replace(data(3 * MIB, 9));
    let err = common::client(&emu)
        .upload(
            Source::url(&origin.url("v.mp4")).unwrap(),
            &options(dir.path(), false),
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
    assert!(!err.to_string().contains(TOKEN));
}

#[test]
fn an_origin_changed_during_the_upload_is_an_integrity_error() {
    let emu = common::emulator();
    let origin = Arc::new(Origin::start(data(4 * MIB, 5), TOKEN));
    let dir = tempfile::tempdir().unwrap();
    let swapped = Arc::new(AtomicBool::new(false));
    let (o, s) = (origin.clone(), swapped.clone());
    let hooks = UploadHooks::new().on_progress(move |p| {
        if p.bytes_done > 0 && !s.swap(true, Ordering::SeqCst) {
            o.replace(data(4 * MIB, 6));
        }
        ControlFlow::Continue(())
    });
    let err = common::client(&emu)
        .upload_with(
            Source::url(&origin.url("v.mp4")).unwrap(),
            &options(dir.path(), false),
            hooks,
        )
        .unwrap_err();
    assert!(swapped.load(Ordering::SeqCst));
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
    assert!(err.to_string().contains("changed"), "{err}");
}

#[test]
fn a_ranged_read_after_the_origin_changed_is_an_integrity_error() {
    let origin = Origin::start(data(2 * MIB, 7), TOKEN);
    let source = Source::url(&origin.url("v.mp4")).unwrap();
    source.md5_of_range(0, 1000).unwrap();
    origin.replace(data(2 * MIB, 8));
    // A range the source has no response open for: a new request, whose
    // If-Range no longer matches.
    let err = source.md5_of_range(MIB, 1000).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
    // Another length: the same.
    origin.replace(data(2 * MIB + 1, 8));
    let err = source.check_unchanged().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity, "{err}");
}

#[test]
fn bad_origins_are_clear_errors_without_the_token() {
    let origin = Origin::start(data(100, 1), TOKEN);
    // No Range support: refused before anything is uploaded.
    let plain = Origin::start(data(100, 1), TOKEN);
    plain.ignore_range();
    let err = Source::url(&plain.url("a.mp4")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    assert!(err.to_string().contains("Range"), "{err}");
    // A wrong token: the origin echoes the query; the error does not.
    let url = format!("{}/media/a.mp4?token=wrong-{TOKEN}", origin.base);
    let err = Source::url(&url).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Auth, "{err}");
    assert!(!err.to_string().contains(TOKEN), "{err}");
    assert!(!format!("{err:?}").contains(TOKEN), "{err:?}");
    let err = Source::url(&format!("{}/nothing", origin.base)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    for bad in ["ftp://example.com/a", "", "http://"] {
        assert_eq!(
            Source::url(bad).unwrap_err().kind(),
            ErrorKind::InvalidInput,
            "{bad}"
        );
    }
    // Nothing listens here: a network error.
    let err = Source::url("http://127.0.0.1:9/a.mp4").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
}

#[test]
fn ranged_parts_ask_the_origin_for_their_own_bytes_only() {
    let emu = common::emulator();
    let size = 4 * MIB + 1;
    let bytes = data(size, 11);
    let origin = Origin::start(bytes.clone(), TOKEN);
    let dir = tempfile::tempdir().unwrap();
    let options = UploadOptions {
        ranged: true,
        ..options(dir.path(), false)
    };
    let up = common::client(&emu)
        .upload(Source::url(&origin.url("p.mp4")).unwrap(), &options)
        .unwrap();
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!(stored.md5.as_deref(), Some(md5_hex(&bytes).as_str()));
    // Each part's request ends where the part does (1 MiB parts), so no
    // response is cut off half-read and its connection can be reused.
    let ranges = origin.ranges();
    for part in 0..4 {
        let first = part * MIB;
        let want = format!("bytes={first}-{}", (first + MIB).min(size) - 1);
        assert!(ranges.contains(&want), "{want} not in {ranges:?}");
    }
    for r in &ranges {
        let (a, b) = r["bytes=".len()..].split_once('-').unwrap();
        let len = b.parse::<u64>().unwrap() + 1 - a.parse::<u64>().unwrap();
        assert!(len <= MIB, "a request past a part: {r} in {ranges:?}");
    }
}

/// Copying a video between providers by its play URL: the emulator serves
/// Baijiayun's play URLs with Range and an ETag, as a CDN does, so the
/// best rendition streams into an iQiyi upload without a local copy.
#[test]
fn a_baijiayun_play_url_streams_into_an_iqiyi_upload() {
    let emu = common::emulator();
    let bjy = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let id = common::transcoded_video(&emu, &bjy, dir.path(), "orig.mp4");
    let want = common::md5_file(&dir.path().join("orig.mp4"));
    let urls = bjy
        .get_url(&vodkit::baijiayun::GetUrl {
            video_id: id,
            ..Default::default()
        })
        .unwrap();
    let best = urls
        .play_info
        .values()
        .max_by_key(|p| p.width * p.height)
        .expect("a rendition");
    let source = Source::url(&best.url).unwrap();
    assert_eq!(source.size(), 64 * 1024);
    let up = common::iqiyi::client(&emu)
        .upload(source, &vodkit::iqiyi::UploadOptions::default())
        .unwrap();
    let md5 = common::wait_for(std::time::Duration::from_secs(30), || {
        emu.iqiyi().file(&up.file_id)?.md5
    });
    assert_eq!(md5, want);
}
