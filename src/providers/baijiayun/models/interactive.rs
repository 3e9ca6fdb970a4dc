//! Interactive features of a video (API 41-58, document 003): notices,
//! in-video questions and their answer records, categories of many videos,
//! attached documents, markers, viewer tokens, and who may watch (user groups
//! and viewers).
//!
//! **Provisional paths.** The OCR of document 003 lost every path of these
//! operations, so the paths in [`crate::baijiayun::ops`] (`video/createNotice`
//! … `video/getAnswerRecord`) are chosen in the document's naming style. Each
//! one can be replaced without a code change by
//! `Config::path_override(op_name, path)`, where `op_name` is the default path
//! (for example `Config::path_override("video/getMarker", "video/getMarkerList")`);
//! the generic [`Client::call_raw`] reaches any path as well.
//!
//! `video_unique` (the provider's name for the video) is the video id as a
//! string; the methods take the numeric id and convert it.

use std::path::Path;

use serde::{Deserialize, Serialize, Serializer};

use super::category::CategoryLevels;
use super::{check_attachment, check_page, non_empty_ids, Ack, Client};
use crate::error::{Error, Result};
use crate::lenient;

// ---------------------------------------------------------------------------
// API 41-42: notices
// ---------------------------------------------------------------------------

/// One line of a notice shown on the player.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NoticeItem {
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

/// API 41 (path provisional): creates a notice. `notice` is sent as JSON text.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CreateNotice {
    pub notice: Vec<NoticeItem>,
}

/// A created notice: its id (for [`Client::bind_notice`]) and its lines.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Notice {
    #[serde(default, deserialize_with = "lenient::int")]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient::list")]
    pub notice: Vec<NoticeItem>,
}

/// API 42 (path provisional): shows a notice on videos.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BindNotice {
    /// Comma-separated video ids.
    pub video_ids: String,
    pub notice_id: i64,
}

// ---------------------------------------------------------------------------
// API 43-45: in-video questions
// ---------------------------------------------------------------------------

/// API 43 (path provisional): the questions of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetQuestionList {
    pub video_unique: String,
}

/// One choice of a question, as the provider stores it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuestionOption {
    #[serde(default, deserialize_with = "lenient::int")]
    pub id: i64,
    #[serde(default, deserialize_with = "lenient::int")]
    pub question_id: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    pub value: String,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub is_right: bool,
    #[serde(default, deserialize_with = "lenient::int")]
    pub display_order: i64,
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
    #[serde(default, deserialize_with = "lenient::string")]
    pub illustration_title: String,
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
    #[serde(default, deserialize_with = "lenient::string")]
    pub video_unique: String,
    #[serde(default, deserialize_with = "lenient::int")]
    pub ver: i64,
    #[serde(default, deserialize_with = "lenient::list")]
    pub option_list: Vec<QuestionOption>,
}

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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub value: String,
    #[serde(serialize_with = "zero_one", deserialize_with = "lenient::flag")]
    pub is_right: bool,
}

/// A question to save: `id` for an existing one (updated), `None` for a new one.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct QuestionInput {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub title: String,
    /// 1 single choice, 2 multiple choice.
    pub option_type: i64,
    pub illustration: String,
    pub illustration_title: String,
    #[serde(serialize_with = "zero_one", deserialize_with = "lenient::flag")]
    pub show_analysis: bool,
    pub answer: String,
    pub wrong_answer: String,
    /// -1: stay where the question was.
    pub wrong_time: i64,
    #[serde(serialize_with = "zero_one", deserialize_with = "lenient::flag")]
    pub skip: bool,
    pub show_time: i64,
    /// Filled in by [`Client::save_question_list`] (the document repeats the
    /// video in every question).
    pub video_unique: String,
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

/// API 44 (path provisional): creates and updates questions of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SaveQuestionList {
    pub video_unique: String,
    /// Sent as JSON text.
    pub question_list: Vec<QuestionInput>,
}

/// API 45 (path provisional): deletes questions of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeleteQuestions {
    pub video_unique: String,
    /// Comma-separated question ids.
    pub question_ids: String,
}

// ---------------------------------------------------------------------------
// API 46: categories of many videos
// ---------------------------------------------------------------------------

/// API 46 (path provisional): the category levels of several videos.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct GetVideosCategory {
    /// Comma-separated video ids.
    pub video_ids: String,
    /// Only the videos in this category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_id: Option<i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideoCategoryEntry {
    #[serde(default, deserialize_with = "lenient::int")]
    pub video_id: i64,
    #[serde(flatten)]
    pub levels: CategoryLevels,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VideosCategory {
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<VideoCategoryEntry>,
}

// ---------------------------------------------------------------------------
// API 47: attached document
// ---------------------------------------------------------------------------

/// API 47 (path provisional): attaches a document to a video; the file goes
/// as the multipart part `file` (not signed).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UploadDocument {
    pub video_unique: String,
}

/// The document types the provider takes.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["ppt", "pptx", "txt", "pdf"];

// ---------------------------------------------------------------------------
// API 48-50: markers
// ---------------------------------------------------------------------------

/// A marker on the progress bar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Marker {
    /// `HH:MM:SS` from the start of the video.
    #[serde(default, deserialize_with = "lenient::string")]
    pub time_offset: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub description: String,
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

/// API 48 (path provisional): replaces the markers of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetMarkers {
    pub video_unique: String,
    /// Sent as JSON text.
    pub content: Vec<Marker>,
}

/// API 49 (path provisional): the markers of a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetMarkers {
    pub video_unique: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Markers {
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<Marker>,
    /// Whether a click on a marker seeks to it.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub enable_jump: bool,
}

/// API 50 (path provisional): whether a click on a marker seeks to it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetMarkerJump {
    pub video_unique: String,
    /// 1 on, 0 off.
    pub jump: u8,
}

// ---------------------------------------------------------------------------
// API 51: viewer token
// ---------------------------------------------------------------------------

/// API 51 (path provisional): a token that identifies a viewer to the player.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct GetViewerToken {
    /// The viewer's number in your system (> 0).
    pub user_number: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Avatar image URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

/// A viewer token (a JWT). `Debug` hides it.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ViewerToken {
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

/// API 52 (path provisional): the user groups allowed to watch a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetUserGroups {
    pub video_unique: String,
}

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

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UserGroups {
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<UserGroup>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
}

/// API 53 (path provisional): allows a user group to watch a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AddUserGroup {
    pub video_unique: String,
    pub group_id: i64,
}

/// API 54 (path provisional): withdraws a user group from a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RemoveUserGroup {
    pub video_unique: String,
    pub group_id: i64,
}

// ---------------------------------------------------------------------------
// API 55-57: viewers allowed to watch a video
// ---------------------------------------------------------------------------

/// The largest `page_size` of [`Client::get_viewers`].
pub const MAX_VIEWERS_PAGE_SIZE: i64 = 100;

/// API 55 (path provisional): the viewers allowed to watch a video, a page at a time.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct GetViewers {
    pub video_unique: String,
    /// 1-based (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// 1..=100 (default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
}

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

#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Viewers {
    #[serde(default, deserialize_with = "lenient::list")]
    pub list: Vec<Viewer>,
    /// Viewers in all pages.
    #[serde(default, deserialize_with = "lenient::int")]
    pub total: i64,
}

/// API 56 (path provisional): allows users to watch a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AddViewers {
    pub video_unique: String,
    /// Comma-separated user ids.
    pub user_ids: String,
}

/// API 57 (path provisional): withdraws users from a video.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RemoveViewers {
    pub video_unique: String,
    /// Comma-separated user ids.
    pub user_ids: String,
}

// ---------------------------------------------------------------------------
// API 58: answer records
// ---------------------------------------------------------------------------

/// API 58 (path provisional): how each viewer answered the video's questions.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GetAnswerRecords {
    pub video_unique: String,
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
    #[serde(default, deserialize_with = "lenient::string")]
    pub user_number: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub user_name: String,
    #[serde(default, deserialize_with = "lenient::int")]
    pub skip_count: i64,
    /// `right/total`, e.g. `"2/3"` (see [`AnswerRecord::right_of_total`]).
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

impl Client {
    /// API 41: creates a notice and returns its id. Path `video/createNotice`
    /// is provisional: override with `Config::path_override("video/createNotice", path)`.
    pub fn create_notice(&self, notice: &[NoticeItem]) -> Result<Notice> {
        if notice.is_empty() || notice.iter().any(|n| n.content.trim().is_empty()) {
            return Err(Error::invalid_input(
                "a notice needs at least one line, none empty",
            ));
        }
        self.call(&CreateNotice {
            notice: notice.to_vec(),
        })
    }

    /// API 42: shows notice `notice_id` on `video_ids`. Path `video/bindNotice`
    /// is provisional: override with `Config::path_override("video/bindNotice", path)`.
    pub fn bind_notice(&self, video_ids: &[i64], notice_id: i64) -> Result<Ack> {
        let video_ids = non_empty_ids(video_ids, "video_ids")?;
        self.call(&BindNotice {
            video_ids,
            notice_id,
        })
    }

    /// API 43: the questions of a video. Path `video/getQuestionList` is
    /// provisional: override with `Config::path_override("video/getQuestionList", path)`.
    pub fn get_question_list(&self, video_id: i64) -> Result<QuestionList> {
        self.call(&GetQuestionList {
            video_unique: video_id.to_string(),
        })
    }

    /// API 44: creates (no `id`) and updates (`id`) questions of a video. Path
    /// `video/saveQuestionList` is provisional: override with
    /// `Config::path_override("video/saveQuestionList", path)`.
    pub fn save_question_list(&self, video_id: i64, questions: &[QuestionInput]) -> Result<Ack> {
        if questions.is_empty() {
            return Err(Error::invalid_input("question_list is empty"));
        }
        questions.iter().try_for_each(check_question)?;
        let video_unique = video_id.to_string();
        let question_list = questions
            .iter()
            .map(|q| QuestionInput {
                video_unique: video_unique.clone(),
                ..q.clone()
            })
            .collect();
        self.call(&SaveQuestionList {
            video_unique,
            question_list,
        })
    }

    /// API 45: deletes questions of a video. Path `video/deleteQuestion` is
    /// provisional: override with `Config::path_override("video/deleteQuestion", path)`.
    pub fn delete_questions(&self, video_id: i64, question_ids: &[i64]) -> Result<Ack> {
        let question_ids = non_empty_ids(question_ids, "question_ids")?;
        self.call(&DeleteQuestions {
            video_unique: video_id.to_string(),
            question_ids,
        })
    }

    /// API 46: the category levels of several videos (only those in
    /// `category_id` when given). Path `video/getVideosCategory` is provisional:
    /// override with `Config::path_override("video/getVideosCategory", path)`.
    pub fn get_videos_category(
        &self,
        video_ids: &[i64],
        category_id: Option<i64>,
    ) -> Result<VideosCategory> {
        let video_ids = non_empty_ids(video_ids, "video_ids")?;
        self.call(&GetVideosCategory {
            video_ids,
            category_id,
        })
    }

    /// API 47: attaches a document (ppt, pptx, txt or pdf) to a video. Path
    /// `video/uploadDocument` is provisional: override with
    /// `Config::path_override("video/uploadDocument", path)`.
    pub fn upload_document(&self, video_id: i64, path: impl AsRef<Path>) -> Result<Ack> {
        let path = path.as_ref();
        check_attachment(path, DOCUMENT_EXTENSIONS, "documents")?;
        let request = UploadDocument {
            video_unique: video_id.to_string(),
        };
        self.call_with_file(&request, path)
    }

    /// API 48: replaces the markers of a video (an empty list clears them).
    /// Path `video/setMarker` is provisional: override with
    /// `Config::path_override("video/setMarker", path)`.
    pub fn set_markers(&self, video_id: i64, markers: &[Marker]) -> Result<Ack> {
        if markers.iter().any(|m| m.time_offset.trim().is_empty()) {
            return Err(Error::invalid_input(
                "every marker needs a time_offset (HH:MM:SS)",
            ));
        }
        self.call(&SetMarkers {
            video_unique: video_id.to_string(),
            content: markers.to_vec(),
        })
    }

    /// API 49: the markers of a video and whether clicking them seeks. Path
    /// `video/getMarker` is provisional: override with
    /// `Config::path_override("video/getMarker", path)`.
    pub fn get_markers(&self, video_id: i64) -> Result<Markers> {
        self.call(&GetMarkers {
            video_unique: video_id.to_string(),
        })
    }

    /// API 50: whether clicking a marker seeks to it. Path `video/setMarkerJump`
    /// is provisional: override with `Config::path_override("video/setMarkerJump", path)`.
    pub fn set_marker_jump(&self, video_id: i64, jump: bool) -> Result<Ack> {
        self.call(&SetMarkerJump {
            video_unique: video_id.to_string(),
            jump: u8::from(jump),
        })
    }

    /// API 51: a token (JWT) that identifies a viewer to the player. Path
    /// `video/getViewerToken` is provisional: override with
    /// `Config::path_override("video/getViewerToken", path)`.
    pub fn get_viewer_token(&self, request: &GetViewerToken) -> Result<ViewerToken> {
        if request.user_number <= 0 {
            return Err(Error::invalid_input("user_number must be > 0"));
        }
        self.call(request)
    }

    /// API 52: the user groups allowed to watch a video. Path
    /// `video/getUserGroupList` is provisional: override with
    /// `Config::path_override("video/getUserGroupList", path)`.
    pub fn get_user_groups(&self, video_id: i64) -> Result<UserGroups> {
        self.call(&GetUserGroups {
            video_unique: video_id.to_string(),
        })
    }

    /// API 53: allows user group `group_id` to watch a video. Path
    /// `video/addUserGroup` is provisional: override with
    /// `Config::path_override("video/addUserGroup", path)`.
    pub fn add_user_group(&self, video_id: i64, group_id: i64) -> Result<Ack> {
        self.call(&AddUserGroup {
            video_unique: video_id.to_string(),
            group_id,
        })
    }

    /// API 54: withdraws user group `group_id` from a video. Path
    /// `video/deleteUserGroup` is provisional: override with
    /// `Config::path_override("video/deleteUserGroup", path)`.
    pub fn remove_user_group(&self, video_id: i64, group_id: i64) -> Result<Ack> {
        self.call(&RemoveUserGroup {
            video_unique: video_id.to_string(),
            group_id,
        })
    }

    /// API 55: one page of the viewers allowed to watch a video
    /// (`page` from 1, `page_size` 1..=100; defaults 1 and 10). Path
    /// `video/getViewerList` is provisional: override with
    /// `Config::path_override("video/getViewerList", path)`.
    pub fn get_viewers(
        &self,
        video_id: i64,
        page: Option<i64>,
        page_size: Option<i64>,
    ) -> Result<Viewers> {
        check_page(page, page_size, MAX_VIEWERS_PAGE_SIZE)?;
        self.call(&GetViewers {
            video_unique: video_id.to_string(),
            page,
            page_size,
        })
    }

    /// API 56: allows users to watch a video. Path `video/addViewer` is
    /// provisional: override with `Config::path_override("video/addViewer", path)`.
    pub fn add_viewers(&self, video_id: i64, user_ids: &[i64]) -> Result<Ack> {
        let user_ids = non_empty_ids(user_ids, "user_ids")?;
        self.call(&AddViewers {
            video_unique: video_id.to_string(),
            user_ids,
        })
    }

    /// API 57: withdraws users from a video. Path `video/deleteViewer` is
    /// provisional: override with `Config::path_override("video/deleteViewer", path)`.
    pub fn remove_viewers(&self, video_id: i64, user_ids: &[i64]) -> Result<Ack> {
        let user_ids = non_empty_ids(user_ids, "user_ids")?;
        self.call(&RemoveViewers {
            video_unique: video_id.to_string(),
            user_ids,
        })
    }

    /// API 58: how each viewer answered the video's questions. Path
    /// `video/getAnswerRecord` is provisional: override with
    /// `Config::path_override("video/getAnswerRecord", path)`.
    pub fn get_answer_records(&self, video_id: i64) -> Result<AnswerRecords> {
        self.call(&GetAnswerRecords {
            video_unique: video_id.to_string(),
        })
    }
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
