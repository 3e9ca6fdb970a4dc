//! The iQiyi open platform (爱奇艺开放平台): config, OAuth (authorize, refresh
//! before expiry and once on an expired-token code), the string-code
//! envelope, catalog + models, and the parallel verified ranged upload.
//!
//! ```no_run
//! use vodkit::iqiyi::{Client, Config, UploadOptions, FullStatus};
//!
//! let client = Client::new(Config::new("app-key", "app-secret"))?;
//! let up = client.upload("talk.mp4", &UploadOptions::default())?;
//! let status = client.full_status(&FullStatus { file_id: up.file_id.clone() })?;
//! # Ok::<(), vodkit::Error>(())
//! ```
//!
//! Play URLs (`file/urllist`, `urllist` in `fullStatus`) expire after about
//! 15 minutes: ask again before each playback, never cache them longer.

mod auth;
pub mod catalog;
mod client;
mod config;
mod envelope;
pub mod models;
mod service;
mod tokens;
mod upload;

pub use crate::api::Ack;
pub use catalog::CATALOG;
pub use client::{Client, PROVIDER};
pub use config::Config;
pub use models::oauth::*;
pub use models::upload::*;
pub use models::video::*;
pub(crate) use service::build;
pub use tokens::Tokens;
pub use upload::{UploadOptions, Uploaded};
