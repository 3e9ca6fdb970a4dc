//! Subtitles of a video (API 32-36). The first subtitle uploaded to a video
//! is its default one.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::check_attachment;
use crate::error::{Error, Result};
use crate::lenient;

/// The file extensions the provider takes (compared case-insensitively).
pub const SUBTITLE_EXTENSIONS: &[&str] = &["vtt", "srt"];

/// Uploads a `.vtt` or `.srt` file as a subtitle of a video; a video's first
/// subtitle becomes its default one. API 32 `video/uploadSubtitle`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UploadSubtitle {
    /// The video the subtitle belongs to.
    pub video_id: i64,
    /// The subtitle's name, shown in the player (not empty).
    pub name: String,
}

impl crate::api::Validate for UploadSubtitle {
    fn validate(&self) -> Result<()> {
        check_name(&self.name)
    }

    fn check_file(&self, path: &Path) -> Result<()> {
        check_attachment(path, SUBTITLE_EXTENSIONS, "subtitles")
    }
}

/// The subtitle just stored.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UploadedSubtitle {
    /// Sent as a string.
    #[serde(default, deserialize_with = "lenient::int")]
    pub subtitle_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub subtitle_name: String,
    /// Where the file is served.
    #[serde(default, deserialize_with = "lenient::string")]
    pub subtitle_path: String,
    /// `yyyy-mm-dd HH:MM:SS`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub create_time: String,
}

/// Returns every subtitle of a video. API 33 `video/getSubtitleList`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetSubtitleList {
    /// The video.
    pub video_id: i64,
}

/// One subtitle of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Subtitle {
    #[serde(default, deserialize_with = "lenient::int")]
    pub subtitle_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub subtitle_name: String,
    /// Where the file is served.
    #[serde(default, deserialize_with = "lenient::string")]
    pub subtitle_path: String,
    /// Whether this is the video's default subtitle (sent as 0/1).
    #[serde(default, deserialize_with = "lenient::flag")]
    pub is_default: bool,
    /// `yyyy-mm-dd HH:MM:SS`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub create_time: String,
    /// `yyyy-mm-dd HH:MM:SS`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub update_time: String,
}

/// Renames a subtitle. API 34 `video/updateSubtitle`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UpdateSubtitle {
    /// The new name (not empty).
    pub name: String,
    /// The subtitle to rename.
    pub subtitle_id: i64,
}

impl crate::api::Validate for UpdateSubtitle {
    fn validate(&self) -> Result<()> {
        check_name(&self.name)
    }
}

/// Makes a subtitle the default one of its video.
/// API 35 `video/setDefaultSubtitle`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetDefaultSubtitle {
    /// The video.
    pub video_id: i64,
    /// One of the video's subtitles.
    pub subtitle_id: i64,
}

/// Deletes a subtitle. API 36 `video/deleteSubtitle`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeleteSubtitle {
    /// The subtitle to delete.
    pub subtitle_id: i64,
}

// `data` is a list; `null` (no subtitles) reads as `None`.

fn check_name(name: &str) -> Result<()> {
    if name.trim().is_empty() {
        return Err(Error::invalid_input("the subtitle name is empty"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_example_parses() {
        let list: Option<Vec<Subtitle>> = serde_json::from_str(
            r#"[{"subtitle_id":262,"subtitle_name":"字幕文件02","subtitle_path":"https://x/1.vtt",
            "is_default":1,"create_time":"2020-09-07 10:11:06","update_time":"2020-09-07 10:17:46"},
            {"subtitle_id":"263","is_default":"0"}]"#,
        )
        .unwrap();
        let list = list.unwrap();
        assert_eq!((list[0].subtitle_id, list[0].is_default), (262, true));
        assert_eq!(list[0].update_time, "2020-09-07 10:17:46");
        assert_eq!((list[1].subtitle_id, list[1].is_default), (263, false));
        let none: Option<Vec<Subtitle>> = serde_json::from_str("null").unwrap();
        assert!(none.is_none());
        let up: UploadedSubtitle =
            serde_json::from_str(r#"{"subtitle_id":"262","subtitle_name":"字幕文件"}"#).unwrap();
        assert_eq!(up.subtitle_id, 262);
    }
}
