//! `vodkit_bjy_config`: builds a Baijiayun client configuration.

use std::ffi::c_char;
use std::time::Duration;

use super::boundary::{arg_mut, arg_out, arg_str, put};
use super::error::vodkit_error;
use crate::baijiayun::Config;
use crate::Error;

/// A Baijiayun client configuration under construction. Not thread-safe;
/// free it with `vodkit_bjy_config_free` once the client is built.
pub struct vodkit_bjy_config {
    pub(crate) inner: Config,
}

/// Creates a configuration with the account's `partner_id` and `partner_key`
/// (copied). Set a base URL or a private domain before building a client.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_config_new(
    partner_id: *const c_char,
    partner_key: *const c_char,
    out_config: *mut *mut vodkit_bjy_config,
) -> *mut vodkit_error {
    ffi_boundary!({
        let id = arg_str(partner_id, "partner_id")?;
        let key = arg_str(partner_key, "partner_key")?;
        arg_out(out_config, "out_config")?;
        let config = vodkit_bjy_config {
            inner: Config::new(id, key),
        };
        put(out_config, super::live::into_handle(config));
        Ok(())
    })
}

/// Creates a configuration from JSON: the fields of the Rust `Config`
/// (`partner_id`, `partner_key`, `secret_key`, `private_domain`, `base_url`,
/// `http: {connect_timeout_ms, request_timeout_ms, upload_part_timeout_ms,
/// proxy, user_agent}`, `retry: {max_retries, initial_backoff_ms,
/// max_backoff_ms, multiplier}`, `upload_field`, `part_size`,
/// `path_overrides`, `rate_limit_codes`).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_config_from_json(
    json: *const c_char,
    out_config: *mut *mut vodkit_bjy_config,
) -> *mut vodkit_error {
    ffi_boundary!({
        let json = arg_str(json, "json")?;
        arg_out(out_config, "out_config")?;
        let inner: Config = serde_json::from_str(json)
            .map_err(|e| Error::invalid_input(format!("config JSON: {e}")))?;
        put(
            out_config,
            super::live::into_handle(vodkit_bjy_config { inner }),
        );
        Ok(())
    })
}

/// Sets the full base URL (`https://api.baijiayun.com`, an emulator's URL).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_config_set_base_url(
    config: *mut vodkit_bjy_config,
    base_url: *const c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let c = arg_mut(config, "config")?;
        c.inner.base_url = Some(arg_str(base_url, "base_url")?.to_owned());
        Ok(())
    })
}

/// Sets the private domain (`acme` for `https://acme.at.baijiayun.com`).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_config_set_private_domain(
    config: *mut vodkit_bjy_config,
    domain: *const c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let c = arg_mut(config, "config")?;
        c.inner.private_domain = Some(arg_str(domain, "domain")?.to_owned());
        Ok(())
    })
}

/// Sets the `secret_key` that may reset the partner key (API 1).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_config_set_secret_key(
    config: *mut vodkit_bjy_config,
    secret_key: *const c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let c = arg_mut(config, "config")?;
        c.inner.secret_key = Some(arg_str(secret_key, "secret_key")?.into());
        Ok(())
    })
}

/// Sets the timeouts in milliseconds: connecting, one API call, one upload part.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_config_set_timeouts(
    config: *mut vodkit_bjy_config,
    connect_ms: u64,
    request_ms: u64,
    upload_part_ms: u64,
) -> *mut vodkit_error {
    ffi_boundary!({
        let c = arg_mut(config, "config")?;
        if connect_ms == 0 || request_ms == 0 || upload_part_ms == 0 {
            return Err(Error::invalid_input("timeouts must be at least 1 ms").into());
        }
        c.inner.http.connect_timeout = Duration::from_millis(connect_ms);
        c.inner.http.request_timeout = Duration::from_millis(request_ms);
        c.inner.http.upload_part_timeout = Duration::from_millis(upload_part_ms);
        Ok(())
    })
}

/// Sends all traffic through a proxy (`http://host:port`); NULL removes it.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_config_set_proxy(
    config: *mut vodkit_bjy_config,
    proxy: *const c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let c = arg_mut(config, "config")?;
        c.inner.http.proxy = super::boundary::opt_str(proxy, "proxy")?.map(str::to_owned);
        Ok(())
    })
}

/// Sets the `User-Agent` header.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_config_set_user_agent(
    config: *mut vodkit_bjy_config,
    user_agent: *const c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let c = arg_mut(config, "config")?;
        c.inner.http.user_agent = arg_str(user_agent, "user_agent")?.to_owned();
        Ok(())
    })
}

/// Sets the retry policy: retries after the first attempt (0 = none) and the
/// exponential back-off's first and largest waits, in milliseconds.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_config_set_retries(
    config: *mut vodkit_bjy_config,
    max_retries: u32,
    initial_backoff_ms: u64,
    max_backoff_ms: u64,
) -> *mut vodkit_error {
    ffi_boundary!({
        let c = arg_mut(config, "config")?;
        if initial_backoff_ms > max_backoff_ms {
            return Err(Error::invalid_input("initial_backoff_ms exceeds max_backoff_ms").into());
        }
        c.inner.retry.max_retries = max_retries;
        c.inner.retry.initial_backoff = Duration::from_millis(initial_backoff_ms);
        c.inner.retry.max_backoff = Duration::from_millis(max_backoff_ms);
        Ok(())
    })
}

/// Sets the upload part size in bytes (files larger go as ranged parts).
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_config_set_part_size(
    config: *mut vodkit_bjy_config,
    part_size: u64,
) -> *mut vodkit_error {
    ffi_boundary!({
        let c = arg_mut(config, "config")?;
        if part_size == 0 {
            return Err(Error::invalid_input("part_size must be at least 1 byte").into());
        }
        c.inner.part_size = part_size;
        Ok(())
    })
}

/// Sends `operation` (e.g. "video/getMarker") to `path` instead of its default.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_config_set_path_override(
    config: *mut vodkit_bjy_config,
    operation: *const c_char,
    path: *const c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let c = arg_mut(config, "config")?;
        let op = arg_str(operation, "operation")?.to_owned();
        let path = arg_str(path, "path")?.to_owned();
        c.inner.path_overrides.insert(op, path);
        Ok(())
    })
}

/// Frees a configuration. NULL is a no-op.
#[no_mangle]
pub unsafe extern "C" fn vodkit_bjy_config_free(config: *mut vodkit_bjy_config) {
    ffi_boundary_or!((), {
        super::live::free_handle(config);
    })
}
