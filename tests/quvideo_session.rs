//! The 趣视频 console session: login on demand, one re-login on expiry,
//! token-only clients, bad passwords and the lockout, input refused before
//! sending, GET never sent to a POST-only operation, and no secret in any
//! error, Debug text or log line.

mod quvideo_support;

use std::sync::Mutex;

use quvideo_support::{client, client_with_password, emulator, emulator_with, token_client};
use serde_json::json;
use vodkit::quvideo::models::*;
use vodkit::quvideo::{Client, Config, CreateAudit, GetVideos};
use vodkit::ErrorKind;

/// Every log line of this test binary, to look for secrets in.
static LINES: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata) -> bool {
        true
    }
    fn log(&self, record: &log::Record) {
        LINES.lock().unwrap().push(format!(
            "{} {}: {}",
            record.level(),
            record.target(),
            record.args()
        ));
    }
    fn flush(&self) {}
}

fn capture_logs() {
    let _ = log::set_logger(&Capture);
    log::set_max_level(log::LevelFilter::Trace);
}

fn assert_clean(text: &str, secrets: &[&str]) {
    for s in secrets {
        assert!(!text.contains(s), "{s:?} leaked into {text:?}");
    }
}

#[test]
fn the_first_call_logs_in_and_the_token_is_reused() {
    let emu = emulator();
    let c = client(&emu);
    c.get_videos(&GetVideos::default()).unwrap();
    c.get_video_by_id(&GetVideoById {
        video_id: "vid001".into(),
    })
    .unwrap();
    assert_eq!(emu.quvideo().login_requests(), 1);
}

#[test]
fn an_expired_token_means_one_re_login_and_the_call_succeeds() {
    let emu = emulator();
    let c = client(&emu);
    c.get_videos(&GetVideos::default()).unwrap();
    // Expired on demand (301) ...
    emu.quvideo().expire_tokens();
    c.get_video_by_id(&GetVideoById {
        video_id: "vid002".into(),
    })
    .unwrap();
    assert_eq!(emu.quvideo().login_requests(), 2);
    // ... on the emulated clock (301) ...
    emu.quvideo().clock().advance_ms(3 * 3600 * 1000);
    c.submit_transcode(&SubmitTranscode {
        media_id: "vid002".into(),
    })
    .unwrap();
    assert_eq!(emu.quvideo().login_requests(), 3);
    // ... or forgotten by the server (the bare 403).
    emu.quvideo().revoke_tokens();
    c.get_videos(&GetVideos::default()).unwrap();
    assert_eq!(emu.quvideo().login_requests(), 4);
    assert_eq!(
        emu.quvideo().request_count("/console/vod/getVideos"),
        3,
        "one failed attempt, then one after the re-login"
    );
}

#[test]
fn a_token_only_client_never_logs_in() {
    let emu = emulator();
    let token = client(&emu).login(&Login {}).unwrap().console_token;
    let c = token_client(&emu, &token);
    assert_eq!(c.get_videos(&GetVideos::default()).unwrap().total, 7);
    emu.quvideo().expire_tokens();
    let err = c.get_videos(&GetVideos::default()).unwrap_err();
    assert_eq!(
        (err.kind(), err.provider_code()),
        (ErrorKind::Auth, Some("301"))
    );
    emu.quvideo().revoke_tokens();
    let err = c
        .get_video_by_id(&GetVideoById {
            video_id: "vid001".into(),
        })
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.provider_code()),
        (ErrorKind::Auth, Some("403"))
    );
    assert_eq!(err.message(), "Please log in the system!");
    assert_eq!(
        emu.quvideo().login_requests(),
        1,
        "only the first client's login"
    );
    // Asked to log in explicitly, it has nothing to log in with: no request.
    let err = c.login(&Login {}).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Auth);
    assert_eq!(emu.quvideo().login_requests(), 1);
}

#[test]
fn a_wrong_password_is_auth_401() {
    let emu = emulator();
    let c = client_with_password(&emu, "wrong");
    let err = c.get_videos(&GetVideos::default()).unwrap_err();
    assert_eq!(
        (err.kind(), err.provider_code()),
        (ErrorKind::Auth, Some("401"))
    );
    assert_eq!(emu.quvideo().request_count("/console/vod/getVideos"), 0);
}

#[test]
fn five_wrong_passwords_lock_the_account_and_the_client_stops() {
    let emu = emulator();
    let c = client_with_password(&emu, "wrong");
    for _ in 0..4 {
        let err = c.get_videos(&GetVideos::default()).unwrap_err();
        assert_eq!(err.provider_code(), Some("401"));
    }
    let err = c.get_videos(&GetVideos::default()).unwrap_err();
    assert_eq!(
        (err.kind(), err.provider_code()),
        (ErrorKind::Auth, Some("411"))
    );
    assert!(emu.quvideo().is_locked());
    assert_eq!(emu.quvideo().login_requests(), 5);
    for _ in 0..3 {
        let err = c
            .get_video_by_id(&GetVideoById {
                video_id: "vid001".into(),
            })
            .unwrap_err();
        assert_eq!(
            (err.kind(), err.provider_code()),
            (ErrorKind::Auth, Some("411"))
        );
        let err = c.login(&Login {}).unwrap_err();
        assert_eq!(err.provider_code(), Some("411"));
    }
    assert_eq!(
        emu.quvideo().login_requests(),
        5,
        "no login after the lockout"
    );
    // Locked for the right password too, until the lock runs out.
    let err = client(&emu).login(&Login {}).unwrap_err();
    assert_eq!(err.provider_code(), Some("411"));
    emu.quvideo().clock().advance_ms(31 * 60 * 1000);
    client(&emu).login(&Login {}).unwrap();
}

#[test]
fn sign_out_ends_the_session_and_the_next_call_logs_in_again() {
    let emu = emulator();
    let c = client(&emu);
    c.login(&Login {}).unwrap();
    assert_eq!(emu.quvideo().live_tokens(), 1);
    c.sign_out(&SignOut {}).unwrap();
    assert_eq!(emu.quvideo().live_tokens(), 0);
    let err = c.sign_out(&SignOut {}).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Auth, "no session to sign out of");
    c.get_videos(&GetVideos::default()).unwrap();
    assert_eq!(emu.quvideo().login_requests(), 2);
}

#[test]
fn bad_input_is_refused_before_sending() {
    let emu = emulator();
    let c = client(&emu);
    let long = "x".repeat(129);
    let mut multibyte = CreateAudit::block("vid001", &"违".repeat(43)); // 129 bytes
    for audit in [
        CreateAudit::block("vid001", &long),
        CreateAudit::block("vid001", ""),
        CreateAudit::pass(" "),
    ] {
        let err = c.create_audit(&audit).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{audit:?}");
    }
    assert_eq!(
        c.create_audit(&multibyte).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    multibyte.reason = Some("违".repeat(42)); // 126 bytes: fine
    let errs = [
        c.get_video_by_id(&GetVideoById {
            video_id: "".into(),
        })
        .unwrap_err(),
        c.get_recommend_video_by_id(&GetRecommendVideoById {
            video_id: "  ".into(),
        })
        .unwrap_err(),
        c.submit_transcode(&SubmitTranscode {
            media_id: "".into(),
        })
        .unwrap_err(),
        c.submit_tab_transcode(&SubmitTabTranscode {
            media_id: "".into(),
        })
        .unwrap_err(),
        c.delete_video_by_id(&DeleteVideoById {
            video_id: "".into(),
            user_id: None,
        })
        .unwrap_err(),
        c.delete_recommend_by_id(&DeleteRecommendById {
            video_id: "".into(),
        })
        .unwrap_err(),
        c.push_object_cache(&PushObjectCache {
            object_path: vec![],
        })
        .unwrap_err(),
        c.push_object_cache(&PushObjectCache {
            object_path: vec!["a\nb".into()],
        })
        .unwrap_err(),
        c.get_videos(&GetVideos {
            page_index: 0,
            ..Default::default()
        })
        .unwrap_err(),
        c.get_videos(&GetVideos {
            page_size: 0,
            ..Default::default()
        })
        .unwrap_err(),
        c.call_json(
            "createAudit",
            &json!({"mediaId": "vid001", "status": "Deleted"}),
        )
        .unwrap_err(),
        c.call_json("getVideos", &json!({"pageNo": 1})).unwrap_err(),
    ];
    for err in errs {
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    }
    assert_eq!(
        emu.quvideo().controls.requests.total(),
        0,
        "nothing was sent"
    );
    c.create_audit(&multibyte).unwrap();
}

#[test]
fn post_only_operations_are_never_sent_as_get() {
    let emu = emulator();
    let c = client(&emu);
    c.create_audit(&CreateAudit::pass("vid001")).unwrap();
    c.submit_transcode(&SubmitTranscode {
        media_id: "vid001".into(),
    })
    .unwrap();
    // The typed and generic calls both take the catalog's method; a GET to a
    // POST-only path is what the server refuses (HTTP 405).
    // (reqwest has no TLS backend of its own here: vodkit's settings.)
    let http = reqwest::blocking::Client::builder()
        .tls_backend_preconfigured(vodkit::http::tls::client_config(&[]).unwrap())
        .build()
        .unwrap();
    let raw = http
        .get(format!(
            "{}/console/vod/createAudit?mediaId=vid001&status=Normal",
            emu.provider_url("quvideo")
        ))
        .send()
        .unwrap();
    assert_eq!(raw.status().as_u16(), 405);
    // The generic call sends what the catalog says (a GET would be 405 too).
    c.call_json(
        "createAudit",
        &json!({"mediaId": "vid002", "status": "Normal"}),
    )
    .unwrap();
    c.call_json("getVideos", &json!({})).unwrap();
}

#[test]
fn path_overrides_and_token_param_are_configurable() {
    let emu = emulator();
    let mut config = quvideo_support::config(&emu);
    config.token_param = "consoletoken".into(); // the document's spelling
    let err = Client::new(config)
        .unwrap()
        .get_videos(&GetVideos::default())
        .unwrap_err();
    assert_eq!(
        err.provider_code(),
        Some("403"),
        "the AppServer reads consoleToken only"
    );
    let config = quvideo_support::config(&emu).path_override("nope", "x");
    assert_eq!(
        Client::new(config).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    for bad in [
        json!({"base_url": "http://x"}),
        json!({"user_name": "a", "password": "b"}),
        json!({"base_url": "http://x", "user_name": "a", "password": "b", "partner_key": "k"}),
    ] {
        let err = vodkit::Client::new("quvideo", &bad).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad}");
    }
}

#[test]
fn no_secret_in_errors_debug_or_logs() {
    capture_logs();
    const PASSWORD: &str = "Sup3rSecretConsolePassw0rd";
    let emu = emulator_with(vodkit_emulator::quvideo::Config {
        password: PASSWORD.into(),
        ..Default::default()
    });
    let config = Config::new("admin", PASSWORD).base_url(emu.provider_url("quvideo"));
    let c = Client::new(config.clone()).unwrap();
    let token = c.login(&Login {}).unwrap();
    let secret_token = token.console_token.clone();
    let mut texts = vec![
        format!("{config:?}"),
        format!("{c:?}"),
        format!("{token:?}"),
    ];
    c.get_videos(&GetVideos::default()).unwrap();
    c.create_audit(&CreateAudit::pass("vid001")).unwrap();
    texts.push(format!(
        "{:?}",
        c.create_audit(&CreateAudit::pass("missing")).unwrap_err()
    ));
    emu.quvideo().revoke_tokens();
    c.get_videos(&GetVideos::default()).unwrap();
    let tc = token_client(&emu, &secret_token);
    let err = tc.get_videos(&GetVideos::default()).unwrap_err();
    texts.push(format!("{err:?} {err}"));
    texts.push(format!("{tc:?}"));
    let wrong = client_with_password(&emu, "WrongPassw0rd-XYZ");
    let err = wrong.login(&Login {}).unwrap_err();
    texts.push(format!("{err:?} {err}"));
    let json_err = vodkit::Client::new(
        "quvideo",
        &json!({"base_url": "http://x", "user_name": "a", "password": 12345678987654321u64}),
    )
    .unwrap_err();
    texts.push(format!("{json_err:?}"));
    texts.push(format!(
        "{:?}",
        vodkit::Client::new(
            "quvideo",
            &json!({
                "base_url": emu.provider_url("quvideo"), "user_name": "admin", "password": PASSWORD
            })
        )
        .unwrap()
    ));
    let logs = LINES.lock().unwrap().join("\n");
    assert!(!logs.is_empty());
    for text in texts.iter().chain([&logs]) {
        assert_clean(
            text,
            &[
                PASSWORD,
                &secret_token,
                "WrongPassw0rd-XYZ",
                "12345678987654321",
            ],
        );
    }
}
