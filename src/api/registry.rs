//! Provider name → how to build its client, and its catalog. The list itself
//! is [`crate::providers::PROVIDERS`].

use std::sync::Arc;

use serde_json::Value;

use super::catalog::{OpSpec, OperationInfo};
use super::service::Service;
use crate::error::{Error, Result};

/// One provider of the registry.
pub struct Provider {
    /// The name clients are built with (`"baijiayun"`).
    pub name: &'static str,
    pub catalog: &'static [OpSpec],
    /// Builds the provider's service from its JSON config.
    pub build: fn(&Value) -> Result<Arc<dyn Service>>,
    /// The JSON schema of the provider's config (keys, types, docs).
    pub config_schema: fn() -> schemars::Schema,
}

/// Every registered provider.
pub fn providers() -> &'static [Provider] {
    crate::providers::PROVIDERS
}

/// The provider called `name`; an unknown name is `InvalidInput` listing the known ones.
pub fn find(name: &str) -> Result<&'static Provider> {
    providers().iter().find(|p| p.name == name).ok_or_else(|| {
        let known: Vec<&str> = providers().iter().map(|p| p.name).collect();
        Error::invalid_input(format!(
            "unknown provider {name:?} (providers: {})",
            known.join(", ")
        ))
    })
}

/// The catalog of every provider, with default paths: what the binding
/// generator reads.
pub fn all_operations() -> Vec<OperationInfo> {
    providers()
        .iter()
        .flat_map(|p| {
            p.catalog
                .iter()
                .map(|spec| OperationInfo::of(spec, spec.path))
        })
        .collect()
}
