//! An exclusive lock on one app's renewed-credential store, held for a
//! whole command: iQiyi's refresh tokens are single-use, so two runs at
//! once must not both read the same stored pair and both spend its refresh
//! token (the second refresh fails, and with no app secret the run fails).
//! The second run waits, then reads the pair the first one stored.

use std::path::Path;

/// Released when dropped (closing the descriptor drops the `flock`).
pub struct StateLock {
    _file: std::fs::File,
}

impl StateLock {
    /// Takes the lock of `store` (a `.lock` file of that name in the
    /// `locks` folder beside the store's folder, which holds only stores),
    /// waiting for another run that holds it.
    pub fn acquire(store: &Path) -> std::io::Result<StateLock> {
        let name = store.with_extension("lock");
        let name = name.file_name().unwrap_or_default();
        let folder = store.parent().unwrap_or(Path::new("."));
        let path = folder.parent().unwrap_or(folder).join("locks").join(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // Never follow a link planted under the lock's name, never
            // block opening a FIFO.
            options
                .mode(0o600)
                .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let file = options.open(&path)?;
        #[cfg(unix)]
        {
            use std::os::unix::io::AsRawFd;
            loop {
                // SAFETY: flock on a descriptor this function owns.
                if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
                    break;
                }
                let err = std::io::Error::last_os_error();
                if err.kind() != std::io::ErrorKind::Interrupted {
                    return Err(err);
                }
            }
        }
        Ok(StateLock { _file: file })
    }
}
