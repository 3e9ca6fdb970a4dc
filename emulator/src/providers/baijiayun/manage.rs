//! Account and video management (API 1, 7-10, 17, 19, 20, 26, 27, 31, 40):
//! the partner key, screenshots, removing transcoded or source files,
//! renaming, a video's category, batch player tokens, the account package,
//! publishing, share URLs, the video list and transcoding again.

use serde_json::{json, Map, Value};

use super::request::{page_of, ApiError, Handler, Req};
use super::state::Shared;
use super::store::video::{
    random_hex, Video, DEFINITIONS, TRANSCODED, TRANSCODE_FAILED, TRANSCODING,
};
use super::video::with_video;
use super::{category, dates};
use crate::common::lock::lock;

/// The account's storage quota (10 GiB, as in the document's example).
pub const TOTAL_STORAGE: u64 = 10_737_418_240;
/// The monthly traffic package (10 GiB).
pub const MONTH_FLOW_LIMIT: u64 = 10_737_418_240;
/// Code for "the secret_key is wrong".
pub const SECRET_KEY_ERROR: i64 = 2002;
/// Code for "the video is not in a state that allows this" (as `getUrl` uses).
pub const NOT_TRANSCODED: i64 = 1003;
/// Code for "mp4 must be removed last" (the document names no code).
pub const MP4_NOT_LAST: i64 = 1005;

const ENCRYPTED: i64 = 8;

pub const HANDLERS: &[(&str, Handler)] = &[
    ("partner/createkey", create_key),
    ("video/getImage", get_image),
    ("video/removeDefinition", remove_definition),
    ("video/deleteOriginVideo", delete_origin_video),
    ("video/update", update),
    ("video/setVideoCategory", set_video_category),
    ("video/getPlayerTokenBatch", get_player_token_batch),
    ("video_account/getAccountInfo", get_account_info),
    ("video/setPublishStatus", set_publish_status),
    ("video/getShareUrl", get_share_url),
    ("video/getVideoList", get_video_list),
    ("video/transcodeAgain", transcode_again),
];

// ---------------------------------------------------------------- helpers

fn definition_bits() -> Vec<i64> {
    DEFINITIONS.iter().map(|d| d.0).collect()
}

fn require_transcoded(v: &Video) -> Result<(), ApiError> {
    if v.status != TRANSCODED {
        return Err(ApiError::new(
            NOT_TRANSCODED,
            format!("video {} is not transcoded (status {})", v.id, v.status),
        ));
    }
    Ok(())
}

/// Every id must name a video; answers 1001 for the first that does not.
fn check_videos_exist(shared: &Shared, ids: &[i64]) -> Result<(), ApiError> {
    let videos = lock(&shared.videos);
    match ids.iter().find(|id| !videos.contains_key(id)) {
        Some(id) => Err(ApiError::param(format!("video {id} does not exist"))),
        None => Ok(()),
    }
}

// ---------------------------------------------------------------- handlers

/// API 1. The router has already checked the signature with the current key
/// (or taken the document's unsigned shape, where the secret_key is the only
/// proof), so a regenerated key takes effect from the next request on.
fn create_key(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let secret_key = req.str("secret_key")?;
    let regenerate = req.opt_i64("regenerate")?.unwrap_or(0);
    if !(regenerate == 0 || regenerate == 1) {
        return Err(ApiError::param("regenerate must be 0 or 1"));
    }
    if secret_key != shared.config.secret_key {
        return Err(ApiError::new(SECRET_KEY_ERROR, "secret_key error"));
    }
    let key = if regenerate == 1 {
        shared.rotate_partner_key()
    } else {
        shared.partner_key()
    };
    Ok(json!({ "partner_key": key }))
}

/// API 7: five screenshots at the size of the best definition.
fn get_image(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    with_video(shared, id, |v| {
        require_transcoded(v)?;
        let (width, height) = DEFINITIONS
            .iter()
            .filter(|d| v.definitions.contains(&d.0))
            .map(|d| (d.3, d.4))
            .max()
            .unwrap_or((640, 368));
        let imgs: Vec<String> = (1..=5)
            .map(|n| format!("https://img.emulator.invalid/snapshot/{id}/{n}.jpg"))
            .collect();
        Ok(json!({
            "video_id": id.to_string(),
            "height": height,
            "width": width,
            "img_count": imgs.len(),
            "imgs": imgs,
        }))
    })
}

/// API 8. Without `type`, whole definitions go. With it, only those file
/// types; mp4 (1) is refused while another type of the same definition
/// remains, as the document says.
fn remove_definition(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    let definitions = req
        .bits("definition", &definition_bits())?
        .ok_or_else(|| ApiError::param("definition is required"))?;
    let types = req.bits("type", &[1, 2, 4, ENCRYPTED])?;
    // Lock order: manage, then videos (nothing locks them the other way round).
    let mut manage = lock(&shared.manage);
    let mut removed = manage.removed_files.get(&id).cloned().unwrap_or_default();
    let answer = with_video(shared, id, |v| {
        require_transcoded(v)?;
        if let Some(missing) = definitions.iter().find(|d| !v.definitions.contains(d)) {
            return Err(ApiError::param(format!(
                "video {id} has no definition {missing}"
            )));
        }
        // The file types each definition has (8 only when encrypted).
        let mut present = v.formats.clone();
        if v.encrypt {
            present.push(ENCRYPTED);
        }
        let going = types.clone().unwrap_or_else(|| present.clone());
        for d in &definitions {
            let stays = present
                .iter()
                .any(|t| !going.contains(t) && !removed.contains(&(*d, *t)));
            if going.contains(&1) && stays {
                return Err(ApiError::new(
                    MP4_NOT_LAST,
                    format!("remove the other types of definition {d} before mp4"),
                ));
            }
        }
        for d in &definitions {
            removed.extend(going.iter().map(|t| (*d, *t)));
            if present.iter().all(|t| removed.contains(&(*d, *t))) {
                v.definitions.retain(|x| x != d);
                removed.retain(|(x, _)| x != d);
            }
        }
        let mut answer = json!({ "video_id": id.to_string(), "definition": req.opt("definition").unwrap_or("") });
        if let Some(t) = req.opt("type").filter(|t| !t.is_empty()) {
            answer["type"] = json!(t);
        }
        Ok(answer)
    })?;
    manage.removed_files.insert(id, removed);
    Ok(answer)
}

/// API 9: the source files go; transcoded files stay playable.
fn delete_origin_video(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let ids = req.id_list("video_ids")?;
    if ids.is_empty() {
        return Err(ApiError::param("video_ids is required"));
    }
    check_videos_exist(shared, &ids)?;
    // All are checked before any is changed, so a refusal changes nothing.
    for id in &ids {
        with_video(shared, *id, |v| require_transcoded(v))?;
    }
    for id in &ids {
        with_video(shared, *id, |v| {
            v.origin_deleted = true;
            Ok(())
        })?;
    }
    Ok(Value::Null)
}

/// API 10: only the name can change; without one nothing does.
fn update(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    let name = req
        .opt("name")
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    with_video(shared, id, |v| {
        if let Some(name) = name {
            v.name = name;
        }
        Ok(json!({ "video_id": id }))
    })
}

/// API 17. `category_id` 0 takes the video out of any category.
fn set_video_category(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    let category_id = req.i64("category_id")?;
    if category_id != 0 && !category::exists(shared, category_id) {
        return Err(ApiError::param(format!(
            "category {category_id} does not exist"
        )));
    }
    with_video(shared, id, |v| {
        v.category_id = category_id;
        Ok(())
    })?;
    let mut answer = Map::new();
    answer.insert("video_id".into(), json!(id));
    answer.extend(category::levels_json(shared, category_id));
    Ok(Value::Object(answer))
}

/// API 19: `{"<video_id>": "<token>", …}`; every id must exist.
fn get_player_token_batch(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let ids = req.id_list("video_ids")?;
    if ids.is_empty() {
        return Err(ApiError::param("video_ids is required"));
    }
    let expires_in = req.i64("expires_in")?;
    if expires_in < 0 {
        return Err(ApiError::param("expires_in must be >= 0"));
    }
    if let Some(p) = req.opt_i64("product_type")? {
        if !(1..=5).contains(&p) {
            return Err(ApiError::param("product_type must be 1 to 5"));
        }
    }
    check_videos_exist(shared, &ids)?;
    let mut tokens = Map::new();
    for id in ids {
        let token = with_video(shared, id, |v| {
            let token = format!("{}-{}", random_hex(16), expires_in);
            v.tokens.push(token.clone());
            Ok(token)
        })?;
        tokens.insert(id.to_string(), json!(token));
    }
    Ok(Value::Object(tokens))
}

/// Bytes a video occupies: its source (unless deleted) and, once
/// transcoded, its transcoded files.
fn stored_bytes(v: &Video) -> u64 {
    let transcoded = if v.status == TRANSCODED {
        v.total_transcode_size() - v.received
    } else {
        0
    };
    let origin = if v.origin_deleted { 0 } else { v.received };
    origin + transcoded
}

/// API 20: a paid account on the monthly traffic package.
fn get_account_info(shared: &Shared, _req: &Req) -> Result<Value, ApiError> {
    let now = shared.clock().now_secs();
    let used_storage: u64 = {
        let mut videos = lock(&shared.videos);
        videos
            .values_mut()
            .map(|v| {
                v.tick(now, &shared.config);
                stored_bytes(v)
            })
            .sum()
    };
    let partner_id: Value = shared
        .config
        .partner_id
        .parse::<i64>()
        .map(Value::from)
        .unwrap_or_else(|_| json!(shared.config.partner_id));
    Ok(json!({
        "partner_id": partner_id,
        "mobile": "13800000000",
        "type": 2,
        "charge_type": 0,
        "status": 1,
        "total_storage": TOTAL_STORAGE,
        "effect_time": "2024-01-01 00:00:00",
        "expire_time": "2099-12-31 23:59:59",
        "used_storage": used_storage,
        "used_flow": 0,
        "month_flow_limit": MONTH_FLOW_LIMIT,
    }))
}

/// API 26: 1 published, 2 blocked.
fn set_publish_status(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    let status = req.i64("status")?;
    if !(status == 1 || status == 2) {
        return Err(ApiError::param("status must be 1 (publish) or 2 (block)"));
    }
    with_video(shared, id, |v| {
        v.publish_status = status;
        Ok(json!({ "status": status }))
    })
}

/// API 27: embed URLs in the document's shapes, carrying a fresh token.
fn get_share_url(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    let base = shared.base_url();
    let now_ms = shared.clock().now_ms();
    with_video(shared, id, |v| {
        let token = random_hex(24);
        v.tokens.push(token.clone());
        Ok(json!({
            "js": format!("{base}/web/playback/asset/bjcVideoPlayer.js?vid={id}&token={token}&width=400&height=300&autoplay=false"),
            "iframe": format!("{base}/web/video/player?vid={id}&token={token}"),
            "flash": format!("{base}/swf/player.swf?v={now_ms}&vid={id}&token={token}"),
        }))
    })
}

/// One row of `getVideoList`; `create_time` is a date string here, and
/// `category` is left out for a video without one (as the document says).
fn list_row(v: &Video) -> Value {
    let done = v.status == TRANSCODED;
    json!({
        "video_id": v.id,
        "status": v.status,
        "total_size": if done { v.received } else { 0 },
        "length": if done { v.length() } else { 0 },
        "publish_status": v.publish_status,
        "name": v.name,
        "create_time": dates::format_datetime(v.create_time),
        "preface_url": if done { v.preface_url() } else { String::new() },
    })
}

/// `create_time` of API 31: `YYYY-mm-dd HH:MM:SS`, or a day alone for its
/// midnight (China time).
fn since_param(text: &str) -> Option<i64> {
    dates::parse_datetime(text).or_else(|| dates::parse_day(text).map(dates::start_of))
}

/// API 31: newest first; `create_time` keeps videos created at or after it,
/// `name` those whose name contains it.
fn get_video_list(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let (page, page_size) = req.page(20, 1000)?;
    let since = match req.opt("create_time").filter(|s| !s.trim().is_empty()) {
        Some(text) => Some(
            since_param(text.trim())
                .ok_or_else(|| ApiError::param("create_time must be YYYY-mm-dd HH:MM:SS"))?,
        ),
        None => None,
    };
    let name = req.opt("name").filter(|s| !s.is_empty());
    let now = shared.clock().now_secs();
    let rows: Vec<(i64, Value)> = {
        let mut videos = lock(&shared.videos);
        videos
            .values_mut()
            .rev()
            .filter(|v| since.is_none_or(|t| v.create_time >= t))
            .filter(|v| name.is_none_or(|n| v.name.contains(n)))
            .map(|v| {
                v.tick(now, &shared.config);
                (v.category_id, list_row(v))
            })
            .collect()
    };
    let total = rows.len();
    // Category levels are looked up after the video lock is released.
    let list: Vec<Value> = page_of(rows, page, page_size)
        .map(|(category_id, mut row)| {
            if category_id != 0 {
                row["category"] = Value::Object(category::levels_json(shared, category_id));
            }
            row
        })
        .collect();
    Ok(json!({ "total": total, "page": page, "page_size": page_size, "list": list }))
}

/// API 40: back to status 20 with the new definitions and formats; the
/// clock finishes it again (and the callback is sent again).
fn transcode_again(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    let definitions = req
        .bits("definition", &definition_bits())?
        .ok_or_else(|| ApiError::param("definition is required"))?;
    let formats = req.bits("format", &[1, 2, 4])?;
    let now = shared.clock().now_secs();
    with_video(shared, id, |v| {
        // Uploading, transcoding or never fully uploaded: nothing to transcode.
        if !(v.status == TRANSCODED || v.status == TRANSCODE_FAILED || v.status == 31) {
            return Err(ApiError::new(
                NOT_TRANSCODED,
                format!(
                    "video {id} cannot be transcoded again (status {})",
                    v.status
                ),
            ));
        }
        if v.origin_deleted {
            return Err(ApiError::new(
                NOT_TRANSCODED,
                format!("the source of video {id} was deleted"),
            ));
        }
        v.definitions = definitions;
        v.formats = formats.unwrap_or_else(|| vec![1, 2, 4]);
        v.status = TRANSCODING;
        v.upload_done_at = Some(now);
        Ok(())
    })?;
    lock(&shared.manage).removed_files.remove(&id);
    Ok(json!({ "video_id": id.to_string(), "definition": req.opt("definition").unwrap_or("") }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn video_list_since_takes_a_time_or_a_day() {
        assert_eq!(since_param("2018-03-19 09:43:48"), Some(1_521_423_828));
        assert_eq!(since_param("1970-01-01"), Some(-8 * 3600));
        assert_eq!(since_param("2018-13-01 00:00:00"), None);
        assert_eq!(since_param("yesterday"), None);
    }
}
