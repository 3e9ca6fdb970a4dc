//! The upload host's operations (document section 1): `openupload`,
//! `uploadfinish`, `cancelupload`, and the meta call `file/info`. The
//! one-call upload does them in order; they are here for the generic call.

use serde::{Deserialize, Serialize};

use super::check_file_id;
use crate::error::{Error, Result};
use crate::lenient;

/// Asks for a `file_id` and the URL to post the chunks to. Sent as headers
/// and query (with `role=openapi`, as the official SDK does). `openupload`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OpenUpload {
    /// The file's type: its extension, such as `mp4` or `avi`.
    pub filetype: String,
    /// The file's size in bytes.
    pub filesize: u64,
}

impl crate::api::Validate for OpenUpload {
    fn validate(&self) -> Result<()> {
        let t = self.filetype.trim();
        if t.is_empty() || t.len() > 16 || !t.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Error::invalid_input(
                "filetype must be a file extension such as mp4",
            ));
        }
        if self.filesize == 0 {
            return Err(Error::invalid_input("filesize must be at least 1 byte"));
        }
        Ok(())
    }
}

/// Where to send the chunks of a new file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UploadSlot {
    /// The URL every chunk is POSTed to.
    #[serde(default, deserialize_with = "lenient::string")]
    pub upload_url: String,
    /// The new file's id, used by every later call about it.
    #[serde(default, deserialize_with = "lenient::string")]
    pub file_id: String,
}

fn yes() -> String {
    "true".to_owned()
}

fn two() -> i64 {
    2
}

/// Says every chunk has arrived. Set the meta (`file/info`) first, or the
/// video never enters production. `uploadfinish`.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UploadFinish {
    /// The file's id (from `openupload`).
    pub file_id: String,
    /// Always `"true"` (the default).
    #[serde(default = "yes")]
    pub range_finished: String,
}

impl UploadFinish {
    /// The `uploadfinish` of `file_id` (`range_finished` is always `"true"`).
    pub fn new(file_id: impl Into<String>) -> Self {
        UploadFinish {
            file_id: file_id.into(),
            range_finished: yes(),
        }
    }
}

impl crate::api::Validate for UploadFinish {
    fn validate(&self) -> Result<()> {
        check_file_id("file_id", &self.file_id)?;
        if self.range_finished != "true" {
            return Err(Error::invalid_input("range_finished must be \"true\""));
        }
        Ok(())
    }
}

/// Stops an upload. `cancelupload` with `status=2`.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CancelUpload {
    /// The file's id (from `openupload`).
    pub file_id: String,
    /// 2: stop (the only documented value, and the default).
    #[serde(default = "two")]
    pub status: i64,
}

impl CancelUpload {
    /// The `cancelupload` (status 2, stop) of `file_id`.
    pub fn new(file_id: impl Into<String>) -> Self {
        CancelUpload {
            file_id: file_id.into(),
            status: two(),
        }
    }
}

impl crate::api::Validate for CancelUpload {
    fn validate(&self) -> Result<()> {
        check_file_id("file_id", &self.file_id)?;
        if self.status != 2 {
            return Err(Error::invalid_input("status must be 2 (stop)"));
        }
        Ok(())
    }
}

/// The video categories of `file_type` (document section 1.5).
pub const FILE_TYPES: [(i64, &str); 23] = [
    (1, "电影"),
    (2, "电视剧"),
    (3, "纪录片"),
    (4, "动漫"),
    (5, "音乐"),
    (6, "综艺"),
    (7, "娱乐"),
    (8, "游戏"),
    (9, "旅游"),
    (10, "片花"),
    (12, "教育"),
    (13, "时尚"),
    (15, "少儿"),
    (16, "微电影"),
    (17, "体育"),
    (20, "广告"),
    (21, "生活"),
    (22, "搞笑"),
    (24, "财经"),
    (25, "资讯"),
    (26, "汽车"),
    (27, "原创"),
    (28, "军事"),
];

/// Sets a file's meta: name, description, tags, category. Must come before
/// `uploadfinish`. `file/info`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetFileInfo {
    /// The file's id.
    pub file_id: String,
    /// The video's name (not empty).
    pub file_name: String,
    /// The video's description.
    pub description: String,
    /// Comma-separated tags, such as "青春,搞笑".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<String>,
    /// The category: 1 film, 2 series, 3 documentary, 4 animation, 5 music,
    /// 6 variety, 7 entertainment, 8 games, 9 travel, 10 trailers, 12
    /// education, 13 fashion, 15 children, 16 micro-film, 17 sports, 20
    /// ads, 21 life, 22 comedy, 24 finance, 25 news, 26 cars, 27 original,
    /// 28 military.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_type: Option<i64>,
}

impl crate::api::Validate for SetFileInfo {
    fn validate(&self) -> Result<()> {
        check_file_id("file_id", &self.file_id)?;
        if self.file_name.trim().is_empty() {
            return Err(Error::invalid_input("file_name is empty"));
        }
        if let Some(t) = self.file_type {
            if !FILE_TYPES.iter().any(|(n, _)| *n == t) {
                return Err(Error::invalid_input(format!(
                    "file_type {t} is not a category (1-10, 12, 13, 15-17, 20-22, 24-28)"
                )));
            }
        }
        Ok(())
    }
}
