//! Baijiayun's auth: every request carries `partner_id`, `timestamp` (unix
//! seconds) and the MD5 `sign` of exactly the parameters sent.

use std::sync::Arc;

use super::key::{KeyStore, CREATE_KEY, SIGN_ERROR};
use crate::api::{ApiRequest, Auth, Session};
use crate::error::{Error, Result};
use crate::params::Params;
use crate::secret::Secret;

use super::sign::sign;

/// Signs with the partner key. Without a `secret_key` there is nothing to
/// renew; with one, the key is fetched again when the server refuses the
/// signature (see [`KeyStore`]).
pub(crate) struct PartnerKeyAuth {
    pub partner_id: String,
    pub key: Arc<KeyStore>,
}

impl PartnerKeyAuth {
    /// Adds `partner_id`, `timestamp` and `sign` to `params` (a given
    /// `partner_id` or `timestamp` is kept and signed as given).
    pub fn signed(&self, params: Params) -> Params {
        signed_with(&self.partner_id, &self.key.current(), params)
    }
}

/// `params` with `partner_id`, `timestamp` and the `sign` made with `key`.
pub(crate) fn signed_with(partner_id: &str, key: &Secret, mut params: Params) -> Params {
    params.reserve(3);
    if params.get("partner_id").is_none() {
        params.set_static("partner_id", partner_id);
    }
    if params.get("timestamp").is_none() {
        params.set_static("timestamp", unix_now().to_string());
    }
    params.remove("sign");
    let sign = sign(params.iter(), key.expose());
    params.set_static("sign", sign);
    params
}

impl Auth for PartnerKeyAuth {
    fn apply(
        &self,
        session: &dyn Session,
        operation: &str,
        request: &mut ApiRequest,
    ) -> Result<()> {
        // An application's own createkey call, before any key is held: the
        // document's unsigned shape (only partner_id and secret_key).
        if operation == CREATE_KEY && self.key.fetches() && self.key.current().is_empty() {
            let params = request.params_mut();
            if params.get("partner_id").is_none() {
                params.set("partner_id", self.partner_id.clone());
            }
            return Ok(());
        }
        let key = self.key.for_signing(session, &self.partner_id)?;
        // Each attempt is signed anew: a retry carries a fresh timestamp.
        let params = std::mem::take(request.params_mut());
        *request.params_mut() = signed_with(&self.partner_id, &key, params);
        Ok(())
    }

    fn is_expired(&self, err: &Error) -> bool {
        self.key.fetches() && err.provider_code() == Some(SIGN_ERROR)
    }

    fn renew(&self, session: &dyn Session) -> Result<()> {
        self.key.renew(session, &self.partner_id)
    }
}

pub(crate) fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
