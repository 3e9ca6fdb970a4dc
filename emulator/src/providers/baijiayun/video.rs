//! The video API (status, info, play URLs, player tokens, delete) and the
//! play endpoint that serves a transcoded video's bytes.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::request::{ApiError, Handler, Req};
use super::state::Shared;
use super::store::video::{
    random_hex, Video, DEFINITIONS, TRANSCODED, TRANSCODE_FAILED, TRANSCODING, UPLOADING,
    UPLOAD_TIMEOUT,
};
use crate::common::lock::lock;

/// Runs `f` on the video `id` (after advancing its status), or answers 1001.
pub fn with_video<T>(
    shared: &Shared,
    id: i64,
    f: impl FnOnce(&mut Video) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let now = shared.clock().now_secs();
    let mut videos = lock(&shared.videos);
    let video = videos
        .get_mut(&id)
        .ok_or_else(|| ApiError::param(format!("video {id} does not exist")))?;
    video.tick(now, &shared.config);
    f(video)
}

pub const HANDLERS: &[(&str, Handler)] = &[
    ("video/getStatus", get_status),
    ("video/getInfo", get_info),
    ("video/getUrl", get_url),
    ("video/delete", delete),
    ("video/getPlayerToken", get_player_token),
];

fn status_info(status: i64) -> &'static str {
    match status {
        UPLOADING => "上传中",
        TRANSCODING => "转码中",
        TRANSCODE_FAILED => "转码失败",
        31 => "转码超时",
        UPLOAD_TIMEOUT => "上传超时",
        TRANSCODED => "转码成功",
        _ => "未知",
    }
}

fn get_status(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    with_video(shared, id, |v| {
        Ok(json!({ "status": v.status, "info": status_info(v.status) }))
    })
}

fn get_info(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    let category_id = with_video(shared, id, |v| Ok(v.category_id))?;
    let category = super::category::categories_of(shared, category_id);
    let mut info = with_video(shared, id, |v| Ok(v.info(category)))?;
    shared.md5_fault.apply(&mut info);
    Ok(info)
}

fn get_url(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    let format = req.opt("format").filter(|f| !f.is_empty()).unwrap_or("mp4");
    if !["mp4", "m3u8", "flv", "encrypt"].contains(&format) {
        return Err(ApiError::param("format must be mp4, m3u8, flv or encrypt"));
    }
    let expires_in = req.opt_i64("expires_in")?.unwrap_or(12 * 3600);
    let base = shared.base_url();
    let now = shared.clock().now_secs();
    with_video(shared, id, |v| {
        if v.status != TRANSCODED {
            return Err(ApiError::new(1003, "the video is not transcoded yet"));
        }
        let token = random_hex(8);
        v.tokens.push(token.clone());
        let expires = now + expires_in;
        let mut play_info = serde_json::Map::new();
        if v.audio_with_view {
            play_info.insert(
                "audio".into(),
                json!({ "size": v.received, "url": format!("{base}/play/{}/audio.mp3?token={token}&expires={expires}", v.id) }),
            );
        } else {
            for d in DEFINITIONS.iter().filter(|d| v.definitions.contains(&d.0)) {
                play_info.insert(
                    d.1.into(),
                    json!({
                        "duration": v.length(),
                        "height": d.4,
                        "width": d.3,
                        "size": v.received,
                        "url": format!("{base}/play/{}/{}.{format}?token={token}&expires={expires}", v.id, d.1),
                    }),
                );
            }
        }
        Ok(json!({ "video_id": v.id.to_string(), "play_info": play_info }))
    })
}

fn delete(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    let removed = lock(&shared.videos).remove(&id);
    match removed {
        Some(v) => {
            let _ = std::fs::remove_file(&v.path);
            Ok(json!({ "video_id": id }))
        }
        None => Err(ApiError::param(format!("video {id} does not exist"))),
    }
}

fn get_player_token(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    let expires_in = req.opt_i64("expires_in")?.unwrap_or(0);
    if expires_in < 0 {
        return Err(ApiError::param("expires_in must be >= 0"));
    }
    with_video(shared, id, |v| {
        let token = format!("{}-{}", random_hex(12), expires_in);
        v.tokens.push(token.clone());
        Ok(json!({ "token": token }))
    })
}

#[derive(serde::Deserialize)]
pub(crate) struct PlayQuery {
    token: Option<String>,
}

/// `GET /play/{id}/{file}`: the stored bytes, for a token `getUrl` issued,
/// with a strong ETag and `Range: bytes=A-B` / `bytes=A-` (206 with
/// `Content-Range`; `If-Range` naming another ETag gets the whole file), as
/// a CDN serves them, so a client can copy a video by its play URL and
/// resume that copy.
pub(crate) async fn play(
    State(shared): State<Arc<Shared>>,
    Path((video_id, _file)): Path<(i64, String)>,
    Query(q): Query<PlayQuery>,
    headers: axum::http::HeaderMap,
) -> Response {
    shared.controls.requests.count("/play");
    let found = {
        let videos = lock(&shared.videos);
        videos.get(&video_id).map(|v| {
            let ok = q.token.as_ref().is_some_and(|t| v.tokens.contains(t));
            (ok, v.path.clone(), v.status)
        })
    };
    match found {
        Some((true, path, TRANSCODED)) => match tokio::fs::File::open(&path).await {
            Ok(file) => {
                crate::common::ranged::serve_file(file, &video_id.to_string(), &headers).await
            }
            Err(_) => StatusCode::NOT_FOUND.into_response(),
        },
        Some((false, _, _)) => StatusCode::FORBIDDEN.into_response(),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}
