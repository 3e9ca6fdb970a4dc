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

/// How a provider takes uploads (absent: it has none).
pub struct Uploads {
    /// The field of the upload answer naming the new video.
    pub id_field: &'static str,
    /// Upload options that `--part-size N` becomes.
    pub part_size_options: fn(u64) -> Value,
    /// The upload option that `--concurrency N` becomes (absent: parts go
    /// one at a time, in order).
    pub concurrency_option: Option<&'static str>,
}

/// One value of a coded field: (code as text, name, final, failed).
pub type State = (&'static str, &'static str, bool, bool);

/// A second state a video leaves before it plays, besides transcoding
/// (quvideo's review): `wait` waits for both, and fails on a rejection.
pub struct Review {
    /// The field of the status answer holding it.
    pub field: &'static str,
    pub states: &'static [State],
}

/// One play URL as `vodkit urls` shows it: definition (or format), size, URL.
pub type PlayUrl = [String; 3];

pub struct Row {
    pub provider: &'static str,
    /// Settings read from `VODKIT_<PROVIDER>_<KEY>` and profiles.
    pub settings: &'static [Setting],
    /// Sets of settings that are enough to authenticate: any one set, complete, will do.
    pub credentials: &'static [&'static [&'static str]],
    /// `vodkit status ID` (and `wait`).
    pub status: &'static str,
    /// `vodkit urls ID`.
    pub urls: &'static str,
    /// `vodkit ls`.
    pub list: &'static str,
    /// `vodkit delete ID`.
    pub delete: &'static str,
    /// The parameters naming one video (status, urls).
    pub id_params: fn(&str) -> Value,
    /// The parameters of the delete operation for one video.
    pub delete_params: fn(&str) -> Value,
    /// The field of the status answer holding the state code.
    pub status_field: &'static str,
    /// State codes as text (a number is written out).
    pub states: &'static [State],
    /// The review a video passes after transcoding, where the provider has one.
    pub review: Option<Review>,
    /// The list operation's page and page size parameters.
    pub page_params: (&'static str, &'static str),
    /// The list answer: the array field, the total field, the columns shown.
    pub list_field: &'static str,
    pub total_field: &'static str,
    pub list_columns: &'static [&'static str],
    /// Coded list columns besides the status, shown as "meaning (code)"
    /// (`--json` keeps the provider's value).
    pub coded_columns: &'static [(&'static str, &'static [State])],
    /// The play URLs of the urls operation's answer.
    pub play_urls: fn(&Value) -> Vec<PlayUrl>,
    /// Uploads, where the provider takes them.
    pub uploads: Option<Uploads>,
    /// The client config reaching this provider in an emulator.
    pub sandbox: fn(&Emulator) -> Value,
}

fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(v) => v.to_string(),
    }
}

/// iQiyi's `fileStatus` in the video list (the SDK's `VideoItem::file_status`
/// says what each number means; the seed document prints only `2`, and says
/// the list holds published videos alone).
static IQIYI_FILE_STATUS: &[State] = &[
    ("1", "publishing", false, false),
    ("2", "published", true, false),
    ("3", "review failed", true, true),
    ("4", "missing or deleted", true, true),
    ("5", "uploading", false, false),
    ("6", "cancelled", true, true),
];

/// 趣视频's `censorStatus` (审核状态): the seed document shows `onCensor`; the
/// SDK's models name `success` and `fail`; a console audit (`createAudit`)
/// sets `Normal` or `Blocked`. Empty: the account reviews nothing. Any other
/// value is shown as it is and waited out (`--timeout` bounds it).
static QUVIDEO_CENSOR_STATUS: &[State] = &[
    ("", "not reviewed", true, false),
    ("onCensor", "in review", false, false),
    ("success", "passed review", true, false),
    ("Normal", "passed review", true, false),
    ("fail", "rejected in review", true, true),
    ("Blocked", "blocked in review", true, true),
];

pub static ROWS: &[Row] = &[
    Row {
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
        credentials: &[&["partner_id", "partner_key"]],
        status: "video/getStatus",
        urls: "video/getUrl",
        list: "video/getVideoList",
        delete: "video/delete",
        id_params: |id| json!({ "video_id": number_or_text(id) }),
        delete_params: |id| json!({ "video_id": number_or_text(id) }),
        status_field: "status",
        states: &[
            ("10", "uploading", false, false),
            ("20", "transcoding", false, false),
            ("30", "transcode failed", true, true),
            ("31", "transcode timed out", true, true),
            ("32", "upload timed out", true, true),
            ("100", "ready", true, false),
        ],
        review: None,
        page_params: ("page", "page_size"),
        list_field: "list",
        total_field: "total",
        list_columns: &["video_id", "name", "status", "total_size", "create_time"],
        coded_columns: &[],
        play_urls: |answer| {
            let mut out = Vec::new();
            if let Some(m) = answer.get("play_info").and_then(Value::as_object) {
                for (name, v) in m {
                    out.push([name.clone(), text(v.get("size")), text(v.get("url"))]);
                }
            }
            out
        },
        uploads: Some(Uploads {
            id_field: "video_id",
            part_size_options: |n| json!({ "ranged": true, "part_size": n }),
            concurrency_option: None,
        }),
        sandbox: |emu| {
            let state = emu.baijiayun();
            json!({
                "partner_id": state.config.partner_id,
                "partner_key": state.partner_key(),
                "base_url": emu.provider_url("baijiayun"),
            })
        },
    },
    Row {
        provider: "iqiyi",
        settings: &[
            Setting {
                key: "client_id",
                secret: false,
                doc: "the app key (client_id)",
            },
            Setting {
                key: "client_secret",
                secret: true,
                doc: "the app secret (client_secret): authorizes, and again when a refresh fails",
            },
            Setting {
                key: "access_token",
                secret: true,
                doc: "an access token obtained earlier (optional; with client_id, instead of client_secret)",
            },
            Setting {
                key: "refresh_token",
                secret: true,
                doc: "the refresh token of access_token (optional)",
            },
            Setting {
                key: "base_url",
                secret: false,
                doc: "one address for every iQiyi host (a sandbox or proxy; optional)",
            },
        ],
        credentials: &[&["client_id", "client_secret"], &["client_id", "access_token"]],
        status: "file/fullStatus",
        urls: "file/urllist",
        list: "file/videoListForExternal",
        delete: "file/delete",
        id_params: |id| json!({ "file_id": id }),
        delete_params: |id| json!({ "delete_type": 1, "file_ids": id }),
        status_field: "code",
        states: &[
            ("A00000", "ready", true, false),
            ("A00001", "publishing", false, false),
            ("A00002", "review failed", true, true),
            ("A00003", "no such video", true, true),
            ("A00004", "uploading", false, false),
            ("A00006", "upload cancelled", true, true),
            ("A00007", "publishing failed", true, true),
        ],
        review: None,
        page_params: ("page", "page_size"),
        list_field: "videos",
        total_field: "count",
        list_columns: &["file_id", "file_name", "file_status", "file_size", "create_time"],
        coded_columns: &[("file_status", IQIYI_FILE_STATUS)],
        play_urls: |answer| {
            // `file/urllist` answers {mp4: […], m3u8: […]}; `fullStatus` nests it in `urllist`.
            let urls = answer.get("urllist").unwrap_or(answer);
            let mut out = Vec::new();
            for format in ["mp4", "m3u8"] {
                for u in urls.get(format).and_then(Value::as_array).into_iter().flatten() {
                    let definition = text(u.get("definition"));
                    let label = match u.get("name").and_then(Value::as_str) {
                        Some(name) => format!("{format} {name} ({definition})"),
                        None => format!("{format} {definition}"),
                    };
                    out.push([label, String::new(), text(u.get("url"))]);
                }
            }
            out
        },
        uploads: Some(Uploads {
            id_field: "file_id",
            part_size_options: |n| json!({ "part_size": n }),
            concurrency_option: Some("concurrency"),
        }),
        sandbox: |emu| {
            let state = emu.iqiyi();
            json!({
                "client_id": state.config.client_id,
                "client_secret": state.config.client_secret,
                "base_url": emu.provider_url("iqiyi"),
            })
        },
    },
    Row {
        provider: "quvideo",
        settings: &[
            Setting {
                key: "base_url",
                secret: false,
                doc: "the 趣视频 App Server's address (https://appserver.example.com)",
            },
            Setting {
                key: "user_name",
                secret: false,
                doc: "the console account's user name",
            },
            Setting {
                key: "password",
                secret: true,
                doc: "the console account's password (only sent to the login)",
            },
            Setting {
                key: "console_token",
                secret: true,
                doc: "a console token obtained elsewhere (optional; instead of user_name and password, never renewed)",
            },
        ],
        credentials: &[
            &["base_url", "user_name", "password"],
            &["base_url", "console_token"],
        ],
        status: "getVideoById",
        // getVideoById carries the play URLs (fileUrlList).
        urls: "getVideoById",
        list: "getVideos",
        delete: "deleteVideoById",
        id_params: |id| json!({ "videoId": id }),
        delete_params: |id| json!({ "videoId": id }),
        status_field: "status",
        // The VOD video states the App Server reports.
        states: &[
            ("Uploading", "uploading", false, false),
            ("UploadSucc", "uploaded", false, false),
            ("Transcoding", "transcoding", false, false),
            ("Checking", "in review", false, false),
            ("Normal", "ready", true, false),
            ("UploadFail", "upload failed", true, true),
            ("TranscodeFail", "transcode failed", true, true),
            ("ProduceFail", "production failed", true, true),
            ("Blocked", "blocked", true, true),
        ],
        review: Some(Review {
            field: "censorStatus",
            states: QUVIDEO_CENSOR_STATUS,
        }),
        page_params: ("pageIndex", "pageSize"),
        list_field: "videoList",
        total_field: "total",
        list_columns: &["videoId", "title", "status", "censorStatus", "size", "creationTime"],
        coded_columns: &[("censorStatus", QUVIDEO_CENSOR_STATUS)],
        play_urls: |answer| {
            let size = text(answer.get("size"));
            answer
                .get("fileUrlList")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
                .map(|(i, u)| [format!("#{}", i + 1), size.clone(), text(Some(u))])
                .collect()
        },
        uploads: None,
        sandbox: |emu| {
            let state = emu.quvideo();
            json!({
                "user_name": state.config.user_name,
                "password": state.config.password,
                "base_url": emu.provider_url("quvideo"),
            })
        },
    },
];

/// The (name, final, failed) of a code; an unknown code is not final.
pub fn lookup(states: &[State], code: &str) -> (&'static str, bool, bool) {
    states
        .iter()
        .find(|s| s.0 == code)
        .map(|s| (s.1, s.2, s.3))
        .unwrap_or(("unknown", false, false))
}

/// "name (code)", or the name alone for an empty code.
pub fn named(name: &str, code: &str) -> String {
    if code.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({code})")
    }
}

/// A field of an answer as text (a number written out, null as empty).
pub fn field_text(answer: &Value, field: &str) -> String {
    text(answer.get(field))
}

/// A number when the text is one (Baijiayun's ids are integers).
pub fn number_or_text(id: &str) -> Value {
    id.parse::<i64>()
        .map(Value::from)
        .unwrap_or_else(|_| Value::String(id.to_owned()))
}

pub fn row(provider: &str) -> Option<&'static Row> {
    ROWS.iter().find(|r| r.provider == provider)
}

/// The environment variable of a setting: `VODKIT_BAIJIAYUN_PARTNER_KEY`.
pub fn env_var(provider: &str, key: &str) -> String {
    format!("VODKIT_{}_{}", provider.to_uppercase(), key.to_uppercase())
}

impl Row {
    /// The state code of a status answer, as text.
    pub fn code(&self, answer: &Value) -> String {
        text(answer.get(self.status_field))
    }

    pub fn state(&self, code: &str) -> (&'static str, bool, bool) {
        lookup(self.states, code)
    }

    /// A list cell as people read it: a coded value as "meaning (code)".
    pub fn cell(&self, column: &str, value: Option<&Value>) -> String {
        let raw = text(value);
        let states = if column == self.status_field {
            Some(self.states)
        } else {
            self.coded_columns
                .iter()
                .find(|(c, _)| *c == column)
                .map(|(_, s)| *s)
        };
        match (states, value) {
            (Some(states), Some(_)) => named(lookup(states, &raw).0, &raw),
            _ => raw,
        }
    }

    /// The secrets that authenticate (named in the hint of an auth error).
    pub fn credential_secrets(&self) -> Vec<&'static str> {
        self.settings
            .iter()
            .filter(|s| s.secret && self.credentials.iter().any(|set| set.contains(&s.key)))
            .map(|s| s.key)
            .collect()
    }
}
