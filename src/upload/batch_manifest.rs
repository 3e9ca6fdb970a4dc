//! The batch manifest: which files a batch upload ([`super::batch`]) has
//! finished, so the same batch run again after a crash, `kill -9` or Ctrl-C
//! uploads only what is unfinished and never a finished file twice.
//!
//! One JSON file, `batch-manifest.json`, in the upload's `checkpoint_dir`
//! beside the checkpoints. Each entry is keyed by the key a checkpoint of the
//! same file has ([`Identity::key`]: the provider and the canonical path, or
//! the content identity of a source that is not a path) and holds the file's
//! identity (size, modification time, first/last-MiB MD5) with the
//! provider's result. A file whose identity changed since (same path, other
//! content) is not finished: it is uploaded again.
//!
//! Read as checkpoints are (a regular file only, never a link or a FIFO, and
//! at most [`MAX_MANIFEST_BYTES`]); an unreadable manifest is a warning and
//! an empty one. Written atomically (temporary file, fsync, rename) after
//! each finished file, merged with what is on disk first so two batches
//! sharing the directory do not drop each other's entries. It holds no
//! secret: ids and the provider's upload answer only.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::checkpoint::{read_regular, write_atomically, Identity};
use crate::error::{Error, Result};

/// The manifest's file name in the checkpoint directory.
pub const MANIFEST_NAME: &str = "batch-manifest.json";

/// The manifest format this library writes and reads.
const FORMAT_VERSION: u32 = 1;

/// The largest manifest read: an entry is a few hundred bytes, so this holds
/// tens of thousands of files; anything larger is not one of ours.
pub const MAX_MANIFEST_BYTES: u64 = 32 * 1024 * 1024;

/// One finished file.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    provider: String,
    source: Identity,
    /// The provider's upload answer (its id field first).
    result: Value,
    finished_at: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    version: u32,
    files: BTreeMap<String, Entry>,
}

/// The manifest of one checkpoint directory (none without one: nothing is
/// remembered, every file is uploaded).
#[derive(Debug)]
pub(crate) struct Manifest {
    dir: Option<PathBuf>,
    files: BTreeMap<String, Entry>,
}

impl Manifest {
    /// Loads the manifest in `dir`, if any.
    pub(crate) fn load(dir: Option<&Path>) -> Manifest {
        let files = dir.map(read).unwrap_or_default();
        Manifest {
            dir: dir.map(Path::to_owned),
            files,
        }
    }

    /// The recorded result of `identity` uploaded to `provider`, when an
    /// earlier run finished that very file.
    pub(crate) fn finished(&self, provider: &str, identity: &Identity) -> Option<&Value> {
        self.files
            .get(&identity.key(provider))
            .filter(|e| e.provider == provider && e.source == *identity)
            .map(|e| &e.result)
    }

    /// Records that `identity` was uploaded to `provider` with `result`, on
    /// disk before this returns.
    pub(crate) fn record(
        &mut self,
        provider: &str,
        identity: &Identity,
        result: &Value,
    ) -> Result<()> {
        let Some(dir) = self.dir.clone() else {
            return Ok(());
        };
        // Another batch may have written since: keep its entries.
        for (key, entry) in read(&dir) {
            self.files.entry(key).or_insert(entry);
        }
        self.files.insert(
            identity.key(provider),
            Entry {
                provider: provider.to_owned(),
                source: identity.clone(),
                result: result.clone(),
                finished_at: SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map(|d| d.as_secs())
                    .unwrap_or(0),
            },
        );
        let stored = StoredRef {
            version: FORMAT_VERSION,
            files: &self.files,
        };
        let json = serde_json::to_vec_pretty(&stored)
            .map_err(|e| Error::internal(format!("batch manifest encoding: {e}")))?;
        write_atomically(&dir, MANIFEST_NAME, &json)
    }
}

#[derive(Serialize)]
struct StoredRef<'a> {
    version: u32,
    files: &'a BTreeMap<String, Entry>,
}

/// The entries of the manifest in `dir`; none (with a warning) when it is
/// missing, not a regular file, too large, or not a manifest.
fn read(dir: &Path) -> BTreeMap<String, Entry> {
    let path = dir.join(MANIFEST_NAME);
    if path.symlink_metadata().is_err() {
        return BTreeMap::new();
    }
    let parsed = read_regular(&path, MAX_MANIFEST_BYTES).and_then(|bytes| {
        serde_json::from_slice::<Stored>(&bytes).map_err(|e| format!("not a batch manifest: {e}"))
    });
    match parsed {
        Ok(stored) if stored.version == FORMAT_VERSION => stored.files,
        Ok(stored) => {
            log::warn!(
                "ignoring {}: format version {}, this library reads {FORMAT_VERSION}",
                path.display(),
                stored.version
            );
            BTreeMap::new()
        }
        Err(why) => {
            log::warn!("ignoring {}: {why}", path.display());
            BTreeMap::new()
        }
    }
}

/// The result an earlier batch recorded for `source` uploaded to `provider`
/// with `checkpoint_dir`, if it finished that very file (what a batch run
/// again would skip): for a dry run that shows what would go.
pub fn finished_upload(
    checkpoint_dir: &Path,
    provider: &str,
    source: &super::source::Source,
) -> Result<Option<Value>> {
    let identity = Identity::of(source)?;
    Ok(Manifest::load(Some(checkpoint_dir))
        .finished(provider, &identity)
        .cloned())
}
