//! The provider-neutral client: built from a provider name and a JSON config
//! (as OpenDAL's `Operator` is from a scheme and options); calls, uploads and
//! the catalog work the same for every provider.

use std::path::Path;
use std::sync::Arc;

use serde_json::Value;

use super::catalog::OperationInfo;
use super::lifecycle::Lifecycle;
use super::request::FilePart;
use super::request::Target;
use super::service::Service;
use crate::error::{Error, Result};
use crate::params::Params;
use crate::upload::{IntoSource, UploadHooks};

/// A client of one provider. Cheap to clone (shared pipeline and connection
/// pool); `Send + Sync`.
#[derive(Clone)]
pub struct Client {
    service: Arc<dyn Service>,
    /// The provider's lifecycle facts (a registered provider's), which
    /// `operations()` attaches to its lifecycle operations.
    lifecycle: Option<&'static Lifecycle>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("caller", self.service.caller())
            .finish()
    }
}

impl Client {
    /// A client of a provider defined outside the registry (the registered
    /// ones: [`Client::new`], in [`crate::providers::registry`]).
    pub fn from_service(service: Arc<dyn Service>) -> Self {
        Client {
            service,
            lifecycle: None,
        }
    }

    /// The same client, telling `lifecycle`'s facts in `operations()`.
    pub fn with_lifecycle(mut self, lifecycle: &'static Lifecycle) -> Self {
        self.lifecycle = Some(lifecycle);
        self
    }

    /// The provider's lifecycle facts, where it registered them.
    pub fn lifecycle(&self) -> Option<&'static Lifecycle> {
        self.lifecycle
    }

    pub fn provider(&self) -> &'static str {
        self.service.caller().provider()
    }

    pub fn service(&self) -> &dyn Service {
        self.service.as_ref()
    }

    /// Every typed operation, with parameters, docs and answer shape.
    pub fn operations(&self) -> Vec<OperationInfo> {
        let caller = self.service.caller();
        self.service
            .catalog()
            .iter()
            .map(|spec| Lifecycle::attach(self.lifecycle, OperationInfo::of_caller(spec, caller)))
            .collect()
    }

    /// Calls an operation by name with JSON parameters. A catalog operation's
    /// parameters are read and checked through its typed model; another name
    /// goes out as a raw call where the provider allows it.
    pub fn call(&self, operation: &str, params: &Value) -> Result<Value> {
        self.dispatch(operation, params, None)
    }

    /// As [`Client::call`], with a file sent as the multipart part `field`.
    /// An empty `field` means the operation's own: the catalog's, or the
    /// config's `file_fields` override (what the typed methods of every
    /// binding pass).
    pub fn call_with_file(
        &self,
        operation: &str,
        params: &Value,
        field: &str,
        path: &Path,
    ) -> Result<Value> {
        let field = match field {
            "" => {
                let spec = self.service.catalog().iter().find(|s| s.name == operation);
                spec.and_then(|s| self.service.caller().file_field_of(s.name, s.file_field))
                    .ok_or_else(|| {
                        Error::invalid_input(format!(
                            "{operation}: no file field is known for it: name one"
                        ))
                    })?
            }
            named => named,
        };
        self.dispatch(operation, params, Some(FilePart { field, path }))
    }

    fn dispatch(
        &self,
        operation: &str,
        params: &Value,
        file: Option<FilePart<'_>>,
    ) -> Result<Value> {
        let caller = self.service.caller();
        if let Some(spec) = self.service.catalog().iter().find(|s| s.name == operation) {
            return (spec.invoke)(caller, spec, params, file);
        }
        let raw = self.service.raw_target(operation).map_err(|err| {
            let known: Vec<&str> = self.service.catalog().iter().map(|s| s.name).collect();
            Error::invalid_input(format!(
                "{} (operations: {})",
                err.message(),
                known.join(", ")
            ))
        })?;
        let params = match params {
            Value::Null => Params::new(),
            other => Params::from_json(other)?,
        };
        let target = Target {
            name: operation,
            method: raw.method,
            host: raw.host,
            path: &raw.path,
        };
        caller.call(&target, params, file)
    }

    /// The credentials the client holds now (see [`Service::credentials`]):
    /// a pull getter, safe from any thread, for providers whose tokens renew.
    pub fn credentials(&self) -> Option<Value> {
        self.service.credentials()
    }

    /// Uploads a file (a path, or any [`Source`](crate::upload::Source): a file handle, a buffer, a
    /// reader) as a new video. `options` is the provider's upload options as
    /// a JSON object (`null` for the defaults). On failure the error's
    /// [`Error::resume`] handle continues it.
    pub fn upload(
        &self,
        source: impl IntoSource,
        options: &Value,
        control: UploadHooks<'_>,
    ) -> Result<Value> {
        self.service.upload(source.into_source()?, options, control)
    }

    /// Continues an upload from its resume handle.
    pub fn resume_upload(
        &self,
        resume: &Value,
        source: impl IntoSource,
        options: &Value,
        control: UploadHooks<'_>,
    ) -> Result<Value> {
        self.service
            .resume_upload(resume, source.into_source()?, options, control)
    }
}
