//! iQiyi's HTTP surface: OAuth and file operations under `/openapi/api/`,
//! the upload host's `openupload`/`uploadfinish`/`cancelupload`, the chunk
//! hosts and play URLs. Handlers answer `{"code": "A00000", "data", "msg"}`.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use super::chunk;
use super::envelope::envelope;
use super::state::{FileRec, Meta, Shared};
use crate::common::digest::FileMd5;
use crate::common::form;
use crate::common::lock::lock;

type Fields = BTreeMap<String, String>;

/// An error answer: a code and a message.
pub(crate) struct Fail(pub &'static str, pub String);

fn fail(code: &'static str, msg: impl Into<String>) -> Fail {
    Fail(code, msg.into())
}

pub(crate) fn routes(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/openapi/api/{*path}", get(openapi).post(openapi))
        .route("/upload/{op}", any(upload_host))
        .route("/qichuan/upload", post(chunk::primary))
        .route("/backup/upload", post(chunk::backup))
        .route("/media/{file_id}/{name}", get(chunk::media))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .with_state(shared)
}

async fn fields_of(
    method: &Method,
    headers: &HeaderMap,
    query: Option<String>,
    request: Request,
    with_headers: bool,
) -> Result<Fields, Fail> {
    let form = form::parse(method, headers, query, request)
        .await
        .map_err(|e| fail("A00010", e.0))?;
    let mut fields = form.fields;
    if with_headers {
        // The document says headers; the SDK sends the query. Both are read.
        for key in [
            "access_token",
            "filetype",
            "filesize",
            "file_id",
            "range_finished",
            "status",
        ] {
            if let Some(v) = headers.get(key).and_then(|v| v.to_str().ok()) {
                fields.entry(key.to_owned()).or_insert_with(|| v.to_owned());
            }
        }
    }
    Ok(fields)
}

fn req<'a>(f: &'a Fields, key: &str) -> Result<&'a str, Fail> {
    f.get(key)
        .map(|s| s.as_str())
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| fail("A00010", format!("{key} is required")))
}

/// Checks `access_token`: unknown → A21332, expired → A21327.
fn check_token(shared: &Shared, f: &Fields) -> Result<(), Fail> {
    let token = f.get("access_token").map(String::as_str).unwrap_or("");
    let expiry = lock(&shared.access).get(token).copied();
    match expiry {
        None => Err(fail("A21332", "AccessToken 无效")),
        Some(at) if at <= shared.clock().now_secs() => Err(fail("A21327", "AccessToken 过期")),
        Some(_) => Ok(()),
    }
}

fn done(result: Result<Value, Fail>) -> Response {
    match result {
        Ok(Value::Object(mut whole)) if whole.contains_key("code") => {
            whole.entry("msg").or_insert(json!(""));
            Json(Value::Object(whole)).into_response()
        }
        Ok(data) => envelope("A00000", data, ""),
        Err(Fail(code, msg)) => envelope(code, Value::Null, &msg),
    }
}

async fn openapi(
    State(shared): State<Arc<Shared>>,
    Path(path): Path<String>,
    method: Method,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    request: Request,
) -> Response {
    if shared
        .controls
        .arrive(&format!("/openapi/api/{path}"))
        .await
    {
        return (StatusCode::INTERNAL_SERVER_ERROR, "injected server error").into_response();
    }
    let f = match fields_of(&method, &headers, query, request, false).await {
        Ok(f) => f,
        Err(e) => return done(Err(e)),
    };
    if matches!(
        path.as_str(),
        "file/fullStatus" | "file/videoListForExternal" | "file/urllist"
    ) {
        // A finished file's state depends on whether it repeats another,
        // known once its MD5 is (hashed after uploadfinish answered).
        let s = shared.clone();
        let _ = tokio::task::spawn_blocking(move || s.settle_all()).await;
    }
    let s = &shared;
    let result = match path.as_str() {
        "iqiyi/authorize" => authorize(s, &f),
        "oauth2/token" => return refresh(s, &f),
        p => check_token(s, &f).and_then(|()| match p {
            "file/info" => file_info(s, &f),
            "file/fullStatus" => full_status(s, &f),
            "file/videoListForExternal" => video_list(s, &f),
            "file/urllist" => url_list(s, &f),
            "file/delete" => delete(s, &f),
            _ => Err(fail("Q00001", format!("no such API: {p}"))),
        }),
    };
    done(result)
}

fn authorize(s: &Shared, f: &Fields) -> Result<Value, Fail> {
    if f.get("client_id") != Some(&s.config.client_id)
        || f.get("client_secret") != Some(&s.config.client_secret)
    {
        return Err(fail("A21324", "client_id 或 client_secret 参数无效"));
    }
    let (access, refresh) = s.issue_tokens();
    lock(&s.stats).authorized += 1;
    Ok(
        json!({ "access_token": access, "expires_in": s.config.token_ttl_secs, "refresh_token": refresh }),
    )
}

/// The refresh answer has no envelope, as the document prints it.
fn refresh(s: &Shared, f: &Fields) -> Response {
    if f.get("client_id") != Some(&s.config.client_id) {
        return envelope("A21324", Value::Null, "client_id 参数无效");
    }
    if f.get("grant_type").map(String::as_str) != Some("refresh_token") {
        return envelope("A00010", Value::Null, "grant_type must be refresh_token");
    }
    let token = f.get("refresh_token").cloned().unwrap_or_default();
    if lock(&s.refresh).remove(&token).is_none() {
        return envelope("A21332", Value::Null, "refresh_token 无效");
    }
    let (access, refresh) = s.issue_tokens();
    lock(&s.stats).refreshed += 1;
    Json(json!({ "access_token": access, "expires_in": s.config.token_ttl_secs, "refresh_token": refresh }))
        .into_response()
}

/// Runs `f` on a live file (not deleted).
fn with_file<T>(
    s: &Shared,
    id: &str,
    f: impl FnOnce(&mut FileRec) -> Result<T, Fail>,
) -> Result<T, Fail> {
    let mut files = lock(&s.files);
    match files.get_mut(id) {
        Some(rec) if !rec.deleted => f(rec),
        _ => Err(fail("A00005", "非法的 file_id")),
    }
}

const FILE_TYPES: [i64; 23] = [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 16, 17, 20, 21, 22, 24, 25, 26, 27, 28,
];

fn file_info(s: &Shared, f: &Fields) -> Result<Value, Fail> {
    let id = req(f, "file_id")?;
    let file_name = req(f, "file_name")?.to_owned();
    let description = f
        .get("description")
        .cloned()
        .ok_or_else(|| fail("Q00001", "description is required"))?;
    let file_type = match f.get("file_type") {
        None => None,
        Some(t) => match t.parse::<i64>() {
            Ok(n) if FILE_TYPES.contains(&n) => Some(n),
            _ => return Err(fail("Q00001", "file_type is not a category")),
        },
    };
    with_file(s, id, |rec| {
        rec.meta = Some(Meta {
            file_name,
            description,
            tags: f.get("tags").cloned(),
            file_type,
        });
        Ok(Value::Null)
    })
}

pub(crate) fn urls(s: &Shared, id: &str) -> Value {
    let b = &s.base_url;
    json!({
        "mp4": { "1": format!("{b}/media/{id}/1.mp4?v=1"), "2": format!("{b}/media/{id}/2.mp4?v=1") },
        "m3u8": {
            "96": format!("{b}/media/{id}/96.m3u8"),
            "1": format!("{b}/media/{id}/1.m3u8"),
            "2": format!("{b}/media/{id}/2.m3u8"),
        },
    })
}

fn full_status(s: &Shared, f: &Fields) -> Result<Value, Fail> {
    let id = req(f, "file_id")?;
    let now = s.clock().now_secs();
    let files = lock(&s.files);
    let Some(rec) = files.get(id) else {
        return Ok(json!({ "code": "A00003", "data": {}, "msg": "视频不存在" }));
    };
    let code = rec.state_code(now, s.config.publish_secs);
    let data = match code {
        "A00000" => json!({
            "img": format!("{}/media/{id}/cover.jpg", s.base_url),
            "thumbnail": format!("{}/media/{id}/thumb.jpg", s.base_url),
            "swfurl": format!("{}/media/{id}/player.swf", s.base_url),
            "urllist": urls(s, id),
        }),
        "A00007" => json!({ "is_repeat": 1, "fileIdBefore": rec.repeat_of }),
        _ => json!({}),
    };
    Ok(json!({ "code": code, "data": data, "msg": "" }))
}

fn video_list(s: &Shared, f: &Fields) -> Result<Value, Fail> {
    let num = |k: &str, default: i64| match f.get(k) {
        None => Ok(default),
        Some(v) => v
            .parse::<i64>()
            .map_err(|_| fail("A00010", format!("{k} must be a number"))),
    };
    let page_size = num("page_size", 20)?;
    let page = num("page", 1)?;
    if !(1..=100).contains(&page_size) || page < 1 {
        return Err(fail(
            "A00010",
            "page_size must be 1-100 and page at least 1",
        ));
    }
    let wanted: Option<Vec<&str>> = f
        .get("file_ids")
        .filter(|s| !s.is_empty())
        .map(|ids| ids.split(',').map(str::trim).collect());
    let now = s.clock().now_secs();
    let files = lock(&s.files);
    let mine: Vec<&FileRec> = files.values().filter(|r| !r.deleted).collect();
    let listed: Vec<Value> = mine
        .iter()
        .filter(|r| r.state_code(now, s.config.publish_secs) == "A00000")
        .filter(|r| {
            wanted
                .as_ref()
                .is_none_or(|w| w.contains(&r.file_id.as_str()))
        })
        .skip(((page - 1) * page_size) as usize)
        .take(page_size as usize)
        .map(|r| {
            let meta = r.meta.clone().unwrap_or_default();
            // As the provider does: some numbers come as strings, a key with a space.
            json!({
                "fileId": r.file_id,
                "fileName": meta.file_name,
                "createTime": r.created,
                "description": meta.description,
                "fileSize": r.size.to_string(),
                "fileStatus": 2,
                "playCount": "0",
                " duration": 10,
                " img": format!("{}/media/{}/cover.jpg", s.base_url, r.file_id),
                " originalImg": format!("{}/media/{}/original.jpg", s.base_url, r.file_id),
                " thumbnail": " ",
                " pageUrl": format!("{}/media/{}/page.html", s.base_url, r.file_id),
            })
        })
        .collect();
    Ok(json!({ "code": "A00000", "count": mine.len(), "data": listed }))
}

fn url_list(s: &Shared, f: &Fields) -> Result<Value, Fail> {
    let id = req(f, "file_id")?;
    let now = s.clock().now_secs();
    let files = lock(&s.files);
    match files.get(id) {
        Some(r) if r.state_code(now, s.config.publish_secs) == "A00000" => Ok(urls(s, id)),
        Some(_) => Err(fail("Q00001", "the video is not published yet")),
        None => Err(fail("Q00001", "no such video")),
    }
}

fn delete(s: &Shared, f: &Fields) -> Result<Value, Fail> {
    let kind = req(f, "delete_type")?;
    let mut files = lock(&s.files);
    match kind {
        "0" => files.values_mut().for_each(|r| r.deleted = true),
        "1" => {
            let ids = req(f, "file_ids")?;
            for id in ids.split(',').map(str::trim) {
                match files.get_mut(id) {
                    Some(r) if !r.deleted => r.deleted = true,
                    _ => return Err(fail("Q00001", format!("no such video: {id}"))),
                }
            }
        }
        _ => return Err(fail("Q00001", "delete_type must be 0 or 1")),
    }
    Ok(Value::Null)
}

async fn upload_host(
    State(shared): State<Arc<Shared>>,
    Path(op): Path<String>,
    method: Method,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    request: Request,
) -> Response {
    if shared.controls.arrive(&format!("/upload/{op}")).await {
        return (StatusCode::INTERNAL_SERVER_ERROR, "injected server error").into_response();
    }
    let f = match fields_of(&method, &headers, query, request, true).await {
        Ok(f) => f,
        Err(e) => return done(Err(e)),
    };
    if let Err(e) = check_token(&shared, &f) {
        return done(Err(e));
    }
    let result = match op.as_str() {
        "openupload" => open_upload(&shared, &f),
        "uploadfinish" => upload_finish(shared.clone(), f).await,
        "cancelupload" => cancel_upload(&shared, &f),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    done(result)
}

fn open_upload(s: &Shared, f: &Fields) -> Result<Value, Fail> {
    let filetype = req(f, "filetype")?.to_owned();
    let size: u64 = req(f, "filesize")?
        .parse()
        .map_err(|_| fail("A00010", "filesize must be a number"))?;
    if size == 0 {
        return Err(fail("A00010", "filesize must be positive"));
    }
    let id = s.new_id("file");
    let path = s.data_dir.join(format!("{id}.bin"));
    let file = std::fs::File::create(&path).map_err(|e| fail("Q00001", e.to_string()))?;
    file.set_len(size)
        .map_err(|e| fail("Q00001", e.to_string()))?;
    let rec = FileRec {
        file_id: id.clone(),
        filetype,
        size,
        path,
        created: s.clock().now_secs(),
        ranges: Vec::new(),
        chunks: BTreeMap::new(),
        meta: None,
        finished_at: None,
        finish_seq: None,
        md5: None,
        repeat_of: None,
        repeat_known: false,
        cancelled: false,
        deleted: false,
        external: s.upload_target.get().is_some(),
    };
    lock(&s.files).insert(id.clone(), rec);
    let upload_url = s
        .upload_target
        .url(&format!("{}/qichuan/upload", s.base_url), "");
    Ok(json!({ "upload_url": upload_url, "file_id": id }))
}

async fn upload_finish(s: Arc<Shared>, f: Fields) -> Result<Value, Fail> {
    if f.get("range_finished").map(String::as_str) != Some("true") {
        return Err(fail("A00010", "range_finished must be \"true\""));
    }
    let id = req(&f, "file_id")?.to_owned();
    let path = with_file(&s, &id, |rec| {
        if rec.cancelled {
            return Err(fail("A00010", "the upload was cancelled"));
        }
        if rec.meta.is_none() {
            return Err(fail(
                "A00010",
                "set the meta (file/info) before uploadfinish",
            ));
        }
        if rec.external {
            // The bytes went to the upload target; there is nothing to check.
            rec.finished_at.get_or_insert(s.clock().now_secs());
            return Ok(None);
        }
        if rec.covered() != rec.size {
            return Err(fail(
                "A00010",
                format!("only {} of {} bytes arrived", rec.covered(), rec.size),
            ));
        }
        Ok(Some(rec.path.clone()))
    })?;
    let Some(path) = path else {
        return Ok(Value::Null);
    };
    // The whole file's MD5 (for the repeat check and the control view) is
    // worked out after this answer, as the provider checks after the upload.
    let now = s.clock().now_secs();
    if let Some(rec) = lock(&s.files).get_mut(&id) {
        if rec.finish_seq.is_none() {
            rec.finish_seq = Some(s.next_finish());
            rec.md5 = Some(FileMd5::of(path));
        }
        rec.finished_at.get_or_insert(now);
    }
    Ok(Value::Null)
}

fn cancel_upload(s: &Shared, f: &Fields) -> Result<Value, Fail> {
    if f.get("status").map(String::as_str) != Some("2") {
        return Err(fail("A00010", "status must be 2"));
    }
    let id = req(f, "file_id")?;
    with_file(s, id, |rec| {
        rec.cancelled = true;
        Ok(Value::Null)
    })
}
