//! Reading videos and recommendations: getVideos, getVideoById,
//! getRecommendVideos, getRecommendVideoById.

use serde::{Deserialize, Deserializer, Serialize};

use super::check_id;
use crate::error::{Error, Result};
use crate::lenient;

fn first_page() -> i64 {
    1
}

fn default_page_size() -> i64 {
    10
}

/// Page and page size as the AppServer takes them: both always sent,
/// `pageIndex` from 1.
fn check_paging(page_index: i64, page_size: i64) -> Result<()> {
    if page_index < 1 {
        return Err(Error::invalid_input(
            "pageIndex must be >= 1 (the first page is 1)",
        ));
    }
    if page_size < 1 {
        return Err(Error::invalid_input("pageSize must be >= 1"));
    }
    Ok(())
}

/// Declares a list request: the paging and every filter the document lists.
macro_rules! video_query {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            /// The page, from 1 (default 1; always sent).
            #[serde(default = "first_page")]
            pub page_index: i64,
            /// Videos per page (default 10; always sent).
            #[serde(default = "default_page_size")]
            pub page_size: i64,
            /// Only this video.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub video_id: Option<String>,
            /// Only this app user's videos.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub user_id: Option<String>,
            /// Only videos with this title.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub title: Option<String>,
            /// Created at or after this time (`2019-01-09 22:11:29`).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub start_time: Option<String>,
            /// Created at or before this time.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub end_time: Option<String>,
            /// Only this app user's videos, by name.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub user_name: Option<String>,
            /// Only videos in this review state (`onCensor`, `success`, `fail`, …).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub censor_status: Option<String>,
        }

        impl Default for $name {
            fn default() -> Self {
                $name {
                    page_index: first_page(),
                    page_size: default_page_size(),
                    video_id: None,
                    user_id: None,
                    title: None,
                    start_time: None,
                    end_time: None,
                    user_name: None,
                    censor_status: None,
                }
            }
        }

        impl crate::api::Validate for $name {
            fn validate(&self) -> Result<()> {
                check_paging(self.page_index, self.page_size)
            }
        }
    };
}

video_query! {
    /// Lists the app users' videos matching the filters, a page at a time.
    /// `getVideos`.
    GetVideos
}

video_query! {
    /// Lists the recommended videos matching the filters, a page at a time.
    /// `getRecommendVideos`.
    GetRecommendVideos
}

/// Everything about one video. `getVideoById`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GetVideoById {
    /// The video.
    pub video_id: String,
}

/// Everything about one recommended video. `getRecommendVideoById`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GetRecommendVideoById {
    /// The video.
    pub video_id: String,
}

impl crate::api::Validate for GetVideoById {
    fn validate(&self) -> Result<()> {
        check_id("videoId", &self.video_id)
    }
}

impl crate::api::Validate for GetRecommendVideoById {
    fn validate(&self) -> Result<()> {
        check_id("videoId", &self.video_id)
    }
}

/// The app user who uploaded a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct User {
    #[serde(default, deserialize_with = "lenient::string")]
    pub user_id: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub user_name: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub avatar_url: String,
}

/// One video as the console lists it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Video {
    /// The AppServer's row id.
    #[serde(default, deserialize_with = "lenient::string")]
    pub id: String,
    /// The VOD video id every operation takes (`videoId`, `mediaId`).
    #[serde(default, deserialize_with = "lenient::string")]
    pub video_id: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub title: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub description: String,
    /// Seconds.
    #[serde(default, deserialize_with = "lenient::float")]
    pub duration: f64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub cover_url: String,
    /// `2019-01-09 22:11:29.0`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub creation_time: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub status: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub first_frame_url: String,
    /// Bytes of the source file.
    #[serde(default, deserialize_with = "lenient::int")]
    pub size: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub cate_id: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub cate_name: String,
    /// Comma-separated.
    #[serde(default, deserialize_with = "lenient::string")]
    pub tags: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub share_url: String,
    #[serde(default, deserialize_with = "opt_user")]
    pub user: Option<User>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub transcode_status: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub snapshot_status: String,
    /// The review state (`onCensor`, `success`, `fail`, …).
    #[serde(default, deserialize_with = "lenient::string")]
    pub censor_status: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub narrow_transcode_status: String,
    /// Snapshot URLs (key `SnapshotList`, capital S).
    #[serde(
        rename = "SnapshotList",
        alias = "snapshotList",
        default,
        deserialize_with = "url_list"
    )]
    pub snapshot_list: Vec<String>,
    /// Play URLs (key `fileUrlList`; the document's `fileUrilList` is read too).
    #[serde(alias = "fileUrilList", default, deserialize_with = "url_list")]
    pub file_url_list: Vec<String>,
    /// Whether a recommended video is narrow-band HD (recommendations only).
    #[serde(
        default,
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_narrow: Option<String>,
    /// Whether a recommended video was pushed to the cache (recommendations only).
    #[serde(
        default,
        deserialize_with = "lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_cache: Option<String>,
}

/// A page of videos.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VideoPage {
    /// Videos matching the filters, on every page.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
    #[serde(default, deserialize_with = "lenient::list")]
    pub video_list: Vec<Video>,
}

/// A page of recommended videos.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RecommendPage {
    /// Recommended videos matching the filters, on every page.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
    /// Videos on this page.
    #[serde(default, deserialize_with = "lenient::int")]
    pub now_total: i64,
    #[serde(default, deserialize_with = "lenient::list")]
    pub video_list: Vec<Video>,
}

/// A user object; anything else (`null`, `""`) reads as none.
fn opt_user<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<User>, D::Error> {
    match serde_json::Value::deserialize(d)? {
        v @ serde_json::Value::Object(_) => serde_json::from_value(v)
            .map(Some)
            .map_err(serde::de::Error::custom),
        _ => Ok(None),
    }
}

/// A URL list: an array, `null`, or one string of comma- or
/// newline-separated URLs.
fn url_list<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    use serde_json::Value;
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items
            .iter()
            .filter_map(text)
            .filter(|s| !s.is_empty())
            .collect(),
        Value::String(s) => s
            .split([',', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quirky_videos_read() {
        let v: Video = serde_json::from_value(serde_json::json!({
            "id": 25, "videoId": "23rfewc23", "duration": "12.5", "size": "56", "cateId": 12,
            "user": {"userId": 2434793223202u64, "userName": "Anne"},
            "SnapshotList": ["a.jpg", "b.jpg"],
            "fileUrilList": "x.mp4,y.mp4"
        }))
        .unwrap();
        assert_eq!(v.id, "25");
        assert_eq!(v.duration, 12.5);
        assert_eq!(v.size, 56);
        assert_eq!(v.cate_id, "12");
        assert_eq!(v.user.as_ref().unwrap().user_id, "2434793223202");
        assert_eq!(v.snapshot_list, ["a.jpg", "b.jpg"]);
        assert_eq!(v.file_url_list, ["x.mp4", "y.mp4"]);
        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(json["SnapshotList"][1], "b.jpg");
        assert_eq!(json["fileUrlList"][0], "x.mp4");
        let empty: Video =
            serde_json::from_value(serde_json::json!({"user": null, "SnapshotList": null}))
                .unwrap();
        assert!(empty.user.is_none() && empty.snapshot_list.is_empty());
    }
}
