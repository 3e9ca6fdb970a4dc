//! One module per provider, each a client built from its own config.

pub mod baijiayun;
