//! Aliyun 趣视频 (short-video app) App Server console: the back office's
//! operations on the videos app users uploaded — list, review, transcode,
//! recommend, cache, delete. Config, auth (console login, `consoleToken` on
//! every call, one re-login on expiry), envelope, catalog + models.
//!
//! The wire follows `PROVIDERS.md` §3 where it overrides the document:
//! string `result`/`code`, the `consoleToken` spelling, the bare 403 answer,
//! which operations are POST, 1-based `pageIndex`, `SnapshotList`,
//! `fileUrlList`. The console has no upload: app users upload from the app.
//!
//! ```no_run
//! use vodkit::quvideo::{AuditStatus, Client, Config, CreateAudit, GetVideos, SignOut};
//!
//! let client = Client::new(Config::new("admin", "password").base_url("https://appserver.example.com"))?;
//! let pending = client.get_videos(&GetVideos { censor_status: Some("onCensor".into()), ..Default::default() })?;
//! for video in &pending.video_list {
//!     client.create_audit(&CreateAudit::block(&video.video_id, "spam"))?;
//! }
//! client.sign_out(&SignOut {})?;
//! # Ok::<(), vodkit::Error>(())
//! ```

mod auth;
pub mod catalog;
mod client;
mod config;
mod envelope;
pub mod models;
mod service;

pub use crate::api::Ack;
pub use catalog::CATALOG;
pub use client::{Client, PROVIDER};
pub use config::Config;
pub use models::*;
pub(crate) use service::build;
