//! MD5 as the providers print it (lowercase hex), of bytes, of a file, and
//! of a stored upload, worked out on a thread of its own.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use md5::{Digest, Md5};

use super::lock::lock;

pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn md5_hex(bytes: &[u8]) -> String {
    hex(&Md5::digest(bytes))
}

pub fn md5_file(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Md5::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex(&h.finalize()))
}

/// The MD5 of a finished upload's file. MD5 runs at well under the speed
/// bytes arrive on loopback (about 750 MB/s against 1.5 GB/s and more), so
/// the upload is answered when its bytes are stored and the hash is worked
/// out after, from the file, on a thread of its own; whoever reads it waits
/// for it (a fraction of a second per GiB).
#[derive(Debug, Clone)]
pub struct FileMd5(Arc<(Mutex<Option<Option<String>>>, Condvar)>);

impl FileMd5 {
    /// Starts hashing `path` (the file must no longer change).
    pub fn of(path: PathBuf) -> FileMd5 {
        let slot = FileMd5(Arc::default());
        let out = slot.clone();
        let spawned = std::thread::Builder::new()
            .name("vodkit-emulator-md5".into())
            .spawn(move || out.set(md5_file(&path).ok()));
        if let Err(e) = spawned {
            // No thread to spare: reads will say there is no MD5.
            eprintln!("vodkit-emulator: cannot start hashing: {e}");
            slot.set(None);
        }
        slot
    }

    /// An MD5 already known (read back from a saved state).
    pub fn known(md5: Option<String>) -> FileMd5 {
        let slot = FileMd5(Arc::default());
        slot.set(md5);
        slot
    }

    fn set(&self, md5: Option<String>) {
        *lock(&self.0 .0) = Some(md5);
        self.0 .1.notify_all();
    }

    /// The hex MD5, once worked out (`None` when the file could not be read).
    pub fn wait(&self) -> Option<String> {
        let mut v = lock(&self.0 .0);
        loop {
            if let Some(md5) = &*v {
                return md5.clone();
            }
            v = self.0 .1.wait(v).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// `#[serde(with = "crate::common::digest::saved")]` for an `Option<FileMd5>`:
/// saved as the hex MD5 (waiting for it if it is still being worked out).
pub mod saved {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::FileMd5;

    pub fn serialize<S: Serializer>(md5: &Option<FileMd5>, s: S) -> Result<S::Ok, S::Error> {
        md5.as_ref().map(FileMd5::wait).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<FileMd5>, D::Error> {
        Ok(Option::<Option<String>>::deserialize(d)?.map(FileMd5::known))
    }
}
