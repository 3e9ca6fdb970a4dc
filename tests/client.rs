//! The provider-neutral client, built from a provider name and a JSON config,
//! against the emulator: the catalog, generic calls checked through the typed
//! models, uploads and resume by handle, and config errors.

mod common;

use std::ops::ControlFlow;

use serde_json::{json, Value};
use vodkit::upload::UploadHooks;
use vodkit::{Client, ErrorKind};
use vodkit_emulator::{Emulator, Faults};

const MIB: u64 = 1024 * 1024;

fn config(emu: &Emulator) -> Value {
    let state = emu.baijiayun();
    json!({
        "partner_id": state.config.partner_id,
        "partner_key": state.partner_key(),
        "base_url": emu.provider_url("baijiayun"),
        "retry": { "max_retries": 0, "initial_backoff_ms": 10, "max_backoff_ms": 50, "multiplier": 2.0 },
        "part_size": MIB,
    })
}

#[test]
fn the_catalog_lists_every_operation_typed_and_documented() {
    let emu = common::emulator();
    let client = Client::new("baijiayun", &config(&emu)).unwrap();
    assert_eq!(client.provider(), "baijiayun");
    let ops = client.operations();
    assert_eq!(ops.len(), vodkit::baijiayun::CATALOG.len());
    let status = ops.iter().find(|o| o.name == "video/getStatus").unwrap();
    assert_eq!(status.function, "get_status");
    assert_eq!(status.params[0].name, "video_id");
    assert_eq!(status.params[0].ty, "integer");
    assert!(status.params[0].required);
    assert_eq!(status.answer["properties"]["status"]["type"], "integer");
    // The listing is JSON every binding reads.
    let listed = serde_json::to_value(&ops).unwrap();
    assert_eq!(listed[0]["provider"], "baijiayun");
    assert!(listed[0]["params"].is_array());
}

#[test]
fn every_catalog_operation_is_reachable_through_the_generic_call() {
    let emu = common::emulator();
    let client = Client::new("baijiayun", &config(&emu)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for op in client.operations() {
        assert!(!op.doc.is_empty(), "{} has no doc", op.name);
        // A type-appropriate value for every required parameter.
        let mut params = serde_json::Map::new();
        for p in op.params.iter().filter(|p| p.required) {
            let value = match p.ty.as_str() {
                "integer" | "number" => json!(1),
                "boolean" => json!(true),
                "array" => json!([]),
                "object" => json!({}),
                _ => json!("1"),
            };
            params.insert(p.name.clone(), value);
        }
        let params = Value::Object(params);
        let result = match &op.file_field {
            Some(field) => {
                let file = dir.path().join("a.srt");
                std::fs::write(&file, "1\n00:00:01,000 --> 00:00:02,000\nhi\n").unwrap();
                client.call_with_file(&op.name, &params, field, &file)
            }
            None => client.call(&op.name, &params),
        };
        // Success, or an answer about the parameters — never "unknown
        // operation", an internal error or an unreadable answer.
        if let Err(err) = result {
            assert!(
                matches!(
                    err.kind(),
                    ErrorKind::InvalidInput | ErrorKind::Provider | ErrorKind::Auth
                ),
                "{}: {err}",
                op.name
            );
            assert!(
                !err.message().contains("unknown operation"),
                "{}: {err}",
                op.name
            );
        }
    }
}

#[test]
fn generic_and_typed_calls_agree_and_json_is_checked_by_the_model() {
    let emu = common::emulator();
    let client = Client::new("baijiayun", &config(&emu)).unwrap();
    let typed = common::client(&emu);
    let created = typed
        .get_upload_url(&vodkit::baijiayun::GetUploadUrl {
            file_name: "a.mp4".into(),
            definition: "16".into(),
            ..Default::default()
        })
        .unwrap();
    let generic = client
        .call("video/getStatus", &json!({ "video_id": created.video_id }))
        .unwrap();
    let typed_status = typed
        .get_status(&vodkit::baijiayun::GetStatus {
            video_id: created.video_id,
        })
        .unwrap();
    assert_eq!(generic, serde_json::to_value(&typed_status).unwrap());

    // The same checks as the typed method, before anything is sent.
    let before = emu.baijiayun().total_requests();
    for (op, params, needle) in [
        (
            "video/getStatus",
            json!({ "video_id": "x" }),
            "invalid type",
        ),
        (
            "video/getStatus",
            json!({ "vidoe_id": 1 }),
            "unknown parameter",
        ),
        (
            "video/getUploadUrl",
            json!({ "file_name": "a.mp4", "definition": "3" }),
            "definition",
        ),
        ("video/getStatus", json!([1]), "JSON object"),
    ] {
        let err = client.call(op, &params).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{op} {params}");
        assert!(err.message().contains(needle), "{err}");
    }
    assert_eq!(emu.baijiayun().total_requests(), before);

    // A name outside the catalog is a raw signed call of that path.
    let raw = client
        .call("/video/getStatus", &json!({ "video_id": created.video_id }))
        .unwrap();
    assert_eq!(raw["status"], 10);
    let err = client.call("../etc/passwd", &json!({})).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn upload_fails_with_a_resume_handle_that_resumes_it() {
    let emu = common::emulator();
    let client = Client::new("baijiayun", &config(&emu)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "neutral.mp4", 3 * MIB + 7);
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(MIB / 2),
        ..Faults::default()
    });
    let err = client
        .upload(
            &path,
            &json!({ "definitions": [16, 1] }),
            UploadHooks::new(),
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    let resume = err.resume().cloned().unwrap();
    assert_eq!(resume["provider"], "baijiayun");
    let video_id = resume["video_id"].as_i64().unwrap();

    let mut reports = 0;
    let control = UploadHooks::new().on_progress(|_| {
        reports += 1;
        ControlFlow::Continue(())
    });
    let done = client
        .resume_upload(&resume, &path, &Value::Null, control)
        .unwrap();
    assert_eq!(done["video_id"], video_id);
    assert_eq!(done["bytes"], 3 * MIB + 7);
    assert_eq!(done["resumed_from"], MIB / 2);
    assert!(reports > 0);
    let stored = emu.baijiayun().video(video_id).unwrap();
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));

    // A handle of another provider, or a malformed one, is refused.
    for bad in [
        json!({ "provider": "iqiyi", "file_id": "x" }),
        json!({ "video": 1 }),
    ] {
        let err = client
            .resume_upload(&bad, &path, &Value::Null, UploadHooks::new())
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad}");
    }
}

#[test]
fn config_and_options_errors_name_the_key() {
    let emu = common::emulator();
    let err = Client::new("youtube", &config(&emu)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("baijiayun"), "{err}");

    let mut bad = config(&emu);
    bad["partner_kye"] = json!("x");
    let err = Client::new("baijiayun", &bad).unwrap_err();
    assert!(err.message().contains("partner_kye"), "{err}");

    let mut bad = config(&emu);
    bad["part_size"] = json!("big");
    let err = Client::new("baijiayun", &bad).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    let mut bad = config(&emu);
    bad["retry"]["multiplier"] = json!(1e300);
    let err = Client::new("baijiayun", &bad).unwrap_err();
    assert!(err.message().contains("multiplier"), "{err}");

    let mut bad = config(&emu);
    bad["hosts"] = json!({ "upload": "http://127.0.0.1:1" });
    let err = Client::new("baijiayun", &bad).unwrap_err();
    assert!(err.message().contains("unknown host"), "{err}");

    let client = Client::new("baijiayun", &config(&emu)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "o.mp4", 10);
    let err = client
        .upload(&path, &json!({ "definiton": [16] }), UploadHooks::new())
        .unwrap_err();
    assert!(err.message().contains("definiton"), "{err}");

    // The Debug output of a client never shows the key.
    let key = emu.baijiayun().partner_key();
    assert!(!format!("{client:?}").contains(&key));
}

#[test]
fn per_host_override_wins_over_base_url() {
    let emu = common::emulator();
    let mut cfg = config(&emu);
    cfg["base_url"] = json!("http://127.0.0.1:1");
    cfg["hosts"] = json!({ "api": format!("{}/openapi", emu.provider_url("baijiayun")) });
    let client = Client::new("baijiayun", &cfg).unwrap();
    client.call("video/getCategoryList", &json!({})).unwrap();
}

#[test]
fn every_provider_checks_its_overrides_against_its_catalog() {
    let emu = common::emulator();
    let configs = [
        ("baijiayun", config(&emu)),
        (
            "iqiyi",
            json!({ "client_id": "app", "client_secret": "s", "base_url": "http://127.0.0.1:1/iqiyi" }),
        ),
        (
            "quvideo",
            json!({ "console_token": "t", "base_url": "http://127.0.0.1:1/quvideo" }),
        ),
    ];
    for (provider, good) in configs {
        Client::new(provider, &good).unwrap();
        for (key, value, needle) in [
            (
                "path_overrides",
                json!({ "noSuchOperation": "x" }),
                "not an operation",
            ),
            (
                "file_fields",
                json!({ "noSuchOperation": "file" }),
                "file_fields",
            ),
        ] {
            let mut bad = good.clone();
            bad[key] = value;
            let err = Client::new(provider, &bad).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput, "{provider} {key}");
            assert!(err.message().contains(needle), "{provider}: {err}");
        }
        let op = &vodkit::providers::registry::find(provider).unwrap().catalog[0];
        let mut bad = good.clone();
        bad["path_overrides"] = json!({ op.name: "../x" });
        let err = Client::new(provider, &bad).unwrap_err();
        assert!(
            err.message().contains("not an API path"),
            "{provider}: {err}"
        );
    }
}
