//! A streaming `multipart/form-data` reader that hands out the request
//! body's own frames: a part's bytes are `Bytes` slices of what hyper read
//! off the socket, never copied. (axum's `Multipart`, through multer,
//! copied every byte into buffers of its own; at upload speed that copy was
//! an eighth of the emulator's CPU.)
//!
//! [`Parser`] is the format alone, fed frames by whoever has them (its
//! tests feed every way of splitting a body); [`Multipart`] drives it from
//! a request. Only where a delimiter line or a header block straddles two
//! frames are a few bytes copied to join them.

use std::collections::VecDeque;

use axum::body::Body;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::RequestExt;
use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt;
use memchr::memmem;

/// A part's header block larger than this is refused (a real one is a
/// few hundred bytes).
const MAX_HEADER_BLOCK: usize = 16 * 1024;

/// Bytes copied from the next frame at a time when a header block or a
/// delimiter line runs over a frame's end.
const JOIN: usize = 1024;

/// What a body may still carry after its closing boundary that is read
/// and discarded (so the connection stays usable); beyond it, left unread.
const MAX_EPILOGUE: usize = 1 << 20;

/// Why a body is not readable multipart; the message is safe to send back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultipartError(pub String);

impl MultipartError {
    fn new(msg: impl Into<String>) -> Self {
        MultipartError(msg.into())
    }
}

impl std::fmt::Display for MultipartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MultipartError {}

/// A part's headers, as far as form data needs them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PartHead {
    /// `Content-Disposition`'s `name` (empty when there is none).
    pub name: String,
    /// `Content-Disposition`'s `filename`: present for file parts.
    pub file_name: Option<String>,
}

/// What the parser found next.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// A part starts.
    Part(PartHead),
    /// The current part's next bytes (never empty).
    Data(Bytes),
    /// The current part's bytes are all out.
    PartEnd,
    /// The closing boundary: no more parts.
    End,
    /// [`Parser::feed`] the next frame (or [`Parser::end_input`]).
    NeedMore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before the first delimiter: discarded.
    Preamble,
    /// A part's content.
    Body,
    /// Just past a delimiter: `--` (the end) or the line's CRLF.
    AfterDelimiter,
    /// The header block, starting with the delimiter line's CRLF.
    Headers,
    /// Past the closing delimiter: the epilogue, discarded.
    Done,
}

/// The multipart format over a sequence of frames, without I/O.
pub struct Parser {
    /// `CRLF--boundary`: what ends every part (and, with a CRLF put in
    /// front of the body, also begins the first).
    delimiter: Box<[u8]>,
    finder: memmem::Finder<'static>,
    /// Unread input, in order; no frame is empty.
    input: VecDeque<Bytes>,
    /// No frame comes after those in `input`.
    ended: bool,
    state: State,
}

impl Parser {
    /// A parser for bodies with this boundary (Content-Type's parameter).
    pub fn new(boundary: &str) -> Result<Parser, MultipartError> {
        // RFC 2046: 1 to 70 characters; a little slack for lax clients.
        if boundary.is_empty() || boundary.len() > 200 || boundary.contains(['\r', '\n']) {
            return Err(MultipartError::new("invalid multipart boundary"));
        }
        let delimiter: Box<[u8]> = format!("\r\n--{boundary}").into_bytes().into();
        let finder = memmem::Finder::new(&delimiter[..]).into_owned();
        Ok(Parser {
            delimiter,
            finder,
            input: VecDeque::from([Bytes::from_static(b"\r\n")]),
            ended: false,
            state: State::Preamble,
        })
    }

    /// The body's next bytes.
    pub fn feed(&mut self, frame: Bytes) {
        if !frame.is_empty() && self.state != State::Done {
            self.input.push_back(frame);
        }
    }

    /// The body has no more bytes.
    pub fn end_input(&mut self) {
        self.ended = true;
    }

    /// The next thing in the body, or [`Step::NeedMore`].
    pub fn step(&mut self) -> Result<Step, MultipartError> {
        loop {
            match self.state {
                State::Done => {
                    self.input.clear();
                    return Ok(Step::End);
                }
                State::Preamble | State::Body => match self.scan()? {
                    Scan::Data(bytes) if self.state == State::Body => return Ok(Step::Data(bytes)),
                    Scan::Data(_) => {}
                    Scan::Delimiter => {
                        let was_body = self.state == State::Body;
                        self.state = State::AfterDelimiter;
                        if was_body {
                            return Ok(Step::PartEnd);
                        }
                    }
                    Scan::NeedMore => return self.need_more(),
                },
                State::AfterDelimiter => {
                    if !self.after_delimiter()? {
                        return self.need_more();
                    }
                }
                State::Headers => match self.headers()? {
                    Some(head) => {
                        self.state = State::Body;
                        return Ok(Step::Part(head));
                    }
                    None => return self.need_more(),
                },
            }
        }
    }

    fn need_more(&self) -> Result<Step, MultipartError> {
        if self.ended {
            Err(MultipartError::new(
                "the body ended before the closing boundary",
            ))
        } else {
            Ok(Step::NeedMore)
        }
    }

    /// A part's content (or the preamble) up to the next delimiter. Hands
    /// out slices of the frames; the bytes at a frame's end that may begin
    /// a delimiter are held back until the next frame says whether they do.
    fn scan(&mut self) -> Result<Scan, MultipartError> {
        let dl = self.delimiter.len();
        loop {
            let Some(front) = self.input.front_mut() else {
                return Ok(Scan::NeedMore);
            };
            if let Some(p) = self.finder.find(front) {
                if p > 0 {
                    return Ok(Scan::Data(front.split_to(p)));
                }
                self.consume(dl);
                return Ok(Scan::Delimiter);
            }
            let Some(i) = partial_start(front, &self.delimiter, 0) else {
                let all = self.input.pop_front().unwrap_or_default();
                return Ok(Scan::Data(all));
            };
            if i > 0 {
                return Ok(Scan::Data(front.split_to(i)));
            }
            // The whole front (shorter than a delimiter) may begin one: the
            // next frame decides.
            let have = front.len();
            let Some(next) = self.input.get(1) else {
                return Ok(Scan::NeedMore);
            };
            let need = dl - have;
            if next.len() < need {
                // Both are shorter than a delimiter: join them and look again.
                self.join_front(next.len());
                continue;
            }
            if next[..need] == self.delimiter[have..] {
                self.consume(dl);
                return Ok(Scan::Delimiter);
            }
            // Not a delimiter at the front's first byte; maybe at a later one.
            let front = &mut self.input[0];
            let j = partial_start(front, &self.delimiter, 1).unwrap_or(front.len());
            let data = front.split_to(j);
            if front.is_empty() {
                self.input.pop_front();
            }
            return Ok(Scan::Data(data));
        }
    }

    /// Past a delimiter: `--` ends the body; otherwise optional blanks and
    /// the line's CRLF, which is kept as the header block's start.
    /// `false`: more input is needed.
    fn after_delimiter(&mut self) -> Result<bool, MultipartError> {
        loop {
            let front: &[u8] = self.input.front().map_or(&[], |f| &f[..]);
            if front.starts_with(b"--") {
                self.state = State::Done;
                self.input.clear();
                return Ok(true);
            }
            let blanks = front
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
            if blanks + 2 <= front.len() {
                if &front[blanks..blanks + 2] != b"\r\n" {
                    return Err(MultipartError::new("malformed multipart boundary line"));
                }
                self.consume(blanks);
                self.state = State::Headers;
                return Ok(true);
            }
            // Only blanks so far, or a lone `-`: too short to tell.
            if front.len() > MAX_HEADER_BLOCK {
                return Err(MultipartError::new("malformed multipart boundary line"));
            }
            if !self.join_next() {
                return Ok(false);
            }
        }
    }

    /// The header block (from the delimiter line's CRLF to the blank line).
    /// `None`: more input is needed.
    fn headers(&mut self) -> Result<Option<PartHead>, MultipartError> {
        loop {
            let front: &[u8] = self.input.front().map_or(&[], |f| &f[..]);
            let end = memmem::find(front, b"\r\n\r\n");
            if end.unwrap_or(front.len()) > MAX_HEADER_BLOCK {
                return Err(MultipartError::new("a part's headers are too large"));
            }
            if let Some(p) = end {
                // p == 0: no headers at all.
                let block = if p == 0 { &[][..] } else { &front[2..p] };
                let head = parse_head(block)?;
                self.consume(p + 4);
                return Ok(Some(head));
            }
            if !self.join_next() {
                return Ok(None);
            }
        }
    }

    /// Drops `n` bytes from the start of the input (they are there).
    fn consume(&mut self, mut n: usize) {
        while n > 0 {
            let Some(front) = self.input.front_mut() else {
                return;
            };
            if front.len() > n {
                let _ = front.split_to(n);
                return;
            }
            n -= front.len();
            self.input.pop_front();
        }
    }

    /// Copies up to [`JOIN`] bytes of the second frame onto the first.
    /// `false`: there is no second frame.
    fn join_next(&mut self) -> bool {
        match self.input.get(1) {
            Some(next) => {
                let n = next.len().min(JOIN);
                self.join_front(n);
                true
            }
            None => false,
        }
    }

    /// Copies the second frame's first `n` bytes onto the first frame.
    fn join_front(&mut self, n: usize) {
        let (Some(front), Some(next)) = (self.input.pop_front(), self.input.front_mut()) else {
            return;
        };
        let mut joined = BytesMut::with_capacity(front.len() + n);
        joined.extend_from_slice(&front);
        joined.extend_from_slice(&next.split_to(n));
        if next.is_empty() {
            self.input.pop_front();
        }
        self.input.push_front(joined.freeze());
    }
}

enum Scan {
    Data(Bytes),
    Delimiter,
    NeedMore,
}

/// The first position at or after `from` where `hay`'s rest is a proper
/// beginning of `delimiter` (a delimiter that the next frame may complete).
fn partial_start(hay: &[u8], delimiter: &[u8], from: usize) -> Option<usize> {
    let lo = from.max(hay.len().saturating_sub(delimiter.len() - 1));
    let first = delimiter[0];
    memchr::memchr_iter(first, hay.get(lo..)?)
        .map(|k| lo + k)
        .find(|&k| delimiter.starts_with(&hay[k..]))
}

/// `Content-Disposition`'s name and filename from a header block (lines
/// separated by CRLF, without the blank line).
fn parse_head(block: &[u8]) -> Result<PartHead, MultipartError> {
    let text = std::str::from_utf8(block)
        .map_err(|_| MultipartError::new("a part's headers are not UTF-8"))?;
    let mut head = PartHead::default();
    for line in text.split("\r\n").filter(|_| !text.is_empty()) {
        let Some((name, value)) = line.split_once(':') else {
            return Err(MultipartError::new(format!(
                "malformed part header {line:?}"
            )));
        };
        if !name.trim().eq_ignore_ascii_case("content-disposition") {
            continue;
        }
        for (key, value) in params(value) {
            match key.as_str() {
                "name" => head.name = value,
                "filename" => head.file_name = Some(value),
                _ => {}
            }
        }
    }
    Ok(head)
}

/// A header value's `; key=value` parameters (after its first item), keys
/// lowercased, quoted values unquoted.
pub(crate) fn params(value: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some((_, mut rest)) = value.split_once(';') else {
        return out;
    };
    loop {
        rest = rest.trim_start_matches([' ', '\t', ';']);
        let Some(i) = rest.find(['=', ';']) else {
            break;
        };
        if rest.as_bytes()[i] == b';' {
            rest = &rest[i..];
            continue;
        }
        let key = rest[..i].trim().to_ascii_lowercase();
        rest = rest[i + 1..].trim_start_matches([' ', '\t']);
        let value = if let Some(quoted) = rest.strip_prefix('"') {
            let mut value = String::new();
            let mut chars = quoted.char_indices();
            let mut end = quoted.len();
            while let Some((k, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, escaped)) = chars.next() {
                            value.push(escaped);
                        }
                    }
                    '"' => {
                        end = k + 1;
                        break;
                    }
                    c => value.push(c),
                }
            }
            rest = &quoted[end..];
            value
        } else {
            let j = rest.find(';').unwrap_or(rest.len());
            let v = rest[..j].trim().to_owned();
            rest = &rest[j..];
            v
        };
        out.push((key, value));
    }
    out
}

/// The boundary of a `multipart/form-data` request.
pub(crate) fn boundary(headers: &HeaderMap) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let kind = content_type.split(';').next()?.trim();
    if !kind.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params(content_type)
        .into_iter()
        .find(|(k, _)| k == "boundary")
        .map(|(_, v)| v)
}

/// A request's multipart body, read part by part as it arrives.
pub struct Multipart {
    body: Body,
    parser: Parser,
    /// A part's bytes are being read ([`Multipart::chunk`] has more).
    in_part: bool,
}

impl Multipart {
    /// Reads `body`, whose Content-Type gave `boundary`.
    pub fn new(body: Body, boundary: &str) -> Result<Multipart, MultipartError> {
        Ok(Multipart {
            body,
            parser: Parser::new(boundary)?,
            in_part: false,
        })
    }

    /// The next part's headers (skipping what is left of the current
    /// part), or `None` after the closing boundary.
    pub async fn next_part(&mut self) -> Result<Option<PartHead>, MultipartError> {
        self.in_part = false;
        loop {
            match self.parser.step()? {
                Step::Part(head) => {
                    self.in_part = true;
                    return Ok(Some(head));
                }
                Step::Data(_) | Step::PartEnd => {}
                Step::End => {
                    self.drain_epilogue().await;
                    return Ok(None);
                }
                Step::NeedMore => self.pull().await?,
            }
        }
    }

    /// The current part's next bytes, as they arrived; `None` at its end.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, MultipartError> {
        while self.in_part {
            match self.parser.step()? {
                Step::Data(bytes) => return Ok(Some(bytes)),
                Step::NeedMore => self.pull().await?,
                Step::PartEnd | Step::Part(_) | Step::End => self.in_part = false,
            }
        }
        Ok(None)
    }

    /// The rest of the current part.
    pub async fn bytes(&mut self) -> Result<Vec<u8>, MultipartError> {
        let mut all = Vec::new();
        while let Some(chunk) = self.chunk().await? {
            all.extend_from_slice(&chunk);
        }
        Ok(all)
    }

    /// The rest of the current part, as text.
    pub async fn text(&mut self) -> Result<String, MultipartError> {
        String::from_utf8(self.bytes().await?)
            .map_err(|_| MultipartError::new("a form field is not UTF-8"))
    }

    /// Hands the parser the body's next frame (or its end).
    async fn pull(&mut self) -> Result<(), MultipartError> {
        loop {
            match self.body.frame().await {
                None => {
                    self.parser.end_input();
                    return Ok(());
                }
                Some(Err(_)) => return Err(MultipartError::new("the body was cut short")),
                Some(Ok(frame)) => {
                    if let Ok(data) = frame.into_data() {
                        self.parser.feed(data);
                        return Ok(());
                    }
                }
            }
        }
    }

    /// Reads what follows the closing boundary (usually a CRLF), so the
    /// connection can carry the next request.
    async fn drain_epilogue(&mut self) {
        let mut left = MAX_EPILOGUE;
        while let Some(Ok(frame)) = self.body.frame().await {
            let n = frame.data_ref().map_or(0, Bytes::len);
            if n >= left {
                return;
            }
            left -= n;
        }
    }
}

impl<S: Send + Sync> FromRequest<S> for Multipart {
    type Rejection = Response;

    async fn from_request(req: Request, _: &S) -> Result<Self, Self::Rejection> {
        let reject = |msg: &str| (StatusCode::BAD_REQUEST, msg.to_owned()).into_response();
        let Some(boundary) = boundary(req.headers()) else {
            return Err(reject(
                "Invalid `boundary` for `multipart/form-data` request",
            ));
        };
        // The route's DefaultBodyLimit (2 MB unless disabled), as axum's
        // own extractors honour it.
        Multipart::new(req.with_limited_body().into_body(), &boundary).map_err(|e| reject(&e.0))
    }
}

#[cfg(test)]
#[path = "multipart_tests.rs"]
mod tests;
