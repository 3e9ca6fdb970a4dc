//! What a provider's videos go through after the upload, as data: which
//! catalog operation tells a video's status, lists, gives the play URLs,
//! deletes and cancels; what each state code means; the review a video may
//! pass; which config keys authenticate. Each provider writes its facts once
//! (in its `catalog.rs`); every binding reads them from the catalog JSON
//! (`operations()`: each lifecycle operation carries them under `lifecycle`),
//! and the CLI builds its management commands from them alone.

use serde_json::{json, Map, Value};

use super::catalog::{resolve_schema, OperationInfo};

/// One value of a coded field and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    /// The code as text (a number written out; empty: the field is empty).
    pub code: &'static str,
    /// What it means, for people.
    pub meaning: &'static str,
    /// Nothing more will change.
    pub terminal: bool,
    /// The video plays.
    pub ready: bool,
    /// The video will not play (transcoding, upload or publishing failed).
    pub failed: bool,
    /// A review refused it.
    pub blocked: bool,
    /// There is no such video (deleted, or never was).
    pub missing: bool,
}

impl State {
    const fn new(code: &'static str, meaning: &'static str) -> State {
        State {
            code,
            meaning,
            terminal: false,
            ready: false,
            failed: false,
            blocked: false,
            missing: false,
        }
    }
    /// A state the video leaves by itself (uploading, transcoding, in review).
    pub const fn working(code: &'static str, meaning: &'static str) -> State {
        State::new(code, meaning)
    }
    /// The video plays: the end of the road.
    pub const fn ready(code: &'static str, meaning: &'static str) -> State {
        State {
            terminal: true,
            ready: true,
            ..State::new(code, meaning)
        }
    }
    /// A final state that is neither ready nor a failure (not reviewed at all).
    pub const fn settled(code: &'static str, meaning: &'static str) -> State {
        State {
            terminal: true,
            ..State::new(code, meaning)
        }
    }
    /// The video will not play.
    pub const fn failed(code: &'static str, meaning: &'static str) -> State {
        State {
            terminal: true,
            failed: true,
            ..State::new(code, meaning)
        }
    }
    /// A review refused the video.
    pub const fn blocked(code: &'static str, meaning: &'static str) -> State {
        State {
            terminal: true,
            failed: true,
            blocked: true,
            ..State::new(code, meaning)
        }
    }
    /// The provider holds no such video.
    pub const fn missing(code: &'static str, meaning: &'static str) -> State {
        State {
            terminal: true,
            failed: true,
            missing: true,
            ..State::new(code, meaning)
        }
    }

    fn to_json(self) -> Value {
        json!({
            "code": self.code,
            "meaning": self.meaning,
            "terminal": self.terminal,
            "ready": self.ready,
            "failed": self.failed,
            "blocked": self.blocked,
            "missing": self.missing,
        })
    }
}

/// A field of an answer holding codes, and their meanings.
#[derive(Debug)]
pub struct CodedField {
    pub field: &'static str,
    pub states: &'static [State],
}

impl CodedField {
    /// The state of `code`; `None` for a code the provider never documented.
    pub fn state(&self, code: &str) -> Option<&'static State> {
        self.states.iter().find(|s| s.code == code)
    }

    fn to_json(&self) -> Value {
        json!({
            "field": self.field,
            "states": self.states.iter().map(|s| s.to_json()).collect::<Vec<_>>(),
        })
    }
}

/// The operation that tells where one video stands.
#[derive(Debug)]
pub struct StatusFacts {
    pub operation: &'static str,
    /// The parameter naming the video.
    pub id_param: &'static str,
    /// The field holding the state code, and what each code means.
    pub state: CodedField,
    /// A review the video passes besides transcoding (趣视频's
    /// `censorStatus`): it plays once both are final and neither failed.
    pub review: Option<CodedField>,
    /// How the answer says the video repeats one the provider already
    /// holds (iQiyi's `is_repeat` with `A00007`): uploading it again will
    /// not help; the earlier video is the one to use.
    pub duplicate: Option<DuplicateFacts>,
}

/// Where a status answer says "duplicate of an earlier video".
#[derive(Debug)]
pub struct DuplicateFacts {
    /// A flag: the video repeats an earlier one.
    pub flag_field: &'static str,
    /// The earlier video's id.
    pub earlier_field: &'static str,
}

/// The operation that lists videos, a page at a time.
#[derive(Debug)]
pub struct ListFacts {
    pub operation: &'static str,
    pub page_param: &'static str,
    pub page_size_param: &'static str,
    /// The array of videos in the answer.
    pub items_field: &'static str,
    /// The count the answer gives beside it.
    pub total_field: &'static str,
    /// What that count counts (so a total that is not the items shown says
    /// what it is).
    pub total_counts: &'static str,
    /// The fields worth a column, the video's id first.
    pub columns: &'static [&'static str],
    /// Coded columns and their meanings (the status column included).
    pub coded: &'static [CodedField],
    /// Columns holding a time, and how the provider writes it.
    pub times: &'static [(&'static str, TimeForm)],
}

/// How a provider writes a point in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeForm {
    /// Seconds since the Unix epoch (a number or numeric text).
    EpochSeconds,
    /// Milliseconds since the Unix epoch.
    EpochMillis,
    /// `YYYY-MM-DD hh:mm:ss` in China time (UTC+8).
    ChinaLocal,
}

impl TimeForm {
    fn name(self) -> &'static str {
        match self {
            TimeForm::EpochSeconds => "epoch_seconds",
            TimeForm::EpochMillis => "epoch_millis",
            TimeForm::ChinaLocal => "china_local",
        }
    }
}

/// An operation on one video named by one parameter.
#[derive(Debug)]
pub struct ByIdFacts {
    pub operation: &'static str,
    pub id_param: &'static str,
    /// Parameters the operation always takes with the same value (iQiyi's
    /// `delete_type`), as `(name, JSON text)`.
    pub fixed: &'static [(&'static str, &'static str)],
}

/// Where a video's title is read: an operation on the one video, and the
/// JSON pointer (RFC 6901) of the title in its answer. What a copy to
/// another provider carries over.
#[derive(Debug)]
pub struct TitleFacts {
    pub operation: &'static str,
    /// The parameter naming the video (a list operation's id filter too).
    pub id_param: &'static str,
    /// The title in the answer (`/name`, `/videos/0/file_name`).
    pub pointer: &'static str,
}

/// How the provider takes uploads.
#[derive(Debug)]
pub struct UploadFacts {
    /// The field of the upload answer naming the new video.
    pub id_field: &'static str,
    /// Boolean upload options a part size switches on (Baijiayun's `ranged`).
    pub part_size_switches: &'static [&'static str],
    /// The upload option taking the parts in flight (absent: one at a time).
    pub concurrency_option: Option<&'static str>,
    /// The operation that drops an unfinished upload at the provider.
    pub cancel: Option<&'static str>,
    /// The field of the upload answer naming the earlier video the upload
    /// repeats, when the provider recognised the content.
    pub duplicate_field: Option<&'static str>,
}

/// Every lifecycle fact of one provider.
#[derive(Debug)]
pub struct Lifecycle {
    pub status: StatusFacts,
    pub urls: ByIdFacts,
    /// The field of the urls answer holding the play URLs (empty: the whole
    /// answer), so a cover image is not taken for one.
    pub play_urls_field: &'static str,
    pub list: ListFacts,
    /// Where a video's title is read.
    pub title: TitleFacts,
    pub delete: ByIdFacts,
    pub upload: Option<UploadFacts>,
    /// Sets of config keys that authenticate: any one set, complete, will do.
    pub credentials: &'static [&'static [&'static str]],
    /// The provider's config schema: which keys exist, and which are secret
    /// (`writeOnly`).
    pub config_schema: fn() -> schemars::Schema,
}

/// One config key a person sets by hand (text, or a secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    pub key: String,
    pub secret: bool,
    pub doc: String,
}

impl Lifecycle {
    /// `info` with `lifecycle`'s facts when the operation plays a role in it.
    pub fn attach(lifecycle: Option<&Lifecycle>, mut info: OperationInfo) -> OperationInfo {
        if let Some(l) = lifecycle {
            let roles = l.roles_of(&info.name);
            if !roles.is_empty() {
                info.lifecycle = Some(l.to_json(&roles));
            }
        }
        info
    }

    /// The roles `operation` plays (`status`, `urls`, `list`, `delete`,
    /// `cancel`); empty for every other operation.
    pub fn roles_of(&self, operation: &str) -> Vec<&'static str> {
        let mut roles = Vec::new();
        let pairs = [
            ("status", Some(self.status.operation)),
            ("urls", Some(self.urls.operation)),
            ("list", Some(self.list.operation)),
            ("delete", Some(self.delete.operation)),
            ("cancel", self.upload.as_ref().and_then(|u| u.cancel)),
        ];
        for (role, op) in pairs {
            if op == Some(operation) {
                roles.push(role);
            }
        }
        roles
    }

    /// The config keys a person sets by hand: every top-level key of the
    /// config schema that takes text (secrets included), in schema order.
    pub fn settings(&self) -> Vec<Setting> {
        let schema = (self.config_schema)().to_value();
        let defs = schema.get("$defs").cloned().unwrap_or(Value::Null);
        let Some(props) = schema.get("properties").and_then(Value::as_object) else {
            return Vec::new();
        };
        props
            .iter()
            .filter_map(|(key, prop)| {
                let resolved = resolve_schema(prop, &defs);
                let variants = one_of(&resolved, &defs);
                let text = variants.iter().any(|v| type_is(v, "string"));
                if !text {
                    return None;
                }
                let secret = variants
                    .iter()
                    .any(|v| v.get("writeOnly") == Some(&Value::Bool(true)));
                let doc = prop
                    .get("description")
                    .or_else(|| resolved.get("description"))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .replace('\n', " ");
                Some(Setting {
                    key: key.clone(),
                    secret,
                    doc,
                })
            })
            .collect()
    }

    /// The secret keys among the credentials (an auth error names them).
    pub fn credential_secrets(&self) -> Vec<String> {
        self.settings()
            .into_iter()
            .filter(|s| s.secret && self.credentials.iter().any(|set| set.contains(&&*s.key)))
            .map(|s| s.key)
            .collect()
    }

    /// The facts as the catalog JSON carries them on a lifecycle operation.
    pub fn to_json(&self, roles: &[&str]) -> Value {
        let settings = self.settings();
        let secret = |k: &str| settings.iter().any(|s| s.key == k && s.secret);
        let by_id = |f: &ByIdFacts| {
            let fixed: Map<String, Value> = f
                .fixed
                .iter()
                .map(|(k, v)| {
                    let v = serde_json::from_str(v).unwrap_or(Value::String((*v).to_owned()));
                    ((*k).to_owned(), v)
                })
                .collect();
            json!({ "operation": f.operation, "id_param": f.id_param, "fixed": fixed })
        };
        json!({
            "roles": roles,
            "status": {
                "operation": self.status.operation,
                "id_param": self.status.id_param,
                "state": self.status.state.to_json(),
                "review": self.status.review.as_ref().map(CodedField::to_json),
                "duplicate": self.status.duplicate.as_ref().map(|d| json!({
                    "flag_field": d.flag_field,
                    "earlier_field": d.earlier_field,
                })),
            },
            "urls": by_id(&self.urls),
            "play_urls_field": self.play_urls_field,
            "delete": by_id(&self.delete),
            "list": {
                "operation": self.list.operation,
                "page_param": self.list.page_param,
                "page_size_param": self.list.page_size_param,
                "items_field": self.list.items_field,
                "total_field": self.list.total_field,
                "total_counts": self.list.total_counts,
                "columns": self.list.columns,
                "coded": self.list.coded.iter().map(CodedField::to_json).collect::<Vec<_>>(),
                "times": self.list.times.iter().map(|(f, form)| json!({"field": f, "form": form.name()})).collect::<Vec<_>>(),
            },
            "upload": self.upload.as_ref().map(|u| json!({
                "id_field": u.id_field,
                "part_size_switches": u.part_size_switches,
                "concurrency_option": u.concurrency_option,
                "cancel": u.cancel,
                "duplicate_field": u.duplicate_field,
            })),
            "credentials": self.credentials.iter().map(|set| {
                set.iter().map(|k| json!({ "key": k, "secret": secret(k) })).collect::<Vec<_>>()
            }).collect::<Vec<_>>(),
        })
    }
}

/// The alternatives of a schema (`anyOf`/`oneOf`, resolved), or itself.
fn one_of(schema: &Value, defs: &Value) -> Vec<Value> {
    for key in ["anyOf", "oneOf"] {
        if let Some(a) = schema.get(key).and_then(Value::as_array) {
            return a.iter().map(|v| resolve_schema(v, defs)).collect();
        }
    }
    vec![schema.clone()]
}

fn type_is(schema: &Value, ty: &str) -> bool {
    match schema.get("type") {
        Some(Value::String(s)) => s == ty,
        Some(Value::Array(a)) => a.iter().any(|t| t == ty),
        _ => false,
    }
}
