//! iQiyi management against the emulator, answers checked field by field:
//! authorize, refresh, fullStatus through its states, the video list,
//! urllist (URLs that download the bytes), delete; bad input refused
//! before any request; the neutral client.

mod common;

use common::iqiyi::{client, config, emulator, published};
use serde_json::json;
use vodkit::iqiyi::models::{oauth::*, video::*};
use vodkit::iqiyi::{
    Client, Config, Definition, DeleteFiles, FullStatus, UploadOptions, VideoListForExternal,
    VideoState,
};
use vodkit::ErrorKind;

#[test]
fn authorize_and_refresh_give_and_adopt_token_pairs() {
    let emu = emulator();
    let client = client(&emu);
    let grant = client.authorize(&Authorize {}).unwrap();
    assert_eq!(grant.access_token.len(), 32);
    assert_eq!(grant.refresh_token.len(), 32);
    assert_eq!(grant.expires_in, 3600);
    assert_eq!(client.tokens().access_token.expose(), grant.access_token);
    assert!(!format!("{grant:?}").contains(&grant.access_token));
    let next = client.refresh_token(&RefreshToken::default()).unwrap();
    assert_ne!(next.access_token, grant.access_token);
    assert_eq!(client.tokens().refresh_token.expose(), next.refresh_token);
    // The spent refresh token is refused.
    let err = client
        .call(&vodkit::iqiyi::RefreshToken {
            refresh_token: Some(grant.refresh_token.clone()),
        })
        .unwrap_err();
    assert_eq!(err.provider_code(), Some("A21332"));
    let stats = emu.iqiyi().token_stats();
    assert_eq!((stats.authorized, stats.refreshed), (1, 1));

    // A wrong secret is A21324, an auth error.
    let bad = Client::new(
        Config::new(emu.iqiyi().config.client_id.clone(), "wrong")
            .base_url(emu.provider_url("iqiyi")),
    )
    .unwrap();
    let err = bad.authorize(&Authorize {}).unwrap_err();
    assert_eq!(
        (err.kind(), err.provider_code()),
        (ErrorKind::Auth, Some("A21324"))
    );
    assert!(!err.to_string().contains("wrong"));
}

#[test]
fn a_stored_token_pair_is_used_then_refreshed_on_expiry() {
    let emu = emulator();
    let first = client(&emu);
    let grant = first.authorize(&Authorize {}).unwrap();
    let mut c = Config::default();
    c.client_id = emu.iqiyi().config.client_id.clone();
    let c = c
        .tokens(grant.access_token.as_str(), grant.refresh_token.as_str())
        .base_url(emu.provider_url("iqiyi"));
    let client = Client::new(c).unwrap();
    let page = client.video_list(&VideoListForExternal::default()).unwrap();
    assert_eq!(page.count, 0);
    emu.iqiyi().expire_tokens();
    client.video_list(&VideoListForExternal::default()).unwrap();
    assert_eq!(emu.iqiyi().token_stats().refreshed, 1);
    assert_eq!(
        emu.iqiyi().token_stats().authorized,
        1,
        "no secret: refresh only"
    );
}

#[test]
fn full_status_moves_through_the_states_and_urllist_downloads_the_bytes() {
    let emu = emulator();
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "s.mp4", 100_000);
    let up = client.upload(&path, &UploadOptions::default()).unwrap();
    let status = client
        .full_status(&FullStatus {
            file_id: up.file_id.clone(),
        })
        .unwrap();
    assert_eq!(
        (status.state, status.code.as_str()),
        (VideoState::Publishing, "A00001")
    );
    assert!(status.urllist.mp4.is_empty());
    emu.iqiyi().clock().advance_ms(5_000);
    let status = client
        .full_status(&FullStatus {
            file_id: up.file_id.clone(),
        })
        .unwrap();
    assert_eq!(status.state, VideoState::Done);
    assert!(status.img.unwrap().ends_with("cover.jpg"));
    assert!(status.thumbnail.is_some() && status.swfurl.is_some());
    assert!(!status.is_repeat);
    let defs: Vec<i64> = status.urllist.m3u8.iter().map(|u| u.definition).collect();
    assert_eq!(defs, [96, 1, 2]);

    let urls = client
        .url_list(&UrlList {
            file_id: up.file_id.clone(),
        })
        .unwrap();
    assert_eq!(urls.mp4.len(), 2);
    assert_eq!(urls.mp4[0].name, Some(Definition::Smooth));
    assert_eq!(urls.m3u8[0].name, Some(Definition::Fastest));
    let mp4 = urls.url("mp4", 1).unwrap().unwrap();
    let bytes = common::http_get(mp4).unwrap().bytes().unwrap();
    assert_eq!(bytes.as_ref(), std::fs::read(&path).unwrap().as_slice());
    let m3u8 = urls.url("m3u8", 96).unwrap().unwrap();
    let playlist = common::http_get(m3u8).unwrap().text().unwrap();
    assert!(playlist.starts_with("#EXTM3U"));
    assert_eq!(urls.url("m3u8", 5).unwrap(), None);
    assert_eq!(
        urls.url("mp4", 7).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    assert_eq!(
        Definition::from_code(7).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );

    // The same bytes again: a duplicate upload.
    let again = client.upload(&path, &UploadOptions::default()).unwrap();
    emu.iqiyi().clock().advance_ms(5_000);
    let status = client
        .full_status(&FullStatus {
            file_id: again.file_id.clone(),
        })
        .unwrap();
    assert_eq!(status.state, VideoState::PublishFailed);
    assert!(status.is_repeat);
    assert_eq!(status.file_id_before.as_deref(), Some(up.file_id.as_str()));

    // An unknown file is a state, not an error.
    let status = client
        .full_status(&FullStatus {
            file_id: "0123abcd".into(),
        })
        .unwrap();
    assert_eq!(status.state, VideoState::Missing);
}

#[test]
fn the_video_list_pages_and_filters() {
    let emu = emulator();
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let ids: Vec<String> = (0..3)
        .map(|i| published(&emu, &client, dir.path(), &format!("l{i}.mp4"), 1000 + i))
        .collect();
    let page = client
        .video_list(&VideoListForExternal {
            page_size: Some(2),
            page: Some(1),
            ..Default::default()
        })
        .unwrap();
    assert_eq!((page.count, page.videos.len()), (3, 2));
    let page2 = client
        .video_list(&VideoListForExternal {
            page_size: Some(2),
            page: Some(2),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page2.videos.len(), 1);
    let one = client
        .video_list(&VideoListForExternal {
            file_ids: Some(ids[1].clone()),
            ..Default::default()
        })
        .unwrap();
    let v = &one.videos[0];
    assert_eq!(v.file_id, ids[1]);
    assert_eq!(v.file_name, "l1.mp4");
    assert_eq!(v.file_size, 1001, "a number sent as a string");
    assert_eq!(v.file_status, 2);
    assert_eq!(v.duration, 10, "the key with a leading space");
    assert!(v.img.ends_with("cover.jpg") && v.page_url.ends_with("page.html"));
    assert!(v.create_time > 0);

    for bad in [
        VideoListForExternal {
            page_size: Some(101),
            ..Default::default()
        },
        VideoListForExternal {
            page: Some(0),
            ..Default::default()
        },
        VideoListForExternal {
            file_ids: Some("a b".into()),
            ..Default::default()
        },
    ] {
        let before = emu.iqiyi().controls.requests.total();
        assert_eq!(
            client.video_list(&bad).unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
        assert_eq!(
            emu.iqiyi().controls.requests.total(),
            before,
            "no request sent"
        );
    }
}

#[test]
fn delete_listed_and_all() {
    let emu = emulator();
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let a = published(&emu, &client, dir.path(), "a.mp4", 10);
    let b = published(&emu, &client, dir.path(), "b.mp4", 11);
    client
        .delete(&DeleteFiles {
            delete_type: 1,
            file_ids: Some([a.as_str()].join(",")),
        })
        .unwrap();
    assert!(emu.iqiyi().file(&a).unwrap().deleted);
    assert!(!emu.iqiyi().file(&b).unwrap().deleted);
    let st = client
        .full_status(&FullStatus { file_id: a.clone() })
        .unwrap();
    assert_eq!(st.state, VideoState::Missing);
    client.delete_all().unwrap();
    assert!(emu.iqiyi().file(&b).unwrap().deleted);
    for bad in [
        DeleteFiles {
            delete_type: 2,
            file_ids: None,
        },
        DeleteFiles {
            delete_type: 1,
            file_ids: None,
        },
        DeleteFiles {
            delete_type: 1,
            file_ids: Some(String::new()),
        },
    ] {
        assert_eq!(
            client.call(&bad).unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
    }
    assert_eq!(
        client
            .delete(&DeleteFiles {
                delete_type: 1,
                file_ids: Some(String::new())
            })
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
}

#[test]
fn empty_credentials_and_bad_config_are_refused() {
    let emu = emulator();
    let url = emu.provider_url("iqiyi");
    for config in [
        Config::new("", "secret").base_url(url.clone()),
        Config::new("id", "").base_url(url.clone()),
        Config::new("id", "s").base_url("ftp://x"),
        Config::new("id", "s").base_url(url.clone()).concurrency(0),
        Config::new("id", "s")
            .base_url(url.clone())
            .host("cdn", "http://x"),
    ] {
        assert_eq!(
            Client::new(config).unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
    }
    for json in [
        json!({"client_id": "id"}),
        json!({"client_id": "id", "client_secret": "s", "typo": 1}),
        json!({"client_id": "id", "client_secret": 5}),
    ] {
        let err = vodkit::Client::new("iqiyi", &json).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{json}");
    }
    assert_eq!(emu.iqiyi().controls.requests.total(), 0);
    let dbg = format!("{:?}", config(&emu));
    assert!(!dbg.contains(&emu.iqiyi().config.client_secret), "{dbg}");
}

#[test]
fn the_neutral_client_reaches_every_operation() {
    let emu = emulator();
    let s = emu.iqiyi();
    let client = vodkit::Client::new(
        "iqiyi",
        &json!({
            "client_id": s.config.client_id,
            "client_secret": s.config.client_secret,
            "base_url": emu.provider_url("iqiyi"),
        }),
    )
    .unwrap();
    let names: Vec<String> = client.operations().into_iter().map(|o| o.name).collect();
    assert_eq!(names.len(), 10);
    assert!(client.credentials().unwrap()["access_token"] == "");
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "n.mp4", 3000);
    let up = client
        .upload(
            &path,
            &json!({"part_size": 1000, "concurrency": 2}),
            Default::default(),
        )
        .unwrap();
    let file_id = up["file_id"].as_str().unwrap().to_owned();
    assert_eq!(up["bytes"], 3000);
    let creds = client.credentials().unwrap();
    assert_eq!(creds["access_token"].as_str().unwrap().len(), 32);
    assert_eq!(creds["expires_in"], 3600);
    s.clock().advance_ms(10_000);
    let st = client
        .call("file/fullStatus", &json!({"file_id": file_id}))
        .unwrap();
    assert_eq!(st["state"], "done");
    assert_eq!(st["urllist"]["mp4"][0]["definition"], 1);
    let urls = client
        .call("file/urllist", &json!({"file_id": file_id}))
        .unwrap();
    assert_eq!(urls["m3u8"][0]["name"], "fastest");
    let err = client
        .call("file/videoListForExternal", &json!({"page_size": 101}))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    client
        .call(
            "file/delete",
            &json!({"delete_type": 1, "file_ids": file_id}),
        )
        .unwrap();
    let err = client.call("file/nope", &json!({})).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = client
        .upload(&path, &json!({"bogus": 1}), Default::default())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn a_token_about_to_expire_is_refreshed_before_the_call() {
    let emu = vodkit_emulator::Emulator::start(vodkit_emulator::iqiyi::Config {
        token_ttl_secs: 2,
        ..Default::default()
    })
    .unwrap();
    let client = client(&emu);
    client.authorize(&Authorize {}).unwrap();
    // Renewed at half its life at the latest (the margin is 60 s, the life 2 s).
    std::thread::sleep(std::time::Duration::from_millis(1100));
    client.video_list(&VideoListForExternal::default()).unwrap();
    let stats = emu.iqiyi().token_stats();
    assert_eq!((stats.authorized, stats.refreshed), (1, 1));
    let counts = emu.iqiyi().controls.requests.counts();
    assert_eq!(
        counts.get("/openapi/api/file/videoListForExternal"),
        Some(&1),
        "sent once, with the fresh token: {counts:?}"
    );
}
