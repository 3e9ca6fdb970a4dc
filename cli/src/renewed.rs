//! Credentials a provider renews by itself (iQiyi's access/refresh token
//! pair, the partner key Baijiayun's client fetched with the secret key),
//! kept between runs: the SDK's client hands out what it holds now
//! (`Client::credentials`); after a command the CLI stores it in the user's
//! state directory (one JSON file per app, mode 0600), and the next run
//! starts with it. iQiyi's refresh tokens are single-use: without this,
//! every run after an expiry would authorize anew with the app secret; a
//! stored Baijiayun key spares each run its `partner/createkey`.
//!
//! A pair is stored with a fingerprint of the configured credentials it
//! descends from, so configuring a new token (flags, environment, profile)
//! wins over the stored descendant of an older one; with no token
//! configured, the stored pair is used.

use std::path::PathBuf;

use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::{facts, files};

/// Seconds left on a token count from `saved_at` (the SDK reports them
/// from the moment it adopted the pair).
const EXPIRES_IN: &str = "expires_in";

#[derive(Serialize, Deserialize)]
struct Record {
    version: u32,
    provider: String,
    seed: String,
    saved_at: u64,
    credentials: Map<String, Value>,
}

/// Where one app's renewed credentials live, and what was configured.
pub struct Renewed {
    path: PathBuf,
    provider: String,
    /// The credentials as configured (before the stored pair was merged):
    /// the fingerprint of a newly stored pair is taken from them.
    configured: Map<String, Value>,
    /// Held from before the store is read until the command ends.
    _lock: Option<crate::state_lock::StateLock>,
}

fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(v) => v.to_string(),
    }
}

/// A fingerprint of `config`'s values of the credential keys (not the expiry).
fn fingerprint(config: &Map<String, Value>, keys: &[&String]) -> String {
    let mut keys: Vec<&&String> = keys.iter().filter(|k| k.as_str() != EXPIRES_IN).collect();
    keys.sort();
    let mut h = Md5::new();
    for k in keys {
        h.update(k.as_bytes());
        h.update([b'=']);
        h.update(text(config.get(k.as_str())).as_bytes());
        h.update([0]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl Renewed {
    /// The store of `provider`'s app named by the non-secret settings in
    /// `config` (client id, base URL…); merges a stored pair into `config`
    /// when it descends from what is configured.
    pub fn load(
        provider: &str,
        config: &mut Map<String, Value>,
        sources: &mut Vec<(String, String)>,
    ) -> Renewed {
        let mut h = Md5::new();
        h.update(provider.as_bytes());
        let settings = facts::lifecycle(provider)
            .map(|l| l.settings())
            .unwrap_or_default();
        for s in settings.iter().filter(|s| !s.secret) {
            h.update([0]);
            h.update(s.key.as_bytes());
            h.update([b'=']);
            h.update(text(config.get(&s.key)).as_bytes());
        }
        let id: String = h
            .finalize()
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        let path = files::state_dir()
            .join("credentials")
            .join(format!("{provider}-{id}.json"));
        // Only iQiyi's refresh tokens are single-use; locking every store
        // would make a long `wait` hold up every other command.
        let lock = (provider == "iqiyi")
            .then(|| {
                crate::state_lock::StateLock::acquire(&path)
                    .map_err(|e| eprintln!("note: cannot lock {}: {e}", path.display()))
                    .ok()
            })
            .flatten();
        let renewed = Renewed {
            path,
            provider: provider.to_owned(),
            configured: config.clone(),
            _lock: lock,
        };
        if let Some(rec) = renewed.read() {
            let keys: Vec<&String> = rec.credentials.keys().collect();
            let none_configured = keys
                .iter()
                .all(|k| k.as_str() == EXPIRES_IN || text(config.get(k.as_str())).is_empty());
            if none_configured || rec.seed == fingerprint(config, &keys) {
                for (k, v) in &rec.credentials {
                    let v = match (k.as_str(), v.as_u64()) {
                        (EXPIRES_IN, Some(0)) | (EXPIRES_IN, None) => {
                            config.remove(k);
                            continue;
                        }
                        (EXPIRES_IN, Some(secs)) => Value::from(
                            secs.saturating_sub(unix_now().saturating_sub(rec.saved_at)),
                        ),
                        _ => v.clone(),
                    };
                    config.insert(k.clone(), v);
                    sources.push((k.clone(), format!("state {}", renewed.path.display())));
                }
            }
        }
        renewed
    }

    fn read(&self) -> Option<Record> {
        // Only a regular file of sane size (never a FIFO or a link to /dev/zero).
        let bytes = match vodkit::upload::checkpoint::read_regular(&self.path, 1024 * 1024) {
            Ok(bytes) => bytes,
            Err(why) => {
                if self.path.symlink_metadata().is_ok() {
                    eprintln!("note: ignoring {}: {why}", self.path.display());
                }
                return None;
            }
        };
        let rec: Record = serde_json::from_slice(&bytes).ok()?;
        (rec.version == 1 && rec.provider == self.provider).then_some(rec)
    }

    /// Stores `now` (what the client holds after the command) when it is not
    /// what the command started with (`in_effect`). Returns whether it did.
    pub fn keep(&self, in_effect: &Value, now: &Value) -> std::io::Result<bool> {
        let Value::Object(now) = now else {
            return Ok(false);
        };
        let tokens = |m: &Map<String, Value>| -> Vec<(String, String)> {
            let mut v: Vec<(String, String)> = m
                .iter()
                .filter(|(k, _)| k.as_str() != EXPIRES_IN)
                .map(|(k, _)| (k.clone(), text(m.get(k))))
                .collect();
            v.sort();
            v
        };
        let held = tokens(now);
        // A client that never authorized holds nothing worth keeping.
        if held.iter().all(|(_, v)| v.is_empty()) {
            return Ok(false);
        }
        let started: Vec<(String, String)> = held
            .iter()
            .map(|(k, _)| (k.clone(), text(in_effect.get(k))))
            .collect();
        if started == held {
            return Ok(false);
        }
        let keys: Vec<&String> = now.keys().collect();
        let rec = Record {
            version: 1,
            provider: self.provider.clone(),
            seed: fingerprint(&self.configured, &keys),
            saved_at: unix_now(),
            credentials: now.clone(),
        };
        let bytes = serde_json::to_vec_pretty(&rec).map_err(std::io::Error::other)?;
        files::write_private(&self.path, &bytes)?;
        Ok(true)
    }

    pub fn path(&self) -> &std::path::Path {
        &self.path
    }
}

/// Seconds since the Unix epoch.
fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
