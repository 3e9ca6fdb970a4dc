//! Serving stored bytes as a CDN does: a strong ETag, `Accept-Ranges`, and
//! `Range: bytes=A-B` / `bytes=A-` answered with 206 and `Content-Range`
//! (an `If-Range` naming another ETag gets the whole file, 200), so a client
//! can copy a video by its play URL and resume that copy. Every provider's
//! play URLs go through here.

use axum::body::Body;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use tokio::io::{AsyncRead, AsyncSeek, AsyncSeekExt};

/// The `len` bytes of `reader`, whole (200) or the range `headers` ask for
/// (206), under `etag` (quoted, as sent).
pub async fn serve<R>(mut reader: R, len: u64, etag: String, headers: &HeaderMap) -> Response
where
    R: AsyncRead + AsyncSeek + Unpin + Send + 'static,
{
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let range = text(header::RANGE)
        .filter(|_| text(header::IF_RANGE).is_none_or(|v| v == etag))
        .and_then(|r| r.strip_prefix("bytes="))
        .and_then(|r| r.split_once('-'))
        .map(|(a, b)| (a.trim().parse::<u64>().ok(), b.trim()));
    let stream = |reader, n: u64| {
        Body::from_stream(tokio_util::io::ReaderStream::with_capacity(
            tokio::io::AsyncReadExt::take(reader, n),
            256 * 1024,
        ))
    };
    let Some((Some(first), last)) = range else {
        return (
            [
                (header::CONTENT_LENGTH, len.to_string()),
                (header::ETAG, etag),
                (header::ACCEPT_RANGES, "bytes".to_owned()),
            ],
            stream(reader, len),
        )
            .into_response();
    };
    let last = match last {
        "" => len.saturating_sub(1),
        l => match l.parse::<u64>() {
            Ok(l) => l.min(len.saturating_sub(1)),
            Err(_) => return StatusCode::BAD_REQUEST.into_response(),
        },
    };
    if first >= len || last < first {
        return (
            StatusCode::RANGE_NOT_SATISFIABLE,
            [(header::CONTENT_RANGE, format!("bytes */{len}"))],
        )
            .into_response();
    }
    if reader.seek(std::io::SeekFrom::Start(first)).await.is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        StatusCode::PARTIAL_CONTENT,
        [
            (header::CONTENT_LENGTH, (last - first + 1).to_string()),
            (header::CONTENT_RANGE, format!("bytes {first}-{last}/{len}")),
            (header::ETAG, etag),
        ],
        stream(reader, last - first + 1),
    )
        .into_response()
}

/// A stored file, served by [`serve`] under an ETag that changes whenever
/// the file does (its length and modification time, after `tag`).
pub async fn serve_file(file: tokio::fs::File, tag: &str, headers: &HeaderMap) -> Response {
    let meta = file.metadata().await.ok();
    let len = meta.as_ref().map(|m| m.len()).unwrap_or(0);
    let modified = meta
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    serve(file, len, format!("\"{tag}-{len}-{modified:x}\""), headers).await
}
