//! No secret appears in the Debug or Display text of configs, clients,
//! errors or answers.

mod common;

use vodkit::baijiayun::{CallbackVerifier, Client, Config, UploadOptions};
use vodkit::http::RetryPolicy;
use vodkit_emulator::Faults;

const KEY: &str = "SuperSecretPartnerKey-0123456789";
const SECRET: &str = "SuperSecretResetKey-9876543210";

fn assert_clean(text: &str, secrets: &[&str]) {
    for s in secrets {
        assert!(!text.contains(s), "{s:?} leaked into {text:?}");
    }
}

#[test]
fn configs_clients_and_verifiers_hide_keys() {
    let config = Config::new("12345678", KEY)
        .secret_key(SECRET)
        .base_url("http://127.0.0.1:1");
    assert_clean(&format!("{config:?}"), &[KEY, SECRET]);
    let client = Client::new(config.clone()).unwrap();
    assert_clean(&format!("{client:?}"), &[KEY, SECRET]);
    assert_clean(&format!("{:?}", CallbackVerifier::new(KEY)), &[KEY]);
    let json: Config = serde_json::from_value(serde_json::json!({
        "partner_id": "1", "partner_key": KEY, "secret_key": SECRET, "base_url": "http://x"
    }))
    .unwrap();
    assert_clean(&format!("{json:?}"), &[KEY, SECRET]);
}

#[test]
fn errors_hide_keys_and_upload_tokens() {
    let emu = common::emulator();
    // Wrong key: the error must not echo the key we signed with.
    let bad = Client::new(
        Config::new(emu.baijiayun().config.partner_id.clone(), KEY)
            .base_url(emu.provider_url("baijiayun")),
    )
    .unwrap();
    let err = bad
        .get_status(&vodkit::baijiayun::GetStatus { video_id: 1 })
        .unwrap_err();
    assert_clean(&format!("{err:?} {err}"), &[KEY]);

    // A failed upload: the upload URL's token must not be in the error.
    let mut config = common::config(&emu);
    config.common.retry = RetryPolicy::none();
    let client = Client::new(config).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "t.mp4", 100_000);
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(10),
        ..Faults::default()
    });
    let err = client.upload(&path, &UploadOptions::default()).unwrap_err();
    let resume = err.resume().unwrap().to_string();
    let video_id = err.resume().unwrap()["video_id"].as_i64().unwrap();
    let token = emu.baijiayun().bjy_video(video_id).unwrap().upload_token;
    // The resume handle holds what is needed to ask again, never the token.
    assert!(!resume.contains(&token), "{resume}");
    let mut text = format!("{err:?} {err} {resume}");
    let mut source = std::error::Error::source(&err);
    while let Some(s) = source {
        text.push_str(&format!(" {s:?} {s}"));
        source = s.source();
    }
    assert_clean(&text, &[&token, emu.baijiayun().partner_key().as_str()]);
    assert!(!text.contains("token="), "{text}");

    let url = client
        .get_resume_upload_url(&vodkit::baijiayun::GetResumeUploadUrl {
            video_id,
            use_https: None,
        })
        .unwrap();
    assert!(url.upload_url.contains(&token));
    assert_clean(&format!("{url:?}"), &[&token]);
}
