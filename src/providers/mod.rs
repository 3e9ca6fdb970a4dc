//! One module per provider: config, auth, envelope, catalog + models, upload
//! sink, provider-only extras; [`registry`](crate::providers::registry) is the one list of them.

pub mod baijiayun;
pub mod iqiyi;
pub mod quvideo;
pub mod registry;
