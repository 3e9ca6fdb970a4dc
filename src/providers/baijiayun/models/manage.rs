//! Account and video management: the partner key, screenshots, removing
//! files, renaming, categories of a video, batch player tokens, the account's
//! package, publishing, share URLs, the video list and transcoding again
//! (API 1, 7-10, 17, 19, 20, 26, 27, 31, 40).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::category::CategoryLevels;
use super::video::VideoId;
use super::{
    bit_list, check_page, non_empty_ids, opt_bit_list, Client, DEFINITION_BITS, FORMAT_BITS,
};
use crate::error::{Error, Result};
use crate::lenient;
use crate::secret::Secret;

/// File types that [`Client::remove_definition`] removes: the formats plus 8 (encrypted).
pub const FILE_TYPE_BITS: [i64; 4] = [1, 2, 4, 8];
/// The largest `page_size` of [`Client::get_video_list`].
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

/// API 1 `partner/createkey`: reads (or regenerates) the partner key.
/// `Debug` hides `secret_key`.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CreateKey {
    pub secret_key: String,
    /// 1: make a new key (the old one stops working at once).
    pub regenerate: u8,
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

/// API 7 `video/getImage`: screenshots of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetImage {
    pub video_id: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoImages {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub height: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub width: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub img_count: i64,
    /// Screenshot URLs.
    #[serde(default, deserialize_with = "lenient::list")]
    pub imgs: Vec<String>,
}

/// API 8 `video/removeDefinition`: deletes transcoded files to save storage.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct RemoveDefinition {
    pub video_id: i64,
    /// Comma-separated definition bits (16, 1, 2, 4, 8).
    pub definition: String,
    /// Comma-separated file types (1 mp4, 2 flv, 4 m3u8, 8 encrypted); all when absent.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub file_type: Option<String>,
}

/// What was removed, echoed as the provider sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RemovedDefinition {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub definition: String,
    /// Present when types were given.
    #[serde(rename = "type", default, deserialize_with = "lenient::opt_string")]
    pub file_type: Option<String>,
}

/// API 9 `video/deleteOriginVideo`: deletes the uploaded source files, keeping
/// the transcoded ones.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeleteOriginVideo {
    /// Comma-separated video ids.
    pub video_ids: String,
}

/// API 10 `video/update`: renames a video (the only field it changes).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Update {
    pub video_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// API 17 `video/setVideoCategory`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetVideoCategory {
    pub video_id: i64,
    pub category_id: i64,
}

/// A video and where it now sits in the category tree.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoCategoryLevels {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(flatten)]
    pub category: CategoryLevels,
}

/// API 19 `video/getPlayerTokenBatch`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct GetPlayerTokenBatch {
    /// Comma-separated video ids.
    pub video_ids: String,
    /// Lifetime in seconds; 0 never expires.
    pub expires_in: i64,
    /// Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise live, 5 VOD (default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_type: Option<i64>,
}

/// Player tokens by video id. `Debug` hides the tokens.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct PlayerTokens {
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

/// API 20 `video_account/getAccountInfo`: the account's package and usage.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetAccountInfo {}

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
    #[serde(default, deserialize_with = "lenient::string")]
    pub expire_time: String,
    /// Bytes.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total_storage: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub used_storage: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub used_flow: i64,
    /// Only with `charge_type` 0.
    #[serde(default, deserialize_with = "lenient::opt_int")]
    pub month_flow_limit: Option<i64>,
    /// Only with `charge_type` 1.
    #[serde(default, deserialize_with = "lenient::opt_int")]
    pub total_flow_limit: Option<i64>,
}

/// API 26 `video/setPublishStatus`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetPublishStatus {
    pub video_id: i64,
    /// 1 published, 2 blocked.
    pub status: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PublishStatus {
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
}

/// API 27 `video/getShareUrl`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetShareUrl {
    pub video_id: i64,
}

/// Ways to embed a video. `Debug` hides the URLs: they carry a token.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ShareUrls {
    #[serde(default, deserialize_with = "lenient::string")]
    pub js: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub iframe: String,
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

/// API 31 `video/getVideoList`: the account's videos, a page at a time.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct GetVideoList {
    /// 1-based (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// 1 to 1000 (default 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
    /// Only videos created from this time on: `YYYY-mm-dd HH:MM:SS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    /// Only videos whose name contains this (003 edition).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoListItem {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: String,
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    /// Bytes (known once transcoded).
    #[serde(default, deserialize_with = "lenient::int")]
    pub total_size: i64,
    /// As sent: `YYYY-mm-dd HH:MM:SS` here (other answers send unix seconds).
    #[serde(default, deserialize_with = "lenient::string")]
    pub create_time: String,
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

/// API 40 `video/transcodeAgain`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct TranscodeAgain {
    pub video_id: i64,
    /// Comma-separated definition bits.
    pub definition: String,
    /// Comma-separated format bits (default: mp4, flv and m3u8).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

/// The video sent back to transcoding, and the definitions asked for.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Retranscoding {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub definition: String,
}

impl Client {
    /// API 1: the current partner key, or (`regenerate`) a new one. Needs
    /// `Config::secret_key`. After regenerating, this client still signs with
    /// the old key, which no longer works: build a new client with the answer.
    pub fn create_key(&self, regenerate: bool) -> Result<PartnerKey> {
        let secret_key = match &self.config().secret_key {
            Some(key) if !key.is_empty() => key.expose().to_owned(),
            _ => return Err(Error::invalid_input("createkey needs Config::secret_key")),
        };
        self.call(&CreateKey {
            secret_key,
            regenerate: u8::from(regenerate),
        })
    }

    /// API 7: the screenshots of a video.
    pub fn get_image(&self, video_id: i64) -> Result<VideoImages> {
        self.call(&GetImage { video_id })
    }

    /// API 8: deletes the transcoded files of `definitions` (bits 16, 1, 2, 4, 8),
    /// only of the given `file_types` (1 mp4, 2 flv, 4 m3u8, 8 encrypted) when
    /// not empty. mp4 goes last: the provider refuses it while other types of
    /// the same definition remain.
    pub fn remove_definition(
        &self,
        video_id: i64,
        definitions: &[i64],
        file_types: &[i64],
    ) -> Result<RemovedDefinition> {
        let definition = bit_list("definition", definitions, &DEFINITION_BITS)?;
        let file_type = opt_bit_list("type", file_types, &FILE_TYPE_BITS)?;
        self.call(&RemoveDefinition {
            video_id,
            definition,
            file_type,
        })
    }

    /// API 9: deletes the uploaded source files of these videos.
    pub fn delete_origin_video(&self, video_ids: &[i64]) -> Result<super::Ack> {
        self.call(&DeleteOriginVideo {
            video_ids: non_empty_ids(video_ids, "video_ids")?,
        })
    }

    /// API 10: renames a video.
    pub fn update(&self, video_id: i64, name: &str) -> Result<VideoId> {
        if name.trim().is_empty() {
            return Err(Error::invalid_input("name is empty"));
        }
        self.call(&Update {
            video_id,
            name: Some(name.to_owned()),
        })
    }

    /// API 17: puts a video in a category (0: in none).
    pub fn set_video_category(
        &self,
        video_id: i64,
        category_id: i64,
    ) -> Result<VideoCategoryLevels> {
        if category_id < 0 {
            return Err(Error::invalid_input(format!(
                "category_id must not be negative, not {category_id}"
            )));
        }
        self.call(&SetVideoCategory {
            video_id,
            category_id,
        })
    }

    /// API 19: player tokens for several videos (`expires_in` seconds, 0 = never).
    pub fn get_player_token_batch(
        &self,
        video_ids: &[i64],
        expires_in: i64,
        product_type: Option<i64>,
    ) -> Result<PlayerTokens> {
        if expires_in < 0 {
            return Err(Error::invalid_input("expires_in must not be negative"));
        }
        if product_type.is_some_and(|p| !(1..=5).contains(&p)) {
            return Err(Error::invalid_input("product_type must be 1 to 5"));
        }
        self.call(&GetPlayerTokenBatch {
            video_ids: non_empty_ids(video_ids, "video_ids")?,
            expires_in,
            product_type,
        })
    }

    /// API 20: the account's package: storage and traffic, used and allowed.
    pub fn get_account_info(&self) -> Result<AccountInfo> {
        self.call(&GetAccountInfo {})
    }

    /// API 26: publishes (`status` 1) or blocks (2) a video.
    pub fn set_publish_status(&self, video_id: i64, status: i64) -> Result<PublishStatus> {
        if !(status == 1 || status == 2) {
            return Err(Error::invalid_input(
                "status must be 1 (publish) or 2 (block)",
            ));
        }
        self.call(&SetPublishStatus { video_id, status })
    }

    /// API 27: URLs to embed a video (js, iframe, flash).
    pub fn get_share_url(&self, video_id: i64) -> Result<ShareUrls> {
        self.call(&GetShareUrl { video_id })
    }

    /// API 31: one page of the account's videos.
    pub fn get_video_list(&self, request: &GetVideoList) -> Result<VideoList> {
        check_page(request.page, request.page_size, MAX_VIDEO_LIST_PAGE_SIZE)?;
        self.call(request)
    }

    /// API 40: transcodes a video again into `definitions`, and into `formats`
    /// when not empty (all three otherwise). Its status goes back to 20.
    pub fn transcode_again(
        &self,
        video_id: i64,
        definitions: &[i64],
        formats: &[i64],
    ) -> Result<Retranscoding> {
        let definition = bit_list("definition", definitions, &DEFINITION_BITS)?;
        let format = opt_bit_list("format", formats, &FORMAT_BITS)?;
        self.call(&TranscodeAgain {
            video_id,
            definition,
            format,
        })
    }
}
