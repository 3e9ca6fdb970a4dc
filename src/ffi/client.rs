//! `vodkit_client`: one client for every provider, built from a provider name
//! and a JSON config; the generic call and the catalog.

use std::ffi::c_char;

use super::boundary::{arg_out, arg_ref, arg_str, json_out, opt_str, put};
use super::error::vodkit_error;

/// A client of one provider. A `const vodkit_client*` may be used from
/// several threads at once; free it with `vodkit_client_free`.
pub struct vodkit_client {
    pub(crate) inner: crate::Client,
}

/// Reads an optional JSON argument (NULL or "" = `null`).
pub(crate) unsafe fn json_arg(
    p: *const c_char,
    name: &str,
) -> Result<serde_json::Value, vodkit_error> {
    match opt_str(p, name)? {
        None => Ok(serde_json::Value::Null),
        Some(text) if text.trim().is_empty() => Ok(serde_json::Value::Null),
        Some(text) => crate::api::json_from_text(text, name).map_err(Into::into),
    }
}

/// Creates a client of `provider` (a registered provider's name) from its
/// config, a JSON object: `base_url` (replaces all of the provider's hosts),
/// `hosts` (per-host overrides), `path_overrides`, the common HTTP keys
/// (`connect_timeout_ms`, `request_timeout_ms`, `upload_part_timeout_ms`,
/// `upload_stall_timeout_ms`, `proxy`, `user_agent`, `retry`) and the provider's own keys (its
/// credentials and settings, listed per provider in the README). An unknown
/// provider is an INVALID_INPUT error listing the registered ones; an
/// unknown key, one naming it. On success `*out_client` owns the new client.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_new(
    provider: *const c_char,
    config_json: *const c_char,
    out_client: *mut *mut vodkit_client,
) -> *mut vodkit_error {
    ffi_boundary!({
        let provider = arg_str(provider, "provider")?;
        arg_str(config_json, "config_json")?;
        let config = json_arg(config_json, "config_json")?;
        arg_out(out_client, "out_client")?;
        let inner = crate::Client::new(provider, &config)?;
        put(
            out_client,
            super::live::into_handle(vodkit_client { inner }),
        );
        Ok(())
    })
}

/// Frees a client. NULL is a no-op.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_free(client: *mut vodkit_client) {
    ffi_boundary_or!((), {
        super::live::free_handle(client);
    })
}

/// The client's catalog as a JSON array of `{"provider", "name", "function",
/// "method", "host", "path", "provisional", "file_field", "params": [{"name",
/// "type", "items", "required", "doc", "schema"}], "doc", "answer"}`; free
/// `*out_json` with `vodkit_string_free`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_operations(
    client: *const vodkit_client,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        arg_out(out_json, "out_json")?;
        put(out_json, json_out(&client.inner.operations())?);
        Ok(())
    })
}

/// Calls `operation` (a catalog name, as `vodkit_client_operations` lists
/// them; a provider that allows it also takes a raw API path) with
/// parameters as a JSON object (NULL: none). A catalog operation's parameters
/// are checked through its typed model (unknown or ill-typed ones are
/// INVALID_INPUT). On success `*out_json` is the answer's data as JSON.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_call(
    client: *const vodkit_client,
    operation: *const c_char,
    params_json: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        let operation = arg_str(operation, "operation")?;
        let params = json_arg(params_json, "params_json")?;
        arg_out(out_json, "out_json")?;
        let data = client.inner.call(operation, &params)?;
        put(out_json, json_out(&data)?);
        Ok(())
    })
}

/// As `vodkit_client_call`, sending the file at `path` as the multipart part
/// `file_field` (the catalog's `file_field` for operations that send one).
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_call_with_file(
    client: *const vodkit_client,
    operation: *const c_char,
    params_json: *const c_char,
    file_field: *const c_char,
    path: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        let operation = arg_str(operation, "operation")?;
        let params = json_arg(params_json, "params_json")?;
        let field = arg_str(file_field, "file_field")?;
        let path = arg_str(path, "path")?;
        arg_out(out_json, "out_json")?;
        let data =
            client
                .inner
                .call_with_file(operation, &params, field, std::path::Path::new(path))?;
        put(out_json, json_out(&data)?);
        Ok(())
    })
}

/// The credentials the client holds now, as a JSON object of config keys
/// the application may store and pass back to `vodkit_client_new` (for a
/// provider with OAuth tokens: `{"access_token", "refresh_token",
/// "expires_in"}`, which change when the client authorizes or refreshes;
/// for a provider whose key the client fetches with a secret: `{"partner_key"}`
/// once it fetched one, `null` before), or `null` for a provider whose
/// credentials never change. A pull getter: no callback, safe from any
/// thread while the client is in use (a token refreshed during a parallel
/// upload is seen here once it is in effect). The JSON holds secrets: never
/// log it. Free `*out_json` with `vodkit_string_free`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_client_credentials(
    client: *const vodkit_client,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        arg_out(out_json, "out_json")?;
        let credentials = client
            .inner
            .credentials()
            .unwrap_or(serde_json::Value::Null);
        put(out_json, json_out(&credentials)?);
        Ok(())
    })
}
