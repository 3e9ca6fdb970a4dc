//! What the iQiyi emulation holds: tokens, files (with the ranges received),
//! and its own upload faults.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::config::Config;
use crate::common::clock::Clock;
use crate::common::controls::Controls;
use crate::common::digest::FileMd5;
use crate::common::faults::take_one;
use crate::common::lock::lock;
use crate::common::upload_target::UploadTarget;

/// Faults only iQiyi has. Set with [`Shared::set_upload_faults`] or
/// `POST /_emulator/iqiyi/upload_faults`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UploadFaults {
    /// The next N chunk answers carry a wrong `range_md5` (the range is not kept).
    pub corrupt_range: u32,
    /// The primary upload host (`/qichuan/upload`) answers 503 to every chunk.
    pub primary_down: bool,
    /// `Some(n)`: the next `n` chunks are kept, then every chunk answer
    /// carries a wrong `range_md5` until the faults are set again: an upload
    /// that breaks after exactly `n` ranges, whatever the timing (a fault
    /// set from a progress callback may come after the last chunk).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrupt_after: Option<u32>,
    /// `Some(n)`: every access token expires (as `expire_tokens`) once `n`
    /// more chunks have been answered (one-shot): a token that runs out
    /// mid-upload at a known part, whatever the timing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire_tokens_after: Option<u32>,
}

impl UploadFaults {
    /// Whether this chunk's answer is to carry a wrong `range_md5`
    /// (`corrupt_range` first, then `corrupt_after`); asked once per chunk.
    pub(crate) fn take_corrupt_range(&mut self) -> bool {
        if take_one(&mut self.corrupt_range) {
            return true;
        }
        match self.corrupt_after.as_mut() {
            Some(left) => !take_one(left),
            None => false,
        }
    }

    /// Whether the tokens are to expire once this chunk is answered
    /// (`expire_tokens_after`); asked once per chunk.
    pub(crate) fn take_token_expiry(&mut self) -> bool {
        match self.expire_tokens_after.as_mut() {
            Some(left) if *left > 1 => {
                *left -= 1;
                false
            }
            Some(_) => {
                self.expire_tokens_after = None;
                true
            }
            None => false,
        }
    }
}

/// How often tokens were handed out.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TokenStats {
    pub authorized: u32,
    pub refreshed: u32,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Meta {
    pub file_name: String,
    pub description: String,
    pub tags: Option<String>,
    pub file_type: Option<i64>,
}

/// One uploaded (or uploading) file. Serialized only to keep it across runs
/// ([`crate::common::persist`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileRec {
    pub file_id: String,
    pub filetype: String,
    pub size: u64,
    pub path: PathBuf,
    pub created: i64,
    /// Ranges received intact, `start..end` (end exclusive), unordered.
    pub ranges: Vec<Range<u64>>,
    /// Chunk requests per range start (re-sent ranges count twice).
    pub chunks: BTreeMap<u64, u32>,
    pub meta: Option<Meta>,
    pub finished_at: Option<i64>,
    /// The order of finishes (1, 2, …): a repeat repeats an earlier file.
    pub finish_seq: Option<u64>,
    /// The stored file's MD5, worked out after `uploadfinish` answered (see
    /// [`Shared::settle`]).
    #[serde(with = "crate::common::digest::saved")]
    pub md5: Option<FileMd5>,
    /// The earlier file this one repeats, once [`Shared::settle`] knows.
    pub repeat_of: Option<String>,
    pub repeat_known: bool,
    pub cancelled: bool,
    pub deleted: bool,
    /// Its upload URL was on the upload target: the bytes went there, so
    /// `uploadfinish` takes the file as whole without looking at them.
    pub external: bool,
}

impl FileRec {
    /// Bytes covered by the ranges received.
    pub fn covered(&self) -> u64 {
        let mut r = self.ranges.clone();
        r.sort_by_key(|r| r.start);
        let (mut at, mut total) = (0u64, 0u64);
        for x in r {
            let start = x.start.max(at);
            if x.end > start {
                total += x.end - start;
                at = x.end;
            }
        }
        total
    }

    /// The fullStatus code at `now`.
    pub fn state_code(&self, now: i64, publish_secs: i64) -> &'static str {
        if self.deleted {
            return "A00003";
        }
        if self.cancelled {
            return "A00006";
        }
        match self.finished_at {
            None => "A00004",
            Some(_) if self.repeat_of.is_some() => "A00007",
            Some(t) if now < t + publish_secs => "A00001",
            Some(_) => "A00000",
        }
    }
}

/// A file as tests see it.
#[derive(Debug, Clone, Serialize)]
pub struct FileSnapshot {
    pub file_id: String,
    pub filetype: String,
    pub size: u64,
    /// Bytes covered by the ranges received intact.
    pub received: u64,
    /// The stored file's MD5, worked out after `uploadfinish`.
    pub md5: Option<String>,
    /// Chunk requests per range start.
    pub chunks: BTreeMap<u64, u32>,
    pub meta: Option<Meta>,
    pub finished: bool,
    pub cancelled: bool,
    pub deleted: bool,
    /// The fullStatus code now.
    pub state: String,
}

/// The iQiyi emulation's state.
pub struct Shared {
    pub config: Config,
    pub controls: Controls,
    pub base_url: String,
    pub data_dir: PathBuf,
    /// access token → expiry (emulated unix seconds).
    pub(crate) access: Mutex<HashMap<String, i64>>,
    pub(crate) refresh: Mutex<HashMap<String, ()>>,
    pub(crate) files: Mutex<BTreeMap<String, FileRec>>,
    pub(crate) faults: Mutex<UploadFaults>,
    pub(crate) stats: Mutex<TokenStats>,
    /// Where `openupload`'s `upload_url` sends the bytes (the emulator unless set).
    pub upload_target: UploadTarget,
    pub(crate) next: AtomicU64,
    pub(crate) finishes: AtomicU64,
}

impl AsRef<UploadTarget> for Shared {
    fn as_ref(&self) -> &UploadTarget {
        &self.upload_target
    }
}

impl Shared {
    pub(crate) fn new(
        config: Config,
        base_url: String,
        data_dir: PathBuf,
    ) -> std::io::Result<Arc<Self>> {
        std::fs::create_dir_all(&data_dir)?;
        let controls = Controls::new(config.faults.clone(), None);
        Ok(Arc::new(Shared {
            config,
            controls,
            base_url,
            data_dir,
            access: Mutex::default(),
            refresh: Mutex::default(),
            files: Mutex::default(),
            faults: Mutex::default(),
            stats: Mutex::default(),
            upload_target: UploadTarget::default(),
            next: AtomicU64::new(1),
            finishes: AtomicU64::new(0),
        }))
    }

    pub fn clock(&self) -> &Clock {
        &self.controls.clock
    }

    /// A fresh 32-hex-digit id (tokens, file ids).
    pub(crate) fn new_id(&self, kind: &str) -> String {
        use md5::Digest;
        let n = self.next.fetch_add(1, Ordering::SeqCst);
        let seed = format!("{kind}-{n}-{}-{}", self.clock().now_ms(), fastrand::u64(..));
        let d = md5::Md5::digest(seed.as_bytes());
        d.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Issues a token pair: (access, refresh).
    pub(crate) fn issue_tokens(&self) -> (String, String) {
        let access = self.new_id("access");
        let refresh = self.new_id("refresh");
        let expires = self.clock().now_secs() + self.config.token_ttl_secs;
        lock(&self.access).insert(access.clone(), expires);
        lock(&self.refresh).insert(refresh.clone(), ());
        (access, refresh)
    }

    /// Every access token issued so far expires now (A21327 from then on).
    pub fn expire_tokens(&self) {
        let past = self.clock().now_secs() - 1;
        for v in lock(&self.access).values_mut() {
            *v = past;
        }
    }

    pub fn upload_faults(&self) -> UploadFaults {
        lock(&self.faults).clone()
    }

    pub fn set_upload_faults(&self, f: UploadFaults) {
        *lock(&self.faults) = f;
    }

    pub fn token_stats(&self) -> TokenStats {
        lock(&self.stats).clone()
    }

    /// Works out, once, whether the finished file `id` repeats an earlier
    /// one. Blocks while the MD5s are hashed: call it off the async workers.
    ///
    /// Why not at `uploadfinish`: hashing the whole file there (a fraction
    /// of a second per GiB) would keep every upload's last answer waiting,
    /// which the provider does not do (its checks run after the upload).
    pub fn settle(&self, id: &str) {
        let (mine, mut earlier) = {
            let files = lock(&self.files);
            let Some(rec) = files.get(id) else { return };
            let (Some(md5), Some(seq)) = (&rec.md5, rec.finish_seq) else {
                return;
            };
            if rec.repeat_known {
                return;
            }
            let earlier: Vec<(u64, String, FileMd5)> = files
                .values()
                .filter(|r| !r.deleted && r.finish_seq.is_some_and(|s| s < seq))
                .filter_map(|r| Some((r.finish_seq?, r.file_id.clone(), r.md5.clone()?)))
                .collect();
            (md5.clone(), earlier)
        };
        earlier.sort_by_key(|(seq, _, _)| *seq);
        let before = mine.wait().and_then(|m| {
            earlier
                .into_iter()
                .find(|(_, _, h)| h.wait().as_deref() == Some(m.as_str()))
                .map(|(_, id, _)| id)
        });
        if let Some(rec) = lock(&self.files).get_mut(id) {
            rec.repeat_of = before;
            rec.repeat_known = true;
        }
    }

    /// [`Shared::settle`] for every finished file.
    pub fn settle_all(&self) {
        let ids: Vec<String> = lock(&self.files)
            .values()
            .filter(|r| r.finish_seq.is_some() && !r.repeat_known)
            .map(|r| r.file_id.clone())
            .collect();
        for id in ids {
            self.settle(&id);
        }
    }

    /// Hands out the next finish's order number.
    pub(crate) fn next_finish(&self) -> u64 {
        self.finishes.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// Every file the fake account holds, as [`Self::file`] shows each (the
    /// sandbox's view of what the provider holds).
    pub fn files(&self) -> Vec<FileSnapshot> {
        let ids: Vec<String> = lock(&self.files).keys().cloned().collect();
        ids.iter().filter_map(|id| self.file(id)).collect()
    }

    /// The file as tests see it; waits for its MD5 and repeat check.
    pub fn file(&self, file_id: &str) -> Option<FileSnapshot> {
        self.settle(file_id);
        let md5 = lock(&self.files).get(file_id).and_then(|f| f.md5.clone());
        let md5 = md5.and_then(|m| m.wait());
        let now = self.clock().now_secs();
        lock(&self.files).get(file_id).map(|f| FileSnapshot {
            file_id: f.file_id.clone(),
            filetype: f.filetype.clone(),
            size: f.size,
            received: f.covered(),
            md5: md5.clone(),
            chunks: f.chunks.clone(),
            meta: f.meta.clone(),
            finished: f.finished_at.is_some(),
            cancelled: f.cancelled,
            deleted: f.deleted,
            state: f.state_code(now, self.config.publish_secs).to_owned(),
        })
    }
}
