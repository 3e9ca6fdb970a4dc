//! Issue 20, item 5: clear errors for absurd input, and the document's own
//! forms accepted.

mod common;

use serde_json::json;
use vodkit::ErrorKind;

#[test]
fn a_one_mib_operation_name_is_invalid_input_naming_the_limit() {
    let emu = common::emulator();
    let c = vodkit::Client::new(
        "baijiayun",
        &json!({
            "partner_id": emu.baijiayun().config.partner_id,
            "partner_key": emu.baijiayun().config.partner_key,
            "base_url": emu.provider_url("baijiayun"),
        }),
    )
    .unwrap();
    let name = format!("video/{}", "a".repeat(1 << 20));
    let err = c.call(&name, &json!({})).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    assert!(err.message().contains("65534 bytes"), "{err}");
    assert!(!err.message().contains("Parsed Url"), "{err}");
}

#[test]
fn push_object_cache_takes_the_documents_string_of_lines() {
    let emu = common::emulator();
    let c = vodkit::Client::new(
        "quvideo",
        &json!({
            "base_url": emu.provider_url("quvideo"),
            "user_name": emu.quvideo().config.user_name,
            "password": emu.quvideo().config.password,
        }),
    )
    .unwrap();
    c.call(
        "pushObjectCache",
        &json!({"objectPath": "example.com/image/1.png\nexample.com/video/2.mp4\n"}),
    )
    .unwrap();
    assert_eq!(
        emu.quvideo().cache_pushes(),
        ["example.com/image/1.png", "example.com/video/2.mp4"]
    );
    let err = c
        .call("pushObjectCache", &json!({"objectPath": 7}))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("objectPath"), "{err}");
}
