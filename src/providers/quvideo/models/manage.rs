//! Changing videos: transcode, review, recommend, cache, delete. All POST.

use serde::{Deserialize, Serialize, Serializer};

use super::check_id;
use crate::error::{Error, Result};

/// Starts a normal (not narrow-band HD) transcode of a video.
/// `submitTranscode`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubmitTranscode {
    /// The video (its `videoId`).
    pub media_id: String,
}

/// Starts a narrow-band HD transcode of a video. `submitTabTranscode`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubmitTabTranscode {
    /// The video (its `videoId`).
    pub media_id: String,
}

/// A review decision: `Blocked` hides the video from the app (a reason is
/// required), `Normal` shows it. (No doc comment per variant: the schema
/// stays a plain string enum, which every binding types as a string.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum AuditStatus {
    Blocked,
    Normal,
}

/// The longest `reason` the AppServer takes, in bytes (UTF-8).
pub const MAX_REASON_BYTES: usize = 128;

/// Reviews a video by hand: block it (with a reason) or pass it.
/// `createAudit`.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreateAudit {
    /// The video (its `videoId`).
    pub media_id: String,
    /// `Blocked` or `Normal`.
    pub status: AuditStatus,
    /// Why it is blocked: required when blocking, at most 128 bytes (UTF-8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// A note for the back office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl CreateAudit {
    /// Blocks `media_id` because of `reason`.
    pub fn block(media_id: &str, reason: &str) -> Self {
        CreateAudit {
            media_id: media_id.to_owned(),
            status: AuditStatus::Blocked,
            reason: Some(reason.to_owned()),
            comment: None,
        }
    }

    /// Passes `media_id`.
    pub fn pass(media_id: &str) -> Self {
        CreateAudit {
            media_id: media_id.to_owned(),
            status: AuditStatus::Normal,
            reason: None,
            comment: None,
        }
    }
}

impl crate::api::Validate for CreateAudit {
    fn validate(&self) -> Result<()> {
        check_id("mediaId", &self.media_id)?;
        let reason = self.reason.as_deref().unwrap_or("");
        if reason.len() > MAX_REASON_BYTES {
            return Err(Error::invalid_input(format!(
                "reason is {} bytes; at most {MAX_REASON_BYTES} are allowed",
                reason.len()
            )));
        }
        if self.status == AuditStatus::Blocked && reason.trim().is_empty() {
            return Err(Error::invalid_input("blocking a video needs a reason"));
        }
        Ok(())
    }
}

/// Adds a video to the recommended list, with what the app shows of it.
/// `recommendVideo`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RecommendVideo {
    /// The video.
    pub video_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The app user who uploaded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_url: Option<String>,
    /// Bytes of the source file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Comma-separated tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cate_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cate_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_frame_url: Option<String>,
    /// Normal (not narrow-band) transcode status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcode_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub censor_status: Option<String>,
    /// Whether it is narrow-band HD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_narrow: Option<String>,
    /// Whether it was pushed to the cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_cache: Option<String>,
}

impl crate::api::Validate for RecommendVideo {
    fn validate(&self) -> Result<()> {
        check_id("videoId", &self.video_id)
    }
}

/// Pre-warms the CDN cache for objects (`example.com/image/1.png`).
/// `pushObjectCache`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PushObjectCache {
    /// The objects' URLs; sent newline-separated, as the AppServer reads them.
    /// Read from a list, or from the document's own form: one string of
    /// newline-separated URLs.
    #[serde(serialize_with = "newline_joined", deserialize_with = "list_or_lines")]
    pub object_path: Vec<String>,
}

/// A list of URLs, or the document's string of newline-separated URLs
/// (blank lines dropped).
fn list_or_lines<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Form {
        Lines(String),
        List(Vec<String>),
    }
    Ok(
        match Form::deserialize(d).map_err(|_| {
            serde::de::Error::custom(
                "objectPath: expected a list of URLs or a string of newline-separated URLs",
            )
        })? {
            Form::Lines(text) => text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            Form::List(list) => list,
        },
    )
}

fn newline_joined<S: Serializer>(paths: &[String], s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&paths.join("\n"))
}

impl crate::api::Validate for PushObjectCache {
    fn validate(&self) -> Result<()> {
        if self.object_path.is_empty() {
            return Err(Error::invalid_input("objectPath is empty"));
        }
        if self
            .object_path
            .iter()
            .any(|p| p.trim().is_empty() || p.contains(['\n', '\r']))
        {
            return Err(Error::invalid_input(
                "objectPath: every URL must be non-empty and on one line",
            ));
        }
        Ok(())
    }
}

/// Deletes a video. `deleteVideoById`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeleteVideoById {
    /// The video.
    pub video_id: String,
    /// The app user it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
}

/// Takes a video off the recommended list. `deleteRecommendById`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeleteRecommendById {
    /// The video.
    pub video_id: String,
}

macro_rules! id_checked {
    ($($ty:ty => $field:ident, $name:literal;)*) => {
        $(impl crate::api::Validate for $ty {
            fn validate(&self) -> Result<()> {
                check_id($name, &self.$field)
            }
        })*
    };
}

id_checked! {
    SubmitTranscode => media_id, "mediaId";
    SubmitTabTranscode => media_id, "mediaId";
    DeleteVideoById => video_id, "videoId";
    DeleteRecommendById => video_id, "videoId";
}
