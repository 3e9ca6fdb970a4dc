//! An emulator that outlives its process. Given a state directory, it reads
//! every provider's records back at start ([`Provider::restore_state`]) and
//! writes them out whenever they changed (checked every
//! [`SAVE_EVERY`]) and once more when it stops, so a sandbox used by one
//! command after another behaves like one account: a video uploaded by the
//! first is there for the next, and its transcoding goes on meanwhile (the
//! emulated clock's offset is kept too, so time never goes back).
//!
//! The directory holds `state.json` (written to a temporary file, synced,
//! then renamed over the old one: a crash leaves the old or the new state,
//! never half of one), the providers' stored uploads under `data/`, and a
//! `lock` file held for the emulator's lifetime: two emulators writing one
//! state would each lose the other's changes, so the second is refused.
//! Removing the directory starts over.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::{json, Map, Value};

use super::lock::lock;
use super::provider::Provider;

/// The state file in the directory.
pub const STATE_FILE: &str = "state.json";
/// Where the providers store uploads, under the directory.
pub const DATA_DIR: &str = "data";
const LOCK_FILE: &str = "lock";
/// Bumped when a saved state could no longer be read as it was written.
const FORMAT_VERSION: u64 = 1;
/// How often the records are compared with what was last written.
pub const SAVE_EVERY: Duration = Duration::from_millis(200);

/// Holds the state directory for a running emulator: restores it at
/// [`Keeper::open`], saves it on a timer and when dropped.
pub struct Keeper {
    shared: Arc<Shared>,
    saver: Option<JoinHandle<()>>,
    // Held (locked) until the keeper goes; closing the file unlocks it.
    _lock: File,
}

struct Shared {
    dir: PathBuf,
    providers: Vec<Arc<dyn Provider>>,
    /// The text last written (or read), to write only what changed.
    last: Mutex<String>,
    stop: Mutex<bool>,
    wake: Condvar,
}

/// Takes the directory for this process, or says who holds it.
fn lock_dir(dir: &Path) -> io::Result<File> {
    std::fs::create_dir_all(dir)?;
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(io::Error::new(
            io::ErrorKind::WouldBlock,
            format!(
                "the emulator state in {} is in use by another running emulator (one per state directory)",
                dir.display()
            ),
        )),
        Err(TryLockError::Error(e)) => Err(e),
    }
}

impl Keeper {
    /// Locks `dir` (created if missing), restores the providers from its
    /// state file if there is one, and starts saving. A state file that
    /// cannot be read is an `InvalidData` error naming it: nothing is
    /// overwritten.
    pub fn open(dir: &Path, providers: Vec<Arc<dyn Provider>>) -> io::Result<Keeper> {
        let lock_file = lock_dir(dir)?;
        let path = dir.join(STATE_FILE);
        let invalid = |why: String| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "{}: {why} (remove the directory to start over)",
                    path.display()
                ),
            )
        };
        let last = match std::fs::read_to_string(&path) {
            Ok(text) => {
                let saved: Value =
                    serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))?;
                restore(&saved, &providers).map_err(invalid)?;
                text
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(e),
        };
        let shared = Arc::new(Shared {
            dir: dir.to_owned(),
            providers,
            last: Mutex::new(last),
            stop: Mutex::new(false),
            wake: Condvar::new(),
        });
        let saver = {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("vodkit-emulator-state".into())
                .spawn(move || shared.save_until_stopped())?
        };
        Ok(Keeper {
            shared,
            saver: Some(saver),
            _lock: lock_file,
        })
    }

    /// Writes the state now if it changed since the last write.
    pub fn save(&self) -> io::Result<()> {
        self.shared.save_if_changed()
    }
}

impl Drop for Keeper {
    fn drop(&mut self) {
        *lock(&self.shared.stop) = true;
        self.shared.wake.notify_all();
        if let Some(saver) = self.saver.take() {
            let _ = saver.join();
        }
        if let Err(e) = self.shared.save_if_changed() {
            eprintln!("vodkit-emulator: cannot save the state: {e}");
        }
    }
}

/// `{"version": 1, "providers": {"baijiayun": {…}, …}}` → each provider.
fn restore(saved: &Value, providers: &[Arc<dyn Provider>]) -> Result<(), String> {
    let version = saved["version"].as_u64();
    if version != Some(FORMAT_VERSION) {
        return Err(format!(
            "format version {version:?}, this emulator reads {FORMAT_VERSION}"
        ));
    }
    for p in providers {
        if let Some(state) = saved["providers"].get(p.name()) {
            p.restore_state(state.clone())
                .map_err(|e| format!("{}: {e}", p.name()))?;
        }
    }
    Ok(())
}

impl Shared {
    fn save_until_stopped(&self) {
        let mut reported = false;
        let mut stop = lock(&self.stop);
        while !*stop {
            stop = self
                .wake
                .wait_timeout(stop, SAVE_EVERY)
                .unwrap_or_else(|e| e.into_inner())
                .0;
            if *stop {
                break;
            }
            drop(stop);
            // Said once, not every 200 ms; the final save at the end says it again.
            if let Err(e) = self.save_if_changed() {
                if !reported {
                    eprintln!("vodkit-emulator: cannot save the state: {e}");
                    reported = true;
                }
            }
            stop = lock(&self.stop);
        }
    }

    fn snapshot(&self) -> String {
        let providers: Map<String, Value> = self
            .providers
            .iter()
            .filter_map(|p| Some((p.name().to_owned(), p.saved_state()?)))
            .collect();
        let doc = json!({ "version": FORMAT_VERSION, "providers": providers });
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    }

    fn save_if_changed(&self) -> io::Result<()> {
        // One save at a time: the timer's and the final one must not interleave.
        let mut last = lock(&self.last);
        let text = self.snapshot();
        if *last == text {
            return Ok(());
        }
        write_atomically(&self.dir, STATE_FILE, text.as_bytes())?;
        *last = text;
        Ok(())
    }
}

/// A temporary file in the same directory, synced, renamed over `name`, then
/// the directory synced so the rename itself survives a crash.
fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let tmp = dir.join(format!(".{name}.tmp"));
    // Mode 0600: it holds the tokens the emulator issued.
    let mut f = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, dir.join(name))?;
    File::open(dir)?.sync_all()
}

/// Empties a state directory (`Ok(false)` when there was nothing to
/// remove), so the next emulator starts afresh. Refused with `WouldBlock`
/// while a running emulator holds it.
pub fn reset(dir: &Path) -> io::Result<bool> {
    if !dir.exists() {
        return Ok(false);
    }
    let held = lock_dir(dir)?;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.file_name() == Some(LOCK_FILE.as_ref()) {
            continue;
        }
        if path.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    drop(held);
    std::fs::remove_file(dir.join(LOCK_FILE))?;
    std::fs::remove_dir(dir)?;
    Ok(true)
}
