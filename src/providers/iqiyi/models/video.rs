//! Status, list, play URLs and delete (document sections 4-7).

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::{check_file_id, check_file_ids};
use crate::error::{Error, Result};
use crate::lenient;

/// A video's processing state and, once done, its images and play URLs.
/// `file/fullStatus`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FullStatus {
    /// The file's id.
    pub file_id: String,
}

/// A video's state, from `fullStatus`'s code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VideoState {
    /// A00000: processed, playable.
    Done,
    /// A00001: publishing.
    Publishing,
    /// A00002: review failed.
    ReviewFailed,
    /// A00003: no such video.
    Missing,
    /// A00004: uploading.
    Uploading,
    /// A00006: the upload was cancelled.
    Cancelled,
    /// A00007: publishing failed (or, with `is_repeat`, a duplicate upload).
    PublishFailed,
    /// A code the document does not list.
    Unknown,
}

impl VideoState {
    pub fn from_code(code: &str) -> Self {
        match code {
            "A00000" => VideoState::Done,
            "A00001" => VideoState::Publishing,
            "A00002" => VideoState::ReviewFailed,
            "A00003" => VideoState::Missing,
            "A00004" => VideoState::Uploading,
            "A00006" => VideoState::Cancelled,
            "A00007" => VideoState::PublishFailed,
            _ => VideoState::Unknown,
        }
    }
}

/// The answer of `fullStatus`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VideoStatus {
    /// The state.
    pub state: VideoState,
    /// The provider's code (A00000 done, A00001 publishing, …).
    pub code: String,
    /// Cover image URL.
    pub img: Option<String>,
    /// Thumbnail URL.
    pub thumbnail: Option<String>,
    /// Flash player URL.
    pub swfurl: Option<String>,
    /// Play URLs (expire after about 15 minutes).
    pub urllist: PlayUrls,
    /// The file duplicates an earlier upload (with `A00007`).
    pub is_repeat: bool,
    /// The earlier upload's file id, when `is_repeat`.
    pub file_id_before: Option<String>,
    pub msg: String,
}

impl<'de> Deserialize<'de> for VideoStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize, Default)]
        #[serde(default)]
        struct Data {
            #[serde(deserialize_with = "lenient::opt_string")]
            img: Option<String>,
            #[serde(deserialize_with = "lenient::opt_string")]
            thumbnail: Option<String>,
            #[serde(deserialize_with = "lenient::opt_string")]
            swfurl: Option<String>,
            urllist: Option<PlayUrls>,
            #[serde(deserialize_with = "lenient::flag")]
            is_repeat: bool,
            #[serde(alias = "fileIdBefore", deserialize_with = "lenient::opt_string")]
            file_id_before: Option<String>,
        }
        #[derive(Deserialize, Default)]
        #[serde(default)]
        struct Whole {
            #[serde(deserialize_with = "lenient::string")]
            code: String,
            #[serde(deserialize_with = "lenient::string")]
            msg: String,
            data: Option<Value>,
        }
        let whole = Whole::deserialize(d)?;
        // `data` is an object, or `""`/`[]`/`null` when there is nothing.
        let data: Data = match whole.data {
            Some(v @ Value::Object(_)) => {
                serde_json::from_value(v).map_err(serde::de::Error::custom)?
            }
            _ => Data::default(),
        };
        Ok(VideoStatus {
            state: VideoState::from_code(&whole.code),
            code: whole.code,
            img: data.img,
            thumbnail: data.thumbnail,
            swfurl: data.swfurl,
            urllist: data.urllist.unwrap_or_default(),
            is_repeat: data.is_repeat,
            file_id_before: data.file_id_before,
            msg: whole.msg,
        })
    }
}

/// A definition of the play URLs: 96 fastest, 1 smooth, 2 HD, 3 super HD,
/// 4 720p, 5 1080p (mp4 has 1 and 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Definition {
    Fastest,
    Smooth,
    Hd,
    SuperHd,
    P720,
    P1080,
}

impl Definition {
    pub const ALL: [Definition; 6] = [
        Definition::Fastest,
        Definition::Smooth,
        Definition::Hd,
        Definition::SuperHd,
        Definition::P720,
        Definition::P1080,
    ];

    /// The provider's number for it.
    pub fn code(self) -> i64 {
        match self {
            Definition::Fastest => 96,
            Definition::Smooth => 1,
            Definition::Hd => 2,
            Definition::SuperHd => 3,
            Definition::P720 => 4,
            Definition::P1080 => 5,
        }
    }

    /// The definition numbered `code`; another number is `InvalidInput`.
    pub fn from_code(code: i64) -> Result<Self> {
        Definition::ALL
            .into_iter()
            .find(|d| d.code() == code)
            .ok_or_else(|| {
                Error::invalid_input(format!("definition {code} is not one of 96, 1, 2, 3, 4, 5"))
            })
    }
}

/// One play URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlayUrl {
    /// The provider's definition number (96, 1, 2, 3, 4, 5).
    pub definition: i64,
    /// The definition by name; `None` for a number the document does not list.
    pub name: Option<Definition>,
    /// The URL; it expires after about 15 minutes.
    pub url: String,
}

/// Play URLs per format, in definition order (96, 1, 2, …). They expire
/// after about 15 minutes: ask again before each playback.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PlayUrls {
    pub mp4: Vec<PlayUrl>,
    pub m3u8: Vec<PlayUrl>,
}

impl PlayUrls {
    /// The URL of `format` (`mp4` or `m3u8`) in definition `definition` (a
    /// provider number; an unknown number is `InvalidInput`).
    pub fn url(&self, format: &str, definition: i64) -> Result<Option<&str>> {
        Definition::from_code(definition)?;
        let list = match format {
            "mp4" => &self.mp4,
            "m3u8" => &self.m3u8,
            other => {
                return Err(Error::invalid_input(format!(
                    "format {other:?} is not mp4 or m3u8"
                )))
            }
        };
        Ok(list
            .iter()
            .find(|u| u.definition == definition)
            .map(|u| u.url.as_str()))
    }
}

impl<'de> Deserialize<'de> for PlayUrls {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let raw = Value::deserialize(d)?;
        let list = |key: &str| -> Vec<PlayUrl> {
            let mut out: Vec<PlayUrl> = match raw.get(key) {
                // The provider's shape: {"1": url, "96": url}.
                Some(Value::Object(map)) => map
                    .iter()
                    .filter_map(|(k, v)| {
                        let definition = k.trim().parse::<i64>().ok()?;
                        let url = v.as_str()?.trim().to_owned();
                        Some(PlayUrl {
                            definition,
                            name: Definition::from_code(definition).ok(),
                            url,
                        })
                    })
                    .collect(),
                // Ours, read back.
                Some(v @ Value::Array(_)) => serde_json::from_value(v.clone()).unwrap_or_default(),
                _ => Vec::new(),
            };
            let rank = |d: i64| if d == 96 { -1 } else { d };
            out.sort_by_key(|u| rank(u.definition));
            out
        };
        Ok(PlayUrls {
            mp4: list("mp4"),
            m3u8: list("m3u8"),
        })
    }
}

/// A page of the account's videos (transcoded and approved, or published
/// before review). `file/videoListForExternal`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoListForExternal {
    /// Comma-separated file ids; empty or absent: all videos.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_ids: Option<String>,
    /// Videos per page, 1-100 (default 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
    /// The page, from 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
}

impl crate::api::Validate for VideoListForExternal {
    fn validate(&self) -> Result<()> {
        if let Some(ids) = self.file_ids.as_deref().filter(|s| !s.is_empty()) {
            check_file_ids("file_ids", ids)?;
        }
        crate::api::check_page(self.page, self.page_size, 100)
    }
}

/// A video of the list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct VideoItem {
    #[serde(alias = "fileId", deserialize_with = "lenient::string")]
    pub file_id: String,
    #[serde(alias = "fileName", deserialize_with = "lenient::string")]
    pub file_name: String,
    /// Unix seconds.
    #[serde(alias = "createTime", deserialize_with = "lenient::int")]
    pub create_time: i64,
    #[serde(deserialize_with = "lenient::string")]
    pub description: String,
    /// Bytes.
    #[serde(alias = "fileSize", deserialize_with = "lenient::int")]
    pub file_size: i64,
    /// 1 publishing, 2 published, 3 review failed, 4 missing or deleted, 5
    /// uploading, 6 cancelled.
    #[serde(alias = "fileStatus", deserialize_with = "lenient::int")]
    pub file_status: i64,
    #[serde(alias = "playCount", deserialize_with = "lenient::int")]
    pub play_count: i64,
    /// Seconds (the document prints the key as `" duration"`).
    #[serde(alias = " duration", deserialize_with = "lenient::int")]
    pub duration: i64,
    #[serde(alias = " img", deserialize_with = "lenient::string")]
    pub img: String,
    #[serde(
        alias = "originalImg",
        alias = " originalImg",
        deserialize_with = "lenient::string"
    )]
    pub original_img: String,
    #[serde(alias = " thumbnail", deserialize_with = "lenient::string")]
    pub thumbnail: String,
    #[serde(
        alias = "pageUrl",
        alias = " pageUrl",
        deserialize_with = "lenient::string"
    )]
    pub page_url: String,
}

/// A page of videos.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct VideoPage {
    /// The account's number of videos.
    #[serde(deserialize_with = "lenient::int")]
    pub count: i64,
    #[serde(alias = "data", deserialize_with = "lenient::list")]
    pub videos: Vec<VideoItem>,
}

/// A video's play URLs per format and definition. `file/urllist`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UrlList {
    /// The file's id.
    pub file_id: String,
}

/// Deletes videos. `file/delete`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeleteFiles {
    /// 0: delete every video of the account; 1: the ones in `file_ids`.
    pub delete_type: i64,
    /// Comma-separated file ids (required with `delete_type` 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_ids: Option<String>,
}

impl crate::api::Validate for DeleteFiles {
    fn validate(&self) -> Result<()> {
        match (self.delete_type, self.file_ids.as_deref()) {
            (0, _) => Ok(()),
            (1, Some(ids)) => check_file_ids("file_ids", ids),
            (1, None) => Err(Error::invalid_input("delete_type 1 needs file_ids")),
            (t, _) => Err(Error::invalid_input(format!(
                "delete_type must be 0 (all) or 1 (file_ids), got {t}"
            ))),
        }
    }
}

macro_rules! file_id_checked {
    ($($ty:ty),*) => {$(
        impl crate::api::Validate for $ty {
            fn validate(&self) -> Result<()> {
                check_file_id("file_id", &self.file_id)
            }
        }
    )*};
}
file_id_checked!(FullStatus, UrlList);
