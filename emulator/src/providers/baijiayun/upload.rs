//! getUploadUrl, getResumeUploadUrl and the upload endpoint itself.
//!
//! The upload endpoint takes the file as multipart (field `data`, or `file`),
//! whole or as ranged parts (`Content-Range: bytes START-END/TOTAL`, END
//! inclusive) appended in order. Bytes are written and hashed as they arrive,
//! so a dropped connection leaves exactly what arrived, and
//! getResumeUploadUrl reports it as `upload_size`.

use std::io::{Seek, SeekFrom};
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use bytes::Bytes;
use serde_json::{json, Value};

use super::request::{ApiError, Handler, Req};
use super::state::Shared;
use super::store::video::{Video, UPLOADING};
use super::video::with_video;
use crate::common::intake::{write_batch, Intake, Store};
use crate::common::lock::lock;
use crate::common::multipart::Multipart;
use crate::common::server::ConnKill;

pub const HANDLERS: &[(&str, Handler)] = &[
    ("video/getUploadUrl", get_upload_url),
    ("video/getResumeUploadUrl", get_resume_upload_url),
];

fn flag(req: &Req, key: &str, allowed: &[i64]) -> Result<Option<i64>, ApiError> {
    match req.opt_i64(key)? {
        Some(v) if !allowed.contains(&v) => {
            Err(ApiError::param(format!("{key} must be one of {allowed:?}")))
        }
        v => Ok(v),
    }
}

fn upload_url(shared: &Shared, v: &Video, https: bool) -> String {
    let base = shared.base_url();
    // The emulator only speaks http; `use_https=1` is recorded, not honoured.
    let _ = https;
    let query = format!(
        "fid={}&ts={}&token={}",
        v.id,
        shared.clock().now_secs(),
        v.upload_token
    );
    shared.upload_target.url(&format!("{base}/upload"), &query)
}

fn get_upload_url(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let file_name = req.str("file_name")?.to_owned();
    let definitions = req
        .bits("definition", &[16, 1, 2, 4, 8])?
        .ok_or_else(|| ApiError::param("definition is required"))?;
    let formats = req.bits("format", &[1, 2, 4])?;
    let audio = flag(req, "audio_with_view", &[0, 1])?.unwrap_or(0) == 1;
    let encrypt = flag(req, "encrypt", &[1, 2])?.unwrap_or(2) == 1;
    let https = flag(req, "use_https", &[0, 1])?.unwrap_or(0) == 1;
    let watermark_pos = flag(req, "watermark_pos", &[1, 2, 3, 4])?;
    let callback_url = req
        .opt("callback_url")
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    if let Some(url) = &callback_url {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(ApiError::param(
                "callback_url must start with http:// or https://",
            ));
        }
    }
    let id = 100_000
        + shared
            .next_video_id
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let now = shared.clock().now_secs();
    let path = shared.data_dir.join(format!("video-{id}.bin"));
    std::fs::File::create(&path)
        .map_err(|e| ApiError::new(4001, format!("storage failed: {e}")))?;
    let mut v = Video::new(id, file_name, path, now);
    v.definitions = definitions;
    if let Some(f) = formats {
        v.formats = f;
    }
    v.audio_with_view = audio;
    v.encrypt = encrypt;
    v.watermark = req
        .opt("watermark")
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    v.watermark_pos = watermark_pos.map(|p| p.to_string());
    v.callback_url = callback_url;
    v.use_https.push(https);
    let url = upload_url(shared, &v, https);
    lock(&shared.videos).insert(id, v);
    Ok(json!({ "video_id": id, "upload_url": url }))
}

fn get_resume_upload_url(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let id = req.i64("video_id")?;
    let https = flag(req, "use_https", &[0, 1])?.unwrap_or(0) == 1;
    // `upload_size` counts every byte that arrived: a writer whose client
    // went away may still be storing its last ones.
    let gate = lock(&shared.videos).get(&id).map(|v| v.intake.clone());
    if let Some(gate) = gate {
        gate.settle();
    }
    with_video(shared, id, |v| {
        v.use_https.push(https);
        if v.status != UPLOADING {
            return Err(ApiError::new(
                4001,
                format!("video {id} is not uploading (status {})", v.status),
            ));
        }
        Ok(
            json!({ "video_id": id, "upload_url": upload_url(shared, v, https), "upload_size": v.received }),
        )
    })
}

#[derive(serde::Deserialize)]
pub(crate) struct UploadQuery {
    fid: Option<i64>,
    token: Option<String>,
}

fn reply(status: StatusCode, code: i64, msg: &str, extra: Option<Value>) -> Response {
    let mut body = json!({ "code": code, "msg": msg });
    if let Some(data) = extra {
        body["data"] = data;
    }
    (status, Json(body)).into_response()
}

/// The answer when the multipart body ends before it should (the client went away).
fn cut_short() -> Response {
    reply(
        StatusCode::BAD_REQUEST,
        4001,
        "the body was cut short",
        None,
    )
}

/// `Content-Range: bytes START-END/TOTAL` → (start, end inclusive, total).
fn content_range(headers: &HeaderMap) -> Result<Option<(u64, u64, u64)>, String> {
    let Some(raw) = headers.get("content-range") else {
        return Ok(None);
    };
    let bad = || "Content-Range must be `bytes START-END/TOTAL`".to_owned();
    let raw = raw.to_str().map_err(|_| bad())?.trim();
    let rest = raw.strip_prefix("bytes ").ok_or_else(bad)?;
    let (range, total) = rest.split_once('/').ok_or_else(bad)?;
    let (start, end) = range.split_once('-').ok_or_else(bad)?;
    let (start, end, total): (u64, u64, u64) = (
        start.trim().parse().map_err(|_| bad())?,
        end.trim().parse().map_err(|_| bad())?,
        total.trim().parse().map_err(|_| bad())?,
    );
    if start > end || end >= total {
        return Err(bad());
    }
    Ok(Some((start, end, total)))
}

/// `POST /upload?fid=…&token=…`: the file, whole or one ranged part.
pub(crate) async fn upload_file(
    State(shared): State<Arc<Shared>>,
    Extension(kill): Extension<ConnKill>,
    Query(q): Query<UploadQuery>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    if shared.controls.arrive("/upload").await {
        return reply(
            StatusCode::INTERNAL_SERVER_ERROR,
            500,
            "injected server error",
            None,
        );
    }
    let range = match content_range(&headers) {
        Ok(r) => r,
        Err(msg) => return reply(StatusCode::BAD_REQUEST, 4001, &msg, None),
    };
    let (Some(id), Some(token)) = (q.fid, q.token) else {
        return reply(
            StatusCode::BAD_REQUEST,
            4001,
            "fid and token are required",
            None,
        );
    };
    // An earlier request's writer may still be storing its last bytes (its
    // client went away): the range check below needs them counted.
    let gate = lock(&shared.videos).get(&id).map(|v| v.intake.clone());
    if let Some(gate) = &gate {
        let gate = gate.clone();
        let _ = tokio::task::spawn_blocking(move || gate.wait_idle()).await;
    }
    // Check the token and the range against what is held.
    let prepared = {
        let mut videos = lock(&shared.videos);
        match videos.get_mut(&id) {
            None => Err((StatusCode::NOT_FOUND, "no such upload")),
            Some(v) if v.upload_token != token => {
                Err((StatusCode::FORBIDDEN, "invalid upload token"))
            }
            Some(v) if v.status != UPLOADING => {
                Err((StatusCode::CONFLICT, "the upload is already complete"))
            }
            Some(v) => {
                v.upload_requests += 1;
                v.ranged_requests += u32::from(range.is_some());
                match range {
                    Some((start, _, total)) => {
                        if v.total_size.is_some_and(|t| t != total) {
                            Err((StatusCode::CONFLICT, "TOTAL differs from earlier parts"))
                        } else if start != v.received {
                            Err((
                                StatusCode::CONFLICT,
                                "range start does not match upload_size",
                            ))
                        } else {
                            v.total_size = Some(total);
                            Ok((v.path.clone(), v.received, v.intake.clone()))
                        }
                    }
                    None => {
                        // A whole-file upload starts over.
                        v.received = 0;
                        v.total_size = None;
                        Ok((v.path.clone(), 0, v.intake.clone()))
                    }
                }
            }
        }
    };
    let (path, offset, gate) = match prepared {
        Ok(p) => p,
        Err((status, msg)) => return reply(status, 4001, msg, None),
    };
    let mut intake = Intake::start(Some(gate.clone()), {
        let shared = shared.clone();
        move || Appender::open(shared, id, &path, offset)
    });
    let spared = shared.controls.faults.take_spare_upload();
    let drop_after = if spared {
        None
    } else {
        shared.controls.faults.take_drop()
    };
    let mut this_request: u64 = 0;
    let mut saw_file = false;
    // The file's last bytes so far, not stored yet: a streaming multipart
    // parser cannot tell them from the start of the closing delimiter
    // (`\r\n--boundary`) until more arrives, so a body cut off mid-file does
    // not keep them. Nor does a body cut off after the delimiter that ends
    // the file but before the body's end (a client killed just then, or a
    // field after the file cut short): they are stored only once the body is
    // whole, as only then is the upload complete. A cut upload therefore
    // never holds all its bytes without being complete (a resume would find
    // nothing left to send, and the video would stay uploading); the
    // client's resume sends its end again, which completes it.
    let mut unconfirmed = Bytes::new();
    loop {
        let part = match multipart.next_part().await {
            Ok(Some(p)) => p,
            // The closing boundary arrived: the held bytes were the file's
            // (stored below).
            Ok(None) => break,
            // The client went away: keep what arrived, but for the held bytes.
            Err(_) => {
                let _ = intake.finish().await;
                return cut_short();
            }
        };
        if part.name != "data" && part.name != "file" {
            continue;
        }
        // A second file part is appended to the first: its held bytes go first.
        if !unconfirmed.is_empty() && intake.push(std::mem::take(&mut unconfirmed)).await.is_err() {
            return storage_failed();
        }
        saw_file = true;
        loop {
            let mut chunk = match multipart.chunk().await {
                Ok(Some(c)) => c,
                // The delimiter arrived: the held bytes were the file's,
                // stored once the body is whole (below).
                Ok(None) => break,
                Err(_) => {
                    let _ = intake.finish().await;
                    return cut_short();
                }
            };
            let mut cut = false;
            // The drop lands right at the end of the file (no byte of it is
            // left): see below.
            let mut at_end = false;
            if let Some(limit) = drop_after {
                if this_request + chunk.len() as u64 >= limit {
                    let keep = (limit - this_request) as usize;
                    at_end = keep == chunk.len() && matches!(multipart.chunk().await, Ok(None));
                    chunk.truncate(keep);
                    cut = true;
                }
            }
            if let Some((_, end, _)) = range {
                if offset + this_request + chunk.len() as u64 > end + 1 {
                    let _ = intake.finish().await;
                    return reply(
                        StatusCode::BAD_REQUEST,
                        4001,
                        "the part is longer than its Content-Range",
                        None,
                    );
                }
            }
            this_request += chunk.len() as u64;
            shared.controls.requests.received(chunk.len() as u64);
            if !unconfirmed.is_empty()
                && intake.push(std::mem::take(&mut unconfirmed)).await.is_err()
            {
                return storage_failed();
            }
            if !cut {
                unconfirmed = chunk.split_off(chunk.len() - chunk.len().min(DELIMITER_MAX));
            } else if at_end {
                // A drop keeps the bytes before it, but not the file's end
                // (no closing boundary came, as for a body cut short): kept,
                // they would make the file whole with the upload incomplete
                // and nothing left for a resume to send.
                let _ = chunk.split_off(chunk.len() - chunk.len().min(DELIMITER_MAX));
            }
            if !chunk.is_empty() && intake.push(chunk).await.is_err() {
                return storage_failed();
            }
            if cut {
                // Fault: cut the TCP connection with no answer, once what
                // arrived is stored.
                let _ = intake.finish().await;
                kill.0.notify_one();
                std::future::pending::<()>().await;
            }
        }
    }
    // The body arrived whole: the upload is complete once its bytes are
    // stored, whether or not the client is still there for the answer. A
    // client gone (killed after its last byte) makes hyper drop this handler
    // at its next await, which would leave every byte stored and the video
    // still uploading, with nothing a resume could send to complete it. So
    // the rest runs in a task of its own, and the gate keeps readers of the
    // record (getResumeUploadUrl, the next part) waiting until it is done.
    let ending = gate.ending();
    let completion = tokio::spawn({
        let shared = shared.clone();
        async move {
            let _ending = ending;
            if !unconfirmed.is_empty() && intake.push(unconfirmed).await.is_err() {
                return storage_failed();
            }
            if intake.finish().await.is_err() {
                return storage_failed();
            }
            if !saw_file {
                return reply(
                    StatusCode::BAD_REQUEST,
                    4001,
                    "no file part named `data`",
                    None,
                );
            }
            let now = shared.clock().now_secs();
            let mut videos = lock(&shared.videos);
            match videos.get_mut(&id) {
                None => reply(
                    StatusCode::NOT_FOUND,
                    4001,
                    "the video was deleted during the upload",
                    None,
                ),
                Some(v) => finish(v, range, now),
            }
        }
    });
    let answer = completion.await.unwrap_or_else(|_| storage_failed());
    if !spared && shared.controls.faults.take_drop_answer() {
        // Fault: the work is done, the acknowledgement is lost.
        kill.0.notify_one();
        std::future::pending::<()>().await;
    }
    answer
}

/// The answer when the upload's bytes could not be stored.
fn storage_failed() -> Response {
    reply(
        StatusCode::INTERNAL_SERVER_ERROR,
        4001,
        "storage failed",
        None,
    )
}

/// Appends an upload's bytes to its file (on the writer's thread) and
/// counts them in the video's record as they are stored.
struct Appender {
    shared: Arc<Shared>,
    id: i64,
    file: std::fs::File,
}

impl Appender {
    /// The file cut back to `offset`, bytes held (what was there beyond it
    /// was never acknowledged), ready to append.
    fn open(
        shared: Arc<Shared>,
        id: i64,
        path: &std::path::Path,
        offset: u64,
    ) -> std::io::Result<Appender> {
        let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
        file.set_len(offset)?;
        file.seek(SeekFrom::Start(offset))?;
        Ok(Appender { shared, id, file })
    }
}

impl Store for Appender {
    type Done = ();

    fn put(&mut self, batch: &[Bytes]) -> std::io::Result<()> {
        write_batch(&mut self.file, batch)?;
        let n: usize = batch.iter().map(Bytes::len).sum();
        if let Some(v) = lock(&self.shared.videos).get_mut(&self.id) {
            v.received += n as u64;
        }
        Ok(())
    }

    fn done(self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The longest multipart delimiter: `\r\n--` and a boundary of up to 70
/// characters (RFC 2046).
const DELIMITER_MAX: usize = 74;

/// Answers a part that arrived whole; completes the upload with its last part.
fn finish(v: &mut Video, range: Option<(u64, u64, u64)>, now: i64) -> Response {
    if let Some((_, end, total)) = range {
        if v.received != end + 1 {
            return reply(
                StatusCode::BAD_REQUEST,
                4001,
                "the part is shorter than its Content-Range",
                None,
            );
        }
        if v.received < total {
            return reply(
                StatusCode::OK,
                1,
                "success",
                Some(json!({ "upload_size": v.received })),
            );
        }
    }
    v.finish_upload(now);
    reply(
        StatusCode::OK,
        1,
        "success",
        Some(json!({ "upload_size": v.received })),
    )
}
