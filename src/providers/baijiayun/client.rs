//! The typed Baijiayun client: its pipeline (partner-key auth, envelope,
//! hosts), typed and raw calls. The typed methods are in `models/`.

use std::path::Path;
use std::sync::Arc;

use serde_json::Value;

use super::auth::PartnerKeyAuth;
use super::config::Config;
use super::envelope::BaijiayunEnvelope;
use crate::api::{call_typed, Caller, CallerParts, Method, Operation, RawTarget};
use crate::error::{Error, Result};
use crate::params::Params;

/// The provider's name in the registry and every binding.
pub const PROVIDER: &str = "baijiayun";

/// A Baijiayun VOD client. One pooled HTTP connection set per client; cheap
/// to clone, `Send + Sync`: share it rather than building one per call.
#[derive(Clone)]
pub struct Client {
    shared: Arc<Shared>,
}

struct Shared {
    config: Config,
    caller: Caller,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("caller", &self.shared.caller)
            .field("config", &self.shared.config)
            .finish()
    }
}

impl Client {
    pub fn new(config: Config) -> Result<Self> {
        let hosts = config.hosts()?;
        // An override of an operation that does not exist is a typo.
        if let Some(name) = config
            .common
            .path_overrides
            .keys()
            .find(|name| super::catalog::find(name).is_none())
        {
            return Err(Error::invalid_input(format!(
                "path_overrides: {name:?} is not an operation of the catalog"
            )));
        }
        // An override is a URL path too: it follows the same grammar.
        if let Some((name, path)) = config
            .common
            .path_overrides
            .iter()
            .find(|(_, path)| !is_api_path(path.strip_prefix('/').unwrap_or(path)))
        {
            return Err(Error::invalid_input(format!(
                "path_overrides: {name:?}: {path:?} is not an API path (segments of A-Z, a-z, \
                 0-9 and _, separated by /)"
            )));
        }
        // A file field override names an operation that sends a file.
        if let Some(name) = config
            .common
            .file_fields
            .keys()
            .find(|name| super::catalog::find(name).is_none_or(|op| op.file_field.is_none()))
        {
            return Err(Error::invalid_input(format!(
                "file_fields: {name:?} is not an operation of the catalog that sends a file"
            )));
        }
        if let Some(name) = config
            .common
            .file_fields
            .iter()
            .find(|(_, field)| field.is_empty())
            .map(|(name, _)| name)
        {
            return Err(Error::invalid_input(format!(
                "file_fields: {name:?}: the field name is empty"
            )));
        }
        let caller = Caller::new(CallerParts {
            provider: PROVIDER,
            hosts,
            path_overrides: config.common.path_overrides.clone(),
            http: config.common.http.clone(),
            retry: config.common.retry.clone(),
            auth: Box::new(PartnerKeyAuth {
                partner_id: config.partner_id.clone(),
                partner_key: config.partner_key.clone(),
            }),
            envelope: Box::new(BaijiayunEnvelope {
                rate_limit_codes: config.rate_limit_codes.clone(),
            }),
        })?
        .with_file_fields(config.common.file_fields.clone());
        Ok(Client {
            shared: Arc::new(Shared { config, caller }),
        })
    }

    pub fn config(&self) -> &Config {
        &self.shared.config
    }

    pub(crate) fn caller(&self) -> &Caller {
        &self.shared.caller
    }

    /// Calls a typed operation: validated, signed, sent, its `data` decoded.
    pub fn call<O: Operation>(&self, request: &O) -> Result<O::Answer> {
        call_typed(self.caller(), request, None)
    }

    /// As [`Client::call`], with the file the operation sends.
    pub(crate) fn call_with_file<O: Operation>(
        &self,
        request: &O,
        path: &Path,
    ) -> Result<O::Answer> {
        call_typed(self.caller(), request, Some(path))
    }

    /// The generic signed call with ready wire parameters, bypassing the
    /// typed models (a given `timestamp` is kept and signed as given).
    pub fn call_raw(&self, operation: &str, params: Params) -> Result<Value> {
        self.raw(operation, params, None)
    }

    /// As [`Client::call_raw`], with a JSON object of parameters (no model,
    /// no check: what the server itself says about them).
    pub fn call_raw_json(&self, operation: &str, params: &Value) -> Result<Value> {
        self.call_raw(operation, Params::from_json(params)?)
    }

    /// As [`Client::call_raw`], with a file sent as the multipart part
    /// `field` (file parts are never signed).
    pub fn call_raw_with_file(
        &self,
        operation: &str,
        params: Params,
        field: &str,
        path: &Path,
    ) -> Result<Value> {
        self.raw(
            operation,
            params,
            Some(crate::api::FilePart { field, path }),
        )
    }

    fn raw(
        &self,
        operation: &str,
        params: Params,
        file: Option<crate::api::FilePart<'_>>,
    ) -> Result<Value> {
        let target = raw_target(operation)?;
        let name = super::catalog::find(operation).map_or(operation, |op| op.name);
        self.caller().call(
            &crate::api::Target {
                name,
                method: target.method,
                host: target.host,
                path: &target.path,
            },
            params,
            file,
        )
    }

    /// Adds `partner_id`, `timestamp` and `sign` to `params`.
    pub fn signed(&self, params: Params) -> Params {
        PartnerKeyAuth {
            partner_id: self.shared.config.partner_id.clone(),
            partner_key: self.shared.config.partner_key.clone(),
        }
        .signed(params)
    }
}

/// Any name is a path under `/openapi/` (a catalog name is its own path).
pub(crate) fn raw_target(operation: &str) -> Result<RawTarget> {
    let path = match super::catalog::find(operation) {
        Some(op) => op.path.to_owned(),
        None => operation.strip_prefix('/').unwrap_or(operation).to_owned(),
    };
    if !is_api_path(&path) {
        return Err(Error::invalid_input(format!(
            "not an operation name or API path: {operation:?} (segments of A-Z, a-z, 0-9 and _, \
             separated by /)"
        )));
    }
    Ok(RawTarget {
        method: Method::Post,
        host: "api",
        path,
    })
}

/// The grammar of an API path: `segment(/segment)*`, each segment one or
/// more of `[A-Za-z0-9_]`. Nothing a URL parser would reinterpret — `.`,
/// `%`, `?`, `#`, `\`, empty segments — can get through, so a name can never
/// leave `/openapi/` (`%2e%2e/` is refused, not decoded later).
pub(crate) fn is_api_path(path: &str) -> bool {
    !path.is_empty()
        && path.split('/').all(|segment| {
            !segment.is_empty()
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_names_follow_a_strict_grammar() {
        for ok in [
            "video/getStatus",
            "/video/getStatus",
            "video_account/getStorgeAndFlowInfo",
            "x",
        ] {
            assert!(raw_target(ok).is_ok(), "{ok}");
        }
        for bad in [
            "%2e%2e/%2e%2e/_emulator/faults",
            "%2E%2E/x",
            "../_emulator/faults",
            "video/./getStatus",
            "video//getStatus",
            "video/getStatus?x=1",
            "video/getStatus#x",
            "video\\getStatus",
            "video/get-Status",
            "video.getStatus",
            "//evil.example/x",
            "",
            "/",
            "video/",
        ] {
            let err = raw_target(bad).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::InvalidInput, "{bad}");
        }
        for op in super::super::catalog::CATALOG {
            assert!(is_api_path(op.path), "{}", op.path);
        }
    }
}
