//! The main flow against the emulator: upload, status, info, play URLs,
//! player token, delete.

mod common;

use std::time::Duration;

use vodkit::baijiayun::models::*;
use vodkit::baijiayun::{GetUrl, UploadOptions, VideoState};
use vodkit::ErrorKind;

#[test]
fn upload_then_status_info_urls_token_delete() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "lecture.mp4", 300_000);
    let options = UploadOptions {
        definitions: vec![16, 1, 2],
        formats: vec![1, 4],
        ..UploadOptions::default()
    };
    let up = client.upload(&path, &options).unwrap();
    assert_eq!(up.bytes, 300_000);
    assert_eq!(up.resumed_from, 0);
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!(
        stored.md5.as_deref(),
        Some(common::md5_file(&path).as_str())
    );
    assert_eq!(stored.name, "lecture.mp4");

    let status = client
        .get_status(&GetStatus {
            video_id: up.video_id,
        })
        .unwrap();
    assert_eq!(status.status, 20);
    assert_eq!(status.state(), VideoState::Transcoding);
    assert_eq!(status.info, "转码中");

    // Urls are refused until transcoding is over.
    let err = client
        .get_url(&GetUrl {
            video_id: up.video_id,
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Provider);
    assert_eq!(err.provider_code(), Some("1003"));

    emu.baijiayun().clock().advance_ms(10_000);
    let status = client
        .get_status(&GetStatus {
            video_id: up.video_id,
        })
        .unwrap();
    assert_eq!((status.status, status.info.as_str()), (100, "转码成功"));

    let info = client
        .get_info(&GetInfo {
            video_id: up.video_id,
        })
        .unwrap();
    assert_eq!(info.video_id, up.video_id);
    assert_eq!(info.name, "lecture.mp4");
    assert_eq!(info.status, 100);
    assert_eq!(info.total_size, 300_000);
    assert_eq!(info.file_md5, common::md5_file(&path));
    assert_eq!(info.length, 1);
    assert_eq!(info.audit_status, 0);
    assert_eq!(info.publish_status, 1);
    assert!(info.preface_url.starts_with("https://"));
    assert!(!info.create_time.is_empty());
    // 3 definitions × 2 formats.
    assert_eq!(info.transcode_info.len(), 6);
    assert!(info
        .transcode_info
        .iter()
        .all(|t| t.size > 0 && (t.format == "mp4" || t.format == "m3u8")));
    assert!(info.total_transcode_size > info.total_size);
    assert!(info.category.is_empty());

    let urls = client
        .get_url(&GetUrl {
            video_id: up.video_id,
            format: Some("mp4".into()),
            expires_in: Some(60),
        })
        .unwrap();
    assert_eq!(urls.video_id, up.video_id);
    let keys: Vec<_> = urls.play_info.keys().cloned().collect();
    assert_eq!(keys, vec!["high", "low", "superHD"]);
    let high = &urls.play_info["high"];
    assert_eq!(
        (high.width, high.height, high.size, high.duration),
        (640, 368, 300_000, 1)
    );
    // The play URL serves the stored bytes.
    let bytes = common::http_get(&high.url).unwrap().bytes().unwrap();
    assert_eq!(bytes.len(), 300_000);
    assert_eq!(bytes.as_ref(), std::fs::read(&path).unwrap().as_slice());

    let token = client
        .get_player_token(&GetPlayerToken {
            video_id: up.video_id,
            expires_in: Some(3600),
        })
        .unwrap();
    assert!(token.token.len() > 10);
    assert!(!format!("{token:?}").contains(&token.token));

    let deleted = client
        .delete(&Delete {
            video_id: up.video_id,
        })
        .unwrap();
    assert_eq!(deleted.video_id, up.video_id);
    let err = client
        .get_status(&GetStatus {
            video_id: up.video_id,
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.provider_code(), Some("1001"));
    let _ = Duration::ZERO;
}

#[test]
fn account_callback_url_is_set_and_read() {
    let emu = common::emulator();
    let client = common::client(&emu);
    assert_eq!(
        client
            .get_transcode_callback_url(&GetTranscodeCallbackUrl {})
            .unwrap()
            .url,
        ""
    );
    let set = client
        .set_transcode_callback_url(&SetTranscodeCallbackUrl {
            url: "https://acme.example/bjy?x=1".into(),
        })
        .unwrap();
    assert_eq!(set.url, "https://acme.example/bjy?x=1");
    assert_eq!(
        client
            .get_transcode_callback_url(&GetTranscodeCallbackUrl {})
            .unwrap()
            .url,
        "https://acme.example/bjy?x=1"
    );
    let before = emu.baijiayun().total_requests();
    let err = client
        .set_transcode_callback_url(&SetTranscodeCallbackUrl {
            url: "ftp://x".into(),
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = client
        .get_upload_url(&vodkit::baijiayun::GetUploadUrl {
            file_name: "a.mp4".into(),
            definition: "16,3".into(),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        emu.baijiayun().total_requests(),
        before,
        "refused before any request"
    );
}
