//! Baijiayun (百家云) VOD: config, auth (the MD5 sign), envelope, catalog +
//! models, the upload sink, and the callback verifier.
//!
//! ```no_run
//! use vodkit::baijiayun::{Client, Config, GetUrl, UploadOptions};
//!
//! let client = Client::new(Config::new("12345678", "partner-key").private_domain("acme"))?;
//! let video_id = client.upload("talk.mp4", &UploadOptions::default())?.video_id;
//! let urls = client.get_url(&GetUrl { video_id, ..Default::default() })?;
//! # Ok::<(), vodkit::Error>(())
//! ```

mod auth;
mod callback;
pub mod catalog;
mod client;
mod config;
mod create;
mod envelope;
mod key;
pub mod models;
mod service;
mod sign;
mod upload;

pub use crate::api::Ack;
pub use callback::{CallbackVerifier, PlaybackAuthRequest, TranscodeEvent, VerifyFailure};
pub use catalog::CATALOG;
pub use client::{Client, PROVIDER};
pub use config::Config;
pub use key::PartnerKeyHook;
pub use models::category::*;
pub use models::interactive::*;
pub use models::manage::*;
pub use models::stats::*;
pub use models::subtitle::*;
pub use models::video::*;
pub(crate) use service::build;
pub use sign::sign;
pub use upload::{UploadOptions, Uploaded};
