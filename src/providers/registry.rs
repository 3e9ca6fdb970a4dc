//! Provider name → how to build its client, its catalog and its lifecycle
//! facts: the one list of providers, and the name-based constructor of the
//! neutral client.

use std::sync::Arc;

use serde_json::Value;

use super::{baijiayun, iqiyi, quvideo};
use crate::api::{schema_of, Client, Lifecycle, OpSpec, OperationInfo, Service};
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
    /// The JSON schema of the provider's upload options; `None` for a
    /// provider without uploads (its `upload` is `InvalidInput`).
    pub upload_options_schema: Option<fn() -> schemars::Schema>,
    /// Which operations tell a video's status, list, play URLs, delete and
    /// cancel; what its state codes mean; which config keys authenticate.
    pub lifecycle: &'static Lifecycle,
}

/// Every provider the neutral client can be built for.
static PROVIDERS: &[Provider] = &[
    Provider {
        name: baijiayun::PROVIDER,
        catalog: baijiayun::CATALOG,
        build: baijiayun::build,
        config_schema: schema_of::<baijiayun::Config>,
        upload_options_schema: Some(schema_of::<baijiayun::UploadOptions>),
        lifecycle: &baijiayun::catalog::LIFECYCLE,
    },
    Provider {
        name: iqiyi::PROVIDER,
        catalog: iqiyi::CATALOG,
        build: iqiyi::build,
        config_schema: schema_of::<iqiyi::Config>,
        upload_options_schema: Some(schema_of::<iqiyi::UploadOptions>),
        lifecycle: &iqiyi::catalog::LIFECYCLE,
    },
    Provider {
        name: quvideo::PROVIDER,
        catalog: quvideo::CATALOG,
        build: quvideo::build,
        config_schema: schema_of::<quvideo::Config>,
        upload_options_schema: None,
        lifecycle: &quvideo::catalog::LIFECYCLE,
    },
];

/// Every registered provider.
pub fn providers() -> &'static [Provider] {
    PROVIDERS
}

/// The provider called `name`; an unknown name is `InvalidInput` listing the known ones.
pub fn find(name: &str) -> Result<&'static Provider> {
    PROVIDERS.iter().find(|p| p.name == name).ok_or_else(|| {
        let known: Vec<&str> = PROVIDERS.iter().map(|p| p.name).collect();
        Error::invalid_input(format!(
            "unknown provider {name:?} (providers: {})",
            known.join(", ")
        ))
    })
}

/// The catalog of every provider, with default paths: what the binding
/// generator reads.
pub fn all_operations() -> Vec<OperationInfo> {
    PROVIDERS
        .iter()
        .flat_map(|p| {
            p.catalog.iter().map(|spec| {
                Lifecycle::attach(Some(p.lifecycle), OperationInfo::of(spec, spec.path))
            })
        })
        .collect()
}

impl Client {
    /// A client of `provider` (`"baijiayun"`, …) from its JSON config. An
    /// unknown provider, an unknown key or a bad value is `InvalidInput`
    /// naming it.
    pub fn new(provider: &str, config: &Value) -> Result<Self> {
        let entry = find(provider)?;
        Ok(Client::from_service((entry.build)(config)?).with_lifecycle(entry.lifecycle))
    }
}
