//! The typed Baijiayun client: its pipeline (partner-key auth, envelope,
//! hosts), typed and raw calls. The typed methods are in `models/`.

use std::path::Path;
use std::sync::Arc;

use serde_json::Value;

use super::auth::PartnerKeyAuth;
use super::config::Config;
use super::envelope::BaijiayunEnvelope;
use super::key::KeyStore;
use crate::api::{call_typed, Caller, Method, Operation, RawTarget};
use crate::error::{Error, Result};
use crate::params::Params;
use crate::secret::Secret;

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
    key: Arc<KeyStore>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("caller", &self.shared.caller)
            .field("config", &self.shared.config)
            .finish()
    }
}

/// One typed method per catalog operation, taking its request model (the
/// request and answer types are named here, where the catalog names them).
mod typed {
    use super::super::models::*;
    use super::Client;

    super::super::catalog::typed_methods!(Client);
}

impl Client {
    pub fn new(config: Config) -> Result<Self> {
        let hosts = config.hosts()?;
        let key = KeyStore::new(
            config.partner_key.clone(),
            config.secret_key.clone(),
            config.on_partner_key.clone(),
        );
        let caller = config.common.caller(
            PROVIDER,
            super::catalog::CATALOG,
            hosts,
            Box::new(PartnerKeyAuth {
                partner_id: config.partner_id.clone(),
                key: key.clone(),
            }),
            Box::new(BaijiayunEnvelope {
                rate_limit_codes: config.rate_limit_codes.clone(),
            }),
        )?;
        Ok(Client {
            shared: Arc::new(Shared {
                config,
                caller,
                key,
            }),
        })
    }

    pub fn config(&self) -> &Config {
        &self.shared.config
    }

    /// The partner key fetched with the config's `secret_key` (see
    /// [`Config::secret_key`]); `None` until the client fetched one. Holds a
    /// secret: never log its value.
    pub fn fetched_partner_key(&self) -> Option<Secret> {
        self.shared.key.fetched()
    }

    pub(crate) fn caller(&self) -> &Caller {
        &self.shared.caller
    }

    /// `partner/createkey` with the config's `secret_key` (sugar over the
    /// generated `create_key`, which takes the key in its request): the
    /// partner key, a new one when `regenerate` — which this client then
    /// signs with (the old one stops working at once), and hands to the
    /// application like a fetched key.
    pub fn create_partner_key(&self, regenerate: bool) -> Result<super::models::PartnerKey> {
        let secret_key = match &self.config().secret_key {
            Some(key) if !key.is_empty() => key.expose().to_owned(),
            _ => return Err(Error::invalid_input("createkey needs Config::secret_key")),
        };
        let answer = self.create_key(&super::models::CreateKey {
            secret_key,
            regenerate: u8::from(regenerate),
        })?;
        if regenerate && !answer.partner_key.is_empty() {
            self.shared.key.adopt(answer.secret());
        }
        Ok(answer)
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

    /// Adds `partner_id`, `timestamp` and `sign` to `params` (signed with
    /// the key held now: empty before a `secret_key` client's first call).
    pub fn signed(&self, params: Params) -> Params {
        PartnerKeyAuth {
            partner_id: self.shared.config.partner_id.clone(),
            key: self.shared.key.clone(),
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
    if !crate::api::is_api_path(&path) {
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
            assert!(crate::api::is_api_path(op.path), "{}", op.path);
        }
    }
}
