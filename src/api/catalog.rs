//! The operation catalog: every operation of every provider typed once —
//! name, method, host, path, whether the path is documented or provisional,
//! its file field, its request model (from JSON, to the wire) and its answer
//! model (to JSON). The typed Rust methods, the generic JSON call, the C ABI
//! and the generated Python, PHP and C++ methods all come from it.

use std::borrow::Cow;
use std::path::Path;
use std::sync::{OnceLock, RwLock};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::caller::Caller;
use super::envelope::Data;
use super::request::{FilePart, Method, Target};
use crate::error::{Error, ErrorKind, Result};
use crate::params::Params;

/// One operation of a provider, as data.
#[derive(Debug, Clone, Copy)]
pub struct OpSpec {
    pub provider: &'static str,
    /// The provider's own name of the operation (`video/getStatus`,
    /// `getVideos`): what generic calls and path overrides use.
    pub name: &'static str,
    /// The typed method's name in every language, in snake_case
    /// (`get_status`); PHP and C++ derive theirs from it.
    pub function: &'static str,
    pub method: Method,
    /// Which of the provider's hosts serves it (a key of the config's `hosts`).
    pub host: &'static str,
    /// The default path under that host; a config's `path_overrides` may
    /// replace it.
    pub path: &'static str,
    /// True when no document we have prints the path: chosen in the
    /// document's style, and overridable.
    pub provisional: bool,
    /// The multipart field of the file this operation sends, if it sends one.
    pub file_field: Option<&'static str>,
    /// Runs the operation from JSON parameters through its typed models.
    pub invoke: fn(&Caller, &OpSpec, &Value, Option<FilePart<'_>>) -> Result<Value>,
    pub request_schema: fn() -> schemars::Schema,
    pub answer_schema: fn() -> schemars::Schema,
}

impl OpSpec {
    /// Where this operation's calls go.
    pub fn target(&self) -> Target<'static> {
        Target {
            name: self.name,
            method: self.method,
            host: self.host,
            path: self.path,
        }
    }
}

/// Checks a request before anything is sent: what the provider would refuse,
/// refused here with an [`ErrorKind::InvalidInput`] error naming the field.
pub trait Validate {
    fn validate(&self) -> Result<()> {
        Ok(())
    }

    /// Checks the file an operation sends (its type, say).
    fn check_file(&self, path: &Path) -> Result<()> {
        let _ = path;
        Ok(())
    }
}

/// A typed operation: its request model (this type) and answer model.
pub trait Operation: Serialize + DeserializeOwned + schemars::JsonSchema + Validate {
    type Answer: Serialize + DeserializeOwned + schemars::JsonSchema;
    const SPEC: OpSpec;
}

/// Implements [`Validate`] with no checks for request models that need none.
#[macro_export]
#[doc(hidden)]
macro_rules! no_validation {
    ($($ty:ty),* $(,)?) => {
        $(impl $crate::api::Validate for $ty {})*
    };
}

/// Declares a provider's operations: each `Request => Answer { … }` becomes an
/// [`Operation`] impl, and `$catalog` the list of their specs.
///
/// It also declares the macro named after `methods`, which gives the
/// provider's client one typed method per operation —
/// `fn function(&self, request: &Request) -> Result<Answer>` (with
/// `path: impl AsRef<Path>` after the request when the operation sends a
/// file). The client's module invokes it (`catalog::methods!(Client)`), so
/// the catalog never names the client and the request models stay plain
/// data: the parameters of the Rust method are the request model's fields,
/// exactly those the catalog lists for every other language.
///
/// ```ignore
/// vodkit::operations! {
///     pub static CATALOG, provider "baijiayun", host "api", methods typed_methods;
///     GetStatus => VideoStatus { name "video/getStatus", function get_status, POST };
///     CreateNotice => Notice { name "video/createNotice", function create_notice, POST, provisional };
///     UploadSubtitle => SubtitleId { name "video/uploadSubtitle", function upload_subtitle, POST, file "subtitle" };
/// }
/// // in client.rs:
/// super::catalog::typed_methods!(Client);
/// ```
#[macro_export]
macro_rules! operations {
    (
        $vis:vis static $catalog:ident, provider $provider:literal, host $host:literal,
        methods $methods:ident;
        $(
            $req:ty => $answer:ty {
                name $name:literal, function $function:ident, $method:ident
                $(, path $path:literal)?
                $(, provisional $($provisional:block)?)?
                $(, file $file:literal)?
            };
        )*
    ) => {
        $(
            impl $crate::api::Operation for $req {
                type Answer = $answer;
                const SPEC: $crate::api::OpSpec = $crate::api::OpSpec {
                    provider: $provider,
                    name: $name,
                    function: stringify!($function),
                    method: $crate::operations!(@method $method),
                    host: $host,
                    path: $crate::operations!(@path $name $(, $path)?),
                    provisional: $crate::operations!(@flag $(provisional $($provisional)?)?),
                    file_field: $crate::operations!(@file $($file)?),
                    invoke: $crate::api::invoke_json::<$req>,
                    request_schema: || $crate::api::schema_of::<$req>(),
                    answer_schema: || $crate::api::schema_of::<$answer>(),
                };
            }
        )*
        /// Every operation of this provider, in document order.
        $vis static $catalog: &[$crate::api::OpSpec] = &[
            $(<$req as $crate::api::Operation>::SPEC),*
        ];

        /// Gives a client one typed method per operation of this catalog.
        // A catalog without a client (a test's) leaves it unused.
        #[allow(unused_macros)]
        macro_rules! $methods {
            ($client:ty) => {
                impl $client {
                    $(
                        $crate::operations!(@typed $name, $function, $req, $answer $(, $file)?);
                    )*
                }
            };
        }
        #[allow(unused_imports)]
        pub(crate) use $methods;
    };
    (@typed $name:literal, $function:ident, $req:ty, $answer:ty) => {
        #[doc = concat!("`", $name, "`: the parameters are the fields of [`", stringify!($req), "`].")]
        pub fn $function(&self, request: &$req) -> $crate::error::Result<$answer> {
            self.call(request)
        }
    };
    (@typed $name:literal, $function:ident, $req:ty, $answer:ty, $file:literal) => {
        #[doc = concat!("`", $name, "`: the parameters are the fields of [`", stringify!($req), "`]; the file at `path` is sent as the multipart field `", $file, "` (or the config's `file_fields` override).")]
        pub fn $function(
            &self,
            request: &$req,
            path: impl AsRef<std::path::Path>,
        ) -> $crate::error::Result<$answer> {
            self.call_with_file(request, path.as_ref())
        }
    };
    (@method POST) => { $crate::api::Method::Post };
    (@method GET) => { $crate::api::Method::Get };
    (@path $name:literal) => { $name };
    (@path $name:literal, $path:literal) => { $path };
    (@flag) => { false };
    (@flag provisional) => { true };
    (@file) => { None };
    (@file $file:literal) => { Some($file) };
}

/// The JSON schema of a model, as the catalog lists it.
pub fn schema_of<T: schemars::JsonSchema>() -> schemars::Schema {
    schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
}

/// Runs operation `O` from JSON parameters: the parameters are read into the
/// typed request model (unknown keys refused), validated exactly as the typed
/// Rust method validates them, sent, and the answer read through the typed
/// answer model.
pub fn invoke_json<O: Operation>(
    caller: &Caller,
    spec: &OpSpec,
    params: &Value,
    file: Option<FilePart<'_>>,
) -> Result<Value> {
    let empty = Value::Object(Default::default());
    let params = match params {
        Value::Null => &empty,
        other => other,
    };
    let Value::Object(map) = params else {
        return Err(Error::invalid_input(format!(
            "{}: parameters must be a JSON object",
            spec.name
        )));
    };
    let known = property_names_of::<O>();
    if let Some(unknown) = map.keys().find(|k| !known.iter().any(|n| n == *k)) {
        return Err(Error::invalid_input(format!(
            "{}: unknown parameter {unknown:?} (parameters: {})",
            spec.name,
            known.join(", ")
        )));
    }
    let request: O = super::from_json_redacted(params, spec.name)?;
    let answer = call_typed_as(caller, spec, &request, file)?;
    super::to_json(&answer, "the answer")
}

/// Runs a typed operation: validate, send through the call loop, decode.
pub fn call_typed<O: Operation>(
    caller: &Caller,
    request: &O,
    file: Option<&Path>,
) -> Result<O::Answer> {
    let spec = O::SPEC;
    let file = match (caller.file_field_of(spec.name, spec.file_field), file) {
        (Some(field), Some(path)) => Some(FilePart { field, path }),
        (_, None) => None,
        (None, Some(_)) => {
            return Err(Error::invalid_input(format!("{} takes no file", spec.name)))
        }
    };
    call_typed_as(caller, &spec, request, file)
}

fn call_typed_as<O: Operation>(
    caller: &Caller,
    spec: &OpSpec,
    request: &O,
    file: Option<FilePart<'_>>,
) -> Result<O::Answer> {
    request.validate()?;
    match (spec.file_field, &file) {
        (Some(_), Some(part)) => request.check_file(part.path)?,
        (Some(field), None) => {
            return Err(Error::invalid_input(format!(
                "{} sends a file (multipart field {field:?}): use call_with_file",
                spec.name
            )))
        }
        (None, Some(_)) => {
            return Err(Error::invalid_input(format!("{} takes no file", spec.name)))
        }
        (None, None) => {}
    }
    let params = Params::from_serialize(request)?;
    let data = caller.call_data(&spec.target(), params, file)?;
    decode_data(spec, data)
}

/// Reads an answer's data into its model; a shape we can't read is the
/// server's fault, never a panic.
pub fn decode<T: DeserializeOwned>(spec: &OpSpec, data: Value) -> Result<T> {
    decode_data(spec, Data::Tree(data))
}

/// As [`decode`], from the data as the envelope handed it over.
fn decode_data<T: DeserializeOwned>(spec: &OpSpec, data: Data) -> Result<T> {
    data.decode().map_err(|e| {
        // Without the position, as from a tree: a position in the data's own
        // text would mislead about the answer's.
        let text = e.to_string();
        let position = format!(" at line {} column {}", e.line(), e.column());
        let reason = text.strip_suffix(&position).unwrap_or(&text);
        Error::new(
            ErrorKind::Server,
            format!(
                "the answer of {} has an unexpected shape: {reason}",
                spec.name
            ),
        )
    })
}

/// The property names of a model's object schema, in declaration order:
/// worked out from its schema once per model and kept (every JSON call and
/// config checks its keys against them, and a schema costs tens of
/// microseconds to build). Found with a fast hash: the lookup is on every
/// call (issue 19, B5).
pub(crate) fn property_names_of<T: schemars::JsonSchema>() -> &'static [String] {
    type Names = foldhash::HashMap<Cow<'static, str>, &'static [String]>;
    static NAMES: OnceLock<RwLock<Names>> = OnceLock::new();
    let names = NAMES.get_or_init(Default::default);
    let id = T::schema_id();
    // A poisoned lock only means a panic elsewhere; the map is still whole.
    if let Some(known) = names.read().unwrap_or_else(|e| e.into_inner()).get(&id) {
        return known;
    }
    let listed: Vec<String> = schema_of::<T>()
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    let mut names = names.write().unwrap_or_else(|e| e.into_inner());
    // One leak per model type, at most: the catalog is finite.
    names.entry(id).or_insert_with(|| Vec::leak(listed))
}

/// One operation as every language lists it (`operations()`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OperationInfo {
    pub provider: String,
    pub name: String,
    pub function: String,
    pub method: Method,
    pub host: String,
    pub path: String,
    pub provisional: bool,
    pub file_field: Option<String>,
    pub params: Vec<ParamInfo>,
    pub doc: String,
    /// The JSON schema of the answer (with `$defs` for nested models).
    pub answer: Value,
    /// On an operation of the provider's video lifecycle (status, urls,
    /// list, delete, cancel): its roles and the provider's lifecycle facts
    /// (`Lifecycle::to_json`); absent on every other operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Value>,
}

/// One parameter of an operation.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ParamInfo {
    /// The wire name: the key of the generic JSON call and of the request.
    pub name: String,
    /// The typed methods' name of the parameter in every language: the Rust
    /// request model's field (see [`argument_name`]).
    pub argument: String,
    /// `integer`, `number`, `string`, `boolean`, `array` or `object`.
    #[serde(rename = "type")]
    pub ty: String,
    /// For arrays: the type of the items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<String>,
    pub required: bool,
    pub doc: String,
    /// The parameter's full JSON schema.
    pub schema: Value,
}

impl OperationInfo {
    /// As [`OperationInfo::of`], with the path and file field the client
    /// really uses (its config's overrides).
    pub fn of_caller(spec: &OpSpec, caller: &Caller) -> Self {
        let mut info = OperationInfo::of(spec, caller.path_of(spec.name, spec.path));
        info.file_field = caller
            .file_field_of(spec.name, spec.file_field)
            .map(str::to_owned);
        info
    }

    /// Describes `spec`, with the path the client really uses.
    pub fn of(spec: &OpSpec, path: &str) -> Self {
        let request = (spec.request_schema)();
        let answer = (spec.answer_schema)();
        let required: Vec<&str> = request
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let defs = request.get("$defs").cloned().unwrap_or(Value::Null);
        let params = request
            .get("properties")
            .and_then(Value::as_object)
            .map(|props| {
                props
                    .iter()
                    .map(|(name, schema)| {
                        let resolved = resolve_schema(schema, &defs);
                        ParamInfo {
                            name: name.clone(),
                            argument: argument_name(name, schema),
                            ty: type_of(&resolved),
                            items: resolved
                                .get("items")
                                .map(|i| type_of(&resolve_schema(i, &defs))),
                            required: required.contains(&name.as_str()),
                            doc: describe(schema, &resolved),
                            schema: schema.clone(),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        OperationInfo {
            provider: spec.provider.to_owned(),
            name: spec.name.to_owned(),
            function: spec.function.to_owned(),
            method: spec.method,
            host: spec.host.to_owned(),
            path: path.to_owned(),
            provisional: spec.provisional,
            file_field: spec.file_field.map(str::to_owned),
            params,
            doc: request
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            answer: answer.to_value(),
            lifecycle: None,
        }
    }
}

/// The name a typed method gives the wire parameter `wire` (with its
/// `schema`) in every language: the Rust request model's field. That is the
/// wire name in snake_case (`mediaId` → `media_id`, `video_id` stays), as
/// `rename_all` maps it, unless the field renames itself to something else
/// on the wire and says so with `#[schemars(extend("x-argument" = "…"))]`.
pub fn argument_name(wire: &str, schema: &Value) -> String {
    if let Some(name) = schema.get("x-argument").and_then(Value::as_str) {
        return name.to_owned();
    }
    snake_case(wire)
}

/// `mediaId` → `media_id`, `SnapshotList` → `snapshot_list`, `fileURL` →
/// `file_url`; snake_case stays as it is.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1);
            let starts_word = match prev {
                None | Some('_') => false,
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                // The last capital of an acronym followed by a word: `URLList`.
                Some(p) => p.is_ascii_uppercase() && next.is_some_and(char::is_ascii_lowercase),
            };
            if starts_word {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Follows a `$ref` into `$defs` and drops the `null` of an optional value:
/// the schema a parameter or field really has (binding generators use it too).
pub fn resolve_schema(schema: &Value, defs: &Value) -> Value {
    if let Some(name) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        if let Some(def) = defs.get(name) {
            return resolve_schema(def, defs);
        }
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(variants) = schema.get(key).and_then(Value::as_array) {
            let non_null: Vec<&Value> = variants
                .iter()
                .filter(|v| v.get("type").and_then(Value::as_str) != Some("null"))
                .collect();
            if let [only] = non_null.as_slice() {
                return resolve_schema(only, defs);
            }
        }
    }
    schema.clone()
}

/// The one JSON type of a schema (`null` dropped from optional values).
fn type_of(schema: &Value) -> String {
    match schema.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null")
            .to_owned(),
        _ if schema.get("enum").is_some() => "string".to_owned(),
        _ if schema.get("properties").is_some() => "object".to_owned(),
        _ => "any".to_owned(),
    }
}

fn describe(schema: &Value, resolved: &Value) -> String {
    schema
        .get("description")
        .or_else(|| resolved.get("description"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_become_snake_case_arguments() {
        for (wire, argument) in [
            ("mediaId", "media_id"),
            ("video_id", "video_id"),
            ("SnapshotList", "snapshot_list"),
            ("fileURL", "file_url"),
            ("URLList", "url_list"),
            ("page2Size", "page2_size"),
            ("type", "type"),
        ] {
            assert_eq!(argument_name(wire, &Value::Null), argument, "{wire}");
        }
        let renamed = serde_json::json!({"type": "string", "x-argument": "file_type"});
        assert_eq!(argument_name("type", &renamed), "file_type");
    }
}
