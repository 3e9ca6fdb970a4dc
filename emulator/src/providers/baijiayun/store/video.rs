//! A video: the record each upload creates and its status machine.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::common::digest::FileMd5;
use crate::common::intake::Gate;
use crate::providers::baijiayun::config::Config;

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
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingCallback {
    pub url: String,
    pub fields: Vec<(String, String)>,
}

/// Serialized only to keep it across runs ([`crate::common::persist`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
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
    /// Bytes stored (kept up to date by the upload's writer as it writes).
    pub received: u64,
    /// Whether the upload's writer still holds bytes (see [`Gate`]).
    #[serde(skip)]
    pub intake: Arc<Gate>,
    /// Worked out from the stored file once the upload is complete.
    #[serde(with = "crate::common::digest::saved")]
    pub md5: Option<FileMd5>,
    pub status: i64,
    pub upload_done_at: Option<i64>,
    pub upload_requests: u32,
    /// Upload requests that carried a `Content-Range` header.
    pub ranged_requests: u32,
    /// `use_https` of every getUploadUrl / getResumeUploadUrl, in order.
    pub use_https: Vec<bool>,
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
            intake: Arc::default(),
            md5: None,
            status: UPLOADING,
            upload_done_at: None,
            upload_requests: 0,
            ranged_requests: 0,
            use_https: Vec::new(),
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

    /// Marks the upload complete: status 20, MD5 under way, callback queued.
    pub fn finish_upload(&mut self, now: i64) {
        self.md5 = Some(FileMd5::of(self.path.clone()));
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
            f.push(("file_md5".to_owned(), self.md5_hex()));
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

    /// The stored file's MD5 in hex, empty before the upload is complete.
    /// Waits for the hash if it is still being worked out.
    pub fn md5_hex(&self) -> String {
        self.md5
            .as_ref()
            .and_then(FileMd5::wait)
            .unwrap_or_default()
    }

    /// What a test may see; its `md5` is filled in by [`VideoSnapshot::with_md5`].
    pub fn snapshot(&self) -> VideoSnapshot {
        VideoSnapshot {
            video_id: self.id,
            name: self.name.clone(),
            status: self.status,
            received_bytes: self.received,
            total_size: self.total_size,
            md5: None,
            path: self.path.clone(),
            upload_requests: self.upload_requests,
            ranged_requests: self.ranged_requests,
            use_https: self.use_https.clone(),
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
            "file_md5": self.md5_hex(),
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

/// What a test may see of a stored video.
#[derive(Debug, Clone, Serialize)]
pub struct VideoSnapshot {
    pub video_id: i64,
    pub name: String,
    pub status: i64,
    pub received_bytes: u64,
    pub total_size: Option<u64>,
    pub md5: Option<String>,
    pub path: PathBuf,
    pub upload_requests: u32,
    pub ranged_requests: u32,
    pub use_https: Vec<bool>,
}

impl VideoSnapshot {
    /// Fills in the MD5, waiting for it if it is still being worked out
    /// (called without the videos lock held, so nothing else waits).
    pub fn with_md5(mut self, md5: Option<&FileMd5>) -> Self {
        self.md5 = md5.and_then(FileMd5::wait);
        self
    }
}
