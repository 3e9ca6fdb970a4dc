//! Baijiayun (百家云) VOD: the whole server API, uploads and callbacks.
//!
//! ```no_run
//! use vodkit::baijiayun::{Client, Config, GetUrl, UploadOptions};
//!
//! let client = Client::new(Config::new("12345678", "partner-key").private_domain("acme"))?;
//! let video_id = client.upload("talk.mp4", &UploadOptions::default())?.video_id;
//! let urls = client.get_url(&GetUrl { video_id, ..Default::default() })?;
//! # Ok::<(), vodkit::Error>(())
//! ```

pub mod api;
mod callback;
mod client;
mod config;
pub mod ops;
mod sign;
mod upload;

pub use api::category::*;
pub use api::interactive::*;
pub use api::manage::*;
pub use api::stats::*;
pub use api::subtitle::*;
pub use api::video::*;
pub use api::Ack;
pub use callback::{CallbackVerifier, PlaybackAuthRequest, TranscodeEvent, VerifyFailure};
pub use client::{Client, Endpoint};
pub use config::Config;
pub use sign::sign;
pub use upload::{UploadOptions, Uploaded};
