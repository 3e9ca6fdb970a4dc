//! What every provider's emulation shares: the server and its control API,
//! and the knobs each provider gets its own copy of (clock, faults, rate
//! limit, request counts), plus form parsing
//! (a streaming multipart reader among it).
//!
//! Nothing here knows a provider: a provider plugs in through [`Provider`],
//! and only `crate::providers` lists them.

pub mod clock;
pub(crate) mod control;
pub mod controls;
pub mod digest;
pub mod faults;
pub mod form;
pub mod heap;
pub mod intake;
pub(crate) mod lock;
pub mod multipart;
pub mod persist;
pub mod provider;
pub mod ranged;
pub mod rate_limit;
pub mod server;
pub mod stats;
pub mod tls;
pub mod upload_target;

pub use provider::Provider;
