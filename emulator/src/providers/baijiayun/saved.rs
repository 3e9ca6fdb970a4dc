//! What Baijiayun keeps across runs with a state directory
//! ([`crate::common::persist`]): its videos (with their uploads' progress,
//! status and callbacks not yet sent), the next video id, the partner key
//! (API 1 may have regenerated it), the account's callback URL and the
//! clock's offset. Categories, subtitles, notices and the other
//! interactive records, faults, counters and sent callbacks start afresh.

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::state::Shared;
use super::store::video::Video;
use crate::common::lock::lock;

#[derive(Serialize, Deserialize)]
struct Saved {
    clock_offset_ms: i64,
    partner_key: String,
    callback_url: Option<String>,
    next_video_id: i64,
    videos: BTreeMap<i64, Video>,
}

pub(super) fn save(s: &Shared) -> Value {
    let saved = Saved {
        clock_offset_ms: s.clock().offset_ms(),
        partner_key: s.partner_key(),
        callback_url: lock(&s.callback_url).clone(),
        next_video_id: s.next_video_id.load(Ordering::SeqCst),
        videos: lock(&s.videos).clone(),
    };
    serde_json::to_value(saved).unwrap_or_default()
}

pub(super) fn restore(s: &Shared, state: Value) -> Result<(), String> {
    let saved: Saved = serde_json::from_value(state).map_err(|e| e.to_string())?;
    s.clock().set_offset_ms(saved.clock_offset_ms);
    *lock(&s.partner_key) = saved.partner_key;
    *lock(&s.callback_url) = saved.callback_url;
    s.next_video_id.store(saved.next_video_id, Ordering::SeqCst);
    *lock(&s.videos) = saved.videos;
    Ok(())
}
