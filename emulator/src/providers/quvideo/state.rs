//! Everything the console emulation holds: sessions, the login lockout,
//! videos, recommendations, audits and cache pushes.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::config::Config;
use crate::common::clock::Clock;
use crate::common::controls::Controls;
use crate::common::lock::lock;

/// One video as the AppServer stores it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Video {
    pub id: String,
    pub video_id: String,
    pub title: String,
    pub description: String,
    pub duration: f64,
    pub cover_url: String,
    /// `2019-01-09 22:11:29.0`: filters compare it as text.
    pub creation_time: String,
    pub status: String,
    pub first_frame_url: String,
    pub size: i64,
    pub cate_id: String,
    pub cate_name: String,
    pub tags: String,
    pub share_url: String,
    pub user_id: String,
    pub user_name: String,
    pub avatar_url: String,
    pub transcode_status: String,
    pub snapshot_status: String,
    pub censor_status: String,
    pub narrow_transcode_status: String,
    pub snapshot_list: Vec<String>,
    pub file_url_list: Vec<String>,
    pub is_narrow: String,
    pub is_cache: String,
}

impl Video {
    /// The wire shape: the user nested, `SnapshotList` with a capital S,
    /// `total`-style numbers as the AppServer sends them.
    pub fn to_wire(&self, recommended: bool) -> Value {
        let mut v = json!({
            "id": self.id,
            "videoId": self.video_id,
            "title": self.title,
            "description": self.description,
            "duration": self.duration,
            "coverUrl": self.cover_url,
            "creationTime": self.creation_time,
            "status": self.status,
            "firstFrameUrl": self.first_frame_url,
            "size": self.size,
            // A number here, as in the document's examples.
            "cateId": self.cate_id.parse::<i64>().map(Value::from).unwrap_or_else(|_| Value::from(self.cate_id.clone())),
            "cateName": self.cate_name,
            "tags": self.tags,
            "shareUrl": self.share_url,
            "user": {
                "userId": self.user_id,
                "userName": self.user_name,
                "avatarUrl": self.avatar_url,
            },
            "transcodeStatus": self.transcode_status,
            "snapshotStatus": self.snapshot_status,
            "censorStatus": self.censor_status,
            "narrowTranscodeStatus": self.narrow_transcode_status,
            "SnapshotList": self.snapshot_list,
            "fileUrlList": self.file_url_list,
        });
        if recommended {
            v["isNarrow"] = json!(self.is_narrow);
            v["isCache"] = json!(self.is_cache);
        }
        v
    }
}

/// A review decision as `createAudit` recorded it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Audit {
    pub media_id: String,
    pub status: String,
    pub reason: String,
    pub comment: String,
}

/// A console session.
#[derive(Debug, Clone)]
pub(crate) struct Session {
    pub expires_at: i64,
}

/// Bad logins in a row, and until when the account is locked.
#[derive(Debug, Default)]
pub(crate) struct Lockout {
    pub failures: u32,
    pub locked_until: Option<i64>,
}

/// Videos and recommendations, in creation order.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Library {
    pub videos: Vec<Video>,
    pub recommends: Vec<Video>,
    pub audits: Vec<Audit>,
    pub cache_pushes: Vec<String>,
    /// Emulated second each video was first seen waiting for review, for
    /// [`Config::review_secs`](super::config::Config::review_secs).
    pub in_review_since: BTreeMap<String, i64>,
}

/// The console emulation's state, shared by its handlers and its tests.
pub struct Shared {
    pub config: Config,
    /// Clock, faults and request counts (steered by the control API).
    pub controls: Controls,
    base_url: String,
    pub(crate) sessions: Mutex<BTreeMap<String, Session>>,
    pub(crate) lockout: Mutex<Lockout>,
    pub(crate) library: Mutex<Library>,
}

impl Shared {
    pub(crate) fn new(config: Config, base_url: String) -> Arc<Self> {
        let library = Library {
            videos: if config.sample_videos {
                sample_videos(&base_url)
            } else {
                Vec::new()
            },
            ..Library::default()
        };
        Arc::new(Shared {
            controls: Controls::new(config.faults.clone(), None),
            base_url,
            sessions: Mutex::default(),
            lockout: Mutex::default(),
            library: Mutex::new(library),
            config,
        })
    }

    /// `http://127.0.0.1:PORT/quvideo`: the base URL to give the SDK.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    pub fn clock(&self) -> &Clock {
        &self.controls.clock
    }

    /// Makes every console token expired (the next call answers 301).
    pub fn expire_tokens(&self) -> usize {
        let now = self.clock().now_secs();
        let mut sessions = lock(&self.sessions);
        for s in sessions.values_mut() {
            s.expires_at = now - 1;
        }
        sessions.len()
    }

    /// Forgets every console token (the next call answers the bare 403).
    pub fn revoke_tokens(&self) -> usize {
        let mut sessions = lock(&self.sessions);
        let n = sessions.len();
        sessions.clear();
        n
    }

    /// Tokens that are still valid.
    pub fn live_tokens(&self) -> usize {
        let now = self.clock().now_secs();
        lock(&self.sessions)
            .values()
            .filter(|s| s.expires_at > now)
            .count()
    }

    /// Login requests seen (`/console/user/login`).
    pub fn login_requests(&self) -> u64 {
        self.controls.requests.count_of("/console/user/login")
    }

    pub fn request_count(&self, path: &str) -> u64 {
        self.controls.requests.count_of(path)
    }

    pub fn is_locked(&self) -> bool {
        let now = self.clock().now_secs();
        lock(&self.lockout).locked_until.is_some_and(|t| t > now)
    }

    pub fn videos(&self) -> Vec<Video> {
        lock(&self.library).videos.clone()
    }

    pub fn video(&self, video_id: &str) -> Option<Video> {
        lock(&self.library)
            .videos
            .iter()
            .find(|v| v.video_id == video_id)
            .cloned()
    }

    pub fn recommends(&self) -> Vec<Video> {
        lock(&self.library).recommends.clone()
    }

    pub fn audits(&self) -> Vec<Audit> {
        lock(&self.library).audits.clone()
    }

    /// Every object path `pushObjectCache` received, one per URL.
    pub fn cache_pushes(&self) -> Vec<String> {
        lock(&self.library).cache_pushes.clone()
    }

    /// Passes the reviews that have waited [`Config::review_secs`]; starts
    /// the wait of videos newly in review. Nothing without `review_secs`.
    pub fn finish_due_reviews(&self) {
        let Some(wait) = self.config.review_secs else {
            return;
        };
        let now = self.clock().now_secs();
        let mut library = lock(&self.library);
        let Library {
            videos,
            audits,
            in_review_since,
            ..
        } = &mut *library;
        for v in videos.iter_mut().filter(|v| v.censor_status == "onCensor") {
            let since = *in_review_since.entry(v.video_id.clone()).or_insert(now);
            if now >= since + wait {
                // What createAudit with status Normal does.
                v.censor_status = "Normal".to_owned();
                in_review_since.remove(&v.video_id);
                audits.push(Audit {
                    media_id: v.video_id.clone(),
                    status: "Normal".to_owned(),
                    reason: String::new(),
                    comment: format!("passed on its own after {wait} s (emulator review_secs)"),
                });
            }
        }
    }

    /// Adds a video as if an app user had uploaded it.
    pub fn add_video(&self, video: Video) {
        lock(&self.library).videos.push(video);
    }

    /// Back to the start: sample videos, no sessions, no lockout.
    pub fn reset(&self) {
        *lock(&self.library) = Library {
            videos: if self.config.sample_videos {
                sample_videos(&self.base_url)
            } else {
                Vec::new()
            },
            ..Library::default()
        };
        lock(&self.sessions).clear();
        *lock(&self.lockout) = Lockout::default();
        self.controls.requests.reset();
    }
}

/// Seven videos of two app users, four waiting for review (`onCensor`),
/// created a day apart from `2019-01-01 10:00:00.0`. Their `fileUrlList`
/// is served by this emulator (`base_url` is its `/quvideo` address):
/// [`media_bytes`] of the video's `size`, with Range and an ETag.
pub fn sample_videos(base_url: &str) -> Vec<Video> {
    (1..=7)
        .map(|n| {
            let (user_id, user_name) = if n % 2 == 1 {
                ("2434793223202", "Anne")
            } else {
                ("2434793223203", "Bob")
            };
            let video_id = format!("vid{n:03}");
            Video {
                id: n.to_string(),
                video_id: video_id.clone(),
                title: format!("test video {n}"),
                description: format!("sample video number {n}"),
                duration: 10.0 + n as f64,
                cover_url: format!("https://example.aliyundoc.com/{video_id}/cover.png"),
                creation_time: format!("2019-01-{n:02} 10:00:00.0"),
                status: "Normal".to_owned(),
                first_frame_url: format!("https://example.aliyundoc.com/{video_id}/first.jpg"),
                size: 1000 * n,
                cate_id: "12".to_owned(),
                cate_name: "funny".to_owned(),
                tags: "测试,sample".to_owned(),
                share_url: String::new(),
                user_id: user_id.to_owned(),
                user_name: user_name.to_owned(),
                avatar_url: format!("https://example.aliyundoc.com/avatar/{user_id}.png"),
                transcode_status: String::new(),
                snapshot_status: "success".to_owned(),
                censor_status: if n <= 4 { "onCensor" } else { "success" }.to_owned(),
                narrow_transcode_status: String::new(),
                snapshot_list: vec![
                    format!("http://sample/covers/{video_id}.jpg"),
                    format!("http://sample/covers/sprite/{video_id}.jpg"),
                ],
                file_url_list: vec![format!("{base_url}/media/{video_id}/video.mp4")],
                is_narrow: String::new(),
                is_cache: String::new(),
            }
        })
        .collect()
}

/// The bytes the emulator serves as a video's file (`GET
/// /quvideo/media/{videoId}/video.mp4`): `video.size` pseudo-random bytes
/// seeded by its id and title, so a test knows what a copy must hold and a
/// video whose title or size changes serves other bytes.
pub fn media_bytes(video: &Video) -> Vec<u8> {
    let seed =
        crate::common::digest::md5_hex(format!("{}\0{}", video.video_id, video.title).as_bytes());
    let mut state = u64::from_str_radix(&seed[..16], 16).unwrap_or(1) | 1;
    (0..usize::try_from(video.size.max(0)).unwrap_or(0))
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}
