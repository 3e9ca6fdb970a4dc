//! iQiyi's OAuth: `access_token` on every token-bearing call; authorize with
//! the app secret, refresh before expiry, and refresh (or authorize) once
//! when the server says the token expired or is invalid.
//!
//! The tokens live in a [`TokenStore`] shared with the envelope: whatever
//! call brings new tokens (the auth's own renewal, or an application calling
//! `iqiyi/authorize` or `oauth2/token` itself), the client adopts them.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::tokens::{TokenHook, Tokens};
use crate::api::{ApiRequest, Auth, Method, Session, Target};
use crate::error::{Error, ErrorKind, Result};
use crate::params::Params;
use crate::secret::Secret;

pub(crate) const AUTHORIZE: &str = "iqiyi/authorize";
pub(crate) const TOKEN: &str = "oauth2/token";

/// Operations on the upload host take their parameters as headers too (the
/// document says headers, the official SDK's capture shows the query).
pub(crate) const HEADER_OPS: [&str; 3] = ["openupload", "uploadfinish", "cancelupload"];

#[derive(Default)]
struct State {
    tokens: Tokens,
    expires_at: Option<Instant>,
    /// Bumped by every new token pair: a renewal asked for by a call that
    /// used an older pair is already done (calls failing together renew once).
    generation: u64,
}

/// The token pair and what happens when it changes.
pub(crate) struct TokenStore {
    state: Mutex<State>,
    hook: Option<TokenHook>,
    /// Serialises renewals: a second thread waits, then sees the fresh token.
    renewing: Mutex<()>,
}

impl TokenStore {
    pub fn new(tokens: Tokens, expires_in: Option<u64>, hook: Option<TokenHook>) -> Arc<Self> {
        let expires_at = expires_in.map(|s| Instant::now() + Duration::from_secs(s));
        Arc::new(TokenStore {
            state: Mutex::new(State {
                tokens,
                expires_at,
                ..State::default()
            }),
            hook,
            renewing: Mutex::new(()),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn tokens(&self) -> Tokens {
        self.lock().tokens.clone()
    }

    /// Adopts a token answer (`{access_token, expires_in, refresh_token}`,
    /// with or without a `data` wrapper: the envelope unwraps it) and tells
    /// the hook.
    pub fn adopt(&self, data: &Value) -> Result<()> {
        let text = |k: &str| match data.get(k) {
            Some(Value::String(s)) => s.trim().to_owned(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        let access = text("access_token");
        if access.is_empty() {
            return Err(Error::new(
                ErrorKind::Server,
                "the token answer has no access_token",
            ));
        }
        let expires_in = text("expires_in").parse::<u64>().unwrap_or(0);
        let tokens = {
            let mut s = self.lock();
            let refresh = text("refresh_token");
            s.tokens = Tokens {
                access_token: Secret::new(access),
                // A refresh answer without a new refresh token keeps the old one.
                refresh_token: if refresh.is_empty() {
                    s.tokens.refresh_token.clone()
                } else {
                    Secret::new(refresh)
                },
                expires_in,
            };
            s.expires_at =
                (expires_in > 0).then(|| Instant::now() + Duration::from_secs(expires_in));
            s.generation += 1;
            s.tokens.clone()
        };
        if let Some(hook) = &self.hook {
            hook(&tokens);
        }
        Ok(())
    }
}

/// The OAuth auth of one client.
pub(crate) struct OAuth {
    pub client_id: String,
    pub client_secret: Option<Secret>,
    pub store: Arc<TokenStore>,
    pub refresh_margin: Duration,
}

impl OAuth {
    fn authorize(&self, session: &dyn Session) -> Result<()> {
        let Some(secret) = self.client_secret.as_ref().filter(|s| !s.is_empty()) else {
            return Err(Error::new(
                ErrorKind::Auth,
                "no client_secret to authorize with",
            ));
        };
        let mut params = Params::new();
        params.set("client_id", self.client_id.clone());
        params.set("client_secret", secret.expose());
        // The envelope adopts the answer's tokens.
        session.call_with(&crate::api::NoAuth, &target(AUTHORIZE), params, None)?;
        Ok(())
    }

    fn refresh(&self, session: &dyn Session) -> Result<()> {
        let refresh = self.store.tokens().refresh_token;
        if refresh.is_empty() {
            return self.authorize(session);
        }
        let mut params = Params::new();
        params.set("client_id", self.client_id.clone());
        params.set("grant_type", "refresh_token");
        params.set("refresh_token", refresh.expose());
        match session.call_with(&crate::api::NoAuth, &target(TOKEN), params, None) {
            Ok(_) => Ok(()),
            // A refresh token that is itself spent: authorize anew when we can.
            Err(err) if self.client_secret.is_some() && !err.is_retryable() => {
                log::info!("iqiyi: refresh failed ({err}); authorizing again");
                self.authorize(session)
            }
            Err(err) => Err(err),
        }
    }

    /// Renews unless the pair changed since `seen` (another call renewed it
    /// while this one waited or failed).
    fn renew_since(&self, session: &dyn Session, seen: u64) -> Result<()> {
        let _one = self.renewing.lock();
        if self.store.lock().generation != seen {
            return Ok(());
        }
        self.refresh(session)
    }
}

thread_local! {
    /// The token generation this thread's last call was sent with: `renew`
    /// runs on the thread whose call failed, right after it.
    static APPLIED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

impl std::ops::Deref for OAuth {
    type Target = TokenStore;
    fn deref(&self) -> &TokenStore {
        &self.store
    }
}

/// Where the OAuth operations live (the catalog's entries say the same).
fn target(name: &'static str) -> Target<'static> {
    let path = match name {
        AUTHORIZE => "api/iqiyi/authorize",
        _ => "api/oauth2/token",
    };
    Target {
        name,
        method: Method::Get,
        host: "openapi",
        path,
    }
}

impl Auth for OAuth {
    fn apply(
        &self,
        session: &dyn Session,
        operation: &str,
        request: &mut ApiRequest,
    ) -> Result<()> {
        match operation {
            AUTHORIZE => {
                let secret = self.client_secret.as_ref().filter(|s| !s.is_empty());
                let secret = secret.ok_or_else(|| {
                    Error::invalid_input("iqiyi/authorize needs client_secret in the config")
                })?;
                let p = request.params_mut();
                p.set("client_id", self.client_id.clone());
                p.set("client_secret", secret.expose());
                return Ok(());
            }
            TOKEN => {
                let refresh = self.store.tokens().refresh_token;
                let p = request.params_mut();
                p.set("client_id", self.client_id.clone());
                p.set("grant_type", "refresh_token");
                if p.get("refresh_token").is_none_or(str::is_empty) {
                    if refresh.is_empty() {
                        return Err(Error::invalid_input("no refresh_token to refresh with"));
                    }
                    p.set("refresh_token", refresh.expose());
                }
                return Ok(());
            }
            _ => {}
        }
        // A token that is missing or about to expire is renewed first.
        let (due, seen) = {
            let s = self.store.lock();
            // A short-lived token (the document's example: 60 s) is renewed
            // at half its life, not at every call.
            let margin = match s.tokens.expires_in {
                0 => self.refresh_margin,
                life => self.refresh_margin.min(Duration::from_secs(life / 2)),
            };
            let due = s.tokens.access_token.is_empty()
                || s.expires_at.is_some_and(|at| at <= Instant::now() + margin);
            (due, s.generation)
        };
        if due {
            self.renew_since(session, seen)?;
        }
        let (token, generation) = {
            let s = self.store.lock();
            (s.tokens.access_token.clone(), s.generation)
        };
        APPLIED.with(|a| a.set(generation));
        if HEADER_OPS.contains(&operation) {
            // Headers and query, as the document and the SDK capture disagree.
            let mut params = std::mem::take(request.params_mut());
            params.set("access_token", token.expose());
            if operation == "openupload" {
                params.set("role", "openapi");
            }
            for (k, v) in params.iter() {
                request.headers.set(k, v);
                request.query.set(k, v);
            }
            *request.params_mut() = params;
        } else {
            request.query.set("access_token", token.expose());
        }
        Ok(())
    }

    fn is_expired(&self, err: &Error) -> bool {
        is_token_code(err.provider_code())
    }

    fn renew(&self, session: &dyn Session) -> Result<()> {
        self.renew_since(session, APPLIED.with(|a| a.get()))
    }
}

/// A21327 expired, A21332 invalid, and the rest of the A2132x family.
pub(crate) fn is_token_code(code: Option<&str>) -> bool {
    code.is_some_and(|c| c == "A21332" || (c.len() == 6 && c.starts_with("A2132") && c != "A21324"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_codes() {
        assert!(is_token_code(Some("A21327")));
        assert!(is_token_code(Some("A21332")));
        assert!(is_token_code(Some("A21329")));
        assert!(!is_token_code(Some("A21324")));
        assert!(!is_token_code(Some("A00000")));
        assert!(!is_token_code(None));
    }
}
