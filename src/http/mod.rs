//! The HTTP layer every provider shares: one pooled blocking client per SDK
//! client, timeouts, proxy, user agent, and the retry loop.

mod body_pump;
mod config;
mod retry;
mod stall;
pub mod tls;
mod transport;

pub use config::{HttpConfig, ProxyUrl};
pub use retry::RetryPolicy;
pub(crate) use transport::status_error;
pub use transport::{Response, Transport};
