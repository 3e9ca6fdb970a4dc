//! The typed Baijiayun client: one-line typed methods over the neutral call
//! loop, and the [`Service`] that puts Baijiayun behind [`crate::Client`].

use std::path::Path;
use std::sync::Arc;

use serde_json::Value;

use super::auth::PartnerKeyAuth;
use super::catalog::CATALOG;
use super::config::Config;
use super::envelope::BaijiayunEnvelope;
use super::upload::{UploadOptions, Uploaded};
use crate::api::{
    call_typed, config_from_json, Caller, CallerParts, Method, OpSpec, Operation, RawTarget,
    Service,
};
use crate::error::{Error, Result};
use crate::params::Params;
use crate::upload::UploadControl;

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
        })?;
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

    /// This client as the provider-neutral [`crate::Client`] (same pipeline
    /// and connections).
    pub fn as_client(&self) -> crate::Client {
        crate::Client::from_service(Arc::new(BaijiayunService(self.clone())))
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

    /// The generic call: any operation name (or any path under `/openapi/`)
    /// with a JSON object of parameters. A catalog operation is checked
    /// through its typed model; `partner_id`, `timestamp` and `sign` are
    /// added. Returns the envelope's `data`.
    pub fn call_json(&self, operation: &str, params: &Value) -> Result<Value> {
        self.as_client().call(operation, params)
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
fn raw_target(operation: &str) -> Result<RawTarget> {
    let path = match super::catalog::find(operation) {
        Some(op) => op.path.to_owned(),
        None => operation.trim_start_matches('/').to_owned(),
    };
    let ok = !path.is_empty()
        && !path.contains("..")
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '.'));
    if !ok {
        return Err(Error::invalid_input(format!(
            "not an operation name or API path: {operation:?}"
        )));
    }
    Ok(RawTarget {
        method: Method::Post,
        host: "api",
        path,
    })
}

/// Baijiayun behind the neutral client.
struct BaijiayunService(Client);

impl Service for BaijiayunService {
    fn caller(&self) -> &Caller {
        self.0.caller()
    }

    fn catalog(&self) -> &'static [OpSpec] {
        CATALOG
    }

    fn raw_target(&self, name: &str) -> Result<RawTarget> {
        raw_target(name)
    }

    fn upload(&self, path: &Path, options: &Value, control: UploadControl<'_>) -> Result<Value> {
        let options = upload_options(options)?;
        let uploaded = self.0.upload_with(path, &options, control)?;
        to_json(&uploaded)
    }

    fn resume_upload(
        &self,
        resume: &Value,
        path: &Path,
        options: &Value,
        control: UploadControl<'_>,
    ) -> Result<Value> {
        let video_id = resume_video_id(resume)?;
        let options = upload_options(options)?;
        let uploaded = self.0.resume_upload(video_id, path, &options, control)?;
        to_json(&uploaded)
    }
}

fn upload_options(json: &Value) -> Result<UploadOptions> {
    match json {
        Value::Null => Ok(UploadOptions::default()),
        other => config_from_json::<UploadOptions>("baijiayun upload options", other),
    }
}

/// The resume handle of a Baijiayun upload: `{"provider": "baijiayun", "video_id": N}`.
pub(crate) fn resume_handle(video_id: i64) -> Value {
    serde_json::json!({ "provider": PROVIDER, "video_id": video_id })
}

fn resume_video_id(resume: &Value) -> Result<i64> {
    let provider = resume.get("provider").and_then(Value::as_str);
    if provider.is_some_and(|p| p != PROVIDER) {
        return Err(Error::invalid_input(format!(
            "this resume handle is for {:?}, not baijiayun",
            provider.unwrap_or_default()
        )));
    }
    resume
        .get("video_id")
        .and_then(Value::as_i64)
        .filter(|id| *id > 0)
        .ok_or_else(|| {
            Error::invalid_input(
                "a Baijiayun resume handle is {\"provider\": \"baijiayun\", \"video_id\": N}",
            )
        })
}

fn to_json(uploaded: &Uploaded) -> Result<Value> {
    serde_json::to_value(uploaded)
        .map_err(|e| Error::internal(format!("the upload result cannot be encoded: {e}")))
}

/// Builds Baijiayun's service from its JSON config (the registry's entry).
pub(crate) fn build(config: &Value) -> Result<Arc<dyn Service>> {
    let config: Config = config_from_json(PROVIDER, config)?;
    Ok(Arc::new(BaijiayunService(Client::new(config)?)))
}
