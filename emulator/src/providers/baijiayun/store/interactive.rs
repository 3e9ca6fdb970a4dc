//! What videos carry of the interactive features: notices, questions,
//! documents, markers, viewer tokens, groups and viewers.

use std::collections::BTreeMap;

use serde_json::Value;

/// First ids handed out, in the range of the document's examples.
pub(crate) const FIRST_NOTICE_ID: i64 = 87826;
pub(crate) const FIRST_QUESTION_ID: i64 = 89;
pub(crate) const FIRST_OPTION_ID: i64 = 307;

#[derive(Debug, Clone)]
pub struct QuestionOption {
    pub id: i64,
    pub value: String,
    pub is_right: bool,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: i64,
    pub title: String,
    pub option_type: i64,
    pub illustration: String,
    pub illustration_title: String,
    pub show_analysis: bool,
    pub answer: String,
    pub wrong_answer: String,
    pub wrong_time: i64,
    pub skip: bool,
    pub show_time: i64,
    /// 1 when created, +1 on every update.
    pub ver: i64,
    /// Emulated time of the last save (answer times are derived from it).
    pub saved_at: i64,
    pub options: Vec<QuestionOption>,
}

/// A document attached to a video.
#[derive(Debug, Clone)]
pub struct Document {
    pub file_name: String,
    pub size: usize,
    pub md5: String,
}

/// A viewer token handed out, with what it was issued for.
#[derive(Debug, Clone)]
pub struct IssuedToken {
    pub token: String,
    pub user_number: i64,
    pub name: String,
    pub avatar: String,
}

#[derive(Debug, Default)]
pub struct State {
    /// Notice id → its lines (`[{content, link}]`).
    pub notices: BTreeMap<i64, Value>,
    /// Video id → the notice shown on it.
    pub notice_of_video: BTreeMap<i64, i64>,
    /// Video id → its questions, in creation order.
    pub questions: BTreeMap<i64, Vec<Question>>,
    pub documents: BTreeMap<i64, Vec<Document>>,
    /// Video id → its markers (`[{time_offset, description, …}]`).
    pub markers: BTreeMap<i64, Vec<Value>>,
    pub marker_jump: BTreeMap<i64, bool>,
    /// Video id → group ids, in the order they were added.
    pub groups: BTreeMap<i64, Vec<i64>>,
    /// Video id → user ids, in the order they were added.
    pub viewers: BTreeMap<i64, Vec<i64>>,
    pub tokens: Vec<IssuedToken>,
    pub(crate) last_notice_id: i64,
    pub(crate) last_question_id: i64,
    pub(crate) last_option_id: i64,
}

/// The next id of a counter that starts at `first`.
pub(crate) fn next_id(last: &mut i64, first: i64) -> i64 {
    *last = (*last).max(first - 1) + 1;
    *last
}
