//! The Baijiayun VOD API, served under `/baijiayun`: `/openapi/...`, the
//! upload endpoint and play URLs, plus `/_emulator/baijiayun/videos/{id}`,
//! `/_emulator/baijiayun/callbacks` and `/_emulator/baijiayun/upload_target`
//! for tests.
//!
//! Layers, each using only those below it: `api` (routing, checks, the
//! handler table) → the handler modules (`video`, `upload`, `manage`, …) →
//! `request` and `state` → `store` (plain records) → `config`, `dates`, `sign`.

mod api;
pub mod callbacks;
pub mod category;
pub mod config;
mod control;
pub mod dates;
pub mod interactive;
pub mod manage;
pub mod md5_fault;
pub mod request;
mod saved;
mod sign;
pub mod state;
pub mod stats;
pub mod store;
pub mod subtitle;
pub mod upload;
pub mod video;

use std::sync::Arc;

use axum::Router;

pub use config::Config;
pub use state::{CallbackRecord, Shared};
pub use store::video::{Video, VideoSnapshot};

use crate::common::controls::Controls;
use crate::common::provider::{Background, Provider};

/// The name in URLs: `/baijiayun/...`, `/_emulator/baijiayun/...`.
pub const NAME: &str = "baijiayun";

impl Provider for Shared {
    fn name(&self) -> &'static str {
        NAME
    }

    fn controls(&self) -> &Controls {
        &self.controls
    }

    fn routes(self: Arc<Self>) -> Router {
        api::routes(self)
    }

    fn saved_state(&self) -> Option<serde_json::Value> {
        Some(saved::save(self))
    }

    fn restore_state(&self, state: serde_json::Value) -> Result<(), String> {
        saved::restore(self, state)
    }

    fn control_routes(self: Arc<Self>) -> Router {
        control::routes(self)
    }

    /// Status changes on the emulated clock and callback delivery.
    fn background(self: Arc<Self>) -> Background {
        Box::pin(callbacks::run(self))
    }
}
