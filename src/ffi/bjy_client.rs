//! `vodkit_bjy_client`: the Baijiayun client, the generic call, the main
//! flow's typed entry points, and the signer.

use std::ffi::c_char;

use super::bjy_config::vodkit_bjy_config;
use super::boundary::{arg_out, arg_pairs, arg_ref, arg_str, opt_str, put};
use super::error::vodkit_error;
use super::strings::{into_c, json_out};
use crate::baijiayun::{Client, GetUrl};
use crate::params::Params;
use crate::Error;

/// A Baijiayun client. Thread-safe: one client may be used from many
/// threads at once (it holds one pooled set of connections).
pub struct vodkit_bjy_client {
    pub(crate) inner: Client,
}

/// Builds a client from a configuration (which is copied; free it when done).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_client_new(
    config: *const vodkit_bjy_config,
    out_client: *mut *mut vodkit_bjy_client,
) -> *mut vodkit_error {
    ffi_boundary!({
        let config = arg_ref(config, "config")?;
        arg_out(out_client, "out_client")?;
        let inner = Client::new(config.inner.clone())?;
        put(
            out_client,
            super::live::into_handle(vodkit_bjy_client { inner }),
        );
        Ok(())
    })
}

/// Frees a client. NULL is a no-op. No call on it may be running.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_client_free(client: *mut vodkit_bjy_client) {
    ffi_boundary_or!((), {
        super::live::free_handle(client);
    })
}

/// The generic signed call: any operation name or path under `/openapi/`
/// (e.g. "video/getVideoList"), parameters as a JSON object (NULL = none;
/// numbers, strings, booleans as 1/0, lists and objects as JSON text).
/// `partner_id`, `timestamp` and `sign` are added. On success `*out_json`
/// is the answer's `data` as JSON (free with `vodkit_string_free`).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_call(
    client: *const vodkit_bjy_client,
    operation: *const c_char,
    params_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        let operation = arg_str(operation, "operation")?;
        let params = params_arg(params_json)?;
        arg_out(out_json, "out_json")?;
        let data = client.inner.call_raw(operation, params)?;
        put(out_json, json_out(&data)?);
        Ok(())
    })
}

/// As `vodkit_bjy_call`, with the file at `path` sent as the multipart part
/// `file_field` (never signed): e.g. "video/uploadSubtitle" with field
/// "subtitle", or "video/uploadDocument" with field "file".
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_call_with_file(
    client: *const vodkit_bjy_client,
    operation: *const c_char,
    params_json: *const c_char,
    file_field: *const c_char,
    path: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        let operation = arg_str(operation, "operation")?;
        let params = params_arg(params_json)?;
        let field = arg_str(file_field, "file_field")?;
        let path = arg_str(path, "path")?;
        arg_out(out_json, "out_json")?;
        let data = client.inner.call_raw_with_file(
            operation,
            params,
            field,
            std::path::Path::new(path),
        )?;
        put(out_json, json_out(&data)?);
        Ok(())
    })
}

/// The parameters of a generic call: a JSON object, or none for NULL.
unsafe fn params_arg(params_json: *const c_char) -> Result<Params, vodkit_error> {
    let Some(text) = opt_str(params_json, "params_json")? else {
        return Ok(Params::new());
    };
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| Error::invalid_input(format!("params_json: {e}")))?;
    Ok(Params::from_json(&value)?)
}

/// API 5: the video's status code (10 uploading, 20 transcoding, 30 failed,
/// 31/32 timeouts, 100 transcoded).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_get_status(
    client: *const vodkit_bjy_client,
    video_id: i64,
    out_status: *mut i64,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        arg_out(out_status, "out_status")?;
        let status = client.inner.get_status(video_id)?;
        put(out_status, status.status);
        Ok(())
    })
}

/// API 6: everything known about a video, as JSON.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_get_info(
    client: *const vodkit_bjy_client,
    video_id: i64,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        arg_out(out_json, "out_json")?;
        let info = client.inner.get_info(video_id)?;
        put(out_json, json_out(&info)?);
        Ok(())
    })
}

/// API 23: play URLs as JSON `{"video_id":…, "play_info":{"high":{"url":…}, …}}`.
/// `format` may be NULL (mp4); `expires_in` < 0 uses the default (12 h).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_get_play_urls(
    client: *const vodkit_bjy_client,
    video_id: i64,
    format: *const c_char,
    expires_in: i64,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        let format = opt_str(format, "format")?.map(str::to_owned);
        arg_out(out_json, "out_json")?;
        let urls = client.inner.get_url(&GetUrl {
            video_id,
            format,
            expires_in: (expires_in >= 0).then_some(expires_in),
        })?;
        put(out_json, json_out(&urls)?);
        Ok(())
    })
}

/// API 18: a player token (`expires_in` seconds; 0 never expires).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_get_player_token(
    client: *const vodkit_bjy_client,
    video_id: i64,
    expires_in: i64,
    out_token: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        arg_out(out_token, "out_token")?;
        let token = client.inner.get_player_token(video_id, Some(expires_in))?;
        put(out_token, into_c(token.token));
        Ok(())
    })
}

/// API 11: deletes a video.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_delete(
    client: *const vodkit_bjy_client,
    video_id: i64,
) -> *mut vodkit_error {
    ffi_boundary!({
        arg_ref(client, "client")?.inner.delete(video_id)?;
        Ok(())
    })
}

/// Signs `count` parameters (`keys[i]=values[i]`) by Baijiayun's rule; on
/// success `*out_sign` is the 32-character lowercase hex signature.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_sign(
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
