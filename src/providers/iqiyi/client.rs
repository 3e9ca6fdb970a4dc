//! The typed iQiyi client: its pipeline (OAuth, envelope, hosts) and typed
//! calls. Its typed methods are generated from the catalog.

use std::sync::Arc;
use std::time::Duration;

use super::auth::{OAuth, TokenStore};
use super::config::Config;
use super::envelope::IqiyiEnvelope;
use super::tokens::Tokens;
use crate::api::{call_typed, Caller, Operation};
use crate::error::Result;
use crate::secret::Secret;

/// The provider's name in the registry and every binding.
pub const PROVIDER: &str = "iqiyi";

/// An iQiyi open-platform client. Cheap to clone, `Send + Sync`.
#[derive(Clone)]
pub struct Client {
    pub(crate) shared: Arc<Shared>,
}

pub(crate) struct Shared {
    pub config: Config,
    pub caller: Caller,
    pub store: Arc<TokenStore>,
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
    use super::super::models::{oauth::*, upload::*, video::*};
    use super::Client;
    use crate::api::Ack;

    super::super::catalog::upload_methods!(Client);
    super::super::catalog::openapi_methods!(Client);
}

impl Client {
    /// `file/delete` with `delete_type` 0: every video of the account (the
    /// generated `delete` takes the listed files).
    pub fn delete_all(&self) -> Result<()> {
        self.delete(&super::models::video::DeleteFiles {
            delete_type: 0,
            file_ids: None,
        })
        .map(|_| ())
    }

    pub fn new(config: Config) -> Result<Self> {
        let hosts = config.hosts()?;
        let secret = |s: &Option<Secret>| s.clone().unwrap_or_default();
        let store = TokenStore::new(
            Tokens {
                access_token: secret(&config.access_token),
                refresh_token: secret(&config.refresh_token),
                expires_in: config.expires_in.unwrap_or(0),
            },
            config.expires_in,
            config.on_tokens.clone(),
        );
        let caller = config.common.caller(
            PROVIDER,
            super::catalog::CATALOG,
            hosts,
            Box::new(OAuth {
                client_id: config.client_id.clone(),
                client_secret: config.client_secret.clone().filter(|s| !s.is_empty()),
                store: store.clone(),
                refresh_margin: Duration::from_secs(config.refresh_margin_secs),
            }),
            Box::new(IqiyiEnvelope {
                store: store.clone(),
                upload_https: config.upload_https,
            }),
        )?;
        Ok(Client {
            shared: Arc::new(Shared {
                config,
                caller,
                store,
            }),
        })
    }

    pub fn config(&self) -> &Config {
        &self.shared.config
    }

    pub(crate) fn caller(&self) -> &Caller {
        &self.shared.caller
    }

    /// The current token pair (what the token hook was last told), for the
    /// application to store. Holds secrets.
    pub fn tokens(&self) -> Tokens {
        self.shared.store.tokens()
    }

    /// Calls a typed operation: validated, authorized, sent, decoded.
    pub fn call<O: Operation>(&self, request: &O) -> Result<O::Answer> {
        call_typed(self.caller(), request, None)
    }
}
