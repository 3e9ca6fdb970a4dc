//! The console session: login, sign out, token refresh. The auth does all of
//! this by itself; these are for callers that manage the session explicitly.

use serde::{Deserialize, Serialize};

use crate::lenient;

/// Logs in with the configured `user_name` and `password` (added by the
/// auth, never part of a request model) and keeps the token for the calls
/// that follow. `/console/user/login`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Login {}

/// Ends the session of the current token (sent as `consoleToken`; the
/// document's `userName`/`password` are not what the AppServer reads).
/// `/console/user/signOut`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SignOut {}

/// Exchanges the current token for a fresh one (undocumented; the AppServer's
/// source has it). `/console/user/refreshToken`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RefreshToken {}

crate::no_validation!(Login, SignOut, RefreshToken);

/// A console token. `Debug` hides it.
#[derive(Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConsoleToken {
    /// The token the console calls carry (the client keeps it already).
    #[serde(default, deserialize_with = "lenient::string")]
    pub console_token: String,
}

impl std::fmt::Debug for ConsoleToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConsoleToken")
            .field("console_token", &"<redacted>")
            .finish()
    }
}
