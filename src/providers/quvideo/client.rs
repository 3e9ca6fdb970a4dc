//! The typed 趣视频 console client: its pipeline (console session auth,
//! envelope, host) and typed calls. Its typed methods are generated from
//! the catalog.

use std::sync::Arc;

use super::auth::{ConsoleAuth, TokenStore};
use super::config::Config;
use super::envelope::ConsoleEnvelope;
use crate::api::{call_typed, Caller, Operation};
use crate::error::Result;

/// The provider's name in the registry and every binding.
pub const PROVIDER: &str = "quvideo";

/// A 趣视频 App Server console client: one session (logged in on the first
/// call, renewed once when it expires) and one connection pool. Cheap to
/// clone (clones share the session), `Send + Sync`.
#[derive(Clone)]
pub struct Client {
    shared: Arc<Shared>,
}

struct Shared {
    config: Config,
    caller: Caller,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("caller", &self.shared.caller)
            .field("config", &self.shared.config)
            .finish()
    }
}

/// One typed method per catalog operation, taking its request model (the
/// request and answer types are named here, where the catalog names them).
mod typed {
    use super::super::models::*;
    use super::Client;

    super::super::catalog::typed_methods!(Client);
}

impl Client {
    pub fn new(config: Config) -> Result<Self> {
        let hosts = config.hosts()?;
        let store = Arc::new(TokenStore::new(config.console_token.clone()));
        let caller = config.common.caller(
            PROVIDER,
            super::catalog::CATALOG,
            hosts,
            Box::new(ConsoleAuth {
                credentials: config.credentials(),
                token_param: config.token_param.clone(),
                store: store.clone(),
            }),
            Box::new(ConsoleEnvelope { store }),
        )?;
        Ok(Client {
            shared: Arc::new(Shared { config, caller }),
        })
    }

    pub fn config(&self) -> &Config {
        &self.shared.config
    }

    pub(crate) fn caller(&self) -> &Caller {
        &self.shared.caller
    }

    /// Calls a typed operation: validated, the token added (logging in first
    /// if needed), sent, its `data` decoded.
    pub fn call<O: Operation>(&self, request: &O) -> Result<O::Answer> {
        call_typed(self.caller(), request, None)
    }
}
