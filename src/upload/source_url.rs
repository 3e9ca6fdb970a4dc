//! A source read from an `http(s)` origin with Range requests: a remote
//! file is uploaded without a local copy, and an interrupted upload resumes
//! by asking the origin for the missing range only.
//!
//! The origin is probed once (`Range: bytes=0-0`) for its length and its
//! validator (a strong ETag, else Last-Modified). Every later read names
//! that validator in `If-Range` and checks the answer's `Content-Range`
//! total and ETag: an origin whose file changed is an `Integrity` error,
//! never bytes of two files mixed into one upload.
//!
//! Redirects: an origin is followed through up to [`MAX_REDIRECTS`]
//! redirects (CDNs and pre-signed download links hand out 302s), but never
//! from `https` to `http`. Provider calls refuse redirects because they
//! carry credentials; an origin request carries only its own URL.
//!
//! Secrets: a URL may carry a token (a pre-signed query, a user and
//! password). Its query values and password are held as [`Secret`]s, so
//! every error scrubs them; errors and `Debug` name the origin by scheme,
//! host and path only.

use std::io::{self, Read};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use reqwest::blocking::{Client, Response};
use reqwest::header::{HeaderMap, CONTENT_RANGE, ETAG, IF_RANGE, LAST_MODIFIED, RANGE};
use reqwest::{StatusCode, Url};

use super::read_at::ReadAt;
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;

/// Redirects followed to reach an origin's bytes.
pub const MAX_REDIRECTS: usize = 5;

/// Bytes asked for by one ranged request: reads at consecutive offsets
/// continue one response, so a part costs a few requests, not one per read;
/// a bounded range lets the connection be reused once it is read.
const WINDOW: u64 = 16 * 1024 * 1024;

/// Open responses kept for reads that continue them (one per part in
/// flight, plus the in-order MD5 reader).
const KEPT_STREAMS: usize = 16;

/// Requests sent again when they could not be sent at all.
const SEND_RETRIES: u32 = 2;

/// Ranges announced by `will_read` that are remembered.
const KEPT_PLANS: usize = 64;

/// What the origin said about its file when it was first asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Facts {
    pub(crate) size: u64,
    /// A strong ETag, quoted as sent (`W/` ones cannot validate a range).
    pub(crate) etag: Option<String>,
    pub(crate) last_modified: Option<String>,
}

impl Facts {
    /// What `If-Range` names: the ETag, else the date.
    fn validator(&self) -> Option<&str> {
        self.etag.as_deref().or(self.last_modified.as_deref())
    }
}

/// The marker inside an `io::Error` saying the origin's file changed, so
/// the readers above turn it into `Integrity` rather than `Io`.
#[derive(Debug)]
pub(crate) struct OriginChanged(pub(crate) String);

impl std::fmt::Display for OriginChanged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OriginChanged {}

/// Whether `e` says the origin's file changed (see [`OriginChanged`]).
pub(crate) fn origin_changed(e: &io::Error) -> Option<&OriginChanged> {
    e.get_ref().and_then(|inner| inner.downcast_ref())
}

/// One response being read, and where its next byte is in the file.
struct Stream {
    at: u64,
    end: u64,
    response: Response,
}

pub(crate) struct UrlReader {
    client: Client,
    url: Url,
    /// `scheme://host[:port]/path`: how errors and logs name the origin.
    pub(crate) shown: String,
    pub(crate) facts: Facts,
    streams: Mutex<Vec<Stream>>,
    /// Ranges about to be read in order (`will_read`): a request asks for
    /// the rest of the shortest one holding its offset, so a part's response
    /// ends with the part and its connection is reused.
    plans: Mutex<Vec<(u64, u64)>>,
    /// Set by the first read that found the file changed.
    changed: OnceLock<String>,
    /// What a checkpoint knows this origin by instead of its URL (a copy
    /// between providers: the source video, whose signed URL changes with
    /// every call).
    resume_key: Option<String>,
    /// The URL's query values and password, registered for scrubbing for
    /// as long as the source lives.
    _secrets: Vec<Secret>,
}

impl std::fmt::Debug for UrlReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UrlReader")
            .field("url", &self.shown)
            .field("facts", &self.facts)
            .finish()
    }
}

impl UrlReader {
    /// Parses `url` and asks the origin for its length and validator.
    pub(crate) fn open(url: &str) -> Result<UrlReader> {
        let parsed = Url::parse(url.trim()).map_err(|_| {
            Error::invalid_input("the source URL is not a valid URL (http:// or https://)")
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Error::invalid_input(format!(
                "a source URL is http:// or https://, not {}:",
                parsed.scheme()
            )));
        }
        if parsed.host_str().is_none_or(str::is_empty) {
            return Err(Error::invalid_input("the source URL names no host"));
        }
        let secrets = url_secrets(&parsed);
        let shown = shown(&parsed);
        let client = Client::builder()
            .connect_timeout(Duration::from_secs(30))
            // The blocking client applies this to each read: a stall, not
            // a slow origin, ends a read.
            .timeout(Duration::from_secs(120))
            .redirect(reqwest::redirect::Policy::custom(|attempt| {
                let downgrade = attempt.url().scheme() == "http"
                    && attempt.previous().iter().any(|u| u.scheme() == "https");
                if downgrade {
                    attempt.error("the origin redirected from https to http")
                } else if attempt.previous().len() > MAX_REDIRECTS {
                    attempt.error("the origin redirected too many times")
                } else {
                    attempt.follow()
                }
            }))
            // The crypto backend of this build, for this client only
            // (src/http/tls.rs): never a process-wide default.
            .tls_backend_preconfigured(
                crate::http::tls::client_config(&[]).map_err(Error::internal)?,
            )
            .build()
            .map_err(|e| Error::internal(format!("cannot build an HTTP client: {e}")))?;
        let mut reader = UrlReader {
            client,
            url: parsed,
            shown,
            facts: Facts {
                size: 0,
                etag: None,
                last_modified: None,
            },
            streams: Mutex::new(Vec::new()),
            plans: Mutex::new(Vec::new()),
            changed: OnceLock::new(),
            resume_key: None,
            _secrets: secrets,
        };
        reader.facts = reader.probe()?;
        Ok(reader)
    }

    /// The MD5 of the whole URL, query included (the same file behind
    /// another token is another upload), or of the resume key it was given.
    pub(crate) fn url_md5(&self) -> String {
        use md5::{Digest, Md5};
        match &self.resume_key {
            Some(key) => crate::hex::hex(&Md5::digest(format!("vodkit-keyed\0{key}").as_bytes())),
            None => crate::hex::hex(&Md5::digest(self.url.as_str().as_bytes())),
        }
    }

    /// Known to checkpoints by `key` instead of its URL.
    pub(crate) fn with_resume_key(mut self, key: String) -> Self {
        self.resume_key = Some(key);
        self
    }

    /// The last path segment, decoded: the name the provider records.
    pub(crate) fn file_name(&self) -> Option<String> {
        let segment = self.url.path_segments()?.next_back()?;
        let name: String = percent_decoded(segment);
        (!name.trim().is_empty()).then_some(name)
    }

    /// Asks for the first byte: the answer's `Content-Range` gives the length.
    fn probe(&self) -> Result<Facts> {
        let response = self
            .send(|| self.client.get(self.url.clone()).header(RANGE, "bytes=0-0"))
            .map_err(|e| self.network_error(e))?;
        let status = response.status();
        let shown = &self.shown;
        match status {
            StatusCode::PARTIAL_CONTENT => {}
            StatusCode::OK => {
                return Err(Error::invalid_input(format!(
                    "{shown} does not serve Range requests: it cannot be uploaded (or resumed) \
                     from the URL; download it and upload the file"
                )))
            }
            StatusCode::RANGE_NOT_SATISFIABLE => {
                return Err(Error::invalid_input(format!("{shown} is empty")))
            }
            s if s.is_redirection() => {
                return Err(Error::invalid_input(format!(
                    "{shown} answered HTTP {} without a usable Location",
                    s.as_u16()
                ))
                .with_http_status(s.as_u16()))
            }
            s => return Err(self.status_error(s)),
        }
        let headers = response.headers();
        let range = content_range(headers).ok_or_else(|| {
            Error::new(
                ErrorKind::Server,
                format!("{shown} answered a Range request without a Content-Range total"),
            )
        })?;
        Ok(Facts {
            size: range.2,
            etag: strong_etag(headers),
            last_modified: header(headers, LAST_MODIFIED),
        })
    }

    /// Asks again and compares: a file changed after its last read is
    /// caught before the upload completes.
    pub(crate) fn check_unchanged(&self) -> Result<()> {
        if let Some(why) = self.changed.get() {
            return Err(Error::new(ErrorKind::Integrity, why.clone()));
        }
        let now = self.probe().map_err(|e| match e.kind() {
            ErrorKind::InvalidInput => Error::new(ErrorKind::Integrity, e.message().to_owned()),
            _ => e,
        })?;
        let differs = now.size != self.facts.size
            || (self.facts.etag.is_some() && now.etag != self.facts.etag)
            || (self.facts.etag.is_none()
                && self.facts.last_modified.is_some()
                && now.last_modified != self.facts.last_modified);
        if differs {
            return Err(Error::new(
                ErrorKind::Integrity,
                self.changed_message("its length or validator differs now"),
            ));
        }
        Ok(())
    }

    /// Why a read found the file changed, if one did.
    pub(crate) fn changed(&self) -> Option<&str> {
        self.changed.get().map(String::as_str)
    }

    fn changed_message(&self, why: &str) -> String {
        format!(
            "{} changed while it was being uploaded ({why}); nothing of the new file was sent",
            self.shown
        )
    }

    /// Records the change and builds the error a read returns.
    fn change(&self, why: &str) -> io::Error {
        let message = self.changed_message(why);
        let _ = self.changed.set(message.clone());
        io::Error::other(OriginChanged(message))
    }

    /// A response kept from an earlier read that ended at `offset`.
    fn kept_at(&self, offset: u64) -> Option<Stream> {
        let mut streams = self.streams.lock().unwrap_or_else(|e| e.into_inner());
        streams
            .iter()
            .position(|s| s.at == offset)
            .map(|i| streams.swap_remove(i))
    }

    /// Where a request from `offset` should end: the end of the shortest
    /// announced range holding it (a part read beside the in-order MD5
    /// pass), at most a window away.
    fn end_for(&self, offset: u64) -> u64 {
        let window_end = offset.saturating_add(WINDOW).min(self.facts.size);
        let plans = self.plans.lock().unwrap_or_else(|e| e.into_inner());
        plans
            .iter()
            .filter(|(start, end)| *start <= offset && offset < *end)
            .map(|(_, end)| *end)
            .min()
            .map_or(window_end, |end| end.min(window_end))
    }

    /// A new ranged request for the bytes from `offset`.
    fn request_at(&self, offset: u64) -> io::Result<Stream> {
        let end = self.end_for(offset);
        let mut request = self
            .client
            .get(self.url.clone())
            .header(RANGE, format!("bytes={offset}-{}", end - 1));
        if let Some(validator) = self.facts.validator() {
            request = request.header(IF_RANGE, validator);
        }
        let response = self
            .send(|| request.try_clone().expect("a GET without a body clones"))
            .map_err(|e| io::Error::other(self.network_error(e).message().to_owned()))?;
        match response.status() {
            StatusCode::PARTIAL_CONTENT => {}
            // `If-Range` failed: the server sends the whole (new) file.
            StatusCode::OK => return Err(self.change("the origin no longer matches If-Range")),
            StatusCode::PRECONDITION_FAILED | StatusCode::RANGE_NOT_SATISFIABLE => {
                return Err(self.change(&format!(
                    "the origin answered HTTP {}",
                    response.status().as_u16()
                )))
            }
            s => return Err(io::Error::other(self.status_error(s).message().to_owned())),
        }
        let headers = response.headers();
        match content_range(headers) {
            Some((_, _, total)) if total != self.facts.size => {
                return Err(self.change(&format!(
                    "it has {total} bytes now, {} when the upload began",
                    self.facts.size
                )));
            }
            Some((first, last, _)) if first == offset && last == end - 1 => {}
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "{} answered bytes={offset}-{} with another range",
                        self.shown,
                        end - 1
                    ),
                ))
            }
        }
        if let (Some(was), Some(now)) = (&self.facts.etag, strong_etag(headers)) {
            if *was != now {
                return Err(self.change("its ETag changed"));
            }
        }
        Ok(Stream {
            at: offset,
            end,
            response,
        })
    }

    /// Sends a request, again after a short pause when it could not be
    /// sent (a pooled connection the origin closed meanwhile, a refused
    /// connect under load): an origin is not a provider with a retry
    /// policy of its own, and one failed read fails the whole part.
    fn send(
        &self,
        build: impl Fn() -> reqwest::blocking::RequestBuilder,
    ) -> std::result::Result<Response, reqwest::Error> {
        let mut attempt = 0;
        loop {
            match build().send() {
                Err(e) if attempt < SEND_RETRIES && !e.is_redirect() && !e.is_timeout() => {
                    attempt += 1;
                    log::debug!(
                        "{}: {} (sending again)",
                        self.shown,
                        chain(&e.without_url())
                    );
                    std::thread::sleep(Duration::from_millis(100 << attempt));
                }
                other => return other,
            }
        }
    }

    fn keep(&self, stream: Stream) {
        let mut streams = self.streams.lock().unwrap_or_else(|e| e.into_inner());
        if streams.len() >= KEPT_STREAMS {
            streams.remove(0);
        }
        streams.push(stream);
    }

    fn network_error(&self, e: reqwest::Error) -> Error {
        // `without_url`: the URL may carry a token.
        let e = e.without_url();
        let kind = if e.is_redirect() {
            ErrorKind::InvalidInput
        } else {
            ErrorKind::Network
        };
        Error::new(kind, format!("cannot read {}: {}", self.shown, chain(&e)))
    }

    fn status_error(&self, status: StatusCode) -> Error {
        let kind = match status.as_u16() {
            401 | 403 => ErrorKind::Auth,
            404 | 410 => ErrorKind::InvalidInput,
            429 => ErrorKind::RateLimited,
            s if s >= 500 => ErrorKind::Server,
            _ => ErrorKind::InvalidInput,
        };
        Error::new(
            kind,
            format!("{} answered HTTP {}", self.shown, status.as_u16()),
        )
        .with_http_status(status.as_u16())
    }
}

impl ReadAt for UrlReader {
    fn will_read(&self, offset: u64, len: u64) {
        let mut plans = self.plans.lock().unwrap_or_else(|e| e.into_inner());
        if plans.len() >= KEPT_PLANS {
            plans.remove(0);
        }
        plans.push((offset, offset.saturating_add(len)));
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        if offset >= self.facts.size || buf.is_empty() {
            return Ok(0);
        }
        // A kept response may have been closed by the origin while it sat
        // idle (a paused upload, a slow part): one fresh request then.
        let (mut stream, n) = match self.kept_at(offset).map(|mut s| {
            let n = read_some(&mut s, buf);
            (s, n)
        }) {
            Some((s, Ok(n))) if n > 0 => (s, n),
            _ => {
                let mut s = self.request_at(offset)?;
                let n = read_some(&mut s, buf)?;
                (s, n)
            }
        };
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!(
                    "{} closed the response at byte {} of {}",
                    self.shown, stream.at, stream.end
                ),
            ));
        }
        stream.at += n as u64;
        if stream.at < stream.end {
            self.keep(stream);
        }
        Ok(n)
    }
}

/// An error and its causes, `: `-separated (reqwest's own text is only
/// "error sending request").
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}

/// Reads into `buf` no further than the stream's range.
fn read_some(stream: &mut Stream, buf: &mut [u8]) -> io::Result<usize> {
    let want = buf
        .len()
        .min(usize::try_from(stream.end - stream.at).unwrap_or(usize::MAX));
    stream.response.read(&mut buf[..want])
}

/// `(first, last, total)` of a `Content-Range: bytes first-last/total`.
fn content_range(headers: &HeaderMap) -> Option<(u64, u64, u64)> {
    let value = header(headers, CONTENT_RANGE)?;
    let rest = value.trim().strip_prefix("bytes ")?;
    let (range, total) = rest.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    Some((
        first.trim().parse().ok()?,
        last.trim().parse().ok()?,
        total.trim().parse().ok()?,
    ))
}

fn strong_etag(headers: &HeaderMap) -> Option<String> {
    header(headers, ETAG).filter(|e| !e.starts_with("W/"))
}

fn header(headers: &HeaderMap, name: reqwest::header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// `scheme://host[:port]/path`: no user, password or query.
fn shown(url: &Url) -> String {
    let mut out = format!("{}://{}", url.scheme(), url.host_str().unwrap_or(""));
    if let Some(port) = url.port() {
        out.push_str(&format!(":{port}"));
    }
    out.push_str(url.path());
    out
}

/// The parts of a URL that may be credentials: its password, its query's
/// values (a pre-signed URL's signature and token) and its fragment.
fn url_secrets(url: &Url) -> Vec<Secret> {
    // Short values (`t=9`, `fmt=mp4`) are no credentials, and scrubbing
    // them would garble every error while the source lives.
    let mut secrets: Vec<Secret> = url
        .query_pairs()
        .filter(|(_, v)| v.len() >= 6)
        .map(|(_, v)| Secret::new(v.into_owned()))
        .collect();
    if let Some(query) = url.query() {
        secrets.push(Secret::new(query));
    }
    if let Some(password) = url.password() {
        secrets.push(Secret::new(percent_decoded(password)));
    }
    secrets.retain(|s| !s.is_empty());
    secrets
}

fn percent_decoded(text: &str) -> String {
    let bytes: Vec<u8> =
        form_urlencoded::parse(format!("x={}", text.replace('+', "%2B")).as_bytes())
            .next()
            .map(|(_, v)| v.into_owned().into_bytes())
            .unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shown_url_carries_no_query_user_or_password() {
        let url =
            Url::parse("https://bob:hunter22@cdn.example.com:8443/v/a%20b.mp4?sig=XYZ123&t=9")
                .unwrap();
        assert_eq!(shown(&url), "https://cdn.example.com:8443/v/a%20b.mp4");
        let secrets: Vec<String> = url_secrets(&url)
            .iter()
            .map(|s| s.expose().to_owned())
            .collect();
        assert!(secrets.contains(&"XYZ123".to_owned()));
        assert!(secrets.contains(&"hunter22".to_owned()));
    }

    #[test]
    fn content_ranges_parse() {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_RANGE, "bytes 5-9/100".parse().unwrap());
        assert_eq!(content_range(&headers), Some((5, 9, 100)));
        headers.insert(CONTENT_RANGE, "bytes */100".parse().unwrap());
        assert_eq!(content_range(&headers), None);
    }

    #[test]
    fn a_url_that_is_not_http_is_invalid_input() {
        for url in ["ftp://h/a", "file:///etc/passwd", "not a url", "http://"] {
            let err = UrlReader::open(url).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput, "{url}");
        }
    }
}
