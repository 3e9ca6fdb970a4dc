//! Issue 20, item 8: a Baijiayun client configured with only its
//! `secret_key` fetches the partner key with `partner/createkey` (once, even
//! when many first calls race), fetches it again once when the server
//! refuses the signature (a rotated key), hands every fetched key to the
//! application (the hook and `credentials()`), and never shows it. The
//! emulator takes createkey unsigned, as the document's own example sends it.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::fake_server::{self, Reply};
use common::log_capture::{capture_logs, captured};
use serde_json::{json, Value};
use vodkit::baijiayun::{Client, Config, GetAccountInfo, GetStatus};
use vodkit::http::RetryPolicy;
use vodkit::ErrorKind;
use vodkit_emulator::Emulator;

const CREATE_KEY: &str = "/openapi/partner/createkey";

fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 2,
        initial_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(50),
        multiplier: 2.0,
    }
}

/// A config with the partner id and the secret key only, whose hook
/// records every key it is told.
fn secret_only(emu: &Emulator, told: &Arc<Mutex<Vec<String>>>) -> Config {
    let state = emu.baijiayun();
    let told = told.clone();
    Config::new(state.config.partner_id.clone(), "")
        .secret_key(state.config.secret_key.as_str())
        .base_url(emu.provider_url("baijiayun"))
        .retry(quick_retries())
        .on_partner_key(move |key| told.lock().unwrap().push(key.expose().to_owned()))
}

fn partner_id(client: &Client) -> i64 {
    client
        .get_account_info(&GetAccountInfo {})
        .unwrap()
        .partner_id
}

#[test]
fn a_secret_key_alone_fetches_the_partner_key_once_and_renews_it_when_rotated() {
    capture_logs();
    let emu = common::emulator();
    let state = emu.baijiayun();
    let told = Arc::new(Mutex::new(Vec::new()));
    let client = Client::new(secret_only(&emu, &told)).unwrap();
    let neutral = client.as_client();

    // Nothing is fetched before the first signed call.
    assert_eq!(state.request_count(CREATE_KEY), 0);
    assert!(client.fetched_partner_key().is_none());
    assert_eq!(neutral.credentials(), None);

    // Many first calls at once: one fetch, every call signed with its key.
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let c = client.clone();
            std::thread::spawn(move || partner_id(&c))
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), 12_345_678);
    }
    for _ in 0..10 {
        assert_eq!(partner_id(&client), 12_345_678);
    }
    let first = state.partner_key();
    assert_eq!(state.request_count(CREATE_KEY), 1);
    assert_eq!(*told.lock().unwrap(), vec![first.clone()]);
    assert_eq!(neutral.credentials(), Some(json!({ "partner_key": first })));

    // The key is rotated at the provider: the next call is refused (1002),
    // the key fetched again, the call retried — and it succeeds.
    let info_path = "/openapi/video_account/getAccountInfo";
    let infos_before = state.request_count(info_path);
    let rotated = state.rotate_partner_key();
    assert_eq!(partner_id(&client), 12_345_678);
    assert_eq!(state.request_count(CREATE_KEY), 2);
    assert_eq!(state.request_count(info_path), infos_before + 2);
    assert_eq!(*told.lock().unwrap(), vec![first.clone(), rotated.clone()]);
    assert_eq!(
        client.fetched_partner_key().unwrap().expose(),
        rotated.as_str()
    );
    assert_eq!(
        neutral.credentials(),
        Some(json!({ "partner_key": rotated }))
    );
    // … and the calls after it need no other fetch.
    assert_eq!(partner_id(&client), 12_345_678);
    assert_eq!(state.request_count(CREATE_KEY), 2);

    // A key the application makes itself is signed with from then on (no
    // refusal, no fetch) and handed out like a fetched one.
    let made = client.create_partner_key(true).unwrap();
    assert_eq!(made.partner_key, state.partner_key());
    assert_eq!(partner_id(&client), 12_345_678);
    assert_eq!(state.request_count(CREATE_KEY), 3);
    assert_eq!(told.lock().unwrap().last(), Some(&made.partner_key));
    assert_eq!(
        neutral.credentials(),
        Some(json!({ "partner_key": made.partner_key }))
    );

    // The key shows nowhere: Debug, errors, logs.
    let err = client
        .get_status(&GetStatus { video_id: 999_999 })
        .unwrap_err();
    let texts = [
        format!("{client:?}"),
        format!("{:?}", client.config()),
        format!("{err} {err:?}"),
        captured(),
    ];
    for text in &texts {
        for key in [&first, &rotated] {
            assert!(!text.contains(key.as_str()), "key shown in {text}");
        }
    }
}

#[test]
fn a_configured_key_with_the_secret_key_is_renewed_when_rotated() {
    // The CLI's case: it configures the key it stored from an earlier run.
    let emu = common::emulator();
    let state = emu.baijiayun();
    let told = Arc::new(Mutex::new(Vec::new()));
    let stored = state.partner_key();
    let mut config = secret_only(&emu, &told);
    config.partner_key = stored.as_str().into();
    let client = Client::new(config).unwrap();
    assert_eq!(partner_id(&client), 12_345_678);
    assert_eq!(state.request_count(CREATE_KEY), 0);
    assert_eq!(client.as_client().credentials(), None);

    let rotated = state.rotate_partner_key();
    assert_eq!(partner_id(&client), 12_345_678);
    assert_eq!(state.request_count(CREATE_KEY), 1);
    assert_eq!(*told.lock().unwrap(), vec![rotated.clone()]);
    assert_eq!(
        client.as_client().credentials(),
        Some(json!({ "partner_key": rotated }))
    );

    // Without the secret_key the refusal is final.
    let plain = Client::new(common::config(&emu).retry(quick_retries())).unwrap();
    state.rotate_partner_key();
    let err = plain.get_account_info(&GetAccountInfo {}).unwrap_err();
    assert_eq!(err.provider_code(), Some("1002"), "{err}");
    assert_eq!(state.request_count(CREATE_KEY), 1);
}

#[test]
fn a_wrong_secret_key_is_an_auth_error_and_sends_nothing_signed() {
    let emu = common::emulator();
    let state = emu.baijiayun();
    let client = Client::new(
        Config::new(state.config.partner_id.clone(), "")
            .secret_key("not-the-secret-key")
            .base_url(emu.provider_url("baijiayun"))
            .retry(quick_retries()),
    )
    .unwrap();
    let err = client.get_account_info(&GetAccountInfo {}).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Auth, "{err}");
    assert_eq!(err.provider_code(), Some("2002"), "{err}");
    assert!(!format!("{err} {err:?}").contains("not-the-secret-key"));
    assert_eq!(
        state.request_count("/openapi/video_account/getAccountInfo"),
        0
    );
    assert_eq!(client.as_client().credentials(), None);
}

#[test]
fn neither_key_is_a_clear_config_error() {
    let err = Client::new(Config::new("1", "").base_url("http://127.0.0.1:9")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("secret_key"), "{err}");
}

#[test]
fn a_fetched_key_echoed_by_a_server_is_scrubbed_from_the_error() {
    capture_logs();
    let fetched = "fetched-PK/with+odd chars=";
    let server = fake_server::serve(move |rq| {
        if rq.path().ends_with("partner/createkey") {
            return Reply::ok(json!({"code": 0, "data": {"partner_key": fetched}}).to_string());
        }
        // A careless server names the key it expected.
        Reply::ok(
            json!({"code": 2003, "msg": format!("expected partner_key={fetched}")}).to_string(),
        )
    });
    let client = vodkit::Client::new(
        "baijiayun",
        &json!({"partner_id": "7", "secret_key": "sk-12345", "base_url": server.url,
                "retry": {"max_retries": 0}}),
    )
    .unwrap();
    let err = client
        .call("video/getStatus", &json!({"video_id": 1}))
        .unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(text.contains("expected partner_key="), "{text}");
    assert!(!text.contains(fetched), "{text}");
    assert!(!captured().contains(fetched));
    assert_eq!(
        client.credentials(),
        Some(json!({ "partner_key": fetched }))
    );
}

/// POSTs a form to the emulator's `partner/createkey`; answers the envelope.
fn post_createkey(emu: &Emulator, fields: &[(&str, &str)]) -> Value {
    let body: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    let url = format!(
        "{}/openapi/partner/createkey",
        emu.provider_url("baijiayun")
    );
    let answer = common::http_client()
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .unwrap()
        .text()
        .unwrap();
    serde_json::from_str(&answer).unwrap()
}

#[test]
fn the_emulator_takes_createkey_unsigned_as_the_documents_example_sends_it() {
    let emu = common::emulator();
    let state = emu.baijiayun();
    let id = state.config.partner_id.clone();
    let secret = state.config.secret_key.clone();

    // The example's shape: partner_id and secret_key, no timestamp, no sign.
    let ok = post_createkey(&emu, &[("partner_id", &id), ("secret_key", &secret)]);
    assert_eq!(ok["code"], 0, "{ok}");
    assert_eq!(ok["data"]["partner_key"], state.partner_key());

    let wrong = post_createkey(&emu, &[("partner_id", &id), ("secret_key", "nope")]);
    assert_eq!(wrong["code"], 2002, "{wrong}");
    assert!(wrong["data"].is_null());

    // The table's signed shape is still checked: a wrong sign is refused.
    let bad_sign = post_createkey(
        &emu,
        &[
            ("partner_id", &id),
            ("secret_key", &secret),
            ("timestamp", "1700000000"),
            ("sign", "0123456789abcdef0123456789abcdef"),
        ],
    );
    assert_eq!(bad_sign["code"], 1002, "{bad_sign}");
    // … and so is a sign without a timestamp (only the fully unsigned
    // shape skips the check).
    let half = post_createkey(
        &emu,
        &[
            ("partner_id", &id),
            ("secret_key", &secret),
            ("sign", "0123456789abcdef0123456789abcdef"),
        ],
    );
    assert_eq!(half["code"], 1001, "{half}");

    // Other operations still need a sign.
    let url = format!(
        "{}/openapi/video_account/getAccountInfo",
        emu.provider_url("baijiayun")
    );
    let unsigned: Value = serde_json::from_str(
        &common::http_client()
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("partner_id={id}"))
            .send()
            .unwrap()
            .text()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(unsigned["code"], 1001, "{unsigned}");

    // The control endpoint rotates the key: createkey hands out the new one.
    let before = state.partner_key();
    let rotate = format!("{}/_emulator/baijiayun/rotate_partner_key", emu.root_url());
    let status = common::http_client().post(rotate).send().unwrap().status();
    assert!(status.is_success(), "{status}");
    let after = post_createkey(&emu, &[("partner_id", &id), ("secret_key", &secret)]);
    assert_ne!(after["data"]["partner_key"], before.as_str());
    assert_eq!(after["data"]["partner_key"], state.partner_key());
}
