//! The running emulator: the common server with every provider mounted.

use std::net::SocketAddr;
use std::sync::Arc;

use crate::common::persist::Keeper;
use crate::common::server::{Listener, Server};
use crate::providers::{baijiayun, iqiyi, quvideo, Config, Providers};

/// A running emulator. Dropping it stops the server (and removes its
/// temporary data directory, if it made one).
pub struct Emulator {
    // Declared first so it is dropped first: the server stops before the
    // providers' state and data go.
    server: Server,
    // Next: the final save, once the server no longer changes anything.
    keeper: Option<Keeper>,
    providers: Providers,
}

impl Emulator {
    /// Starts on a random loopback port. Takes the whole [`Config`] or one
    /// provider's config (the others keep their defaults).
    pub fn start(config: impl Into<Config>) -> std::io::Result<Emulator> {
        Self::start_on(config, SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// Starts on `addr` (port 0 picks a free one).
    /// With [`Config::state_dir`], the state there is restored first; a
    /// state directory another running emulator holds is a `WouldBlock`
    /// error, an unreadable state an `InvalidData` one.
    pub fn start_on(config: impl Into<Config>, addr: SocketAddr) -> std::io::Result<Emulator> {
        let config = config.into();
        let state_dir = config.state_dir.clone();
        let listener = Listener::bind(addr)?;
        let providers = Providers::new(config, &listener.root_url())?;
        // Restored before the server (and its background work) starts.
        let keeper = match &state_dir {
            Some(dir) => Some(Keeper::open(dir, providers.all())?),
            None => None,
        };
        let server = Server::start(listener, providers.all())?;
        Ok(Emulator {
            server,
            keeper,
            providers,
        })
    }

    /// Writes the state directory's state now, if there is one and it
    /// changed (it is also saved every [`crate::common::persist::SAVE_EVERY`]
    /// and when the emulator stops).
    pub fn save_state(&self) -> std::io::Result<()> {
        match &self.keeper {
            Some(k) => k.save(),
            None => Ok(()),
        }
    }

    /// `http://127.0.0.1:PORT`: where the control API lives (`/_emulator/...`).
    pub fn root_url(&self) -> String {
        self.server.root_url()
    }

    /// `http://127.0.0.1:PORT/{provider}`: the base URL to give the SDK's
    /// client of that provider (e.g. `provider_url("baijiayun")`).
    pub fn provider_url(&self, provider: &str) -> String {
        format!("{}/{provider}", self.root_url())
    }

    pub fn addr(&self) -> SocketAddr {
        self.server.addr()
    }

    /// Baijiayun's state, to inspect and steer from a test: partner id and
    /// key, videos, callbacks, faults, clock, request counts.
    pub fn baijiayun(&self) -> &Arc<baijiayun::Shared> {
        &self.providers.baijiayun
    }

    /// iQiyi's state: credentials, files, tokens, faults, clock.
    pub fn iqiyi(&self) -> &Arc<iqiyi::Shared> {
        &self.providers.iqiyi
    }

    /// The 趣视频 console's state: account, sessions (expire them), videos,
    /// recommendations, audits, request counts.
    pub fn quvideo(&self) -> &Arc<quvideo::Shared> {
        &self.providers.quvideo
    }

    /// Hands out upload URLs on another server from now on: Baijiayun's
    /// getUploadUrl / getResumeUploadUrl, iQiyi's openupload give `url` (with
    /// whatever query the provider's URL carries, e.g. the token, appended),
    /// so the client's bytes go there (say, to a sink that discards them)
    /// instead of into the emulator. `None` restores the emulator's own.
    /// Over HTTP: `POST /_emulator/{provider}/upload_target` `{"url": …}`.
    /// An unknown provider (only `baijiayun` and `iqiyi` take uploads by
    /// URL) or a URL that is not `http(s)://host…` is an `InvalidInput` error.
    pub fn set_upload_target(&self, provider: &str, url: Option<&str>) -> std::io::Result<()> {
        let target = match provider {
            baijiayun::NAME => &self.providers.baijiayun.upload_target,
            iqiyi::NAME => &self.providers.iqiyi.upload_target,
            other => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!(
                        "no upload target for provider `{other}`; known: {}, {}",
                        baijiayun::NAME,
                        iqiyi::NAME
                    ),
                ))
            }
        };
        target
            .set(url)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
    }

    /// Blocks until the server stops (for the binary).
    pub fn wait(self) {
        let Emulator {
            server,
            keeper,
            providers,
        } = self;
        server.wait();
        drop(keeper);
        drop(providers);
    }
}
