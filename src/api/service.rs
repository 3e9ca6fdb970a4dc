//! What a provider implements to be reached through [`super::Client`].

use serde_json::Value;

use super::caller::Caller;
use super::catalog::OpSpec;
use super::request::Method;
use crate::error::{Error, Result};
use crate::upload::{Source, UploadHooks};

/// A provider behind the neutral client: its pipeline, its catalog, and its
/// upload. Everything else (the generic call, the catalog listing, the C ABI,
/// the bindings) is shared.
pub trait Service: Send + Sync {
    /// The pipeline (hosts, auth, envelope, transport) calls go through.
    fn caller(&self) -> &Caller;

    /// Every typed operation.
    fn catalog(&self) -> &'static [OpSpec];

    /// Where a name that is not in the catalog goes, for providers whose API
    /// can be called by path (Baijiayun: any path under `/openapi/`). The
    /// default refuses it.
    fn raw_target(&self, name: &str) -> Result<RawTarget> {
        Err(Error::invalid_input(format!(
            "{}: unknown operation {name:?}",
            self.caller().provider()
        )))
    }

    /// Uploads `source` as a new video; `options` is the provider's upload
    /// options as JSON. Answers the provider's result (its id field first).
    fn upload(&self, source: Source, options: &Value, control: UploadHooks<'_>) -> Result<Value>;

    /// Continues an upload from a resume handle ([`crate::Error::resume`]).
    fn resume_upload(
        &self,
        resume: &Value,
        source: Source,
        options: &Value,
        control: UploadHooks<'_>,
    ) -> Result<Value>;

    /// The credentials the client holds now, as JSON config keys the
    /// application may store and pass back (iQiyi: the token pair after a
    /// refresh; Baijiayun: the partner key it fetched with its secret key).
    /// `None` for providers whose credentials never change. Holds secrets:
    /// never log it.
    fn credentials(&self) -> Option<Value> {
        None
    }
}

/// A raw call's destination.
#[derive(Debug, Clone)]
pub struct RawTarget {
    pub method: Method,
    pub host: &'static str,
    pub path: String,
}
