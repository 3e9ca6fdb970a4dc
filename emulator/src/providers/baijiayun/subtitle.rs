//! Subtitles of a video (API 32-36). The uploaded bytes are kept in memory
//! (subtitle files are small) so tests can compare them with what was sent.
//!
//! The first subtitle of a video is its default; when the default is deleted
//! the oldest remaining one takes over (the document does not say; a video
//! with subtitles always has a default this way).

use serde_json::{json, Value};

use super::dates::format_datetime;
use super::request::{ApiError, Handler, Req};
use super::state::Shared;
use super::store::subtitle::{State, Subtitle};
use super::video::with_video;
use crate::common::lock::lock;

/// The formats the provider takes.
const EXTENSIONS: &[&str] = &["vtt", "srt"];

pub const HANDLERS: &[(&str, Handler)] = &[
    ("video/uploadSubtitle", upload),
    ("video/getSubtitleList", list),
    ("video/updateSubtitle", update),
    ("video/setDefaultSubtitle", set_default),
    ("video/deleteSubtitle", delete),
];

/// The stored bytes of subtitle `id`, for tests.
pub fn subtitle_bytes(shared: &Shared, id: i64) -> Option<Vec<u8>> {
    lock(&shared.subtitle)
        .subtitles
        .get(&id)
        .map(|s| s.bytes.clone())
}

/// Bytes held for all subtitles (counted as VOD storage by API 39).
pub(crate) fn stored_bytes(shared: &Shared) -> i64 {
    lock(&shared.subtitle)
        .subtitles
        .values()
        .map(|s| s.bytes.len() as i64)
        .sum()
}

fn upload(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let name = req.str("name")?.to_owned();
    let video_id = req.i64("video_id")?;
    let file = req
        .files
        .get("subtitle")
        .ok_or_else(|| ApiError::param("subtitle (a file) is required"))?;
    let extension = file
        .extension_in(EXTENSIONS)
        .ok_or_else(|| ApiError::param("subtitle must be a .vtt or .srt file"))?;
    if file.bytes.is_empty() {
        return Err(ApiError::param("subtitle file is empty"));
    }
    with_video(shared, video_id, |_| Ok(()))?;
    let now = shared.clock().now_secs();
    let mut state = lock(&shared.subtitle);
    state.last_id += 1;
    let subtitle = Subtitle {
        id: state.last_id,
        video_id,
        name,
        extension,
        bytes: file.bytes.clone(),
        is_default: !state.subtitles.values().any(|s| s.video_id == video_id),
        create_time: now,
        update_time: now,
    };
    // The document's example sends the new id as a string.
    let answer = json!({
        "subtitle_id": subtitle.id.to_string(),
        "subtitle_name": subtitle.name,
        "subtitle_path": subtitle.path(),
        "create_time": format_datetime(now),
    });
    state.subtitles.insert(subtitle.id, subtitle);
    Ok(answer)
}

fn list(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video_id = req.i64("video_id")?;
    with_video(shared, video_id, |_| Ok(()))?;
    let state = lock(&shared.subtitle);
    let list: Vec<Value> = state
        .subtitles
        .values()
        .filter(|s| s.video_id == video_id)
        .map(Subtitle::listed)
        .collect();
    Ok(Value::Array(list))
}

/// Runs `f` on subtitle `subtitle_id` of the request, or answers 1001.
fn with_subtitle<T>(
    shared: &Shared,
    req: &Req,
    f: impl FnOnce(&mut State, i64) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let id = req.i64("subtitle_id")?;
    let mut state = lock(&shared.subtitle);
    if !state.subtitles.contains_key(&id) {
        return Err(ApiError::param(format!("subtitle {id} does not exist")));
    }
    f(&mut state, id)
}

fn update(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let name = req.str("name")?.to_owned();
    let now = shared.clock().now_secs();
    with_subtitle(shared, req, |state, id| {
        let s = state.subtitles.get_mut(&id).expect("checked");
        s.name = name;
        s.update_time = now;
        Ok(Value::Null)
    })
}

fn set_default(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video_id = req.i64("video_id")?;
    let now = shared.clock().now_secs();
    with_subtitle(shared, req, |state, id| {
        if state.subtitles[&id].video_id != video_id {
            return Err(ApiError::param(format!(
                "subtitle {id} does not belong to video {video_id}"
            )));
        }
        for s in state
            .subtitles
            .values_mut()
            .filter(|s| s.video_id == video_id)
        {
            let is_default = s.id == id;
            if s.is_default != is_default {
                s.is_default = is_default;
                s.update_time = now;
            }
        }
        Ok(Value::Null)
    })
}

fn delete(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    with_subtitle(shared, req, |state, id| {
        let removed = state.subtitles.remove(&id).expect("checked");
        if removed.is_default {
            // Ids grow with time: the first remaining one is the oldest.
            if let Some(next) = state
                .subtitles
                .values_mut()
                .find(|s| s.video_id == removed.video_id)
            {
                next.is_default = true;
            }
        }
        Ok(Value::Null)
    })
}
