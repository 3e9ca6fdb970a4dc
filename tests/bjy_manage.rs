//! Account and video management against the emulator: the partner key
//! (API 1), screenshots (7), removing files (8, 9), renaming (10), batch
//! player tokens (19), the account package (20), publishing (26), share URLs
//! (27), the video list (31) and transcoding again (40).

mod common;

use std::time::Duration;

use serde_json::json;
use vodkit::baijiayun::models::*;
use vodkit::baijiayun::{Client, GetUploadUrl, GetVideoList, UploadOptions, VideoInfo};
use vodkit::ErrorKind;
use vodkit_emulator::baijiayun::dates::format_datetime;
use vodkit_emulator::baijiayun::manage::TOTAL_STORAGE;
use vodkit_emulator::Emulator;

fn assert_code(err: vodkit::Error, kind: ErrorKind, code: &str) {
    assert_eq!(err.kind(), kind, "{err}");
    assert_eq!(err.provider_code(), Some(code), "{err}");
}

/// A video created but never uploaded (status 10).
fn uploading_video(client: &Client, name: &str) -> i64 {
    client
        .get_upload_url(&GetUploadUrl {
            file_name: name.into(),
            definition: "16".into(),
            ..Default::default()
        })
        .unwrap()
        .video_id
}

/// `(definition, type)` of every transcoded file getInfo lists.
fn files(info: &VideoInfo) -> Vec<(String, String)> {
    let mut f: Vec<_> = info
        .transcode_info
        .iter()
        .map(|t| (t.definition.clone(), t.format.clone()))
        .collect();
    f.sort();
    f
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<_> = list
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    v.sort();
    v
}

fn used_storage(client: &Client) -> i64 {
    client
        .get_account_info(&GetAccountInfo {})
        .unwrap()
        .used_storage
}

fn wait_transcoded(emu: &Emulator, client: &Client, id: i64) {
    emu.baijiayun().clock().advance_ms(3_600_000);
    common::wait_for(Duration::from_secs(5), || {
        (client.get_status(&GetStatus { video_id: id }).ok()?.status == 100).then_some(())
    });
}

#[test]
fn create_key_reads_and_regenerates_the_partner_key() {
    let emu = common::emulator();
    let old_key = emu.baijiayun().partner_key();
    let secret = emu.baijiayun().config.secret_key.clone();

    // Without a secret_key nothing is sent.
    let plain = common::client(&emu);
    let before = emu.baijiayun().total_requests();
    let err = plain.create_partner_key(false).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(emu.baijiayun().total_requests(), before);

    let wrong = Client::new(common::config(&emu).secret_key("not-the-secret")).unwrap();
    assert_code(
        wrong.create_partner_key(false).unwrap_err(),
        ErrorKind::Auth,
        "2002",
    );

    let owner = Client::new(common::config(&emu).secret_key(secret.as_str())).unwrap();
    let current = owner.create_partner_key(false).unwrap();
    assert_eq!(current.partner_key, old_key);
    assert_eq!(current.secret().expose(), old_key);
    assert!(!format!("{current:?}").contains(&old_key));
    assert_eq!(emu.baijiayun().partner_key(), old_key);

    let fresh = owner.create_partner_key(true).unwrap();
    assert_ne!(fresh.partner_key, old_key);
    assert_eq!(fresh.partner_key.len(), 88);
    assert_eq!(emu.baijiayun().partner_key(), fresh.partner_key);
    assert!(!format!("{fresh:?}").contains(&fresh.partner_key));

    // Requests signed with the old key now fail the signature check …
    assert_code(
        plain.get_account_info(&GetAccountInfo {}).unwrap_err(),
        ErrorKind::Auth,
        "1002",
    );
    // … except for the owner's: it signs with the key it made.
    let createkeys = emu.baijiayun().request_count("/openapi/partner/createkey");
    assert_eq!(
        owner.create_partner_key(false).unwrap().partner_key,
        fresh.partner_key
    );
    assert_eq!(
        emu.baijiayun().request_count("/openapi/partner/createkey"),
        createkeys + 1,
        "the owner's key was refused and fetched again"
    );
    assert_eq!(
        owner.fetched_partner_key().unwrap().expose(),
        fresh.partner_key
    );
    // … and a client built with the new one works.
    let renewed = Client::new(
        vodkit::baijiayun::Config::new(emu.baijiayun().config.partner_id.clone(), fresh.secret())
            .base_url(emu.provider_url("baijiayun"))
            .secret_key(secret.as_str()),
    )
    .unwrap();
    assert_eq!(
        renewed
            .get_account_info(&GetAccountInfo {})
            .unwrap()
            .partner_id,
        12_345_678
    );
    assert_eq!(
        renewed.create_partner_key(false).unwrap().partner_key,
        fresh.partner_key
    );

    // The emulator checks the parameters itself.
    let err = renewed
        .call_raw_json("partner/createkey", &json!({}))
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
    let err = renewed
        .call_raw_json(
            "partner/createkey",
            &json!({ "secret_key": secret, "regenerate": 2 }),
        )
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
    assert_eq!(emu.baijiayun().partner_key(), fresh.partner_key);
}

#[test]
fn images_share_urls_publishing_and_renaming() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let id = common::transcoded_video(&emu, &client, dir.path(), "talk.mp4");

    let images = client.get_image(&GetImage { video_id: id }).unwrap();
    assert_eq!(images.video_id, id);
    // The best of the default definitions (16 SD, 1 HD) is 640×368.
    assert_eq!(
        (images.width, images.height, images.img_count),
        (640, 368, 5)
    );
    assert_eq!(images.imgs.len(), 5);
    assert!(images
        .imgs
        .iter()
        .all(|u| u.starts_with("https://") && u.ends_with(".jpg") && u.contains(&id.to_string())));
    let pending = uploading_video(&client, "pending.mp4");
    assert_code(
        client
            .get_image(&GetImage { video_id: pending })
            .unwrap_err(),
        ErrorKind::Provider,
        "1003",
    );
    assert_code(
        client
            .get_image(&GetImage { video_id: 999_999 })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );

    let share = client.get_share_url(&GetShareUrl { video_id: id }).unwrap();
    let vid = format!("vid={id}&token=");
    assert!(
        share.js.contains("bjcVideoPlayer.js?") && share.js.contains(&vid),
        "{}",
        share.js
    );
    assert!(share.iframe.contains("/web/video/player?") && share.iframe.contains(&vid));
    assert!(share.flash.contains("/swf/player.swf?") && share.flash.contains(&vid));
    let token = share.iframe.rsplit("token=").next().unwrap().to_owned();
    assert!(token.len() >= 16);
    assert!(share.js.contains(&format!(
        "token={token}&width=400&height=300&autoplay=false"
    )));
    let debug = format!("{share:?}");
    assert!(!debug.contains(&token) && debug.contains("<redacted>"));

    assert_eq!(
        client
            .get_info(&GetInfo { video_id: id })
            .unwrap()
            .publish_status,
        1
    );
    assert_eq!(
        client
            .set_publish_status(&SetPublishStatus {
                video_id: id,
                status: 2
            })
            .unwrap()
            .status,
        2
    );
    assert_eq!(
        client
            .get_info(&GetInfo { video_id: id })
            .unwrap()
            .publish_status,
        2
    );
    assert_eq!(
        client
            .set_publish_status(&SetPublishStatus {
                video_id: id,
                status: 1
            })
            .unwrap()
            .status,
        1
    );
    assert_eq!(
        client
            .get_info(&GetInfo { video_id: id })
            .unwrap()
            .publish_status,
        1
    );
    assert_code(
        client
            .set_publish_status(&SetPublishStatus {
                video_id: 999_999,
                status: 1,
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );

    let updated = client
        .update(&Update {
            video_id: id,
            name: Some("第一讲 导论".into()),
        })
        .unwrap();
    assert_eq!(updated.video_id, id);
    assert_eq!(
        client.get_info(&GetInfo { video_id: id }).unwrap().name,
        "第一讲 导论"
    );
    assert_eq!(emu.baijiayun().video(id).unwrap().name, "第一讲 导论");
    assert_code(
        client
            .update(&Update {
                video_id: 999_999,
                name: Some("x".into()),
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
    // Without a name the provider changes nothing.
    let raw = client
        .call_raw_json("video/update", &json!({ "video_id": id }))
        .unwrap();
    assert_eq!(raw, json!({ "video_id": id }));
    assert_eq!(
        client.get_info(&GetInfo { video_id: id }).unwrap().name,
        "第一讲 导论"
    );

    let err = client
        .call_raw_json(
            "video/setPublishStatus",
            &json!({ "video_id": id, "status": 3 }),
        )
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
    let err = client
        .call_raw_json("video/getShareUrl", &json!({}))
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
}

#[test]
fn player_tokens_in_a_batch() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let a = common::transcoded_video(&emu, &client, dir.path(), "a.mp4");
    let b = uploading_video(&client, "b.mp4");

    let tokens = client
        .get_player_token_batch(&GetPlayerTokenBatch {
            video_ids: id_list(&[a, b]),
            expires_in: 3600,
            product_type: None,
        })
        .unwrap();
    assert_eq!(tokens.len(), 2);
    let keys: Vec<_> = tokens.tokens.keys().cloned().collect();
    assert_eq!(keys, vec![a.to_string(), b.to_string()]);
    let (ta, tb) = (
        tokens.get(a).unwrap().to_owned(),
        tokens.get(b).unwrap().to_owned(),
    );
    assert!(ta.ends_with("-3600") && ta.len() > 20);
    assert_ne!(ta, tb);
    assert!(tokens.get(12345).is_none());
    let debug = format!("{tokens:?}");
    assert!(!debug.contains(&ta) && !debug.contains(&tb));
    assert!(debug.contains(&a.to_string()) && debug.contains("<redacted>"));

    let forever = client
        .get_player_token_batch(&GetPlayerTokenBatch {
            video_ids: id_list(&[a]),
            expires_in: 0,
            product_type: Some(5),
        })
        .unwrap();
    assert!(forever.get(a).unwrap().ends_with("-0"));

    assert_code(
        client
            .get_player_token_batch(&GetPlayerTokenBatch {
                video_ids: id_list(&[a, 999_999]),
                expires_in: 60,
                product_type: None,
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
    let err = client
        .call_raw_json(
            "video/getPlayerTokenBatch",
            &json!({ "video_ids": a.to_string() }),
        )
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
    let err = client
        .call_raw_json(
            "video/getPlayerTokenBatch",
            &json!({ "video_ids": a.to_string(), "expires_in": 60, "product_type": 9 }),
        )
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
}

#[test]
fn removing_files_frees_storage_in_the_account_info() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();

    let empty = client.get_account_info(&GetAccountInfo {}).unwrap();
    assert_eq!(empty.partner_id, 12_345_678);
    assert_eq!(empty.mobile, "13800000000");
    assert_eq!(
        (empty.account_type, empty.status, empty.charge_type),
        (2, 1, 0)
    );
    assert_eq!(empty.total_storage, TOTAL_STORAGE as i64);
    assert_eq!((empty.used_storage, empty.used_flow), (0, 0));
    assert_eq!(empty.month_flow_limit, Some(10_737_418_240));
    assert_eq!(empty.total_flow_limit, None);
    assert_eq!(
        (empty.effect_time.as_str(), empty.expire_time.as_str()),
        ("2024-01-01 00:00:00", "2099-12-31 23:59:59")
    );

    let path = common::random_file(dir.path(), "course.mp4", 120_000);
    let options = UploadOptions {
        definitions: vec![16, 1, 2],
        formats: vec![1, 4],
        ..Default::default()
    };
    let id = client.upload(&path, &options).unwrap().video_id;
    // Before transcoding only the source is stored.
    assert_eq!(used_storage(&client), 120_000);
    wait_transcoded(&emu, &client, id);
    let info = client.get_info(&GetInfo { video_id: id }).unwrap();
    assert_eq!(used_storage(&client), info.total_transcode_size);
    let all = [
        ("low", "mp4"),
        ("low", "m3u8"),
        ("std", "mp4"),
        ("std", "m3u8"),
        ("high", "mp4"),
        ("high", "m3u8"),
    ];
    assert_eq!(files(&info), pairs(&all));

    // A whole definition (2: "high" in getInfo).
    let removed = client
        .remove_definition(&RemoveDefinition {
            video_id: id,
            definition: id_list(&[2]),
            file_type: opt_ids(&[]),
        })
        .unwrap();
    assert_eq!(
        (
            removed.video_id,
            removed.definition.as_str(),
            removed.file_type.as_deref()
        ),
        (id, "2", None)
    );
    let info = client.get_info(&GetInfo { video_id: id }).unwrap();
    assert_eq!(files(&info), pairs(&all[..4]));
    assert_eq!(used_storage(&client), info.total_transcode_size);

    // mp4 goes last: refused while m3u8 of the same definition remains.
    assert_code(
        client
            .remove_definition(&RemoveDefinition {
                video_id: id,
                definition: id_list(&[1]),
                file_type: opt_ids(&[1]),
            })
            .unwrap_err(),
        ErrorKind::Provider,
        "1005",
    );
    let removed = client
        .remove_definition(&RemoveDefinition {
            video_id: id,
            definition: id_list(&[1]),
            file_type: opt_ids(&[4]),
        })
        .unwrap();
    assert_eq!(
        (removed.definition.as_str(), removed.file_type.as_deref()),
        ("1", Some("4"))
    );
    let removed = client
        .remove_definition(&RemoveDefinition {
            video_id: id,
            definition: id_list(&[1]),
            file_type: opt_ids(&[1]),
        })
        .unwrap();
    assert_eq!(
        (removed.video_id, removed.file_type.as_deref()),
        (id, Some("1"))
    );
    let info = client.get_info(&GetInfo { video_id: id }).unwrap();
    assert_eq!(files(&info), pairs(&all[..2]));
    // A definition that is gone cannot be removed again.
    assert_code(
        client
            .remove_definition(&RemoveDefinition {
                video_id: id,
                definition: id_list(&[1]),
                file_type: opt_ids(&[]),
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );

    // The source goes; the transcoded files stay.
    let pending = uploading_video(&client, "pending.mp4");
    assert_code(
        client
            .delete_origin_video(&DeleteOriginVideo {
                video_ids: id_list(&[id, pending]),
            })
            .unwrap_err(),
        ErrorKind::Provider,
        "1003",
    );
    assert_code(
        client
            .delete_origin_video(&DeleteOriginVideo {
                video_ids: id_list(&[id, 999_999]),
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
    assert_eq!(used_storage(&client), info.total_transcode_size);
    client
        .delete_origin_video(&DeleteOriginVideo {
            video_ids: id_list(&[id]),
        })
        .unwrap();
    assert_eq!(
        used_storage(&client),
        info.total_transcode_size - info.total_size
    );
    assert_eq!(
        client
            .get_status(&GetStatus { video_id: id })
            .unwrap()
            .status,
        100
    );
    // Without a source there is nothing to transcode again.
    assert_code(
        client
            .transcode_again(&TranscodeAgain {
                video_id: id,
                definition: id_list(&[16]),
                format: opt_ids(&[]),
            })
            .unwrap_err(),
        ErrorKind::Provider,
        "1003",
    );

    let err = client
        .call_raw_json(
            "video/removeDefinition",
            &json!({ "video_id": id, "definition": "3" }),
        )
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
    let err = client
        .call_raw_json("video/deleteOriginVideo", &json!({ "video_ids": "" }))
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
}

#[test]
fn video_list_pages_filters_and_categories() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let first = common::transcoded_video(&emu, &client, dir.path(), "一 intro.mp4");
    let second = uploading_video(&client, "二 basics.mp4");
    let top = client
        .add_category(&AddCategory {
            name: "课程".into(),
            parent_id: 0,
        })
        .unwrap()
        .id;
    let sub = client
        .add_category(&AddCategory {
            name: "第一章".into(),
            parent_id: top,
        })
        .unwrap()
        .id;
    client
        .set_video_category(&SetVideoCategory {
            video_id: first,
            category_id: sub,
        })
        .unwrap();

    // Newest first.
    let page = client.get_video_list(&GetVideoList::default()).unwrap();
    assert_eq!((page.total, page.page, page.page_size), (2, 1, 20));
    assert_eq!(
        page.list.iter().map(|v| v.video_id).collect::<Vec<_>>(),
        vec![second, first]
    );
    let pending = &page.list[0];
    assert_eq!(
        (
            pending.name.as_str(),
            pending.status,
            pending.total_size,
            pending.length
        ),
        ("二 basics.mp4", 10, 0, 0)
    );
    assert_eq!(pending.category.ids(), [0; 5]);
    let done = &page.list[1];
    assert_eq!(
        (
            done.status,
            done.total_size,
            done.length,
            done.publish_status
        ),
        (100, 64 * 1024, 1, 1)
    );
    assert!(done.preface_url.starts_with("https://"));
    assert_eq!(done.category.ids(), [top, sub, 0, 0, 0]);
    // create_time is a Beijing-time date string in this answer.
    let created = client
        .get_info(&GetInfo { video_id: first })
        .unwrap()
        .create_time
        .parse::<i64>()
        .unwrap();
    assert_eq!(done.create_time, format_datetime(created));
    assert_eq!(done.create_time.len(), 19);

    // The raw answer leaves `category` out for a video without one.
    let raw = client
        .call_raw_json("video/getVideoList", &json!({}))
        .unwrap();
    assert!(raw["list"][0].get("category").is_none());
    assert_eq!(raw["list"][1]["category"]["category_level2_id"], json!(sub));

    let page = client
        .get_video_list(&GetVideoList {
            page: Some(2),
            page_size: Some(1),
            ..Default::default()
        })
        .unwrap();
    assert_eq!((page.total, page.page, page.page_size), (2, 2, 1));
    assert_eq!(
        page.list.iter().map(|v| v.video_id).collect::<Vec<_>>(),
        vec![first]
    );
    let page = client
        .get_video_list(&GetVideoList {
            name: Some("basics".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        page.list.iter().map(|v| v.video_id).collect::<Vec<_>>(),
        vec![second]
    );

    // Two days later a third video; the time filter keeps only it.
    emu.baijiayun().clock().advance_ms(2 * 86_400_000);
    let third = uploading_video(&client, "三.mp4");
    let yesterday = format_datetime(emu.baijiayun().clock().now_secs() - 86_400);
    let page = client
        .get_video_list(&GetVideoList {
            create_time: Some(yesterday),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(
        page.list.iter().map(|v| v.video_id).collect::<Vec<_>>(),
        vec![third]
    );
    let page = client
        .get_video_list(&GetVideoList {
            create_time: Some("2000-01-01 00:00:00".into()),
            page_size: Some(1000),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.total, 3);

    let err = client
        .call_raw_json("video/getVideoList", &json!({ "create_time": "yesterday" }))
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
    let err = client
        .call_raw_json("video/getVideoList", &json!({ "page_size": 1001 }))
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
}

#[test]
fn transcode_again_goes_back_to_transcoding() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let id = common::transcoded_video(&emu, &client, dir.path(), "again.mp4");
    assert_eq!(
        files(&client.get_info(&GetInfo { video_id: id }).unwrap()).len(),
        6
    );

    let again = client
        .transcode_again(&TranscodeAgain {
            video_id: id,
            definition: id_list(&[8, 4]),
            format: opt_ids(&[1]),
        })
        .unwrap();
    assert_eq!((again.video_id, again.definition.as_str()), (id, "8,4"));
    assert_eq!(
        client
            .get_status(&GetStatus { video_id: id })
            .unwrap()
            .status,
        20
    );
    assert_eq!(emu.baijiayun().video(id).unwrap().status, 20);
    // Not twice at once.
    assert_code(
        client
            .transcode_again(&TranscodeAgain {
                video_id: id,
                definition: id_list(&[8]),
                format: opt_ids(&[]),
            })
            .unwrap_err(),
        ErrorKind::Provider,
        "1003",
    );

    wait_transcoded(&emu, &client, id);
    let info = client.get_info(&GetInfo { video_id: id }).unwrap();
    assert_eq!(files(&info), pairs(&[("1080p", "mp4"), ("super", "mp4")]));
    let images = client.get_image(&GetImage { video_id: id }).unwrap();
    assert_eq!((images.width, images.height), (1920, 1080));

    let pending = uploading_video(&client, "pending.mp4");
    assert_code(
        client
            .transcode_again(&TranscodeAgain {
                video_id: pending,
                definition: id_list(&[16]),
                format: opt_ids(&[]),
            })
            .unwrap_err(),
        ErrorKind::Provider,
        "1003",
    );
    assert_code(
        client
            .transcode_again(&TranscodeAgain {
                video_id: 999_999,
                definition: id_list(&[16]),
                format: opt_ids(&[]),
            })
            .unwrap_err(),
        ErrorKind::InvalidInput,
        "1001",
    );
    let err = client
        .call_raw_json("video/transcodeAgain", &json!({ "video_id": id }))
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
    let err = client
        .call_raw_json(
            "video/transcodeAgain",
            &json!({ "video_id": id, "definition": "16", "format": "8" }),
        )
        .unwrap_err();
    assert_code(err, ErrorKind::InvalidInput, "1001");
}

#[test]
fn invalid_input_is_refused_before_any_request() {
    let emu = common::emulator();
    let client = common::client(&emu);
    let before = emu.baijiayun().total_requests();
    let errors = [
        client
            .remove_definition(&RemoveDefinition {
                video_id: 1,
                definition: id_list(&[]),
                file_type: opt_ids(&[]),
            })
            .unwrap_err(),
        client
            .remove_definition(&RemoveDefinition {
                video_id: 1,
                definition: id_list(&[3]),
                file_type: opt_ids(&[]),
            })
            .unwrap_err(),
        client
            .remove_definition(&RemoveDefinition {
                video_id: 1,
                definition: id_list(&[16]),
                file_type: opt_ids(&[16]),
            })
            .unwrap_err(),
        client
            .delete_origin_video(&DeleteOriginVideo {
                video_ids: id_list(&[]),
            })
            .unwrap_err(),
        client
            .update(&Update {
                video_id: 1,
                name: Some("  ".into()),
            })
            .unwrap_err(),
        client
            .get_player_token_batch(&GetPlayerTokenBatch {
                video_ids: id_list(&[]),
                expires_in: 60,
                product_type: None,
            })
            .unwrap_err(),
        client
            .get_player_token_batch(&GetPlayerTokenBatch {
                video_ids: id_list(&[1]),
                expires_in: -1,
                product_type: None,
            })
            .unwrap_err(),
        client
            .get_player_token_batch(&GetPlayerTokenBatch {
                video_ids: id_list(&[1]),
                expires_in: 60,
                product_type: Some(6),
            })
            .unwrap_err(),
        client
            .set_publish_status(&SetPublishStatus {
                video_id: 1,
                status: 0,
            })
            .unwrap_err(),
        client
            .get_video_list(&GetVideoList {
                page: Some(0),
                ..Default::default()
            })
            .unwrap_err(),
        client
            .get_video_list(&GetVideoList {
                page_size: Some(1001),
                ..Default::default()
            })
            .unwrap_err(),
        client
            .get_video_list(&GetVideoList {
                page_size: Some(0),
                ..Default::default()
            })
            .unwrap_err(),
        client
            .transcode_again(&TranscodeAgain {
                video_id: 1,
                definition: id_list(&[]),
                format: opt_ids(&[1]),
            })
            .unwrap_err(),
        client
            .transcode_again(&TranscodeAgain {
                video_id: 1,
                definition: id_list(&[16]),
                format: opt_ids(&[8]),
            })
            .unwrap_err(),
    ];
    for err in errors {
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
        assert_eq!(err.provider_code(), None);
    }
    assert_eq!(emu.baijiayun().total_requests(), before);
}

/// Ids as the provider takes them: comma-separated text.
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// Optional ids: none given, nothing sent.
fn opt_ids(list: &[i64]) -> Option<String> {
    (!list.is_empty()).then(|| id_list(list))
}
