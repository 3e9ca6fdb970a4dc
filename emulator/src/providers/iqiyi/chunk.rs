//! Chunk POSTs (primary and backup hosts) and play URLs. A chunk carries
//! `file_id`, `file_size` and `range` = `START-END` (END **inclusive**) as
//! headers or multipart fields, and its bytes as the file part `file`;
//! bytes are written in place as they stream, so ranges may come in any
//! order and several at once.

use std::io::{Seek, SeekFrom};
use std::path::Path as FsPath;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use bytes::Bytes;
use md5::Digest;
use serde_json::json;

use super::envelope::envelope;
use super::state::Shared;
use crate::common::digest;
use crate::common::intake::{write_batch, Intake, Store};
use crate::common::lock::lock;
use crate::common::multipart::Multipart;

pub(crate) async fn primary(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    if s.controls.arrive("/qichuan/upload").await {
        return (StatusCode::INTERNAL_SERVER_ERROR, "injected server error").into_response();
    }
    if s.upload_faults().primary_down {
        return (StatusCode::SERVICE_UNAVAILABLE, "primary upload host down").into_response();
    }
    chunk(s, headers, multipart).await
}

pub(crate) async fn backup(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    if s.controls.arrive("/backup/upload").await {
        return (StatusCode::INTERNAL_SERVER_ERROR, "injected server error").into_response();
    }
    chunk(s, headers, multipart).await
}

fn bad(msg: impl Into<String>) -> Response {
    envelope("A00010", serde_json::Value::Null, &msg.into())
}

/// `START-END`, END inclusive and inside the file.
fn parse_range(text: &str, size: u64) -> Result<(u64, u64), String> {
    let bad =
        || format!("range must be START-END (inclusive, from 0) within {size} bytes: {text:?}");
    let (a, b) = text.trim().split_once('-').ok_or_else(bad)?;
    let (a, b): (u64, u64) = (
        a.trim().parse().map_err(|_| bad())?,
        b.trim().parse().map_err(|_| bad())?,
    );
    if a > b || b >= size {
        return Err(bad());
    }
    Ok((a, b))
}

async fn chunk(s: Arc<Shared>, headers: HeaderMap, mut multipart: Multipart) -> Response {
    let header = |k: &str| {
        headers
            .get(k)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let mut fields: std::collections::BTreeMap<String, String> = Default::default();
    loop {
        let part = match multipart.next_part().await {
            Ok(Some(p)) => p,
            Ok(None) => return bad("no file part named `file`"),
            Err(_) => return bad("malformed multipart body"),
        };
        if part.name != "file" {
            match multipart.text().await {
                Ok(t) => {
                    fields.insert(part.name, t);
                }
                Err(_) => return bad("malformed multipart body"),
            }
            continue;
        }
        let get = |k: &str| header(k).or_else(|| fields.get(k).cloned());
        let (Some(id), Some(size), Some(range)) = (get("file_id"), get("file_size"), get("range"))
        else {
            return bad("file_id, file_size and range are required");
        };
        let prepared = {
            let mut files = lock(&s.files);
            match files.get_mut(&id) {
                Some(r) if !r.deleted && !r.cancelled && r.finished_at.is_none() => {
                    if size.trim().parse::<u64>().ok() != Some(r.size) {
                        Err(bad("file_size differs from openupload's filesize"))
                    } else {
                        match parse_range(&range, r.size) {
                            Ok((a, b)) => {
                                *r.chunks.entry(a).or_default() += 1;
                                Ok((a, b, r.path.clone()))
                            }
                            Err(m) => Err(bad(m)),
                        }
                    }
                }
                _ => Err(envelope(
                    "A00005",
                    serde_json::Value::Null,
                    "非法的 file_id",
                )),
            }
        };
        let (start, end, path) = match prepared {
            Ok(p) => p,
            Err(r) => return r,
        };
        let want = end - start + 1;
        let mut got = 0u64;
        let mut intake = Intake::start(None, move || RangeWriter::open(&path, start));
        loop {
            let bytes = match multipart.chunk().await {
                Ok(Some(b)) => b,
                Ok(None) => break,
                Err(_) => {
                    let _ = intake.finish().await;
                    return bad("the body was cut short");
                }
            };
            if got + bytes.len() as u64 > want {
                let _ = intake.finish().await;
                return bad("the part is longer than its range");
            }
            got += bytes.len() as u64;
            s.controls.requests.received(bytes.len() as u64);
            if intake.push(bytes).await.is_err() {
                return (StatusCode::INTERNAL_SERVER_ERROR, "storage failed").into_response();
            }
        }
        let mut md5 = match intake.finish().await {
            Ok(md5) => md5,
            Err(e) => return (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
        };
        if got != want {
            // An exclusive END (the document's own "0-512, 513-1023" slip) lands here.
            return bad(format!("range {range} is {want} bytes but {got} arrived"));
        }
        let corrupt = lock(&s.faults).take_corrupt_range();
        if corrupt {
            // Fault: the server says it stored other bytes; the range is not kept.
            md5 = digest::md5_hex(md5.as_bytes());
        } else if let Some(r) = lock(&s.files).get_mut(&id) {
            r.ranges.push(start..end + 1);
        }
        let expire = lock(&s.faults).take_token_expiry();
        if expire {
            s.expire_tokens();
        }
        return Json(json!({
            "code": "A00000",
            "range_md5": md5,
            "file_range_accepted": got,
            "file_id": id,
        }))
        .into_response();
    }
}

/// Writes one range in place (on the writer's thread) and hashes it: the
/// answer carries the range's MD5.
struct RangeWriter {
    file: std::fs::File,
    hasher: md5::Md5,
}

impl RangeWriter {
    fn open(path: &FsPath, start: u64) -> std::io::Result<RangeWriter> {
        let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
        file.seek(SeekFrom::Start(start))?;
        Ok(RangeWriter {
            file,
            hasher: md5::Md5::new(),
        })
    }
}

impl Store for RangeWriter {
    /// The range's MD5, hex.
    type Done = String;

    fn put(&mut self, batch: &[Bytes]) -> std::io::Result<()> {
        write_batch(&mut self.file, batch)?;
        for b in batch {
            self.hasher.update(b);
        }
        Ok(())
    }

    fn done(self) -> std::io::Result<String> {
        Ok(digest::hex(&self.hasher.finalize()))
    }
}

/// `GET /media/{file_id}/{definition}.mp4` serves the stored bytes, with
/// Range and a strong ETag as a CDN does (so a video can be copied by its
/// play URL, and the copy resumed); `.m3u8` a playlist of the mp4.
pub(crate) async fn media(
    State(s): State<Arc<Shared>>,
    Path((id, name)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let path = {
        let files = lock(&s.files);
        match files.get(&id) {
            Some(r) if !r.deleted && r.finished_at.is_some() => r.path.clone(),
            _ => return StatusCode::NOT_FOUND.into_response(),
        }
    };
    if name.ends_with(".m3u8") {
        let body = format!(
            "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n{}/media/{id}/1.mp4\n#EXT-X-ENDLIST\n",
            s.base_url
        );
        return (
            [(header::CONTENT_TYPE, "application/vnd.apple.mpegurl")],
            body,
        )
            .into_response();
    }
    if !name.ends_with(".mp4") {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::File::open(&path).await {
        Ok(f) => {
            let mut response = crate::common::ranged::serve_file(f, &id, &headers).await;
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                "video/mp4".parse().expect("a header value"),
            );
            response
        }
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}
