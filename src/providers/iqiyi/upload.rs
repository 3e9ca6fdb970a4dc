//! The one-call upload: `openupload` → ranged chunks POSTed to the returned
//! `upload_url`, several in flight, each verified (`file_range_accepted` =
//! its length, `range_md5` = the MD5 computed while it streamed) → meta
//! (`file/info`) → `uploadfinish`. Chunks fail over to the backup upload host
//! when the primary fails. iQiyi has no query for the ranges it holds, so
//! the engine's record of acknowledged ranges (with their MD5s) is what a
//! resume handle carries and what a resume skips.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use reqwest::multipart::{Form, Part as FormPart};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::client::{Client, PROVIDER};
use super::envelope;
use super::models::check_file_id;
use super::models::upload::{CancelUpload, OpenUpload, SetFileInfo, UploadFinish};
use super::models::video::FullStatus;
use crate::error::{Error, ErrorKind, Result};
use crate::http::RetryPolicy;
use crate::upload::checkpoint::Record;
use crate::upload::{
    self, AckedRange, Committed, CommonUploadOptions, EngineOptions, Finished, IntoSource, Located,
    NotLocated, Part, PartAck, PartBody, PartSink, RemoteUpload, Session, Source, Start,
    UploadHooks,
};

/// Options of [`Client::upload`]: the meta set before `uploadfinish`, and
/// how the bytes are sent.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct UploadOptions {
    /// The video's name (default: the local file's name).
    pub file_name: Option<String>,
    /// The video's description (default: empty).
    pub description: Option<String>,
    /// Comma-separated tags.
    pub tags: Option<String>,
    /// The category number (see `file/info`'s `file_type`).
    pub file_type: Option<i64>,
    /// The `filetype` sent to `openupload` (default: the file's extension, or `mp4`).
    pub filetype: Option<String>,
    /// Part size in bytes, used as given. Default: the client's
    /// `part_size` (4 MiB), grown for a large file so that it makes at most 64
    /// parts, up to 64 MiB each (a 1 GiB file: 16 MiB parts).
    #[serde(deserialize_with = "crate::lenient::opt_bytes")]
    #[schemars(with = "Option<u64>")]
    pub part_size: Option<u64>,
    /// Parts in flight at once (default: the client's `concurrency`, 4).
    pub concurrency: Option<usize>,
    /// `checkpoint_dir`, `verify_md5`: the options of every provider.
    #[serde(flatten)]
    pub common: CommonUploadOptions,
}

/// The result of an upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Uploaded {
    pub file_id: String,
    /// The file size.
    pub bytes: u64,
    /// Bytes a resume found already acknowledged (0 for a fresh upload).
    pub resumed_bytes: u64,
    /// The file's MD5 (lowercase hex), hashed in file order beside the
    /// upload (iQiyi reports none to compare it with); `None` with
    /// `verify_md5: false`.
    pub file_md5: Option<String>,
    /// The earlier upload this one repeats, when iQiyi recognises the
    /// content (`fullStatus` right after `uploadfinish` says `is_repeat`,
    /// with `file_id_before`): that file id. Such a file is never
    /// published (A00007); the earlier one is the video. `None` when not a
    /// duplicate, or when the status could not be read.
    pub duplicate_of: Option<String>,
}

/// What a resume handle holds: no token, nothing secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Handle {
    provider: String,
    file_id: String,
    file_size: u64,
    /// Omitted when it carries a token; the backup host is used then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    upload_url: Option<String>,
    #[serde(default)]
    ranges: Vec<AckedRange>,
}

impl UploadOptions {
    fn engine(&self, client: &Client, file_size: u64) -> Result<EngineOptions> {
        let config = client.config();
        let part_size = self
            .part_size
            .unwrap_or_else(|| upload::auto_part_size(file_size, config.part_size));
        if part_size == 0 {
            return Err(Error::invalid_input("part_size must be at least 1 byte"));
        }
        let concurrency = self.concurrency.unwrap_or(config.concurrency);
        if !(1..=16).contains(&concurrency) {
            return Err(Error::invalid_input("concurrency must be 1 to 16"));
        }
        Ok(EngineOptions {
            part_size,
            concurrency,
            retry: RetryPolicy {
                max_retries: config.part_retries,
                ..config.common.retry.clone()
            },
            // iQiyi answers every part with its MD5 (the sink reports it).
            hash_parts: true,
            integrity_retries: Some(config.part_integrity_retries),
        })
    }

    /// Everything the caller can get wrong, checked before any request.
    fn check(&self, client: &Client, source: &Source) -> Result<(OpenUpload, EngineOptions)> {
        let meta = SetFileInfo {
            file_id: "checked".into(),
            file_name: self.file_name.clone().unwrap_or_else(|| source.file_name()),
            description: self.description.clone().unwrap_or_default(),
            tags: self.tags.clone().filter(|t| !t.is_empty()),
            file_type: self.file_type,
        };
        crate::api::Validate::validate(&meta)?;
        let filetype = match &self.filetype {
            Some(t) => t.clone(),
            None => Path::new(&source.file_name())
                .extension()
                .and_then(|e| e.to_str())
                .filter(|e| !e.is_empty() && e.chars().all(|c| c.is_ascii_alphanumeric()))
                .unwrap_or("mp4")
                .to_ascii_lowercase(),
        };
        let open = OpenUpload {
            filetype,
            filesize: source.size(),
        };
        crate::api::Validate::validate(&open)?;
        Ok((open, self.engine(client, source.size())?))
    }
}

impl Client {
    /// Uploads a file as a new video: open, chunks, meta, finish.
    pub fn upload(&self, source: impl IntoSource, options: &UploadOptions) -> Result<Uploaded> {
        self.upload_with(source, options, UploadHooks::new())
    }

    /// As [`Client::upload`], with progress and cancellation. A failure
    /// (other than a cancel, which cancels the upload at iQiyi too) carries
    /// a resume handle ([`Error::resume`]) for [`Client::resume_upload`].
    /// With `checkpoint_dir`, an upload of this file recorded there continues
    /// with the ranges it recorded, after checking each one's MD5 against
    /// the local file (iQiyi has no query for what it holds).
    pub fn upload_with(
        &self,
        source: impl IntoSource,
        options: &UploadOptions,
        mut control: UploadHooks<'_>,
    ) -> Result<Uploaded> {
        let source = source.into_source()?;
        let remote = IqiyiUpload::checked(self, options, &source)?;
        let done = remote.session().run(&source, Start::Fresh, &mut control)?;
        Ok(self.uploaded(done))
    }

    /// Continues an upload from the resume handle of its error: the ranges
    /// it records (and, with `checkpoint_dir`, those this file's checkpoint
    /// records for the same file id) are checked against the local file —
    /// a range whose MD5 differs means the file is not the one the server
    /// holds bytes of: an `Integrity` error, nothing sent — and skipped.
    pub fn resume_upload(
        &self,
        resume: &Value,
        source: impl IntoSource,
        options: &UploadOptions,
        mut control: UploadHooks<'_>,
    ) -> Result<Uploaded> {
        // A handle that is not iQiyi's fails before the file is opened.
        Handle::parse(resume)?;
        let source = source.into_source()?;
        let remote = IqiyiUpload::checked(self, options, &source)?;
        let done = remote
            .session()
            .run(&source, Start::Resume(resume), &mut control)?;
        Ok(self.uploaded(done))
    }

    /// The result of a finished session, with whether iQiyi takes the file
    /// for a repeat.
    fn uploaded(&self, done: Finished<Object>) -> Uploaded {
        let resumed_bytes = match &done.resumed {
            Committed::Ranges(ranges) => ranges.iter().map(|r| r.end - r.start).sum(),
            Committed::Prefix(held) => *held,
        };
        let duplicate_of = self.repeat_of(&done.object.file_id);
        Uploaded {
            file_id: done.object.file_id,
            bytes: done.bytes,
            resumed_bytes,
            file_md5: done.file_md5,
            duplicate_of,
        }
    }

    /// The earlier file a finished upload repeats, as `fullStatus` says.
    /// The upload is done either way: a failure to ask is logged, not raised.
    fn repeat_of(&self, file_id: &str) -> Option<String> {
        let request = FullStatus {
            file_id: file_id.to_owned(),
        };
        match self.call(&request) {
            Ok(status) if status.is_repeat => {
                let before = status.file_id_before.filter(|id| !id.is_empty());
                log::info!(
                    "iqiyi: file {file_id} repeats an earlier upload ({})",
                    before.as_deref().unwrap_or("its file id not given")
                );
                before
            }
            Ok(_) => None,
            Err(e) => {
                log::info!(
                    "iqiyi: fullStatus of the finished file {file_id} failed ({e}); not known \
                     whether it repeats an earlier upload"
                );
                None
            }
        }
    }

    fn backup_url(&self) -> Result<String> {
        Ok(format!("{}upload", self.caller().host("backup")?))
    }
}

impl Handle {
    /// An iQiyi resume handle, checked.
    fn parse(resume: &Value) -> Result<Handle> {
        let handle: Handle = serde_json::from_value(resume.clone()).map_err(|_| {
            Error::invalid_input(
                "an iQiyi resume handle is {\"provider\": \"iqiyi\", \"file_id\", \"file_size\", \"ranges\"}",
            )
        })?;
        if handle.provider != PROVIDER {
            return Err(Error::invalid_input(format!(
                "this resume handle is for {:?}, not iqiyi",
                handle.provider
            )));
        }
        check_file_id("file_id", &handle.file_id)?;
        Ok(handle)
    }
}

/// The upload being sent: its id and where chunks go.
pub(crate) struct Object {
    file_id: String,
    upload_url: String,
}

/// What iQiyi supplies to an upload session: `openupload`, the chunk
/// sink, meta + `uploadfinish`, `cancelupload`.
struct IqiyiUpload<'a> {
    client: &'a Client,
    options: &'a UploadOptions,
    open: OpenUpload,
    engine: EngineOptions,
    file_size: u64,
    /// The video's name (the local file's unless the options name one).
    file_name: String,
}

impl<'a> IqiyiUpload<'a> {
    /// Everything the caller can get wrong, checked before any request.
    fn checked(client: &'a Client, options: &'a UploadOptions, source: &Source) -> Result<Self> {
        let (open, engine) = options.check(client, source)?;
        Ok(IqiyiUpload {
            client,
            options,
            open,
            engine,
            file_size: source.size(),
            file_name: source.file_name(),
        })
    }

    fn session(&self) -> Session<'_, Self> {
        Session {
            remote: self,
            checkpoint_dir: self.options.common.checkpoint_dir.as_deref(),
            verify_md5: self.options.common.verify_md5,
        }
    }
}

impl RemoteUpload for IqiyiUpload<'_> {
    type Object = Object;

    fn provider(&self) -> &'static str {
        PROVIDER
    }

    fn create(&self, _source: &Source) -> Result<Object> {
        let slot = self.client.open_upload(&self.open)?;
        check_file_id("file_id", &slot.file_id)
            .map_err(|_| Error::new(ErrorKind::Server, "openupload returned no usable file_id"))?;
        if !(slot.upload_url.starts_with("http://") || slot.upload_url.starts_with("https://")) {
            return Err(Error::new(
                ErrorKind::Server,
                "openupload returned no usable upload_url",
            ));
        }
        Ok(Object {
            file_id: slot.file_id,
            upload_url: slot.upload_url,
        })
    }

    /// iQiyi has no query for what it holds: the handle's ranges (checked
    /// against the file) and the checkpoint's for the same file id are it.
    /// A handle saved without its upload URL (one that carried a token)
    /// goes on at the backup host.
    fn locate(
        &self,
        resume: &Value,
        checkpoint: Option<&Record>,
        source: &Source,
    ) -> std::result::Result<Located<Object>, NotLocated> {
        let handle = Handle::parse(resume)?;
        if source.size() != handle.file_size {
            return Err(Error::invalid_input(format!(
                "the file has {} bytes; the upload being resumed has {}",
                source.size(),
                handle.file_size
            ))
            .into());
        }
        upload::checkpoint::check_ranges(&handle.ranges, source).map_err(|e| match e.kind() {
            ErrorKind::Integrity => Error::new(
                ErrorKind::Integrity,
                format!(
                    "the file is not the one upload {} holds bytes of ({}); nothing was sent",
                    handle.file_id,
                    e.message()
                ),
            )
            .with_detail(format!("file_id={}", handle.file_id)),
            _ => e,
        })?;
        let mut acked = handle.ranges;
        let same_file = |r: &&Record| {
            r.resume.get("file_id").and_then(Value::as_str) == Some(handle.file_id.as_str())
        };
        if let Some(record) = checkpoint.filter(same_file) {
            for r in &record.ranges {
                if !acked.iter().any(|a| a.offset == r.offset && a.len == r.len) {
                    acked.push(r.clone());
                }
            }
        }
        let upload_url = match handle.upload_url {
            Some(url) => url,
            None => self.client.backup_url()?,
        };
        Ok(Located {
            object: Object {
                file_id: handle.file_id,
                upload_url,
            },
            held: Committed::Ranges(acked.iter().map(|r| r.offset..r.end()).collect()),
            ranges: acked,
        })
    }

    /// Never a token: an upload URL carrying one is left out, and a resume
    /// uses the backup host.
    fn handle(&self, object: &Object, acked: &[AckedRange]) -> Value {
        let mut ranges = acked.to_vec();
        ranges.sort_by_key(|r| r.offset);
        let upload_url = (!object.upload_url.to_ascii_lowercase().contains("token"))
            .then(|| object.upload_url.clone());
        let handle = Handle {
            provider: PROVIDER.to_owned(),
            file_id: object.file_id.clone(),
            file_size: self.file_size,
            upload_url,
            ranges,
        };
        serde_json::to_value(&handle).unwrap_or(Value::Null)
    }

    fn engine(&self, _source: &Source, _held: &Committed) -> Result<EngineOptions> {
        Ok(self.engine.clone())
    }

    fn sink<'s>(
        &'s self,
        object: &'s Object,
        _source: &Source,
        _held: &Committed,
    ) -> Result<Box<dyn PartSink + 's>> {
        Ok(Box::new(IqiyiSink {
            client: self.client,
            file_id: &object.file_id,
            primary: &object.upload_url,
            backup: self.client.backup_url()?,
            on_backup: AtomicBool::new(false),
        }))
    }

    /// Meta first, then finish: a video finished without meta never enters
    /// production.
    fn complete(&self, object: &Object) -> Result<()> {
        let meta = SetFileInfo {
            file_id: object.file_id.clone(),
            file_name: self
                .options
                .file_name
                .clone()
                .unwrap_or_else(|| self.file_name.clone()),
            description: self.options.description.clone().unwrap_or_default(),
            tags: self.options.tags.clone().filter(|t| !t.is_empty()),
            file_type: self.options.file_type,
        };
        self.client.set_file_info(&meta)?;
        self.client
            .upload_finish(&UploadFinish::new(object.file_id.clone()))
            .map(|_| ())
    }

    fn describe(&self, err: Error, object: &Object) -> Error {
        err.with_detail(format!("file_id={}", object.file_id))
    }

    /// Stops it at iQiyi too; a failure to say so does not hide the cancel.
    /// A cancelled upload cannot be resumed.
    fn abandon(&self, object: &Object) -> bool {
        if let Err(e) = self
            .client
            .cancel_upload(&CancelUpload::new(object.file_id.clone()))
        {
            log::info!("iqiyi: cancelupload failed: {e}");
        }
        true
    }
}

/// Sends chunks of one file, unordered, to the primary or backup host.
struct IqiyiSink<'a> {
    client: &'a Client,
    file_id: &'a str,
    primary: &'a str,
    backup: String,
    /// Set once the primary host failed: every later chunk goes to the backup.
    on_backup: AtomicBool,
}

impl PartSink for IqiyiSink<'_> {
    fn send_part(&self, part: &Part, body: PartBody, total: u64) -> Result<PartAck> {
        let backup = self.on_backup.load(Ordering::SeqCst);
        let url = if backup { &self.backup } else { self.primary };
        let range = format!("{}-{}", part.offset, part.last_byte());
        let size = total.to_string();
        let transport = self.client.caller().transport();
        let timeout = self.client.config().common.http.upload_part_timeout;
        let answer = transport
            .send_streamed(body, part.len, |http, stream| {
                let file = FormPart::stream_with_length(stream, part.len)
                    .file_name("upload_file")
                    .mime_str("application/octet-stream")
                    .map_err(|e| Error::internal(format!("multipart: {e}")))?;
                // Header and form field both, as the document and the SDK capture differ.
                let form = Form::new()
                    .text("file_id", self.file_id.to_owned())
                    .text("file_size", size.clone())
                    .text("range", range.clone())
                    .part("file", file);
                Ok(http
                    .post(url)
                    .timeout(timeout)
                    .header("file_id", self.file_id)
                    .header("file_size", size.as_str())
                    .header("range", range.as_str())
                    .multipart(form))
            })
            .and_then(|r| envelope::parse("upload", r));
        let data = match answer {
            Ok(d) => d,
            Err(err) => {
                if !backup && matches!(err.kind(), ErrorKind::Network | ErrorKind::Server) {
                    log::info!("iqiyi: the primary upload host failed ({err}); using the backup");
                    self.on_backup.store(true, Ordering::SeqCst);
                }
                return Err(err);
            }
        };
        let accepted_len = match data.get("file_range_accepted") {
            Some(Value::Number(n)) => n.as_u64(),
            Some(Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        };
        let md5 = data
            .get("range_md5")
            .and_then(Value::as_str)
            .map(str::to_owned);
        if accepted_len.is_none() || md5.is_none() {
            // A strict server always answers both: a chunk is only counted checked.
            return Err(Error::new(
                ErrorKind::Integrity,
                "the chunk answer lacks file_range_accepted or range_md5",
            ));
        }
        Ok(PartAck {
            accepted_len,
            md5,
            held: None,
        })
    }

    /// Never asked: the engine asks only an ordered sink what it holds
    /// (iQiyi has no such query; the session keeps the acknowledged ranges).
    fn committed(&self) -> Result<Committed> {
        Err(Error::internal(
            "iQiyi has no query for the ranges it holds",
        ))
    }

    fn ordered(&self) -> bool {
        false
    }

    fn reports_md5(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_handle_round_trips_and_holds_no_token() {
        let h = Handle {
            provider: PROVIDER.into(),
            file_id: "abc".into(),
            file_size: 10,
            upload_url: None,
            ranges: vec![AckedRange {
                offset: 0,
                len: 5,
                md5: "x".into(),
            }],
        };
        let v = serde_json::to_value(&h).unwrap();
        assert!(v.get("upload_url").is_none());
        let back: Handle = serde_json::from_value(json!(v)).unwrap();
        assert_eq!(back.ranges.len(), 1);
    }
}
