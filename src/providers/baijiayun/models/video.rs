//! Upload URLs, status, info, play URLs, player tokens, delete
//! (API 2, 4, 5, 6, 11, 18, 23).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Client;
use crate::error::Result;
use crate::lenient;

/// API 2 `video/getUploadUrl`: creates a video and returns where to upload it.
/// [`Client::upload`] calls this for you.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct GetUploadUrl {
    pub file_name: String,
    /// Target definitions, comma-separated bits: 16 SD, 1 HD, 2 super, 4 720p, 8 1080p.
    pub definition: String,
    /// 1: process as audio.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audio_with_view: Option<u8>,
    /// Comma-separated bits: 1 mp4, 2 flv, 4 m3u8 (default: all three).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// 1: encrypt, 2: don't (needs the encryption permission).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypt: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watermark: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watermark_pos: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_https: Option<u8>,
    /// Per-video transcode callback URL (003 edition).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
}

impl GetUploadUrl {
    /// What the provider would refuse, refused before any request.
    pub fn validate(&self) -> Result<()> {
        if self.file_name.trim().is_empty() {
            return Err(crate::Error::invalid_input("file_name is empty"));
        }
        super::check_bit_text("definition", &self.definition, &super::DEFINITION_BITS)?;
        if let Some(format) = &self.format {
            super::check_bit_text("format", format, &super::FORMAT_BITS)?;
        }
        if let Some(url) = &self.callback_url {
            super::check_callback_url("callback_url", url)?;
        }
        Ok(())
    }
}

/// Where to upload a new video. `Debug` hides the URL: it carries a token.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UploadUrl {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub upload_url: String,
}

impl std::fmt::Debug for UploadUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadUrl")
            .field("video_id", &self.video_id)
            .field("upload_url", &"<redacted>")
            .finish()
    }
}

/// API 4 `video/getResumeUploadUrl`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct GetResumeUploadUrl {
    pub video_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_https: Option<u8>,
}

/// Where to continue an upload, and how many bytes the server already holds.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ResumeUploadUrl {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub upload_url: String,
    #[serde(default, deserialize_with = "lenient::int")]
    pub upload_size: i64,
}

impl std::fmt::Debug for ResumeUploadUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResumeUploadUrl")
            .field("video_id", &self.video_id)
            .field("upload_url", &"<redacted>")
            .field("upload_size", &self.upload_size)
            .finish()
    }
}

/// API 5 `video/getStatus`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetStatus {
    pub video_id: i64,
}

/// A video's processing state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum VideoState {
    Uploading,
    Transcoding,
    TranscodeFailed,
    TranscodeTimeout,
    UploadTimeout,
    Transcoded,
    Other(i64),
}

impl VideoState {
    pub fn from_code(code: i64) -> Self {
        match code {
            10 => VideoState::Uploading,
            20 => VideoState::Transcoding,
            30 => VideoState::TranscodeFailed,
            31 => VideoState::TranscodeTimeout,
            32 => VideoState::UploadTimeout,
            100 => VideoState::Transcoded,
            other => VideoState::Other(other),
        }
    }

    /// Whether the state will not change any more by itself.
    pub fn is_final(self) -> bool {
        !matches!(self, VideoState::Uploading | VideoState::Transcoding)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoStatus {
    /// 10 uploading, 20 transcoding, 30 failed, 31 transcode timeout, 32 upload timeout, 100 done.
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub info: String,
}

impl VideoStatus {
    pub fn state(&self) -> VideoState {
        VideoState::from_code(self.status)
    }
}

/// API 6 `video/getInfo`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetInfo {
    pub video_id: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TranscodeFile {
    /// low/std/high/super/1080p.
    #[serde(default, deserialize_with = "lenient::string")]
    pub definition: String,
    /// mp4/flv/m3u8.
    #[serde(rename = "type", default, deserialize_with = "lenient::string")]
    pub format: String,
    #[serde(default, deserialize_with = "lenient::int")]
    pub size: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CategoryRef {
    #[serde(default, deserialize_with = "lenient::int")]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub level: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoInfo {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: String,
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    /// Bytes of the source (known once transcoded).
    #[serde(default, deserialize_with = "lenient::int")]
    pub total_size: i64,
    /// Source plus every transcoded file, in bytes.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total_transcode_size: i64,
    /// Unix seconds as the provider sends it (some editions send a date string).
    #[serde(default, deserialize_with = "lenient::string")]
    pub create_time: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub preface_url: String,
    /// Duration in seconds.
    #[serde(default, deserialize_with = "lenient::int")]
    pub length: i64,
    /// 0 not reviewed, 1 passed, 2 rejected.
    #[serde(default, deserialize_with = "lenient::int")]
    pub audit_status: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub file_md5: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub origin_definition: String,
    #[serde(default, deserialize_with = "lenient::list")]
    pub transcode_info: Vec<TranscodeFile>,
    #[serde(default, deserialize_with = "lenient::list")]
    pub category: Vec<CategoryRef>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub publish_status: i64,
}

impl VideoInfo {
    pub fn state(&self) -> VideoState {
        VideoState::from_code(self.status)
    }
}

/// API 23 `video/getUrl`: play URLs per definition.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct GetUrl {
    pub video_id: i64,
    /// mp4 (default), m3u8, flv or encrypt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// URL lifetime in seconds (default 12 hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlayInfo {
    #[serde(default, deserialize_with = "lenient::int")]
    pub duration: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub size: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub height: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub width: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub url: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlayUrls {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    /// Keyed by definition: low, high, superHD, 720p, 1080p, or audio.
    #[serde(default)]
    pub play_info: BTreeMap<String, PlayInfo>,
}

/// API 11 `video/delete`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Delete {
    pub video_id: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoId {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
}

/// API 18 `video/getPlayerToken`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct GetPlayerToken {
    pub video_id: i64,
    /// Lifetime in seconds; 0 never expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
}

/// A player token. `Debug` hides it.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlayerToken {
    #[serde(default, deserialize_with = "lenient::string")]
    pub token: String,
}

impl std::fmt::Debug for PlayerToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlayerToken")
            .field("token", &"<redacted>")
            .finish()
    }
}

/// `video_account/setTranscodeCallbackUrl`: the account's transcode callback URL.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetTranscodeCallbackUrl {
    pub url: String,
}

/// `video_account/getTranscodeCallbackUrl`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetTranscodeCallbackUrl {}

/// The account's transcode callback URL (empty when none is set).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CallbackUrl {
    #[serde(default, deserialize_with = "lenient::string")]
    pub url: String,
}

impl Client {
    /// API 2: creates a video and returns its upload URL (see [`Client::upload`]).
    pub fn get_upload_url(&self, request: &GetUploadUrl) -> Result<UploadUrl> {
        request.validate()?;
        self.call(request)
    }

    /// API 4: where to continue uploading `video_id`, and the bytes already held.
    pub fn get_resume_upload_url(&self, video_id: i64) -> Result<ResumeUploadUrl> {
        self.call(&GetResumeUploadUrl {
            video_id,
            use_https: None,
        })
    }

    /// API 5: the transcoding status of a video.
    pub fn get_status(&self, video_id: i64) -> Result<VideoStatus> {
        self.call(&GetStatus { video_id })
    }

    /// API 6: everything known about a video.
    pub fn get_info(&self, video_id: i64) -> Result<VideoInfo> {
        self.call(&GetInfo { video_id })
    }

    /// API 23: play URLs per definition (`format`: mp4 by default).
    pub fn get_url(&self, request: &GetUrl) -> Result<PlayUrls> {
        self.call(request)
    }

    /// API 11: deletes a video.
    pub fn delete(&self, video_id: i64) -> Result<VideoId> {
        self.call(&Delete { video_id })
    }

    /// API 18: a token for the provider's player (`expires_in` seconds, 0 = never).
    pub fn get_player_token(&self, video_id: i64, expires_in: Option<i64>) -> Result<PlayerToken> {
        self.call(&GetPlayerToken {
            video_id,
            expires_in,
        })
    }

    /// Sets the account's transcode callback URL (`http://` or `https://`),
    /// used for videos uploaded without their own `callback_url`.
    pub fn set_transcode_callback_url(&self, url: &str) -> Result<CallbackUrl> {
        super::check_callback_url("url", url)?;
        self.call(&SetTranscodeCallbackUrl {
            url: url.to_owned(),
        })
    }

    /// The account's transcode callback URL.
    pub fn get_transcode_callback_url(&self) -> Result<CallbackUrl> {
        self.call(&GetTranscodeCallbackUrl {})
    }
}
