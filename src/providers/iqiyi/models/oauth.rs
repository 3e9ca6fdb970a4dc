//! `iqiyi/authorize` and `oauth2/token` (document sections 2 and 3). The
//! client calls them itself when it needs a token; an application may call
//! them to get a token pair to store.

use serde::{Deserialize, Serialize};

use crate::lenient;

/// Gets a token pair with the app key and secret of the config (which the
/// client adds). `iqiyi/authorize`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Authorize {}

/// Exchanges the refresh token for a new pair. `oauth2/token` with
/// `grant_type=refresh_token`.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RefreshToken {
    /// The refresh token to use (default: the client's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

impl std::fmt::Debug for RefreshToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RefreshToken")
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

crate::no_validation!(Authorize, RefreshToken);

/// A token pair. The client adopts it (and tells the token hook); `Debug`
/// hides the tokens.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TokenGrant {
    /// The access token every other call carries.
    #[serde(default, deserialize_with = "lenient::string")]
    pub access_token: String,
    /// Seconds the access token is valid for.
    #[serde(default, deserialize_with = "lenient::int")]
    pub expires_in: i64,
    /// Exchanges for a new pair once the access token expires.
    #[serde(default, deserialize_with = "lenient::string")]
    pub refresh_token: String,
}

impl std::fmt::Debug for TokenGrant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenGrant")
            .field("access_token", &"<redacted>")
            .field("expires_in", &self.expires_in)
            .field("refresh_token", &"<redacted>")
            .finish()
    }
}
