//! Interactive features of a video (API 41-58 of document 003): notices,
//! in-video questions and answer records, categories of many videos, attached
//! documents, markers, viewer tokens, user groups and viewers.
//!
//! The paths are the SDK's provisional ones (document 003's OCR lost the real
//! ones). `video_unique` is the video id as a string and must name an existing
//! video. Answers follow the document's examples, quirks included: the
//! question list and the user groups send every number as a string.
//!
//! Users and groups live in a fixed directory ([`USERS`], [`GROUPS`]): the
//! provider manages them elsewhere, and these APIs only attach them to videos.

use md5::{Digest, Md5};
use serde_json::{json, Map, Value};

use super::dates::format_datetime;
use super::request::{page_of, ApiError, Handler, Req};
use super::state::Shared;
use super::store::interactive::{
    next_id, Document, IssuedToken, Question, QuestionOption, State, FIRST_NOTICE_ID,
    FIRST_OPTION_ID, FIRST_QUESTION_ID,
};
use super::video::with_video;
use crate::common::lock::lock;

/// Known users: (user_id, name, mobile). Email is `<id>@baijiayun.com`.
pub const USERS: &[(i64, &str, &str)] = &[
    (305467, "学员1", "13900000006"),
    (305199, "学员2", "13900000005"),
    (306231, "学员3", "13900000007"),
    (306500, "学员4", "13900000008"),
    (306501, "学员5", "13900000009"),
];

/// Known user groups: (group_id, name, member user ids).
pub const GROUPS: &[(i64, &str, &[i64])] = &[
    (132526, "测试分组", &[305467, 305199]),
    (132527, "二班", &[306231, 306500, 306501]),
];

/// The document types a video takes (API 47).
pub const DOCUMENT_EXTENSIONS: &[&str] = &["ppt", "pptx", "txt", "pdf"];

pub const HANDLERS: &[(&str, Handler)] = &[
    ("video/createNotice", create_notice),
    ("video/bindNotice", bind_notice),
    ("video/getQuestionList", get_question_list),
    ("video/saveQuestionList", save_question_list),
    ("video/deleteQuestion", delete_questions),
    ("video/getVideosCategory", get_videos_category),
    ("video/uploadDocument", upload_document),
    ("video/setMarker", set_markers),
    ("video/getMarker", get_markers),
    ("video/setMarkerJump", set_marker_jump),
    ("video/getViewerToken", get_viewer_token),
    ("video/getUserGroupList", get_user_groups),
    ("video/addUserGroup", add_user_group),
    ("video/deleteUserGroup", remove_user_group),
    ("video/getViewerList", get_viewers),
    ("video/addViewer", add_viewers),
    ("video/deleteViewer", remove_viewers),
    ("video/getAnswerRecord", get_answer_records),
];

/// `video_unique`, checked to name an existing video.
fn video_unique(shared: &Shared, req: &Req) -> Result<i64, ApiError> {
    let id = req.i64("video_unique")?;
    with_video(shared, id, |_| Ok(()))?;
    Ok(id)
}

fn state(shared: &Shared) -> std::sync::MutexGuard<'_, State> {
    lock(&shared.interactive)
}

// --- reading JSON parameters: the document sends numbers as strings, so both are taken

fn text_of(obj: &Map<String, Value>, key: &str) -> String {
    match obj.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn int_of(obj: &Map<String, Value>, key: &str) -> Result<Option<i64>, ApiError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .map(Some)
            .ok_or_else(|| ApiError::param(format!("{key} must be an integer"))),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| ApiError::param(format!("{key} must be an integer"))),
        Some(Value::Bool(b)) => Ok(Some(i64::from(*b))),
        Some(_) => Err(ApiError::param(format!("{key} must be an integer"))),
    }
}

fn flag_of(obj: &Map<String, Value>, key: &str) -> Result<bool, ApiError> {
    Ok(int_of(obj, key)?.unwrap_or(0) != 0)
}

/// A JSON parameter that must be a list of objects.
fn object_list(req: &Req, key: &str) -> Result<Vec<Map<String, Value>>, ApiError> {
    let bad = || ApiError::param(format!("{key}格式错误"));
    let Value::Array(items) = req.json(key).map_err(|_| bad())? else {
        return Err(bad());
    };
    items
        .into_iter()
        .map(|v| match v {
            Value::Object(o) => Ok(o),
            _ => Err(bad()),
        })
        .collect()
}

// --- API 41-42: notices

fn create_notice(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let items = object_list(req, "notice")?;
    if items.is_empty()
        || items
            .iter()
            .any(|o| text_of(o, "content").trim().is_empty())
    {
        return Err(ApiError::param(
            "notice needs at least one line with content",
        ));
    }
    let lines: Vec<Value> = items
        .iter()
        .map(|o| json!({ "content": text_of(o, "content"), "link": text_of(o, "link") }))
        .collect();
    let mut st = state(shared);
    let id = next_id(&mut st.last_notice_id, FIRST_NOTICE_ID);
    st.notices.insert(id, Value::Array(lines.clone()));
    Ok(json!({ "id": id, "notice": lines }))
}

fn bind_notice(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video_ids = req.id_list("video_ids")?;
    let notice_id = req.i64("notice_id")?;
    for id in &video_ids {
        with_video(shared, *id, |_| Ok(()))?;
    }
    let mut st = state(shared);
    if !st.notices.contains_key(&notice_id) {
        return Err(ApiError::param(format!("公告{notice_id}不存在")));
    }
    for id in video_ids {
        st.notice_of_video.insert(id, notice_id);
    }
    Ok(Value::Null)
}

// --- API 43-45: questions

/// A question as API 43 lists it: every number as a string, like the document.
fn question_json(video: i64, q: &Question) -> Value {
    let options: Vec<Value> = q
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            json!({
                "id": o.id.to_string(),
                "question_id": q.id.to_string(),
                "value": o.value,
                "is_right": u8::from(o.is_right).to_string(),
                "display_order": i.to_string(),
                "ver": q.ver.to_string(),
            })
        })
        .collect();
    json!({
        "id": q.id.to_string(),
        "title": q.title,
        "option_type": q.option_type.to_string(),
        "illustration": q.illustration,
        "show_analysis": u8::from(q.show_analysis).to_string(),
        "answer": q.answer,
        "wrong_answer": q.wrong_answer,
        "wrong_time": q.wrong_time.to_string(),
        "skip": u8::from(q.skip).to_string(),
        "show_time": q.show_time.to_string(),
        "video_unique": video.to_string(),
        "illustration_title": q.illustration_title,
        "ver": q.ver.to_string(),
        "option_list": options,
    })
}

fn get_question_list(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let st = state(shared);
    let list: Vec<Value> = st
        .questions
        .get(&video)
        .map(|qs| qs.iter().map(|q| question_json(video, q)).collect())
        .unwrap_or_default();
    Ok(json!({ "total": list.len(), "question_list": list }))
}

/// One question of a `question_list` parameter, checked; `id` 0 for a new one.
struct QuestionInput {
    id: i64,
    question: Question,
    /// Option ids as sent (0 for new ones), parallel to `question.options`.
    option_ids: Vec<i64>,
}

fn parse_question(o: &Map<String, Value>, now: i64) -> Result<QuestionInput, ApiError> {
    let title = text_of(o, "title");
    if title.trim().is_empty() {
        return Err(ApiError::param("question title is required"));
    }
    let option_type = int_of(o, "option_type")?.unwrap_or(1);
    if !(1..=2).contains(&option_type) {
        return Err(ApiError::param(
            "option_type must be 1 (single) or 2 (multiple)",
        ));
    }
    let Some(Value::Array(raw_options)) = o.get("option_list") else {
        return Err(ApiError::param("option_list is required"));
    };
    let mut options = Vec::new();
    let mut option_ids = Vec::new();
    for raw in raw_options {
        let opt = raw
            .as_object()
            .ok_or_else(|| ApiError::param("option_list格式错误"))?;
        let value = text_of(opt, "value");
        if value.trim().is_empty() {
            return Err(ApiError::param("option value is required"));
        }
        option_ids.push(int_of(opt, "id")?.unwrap_or(0));
        options.push(QuestionOption {
            id: 0,
            value,
            is_right: flag_of(opt, "is_right")?,
        });
    }
    if options.is_empty() {
        return Err(ApiError::param("option_list is empty"));
    }
    let question = Question {
        id: 0,
        title,
        option_type,
        illustration: text_of(o, "illustration"),
        illustration_title: text_of(o, "illustration_title"),
        show_analysis: flag_of(o, "show_analysis")?,
        answer: text_of(o, "answer"),
        wrong_answer: text_of(o, "wrong_answer"),
        wrong_time: int_of(o, "wrong_time")?.unwrap_or(-1),
        skip: flag_of(o, "skip")?,
        show_time: int_of(o, "show_time")?.unwrap_or(0),
        ver: 1,
        saved_at: now,
        options,
    };
    Ok(QuestionInput {
        id: int_of(o, "id")?.unwrap_or(0),
        question,
        option_ids,
    })
}

/// Creates (id 0) or updates (known id) questions; every input is checked first
/// so a bad one changes nothing.
fn save_question_list(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let now = shared.clock().now_secs();
    let inputs = object_list(req, "question_list")?
        .iter()
        .map(|o| parse_question(o, now))
        .collect::<Result<Vec<_>, _>>()?;
    if inputs.is_empty() {
        return Err(ApiError::param("question_list is empty"));
    }
    let mut st = state(shared);
    let existing = st.questions.get(&video).cloned().unwrap_or_default();
    if let Some(bad) = inputs
        .iter()
        .find(|i| i.id != 0 && !existing.iter().any(|q| q.id == i.id))
    {
        return Err(ApiError::param(format!("问题{}不存在", bad.id)));
    }
    let mut questions = existing;
    for input in inputs {
        let previous = questions
            .iter()
            .position(|q| q.id == input.id && input.id != 0);
        let mut q = input.question;
        q.id = match previous {
            Some(i) => questions[i].id,
            None => next_id(&mut st.last_question_id, FIRST_QUESTION_ID),
        };
        q.ver = previous.map_or(1, |i| questions[i].ver + 1);
        // An option keeps its id when it names one of this question's options.
        let old_ids: Vec<i64> = previous
            .map(|i| questions[i].options.iter().map(|o| o.id).collect())
            .unwrap_or_default();
        for (opt, sent) in q.options.iter_mut().zip(input.option_ids) {
            opt.id = if old_ids.contains(&sent) {
                sent
            } else {
                next_id(&mut st.last_option_id, FIRST_OPTION_ID)
            };
        }
        match previous {
            Some(i) => questions[i] = q,
            None => questions.push(q),
        }
    }
    st.questions.insert(video, questions);
    Ok(Value::Null)
}

fn delete_questions(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let ids = req.id_list("question_ids")?;
    if ids.is_empty() {
        return Err(ApiError::param("question_ids is required"));
    }
    let mut st = state(shared);
    let questions = st.questions.entry(video).or_default();
    if let Some(bad) = ids
        .iter()
        .find(|id| !questions.iter().any(|q| q.id == **id))
    {
        return Err(ApiError::param(format!("问题{bad}不存在")));
    }
    questions.retain(|q| !ids.contains(&q.id));
    Ok(json!(true))
}

// --- API 46: categories of many videos

/// The category ids of levels 1-5 for a category. The tree belongs to the
/// category module; when it knows no chain for the id, the id is level 1.
fn levels_of(shared: &Shared, category_id: i64) -> [i64; 5] {
    let mut levels = [0; 5];
    if category_id == 0 {
        return levels;
    }
    let chain = super::category::categories_of(shared, category_id);
    let number = |v: &Value| {
        v.as_i64()
            .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
    };
    for node in chain.as_array().into_iter().flatten() {
        let (Some(id), Some(level)) = (number(&node["id"]), number(&node["level"])) else {
            continue;
        };
        if (1..=5).contains(&level) {
            levels[level as usize - 1] = id;
        }
    }
    if levels == [0; 5] {
        levels[0] = category_id;
    }
    levels
}

fn get_videos_category(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let ids = req.id_list("video_ids")?;
    if ids.is_empty() {
        return Err(ApiError::param("video_ids is required"));
    }
    let filter = req.opt_i64("category_id")?;
    // Unknown videos are left out, as a batch lookup does.
    let found: Vec<(i64, i64)> = {
        let videos = lock(&shared.videos);
        ids.iter()
            .filter_map(|id| videos.get(id).map(|v| (v.id, v.category_id)))
            .collect()
    };
    let list: Vec<Value> = found
        .into_iter()
        .map(|(id, category)| (id, levels_of(shared, category)))
        .filter(|(_, levels)| filter.is_none_or(|c| levels.contains(&c)))
        .map(|(id, l)| {
            json!({
                "video_id": id,
                "category_level1_id": l[0],
                "category_level2_id": l[1],
                "category_level3_id": l[2],
                "category_level4_id": l[3],
                "category_level5_id": l[4],
            })
        })
        .collect();
    Ok(json!({ "list": list }))
}

// --- API 47: attached document

fn upload_document(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let file = req
        .files
        .get("file")
        .ok_or_else(|| ApiError::param("file is required"))?;
    if file.extension_in(DOCUMENT_EXTENSIONS).is_none() {
        return Err(ApiError::new(
            1,
            "文件格式不支持，仅支持ppt、pptx、txt、pdf",
        ));
    }
    let md5 = Md5::digest(&file.bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let doc = Document {
        file_name: file.file_name.clone(),
        size: file.bytes.len(),
        md5,
    };
    state(shared).documents.entry(video).or_default().push(doc);
    Ok(json!(true))
}

// --- API 48-50: markers

/// Whether `t` reads as `HH:MM:SS`.
fn is_time_offset(t: &str) -> bool {
    let parts: Vec<&str> = t.split(':').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts[1] < "60"
        && parts[2] < "60"
}

fn set_markers(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let items = object_list(req, "content")?;
    let mut markers = Vec::new();
    for o in &items {
        let time_offset = text_of(o, "time_offset");
        if !is_time_offset(&time_offset) {
            return Err(ApiError::param(
                "content格式错误: time_offset must be HH:MM:SS",
            ));
        }
        markers.push(json!({
            "time_offset": time_offset,
            "description": text_of(o, "description"),
            "reference_link": text_of(o, "reference_link"),
            "btntxt": text_of(o, "btntxt"),
            "image": text_of(o, "image"),
        }));
    }
    state(shared).markers.insert(video, markers);
    Ok(json!(true))
}

fn get_markers(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let st = state(shared);
    let list = st.markers.get(&video).cloned().unwrap_or_default();
    let jump = st.marker_jump.get(&video).copied().unwrap_or(false);
    Ok(json!({ "total": list.len(), "list": list, "enable_jump": jump }))
}

fn set_marker_jump(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let jump = match req.opt("jump") {
        Some("0") => false,
        Some("1") => true,
        _ => return Err(ApiError::param("jump参数错误")),
    };
    state(shared).marker_jump.insert(video, jump);
    Ok(json!(true))
}

// --- API 51: viewer token

/// Base64url without padding, as JWTs use.
fn b64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
        }
    }
    out
}

/// A JWT-shaped token: `header.payload.signature`. The signature is an MD5
/// over the first two parts and the partner key: opaque to clients either way.
fn jwt(shared: &Shared, payload: &Value) -> String {
    let head = b64url(br#"{"typ":"JWT","alg":"HS256"}"#);
    let body = b64url(payload.to_string().as_bytes());
    let signature = Md5::digest(format!("{head}.{body}{}", shared.partner_key()).as_bytes());
    format!("{head}.{body}.{}", b64url(&signature))
}

fn get_viewer_token(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let user_number = req.opt_i64("user_number")?.filter(|n| *n != 0);
    let user_number = user_number.ok_or_else(|| ApiError::param("学员user_number不能为空"))?;
    let name = req.opt("name").unwrap_or("").to_owned();
    let avatar = req.opt("avatar").unwrap_or("").to_owned();
    let now = shared.clock().now_secs();
    let token = jwt(
        shared,
        &json!({
            "iss": "baijiayun",
            "partner_id": shared.config.partner_id,
            "user_number": user_number,
            "name": name,
            "avatar": avatar,
            "iat": now,
            "exp": now + 86_400,
        }),
    );
    state(shared).tokens.push(IssuedToken {
        token: token.clone(),
        user_number,
        name,
        avatar,
    });
    Ok(json!({ "token": token }))
}

// --- API 52-54: user groups

fn group(id: i64) -> Option<&'static (i64, &'static str, &'static [i64])> {
    GROUPS.iter().find(|g| g.0 == id)
}

fn get_user_groups(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let st = state(shared);
    let viewers = st.viewers.get(&video).cloned().unwrap_or_default();
    let list: Vec<Value> = st
        .groups
        .get(&video)
        .into_iter()
        .flatten()
        .filter_map(|id| group(*id))
        .map(|(id, name, members)| {
            // select_count: members of the group that are viewers of the video.
            let selected = members.iter().filter(|m| viewers.contains(m)).count();
            json!({
                "group_id": id.to_string(),
                "name": name,
                "all_count": members.len().to_string(),
                "select_count": selected.to_string(),
            })
        })
        .collect();
    Ok(json!({ "list": list, "total": list.len().to_string() }))
}

fn add_user_group(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let group_id = req.i64("group_id")?;
    if group(group_id).is_none() {
        return Err(ApiError::param(format!("分组{group_id}不存在")));
    }
    let mut st = state(shared);
    let groups = st.groups.entry(video).or_default();
    if groups.contains(&group_id) {
        return Err(ApiError::new(1, "该分组已添加过"));
    }
    groups.push(group_id);
    Ok(json!(true))
}

fn remove_user_group(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let group_id = req.i64("group_id")?;
    let mut st = state(shared);
    let groups = st.groups.entry(video).or_default();
    if !groups.contains(&group_id) {
        return Err(ApiError::param(format!("该视频未添加分组{group_id}")));
    }
    groups.retain(|g| *g != group_id);
    Ok(json!(true))
}

// --- API 55-57: viewers

fn user(id: i64) -> Option<&'static (i64, &'static str, &'static str)> {
    USERS.iter().find(|u| u.0 == id)
}

fn viewer_json(&(id, name, mobile): &(i64, &str, &str)) -> Value {
    json!({
        "assign_role": 0,
        "user_id": id,
        "name": name,
        "role": 0,
        "remark": "",
        "status": 0,
        "email": format!("{id}@baijiayun.com"),
        "mobile": mobile,
        "phone_number": mobile,
    })
}

fn get_viewers(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let (page, size) = req.page(10, 100)?;
    let st = state(shared);
    let all = st.viewers.get(&video).cloned().unwrap_or_default();
    let list: Vec<Value> = page_of(&all, page, size)
        .filter_map(|id| user(*id).map(viewer_json))
        .collect();
    Ok(json!({ "list": list, "total": all.len() }))
}

fn joined(ids: &[i64]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn add_viewers(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let ids = req.id_list("user_ids")?;
    if ids.is_empty() {
        return Err(ApiError::param("user_ids is required"));
    }
    let unknown: Vec<i64> = ids
        .iter()
        .copied()
        .filter(|id| user(*id).is_none())
        .collect();
    if !unknown.is_empty() {
        // Code 1 and the ids in the message, as in the document's example.
        return Err(ApiError::new(1, format!("学员{}不存在", joined(&unknown))));
    }
    let mut st = state(shared);
    let viewers = st.viewers.entry(video).or_default();
    for id in ids {
        if !viewers.contains(&id) {
            viewers.push(id);
        }
    }
    Ok(json!(true))
}

fn remove_viewers(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let ids = req.id_list("user_ids")?;
    if ids.is_empty() {
        return Err(ApiError::param("user_ids is required"));
    }
    let mut st = state(shared);
    let viewers = st.viewers.entry(video).or_default();
    let absent: Vec<i64> = ids
        .iter()
        .copied()
        .filter(|id| !viewers.contains(id))
        .collect();
    if !absent.is_empty() {
        return Err(ApiError::new(
            1,
            format!("学员{}不是该视频的学员", joined(&absent)),
        ));
    }
    viewers.retain(|v| !ids.contains(v));
    Ok(json!(true))
}

// --- API 58: answer records

/// One viewer's answers, derived from the user id and question ids so the
/// same state always gives the same records: a skippable question is skipped
/// when `(user + question) % 4 == 0`; otherwise the viewer picks the option at
/// `(user + question) % options`, right when it is exactly the right set.
fn answer_record(user_id: i64, name: &str, questions: &[Question]) -> Value {
    let (mut answers, mut skipped, mut right, mut last) = (Vec::new(), 0, 0, None);
    for q in questions {
        let seed = user_id + q.id;
        if q.skip && seed % 4 == 0 {
            skipped += 1;
            continue;
        }
        let pick = (seed % q.options.len() as i64) as usize;
        let rights: Vec<usize> = q
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.is_right)
            .map(|(i, _)| i)
            .collect();
        let is_right = rights == [pick];
        right += i64::from(is_right);
        let at = q.saved_at + seed % 600;
        last = last.max(Some(at));
        answers.push(json!({
            "question_id": q.id.to_string(),
            "solution": char::from(b'A' + (pick % 26) as u8).to_string(),
            "update_time": format_datetime(at),
            "is_right": i64::from(is_right),
            "ver": q.ver.to_string(),
        }));
    }
    json!({
        "user_number": user_id.to_string(),
        "user_name": name,
        "skip_count": skipped,
        "right_count": format!("{right}/{}", questions.len()),
        "complete_time": last.map(format_datetime).unwrap_or_default(),
        "answer_list": answers,
    })
}

fn get_answer_records(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let video = video_unique(shared, req)?;
    let st = state(shared);
    let questions = st.questions.get(&video).cloned().unwrap_or_default();
    let list: Vec<Value> = st
        .viewers
        .get(&video)
        .into_iter()
        .flatten()
        .filter_map(|id| user(*id))
        .map(|(id, name, _)| answer_record(*id, name, &questions))
        .collect();
    Ok(json!({ "list": list }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url() {
        assert_eq!(
            b64url(br#"{"typ":"JWT","alg":"HS256"}"#),
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9"
        );
        assert_eq!(b64url(b"ab"), "YWI");
        assert_eq!(b64url(b"a"), "YQ");
    }

    #[test]
    fn time_offsets() {
        assert!(is_time_offset("00:00:32"));
        assert!(is_time_offset("100:59:59"));
        assert!(!is_time_offset("00:60:00"));
        assert!(!is_time_offset("0:32"));
        assert!(!is_time_offset("aa:bb:cc"));
    }
}
