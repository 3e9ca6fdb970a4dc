//! vodkit: one client for three video-on-demand platforms.
//!
//! The core is provider-neutral: [`Error`] and its classification, the HTTP
//! transport with retries ([`http`]), the operation catalog, auth, envelope
//! and call loop ([`api`]), the upload engine ([`upload`]) and the secret
//! wrapper ([`Secret`]). [`Client`] reaches every provider from a name and a
//! JSON config; each provider lives in [`providers`] with a typed client,
//! re-exported at the crate root (`vodkit::baijiayun`, `vodkit::iqiyi`,
//! `vodkit::quvideo`).
//!
//! ```no_run
//! let client = vodkit::Client::new("baijiayun", &serde_json::json!({
//!     "partner_id": "12345678", "partner_key": "partner-key", "private_domain": "acme",
//! }))?;
//! let status = client.call("video/getStatus", &serde_json::json!({ "video_id": 7 }))?;
//! # Ok::<(), vodkit::Error>(())
//! ```
//!
//! ```no_run
//! use vodkit::baijiayun::{Client, Config, GetStatus, UploadOptions};
//!
//! let client = Client::new(Config::new("12345678", "partner-key").private_domain("acme"))?;
//! let uploaded = client.upload("lecture.mp4", &UploadOptions::default())?;
//! let status = client.get_status(&GetStatus { video_id: uploaded.video_id })?;
//! println!("video {} is in state {:?}", uploaded.video_id, status.status);
//! # Ok::<(), vodkit::Error>(())
//! ```

// Only `ffi` goes into the C header: cbindgen skips the modules marked below.
/// cbindgen:ignore
#[macro_use]
pub mod api;
/// cbindgen:ignore
pub mod android;
/// cbindgen:ignore
pub mod copy;
/// cbindgen:ignore
pub mod error;
pub mod ffi;
/// cbindgen:ignore
mod hex;
/// cbindgen:ignore
pub mod http;
/// cbindgen:ignore
pub mod lenient;
/// cbindgen:ignore
pub mod logs;
/// cbindgen:ignore
pub mod params;
/// cbindgen:ignore
pub mod providers;
/// cbindgen:ignore
pub mod secret;
/// cbindgen:ignore
pub mod units;
/// cbindgen:ignore
pub mod upload;

pub use api::Client;
pub use copy::{copy, Copied};
pub use error::{Error, ErrorKind, Result};
pub use providers::baijiayun;
pub use providers::iqiyi;
pub use providers::quvideo;
pub use secret::Secret;

/// The crate version, as in `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
