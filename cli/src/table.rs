//! The one table of what the CLI knows per provider: which catalog operation
//! each management command maps to, which settings are credentials (and so
//! their environment variables), how its states read, and how the sandbox
//! reaches it. Adding a provider to the CLI is one row here.

use serde_json::{json, Value};
use vodkit_emulator::Emulator;

/// One setting of a provider's config that the CLI reads from flags,
/// environment and profiles.
pub struct Setting {
    pub key: &'static str,
    pub secret: bool,
    pub doc: &'static str,
}

pub struct Row {
    pub provider: &'static str,
    /// Settings read from `VODKIT_<PROVIDER>_<KEY>` and profiles.
    pub settings: &'static [Setting],
    /// `vodkit status ID`.
    pub status: &'static str,
    /// `vodkit urls ID`.
    pub urls: &'static str,
    /// `vodkit ls`.
    pub list: &'static str,
    /// `vodkit delete ID`.
    pub delete: &'static str,
    /// The parameter naming a video.
    pub id_param: &'static str,
    /// The field of the status answer holding the state code.
    pub status_field: &'static str,
    /// State codes: (code, name, final, failed).
    pub states: &'static [(i64, &'static str, bool, bool)],
    /// The list answer: the array field, the total field, the columns shown.
    pub list_field: &'static str,
    pub total_field: &'static str,
    pub list_columns: &'static [&'static str],
    /// The urls answer: the map field (name → object with `url_field`).
    pub urls_field: &'static str,
    pub url_field: &'static str,
    /// Upload options that `--part-size N` becomes.
    pub part_size_options: fn(u64) -> Value,
    /// Whether parts may be sent in parallel (`--concurrency`).
    pub parallel_parts: bool,
    /// The client config reaching this provider in an emulator.
    pub sandbox: fn(&Emulator) -> Value,
}

pub static ROWS: &[Row] = &[Row {
    provider: "baijiayun",
    settings: &[
        Setting {
            key: "partner_id",
            secret: false,
            doc: "the account's partner id",
        },
        Setting {
            key: "partner_key",
            secret: true,
            doc: "the account's API key (signs every request)",
        },
        Setting {
            key: "secret_key",
            secret: true,
            doc: "the playback secret key (optional)",
        },
        Setting {
            key: "private_domain",
            secret: false,
            doc: "the account's private domain (acme → acme.at.baijiayun.com)",
        },
        Setting {
            key: "base_url",
            secret: false,
            doc: "one address for every host (a sandbox or proxy), instead of private_domain",
        },
    ],
    status: "video/getStatus",
    urls: "video/getUrl",
    list: "video/getVideoList",
    delete: "video/delete",
    id_param: "video_id",
    status_field: "status",
    states: &[
        (10, "uploading", false, false),
        (20, "transcoding", false, false),
        (30, "transcode failed", true, true),
        (31, "transcode timed out", true, true),
        (32, "upload timed out", true, true),
        (100, "ready", true, false),
    ],
    list_field: "list",
    total_field: "total",
    list_columns: &["video_id", "name", "status", "total_size", "create_time"],
    urls_field: "play_info",
    url_field: "url",
    part_size_options: |n| json!({ "ranged": true, "part_size": n }),
    parallel_parts: false,
    sandbox: |emu| {
        let state = emu.baijiayun();
        json!({
            "partner_id": state.config.partner_id,
            "partner_key": state.partner_key(),
            "base_url": emu.provider_url("baijiayun"),
        })
    },
}];

pub fn row(provider: &str) -> Option<&'static Row> {
    ROWS.iter().find(|r| r.provider == provider)
}

/// The environment variable of a setting: `VODKIT_BAIJIAYUN_PARTNER_KEY`.
pub fn env_var(provider: &str, key: &str) -> String {
    format!("VODKIT_{}_{}", provider.to_uppercase(), key.to_uppercase())
}

impl Row {
    pub fn state(&self, code: i64) -> (&'static str, bool, bool) {
        self.states
            .iter()
            .find(|s| s.0 == code)
            .map(|s| (s.1, s.2, s.3))
            .unwrap_or(("unknown", false, false))
    }
}
