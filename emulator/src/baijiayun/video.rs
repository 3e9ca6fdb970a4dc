//! Videos: the record each upload creates, its status machine, and the API
//! that reads it (status, info, play URLs, player tokens, delete).

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use md5::{Digest, Md5};
use serde_json::{json, Value};

use super::{ApiError, Handler, Req};
use crate::state::{lock, Config, Shared, VideoSnapshot};

pub const UPLOADING: i64 = 10;
pub const TRANSCODING: i64 = 20;
pub const TRANSCODE_FAILED: i64 = 30;
pub const UPLOAD_TIMEOUT: i64 = 32;
pub const TRANSCODED: i64 = 100;

/// Definition bits and the names `getUrl` uses for them.
pub const DEFINITIONS: &[(i64, &str, &str, u32, u32)] = &[
    // (bit, getUrl key, getInfo name, width, height)
    (16, "low", "low", 320, 176),
    (1, "high", "std", 640, 368),
    (2, "superHD", "high", 1280, 720),
    (4, "720p", "super", 1280, 720),
    (8, "1080p", "1080p", 1920, 1080),
];

/// Format bits (`format=1,2,4`).
pub const FORMATS: &[(i64, &str)] = &[(1, "mp4"), (2, "flv"), (4, "m3u8")];

/// A status change waiting to be announced to the callback URL.
#[derive(Debug, Clone)]
pub struct PendingCallback {
    pub url: String,
    pub fields: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct Video {
    pub id: i64,
    pub name: String,
    /// Definition bits asked for at getUploadUrl.
    pub definitions: Vec<i64>,
    pub formats: Vec<i64>,
    pub audio_with_view: bool,
    pub encrypt: bool,
    pub watermark: Option<String>,
    pub watermark_pos: Option<String>,
    pub callback_url: Option<String>,
    pub create_time: i64,
    pub upload_token: String,
    pub path: PathBuf,
    /// Size announced by Content-Range, if any.
    pub total_size: Option<u64>,
    pub received: u64,
    pub hasher: Md5,
    pub md5: Option<String>,
    pub status: i64,
    pub upload_done_at: Option<i64>,
    pub upload_requests: u32,
    pub publish_status: i64,
    pub category_id: i64,
    pub origin_deleted: bool,
    pub pending_callbacks: Vec<PendingCallback>,
    /// Player tokens issued for this video.
    pub tokens: Vec<String>,
}

impl Video {
    pub fn new(id: i64, name: String, path: PathBuf, now: i64) -> Self {
        Video {
            id,
            name,
            definitions: vec![16, 1],
            formats: vec![1, 2, 4],
            audio_with_view: false,
            encrypt: false,
            watermark: None,
            watermark_pos: None,
            callback_url: None,
            create_time: now,
            upload_token: random_hex(16),
            path,
            total_size: None,
            received: 0,
            hasher: Md5::new(),
            md5: None,
            status: UPLOADING,
            upload_done_at: None,
            upload_requests: 0,
            publish_status: 1,
            category_id: 0,
            origin_deleted: false,
            pending_callbacks: Vec::new(),
            tokens: Vec::new(),
        }
    }

    /// Advances the status machine to `now` (emulated seconds).
    pub fn tick(&mut self, now: i64, config: &Config) {
        match self.status {
            UPLOADING if now - self.create_time > config.upload_timeout_secs => {
                self.status = UPLOAD_TIMEOUT;
            }
            TRANSCODING => {
                let done_at = self.upload_done_at.unwrap_or(now) + config.transcode_secs;
                if now >= done_at {
                    let failed = !config.fail_transcode_marker.is_empty()
                        && self.name.contains(&config.fail_transcode_marker);
                    self.status = if failed { TRANSCODE_FAILED } else { TRANSCODED };
                    self.announce(now);
                }
            }
            _ => {}
        }
    }

    /// Marks the upload complete: status 20, MD5 fixed, callback queued.
    pub fn finish_upload(&mut self, now: i64) {
        self.md5 = Some(
            self.hasher
                .clone()
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        );
        self.total_size = Some(self.received);
        self.status = TRANSCODING;
        self.upload_done_at = Some(now);
        self.announce(now);
    }

    /// Queues the documented callback for the current status.
    fn announce(&mut self, now: i64) {
        let Some(url) = self.callback_url.clone() else {
            // Account-level URL is resolved when the callback is sent.
            self.pending_callbacks.push(PendingCallback {
                url: String::new(),
                fields: self.callback_fields(now),
            });
            return;
        };
        self.pending_callbacks.push(PendingCallback {
            url,
            fields: self.callback_fields(now),
        });
    }

    fn callback_fields(&self, now: i64) -> Vec<(String, String)> {
        let mut f = vec![
            ("video_id".to_owned(), self.id.to_string()),
            ("status".to_owned(), self.status.to_string()),
        ];
        if self.status == TRANSCODED {
            f.push(("preface_url".to_owned(), self.preface_url()));
            f.push(("total_size".to_owned(), self.received.to_string()));
            f.push((
                "total_transcode_size".to_owned(),
                self.total_transcode_size().to_string(),
            ));
            f.push(("length".to_owned(), self.length().to_string()));
            f.push(("file_md5".to_owned(), self.md5.clone().unwrap_or_default()));
            f.push((
                "now_definition".to_owned(),
                self.definition_names().join(","),
            ));
            f.push((
                "origin_definition".to_owned(),
                self.origin_definition().to_owned(),
            ));
        }
        f.push(("qid".to_owned(), format!("{}{}", now, random_hex(8))));
        f.push(("timestamp".to_owned(), now.to_string()));
        f
    }

    pub fn snapshot(&self) -> VideoSnapshot {
        VideoSnapshot {
            video_id: self.id,
            name: self.name.clone(),
            status: self.status,
            received_bytes: self.received,
            total_size: self.total_size,
            md5: self.md5.clone(),
            path: self.path.clone(),
            upload_requests: self.upload_requests,
        }
    }

    /// Emulated duration: one second per MB, at least one.
    pub fn length(&self) -> u64 {
        (self.received / 1_000_000).max(1)
    }

    pub fn preface_url(&self) -> String {
        format!("https://img.emulator.invalid/preface/{}.jpg", self.id)
    }

    /// Every transcoded file is emulated as a fraction of the source.
    pub fn transcode_size(&self, bit: i64) -> u64 {
        let share = match bit {
            16 => 4,
            1 => 3,
            2 => 2,
            _ => 1,
        };
        self.received / (share + 1)
    }

    pub fn total_transcode_size(&self) -> u64 {
        let per_format: u64 = self
            .definitions
            .iter()
            .map(|b| self.transcode_size(*b))
            .sum();
        self.received + per_format * self.formats.len() as u64
    }

    pub fn definition_names(&self) -> Vec<&'static str> {
        DEFINITIONS
            .iter()
            .filter(|d| self.definitions.contains(&d.0))
            .map(|d| d.2)
            .collect()
    }

    pub fn origin_definition(&self) -> &'static str {
        self.definition_names().last().copied().unwrap_or("std")
    }

    /// The JSON `getInfo` returns (category resolved by the caller).
    pub fn info(&self, category: Value) -> Value {
        let mut transcode_info = Vec::new();
        if self.status == TRANSCODED {
            for d in DEFINITIONS
                .iter()
                .filter(|d| self.definitions.contains(&d.0))
            {
                for f in FORMATS.iter().filter(|f| self.formats.contains(&f.0)) {
                    transcode_info.push(
                        json!({ "definition": d.2, "type": f.1, "size": self.transcode_size(d.0) }),
                    );
                }
            }
        }
        json!({
            "video_id": self.id,
            "name": self.name,
            "status": self.status,
            "total_size": if self.status == TRANSCODED { self.received } else { 0 },
            "total_transcode_size": if self.status == TRANSCODED { self.total_transcode_size() } else { 0 },
            "origin_definition": self.origin_definition(),
            "create_time": self.create_time,
            "preface_url": if self.status == TRANSCODED { self.preface_url() } else { String::new() },
            "length": if self.status == TRANSCODED { self.length() } else { 0 },
            "audit_status": 0,
            "publish_status": self.publish_status,
            "file_md5": self.md5.clone().unwrap_or_default(),
            "transcode_info": transcode_info,
            "category": category,
        })
    }
}

pub fn random_hex(bytes: usize) -> String {
    (0..bytes)
        .map(|_| format!("{:02x}", fastrand::u8(..)))
        .collect()
}

/// Runs `f` on the video `id` (after advancing its status), or answers 1001.
pub fn with_video<T>(
    shared: &Shared,
    id: i64,
    f: impl FnOnce(&mut Video) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let now = shared.clock.now_secs();
    let mut videos = lock(&shared.bjy.videos);
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
    with_video(shared, id, |v| Ok(v.info(category)))
}

fn get_url(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    let format = req.opt("format").filter(|f| !f.is_empty()).unwrap_or("mp4");
    if !["mp4", "m3u8", "flv", "encrypt"].contains(&format) {
        return Err(ApiError::param("format must be mp4, m3u8, flv or encrypt"));
    }
    let expires_in = req.opt_i64("expires_in")?.unwrap_or(12 * 3600);
    let base = shared.base_url();
    let now = shared.clock.now_secs();
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
    let removed = lock(&shared.bjy.videos).remove(&id);
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

/// `GET /play/{id}/{file}`: the stored bytes, for a token `getUrl` issued.
pub(crate) async fn play(
    State(shared): State<Arc<Shared>>,
    Path((video_id, _file)): Path<(i64, String)>,
    Query(q): Query<PlayQuery>,
) -> Response {
    shared.count_request("/play");
    let found = {
        let videos = lock(&shared.bjy.videos);
        videos.get(&video_id).map(|v| {
            let ok = q.token.as_ref().is_some_and(|t| v.tokens.contains(t));
            (ok, v.path.clone(), v.status)
        })
    };
    match found {
        Some((true, path, TRANSCODED)) => match tokio::fs::File::open(&path).await {
            Ok(file) => {
                let len = file.metadata().await.map(|m| m.len()).unwrap_or(0);
                let body = Body::from_stream(tokio_util::io::ReaderStream::with_capacity(
                    file,
                    256 * 1024,
                ));
                ([(header::CONTENT_LENGTH, len.to_string())], body).into_response()
            }
            Err(_) => StatusCode::NOT_FOUND.into_response(),
        },
        Some((false, _, _)) => StatusCode::FORBIDDEN.into_response(),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}
