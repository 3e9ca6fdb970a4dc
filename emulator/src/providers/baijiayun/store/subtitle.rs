//! Subtitles, kept in memory (subtitle files are small) so tests can compare
//! them with what was sent.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::providers::baijiayun::dates::format_datetime;

#[derive(Debug, Clone)]
pub struct Subtitle {
    pub id: i64,
    pub video_id: i64,
    pub name: String,
    pub extension: String,
    pub bytes: Vec<u8>,
    pub is_default: bool,
    pub create_time: i64,
    pub update_time: i64,
}

impl Subtitle {
    pub fn path(&self) -> String {
        format!(
            "https://img.emulator.invalid/subtitle/{}_{}.{}",
            self.video_id, self.id, self.extension
        )
    }

    /// As API 33 lists it: `subtitle_id` and `is_default` as numbers, like the document's example.
    pub fn listed(&self) -> Value {
        json!({
            "subtitle_id": self.id,
            "subtitle_name": self.name,
            "subtitle_path": self.path(),
            "is_default": i64::from(self.is_default),
            "create_time": format_datetime(self.create_time),
            "update_time": format_datetime(self.update_time),
        })
    }
}

#[derive(Debug, Default)]
pub struct State {
    pub subtitles: BTreeMap<i64, Subtitle>,
    pub last_id: i64,
}
