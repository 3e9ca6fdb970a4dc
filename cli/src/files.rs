//! Where the CLI keeps its state (checkpoints, renewed credentials) and how
//! it writes a private file: shared by the settings and the credential
//! store, which need nothing else of each other.

use std::io::Write;
use std::path::{Path, PathBuf};

pub fn state_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("VODKIT_STATE_DIR") {
        return PathBuf::from(p);
    }
    match directories::ProjectDirs::from("", "", "vodkit") {
        Some(d) => d.state_dir().unwrap_or(d.data_local_dir()).to_owned(),
        None => PathBuf::from(".vodkit-state"),
    }
}

/// Writes `contents` to `path` atomically with mode 0600.
pub fn write_private(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("vodkit"),
        std::process::id()
    ));
    {
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut f = opts.open(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)
}
