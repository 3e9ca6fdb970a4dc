use std::time::Duration;

use crate::common::faults::Faults;

/// How the Baijiayun emulation is set up.
#[derive(Debug, Clone)]
pub struct Config {
    pub partner_id: String,
    pub partner_key: String,
    /// The key that may reset `partner_key` (API 1).
    pub secret_key: String,
    /// Emulated seconds a video spends transcoding (status 20) before 100.
    pub transcode_secs: i64,
    /// Emulated seconds a video may stay unfinished (status 10) before 32.
    pub upload_timeout_secs: i64,
    /// Uploads whose file name contains this end in status 30 (transcode failed).
    pub fail_transcode_marker: String,
    /// Requests allowed per account and IP within the window (None = no limit).
    pub rate_limit: Option<(u32, Duration)>,
    /// Waits before the retries of a failed callback (the provider: 5 s, 30 s).
    pub callback_retry_delays: Vec<Duration>,
    pub faults: Faults,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            partner_id: "12345678".to_owned(),
            partner_key: "emulator-partner-key".to_owned(),
            secret_key: "emulator-secret-key".to_owned(),
            transcode_secs: 2,
            upload_timeout_secs: 24 * 3600,
            fail_transcode_marker: "transcode-fail".to_owned(),
            rate_limit: Some((200, Duration::from_secs(10))),
            callback_retry_delays: vec![Duration::from_secs(5), Duration::from_secs(30)],
            faults: Faults::default(),
        }
    }
}
