//! The iQiyi open platform, served under `/iqiyi`: one base URL replaces
//! every iQiyi host, each under a sub-path —
//!
//! | real host                  | emulator                  |
//! |----------------------------|---------------------------|
//! | `openapi.iqiyi.com`        | `/iqiyi/openapi/api/...`  |
//! | `upload.iqiyi.com`         | `/iqiyi/upload/{openupload,uploadfinish,cancelupload}` |
//! | `qichuan.iqiyi.com/upload` | `/iqiyi/qichuan/upload` (the `upload_url` handed out) |
//! | `qc.iqiyi.com/upload`      | `/iqiyi/backup/upload` (backup upload host) |
//! | play URLs                  | `/iqiyi/media/{file_id}/{definition}.{mp4,m3u8}` |
//!
//! Strict where the real service is known to be: inclusive ranges only,
//! `range_md5` and `file_range_accepted` on every chunk, file part `file`,
//! unordered ranges assembled in place, no finish before meta, tokens that
//! expire. Control endpoints under `/_emulator/iqiyi`: `files/{id}`,
//! `expire_tokens`, `upload_faults` (`corrupt_range`, `corrupt_after`, `primary_down`,
//! `expire_tokens_after`),
//! `token_stats`, `upload_target` (`openupload`'s `upload_url` on another
//! server; such a file's `uploadfinish` does not look for its bytes).

mod api;
mod chunk;
pub mod config;
mod control;
mod envelope;
mod saved;
pub mod state;

use std::sync::Arc;

use axum::Router;

pub use config::Config;
pub use state::{FileSnapshot, Shared, TokenStats, UploadFaults};

use crate::common::controls::Controls;
use crate::common::provider::Provider;

/// The name in URLs: `/iqiyi/...`, `/_emulator/iqiyi/...`.
pub const NAME: &str = "iqiyi";

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
}
