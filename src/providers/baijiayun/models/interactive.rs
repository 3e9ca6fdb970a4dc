//! Interactive features of a video (API 41-58, document 003): notices,
//! in-video questions and their answer records, categories of many videos,
//! attached documents, markers, viewer tokens, and who may watch (user groups
//! and viewers).
//!
//! **Provisional paths.** The OCR of document 003 lost every path of these
//! operations, so the paths in `crate::baijiayun::ops` (`video/createNotice`
//! … `video/getAnswerRecord`) are chosen in the document's naming style. Each
//! one can be replaced without a code change by
//! `Config::path_override(op_name, path)`, where `op_name` is the default path
//! (for example `Config::path_override("video/getMarker", "video/getMarkerList")`);
//! the generic `Client::call_raw` reaches any path as well.
//!
//! `video_unique` (the provider's name for the video) is the video id as a
//! string; the methods take the numeric id and convert it.

use std::path::Path;

use serde::{Deserialize, Serialize, Serializer};

use super::category::CategoryLevels;
use super::{check_attachment, check_id_text, check_page, check_video_unique};
use crate::error::{Error, Result};
use crate::lenient;

// ---------------------------------------------------------------------------
// API 41-42: notices
// ---------------------------------------------------------------------------

/// One line of a notice shown on the player.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NoticeItem {
    /// The text of the line (not empty).
    #[serde(default, deserialize_with = "lenient::string")]
    pub content: String,
    /// Where a click on the line leads (may be empty).
    #[serde(default, deserialize_with = "lenient::string")]
    pub link: String,
}

impl NoticeItem {
    pub fn new(content: impl Into<String>, link: impl Into<String>) -> Self {
        NoticeItem {
            content: content.into(),
            link: link.into(),
        }
    }
}

/// Creates a notice (lines of text, each optionally a link, shown on the
/// player) and returns its id, to show it on videos with bindNotice.
/// API 41 `video/createNotice` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CreateNotice {
    /// The notice's lines, `{content, link}` each (at least one, none with
    /// empty content); sent as JSON text.
    pub notice: Vec<NoticeItem>,
}

impl crate::api::Validate for CreateNotice {
    fn validate(&self) -> Result<()> {
        if self.notice.is_empty() || self.notice.iter().any(|n| n.content.trim().is_empty()) {
            return Err(Error::invalid_input(
                "a notice needs at least one line, none empty",
            ));
        }
        Ok(())
    }
}

/// A created notice: its id (to show it on videos with bindNotice) and its lines.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Notice {
    /// The notice's id.
    #[serde(default, deserialize_with = "lenient::int")]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient::list")]
    pub notice: Vec<NoticeItem>,
}

/// Shows a notice on several videos. API 42 `video/bindNotice` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BindNotice {
    /// The videos, comma-separated ids (e.g. `"637000,637066"`; not empty).
    pub video_ids: String,
    /// The notice, as returned by createNotice.
    pub notice_id: i64,
}

impl crate::api::Validate for BindNotice {
    fn validate(&self) -> Result<()> {
        check_id_text("video_ids", &self.video_ids)
    }
}

// ---------------------------------------------------------------------------
// API 43-45: in-video questions
// ---------------------------------------------------------------------------

/// Returns the questions shown while a video plays.
/// API 43 `video/getQuestionList` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetQuestionList {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
}

impl crate::api::Validate for GetQuestionList {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)
    }
}

/// One choice of a question, as the provider stores it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuestionOption {
    #[serde(default, deserialize_with = "lenient::int")]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub question_id: i64,
    /// The choice's text.
    #[serde(default, deserialize_with = "lenient::string")]
    pub value: String,
    /// Whether this choice is a right answer.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub is_right: bool,
    /// Position among the question's choices.
    #[serde(default, deserialize_with = "lenient::int")]
    pub display_order: i64,
    /// The version of the question this choice belongs to.
    #[serde(default, deserialize_with = "lenient::int")]
    pub ver: i64,
}

/// A question shown while a video plays.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Question {
    #[serde(default, deserialize_with = "lenient::int")]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub title: String,
    /// 1 single choice, 2 multiple choice.
    #[serde(default, deserialize_with = "lenient::int")]
    pub option_type: i64,
    /// Image URL shown with the question (may be empty).
    #[serde(default, deserialize_with = "lenient::string")]
    pub illustration: String,
    /// The image's caption.
    #[serde(default, deserialize_with = "lenient::string")]
    pub illustration_title: String,
    /// Whether the explanation is shown after answering.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub show_analysis: bool,
    /// The text shown after a right answer.
    #[serde(default, deserialize_with = "lenient::string")]
    pub answer: String,
    /// The text shown after a wrong answer.
    #[serde(default, deserialize_with = "lenient::string")]
    pub wrong_answer: String,
    /// Where playback goes after a wrong answer, in seconds (-1: stay).
    #[serde(default, deserialize_with = "lenient::int")]
    pub wrong_time: i64,
    /// Whether the viewer may skip the question.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub skip: bool,
    /// When the question appears, in seconds from the start.
    #[serde(default, deserialize_with = "lenient::int")]
    pub show_time: i64,
    /// The video, as text.
    #[serde(default, deserialize_with = "lenient::string")]
    pub video_unique: String,
    /// The question's version: it grows with each change.
    #[serde(default, deserialize_with = "lenient::int")]
    pub ver: i64,
    /// The choices.
    #[serde(default, deserialize_with = "lenient::list")]
    pub option_list: Vec<QuestionOption>,
}

/// The questions of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuestionList {
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
    #[serde(default, deserialize_with = "lenient::list")]
    pub question_list: Vec<Question>,
}

/// A choice to save: `id` for an existing one, `None` for a new one.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct QuestionOptionInput {
    /// The choice's id to update it; absent for a new choice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The choice's text (not empty).
    pub value: String,
    /// Whether this choice is a right answer (sent as 0/1).
    #[serde(serialize_with = "zero_one", deserialize_with = "lenient::flag")]
    pub is_right: bool,
}

/// A question to save: `id` for an existing one (updated), `None` for a new one.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct QuestionInput {
    /// The question's id to update it; absent for a new question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The question's text (not empty).
    pub title: String,
    /// 1 single choice, 2 multiple choice.
    pub option_type: i64,
    /// URL of an image shown with the question (may be empty).
    pub illustration: String,
    /// The image's caption.
    pub illustration_title: String,
    /// Whether the explanation is shown after answering (sent as 0/1).
    #[serde(serialize_with = "zero_one", deserialize_with = "lenient::flag")]
    pub show_analysis: bool,
    /// The text shown after a right answer.
    pub answer: String,
    /// The text shown after a wrong answer.
    pub wrong_answer: String,
    /// Where playback goes after a wrong answer, in seconds; -1 stays where
    /// the question was.
    pub wrong_time: i64,
    /// Whether the viewer may skip the question (sent as 0/1).
    #[serde(serialize_with = "zero_one", deserialize_with = "lenient::flag")]
    pub skip: bool,
    /// When the question appears, in seconds from the start.
    pub show_time: i64,
    /// The video, as text; when empty, the request's `video_unique` is sent
    /// (the document repeats the video in every question).
    pub video_unique: String,
    /// The choices (at least one).
    pub option_list: Vec<QuestionOptionInput>,
}

impl From<&Question> for QuestionInput {
    /// The saved form of a listed question, to edit and save back.
    fn from(q: &Question) -> Self {
        QuestionInput {
            id: Some(q.id),
            title: q.title.clone(),
            option_type: q.option_type,
            illustration: q.illustration.clone(),
            illustration_title: q.illustration_title.clone(),
            show_analysis: q.show_analysis,
            answer: q.answer.clone(),
            wrong_answer: q.wrong_answer.clone(),
            wrong_time: q.wrong_time,
            skip: q.skip,
            show_time: q.show_time,
            video_unique: q.video_unique.clone(),
            option_list: q
                .option_list
                .iter()
                .map(|o| QuestionOptionInput {
                    id: Some(o.id),
                    value: o.value.clone(),
                    is_right: o.is_right,
                })
                .collect(),
        }
    }
}

/// The document sends flags as `"0"`/`"1"`; numbers read the same on the server.
fn zero_one<S: Serializer>(v: &bool, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_u8(u8::from(*v))
}

/// Creates (questions without `id`) and updates (questions with `id`) the
/// questions shown while a video plays. API 44 `video/saveQuestionList` (path
/// provisional).
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct SaveQuestionList {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
    /// The questions to save (at least one; each with a title and at least one
    /// choice, none empty); sent as JSON text.
    pub question_list: Vec<QuestionInput>,
}

impl Serialize for SaveQuestionList {
    /// As derived, with each question's empty `video_unique` filled in from
    /// the request's.
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let questions: Vec<QuestionInput> = self
            .question_list
            .iter()
            .map(|q| QuestionInput {
                video_unique: if q.video_unique.is_empty() {
                    self.video_unique.clone()
                } else {
                    q.video_unique.clone()
                },
                ..q.clone()
            })
            .collect();
        let mut st = s.serialize_struct("SaveQuestionList", 2)?;
        st.serialize_field("video_unique", &self.video_unique)?;
        st.serialize_field("question_list", &questions)?;
        st.end()
    }
}

impl crate::api::Validate for SaveQuestionList {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)?;
        if self.question_list.is_empty() {
            return Err(Error::invalid_input("question_list is empty"));
        }
        for q in &self.question_list {
            check_question(q)?;
            if !q.video_unique.is_empty() && q.video_unique != self.video_unique {
                return Err(Error::invalid_input(format!(
                    "question {:?} is of video_unique {:?}, not {:?}",
                    q.title, q.video_unique, self.video_unique
                )));
            }
        }
        Ok(())
    }
}

/// Deletes questions of a video. API 45 `video/deleteQuestion` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeleteQuestions {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
    /// The questions, comma-separated ids (e.g. `"89,90"`; not empty).
    pub question_ids: String,
}

impl crate::api::Validate for DeleteQuestions {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)?;
        check_id_text("question_ids", &self.question_ids)
    }
}

// ---------------------------------------------------------------------------
// API 46: categories of many videos
// ---------------------------------------------------------------------------

/// Returns the category (the id at each level) of several videos.
/// API 46 `video/getVideosCategory` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetVideosCategory {
    /// The videos, comma-separated ids (e.g. `"412768,412769"`; not empty).
    pub video_ids: String,
    /// Only the videos in this category (default: all of them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_id: Option<i64>,
}

impl crate::api::Validate for GetVideosCategory {
    fn validate(&self) -> Result<()> {
        check_id_text("video_ids", &self.video_ids)
    }
}

/// A video and its category at each level.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoCategoryEntry {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(flatten)]
    pub levels: CategoryLevels,
}

/// The categories of the videos asked for.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideosCategory {
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<VideoCategoryEntry>,
}

// ---------------------------------------------------------------------------
// API 47: attached document
// ---------------------------------------------------------------------------

/// Attaches a document (a .ppt, .pptx, .txt or .pdf file) to a video.
/// API 47 `video/uploadDocument` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UploadDocument {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
}

impl crate::api::Validate for UploadDocument {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)
    }

    fn check_file(&self, path: &Path) -> Result<()> {
        check_attachment(path, DOCUMENT_EXTENSIONS, "documents")
    }
}

/// The document types the provider takes.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["ppt", "pptx", "txt", "pdf"];

// ---------------------------------------------------------------------------
// API 48-50: markers
// ---------------------------------------------------------------------------

/// A marker on the progress bar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Marker {
    /// `HH:MM:SS` from the start of the video (required when setting markers).
    #[serde(default, deserialize_with = "lenient::string")]
    pub time_offset: String,
    /// The marker's text.
    #[serde(default, deserialize_with = "lenient::string")]
    pub description: String,
    /// A URL the marker links to (may be empty).
    #[serde(default, deserialize_with = "lenient::string")]
    pub reference_link: String,
    /// The label of the marker's button.
    #[serde(default, deserialize_with = "lenient::string")]
    pub btntxt: String,
    /// Image URL.
    #[serde(default, deserialize_with = "lenient::string")]
    pub image: String,
}

impl Marker {
    /// A marker at `seconds` from the start (other fields empty).
    pub fn at(seconds: u64, description: impl Into<String>) -> Self {
        Marker {
            time_offset: format!(
                "{:02}:{:02}:{:02}",
                seconds / 3600,
                seconds / 60 % 60,
                seconds % 60
            ),
            description: description.into(),
            ..Marker::default()
        }
    }

    /// `time_offset` in seconds, if it reads as `HH:MM:SS`.
    pub fn offset_secs(&self) -> Option<u64> {
        let mut parts = self
            .time_offset
            .trim()
            .split(':')
            .map(|p| p.parse::<u64>().ok());
        let (h, m, s) = (parts.next()??, parts.next()??, parts.next()??);
        (parts.next().is_none() && m < 60 && s < 60).then_some(h * 3600 + m * 60 + s)
    }
}

/// Replaces the markers on a video's progress bar (an empty list clears
/// them). API 48 `video/setMarker` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetMarkers {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
    /// The markers, `{time_offset, description, reference_link, btntxt,
    /// image}` each; every one needs a `time_offset` (`HH:MM:SS`). Sent as
    /// JSON text.
    pub content: Vec<Marker>,
}

impl crate::api::Validate for SetMarkers {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)?;
        if self.content.iter().any(|m| m.time_offset.trim().is_empty()) {
            return Err(Error::invalid_input(
                "every marker needs a time_offset (HH:MM:SS)",
            ));
        }
        Ok(())
    }
}

/// Returns the markers on a video's progress bar, and whether clicking one
/// seeks to it. API 49 `video/getMarker` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetMarkers {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
}

impl crate::api::Validate for GetMarkers {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)
    }
}

/// The markers of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Markers {
    /// How many markers there are.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
    /// The markers.
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<Marker>,
    /// Whether a click on a marker seeks to it.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub enable_jump: bool,
}

/// Sets whether clicking a marker of a video seeks to it.
/// API 50 `video/setMarkerJump` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetMarkerJump {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
    /// 1: a click on a marker seeks to it, 0: it doesn't.
    pub jump: u8,
}

impl crate::api::Validate for SetMarkerJump {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)?;
        if self.jump > 1 {
            return Err(Error::invalid_input(format!(
                "jump must be 0 or 1, not {}",
                self.jump
            )));
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// API 51: viewer token
// ---------------------------------------------------------------------------

/// Returns a token (a JWT) that identifies a viewer to the player, so plays
/// and answers are recorded under that viewer.
/// API 51 `video/getViewerToken` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetViewerToken {
    /// The viewer's number in your system (> 0).
    pub user_number: i64,
    /// The viewer's display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The viewer's avatar image URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

impl crate::api::Validate for GetViewerToken {
    fn validate(&self) -> Result<()> {
        if self.user_number <= 0 {
            return Err(Error::invalid_input("user_number must be > 0"));
        }
        Ok(())
    }
}

/// A viewer token (a JWT). `Debug` hides it.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ViewerToken {
    /// The token (a JWT) to hand to the player.
    #[serde(default, deserialize_with = "lenient::string")]
    pub token: String,
}

impl std::fmt::Debug for ViewerToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ViewerToken")
            .field("token", &"<redacted>")
            .finish()
    }
}

// ---------------------------------------------------------------------------
// API 52-54: user groups allowed to watch a video
// ---------------------------------------------------------------------------

/// Returns the user groups allowed to watch a video.
/// API 52 `video/getUserGroupList` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetUserGroups {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
}

impl crate::api::Validate for GetUserGroups {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)
    }
}

/// A user group and how many of its members may watch the video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UserGroup {
    #[serde(default, deserialize_with = "lenient::int")]
    pub group_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: String,
    /// Members of the group.
    #[serde(default, deserialize_with = "lenient::int")]
    pub all_count: i64,
    /// Members of the group selected as viewers of the video.
    #[serde(default, deserialize_with = "lenient::int")]
    pub select_count: i64,
}

/// The user groups of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UserGroups {
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<UserGroup>,
    /// How many groups there are.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
}

/// Allows the members of a user group to watch a video.
/// API 53 `video/addUserGroup` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AddUserGroup {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
    /// The user group.
    pub group_id: i64,
}

impl crate::api::Validate for AddUserGroup {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)
    }
}

/// Withdraws a user group's permission to watch a video.
/// API 54 `video/deleteUserGroup` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RemoveUserGroup {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
    /// The user group.
    pub group_id: i64,
}

impl crate::api::Validate for RemoveUserGroup {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)
    }
}

// ---------------------------------------------------------------------------
// API 55-57: viewers allowed to watch a video
// ---------------------------------------------------------------------------

/// The largest `page_size` of `get_viewers`.
pub const MAX_VIEWERS_PAGE_SIZE: i64 = 100;

/// Returns one page of the users allowed to watch a video.
/// API 55 `video/getViewerList` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetViewers {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
    /// Page number, from 1 (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// Viewers per page, 1 to 100 (default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
}

impl crate::api::Validate for GetViewers {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)?;
        check_page(self.page, self.page_size, MAX_VIEWERS_PAGE_SIZE)
    }
}

/// A user allowed to watch a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Viewer {
    #[serde(default, deserialize_with = "lenient::int")]
    pub user_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: String,
    #[serde(default, deserialize_with = "lenient::int")]
    pub assign_role: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub role: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub remark: String,
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub email: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub mobile: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub phone_number: String,
}

/// One page of a video's viewers.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Viewers {
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<Viewer>,
    /// Viewers in all pages.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
}

/// Allows users to watch a video. API 56 `video/addViewer` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AddViewers {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
    /// The users, comma-separated ids (e.g. `"305467,306231"`; not empty).
    pub user_ids: String,
}

impl crate::api::Validate for AddViewers {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)?;
        check_id_text("user_ids", &self.user_ids)
    }
}

/// Withdraws users' permission to watch a video.
/// API 57 `video/deleteViewer` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RemoveViewers {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
    /// The users, comma-separated ids (e.g. `"305467,306231"`; not empty).
    pub user_ids: String,
}

impl crate::api::Validate for RemoveViewers {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)?;
        check_id_text("user_ids", &self.user_ids)
    }
}

// ---------------------------------------------------------------------------
// API 58: answer records
// ---------------------------------------------------------------------------

/// Returns how each viewer answered the questions of a video.
/// API 58 `video/getAnswerRecord` (path provisional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetAnswerRecords {
    /// The video: its id, as text (e.g. `"123"`).
    pub video_unique: String,
}

impl crate::api::Validate for GetAnswerRecords {
    fn validate(&self) -> Result<()> {
        check_video_unique(&self.video_unique)
    }
}

/// One answer of a viewer.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuestionAnswer {
    #[serde(default, deserialize_with = "lenient::int")]
    pub question_id: i64,
    /// The chosen options as letters (`A`, `AC`).
    #[serde(default, deserialize_with = "lenient::string")]
    pub solution: String,
    /// `YYYY-MM-DD HH:MM:SS`.
    #[serde(default, deserialize_with = "lenient::string")]
    pub update_time: String,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub is_right: bool,
    /// The version of the question that was answered.
    #[serde(default, deserialize_with = "lenient::int")]
    pub ver: i64,
}

/// The answers of one viewer.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AnswerRecord {
    /// The viewer's number, as given to getViewerToken.
    #[serde(default, deserialize_with = "lenient::string")]
    pub user_number: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub user_name: String,
    /// Questions the viewer skipped.
    #[serde(default, deserialize_with = "lenient::int")]
    pub skip_count: i64,
    /// Right answers out of questions, as `right/total` (e.g. `"2/3"`).
    #[serde(default, deserialize_with = "lenient::string")]
    pub right_count: String,
    /// `YYYY-MM-DD HH:MM:SS`, empty when the viewer has not finished.
    #[serde(default, deserialize_with = "lenient::string")]
    pub complete_time: String,
    #[serde(default, deserialize_with = "lenient::list")]
    pub answer_list: Vec<QuestionAnswer>,
}

impl AnswerRecord {
    /// `right_count` as numbers: (right answers, questions).
    pub fn right_of_total(&self) -> Option<(i64, i64)> {
        let (right, total) = self.right_count.split_once('/')?;
        Some((right.trim().parse().ok()?, total.trim().parse().ok()?))
    }
}

/// The answers of every viewer of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AnswerRecords {
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<AnswerRecord>,
}

fn check_question(q: &QuestionInput) -> Result<()> {
    if q.title.trim().is_empty() {
        return Err(Error::invalid_input("a question has an empty title"));
    }
    if q.option_list.is_empty() {
        return Err(Error::invalid_input(format!(
            "question {:?} has no options",
            q.title
        )));
    }
    if q.option_list.iter().any(|o| o.value.trim().is_empty()) {
        return Err(Error::invalid_input(format!(
            "question {:?} has an empty option",
            q.title
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_answers_parse() {
        // Shapes of document 003's examples: numbers as strings, flags as "0"/"1".
        let q: QuestionList = serde_json::from_str(
            r#"{"total":10,"question_list":[{"id":"89","title":"test1","option_type":"2",
            "show_analysis":"1","wrong_time":"-1","skip":"1","show_time":"1","video_unique":"1230517",
            "ver":"7","option_list":[{"id":"307","question_id":"89","value":"a","is_right":"1",
            "display_order":"0","ver":"7"}]}]}"#,
        )
        .unwrap();
        let q0 = &q.question_list[0];
        assert_eq!(
            (q.total, q0.id, q0.option_type, q0.wrong_time, q0.skip),
            (10, 89, 2, -1, true)
        );
        assert!(q0.option_list[0].is_right);
        let v: VideosCategory = serde_json::from_str(
            r#"{"list":[{"video_id":412768,"category_level1_id":71471,"category_level2_id":"71473"}]}"#,
        )
        .unwrap();
        assert_eq!(v.list[0].levels.ids(), [71471, 71473, 0, 0, 0]);
        let r = AnswerRecord {
            right_count: "2/3".into(),
            ..Default::default()
        };
        assert_eq!(r.right_of_total(), Some((2, 3)));
    }

    #[test]
    fn marker_offsets() {
        assert_eq!(Marker::at(3723, "x").time_offset, "01:02:03");
        assert_eq!(Marker::at(32, "x").offset_secs(), Some(32));
        let bad = Marker {
            time_offset: "1:99:00".into(),
            ..Default::default()
        };
        assert_eq!(bad.offset_secs(), None);
    }

    #[test]
    fn question_input_sends_flags_as_numbers_and_omits_new_ids() {
        let q = QuestionInput {
            title: "t".into(),
            skip: true,
            option_list: vec![QuestionOptionInput {
                id: None,
                value: "a".into(),
                is_right: true,
            }],
            ..Default::default()
        };
        let v = serde_json::to_value(&q).unwrap();
        assert!(v.get("id").is_none());
        assert_eq!(v["skip"], 1);
        assert_eq!(v["show_analysis"], 0);
        assert_eq!(
            v["option_list"][0],
            serde_json::json!({"value": "a", "is_right": 1})
        );
    }
}
