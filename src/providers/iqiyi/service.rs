//! iQiyi behind the provider-neutral [`crate::Client`]: the catalog, and
//! uploads with JSON options and resume handles.

use std::sync::Arc;

use serde_json::Value;

use super::catalog::CATALOG;
use super::client::{Client, PROVIDER};
use super::config::Config;
use super::upload::UploadOptions;
use crate::api::to_json;
use crate::api::{config_from_json, options_from_json, Caller, OpSpec, Service};
use crate::error::Result;
use crate::upload::{Source, UploadHooks};

impl Client {
    /// This client as the provider-neutral [`crate::Client`].
    pub fn as_client(&self) -> crate::Client {
        crate::Client::from_service(Arc::new(IqiyiService(self.clone())))
    }

    /// The generic call: a catalog operation with JSON parameters.
    pub fn call_json(&self, operation: &str, params: &Value) -> Result<Value> {
        self.as_client().call(operation, params)
    }
}

struct IqiyiService(Client);

impl Service for IqiyiService {
    fn caller(&self) -> &Caller {
        self.0.caller()
    }

    fn catalog(&self) -> &'static [OpSpec] {
        CATALOG
    }

    fn upload(&self, source: Source, options: &Value, control: UploadHooks<'_>) -> Result<Value> {
        let options: UploadOptions = options_from_json("iqiyi upload options", options)?;
        to_json(
            &self.0.upload_with(source, &options, control)?,
            "the upload result",
        )
    }

    fn resume_upload(
        &self,
        resume: &Value,
        source: Source,
        options: &Value,
        control: UploadHooks<'_>,
    ) -> Result<Value> {
        let options: UploadOptions = options_from_json("iqiyi upload options", options)?;
        to_json(
            &self.0.resume_upload(resume, source, &options, control)?,
            "the upload result",
        )
    }

    fn credentials(&self) -> Option<Value> {
        Some(self.0.tokens().to_json())
    }
}

/// Builds iQiyi's service from its JSON config (the registry's entry).
pub(crate) fn build(config: &Value) -> Result<Arc<dyn Service>> {
    let config: Config = config_from_json(PROVIDER, config)?;
    Ok(Arc::new(IqiyiService(Client::new(config)?)))
}
