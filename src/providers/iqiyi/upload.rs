//! The one-call upload: `openupload` → ranged chunks POSTed to the returned
//! `upload_url`, several in flight, each verified (`file_range_accepted` =
//! its length, `range_md5` = the MD5 computed while it streamed) → meta
//! (`file/info`) → `uploadfinish`. Chunks fail over to the backup upload host
//! when the primary fails. iQiyi has no query for the ranges it holds, so
//! the engine's record of acknowledged ranges (with their MD5s) is what a
//! resume handle carries and what a resume skips.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use reqwest::multipart::{Form, Part as FormPart};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::client::{Client, PROVIDER};
use super::envelope;
use super::models::check_file_id;
use super::models::upload::{OpenUpload, SetFileInfo};
use crate::error::{Error, ErrorKind, Result};
use crate::http::RetryPolicy;
use crate::upload::{
    self, AckedRange, Checkpoint, Committed, CommonUploadOptions, EngineOptions, FileMd5,
    IntoSource, Lookup, Part, PartAck, PartBody, PartReceipt, PartSink, Source, UploadHooks,
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
}

/// One range the server acknowledged (length and MD5 checked).
type Acked = AckedRange;

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
    ranges: Vec<Acked>,
}

impl UploadOptions {
    fn meta(&self, source: &Source, file_id: &str) -> SetFileInfo {
        SetFileInfo {
            file_id: file_id.to_owned(),
            file_name: self.file_name.clone().unwrap_or_else(|| source.file_name()),
            description: self.description.clone().unwrap_or_default(),
            tags: self.tags.clone().filter(|t| !t.is_empty()),
            file_type: self.file_type,
        }
    }

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
        })
    }

    /// Everything the caller can get wrong, checked before any request.
    fn check(&self, client: &Client, source: &Source) -> Result<(OpenUpload, EngineOptions)> {
        crate::api::Validate::validate(&self.meta(source, "checked"))?;
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
        let (open, engine) = options.check(self, &source)?;
        if control.is_cancelled() {
            return Err(Error::cancelled());
        }
        let (checkpoint, lookup) =
            Checkpoint::open_if(options.common.checkpoint_dir.as_deref(), PROVIDER, &source)?;
        if let Lookup::Resume(record) = lookup {
            match serde_json::from_value::<Handle>(record.resume.clone()) {
                Ok(handle) if check_file_id("file_id", &handle.file_id).is_ok() => {
                    let upload = self.resumed(handle, record.ranges, Some(record.created_at))?;
                    return self.send(
                        upload,
                        &source,
                        options,
                        engine,
                        checkpoint.as_ref(),
                        &mut control,
                    );
                }
                _ => log::warn!(
                    "checkpoint {}: no usable file_id in it; uploading afresh",
                    record.key
                ),
            }
        }
        let slot = self.open_upload(&open)?;
        check_file_id("file_id", &slot.file_id)
            .map_err(|_| Error::new(ErrorKind::Server, "openupload returned no usable file_id"))?;
        if !(slot.upload_url.starts_with("http://") || slot.upload_url.starts_with("https://")) {
            return Err(Error::new(
                ErrorKind::Server,
                "openupload returned no usable upload_url",
            ));
        }
        let upload = Upload {
            file_id: slot.file_id,
            upload_url: slot.upload_url,
            acked: Vec::new(),
            created_at: None,
        };
        self.send(
            upload,
            &source,
            options,
            engine,
            checkpoint.as_ref(),
            &mut control,
        )
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
        let mut handle: Handle = serde_json::from_value(resume.clone()).map_err(|_| {
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
        let source = source.into_source()?;
        if source.size() != handle.file_size {
            return Err(Error::invalid_input(format!(
                "the file has {} bytes; the upload being resumed has {}",
                source.size(),
                handle.file_size
            )));
        }
        let (_, engine) = options.check(self, &source)?;
        upload::checkpoint::check_ranges(&handle.ranges, &source).map_err(|e| match e.kind() {
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
        let (checkpoint, lookup) =
            Checkpoint::open_if(options.common.checkpoint_dir.as_deref(), PROVIDER, &source)?;
        let mut acked = std::mem::take(&mut handle.ranges);
        let mut created_at = None;
        if let Lookup::Resume(record) = lookup {
            if record.resume.get("file_id").and_then(Value::as_str) == Some(handle.file_id.as_str())
            {
                created_at = Some(record.created_at);
                for r in record.ranges {
                    if !acked.iter().any(|a| a.offset == r.offset && a.len == r.len) {
                        acked.push(r);
                    }
                }
            }
        }
        let upload = self.resumed(handle, acked, created_at)?;
        self.send(
            upload,
            &source,
            options,
            engine,
            checkpoint.as_ref(),
            &mut control,
        )
    }

    /// The upload a resume handle names, with the ranges acknowledged so
    /// far. A handle saved without its upload URL (one that carried a
    /// token) goes on at the backup host.
    fn resumed(
        &self,
        handle: Handle,
        acked: Vec<Acked>,
        created_at: Option<u64>,
    ) -> Result<Upload> {
        let upload_url = match handle.upload_url {
            Some(url) => url,
            None => self.backup_url()?,
        };
        Ok(Upload {
            file_id: handle.file_id,
            upload_url,
            acked,
            created_at,
        })
    }

    fn backup_url(&self) -> Result<String> {
        Ok(format!("{}upload", self.caller().host("backup")?))
    }

    fn send(
        &self,
        upload: Upload,
        source: &Source,
        options: &UploadOptions,
        engine: EngineOptions,
        checkpoint: Option<&Checkpoint>,
        control: &mut UploadHooks<'_>,
    ) -> Result<Uploaded> {
        let Upload {
            file_id,
            upload_url,
            acked,
            created_at,
        } = upload;
        let resumed_bytes = acked.iter().map(|r| r.len).sum();
        let start = Committed::Ranges(acked.iter().map(|r| r.offset..r.offset + r.len).collect());
        let digest = options
            .common
            .verify_md5
            .then(|| FileMd5::start(source, false));
        let sink = IqiyiSink {
            client: self,
            file_id: file_id.clone(),
            primary: upload_url,
            backup: self.backup_url()?,
            on_backup: AtomicBool::new(false),
            acked: Mutex::new(acked),
            meta: options.meta(source, &file_id),
            checkpoint,
            digest: digest.as_ref(),
        };
        let handle = sink.handle(source.size(), false);
        control.set_resume(handle.clone());
        if let Some(cp) = checkpoint {
            let ranges = sink.acked().clone();
            cp.start(handle, ranges, created_at)
                .map_err(|e| sink.attach_resume(e, source.size()))?;
        }
        match upload::run(source, &sink, &engine, start, control) {
            Ok(()) => {
                // The checkpoint goes last: until the caller has the file id
                // it is the only record of the upload (a process killed while
                // the whole-file MD5 finishes would otherwise leave a
                // finished file nobody knows, and the next upload() of the
                // file would make a second one).
                // A failure to read the file keeps the checkpoint: a plain
                // upload() finds every range acknowledged and finishes.
                drop(sink);
                let file_md5 = digest
                    .map(|d| d.finish())
                    .transpose()
                    .map_err(|e| e.with_detail(format!("file_id={file_id}")))?;
                if let Some(cp) = checkpoint {
                    cp.finished();
                }
                Ok(Uploaded {
                    file_id,
                    bytes: source.size(),
                    resumed_bytes,
                    file_md5,
                })
            }
            Err(err) if err.kind() == ErrorKind::Cancelled => {
                // Stop it at iQiyi too; a failure to say so does not hide the
                // cancel. A cancelled upload cannot be resumed: its checkpoint goes.
                if let Err(e) = self.cancel_upload(file_id.clone()) {
                    log::info!("iqiyi: cancelupload failed: {e}");
                }
                if let Some(cp) = checkpoint {
                    cp.finished();
                }
                Err(err.with_detail(format!("file_id={file_id}")))
            }
            Err(err) => Err(sink.attach_resume(err, source.size())),
        }
    }
}

/// The upload to send to: its id, where chunks go, and the ranges the
/// server acknowledged already.
struct Upload {
    file_id: String,
    upload_url: String,
    acked: Vec<Acked>,
    /// When its checkpoint was first written (a resume keeps it).
    created_at: Option<u64>,
}

/// Sends chunks of one file, unordered, to the primary or backup host.
struct IqiyiSink<'a> {
    client: &'a Client,
    file_id: String,
    primary: String,
    backup: String,
    /// Set once the primary host failed: every later chunk goes to the backup.
    on_backup: AtomicBool,
    acked: Mutex<Vec<Acked>>,
    meta: SetFileInfo,
    checkpoint: Option<&'a Checkpoint>,
    digest: Option<&'a FileMd5>,
}

impl IqiyiSink<'_> {
    fn acked(&self) -> std::sync::MutexGuard<'_, Vec<Acked>> {
        self.acked.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The resume handle (never a token: an upload URL carrying one is
    /// left out, and a resume uses the backup host), with the acknowledged
    /// ranges or without.
    fn handle(&self, file_size: u64, with_ranges: bool) -> Value {
        let mut ranges = if with_ranges {
            self.acked().clone()
        } else {
            Vec::new()
        };
        ranges.sort_by_key(|r| r.offset);
        let upload_url =
            (!self.primary.to_ascii_lowercase().contains("token")).then(|| self.primary.clone());
        let handle = Handle {
            provider: PROVIDER.to_owned(),
            file_id: self.file_id.clone(),
            file_size,
            upload_url,
            ranges,
        };
        serde_json::to_value(&handle).unwrap_or(Value::Null)
    }

    /// The error with what a resume needs.
    fn attach_resume(&self, err: Error, file_size: u64) -> Error {
        let detail = format!("file_id={}", self.file_id);
        err.with_detail(detail)
            .with_resume(self.handle(file_size, true))
    }
}

impl PartSink for IqiyiSink<'_> {
    fn send_part(&self, part: &Part, body: PartBody, total: u64) -> Result<PartAck> {
        let backup = self.on_backup.load(Ordering::SeqCst);
        let url = if backup { &self.backup } else { &self.primary };
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
                    .text("file_id", self.file_id.clone())
                    .text("file_size", size.clone())
                    .text("range", range.clone())
                    .part("file", file);
                Ok(http
                    .post(url.as_str())
                    .timeout(timeout)
                    .header("file_id", self.file_id.as_str())
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

    fn committed(&self) -> Result<Committed> {
        Ok(Committed::Ranges(
            self.acked()
                .iter()
                .map(|r| r.offset..r.offset + r.len)
                .collect(),
        ))
    }

    fn ordered(&self) -> bool {
        false
    }

    fn reports_md5(&self) -> bool {
        true
    }

    fn acknowledged(&self, part: &Part, receipt: &PartReceipt) {
        // Every part is hashed (`reports_md5`), so every receipt has its MD5.
        if let Some(md5) = &receipt.md5 {
            self.acked().push(Acked {
                offset: part.offset,
                len: part.len,
                md5: md5.clone(),
            });
        }
        if let Some(cp) = self.checkpoint {
            cp.acknowledged(part, receipt);
        }
        if let Some(d) = self.digest {
            d.acknowledged(part, receipt);
        }
    }

    /// Meta first, then finish: a video finished without meta never enters
    /// production.
    fn finish(&self) -> Result<()> {
        self.client.set_file_info(&self.meta)?;
        self.client.upload_finish(self.file_id.clone())
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
            ranges: vec![Acked {
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
