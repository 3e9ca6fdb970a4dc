use crate::common::faults::Faults;

/// How the 趣视频 console emulation is set up.
#[derive(Debug, Clone)]
pub struct Config {
    /// The console account.
    pub user_name: String,
    pub password: String,
    /// Emulated seconds a console token stays valid (then 301).
    pub token_ttl_secs: i64,
    /// Bad logins in a row that lock the account (the last one answers 411).
    pub max_login_failures: u32,
    /// Emulated seconds the account stays locked.
    pub lock_secs: i64,
    /// Whether to start with the sample videos ([`super::state::sample_videos`]).
    pub sample_videos: bool,
    /// Emulated seconds after which a video waiting for review (`onCensor`)
    /// passes it on its own, as a reviewer would (`censorStatus` `Normal`,
    /// an audit recorded). `None` (the default): only `createAudit` decides.
    pub review_secs: Option<i64>,
    pub faults: Faults,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            user_name: "admin".to_owned(),
            password: "emulator-console-password".to_owned(),
            token_ttl_secs: 2 * 3600,
            max_login_failures: 5,
            lock_secs: 30 * 60,
            sample_videos: true,
            review_secs: None,
            faults: Faults::default(),
        }
    }
}
