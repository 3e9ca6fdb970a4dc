//! Upload URLs, status, info, play URLs, player tokens, delete
//! (API 2, 4, 5, 6, 11, 18, 23).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::lenient;

/// Creates a video (or audio) and returns its id and the URL to upload its
/// file to; the upload methods do this and the upload in one step.
/// API 2 `video/getUploadUrl`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetUploadUrl {
    /// The file's name, shown as the video's name (not empty).
    pub file_name: String,
    /// Target definitions, comma-separated bits: 16 SD, 1 HD, 2 super HD,
    /// 4 720p, 8 1080p (e.g. `"16,1"`). A source below a target definition is
    /// transcoded at its own definition.
    pub definition: String,
    /// 1: process the file as audio, 0: as video (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audio_with_view: Option<u8>,
    /// Output formats, comma-separated bits: 1 mp4, 2 flv, 4 m3u8 (default:
    /// all three).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// 1: also make an encrypted version, 2: don't. Needs the encryption
    /// permission; once it is granted, videos are encrypted by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypt: Option<u8>,
    /// The watermark to put on the video (003 edition; passed through as given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watermark: Option<String>,
    /// Where the watermark goes (003 edition; passed through as given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watermark_pos: Option<u8>,
    /// 1: return an `https://` upload URL, 0: `http://` (the provider's
    /// default is 0; the upload methods send 1 unless told otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_https: Option<u8>,
    /// This video's transcode callback URL (`http://` or `https://`),
    /// instead of the account's (003 edition).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
}

impl crate::api::Validate for GetUploadUrl {
    fn validate(&self) -> Result<()> {
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
    /// The new video's id, used by every later call about it.
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    /// Where to POST the file (multipart field `data`); carries a token.
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

/// Returns where to continue an interrupted upload and how many bytes the
/// server already holds, so only the rest is sent. API 4 `video/getResumeUploadUrl`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetResumeUploadUrl {
    /// The video whose upload to continue.
    pub video_id: i64,
    /// 1: return an `https://` upload URL, 0: `http://` (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_https: Option<u8>,
}

/// Where to continue an upload, and how many bytes the server already holds.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ResumeUploadUrl {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    /// Where to send the rest of the file; carries a token.
    #[serde(default, deserialize_with = "lenient::string")]
    pub upload_url: String,
    /// Bytes the server already holds: the offset to continue from.
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

/// Returns the upload and transcoding status of a video. API 5 `video/getStatus`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetStatus {
    /// The video, as returned when it was created.
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

/// A video's status.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoStatus {
    /// 10 uploading, 20 transcoding, 30 failed, 31 transcode timeout, 32 upload timeout, 100 done.
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    /// The provider's description of the status.
    #[serde(default, deserialize_with = "lenient::string")]
    pub info: String,
}

impl VideoStatus {
    pub fn state(&self) -> VideoState {
        VideoState::from_code(self.status)
    }
}

/// Returns everything known about a video: name, status, sizes, duration,
/// cover, transcoded files and category (deleted videos are not found).
/// API 6 `video/getInfo`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetInfo {
    /// The video.
    pub video_id: i64,
}

/// One transcoded file of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TranscodeFile {
    /// low/std/high/super/1080p.
    #[serde(default, deserialize_with = "lenient::string")]
    pub definition: String,
    /// mp4/flv/m3u8.
    #[serde(rename = "type", default, deserialize_with = "lenient::string")]
    pub format: String,
    /// Bytes.
    #[serde(default, deserialize_with = "lenient::int")]
    pub size: i64,
}

/// A category a video is in, at one level of the tree.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CategoryRef {
    #[serde(default, deserialize_with = "lenient::int")]
    pub id: i64,
    /// 1 (top) to 5.
    #[serde(default, deserialize_with = "lenient::int")]
    pub level: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: String,
}

/// Everything known about a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoInfo {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: String,
    /// As in getStatus: 10 uploading, 20 transcoding, 30 failed, 31 transcode
    /// timeout, 32 upload timeout, 100 done.
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
    /// The cover image's URL.
    #[serde(default, deserialize_with = "lenient::string")]
    pub preface_url: String,
    /// Duration in seconds.
    #[serde(default, deserialize_with = "lenient::int")]
    pub length: i64,
    /// 0 not reviewed, 1 passed, 2 rejected.
    #[serde(default, deserialize_with = "lenient::int")]
    pub audit_status: i64,
    /// MD5 of the uploaded source file.
    #[serde(default, deserialize_with = "lenient::string")]
    pub file_md5: String,
    /// The source's definition: low/std/high/super/1080p.
    #[serde(default, deserialize_with = "lenient::string")]
    pub origin_definition: String,
    /// The transcoded files.
    #[serde(default, deserialize_with = "lenient::list")]
    pub transcode_info: Vec<TranscodeFile>,
    /// The video's category at each level (empty when it has none).
    #[serde(default, deserialize_with = "lenient::list")]
    pub category: Vec<CategoryRef>,
    /// 1 published, 2 blocked.
    #[serde(default, deserialize_with = "lenient::int")]
    pub publish_status: i64,
}

impl VideoInfo {
    pub fn state(&self) -> VideoState {
        VideoState::from_code(self.status)
    }
}

/// Returns the play URLs of a transcoded video (or audio), one per
/// definition, in one format. API 23 `video/getUrl`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetUrl {
    /// The video.
    pub video_id: i64,
    /// mp4 (default), m3u8, flv or encrypt (the encrypted version, only on
    /// accounts with encryption enabled).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// How long the URLs stay valid, in seconds (default 12 hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
}

/// One playable file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlayInfo {
    /// Seconds.
    #[serde(default, deserialize_with = "lenient::int")]
    pub duration: i64,
    /// Bytes.
    #[serde(default, deserialize_with = "lenient::int")]
    pub size: i64,
    /// Pixels.
    #[serde(default, deserialize_with = "lenient::int")]
    pub height: i64,
    /// Pixels.
    #[serde(default, deserialize_with = "lenient::int")]
    pub width: i64,
    /// The play URL (valid for the requested lifetime).
    #[serde(default, deserialize_with = "lenient::string")]
    pub url: String,
}

/// A video's play URLs.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlayUrls {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    /// Keyed by definition: low, high, superHD, 720p, 1080p, or audio.
    #[serde(default)]
    pub play_info: BTreeMap<String, PlayInfo>,
}

/// Deletes a video and all its files. API 11 `video/delete`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Delete {
    /// The video to delete.
    pub video_id: i64,
}

/// The video the operation acted on.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoId {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
}

/// Returns a token that lets the provider's player play a video.
/// API 18 `video/getPlayerToken`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetPlayerToken {
    /// The video to play.
    pub video_id: i64,
    /// The token's lifetime in seconds; 0 (the default) never expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
}

/// A player token. `Debug` hides it.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlayerToken {
    /// The token to hand to the player.
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

/// Sets the account's transcode callback URL: the provider POSTs each
/// upload-done, transcode-failed and transcoded event of videos uploaded
/// without their own `callback_url` to it. `video_account/setTranscodeCallbackUrl`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetTranscodeCallbackUrl {
    /// The callback URL; must start with `http://` or `https://`.
    pub url: String,
}

impl crate::api::Validate for SetTranscodeCallbackUrl {
    fn validate(&self) -> Result<()> {
        super::check_callback_url("url", &self.url)
    }
}

/// Returns the account's transcode callback URL (empty when none is set).
/// `video_account/getTranscodeCallbackUrl`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetTranscodeCallbackUrl {}

/// The account's transcode callback URL (empty when none is set).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CallbackUrl {
    /// The URL; empty when none is set.
    #[serde(default, deserialize_with = "lenient::string")]
    pub url: String,
}
