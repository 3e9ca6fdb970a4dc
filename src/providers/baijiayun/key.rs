//! The partner key a client signs with, and where it comes from: given in
//! the config, or — with only a `secret_key` configured — fetched with
//! `partner/createkey` on the first signed call. With a `secret_key` the key
//! is also fetched again, once per failing call, when the server answers
//! 1002 (the signature is wrong: the key was rotated or revoked), whether it
//! was configured or fetched: a stored key (the CLI keeps the fetched one)
//! must not end the renewals. The third-party PyPI `baijiayun` client works
//! the same way.

use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::Value;

use crate::api::{Method, NoAuth, Session, Target};
use crate::error::{Error, ErrorKind, Result};
use crate::params::Params;
use crate::secret::Secret;

/// The operation that hands out the partner key for a `secret_key`.
pub(crate) const CREATE_KEY: &str = "partner/createkey";

/// The code of a wrong signature (a rotated or revoked partner key gets it).
pub(crate) const SIGN_ERROR: &str = "1002";

/// Called with every partner key the client fetched, so the application can
/// store it (and configure it next time). Runs on the thread whose call
/// needed the key.
pub type PartnerKeyHook = Arc<dyn Fn(&Secret) + Send + Sync>;

#[derive(Default)]
struct Held {
    key: Secret,
    /// Bumped by every fetched key: a renewal asked for by a call signed
    /// with an older key is already done (calls failing together fetch once).
    generation: u64,
}

/// The client's partner key, shared by its auth and the client itself.
pub(crate) struct KeyStore {
    held: Mutex<Held>,
    /// Set: the key is fetched with it (first, when the config gave none;
    /// again when the server refuses the signature).
    secret_key: Option<Secret>,
    hook: Option<PartnerKeyHook>,
    /// Serialises fetches: a second thread waits, then sees the fresh key.
    fetching: Mutex<()>,
}

thread_local! {
    /// The key generation this thread's last request was signed with:
    /// `renew` runs on the thread whose call failed, right after it.
    static SIGNED_WITH: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

impl KeyStore {
    /// A store for `partner_key`; when it is empty and `secret_key` is set,
    /// the key is fetched on first use.
    pub fn new(
        partner_key: Secret,
        secret_key: Option<Secret>,
        hook: Option<PartnerKeyHook>,
    ) -> Arc<Self> {
        Arc::new(KeyStore {
            held: Mutex::new(Held {
                key: partner_key,
                generation: 0,
            }),
            secret_key: secret_key.filter(|s| !s.is_empty()),
            hook,
            fetching: Mutex::new(()),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Held> {
        self.held.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether the key can be fetched (a `secret_key` is configured).
    pub fn fetches(&self) -> bool {
        self.secret_key.is_some()
    }

    /// The key held now (empty before the first fetch).
    pub fn current(&self) -> Secret {
        self.lock().key.clone()
    }

    /// The key held now when it was fetched (not configured).
    pub fn fetched(&self) -> Option<Secret> {
        let held = self.lock();
        (held.generation > 0).then(|| held.key.clone())
    }

    /// The key to sign with, fetched first when none is held yet.
    pub fn for_signing(&self, session: &dyn Session, partner_id: &str) -> Result<Secret> {
        let (key, generation) = {
            let held = self.lock();
            (held.key.clone(), held.generation)
        };
        if !key.is_empty() {
            SIGNED_WITH.with(|g| g.set(generation));
            return Ok(key);
        }
        self.fetch_unless_changed(session, partner_id, generation)?;
        let held = self.lock();
        SIGNED_WITH.with(|g| g.set(held.generation));
        Ok(held.key.clone())
    }

    /// Fetches anew unless the key changed since the one this thread last
    /// signed with.
    pub fn renew(&self, session: &dyn Session, partner_id: &str) -> Result<()> {
        let seen = SIGNED_WITH.with(|g| g.get());
        self.fetch_unless_changed(session, partner_id, seen)
    }

    fn fetch_unless_changed(
        &self,
        session: &dyn Session,
        partner_id: &str,
        seen: u64,
    ) -> Result<()> {
        let Some(secret_key) = &self.secret_key else {
            return Err(Error::new(
                ErrorKind::Auth,
                "no secret_key to fetch the partner key with",
            ));
        };
        let _one = self.fetching.lock().unwrap_or_else(|e| e.into_inner());
        if self.lock().generation != seen {
            return Ok(());
        }
        // The document's own example: partner_id and secret_key, unsigned
        // (a client holding no partner key cannot sign).
        let mut params = Params::new();
        params.set("partner_id", partner_id.to_owned());
        params.set("secret_key", secret_key.expose());
        let target = Target {
            name: CREATE_KEY,
            method: Method::Post,
            host: "api",
            path: CREATE_KEY,
        };
        let answer = session.call_with(&NoAuth, &target, params, None)?;
        let key = match answer.get("partner_key") {
            Some(Value::String(s)) if !s.trim().is_empty() => Secret::new(s.trim()),
            _ => {
                return Err(Error::new(
                    ErrorKind::Server,
                    "the partner/createkey answer has no partner_key",
                ))
            }
        };
        log::info!("baijiayun: fetched the partner key with the secret_key");
        self.adopt(key);
        Ok(())
    }

    /// Signs with `key` from now on and tells the hook (a key this client
    /// fetched, or made with `create_partner_key(true)`).
    pub fn adopt(&self, key: Secret) {
        {
            let mut held = self.lock();
            held.key = key.clone();
            held.generation += 1;
        }
        if let Some(hook) = &self.hook {
            hook(&key);
        }
    }
}
