//! The CLI's own checkpoints (until the core has one, issue 13): an upload's
//! resume handle (never a secret) keyed by the file's identity (canonical
//! path, size, mtime), one JSON file each in the user's state directory,
//! written atomically with mode 0600.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::settings;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    pub version: u32,
    pub id: String,
    pub path: PathBuf,
    pub size: u64,
    pub mtime: u64,
    pub provider: String,
    /// The resume handle the SDK returned (`{"provider", "video_id"}`).
    pub resume: Value,
    /// The upload options it was started with (resumed with the same).
    pub options: Value,
    pub saved_at: u64,
}

/// A file's identity.
pub struct Identity {
    pub path: PathBuf,
    pub size: u64,
    pub mtime: u64,
}

impl Identity {
    pub fn of(path: &Path) -> std::io::Result<Identity> {
        let path = std::fs::canonicalize(path)?;
        let meta = std::fs::metadata(&path)?;
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        Ok(Identity {
            path,
            size: meta.len(),
            mtime,
        })
    }

    pub fn id(&self, provider: &str) -> String {
        let mut h = Md5::new();
        h.update(provider.as_bytes());
        h.update([0]);
        h.update(self.path.as_os_str().as_encoded_bytes());
        h.update([0]);
        h.update(self.size.to_le_bytes());
        h.update(self.mtime.to_le_bytes());
        let digest = h.finalize();
        digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
    }
}

fn dir() -> PathBuf {
    settings::state_dir().join("checkpoints")
}

pub fn load(id: &str) -> Option<Record> {
    let text = std::fs::read_to_string(dir().join(format!("{id}.json"))).ok()?;
    let rec: Record = serde_json::from_str(&text).ok()?;
    (rec.version == 1 && rec.id == id).then_some(rec)
}

pub fn save(rec: &Record) -> std::io::Result<PathBuf> {
    let path = dir().join(format!("{}.json", rec.id));
    let text = serde_json::to_vec_pretty(rec).map_err(std::io::Error::other)?;
    settings::write_private(&path, &text)?;
    Ok(path)
}

pub fn remove(id: &str) -> std::io::Result<bool> {
    match std::fs::remove_file(dir().join(format!("{id}.json"))) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

pub fn list() -> Vec<Record> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir()) {
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().and_then(|x| x.to_str()) != Some("json") {
                continue;
            }
            if let Some(rec) = std::fs::read_to_string(&p)
                .ok()
                .and_then(|t| serde_json::from_str::<Record>(&t).ok())
            {
                out.push(rec);
            }
        }
    }
    out.sort_by(|a, b| a.saved_at.cmp(&b.saved_at).then(a.id.cmp(&b.id)));
    out
}

pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
