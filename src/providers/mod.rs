//! One module per provider: config, auth, envelope, catalog + models, upload
//! sink, provider-only extras. [`PROVIDERS`] is the one list of them.

pub mod baijiayun;

use crate::api::registry::Provider;

/// Every provider the neutral client can be built for.
pub static PROVIDERS: &[Provider] = &[Provider {
    name: baijiayun::PROVIDER,
    catalog: baijiayun::CATALOG,
    build: baijiayun::build,
    config_schema: || crate::api::schema_of::<baijiayun::Config>(),
}];
