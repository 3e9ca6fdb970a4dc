//! The 趣视频 App Server console, served under `/quvideo`: `/console/user/*`
//! (login, signOut, refreshToken) and `/console/vod/*`, plus
//! `/_emulator/quvideo/...` for tests (expire tokens, inspect videos,
//! recommendations and cache pushes, reset).
//!
//! As the AppServer's source has it (PROVIDERS.md §3): string `result` and
//! `code`, `consoleToken` on every vod call, a bare `{"code":"403",…}` for a
//! missing or unknown token and 301 for an expired one, one method per
//! operation (the other gets HTTP 405), 1-based paging, and a lockout (411)
//! after repeated bad logins.
//!
//! Layers: `api` (routing, method, token, envelope) → `handlers` (the
//! operations) → `state` (sessions, videos) → `config`.

mod api;
pub mod config;
mod control;
mod handlers;
mod saved;
pub mod state;

use std::sync::Arc;

use axum::Router;

pub use config::Config;
pub use state::{Audit, Shared, Video};

use crate::common::controls::Controls;
use crate::common::provider::{Background, Provider};

/// The name in URLs: `/quvideo/...`, `/_emulator/quvideo/...`.
pub const NAME: &str = "quvideo";

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

    fn control_routes(self: Arc<Self>) -> Router {
        control::routes(self)
    }

    fn saved_state(&self) -> Option<serde_json::Value> {
        Some(saved::save(self))
    }

    fn restore_state(&self, state: serde_json::Value) -> Result<(), String> {
        saved::restore(self, state)
    }

    /// Reviews that pass on their own ([`Config::review_secs`]).
    fn background(self: Arc<Self>) -> Background {
        Box::pin(async move {
            if self.config.review_secs.is_none() {
                return;
            }
            loop {
                self.finish_due_reviews();
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
        })
    }
}
