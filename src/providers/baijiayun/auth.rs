//! Baijiayun's auth: every request carries `partner_id`, `timestamp` (unix
//! seconds) and the MD5 `sign` of exactly the parameters sent.

use crate::api::{ApiRequest, Auth, Session};
use crate::error::Result;
use crate::params::Params;
use crate::secret::Secret;

use super::sign::sign;

/// Signs with the partner key. A key does not expire: nothing to renew.
pub(crate) struct PartnerKeyAuth {
    pub partner_id: String,
    pub partner_key: Secret,
}

impl PartnerKeyAuth {
    /// Adds `partner_id`, `timestamp` and `sign` to `params` (a given
    /// `partner_id` or `timestamp` is kept and signed as given).
    pub fn signed(&self, mut params: Params) -> Params {
        if params.get("partner_id").is_none() {
            params.set("partner_id", self.partner_id.clone());
        }
        if params.get("timestamp").is_none() {
            params.set("timestamp", unix_now().to_string());
        }
        params.remove("sign");
        let sign = sign(params.iter(), self.partner_key.expose());
        params.set("sign", sign);
        params
    }
}

impl Auth for PartnerKeyAuth {
    fn apply(
        &self,
        _session: &dyn Session,
        _operation: &str,
        request: &mut ApiRequest,
    ) -> Result<()> {
        // Each attempt is signed anew: a retry carries a fresh timestamp.
        let params = std::mem::take(request.params_mut());
        *request.params_mut() = self.signed(params);
        Ok(())
    }
}

pub(crate) fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
