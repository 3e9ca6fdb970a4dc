//! The console session: log in (`/console/user/login`) for a
//! `consoleToken`, send it on every other call, log in again once when the
//! AppServer says it expired (403 or 301) — only with a password to do it
//! with — and stop logging in for good once the account is locked (411).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::api::{ApiRequest, Auth, NoAuth, Operation, Session};
use crate::error::{Error, ErrorKind, Result};
use crate::params::Params;
use crate::secret::Secret;

use super::models::Login;

/// The session's state, shared by the auth (which sends the token) and the
/// envelope (which sees every login and sign-out answer, including the ones
/// a user makes through the generic call, and records their outcome here).
#[derive(Default)]
pub(crate) struct TokenStore {
    token: Mutex<Option<Secret>>,
    locked: AtomicBool,
}

impl TokenStore {
    pub fn new(token: Option<Secret>) -> Self {
        TokenStore {
            token: Mutex::new(token.filter(|t| !t.is_empty())),
            locked: AtomicBool::new(false),
        }
    }

    pub fn get(&self) -> Option<Secret> {
        self.slot().clone()
    }

    pub fn set(&self, token: Secret) {
        *self.slot() = Some(token);
    }

    pub fn clear(&self) {
        *self.slot() = None;
    }

    pub fn is_locked(&self) -> bool {
        self.locked.load(Ordering::SeqCst)
    }

    pub fn lock_out(&self) {
        self.locked.store(true, Ordering::SeqCst);
    }

    fn slot(&self) -> std::sync::MutexGuard<'_, Option<Secret>> {
        self.token.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The console account (or only a token) behind every call.
pub(crate) struct ConsoleAuth {
    pub credentials: Option<(String, Secret)>,
    pub token_param: String,
    pub store: Arc<TokenStore>,
}

/// The AppServer's "account locked" code.
pub(crate) const LOCKED: &str = "411";

fn locked_error() -> Error {
    Error::new(
        ErrorKind::Auth,
        "the console account is locked after repeated failed logins; \
         no further login is attempted by this client",
    )
    .with_provider_code(LOCKED)
}

impl ConsoleAuth {
    fn credentials(&self) -> Result<&(String, Secret)> {
        self.credentials.as_ref().ok_or_else(|| {
            Error::new(
                ErrorKind::Auth,
                "quvideo: no user_name and password configured: cannot log in",
            )
        })
    }

    /// Adds the login parameters (refused without a request when locked out
    /// or without credentials).
    fn login_params(&self, params: &mut Params) -> Result<()> {
        if self.store.is_locked() {
            return Err(locked_error());
        }
        let (user, password) = self.credentials()?;
        params.set("userName", user.clone());
        params.set("password", password.expose().to_owned());
        Ok(())
    }

    /// Logs in through the pipeline; the envelope stores the token.
    fn login(&self, session: &dyn Session) -> Result<Secret> {
        let mut params = Params::new();
        self.login_params(&mut params)?;
        log::info!("{}: logging in to the console", session.provider());
        session.call_with(&NoAuth, &Login::SPEC.target(), params, None)?;
        self.store
            .get()
            .ok_or_else(|| Error::new(ErrorKind::Server, "the login answered no consoleToken"))
    }
}

impl Auth for ConsoleAuth {
    fn apply(
        &self,
        session: &dyn Session,
        operation: &str,
        request: &mut ApiRequest,
    ) -> Result<()> {
        if operation == Login::SPEC.name {
            return self.login_params(request.params_mut());
        }
        let token = match self.store.get() {
            Some(token) => token,
            // Signing out of a session that does not exist would log in first.
            None if operation == super::models::SignOut::SPEC.name => {
                return Err(Error::new(ErrorKind::Auth, "quvideo: not logged in"))
            }
            None if self.credentials.is_some() => self.login(session)?,
            None => return Err(Error::new(
                ErrorKind::Auth,
                "quvideo: no console token (configure user_name and password, or console_token)",
            )),
        };
        request
            .params_mut()
            .set(self.token_param.clone(), token.expose().to_owned());
        Ok(())
    }

    /// 403 (no or invalid token) and 301 (token expired).
    fn is_expired(&self, err: &Error) -> bool {
        err.kind() == ErrorKind::Auth && matches!(err.provider_code(), Some("403" | "301"))
    }

    /// Logs in again — only with credentials: a configured token alone is
    /// never replaced behind the user's back.
    fn renew(&self, session: &dyn Session) -> Result<()> {
        self.credentials()?;
        self.store.clear();
        self.login(session).map(|_| ())
    }
}
