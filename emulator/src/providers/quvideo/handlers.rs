//! The console operations over the stored videos: each takes the request's
//! fields (and the caller's token) and answers the envelope's `data` and
//! `message`, or a failure code.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::state::{Audit, Lockout, Session, Shared, Video};
use crate::common::lock::lock;

pub(crate) type Fields = BTreeMap<String, String>;

/// A successful answer: its `data` and `message`.
pub(crate) type Done = (Value, &'static str);

/// A failed answer: `result: "false"` with this code.
pub(crate) struct Fail {
    pub code: &'static str,
    pub message: String,
}

fn bad(message: impl Into<String>) -> Fail {
    Fail {
        code: "300",
        message: message.into(),
    }
}

fn required<'a>(fields: &'a Fields, name: &str) -> Result<&'a str, Fail> {
    fields
        .get(name)
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| bad(format!("{name} is required")))
}

fn opt<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields
        .get(name)
        .map(String::as_str)
        .filter(|v| !v.is_empty())
}

fn new_token() -> String {
    (0..32).map(|_| fastrand::digit(10)).collect()
}

// ------------------------------------------------------------- session

pub(crate) fn login(s: &Shared, f: &Fields, _: Option<&str>) -> Result<Done, Fail> {
    let user = required(f, "userName")?;
    let password = required(f, "password")?;
    let now = s.clock().now_secs();
    let mut lockout = lock(&s.lockout);
    if lockout.locked_until.is_some_and(|t| t > now) {
        return Err(Fail {
            code: "411",
            message: "the account is locked after too many failed logins".into(),
        });
    }
    if user != s.config.user_name || password != s.config.password {
        lockout.failures += 1;
        if lockout.failures >= s.config.max_login_failures {
            *lockout = Lockout {
                failures: 0,
                locked_until: Some(now + s.config.lock_secs),
            };
            return Err(Fail {
                code: "411",
                message: "the account is locked after too many failed logins".into(),
            });
        }
        return Err(Fail {
            code: "401",
            message: "wrong user name or password".into(),
        });
    }
    *lockout = Lockout::default();
    drop(lockout);
    let token = new_token();
    lock(&s.sessions).insert(
        token.clone(),
        Session {
            expires_at: now + s.config.token_ttl_secs,
        },
    );
    Ok((json!({ "consoleToken": token }), "登录成功!"))
}

pub(crate) fn sign_out(s: &Shared, _: &Fields, token: Option<&str>) -> Result<Done, Fail> {
    if let Some(token) = token {
        lock(&s.sessions).remove(token);
    }
    Ok((Value::Null, "退出完成!"))
}

pub(crate) fn refresh_token(s: &Shared, _: &Fields, token: Option<&str>) -> Result<Done, Fail> {
    let now = s.clock().now_secs();
    let mut sessions = lock(&s.sessions);
    if let Some(old) = token {
        sessions.remove(old);
    }
    let token = new_token();
    sessions.insert(
        token.clone(),
        Session {
            expires_at: now + s.config.token_ttl_secs,
        },
    );
    Ok((json!({ "consoleToken": token }), "刷新完成"))
}

// ------------------------------------------------------------- reading

/// Whether a video matches the list filters the request carries.
fn matches(v: &Video, f: &Fields) -> bool {
    let eq = |name: &str, value: &str| opt(f, name).is_none_or(|want| want == value);
    eq("videoId", &v.video_id)
        && eq("userId", &v.user_id)
        && eq("userName", &v.user_name)
        && eq("censorStatus", &v.censor_status)
        && opt(f, "title").is_none_or(|t| v.title.contains(t))
        && opt(f, "startTime").is_none_or(|t| v.creation_time.as_str() >= t)
        && opt(f, "endTime").is_none_or(|t| v.creation_time.as_str() <= t)
}

/// The page asked for (both always sent; `pageIndex` from 1).
fn page(f: &Fields) -> Result<(usize, usize), Fail> {
    let number = |name: &str| -> Result<usize, Fail> {
        required(f, name)?
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| bad(format!("{name} must be an integer >= 1")))
    };
    Ok((number("pageIndex")?, number("pageSize")?))
}

/// Newest first, then the page; `total` counts every match.
fn list(videos: &[Video], f: &Fields, recommended: bool) -> Result<(Vec<Value>, usize), Fail> {
    let (index, size) = page(f)?;
    let mut found: Vec<&Video> = videos.iter().filter(|v| matches(v, f)).collect();
    found.sort_by(|a, b| b.creation_time.cmp(&a.creation_time));
    let total = found.len();
    let list = found
        .into_iter()
        .skip((index - 1).saturating_mul(size))
        .take(size)
        .map(|v| v.to_wire(recommended))
        .collect();
    Ok((list, total))
}

pub(crate) fn get_videos(s: &Shared, f: &Fields, _: Option<&str>) -> Result<Done, Fail> {
    let (list, total) = list(&lock(&s.library).videos, f, false)?;
    // `total` as a string: the document types it so.
    Ok((json!({ "total": total.to_string(), "videoList": list }), ""))
}

pub(crate) fn get_recommend_videos(s: &Shared, f: &Fields, _: Option<&str>) -> Result<Done, Fail> {
    let (list, total) = list(&lock(&s.library).recommends, f, true)?;
    let now_total = list.len();
    Ok((
        json!({ "total": total, "nowTotal": now_total, "videoList": list }),
        "",
    ))
}

fn by_id(videos: &[Video], f: &Fields, recommended: bool) -> Result<Value, Fail> {
    let id = required(f, "videoId")?;
    videos
        .iter()
        .find(|v| v.video_id == id)
        .map(|v| v.to_wire(recommended))
        .ok_or_else(|| bad(format!("no video {id}")))
}

pub(crate) fn get_video_by_id(s: &Shared, f: &Fields, _: Option<&str>) -> Result<Done, Fail> {
    Ok((by_id(&lock(&s.library).videos, f, false)?, ""))
}

pub(crate) fn get_recommend_video_by_id(
    s: &Shared,
    f: &Fields,
    _: Option<&str>,
) -> Result<Done, Fail> {
    Ok((
        by_id(&lock(&s.library).recommends, f, true)?,
        "根据videoId获取视频详情完成!",
    ))
}

// ------------------------------------------------------------- changing

/// Applies `change` to the video `mediaId` names.
fn with_media(s: &Shared, f: &Fields, change: impl FnOnce(&mut Video)) -> Result<(), Fail> {
    let id = required(f, "mediaId")?;
    let mut library = lock(&s.library);
    let video = library
        .videos
        .iter_mut()
        .find(|v| v.video_id == id)
        .ok_or_else(|| bad(format!("no video {id}")))?;
    change(video);
    Ok(())
}

pub(crate) fn submit_transcode(s: &Shared, f: &Fields, _: Option<&str>) -> Result<Done, Fail> {
    with_media(s, f, |v| v.transcode_status = "success".into())?;
    Ok((Value::Null, "发起非窄带高清转码作业完成!"))
}

pub(crate) fn submit_tab_transcode(s: &Shared, f: &Fields, _: Option<&str>) -> Result<Done, Fail> {
    with_media(s, f, |v| v.narrow_transcode_status = "success".into())?;
    Ok((Value::Null, "发起窄带高清转码作业完成!"))
}

pub(crate) fn create_audit(s: &Shared, f: &Fields, _: Option<&str>) -> Result<Done, Fail> {
    let status = required(f, "status")?.to_owned();
    if status != "Blocked" && status != "Normal" {
        return Err(bad("status must be Blocked or Normal"));
    }
    let reason = opt(f, "reason").unwrap_or("").to_owned();
    if reason.len() > 128 {
        return Err(bad("reason is longer than 128 bytes"));
    }
    if status == "Blocked" && reason.trim().is_empty() {
        return Err(bad("a blocked video needs a reason"));
    }
    // The review decision is what getVideos then filters on.
    with_media(s, f, |v| v.censor_status = status.clone())?;
    lock(&s.library).audits.push(Audit {
        media_id: required(f, "mediaId")?.to_owned(),
        status,
        reason,
        comment: opt(f, "comment").unwrap_or("").to_owned(),
    });
    Ok((Value::Null, "审核完成"))
}

pub(crate) fn recommend_video(s: &Shared, f: &Fields, _: Option<&str>) -> Result<Done, Fail> {
    let id = required(f, "videoId")?;
    let mut library = lock(&s.library);
    // What the request gives wins over what is stored of the video.
    let mut v = library
        .videos
        .iter()
        .find(|v| v.video_id == id)
        .cloned()
        .unwrap_or_else(|| Video {
            id: id.to_owned(),
            video_id: id.to_owned(),
            ..Video::default()
        });
    let text = |name: &str, slot: &mut String| {
        if let Some(value) = opt(f, name) {
            *slot = value.to_owned();
        }
    };
    text("title", &mut v.title);
    text("userId", &mut v.user_id);
    text("description", &mut v.description);
    text("coverUrl", &mut v.cover_url);
    text("tags", &mut v.tags);
    text("cateId", &mut v.cate_id);
    text("cateName", &mut v.cate_name);
    text("firstFrameUrl", &mut v.first_frame_url);
    text("transcodeStatus", &mut v.transcode_status);
    text("snapshotStatus", &mut v.snapshot_status);
    text("censorStatus", &mut v.censor_status);
    text("isNarrow", &mut v.is_narrow);
    text("isCache", &mut v.is_cache);
    if let Some(d) = opt(f, "duration") {
        v.duration = d.parse().map_err(|_| bad("duration must be a number"))?;
    }
    if let Some(size) = opt(f, "size") {
        v.size = size.parse().map_err(|_| bad("size must be an integer"))?;
    }
    library.recommends.retain(|r| r.video_id != id);
    library.recommends.push(v);
    Ok((Value::Null, "插入推荐视频成功!"))
}

pub(crate) fn push_object_cache(s: &Shared, f: &Fields, _: Option<&str>) -> Result<Done, Fail> {
    let paths: Vec<String> = required(f, "objectPath")?
        .split('\n')
        .map(|p| p.trim_end_matches('\r').trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    lock(&s.library).cache_pushes.extend(paths);
    Ok((Value::Null, "预热完成"))
}

pub(crate) fn delete_video_by_id(s: &Shared, f: &Fields, _: Option<&str>) -> Result<Done, Fail> {
    let id = required(f, "videoId")?;
    let mut library = lock(&s.library);
    let before = library.videos.len();
    let user = opt(f, "userId");
    library
        .videos
        .retain(|v| !(v.video_id == id && user.is_none_or(|u| u == v.user_id)));
    if library.videos.len() == before {
        return Err(bad(format!("no video {id}")));
    }
    Ok((Value::Null, "删除完成!"))
}

pub(crate) fn delete_recommend_by_id(
    s: &Shared,
    f: &Fields,
    _: Option<&str>,
) -> Result<Done, Fail> {
    let id = required(f, "videoId")?;
    let mut library = lock(&s.library);
    let before = library.recommends.len();
    library.recommends.retain(|v| v.video_id != id);
    if library.recommends.len() == before {
        return Err(bad(format!("video {id} is not recommended")));
    }
    Ok((Value::Null, "取消推荐完成"))
}
