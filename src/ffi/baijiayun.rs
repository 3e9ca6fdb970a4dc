//! Baijiayun's provider-only extras: the request signer, and the verifier of
//! transcode callbacks and playback auth requests.

use std::ffi::c_char;
use std::time::Duration;

use super::boundary::{arg_bytes, arg_out, arg_pairs, arg_ref, arg_str, json_out, put};
use super::error::vodkit_error;
use super::strings::into_c;
use crate::baijiayun::CallbackVerifier;

/// A callback verifier. Thread-safe (immutable once built).
pub struct vodkit_baijiayun_verifier {
    inner: CallbackVerifier,
}

/// Creates a verifier for requests signed with `partner_key`.
/// `max_age_secs` > 0 rejects requests whose timestamp is further from now
/// (STALE); 300 is the recommended window (the other languages' default), 0
/// turns the check off (replays are then accepted for ever). Playback auth
/// requests are documented without a sign: `require_signed_auth` false (the
/// recommended default) accepts them unsigned and checks a sign when one is
/// present; true refuses unsigned ones (UNSIGNED). Deduplicate transcode
/// callbacks on `qid`. Bodies over 64 KiB are MALFORMED.
#[no_mangle]
pub unsafe extern "C" fn vodkit_baijiayun_verifier_new(
    partner_key: *const c_char,
    max_age_secs: u64,
    require_signed_auth: bool,
    out_verifier: *mut *mut vodkit_baijiayun_verifier,
) -> *mut vodkit_error {
    ffi_boundary!({
        let key = arg_str(partner_key, "partner_key")?;
        arg_out(out_verifier, "out_verifier")?;
        let mut inner = CallbackVerifier::new(key).require_signed_auth(require_signed_auth);
        inner = if max_age_secs > 0 {
            inner.max_age(Duration::from_secs(max_age_secs))
        } else {
            inner.without_max_age()
        };
        put(
            out_verifier,
            super::live::into_handle(vodkit_baijiayun_verifier { inner }),
        );
        Ok(())
    })
}

/// Frees a verifier. NULL is a no-op.
#[no_mangle]
pub unsafe extern "C" fn vodkit_baijiayun_verifier_free(verifier: *mut vodkit_baijiayun_verifier) {
    ffi_boundary_or!((), {
        super::live::free_handle(verifier);
    })
}

/// Verifies a transcode callback from its raw form body. On success
/// `*out_event_json` is the event (`video_id`, `status`, `qid`, …); a failed
/// check is a VERIFICATION error whose detail says why.
#[no_mangle]
pub unsafe extern "C" fn vodkit_baijiayun_verify_transcode_body(
    verifier: *const vodkit_baijiayun_verifier,
    body: *const u8,
    body_len: usize,
    out_event_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let v = arg_ref(verifier, "verifier")?;
        let body = arg_bytes(body, body_len, "body")?;
        arg_out(out_event_json, "out_event_json")?;
        let event = v.inner.verify_transcode_body(body)?;
        put(out_event_json, json_out(&event)?);
        Ok(())
    })
}

/// Verifies a transcode callback from its decoded form fields.
#[no_mangle]
pub unsafe extern "C" fn vodkit_baijiayun_verify_transcode_fields(
    verifier: *const vodkit_baijiayun_verifier,
    keys: *const *const c_char,
    values: *const *const c_char,
    count: usize,
    out_event_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let v = arg_ref(verifier, "verifier")?;
        let pairs = arg_pairs(keys, values, count)?;
        arg_out(out_event_json, "out_event_json")?;
        let event = v.inner.verify_transcode(pairs)?;
        put(out_event_json, json_out(&event)?);
        Ok(())
    })
}

/// Verifies a third-party playback auth request from its raw form body; on
/// success `*out_request_json` holds `access_key` and `video_id`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_baijiayun_verify_playback_auth_body(
    verifier: *const vodkit_baijiayun_verifier,
    body: *const u8,
    body_len: usize,
    out_request_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let v = arg_ref(verifier, "verifier")?;
        let body = arg_bytes(body, body_len, "body")?;
        arg_out(out_request_json, "out_request_json")?;
        let request = v.inner.verify_playback_auth_body(body)?;
        put(out_request_json, json_out(&request)?);
        Ok(())
    })
}

/// Verifies a playback auth request from its decoded form fields.
#[no_mangle]
pub unsafe extern "C" fn vodkit_baijiayun_verify_playback_auth_fields(
    verifier: *const vodkit_baijiayun_verifier,
    keys: *const *const c_char,
    values: *const *const c_char,
    count: usize,
    out_request_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let v = arg_ref(verifier, "verifier")?;
        let pairs = arg_pairs(keys, values, count)?;
        arg_out(out_request_json, "out_request_json")?;
        let request = v.inner.verify_playback_auth(pairs)?;
        put(out_request_json, json_out(&request)?);
        Ok(())
    })
}

/// Signs `count` parameters (`keys[i]=values[i]`) by Baijiayun's rule; on
/// success `*out_sign` is the 32-character lowercase hex signature (free it
/// with `vodkit_string_free`).
#[no_mangle]
pub unsafe extern "C" fn vodkit_baijiayun_sign(
    keys: *const *const c_char,
    values: *const *const c_char,
    count: usize,
    partner_key: *const c_char,
    out_sign: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let pairs = arg_pairs(keys, values, count)?;
        let key = arg_str(partner_key, "partner_key")?;
        arg_out(out_sign, "out_sign")?;
        put(out_sign, into_c(crate::baijiayun::sign(pairs, key)));
        Ok(())
    })
}
