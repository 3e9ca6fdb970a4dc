//! Baijiayun behind the provider-neutral [`crate::Client`]: the catalog, raw
//! calls by path, and uploads with JSON options and resume handles.

use std::sync::Arc;

use serde_json::Value;

use super::catalog::CATALOG;
use super::client::{raw_target, Client, PROVIDER};
use super::config::Config;
use super::upload::UploadOptions;
use crate::api::to_json;
use crate::api::{config_from_json, options_from_json, Caller, OpSpec, RawTarget, Service};
use crate::error::{Error, Result};
use crate::upload::{Source, UploadHooks};

impl Client {
    /// This client as the provider-neutral [`crate::Client`] (same pipeline
    /// and connections).
    pub fn as_client(&self) -> crate::Client {
        crate::Client::from_service(Arc::new(BaijiayunService(self.clone())))
    }

    /// The generic call: any operation name (or any path under `/openapi/`)
    /// with a JSON object of parameters. A catalog operation is checked
    /// through its typed model; `partner_id`, `timestamp` and `sign` are
    /// added. Returns the envelope's `data`.
    pub fn call_json(&self, operation: &str, params: &Value) -> Result<Value> {
        self.as_client().call(operation, params)
    }
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

    fn upload(&self, source: Source, options: &Value, control: UploadHooks<'_>) -> Result<Value> {
        let options: UploadOptions = options_from_json("baijiayun upload options", options)?;
        let uploaded = self.0.upload_with(source, &options, control)?;
        to_json(&uploaded, "the upload result")
    }

    fn resume_upload(
        &self,
        resume: &Value,
        source: Source,
        options: &Value,
        control: UploadHooks<'_>,
    ) -> Result<Value> {
        let video_id = resume_video_id(resume)?;
        let options: UploadOptions = options_from_json("baijiayun upload options", options)?;
        let uploaded = self.0.resume_upload(video_id, source, &options, control)?;
        to_json(&uploaded, "the upload result")
    }

    /// The partner key fetched with the `secret_key`, once there is one.
    fn credentials(&self) -> Option<Value> {
        let key = self.0.fetched_partner_key()?;
        Some(serde_json::json!({ "partner_key": key.expose() }))
    }
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

/// Builds Baijiayun's service from its JSON config (the registry's entry).
pub(crate) fn build(config: &Value) -> Result<Arc<dyn Service>> {
    let config: Config = config_from_json(PROVIDER, config)?;
    Ok(Arc::new(BaijiayunService(Client::new(config)?)))
}
