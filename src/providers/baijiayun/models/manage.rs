//! Account and video management: the partner key, screenshots, removing
//! files, renaming, categories of a video, batch player tokens, the account's
//! package, publishing, share URLs, the video list and transcoding again
//! (API 1, 7-10, 17, 19, 20, 26, 27, 31, 40).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::category::not_negative;
use super::category::CategoryLevels;
use super::{
    check_bit_text, check_id_text, check_not_blank, check_page, DEFINITION_BITS, FORMAT_BITS,
};
use crate::error::{Error, Result};
use crate::lenient;
use crate::secret::Secret;

/// File types that `remove_definition` removes: the formats plus 8 (encrypted).
pub const FILE_TYPE_BITS: [i64; 4] = [1, 2, 4, 8];
/// The largest `page_size` of `get_video_list`.
pub const MAX_VIDEO_LIST_PAGE_SIZE: i64 = 1000;

/// Reads a JSON object as `T`; anything else (`null`, PHP's `[]` for an empty
/// object, a missing field) reads as `T::default()`.
fn object_or_default<'de, D, T>(d: D) -> std::result::Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned + Default,
{
    match serde_json::Value::deserialize(d)? {
        v @ serde_json::Value::Object(_) => {
            serde_json::from_value(v).map_err(serde::de::Error::custom)
        }
        _ => Ok(T::default()),
    }
}

/// Returns the account's partner key, or makes a new one (the old key stops
/// working at once). API 1 `partner/createkey`.
// `Debug` hides `secret_key`.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CreateKey {
    /// The account's secret key for managing the partner key (from the
    /// provider's console; not the partner key).
    pub secret_key: String,
    /// 1: make a new partner key (the old one stops working at once);
    /// 0 (the default): return the current one.
    pub regenerate: u8,
}

impl crate::api::Validate for CreateKey {
    fn validate(&self) -> Result<()> {
        check_not_blank(&self.secret_key, "secret_key is empty")?;
        check_zero_one("regenerate", self.regenerate)
    }
}

impl std::fmt::Debug for CreateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateKey")
            .field("secret_key", &"<redacted>")
            .field("regenerate", &self.regenerate)
            .finish()
    }
}

/// The account's partner key. `Debug` hides it.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PartnerKey {
    /// The key requests are signed with.
    #[serde(default, deserialize_with = "lenient::string")]
    pub partner_key: String,
}

impl PartnerKey {
    /// The key as a [`Secret`], ready for [`crate::baijiayun::Config::new`].
    pub fn secret(&self) -> Secret {
        Secret::new(self.partner_key.clone())
    }
}

impl std::fmt::Debug for PartnerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PartnerKey")
            .field("partner_key", &"<redacted>")
            .finish()
    }
}

/// Returns the screenshots the provider took of a video.
/// API 7 `video/getImage`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetImage {
    /// The video.
    pub video_id: i64,
}

/// Screenshots of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoImages {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    /// Pixels.
    #[serde(default, deserialize_with = "lenient::int")]
    pub height: i64,
    /// Pixels.
    #[serde(default, deserialize_with = "lenient::int")]
    pub width: i64,
    /// How many screenshots there are.
    #[serde(default, deserialize_with = "lenient::int")]
    pub img_count: i64,
    /// Screenshot URLs.
    #[serde(default, deserialize_with = "lenient::list")]
    pub imgs: Vec<String>,
}

/// Deletes the transcoded files of some definitions of a video (optionally
/// only some file types) to save storage. mp4 files go last: they are refused
/// while other types of the same definition remain. API 8 `video/removeDefinition`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RemoveDefinition {
    /// The video.
    pub video_id: i64,
    /// Definitions to remove, comma-separated bits: 16 SD, 1 HD, 2 super HD,
    /// 4 720p, 8 1080p (e.g. `"16,1"`).
    pub definition: String,
    /// File types to remove, comma-separated bits: 1 mp4, 2 flv, 4 m3u8,
    /// 8 encrypted (default: all types).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-argument" = "file_type"))]
    pub file_type: Option<String>,
}

impl crate::api::Validate for RemoveDefinition {
    fn validate(&self) -> Result<()> {
        check_bit_text("definition", &self.definition, &DEFINITION_BITS)?;
        if let Some(types) = &self.file_type {
            check_bit_text("type", types, &FILE_TYPE_BITS)?;
        }
        Ok(())
    }
}

/// What was removed, echoed as the provider sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RemovedDefinition {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    /// The definition bits removed.
    #[serde(default, deserialize_with = "lenient::string")]
    pub definition: String,
    /// The file type bits removed; present when types were given.
    #[serde(rename = "type", default, deserialize_with = "lenient::opt_string")]
    pub file_type: Option<String>,
}

/// Deletes the uploaded source files of several videos, keeping their
/// transcoded files. API 9 `video/deleteOriginVideo`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeleteOriginVideo {
    /// The videos, comma-separated ids (e.g. `"123,456"`; not empty).
    pub video_ids: String,
}

impl crate::api::Validate for DeleteOriginVideo {
    fn validate(&self) -> Result<()> {
        check_id_text("video_ids", &self.video_ids)
    }
}

/// Renames a video (the name is the only thing it changes).
/// API 10 `video/update`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Update {
    /// The video.
    pub video_id: i64,
    /// The new name (not empty when given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl crate::api::Validate for Update {
    fn validate(&self) -> Result<()> {
        match &self.name {
            Some(name) => check_not_blank(name, "name is empty"),
            None => Ok(()),
        }
    }
}

/// Puts a video in a category (0: in none); a video is in at most one.
/// API 17 `video/setVideoCategory`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetVideoCategory {
    /// The video.
    pub video_id: i64,
    /// The category; 0 to take the video out of every category. Not negative.
    pub category_id: i64,
}

impl crate::api::Validate for SetVideoCategory {
    fn validate(&self) -> Result<()> {
        not_negative("category_id", self.category_id)
    }
}

/// A video and where it now sits in the category tree.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoCategoryLevels {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(flatten)]
    pub category: CategoryLevels,
}

/// Returns player tokens for several videos at once, keyed by video id.
/// API 19 `video/getPlayerTokenBatch`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetPlayerTokenBatch {
    /// The videos, comma-separated ids (e.g. `"123,456"`; not empty).
    pub video_ids: String,
    /// The tokens' lifetime in seconds; 0 (the default) never expires. Not negative.
    #[serde(default)]
    pub expires_in: i64,
    /// Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise
    /// live, 5 VOD (the default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_type: Option<i64>,
}

impl crate::api::Validate for GetPlayerTokenBatch {
    fn validate(&self) -> Result<()> {
        check_id_text("video_ids", &self.video_ids)?;
        if self.expires_in < 0 {
            return Err(Error::invalid_input("expires_in must not be negative"));
        }
        if self.product_type.is_some_and(|p| !(1..=5).contains(&p)) {
            return Err(Error::invalid_input("product_type must be 1 to 5"));
        }
        Ok(())
    }
}

/// Player tokens by video id. `Debug` hides the tokens.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct PlayerTokens {
    /// Token by video id.
    #[serde(deserialize_with = "token_map")]
    pub tokens: BTreeMap<String, String>,
}

impl PlayerTokens {
    pub fn get(&self, video_id: i64) -> Option<&str> {
        self.tokens.get(&video_id.to_string()).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

impl std::fmt::Debug for PlayerTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(self.tokens.keys().map(|k| (k, "<redacted>")))
            .finish()
    }
}

/// `{"123": "token", …}`; an empty answer may come as `[]` or `null`.
fn token_map<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<BTreeMap<String, String>, D::Error> {
    let serde_json::Value::Object(map) = serde_json::Value::deserialize(d)? else {
        return Ok(BTreeMap::new());
    };
    let text = |v: serde_json::Value| match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    };
    Ok(map.into_iter().map(|(k, v)| (k, text(v))).collect())
}

/// Returns the account's package: storage and traffic, used and allowed
/// (traffic is counted once a day). API 20 `video_account/getAccountInfo`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetAccountInfo {}

/// The account's package and usage.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AccountInfo {
    #[serde(default, deserialize_with = "lenient::int")]
    pub partner_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub mobile: String,
    /// 0 free, 1 trial, 2 paid.
    #[serde(rename = "type", default, deserialize_with = "lenient::int")]
    pub account_type: i64,
    /// 0 not opened, 1 normal, 2 closed.
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    /// 0 monthly traffic package, 1 total traffic package.
    #[serde(default, deserialize_with = "lenient::int")]
    pub charge_type: i64,
    /// `YYYY-mm-dd HH:MM:SS`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub effect_time: String,
    /// `YYYY-mm-dd HH:MM:SS`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub expire_time: String,
    /// Bytes.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total_storage: i64,
    /// Bytes.
    #[serde(default, deserialize_with = "lenient::int")]
    pub used_storage: i64,
    /// Bytes delivered (counted once a day).
    #[serde(default, deserialize_with = "lenient::int")]
    pub used_flow: i64,
    /// Bytes per month; only with `charge_type` 0.
    #[serde(default, deserialize_with = "lenient::opt_int")]
    pub month_flow_limit: Option<i64>,
    /// Bytes in total; only with `charge_type` 1.
    #[serde(default, deserialize_with = "lenient::opt_int")]
    pub total_flow_limit: Option<i64>,
}

/// Publishes or blocks a video (videos are published once transcoded).
/// API 26 `video/setPublishStatus`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetPublishStatus {
    /// The video.
    pub video_id: i64,
    /// 1 publish, 2 block.
    pub status: i64,
}

impl crate::api::Validate for SetPublishStatus {
    fn validate(&self) -> Result<()> {
        if !(self.status == 1 || self.status == 2) {
            return Err(Error::invalid_input(
                "status must be 1 (publish) or 2 (block)",
            ));
        }
        Ok(())
    }
}

/// A video's publish status.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PublishStatus {
    /// 1 published, 2 blocked.
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
}

/// Returns the ways to embed a video in a page: a js snippet, an iframe and
/// a flash URL. API 27 `video/getShareUrl`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetShareUrl {
    /// The video.
    pub video_id: i64,
}

/// Ways to embed a video. `Debug` hides the URLs: they carry a token.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ShareUrls {
    /// The js player embed.
    #[serde(default, deserialize_with = "lenient::string")]
    pub js: String,
    /// The iframe embed.
    #[serde(default, deserialize_with = "lenient::string")]
    pub iframe: String,
    /// The flash player URL.
    #[serde(default, deserialize_with = "lenient::string")]
    pub flash: String,
}

impl std::fmt::Debug for ShareUrls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ShareUrls")
            .field("js", &"<redacted>")
            .field("iframe", &"<redacted>")
            .field("flash", &"<redacted>")
            .finish()
    }
}

/// Returns one page of the account's videos, optionally only those created
/// since a time or whose name contains a text. API 31 `video/getVideoList`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct GetVideoList {
    /// Page number, from 1 (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// Videos per page, 1 to 1000 (default 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
    /// Only videos created from this time on: `YYYY-mm-dd HH:MM:SS`
    /// (default: no time filter).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    /// Only videos whose name contains this (003 edition).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl crate::api::Validate for GetVideoList {
    fn validate(&self) -> Result<()> {
        check_page(self.page, self.page_size, MAX_VIDEO_LIST_PAGE_SIZE)
    }
}

/// A video in the list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoListItem {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: String,
    /// 10 uploading, 20 transcoding, 30 failed, 31 transcode timeout, 32 upload timeout, 100 done.
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    /// Bytes (known once transcoded).
    #[serde(default, deserialize_with = "lenient::int")]
    pub total_size: i64,
    /// As sent: `YYYY-mm-dd HH:MM:SS` here (other answers send unix seconds).
    #[serde(default, deserialize_with = "lenient::string")]
    pub create_time: String,
    /// The cover image's URL.
    #[serde(default, deserialize_with = "lenient::string")]
    pub preface_url: String,
    /// Seconds.
    #[serde(default, deserialize_with = "lenient::int")]
    pub length: i64,
    /// 1 published, 2 blocked.
    #[serde(default, deserialize_with = "lenient::int")]
    pub publish_status: i64,
    /// All zeros when the video has no category (the provider leaves it out).
    #[serde(default, deserialize_with = "object_or_default")]
    pub category: CategoryLevels,
}

/// One page of the account's videos.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoList {
    /// Videos in all pages.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub page: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub page_size: i64,
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<VideoListItem>,
}

/// Transcodes a video again, into the given definitions and formats; its
/// status goes back to 20 (transcoding). API 40 `video/transcodeAgain`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TranscodeAgain {
    /// The video.
    pub video_id: i64,
    /// Target definitions, comma-separated bits: 16 SD, 1 HD, 2 super HD,
    /// 4 720p, 8 1080p (e.g. `"16,1"`).
    pub definition: String,
    /// Output formats, comma-separated bits: 1 mp4, 2 flv, 4 m3u8 (default:
    /// all three).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

impl crate::api::Validate for TranscodeAgain {
    fn validate(&self) -> Result<()> {
        check_bit_text("definition", &self.definition, &DEFINITION_BITS)?;
        if let Some(format) = &self.format {
            check_bit_text("format", format, &FORMAT_BITS)?;
        }
        Ok(())
    }
}

/// A 0/1 flag sent as a number.
fn check_zero_one(what: &str, value: u8) -> Result<()> {
    if value > 1 {
        return Err(Error::invalid_input(format!(
            "{what} must be 0 or 1, not {value}"
        )));
    }
    Ok(())
}

/// The video sent back to transcoding, and the definitions asked for.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Retranscoding {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    /// The definition bits asked for.
    #[serde(default, deserialize_with = "lenient::string")]
    pub definition: String,
}
