//! `vodkit_android_init` off Android: a no-op success, declared in the header
//! with opaque pointers (no `jni.h` needed), and clients build as before.

use std::ptr;

#[test]
fn android_init_is_a_no_op_success_off_android() {
    // SAFETY: off Android the arguments are not read.
    let error =
        unsafe { vodkit::ffi::android::vodkit_android_init(ptr::null_mut(), ptr::null_mut()) };
    assert!(error.is_null());
    let config =
        serde_json::json!({"partner_id": "1", "partner_key": "k", "private_domain": "acme"});
    vodkit::Client::new("baijiayun", &config).expect("a client builds after init");
}

#[test]
fn the_header_declares_it_without_jni_types() {
    let header = include_str!("../include/vodkit.h");
    let flat: String = header.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("vodkit_error *vodkit_android_init(void *env, void *context);"));
    assert!(!header.contains("#include <jni.h>"));
}
