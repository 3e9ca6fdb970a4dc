//! What the console keeps across runs with a state directory
//! ([`crate::common::persist`]): its videos, recommendations, audits, cache
//! pushes and the clock's offset. Sessions and the lockout are not kept (a
//! client logs in again).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::state::{Library, Shared};
use crate::common::lock::lock;

#[derive(Serialize, Deserialize)]
struct Saved {
    clock_offset_ms: i64,
    library: Library,
}

pub(super) fn save(s: &Shared) -> Value {
    let library = &*lock(&s.library);
    serde_json::json!({
        "clock_offset_ms": s.clock().offset_ms(),
        "library": library,
    })
}

pub(super) fn restore(s: &Shared, state: Value) -> Result<(), String> {
    let mut saved: Saved = serde_json::from_value(state).map_err(|e| e.to_string())?;
    s.clock().set_offset_ms(saved.clock_offset_ms);
    // Play URLs this emulator served in an earlier run name that run's
    // address: they are served here now.
    for video in &mut saved.library.videos {
        for url in &mut video.file_url_list {
            if let Some((_, rest)) = url.split_once("/quvideo/media/") {
                *url = format!("{}/media/{rest}", s.base_url());
            }
        }
    }
    *lock(&s.library) = saved.library;
    Ok(())
}
