//! Config values in the forms people write wherever a flag takes them
//! (`8M`, `64KiB`, `30s`, `500ms`), errors in JSON's terms naming the key,
//! and malformed JSON text located by line and column — through the public
//! entry points every binding uses (`Client::new`, the config readers, the
//! C ABI's `vodkit_client_new`).

use std::ffi::{CStr, CString};
use std::time::Duration;

use serde_json::{json, Value};
use vodkit::api::{config_from_json, options_from_json};
use vodkit::ErrorKind;

fn baijiayun(extra: Value) -> Value {
    let mut config = json!({
        "partner_id": "10001",
        "partner_key": "k-secret-123",
        "base_url": "http://127.0.0.1:9",
    });
    config
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    config
}

#[test]
fn sizes_and_durations_in_configs() {
    let config: vodkit::baijiayun::Config = config_from_json(
        "baijiayun",
        &baijiayun(json!({
            "part_size": "8M",
            "request_timeout_ms": "30s",
            "connect_timeout_ms": 1500,
            "upload_stall_timeout_ms": "1m30s",
            "retry": {"initial_backoff_ms": "500ms", "max_backoff_ms": "2s"},
        })),
    )
    .unwrap();
    assert_eq!(config.part_size, 8 << 20);
    assert_eq!(config.common.http.request_timeout, Duration::from_secs(30));
    assert_eq!(
        config.common.http.connect_timeout,
        Duration::from_millis(1500)
    );
    assert_eq!(
        config.common.http.upload_stall_timeout,
        Duration::from_secs(90)
    );
    assert_eq!(
        config.common.retry.initial_backoff,
        Duration::from_millis(500)
    );
    assert_eq!(config.common.retry.max_backoff, Duration::from_secs(2));

    let config: vodkit::iqiyi::Config = config_from_json(
        "iqiyi",
        &json!({"client_id": "c", "part_size": "64KiB", "refresh_margin_secs": "5m"}),
    )
    .unwrap();
    assert_eq!(config.part_size, 64 << 10);
    assert_eq!(config.refresh_margin_secs, 300);

    // A number as a string (an environment variable) is the number.
    let config: vodkit::baijiayun::Config = config_from_json(
        "baijiayun",
        &baijiayun(json!({"part_size": "4194304", "request_timeout_ms": "250"})),
    )
    .unwrap();
    assert_eq!(config.part_size, 4 << 20);
    assert_eq!(
        config.common.http.request_timeout,
        Duration::from_millis(250)
    );

    // The client every binding builds takes them too.
    vodkit::Client::new("baijiayun", &baijiayun(json!({"part_size": "16MiB"}))).unwrap();
}

#[test]
fn sizes_in_upload_options() {
    let options: vodkit::baijiayun::UploadOptions =
        options_from_json("baijiayun upload options", &json!({"part_size": "8M"})).unwrap();
    assert_eq!(options.part_size, Some(8 << 20));
    let options: vodkit::iqiyi::UploadOptions =
        options_from_json("iqiyi upload options", &json!({"part_size": "1.5M"})).unwrap();
    assert_eq!(options.part_size, Some(3 << 19));
    let options: vodkit::iqiyi::UploadOptions =
        options_from_json("iqiyi upload options", &json!({"part_size": null})).unwrap();
    assert_eq!(options.part_size, None);
    let err = options_from_json::<vodkit::iqiyi::UploadOptions>(
        "iqiyi upload options",
        &json!({"part_size": "big"}),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("part_size"), "{err}");
    assert!(err.message().contains("\"8M\""), "{err}");
}

#[test]
fn errors_say_what_is_expected_and_name_the_key() {
    for (extra, key, expected) in [
        (
            json!({"part_size": "8 megs"}),
            "part_size",
            "a number of bytes or a size such as \"8M\" or \"64KiB\"",
        ),
        (
            json!({"part_size": true}),
            "part_size",
            "a number of bytes or a size such as \"8M\" or \"64KiB\"",
        ),
        (
            json!({"request_timeout_ms": "soon"}),
            "request_timeout_ms",
            "a duration such as \"30s\" or \"500ms\"",
        ),
        (json!({"retry": "oops"}), "retry", "an object"),
        (
            json!({"pool_max_idle_per_host": "many"}),
            "pool_max_idle_per_host",
            "a whole number, 0 or more",
        ),
        (json!({"no_proxy": "yes"}), "no_proxy", "true or false"),
        (json!({"rate_limit_codes": 5}), "rate_limit_codes", "a list"),
    ] {
        let err = vodkit::Client::new("baijiayun", &baijiayun(extra.clone())).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{extra}");
        let message = err.message();
        assert!(message.contains(key), "{extra}: {message}");
        assert!(message.contains(expected), "{extra}: {message}");
        for rust in [
            "u64",
            "u32",
            "usize",
            "struct",
            "RetryPolicy",
            "Duration",
            "sequence",
            "bool",
        ] {
            assert!(!message.contains(rust), "{extra}: {message}");
        }
        for value in ["megs", "soon", "oops", "many"] {
            assert!(!message.contains(value), "{extra}: {message}");
        }
    }
}

#[test]
fn malformed_config_json_says_line_and_column_through_the_c_abi() {
    use vodkit::ffi::client::{vodkit_client_free, vodkit_client_new};
    use vodkit::ffi::error::{vodkit_error_code, vodkit_error_free, vodkit_error_message};

    let provider = CString::new("baijiayun").unwrap();
    let text =
        CString::new("{\n  \"partner_id\": \"1\",\n  \"partner_key\" \"k-secret-123\"\n}").unwrap();
    let mut client = std::ptr::null_mut();
    let err = unsafe { vodkit_client_new(provider.as_ptr(), text.as_ptr(), &mut client) };
    assert!(!err.is_null());
    assert!(client.is_null());
    let (code, message) = unsafe {
        let message = CStr::from_ptr(vodkit_error_message(err))
            .to_string_lossy()
            .into_owned();
        (vodkit_error_code(err), message)
    };
    unsafe { vodkit_error_free(err) };
    assert_eq!(
        code,
        vodkit::ffi::error::VODKIT_ERROR_INVALID_INPUT,
        "{message}"
    );
    assert!(
        message.ends_with("config_json is not valid JSON (line 3, column 17): expected `:`"),
        "{message}"
    );
    assert!(!message.contains("k-secret-123"), "{message}");

    // Well-formed text with a size in it makes a client.
    let text = CString::new(baijiayun(json!({"part_size": "8M"})).to_string()).unwrap();
    let err = unsafe { vodkit_client_new(provider.as_ptr(), text.as_ptr(), &mut client) };
    if !err.is_null() {
        let message = unsafe { CStr::from_ptr(vodkit_error_message(err)).to_string_lossy() };
        panic!("{message}");
    }
    unsafe { vodkit_client_free(client) };
}

#[test]
fn the_schemas_still_say_integer() {
    // Bindings and the CLI read the types from the schemas: the extra forms
    // a key accepts must not turn its type into "anything".
    use vodkit::api::schema_of;
    let types = [
        schema_of::<vodkit::baijiayun::Config>().to_value()["properties"]["part_size"]["type"]
            .clone(),
        schema_of::<vodkit::iqiyi::Config>().to_value()["properties"]["part_size"]["type"].clone(),
        schema_of::<vodkit::iqiyi::Config>().to_value()["properties"]["refresh_margin_secs"]
            ["type"]
            .clone(),
        schema_of::<vodkit::baijiayun::UploadOptions>().to_value()["properties"]["part_size"]
            ["type"]
            .clone(),
        schema_of::<vodkit::iqiyi::UploadOptions>().to_value()["properties"]["part_size"]["type"]
            .clone(),
    ];
    for (i, ty) in types.iter().enumerate() {
        assert!(
            ty == &json!("integer") || ty == &json!(["integer", "null"]),
            "{i}: {ty}"
        );
    }
}
