use crate::common::faults::Faults;

/// How the iQiyi emulation is set up.
#[derive(Debug, Clone)]
pub struct Config {
    pub client_id: String,
    pub client_secret: String,
    /// Seconds an access token lives (`expires_in`).
    pub token_ttl_secs: i64,
    /// Emulated seconds a finished upload spends publishing (A00001) before
    /// it is done (A00000).
    pub publish_secs: i64,
    pub faults: Faults,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            client_id: "emulator-client-id".to_owned(),
            client_secret: "emulator-client-secret".to_owned(),
            token_ttl_secs: 3600,
            publish_secs: 2,
            faults: Faults::default(),
        }
    }
}
