//! Upload options every provider takes, flattened into each provider's
//! `UploadOptions` (one definition, one doc, the same JSON keys everywhere).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The options of every provider's upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct CommonUploadOptions {
    /// A directory for checkpoints (created if missing). Before the first
    /// byte is sent the upload records its resume handle there (never a key,
    /// token or signed URL), and every acknowledged range with its MD5; an
    /// upload of the same file with the same directory, in any process,
    /// continues from what the server holds, after checking the local file
    /// is the one whose bytes the server has. The record goes when the
    /// upload completes. List and remove them with `checkpoints(dir)` /
    /// `remove_checkpoint(dir, key)`. Default: none.
    pub checkpoint_dir: Option<PathBuf>,
    /// Compare the file's MD5, computed while it streams, with the one the
    /// provider reports after the upload (Baijiayun's `getInfo` `file_md5`):
    /// a difference is an `Integrity` error naming both. Default true; false
    /// also skips computing it where that costs a read of the file.
    pub verify_md5: bool,
}

impl Default for CommonUploadOptions {
    fn default() -> Self {
        CommonUploadOptions {
            checkpoint_dir: None,
            verify_md5: true,
        }
    }
}
