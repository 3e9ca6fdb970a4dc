//! Uploads: getUploadUrl, then the file streamed from disk to the upload URL
//! as one multipart request (field `data`), exactly as the provider documents
//! it; an interrupted upload resumes from the server's `upload_size`
//! (getResumeUploadUrl) with the remainder sent under `Content-Range` (our
//! decision: the continuation is not documented). Ranged fresh uploads are an
//! option: a server that ignores `Content-Range` would take a first part for
//! the whole file.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use reqwest::multipart::{Form, Part as FormPart};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::client::{Client, PROVIDER};
use super::envelope::BaijiayunEnvelope;
use super::models::video::{GetInfo, GetResumeUploadUrl, GetStatus, GetUploadUrl, VideoState};
use super::models::{bit_list, opt_bit_list, DEFINITION_BITS, FORMAT_BITS};
use crate::error::{Error, ErrorKind, Result};
use crate::http::Transport;
use crate::upload::checkpoint::Record;
use crate::upload::{
    self, AckedRange, Committed, CommonUploadOptions, EngineOptions, Finished, IntoSource, Located,
    NotLocated, Part, PartAck, PartBody, PartSink, RemoteUpload, Session, Source, Start,
    UploadHooks,
};

/// Options of [`Client::upload`]: every getUploadUrl parameter, plus how the
/// bytes are sent.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct UploadOptions {
    /// The name the video gets (default: the file's name).
    pub file_name: Option<String>,
    /// Target definitions as bits: 16 SD, 1 HD, 2 super, 4 720p, 8 1080p.
    pub definitions: Vec<u8>,
    /// Output formats as bits: 1 mp4, 2 flv, 4 m3u8 (empty: the provider's default, all).
    pub formats: Vec<u8>,
    /// Process the file as audio (`audio_with_view=1`).
    pub audio: bool,
    /// `Some(true)`: encrypt (`encrypt=1`); `Some(false)`: `encrypt=2`.
    pub encrypt: Option<bool>,
    pub watermark: Option<String>,
    pub watermark_pos: Option<u8>,
    /// Per-video transcode callback URL.
    pub callback_url: Option<String>,
    /// Ask for an https upload URL (default true: the URL carries a token).
    /// A resume within the upload keeps this choice; pass the same options to
    /// `resume_upload`.
    pub use_https: bool,
    /// Send a fresh upload as `Content-Range` parts of `part_size` too
    /// (default false: one streamed request, as documented; only a resume
    /// is ranged).
    pub ranged: bool,
    /// Part size in bytes of ranged requests, used as given. Default: the
    /// client's `part_size` (8 MiB), grown for a large remainder so that it
    /// makes at most 64 parts, up to 64 MiB each.
    #[serde(deserialize_with = "crate::lenient::opt_bytes")]
    #[schemars(with = "Option<u64>")]
    pub part_size: Option<u64>,
    /// `checkpoint_dir`, `verify_md5`: the options of every provider.
    #[serde(flatten)]
    pub common: CommonUploadOptions,
}

impl Default for UploadOptions {
    fn default() -> Self {
        UploadOptions {
            file_name: None,
            definitions: vec![16, 1],
            formats: Vec::new(),
            audio: false,
            encrypt: None,
            watermark: None,
            watermark_pos: None,
            callback_url: None,
            use_https: true,
            ranged: false,
            part_size: None,
            common: CommonUploadOptions::default(),
        }
    }
}

/// The result of an upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Uploaded {
    pub video_id: i64,
    /// The file size.
    pub bytes: u64,
    /// Bytes the server already held when this call started (resume).
    pub resumed_from: u64,
    /// The file's MD5 (lowercase hex), computed while it streamed and found
    /// equal to the provider's `file_md5` where getInfo reports one; `None`
    /// with `verify_md5: false`.
    pub file_md5: Option<String>,
}

impl UploadOptions {
    /// The part size for `remaining` bytes: this upload's own, or one
    /// adapted to the bytes from the client's `floor` (see
    /// [`crate::upload::TARGET_PARTS`]), checked.
    fn part_size_for(&self, remaining: u64, floor: u64) -> Result<u64> {
        match self.part_size {
            Some(0) => Err(Error::invalid_input("part_size must be at least 1 byte")),
            Some(n) => Ok(n),
            None => Ok(upload::auto_part_size(remaining, floor)),
        }
    }

    /// The getUploadUrl request these options make, checked.
    fn to_request(&self, source: &Source) -> Result<GetUploadUrl> {
        let bits = |v: &[u8]| v.iter().map(|b| i64::from(*b)).collect::<Vec<_>>();
        let request = GetUploadUrl {
            file_name: self.file_name.clone().unwrap_or_else(|| source.file_name()),
            definition: bit_list("definition", &bits(&self.definitions), &DEFINITION_BITS)?,
            audio_with_view: self.audio.then_some(1),
            format: opt_bit_list("format", &bits(&self.formats), &FORMAT_BITS)?,
            encrypt: self.encrypt.map(|e| if e { 1 } else { 2 }),
            watermark: self.watermark.clone(),
            watermark_pos: self.watermark_pos,
            use_https: self.use_https.then_some(1),
            callback_url: self.callback_url.clone(),
        };
        crate::api::Validate::validate(&request)?;
        Ok(request)
    }
}

impl Client {
    /// Uploads a file as a new video and returns its id. The file is streamed
    /// from disk; memory use does not depend on its size.
    pub fn upload(&self, source: impl IntoSource, options: &UploadOptions) -> Result<Uploaded> {
        self.upload_with(source, options, UploadHooks::new())
    }

    /// As [`Client::upload`], with progress reporting and cancellation.
    /// With `checkpoint_dir`, an upload of this file recorded there continues
    /// from what the server holds (see [`crate::upload::checkpoint`]).
    pub fn upload_with(
        &self,
        source: impl IntoSource,
        options: &UploadOptions,
        mut control: UploadHooks<'_>,
    ) -> Result<Uploaded> {
        // Everything the caller got wrong fails here, before any request.
        let source = source.into_source()?;
        options.part_size_for(source.size(), self.config().part_size)?;
        let request = options.to_request(&source)?;
        self.run_session(&source, options, request, Start::Fresh, &mut control)
    }

    /// Continues an interrupted upload of `path` to `video_id`, from the
    /// bytes the server reports it holds (`upload_size`). With
    /// `checkpoint_dir` holding this file's checkpoint for this video, the
    /// file is first checked against it (identity and the MD5 of every
    /// acknowledged range: a mismatch is an `Integrity` error, nothing
    /// sent). Without one, only the size can be checked: the server must
    /// not hold more bytes than the file has.
    pub fn resume_upload(
        &self,
        video_id: i64,
        source: impl IntoSource,
        options: &UploadOptions,
        mut control: UploadHooks<'_>,
    ) -> Result<Uploaded> {
        let source = source.into_source()?;
        // Checked before any request; adapted to the bytes left on resume.
        options.part_size_for(source.size(), self.config().part_size)?;
        let handle = resume_handle(video_id);
        // The request is not sent: a resume creates no video.
        let request = GetUploadUrl::default();
        self.run_session(
            &source,
            options,
            request,
            Start::Resume(&handle),
            &mut control,
        )
    }

    fn run_session(
        &self,
        source: &Source,
        options: &UploadOptions,
        request: GetUploadUrl,
        start: Start<'_>,
        control: &mut UploadHooks<'_>,
    ) -> Result<Uploaded> {
        let remote = BaijiayunUpload {
            client: self,
            options,
            request,
        };
        Ok(uploaded(remote.session().run(source, start, control)?))
    }
}

fn uploaded(done: Finished<Video>) -> Uploaded {
    let resumed_from = match done.resumed {
        Committed::Prefix(held) => held,
        Committed::Ranges(ranges) => ranges.iter().map(|r| r.end - r.start).sum(),
    };
    Uploaded {
        video_id: done.object.video_id,
        bytes: done.bytes,
        resumed_from,
        file_md5: done.file_md5,
    }
}

/// The video being uploaded, and where its bytes go.
pub(crate) struct Video {
    video_id: i64,
    upload_url: String,
}

/// What Baijiayun supplies to an upload session: getUploadUrl,
/// getResumeUploadUrl, the upload URL's sink, getInfo's `file_md5`.
struct BaijiayunUpload<'a> {
    client: &'a Client,
    options: &'a UploadOptions,
    request: GetUploadUrl,
}

impl BaijiayunUpload<'_> {
    fn session(&self) -> Session<'_, Self> {
        Session {
            remote: self,
            checkpoint_dir: self.options.common.checkpoint_dir.as_deref(),
            verify_md5: self.options.common.verify_md5,
        }
    }
}

impl RemoteUpload for BaijiayunUpload<'_> {
    type Object = Video;

    fn provider(&self) -> &'static str {
        PROVIDER
    }

    fn create(&self, _source: &Source) -> Result<Video> {
        let created = self.client.create_video(&self.request)?;
        Ok(Video {
            video_id: created.video_id,
            upload_url: created.upload_url,
        })
    }

    /// The server's `upload_size` is the truth; the checkpoint's ranges
    /// within it stay recorded, and bytes it holds beyond them (from an
    /// earlier run of this same file, whose identity was checked) are
    /// recorded with their local MD5 so a later resume checks them too.
    fn locate(
        &self,
        handle: &Value,
        checkpoint: Option<&Record>,
        source: &Source,
    ) -> std::result::Result<Located<Video>, NotLocated> {
        let Some(video_id) = handle.get("video_id").and_then(Value::as_i64) else {
            return Err(Error::invalid_input("the resume handle has no video_id").into());
        };
        let attach = |e| attach_video_id(e, video_id);
        let point = self
            .client
            .resume_point(video_id, self.options.use_https)
            .map_err(attach)?;
        let (upload_url, held) = match point {
            // The server holds every byte yet takes the upload as unfinished:
            // no byte is left to send that could complete it (a part must
            // start at what is held). Reporting success would hand back a
            // video that never transcodes.
            ResumePoint::Continue { held, .. } if held == source.size() && held > 0 => {
                return Err(NotLocated::Stranded(
                    Error::new(
                        ErrorKind::Provider,
                        format!(
                            "video {video_id} holds all {held} bytes of the file but the provider \
                             has not completed its upload, and nothing is left to send that \
                             could: upload the file again (a new video)"
                        ),
                    )
                    .with_detail(format!("video_id={video_id}")),
                ));
            }
            ResumePoint::Continue { upload_url, held } => (upload_url, held),
            // Everything arrived before the interruption: nothing left to send.
            ResumePoint::Finished => (String::new(), source.size()),
        };
        Committed::Prefix(held)
            .check_within(source.size())
            .map_err(attach)?;
        let recorded = checkpoint
            .filter(|r| r.resume.get("video_id").and_then(Value::as_i64) == Some(video_id))
            .map(|r| r.ranges.clone())
            .unwrap_or_default();
        let mut ranges: Vec<AckedRange> =
            recorded.into_iter().filter(|r| r.end() <= held).collect();
        let covered = ranges.iter().map(AckedRange::end).max().unwrap_or(0);
        // Only an upload that keeps a checkpoint pays for this read; a
        // remote source's ranges are vouched for by its origin's validator,
        // not by hashing them (a download of what the provider holds).
        if held > covered && self.options.common.checkpoint_dir.is_some() && !source.is_remote() {
            let md5 = source
                .md5_of_range(covered, held - covered)
                .map_err(attach)?;
            ranges.push(AckedRange {
                offset: covered,
                len: held - covered,
                md5,
            });
        }
        Ok(Located {
            object: Video {
                video_id,
                upload_url,
            },
            held: Committed::Prefix(held),
            ranges,
        })
    }

    fn handle(&self, video: &Video, _acked: &[AckedRange]) -> Value {
        resume_handle(video.video_id)
    }

    /// A fresh upload is one streamed request, exactly as documented (the
    /// body is read from disk as it goes: memory does not grow with the
    /// file); ranged parts only on resume, or when asked for.
    fn engine(&self, source: &Source, held: &Committed) -> Result<EngineOptions> {
        let held = match held {
            Committed::Prefix(held) => *held,
            Committed::Ranges(_) => return Err(Error::internal("Baijiayun holds a prefix")),
        };
        let part_size = if held == 0 && !self.options.ranged {
            source.size().max(1)
        } else {
            let remaining = source.size().saturating_sub(held);
            self.options
                .part_size_for(remaining, self.client.config().part_size)?
        };
        Ok(EngineOptions {
            part_size,
            concurrency: 1,
            retry: self.client.config().common.retry.clone(),
            // Baijiayun's answers carry no MD5: parts are hashed only for a
            // checkpoint's ranges or the file's MD5 (the session asks).
            hash_parts: false,
            // A short upload_size is damage like any failure of the part.
            integrity_retries: None,
        })
    }

    fn sink<'s>(
        &'s self,
        video: &'s Video,
        source: &Source,
        held: &Committed,
    ) -> Result<Box<dyn PartSink + 's>> {
        Ok(Box::new(BaijiayunSink {
            client: self.client,
            video_id: video.video_id,
            url: Mutex::new(video.upload_url.clone()),
            file_name: source.file_name(),
            total: source.size(),
            use_https: self.options.use_https,
            whole: AtomicBool::new(*held == Committed::Prefix(0) && !self.options.ranged),
        }))
    }

    /// getInfo's `file_md5` (empty: none reported, not compared).
    fn remote_md5(&self, video: &Video) -> Result<Option<String>> {
        let video_id = video.video_id;
        let info = self.client.get_info(&GetInfo { video_id }).map_err(|e| {
            Error::new(
                e.kind(),
                format!("getInfo of video {video_id}: {}", e.message()),
            )
        })?;
        let md5 = info.file_md5.trim().to_owned();
        if md5.is_empty() {
            log::info!(
                "baijiayun: getInfo reports no file_md5 for video {}; not compared",
                video.video_id
            );
        }
        Ok(Some(md5).filter(|m| !m.is_empty()))
    }

    fn describe(&self, err: Error, video: &Video) -> Error {
        attach_video_id(err, video.video_id)
    }
}

/// Where an interrupted upload stands, by the server's account.
enum ResumePoint {
    /// Send the bytes from `held` on to `upload_url`.
    Continue { upload_url: String, held: u64 },
    /// The server has the whole file (the answer to the last part was lost,
    /// or the caller resumes an upload that had in fact completed).
    Finished,
}

impl Client {
    /// Asks getResumeUploadUrl where to continue (with the upload's own
    /// `use_https`). A temporary failure (5xx, network) stays the retryable
    /// error it is; only a refusal is checked against the video's status,
    /// and code 4001 — what a finished upload gets — is checked at once
    /// rather than retried.
    fn resume_point(&self, video_id: i64, use_https: bool) -> Result<ResumePoint> {
        let request = GetResumeUploadUrl {
            video_id,
            use_https: Some(u8::from(use_https)),
        };
        let caller = self.caller();
        let attempt = Transport::with_retries(caller.retry(), |_| match self.call_once(&request) {
            Err(err) if err.provider_code() == Some(UPLOAD_REFUSED) => Ok(Err(err)),
            other => other.map(Ok),
        });
        let refused = match attempt {
            Ok(Ok(resume)) if resume.upload_url.is_empty() => {
                return Err(Error::new(
                    ErrorKind::Server,
                    "getResumeUploadUrl returned no upload_url",
                ))
            }
            Ok(Ok(resume)) => {
                return Ok(ResumePoint::Continue {
                    upload_url: resume.upload_url,
                    held: u64::try_from(resume.upload_size).unwrap_or(0),
                })
            }
            Ok(Err(refused)) => refused,
            // An outage is not a verdict on the upload: the caller may retry.
            Err(err) if err.is_retryable() => return Err(err),
            Err(err) => err,
        };
        // The provider refuses to resume a finished upload: the status says
        // whether that is why.
        let Ok(status) = self.get_status(&GetStatus { video_id }) else {
            return Err(refused);
        };
        match status.state() {
            // 4001 on an upload still in progress: the refusal as it came.
            VideoState::Uploading | VideoState::UploadTimeout if refused.is_retryable() => {
                Err(refused)
            }
            VideoState::Uploading | VideoState::UploadTimeout => {
                let mut err = Error::new(
                    ErrorKind::Provider,
                    format!("the upload cannot be resumed ({})", status.info),
                );
                if let Some(code) = refused.provider_code() {
                    err = err.with_provider_code(code);
                }
                Err(err)
            }
            _ => Ok(ResumePoint::Finished),
        }
    }
}

/// The envelope code of a refused upload (also what resuming a finished one gets).
const UPLOAD_REFUSED: &str = "4001";

/// The resume handle of a Baijiayun upload: `{"provider": "baijiayun", "video_id": N}`.
pub(crate) fn resume_handle(video_id: i64) -> serde_json::Value {
    serde_json::json!({ "provider": PROVIDER, "video_id": video_id })
}

/// Keeps the video id with a failed upload so the caller can resume it:
/// the typed resume handle says how; the message names no function, as each
/// binding and the CLI call resuming by its own name.
fn attach_video_id(err: Error, video_id: i64) -> Error {
    let message = format!("{} (video_id {video_id})", err.message());
    let kind = err.kind();
    let mut out = Error::new(kind, message)
        .with_detail(format!("video_id={video_id}"))
        .with_resume(resume_handle(video_id));
    if let Some(c) = err.provider_code() {
        out = out.with_provider_code(c);
    }
    out.with_request_id(err.request_id().map(str::to_owned))
}

/// Sends parts to Baijiayun's upload URL, one at a time, in order.
struct BaijiayunSink<'a> {
    client: &'a Client,
    video_id: i64,
    url: Mutex<String>,
    file_name: String,
    total: u64,
    /// The upload's `use_https`, kept for every resume.
    use_https: bool,
    /// One plain request for the whole file (no `Content-Range`); cleared
    /// once the server holds part of the file, as a resume must be ranged.
    whole: AtomicBool,
}

impl PartSink for BaijiayunSink<'_> {
    fn send_part(&self, part: &Part, body: PartBody, total: u64) -> Result<PartAck> {
        let url = self.url.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let config = self.client.config();
        let range = (!self.whole.load(Ordering::SeqCst))
            .then(|| format!("bytes {}-{}/{}", part.offset, part.last_byte(), total));
        let transport = self.client.caller().transport();
        let response = transport.send_streamed(body, part.len, |http, stream| {
            let file = FormPart::stream_with_length(stream, part.len)
                .file_name(self.file_name.clone())
                .mime_str("application/octet-stream")
                .map_err(|e| Error::internal(format!("multipart: {e}")))?;
            let form = Form::new().part(config.upload_field.clone(), file);
            let mut request = http
                .post(url)
                .timeout(config.common.http.upload_part_timeout)
                .multipart(form);
            if let Some(range) = range {
                request = request.header(reqwest::header::CONTENT_RANGE, range);
            }
            Ok(request)
        })?;
        // The upload endpoint answers code 1 for success, unlike the API.
        let data = BaijiayunEnvelope::upload_answer(&config.rate_limit_codes, response)?;
        // Where the answer says how much the server holds, the engine checks it.
        let held = data
            .get("upload_size")
            .and_then(crate::lenient::int_in)
            .and_then(|n| u64::try_from(n).ok());
        Ok(PartAck {
            held,
            ..PartAck::default()
        })
    }

    fn committed(&self) -> Result<Committed> {
        match self.client.resume_point(self.video_id, self.use_https)? {
            ResumePoint::Continue { upload_url, held } => {
                *self.url.lock().unwrap_or_else(|e| e.into_inner()) = upload_url;
                self.whole.store(false, Ordering::SeqCst);
                Ok(Committed::Prefix(held))
            }
            ResumePoint::Finished => Ok(Committed::Prefix(self.total)),
        }
    }

    fn ordered(&self) -> bool {
        true
    }
}
