//! How a provider proves who is calling: applied to every attempt, renewed at
//! most once per call when the provider says the credential expired.

use serde_json::Value;

use super::request::{ApiRequest, FilePart, Target};
use crate::error::{Error, Result};
use crate::params::Params;

/// What an auth may do with the provider while applying or renewing a
/// credential: call an operation through the pipeline with a given auth and
/// no renewal (a login with [`NoAuth`], a token refresh).
pub trait Session {
    fn provider(&self) -> &'static str;

    fn call_with(
        &self,
        auth: &dyn Auth,
        target: &Target<'_>,
        params: Params,
        file: Option<FilePart<'_>>,
    ) -> Result<Value>;
}

/// A provider's credentials. Implementations keep secrets out of `Debug`.
pub trait Auth: Send + Sync {
    /// Adds credentials to a request about to be sent. Called anew for every
    /// attempt (a retry carries a fresh timestamp or token). May renew a
    /// credential it knows is about to expire (through `session`).
    fn apply(&self, session: &dyn Session, operation: &str, request: &mut ApiRequest)
        -> Result<()>;

    /// Whether `err` means "the credential expired or was revoked" — the one
    /// kind of failure a renewal can fix.
    fn is_expired(&self, err: &Error) -> bool {
        let _ = err;
        false
    }

    /// Gets a new credential (log in again, refresh a token). The call loop
    /// calls it at most once per call, then tries the call once more.
    /// Returns an error when it can't (no password to log in with, say); the
    /// caller then sees the original error.
    fn renew(&self, session: &dyn Session) -> Result<()> {
        let _ = session;
        Err(Error::new(
            crate::ErrorKind::Auth,
            "this credential cannot be renewed",
        ))
    }
}

/// For operations that need no credential.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoAuth;

impl Auth for NoAuth {
    fn apply(
        &self,
        _session: &dyn Session,
        _operation: &str,
        _request: &mut ApiRequest,
    ) -> Result<()> {
        Ok(())
    }
}
