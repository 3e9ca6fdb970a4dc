//! The token pair an iQiyi client holds, and the hook that hears of a new
//! one. Its own module because both the config (which carries the hook) and
//! the OAuth (which calls it) need it.

use std::sync::Arc;

use serde_json::Value;

use crate::secret::Secret;

/// The client's current token pair, as handed to the token hook and
/// returned by `Client::tokens`. `Debug` hides both tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    pub access_token: Secret,
    pub refresh_token: Secret,
    /// Seconds the access token was granted for (0: unknown).
    pub expires_in: u64,
}

impl Tokens {
    /// The pair as JSON the application can store and give back as config
    /// keys (`access_token`, `refresh_token`, `expires_in`). Holds secrets.
    pub fn to_json(&self) -> Value {
        serde_json::json!({
            "access_token": self.access_token.expose(),
            "refresh_token": self.refresh_token.expose(),
            "expires_in": self.expires_in,
        })
    }
}

/// Called with the new tokens after every authorize or refresh, so the
/// application can store them. Runs on the thread that made the call that
/// needed the token (a worker thread never calls it: upload parts carry no
/// token).
pub type TokenHook = Arc<dyn Fn(&Tokens) + Send + Sync>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_debug_hides_values() {
        let t = Tokens {
            access_token: Secret::new("at-123"),
            refresh_token: Secret::new("rt-456"),
            expires_in: 60,
        };
        let d = format!("{t:?}");
        assert!(!d.contains("at-123") && !d.contains("rt-456"), "{d}");
    }
}
