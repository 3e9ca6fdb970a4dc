//! 趣视频 behind the provider-neutral [`crate::Client`]: the catalog only
//! (no raw calls by path: the AppServer's methods differ per operation and
//! a guessed method could send a GET to a POST-only operation), and no
//! upload (app users upload from the app, not through the console).

use std::sync::Arc;

use serde_json::Value;

use super::catalog::CATALOG;
use super::client::{Client, PROVIDER};
use super::config::Config;
use crate::api::{config_from_json, Caller, OpSpec, Service};
use crate::error::{Error, Result};
use crate::upload::{Source, UploadHooks};

impl Client {
    /// This client as the provider-neutral [`crate::Client`] (same session
    /// and connections).
    pub fn as_client(&self) -> crate::Client {
        crate::Client::from_service(Arc::new(QuvideoService(self.clone())))
    }

    /// The generic call: a catalog operation by name with a JSON object of
    /// parameters, checked through its typed model. Returns the `data`.
    pub fn call_json(&self, operation: &str, params: &Value) -> Result<Value> {
        self.as_client().call(operation, params)
    }
}

struct QuvideoService(Client);

fn no_upload() -> Error {
    Error::invalid_input(
        "quvideo: uploads are not supported (the 趣视频 console manages videos app users upload)",
    )
}

impl Service for QuvideoService {
    fn caller(&self) -> &Caller {
        self.0.caller()
    }

    fn catalog(&self) -> &'static [OpSpec] {
        CATALOG
    }

    fn upload(
        &self,
        _source: Source,
        _options: &Value,
        _control: UploadHooks<'_>,
    ) -> Result<Value> {
        Err(no_upload())
    }

    fn resume_upload(
        &self,
        _resume: &Value,
        _source: Source,
        _options: &Value,
        _control: UploadHooks<'_>,
    ) -> Result<Value> {
        Err(no_upload())
    }
}

/// Builds the service from its JSON config (the registry's entry).
pub(crate) fn build(config: &Value) -> Result<Arc<dyn Service>> {
    let config: Config = config_from_json(PROVIDER, config)?;
    Ok(Arc::new(QuvideoService(Client::new(config)?)))
}
