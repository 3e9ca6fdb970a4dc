//! Every 趣视频 console operation against the emulator, answers checked
//! field by field; filters and paging; operations that really change the
//! stored videos and recommendations.

mod quvideo_support;

use quvideo_support::{client, emulator};
use serde_json::json;
use vodkit::quvideo::models::*;
use vodkit::quvideo::{AuditStatus, CreateAudit, GetRecommendVideos, GetVideos, RecommendVideo};
use vodkit::ErrorKind;

#[test]
fn get_videos_reads_every_field() {
    let emu = emulator();
    let c = client(&emu);
    let page = c
        .get_videos(&GetVideos {
            video_id: Some("vid003".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.total, 1);
    let v = &page.video_list[0];
    assert_eq!(v.id, "3");
    assert_eq!(v.video_id, "vid003");
    assert_eq!(v.title, "test video 3");
    assert_eq!(v.description, "sample video number 3");
    assert_eq!(v.duration, 13.0);
    assert_eq!(
        v.cover_url,
        "https://example.aliyundoc.com/vid003/cover.png"
    );
    assert_eq!(v.creation_time, "2019-01-03 10:00:00.0");
    assert_eq!(v.status, "Normal");
    assert_eq!(
        v.first_frame_url,
        "https://example.aliyundoc.com/vid003/first.jpg"
    );
    assert_eq!(v.size, 3000);
    assert_eq!(v.cate_id, "12");
    assert_eq!(v.cate_name, "funny");
    assert_eq!(v.tags, "测试,sample");
    assert_eq!(v.share_url, "");
    let user = v.user.as_ref().unwrap();
    assert_eq!(user.user_id, "2434793223202");
    assert_eq!(user.user_name, "Anne");
    assert_eq!(
        user.avatar_url,
        "https://example.aliyundoc.com/avatar/2434793223202.png"
    );
    assert_eq!(v.transcode_status, "");
    assert_eq!(v.snapshot_status, "success");
    assert_eq!(v.censor_status, "onCensor");
    assert_eq!(v.narrow_transcode_status, "");
    assert_eq!(
        v.snapshot_list,
        [
            "http://sample/covers/vid003.jpg",
            "http://sample/covers/sprite/vid003.jpg"
        ]
    );
    // Served by the emulator (with Range), so a video can be copied.
    assert_eq!(v.file_url_list.len(), 1);
    assert!(
        v.file_url_list[0].ends_with("/quvideo/media/vid003/video.mp4"),
        "{:?}",
        v.file_url_list
    );
    assert_eq!(v.is_narrow, None);
}

#[test]
fn filters_and_paging() {
    let emu = emulator();
    let c = client(&emu);
    // Page 1 is the first; newest first; pageSize honoured; total counts all.
    let first = c
        .get_videos(&GetVideos {
            page_index: 1,
            page_size: 3,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(first.total, 7);
    let ids: Vec<&str> = first
        .video_list
        .iter()
        .map(|v| v.video_id.as_str())
        .collect();
    assert_eq!(ids, ["vid007", "vid006", "vid005"]);
    let third = c
        .get_videos(&GetVideos {
            page_index: 3,
            page_size: 3,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(third.video_list.len(), 1);
    assert_eq!(third.video_list[0].video_id, "vid001");
    let count = |q: GetVideos| c.get_videos(&q).unwrap().total;
    assert_eq!(
        count(GetVideos {
            censor_status: Some("onCensor".into()),
            ..Default::default()
        }),
        4
    );
    assert_eq!(
        count(GetVideos {
            user_id: Some("2434793223203".into()),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        count(GetVideos {
            user_name: Some("Anne".into()),
            ..Default::default()
        }),
        4
    );
    assert_eq!(
        count(GetVideos {
            title: Some("video 5".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(GetVideos {
            start_time: Some("2019-01-02 00:00:00".into()),
            end_time: Some("2019-01-04 23:59:59".into()),
            ..Default::default()
        }),
        3
    );
    // Every list went out once (the emulator refuses one without paging).
    assert_eq!(emu.quvideo().request_count("/console/vod/getVideos"), 7);
}

#[test]
fn audit_changes_what_get_videos_filters_on() {
    let emu = emulator();
    let c = client(&emu);
    c.create_audit(&CreateAudit::block("vid002", "spam in the title"))
        .unwrap();
    let mut pass = CreateAudit::pass("vid001");
    pass.comment = Some("fine".into());
    c.create_audit(&pass).unwrap();
    let blocked = c
        .get_videos(&GetVideos {
            censor_status: Some("Blocked".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(blocked.total, 1);
    assert_eq!(blocked.video_list[0].video_id, "vid002");
    assert_eq!(
        c.get_video_by_id(&GetVideoById {
            video_id: "vid001".into()
        })
        .unwrap()
        .censor_status,
        "Normal"
    );
    let audits = emu.quvideo().audits();
    assert_eq!(audits[0].reason, "spam in the title");
    assert_eq!(audits[0].status, "Blocked");
    assert_eq!(audits[1].comment, "fine");
    // The generic call takes the same parameters by the AppServer's names.
    c.call_json(
        "createAudit",
        &json!({"mediaId": "vid003", "status": "Blocked", "reason": "违规"}),
    )
    .unwrap();
    assert_eq!(
        emu.quvideo().video("vid003").unwrap().censor_status,
        "Blocked"
    );
}

#[test]
fn get_video_by_id_and_transcodes() {
    let emu = emulator();
    let c = client(&emu);
    c.submit_transcode(&SubmitTranscode {
        media_id: "vid004".into(),
    })
    .unwrap();
    c.submit_tab_transcode(&SubmitTabTranscode {
        media_id: "vid004".into(),
    })
    .unwrap();
    let v = c
        .get_video_by_id(&GetVideoById {
            video_id: "vid004".into(),
        })
        .unwrap();
    assert_eq!(v.video_id, "vid004");
    assert_eq!(v.user.unwrap().user_name, "Bob");
    assert_eq!(v.transcode_status, "success");
    assert_eq!(v.narrow_transcode_status, "success");
    let err = c
        .get_video_by_id(&GetVideoById {
            video_id: "nope".into(),
        })
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.provider_code()),
        (ErrorKind::InvalidInput, Some("300"))
    );
}

#[test]
fn recommendations_are_added_listed_and_removed() {
    let emu = emulator();
    let c = client(&emu);
    c.recommend_video(&RecommendVideo {
        video_id: "vid005".into(),
        title: Some("editor's pick".into()),
        is_narrow: Some("true".into()),
        is_cache: Some("false".into()),
        ..Default::default()
    })
    .unwrap();
    c.recommend_video(&RecommendVideo {
        video_id: "vid006".into(),
        ..Default::default()
    })
    .unwrap();
    let page = c
        .get_recommend_videos(&GetRecommendVideos {
            page_size: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!((page.total, page.now_total), (2, 1));
    assert_eq!(page.video_list.len(), 1);
    let pick = c
        .get_recommend_video_by_id(&GetRecommendVideoById {
            video_id: "vid005".into(),
        })
        .unwrap();
    assert_eq!(pick.title, "editor's pick");
    assert_eq!(pick.description, "sample video number 5");
    assert_eq!(pick.is_narrow.as_deref(), Some("true"));
    assert_eq!(pick.is_cache.as_deref(), Some("false"));
    c.delete_recommend_by_id(&DeleteRecommendById {
        video_id: "vid005".into(),
    })
    .unwrap();
    let page = c
        .get_recommend_videos(&GetRecommendVideos::default())
        .unwrap();
    assert_eq!((page.total, page.now_total), (1, 1));
    assert_eq!(page.video_list[0].video_id, "vid006");
    let err = c
        .delete_recommend_by_id(&DeleteRecommendById {
            video_id: "vid005".into(),
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn cache_pushes_go_newline_joined() {
    let emu = emulator();
    let c = client(&emu);
    c.push_object_cache(&PushObjectCache {
        object_path: vec![
            "example.com/image/1.png".into(),
            "example.com/video/2.mp4".into(),
        ],
    })
    .unwrap();
    assert_eq!(
        emu.quvideo().cache_pushes(),
        ["example.com/image/1.png", "example.com/video/2.mp4"]
    );
}

#[test]
fn delete_removes_the_video() {
    let emu = emulator();
    let c = client(&emu);
    c.delete_video_by_id(&DeleteVideoById {
        video_id: "vid007".into(),
        user_id: Some("2434793223202".into()),
    })
    .unwrap();
    assert!(emu.quvideo().video("vid007").is_none());
    assert_eq!(c.get_videos(&GetVideos::default()).unwrap().total, 6);
    c.delete_video_by_id(&DeleteVideoById {
        video_id: "vid006".into(),
        user_id: None,
    })
    .unwrap();
    let err = c
        .delete_video_by_id(&DeleteVideoById {
            video_id: "vid006".into(),
            user_id: None,
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn the_neutral_client_reaches_every_operation() {
    let emu = emulator();
    let c = vodkit::Client::new(
        "quvideo",
        &json!({
            "base_url": emu.provider_url("quvideo"),
            "user_name": emu.quvideo().config.user_name,
            "password": emu.quvideo().config.password,
        }),
    )
    .unwrap();
    let names: Vec<String> = c.operations().into_iter().map(|o| o.name).collect();
    for name in [
        "getVideos",
        "getVideoById",
        "getRecommendVideos",
        "getRecommendVideoById",
        "submitTranscode",
        "submitTabTranscode",
        "createAudit",
        "recommendVideo",
        "pushObjectCache",
        "deleteVideoById",
        "deleteRecommendById",
        "login",
        "signOut",
        "refreshToken",
    ] {
        assert!(names.iter().any(|n| n == name), "{name} missing");
    }
    let token = c.call("login", &json!({})).unwrap();
    assert_eq!(token["consoleToken"].as_str().unwrap().len(), 32);
    let page = c
        .call("getVideos", &json!({"pageIndex": 2, "pageSize": 5}))
        .unwrap();
    assert_eq!(page["total"], 7);
    assert_eq!(page["videoList"].as_array().unwrap().len(), 2);
    assert!(page["videoList"][0]["SnapshotList"].is_array());
    assert!(page["videoList"][0]["fileUrlList"].is_array());
    c.call(
        "pushObjectCache",
        &json!({"objectPath": ["a.com/1", "a.com/2"]}),
    )
    .unwrap();
    let refreshed = c.call("refreshToken", &json!({})).unwrap();
    assert_ne!(refreshed["consoleToken"], token["consoleToken"]);
    c.call("getVideoById", &json!({"videoId": "vid001"}))
        .unwrap();
    assert_eq!(
        emu.quvideo().login_requests(),
        1,
        "the refreshed token is used"
    );
    c.call("signOut", &json!(null)).unwrap();
    assert_eq!(emu.quvideo().live_tokens(), 0);
    let err = c
        .upload(
            vodkit::upload::Source::from_bytes(b"x".to_vec(), "x.mp4").unwrap(),
            &json!(null),
            vodkit::upload::UploadHooks::new(),
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("not supported"), "{err}");
    let err = c.call("console/vod/somethingElse", &json!({})).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn the_catalog_has_the_settled_methods() {
    use vodkit::api::Method;
    for op in vodkit::quvideo::CATALOG {
        let want = match op.name {
            "getVideos" | "getVideoById" | "getRecommendVideos" | "getRecommendVideoById" => {
                Method::Get
            }
            _ => Method::Post,
        };
        assert_eq!(op.method, want, "{}", op.name);
        assert!(op.file_field.is_none());
        let prefix = if ["login", "signOut", "refreshToken"].contains(&op.name) {
            "console/user/"
        } else {
            "console/vod/"
        };
        assert_eq!(op.path, format!("{prefix}{}", op.name));
    }
    assert_eq!(vodkit::quvideo::CATALOG.len(), 14);
    let _ = AuditStatus::Normal;
}
