//! The core registry's lifecycle facts as the CLI shows them: state codes as
//! "meaning (code)", list cells, play URLs, environment variable names. The
//! facts themselves (which operation, which field, what a code means) are
//! the core's (`vodkit::providers::registry`); nothing here names a provider.

use serde_json::{json, Map, Value};
use vodkit::api::{ByIdFacts, CodedField, Lifecycle, OperationInfo, State};
use vodkit::providers::registry;

/// The lifecycle facts of a registered provider.
pub fn lifecycle(provider: &str) -> Option<&'static Lifecycle> {
    registry::find(provider).ok().map(|p| p.lifecycle)
}

/// The environment variable of a setting: `VODKIT_BAIJIAYUN_PARTNER_KEY`.
pub fn env_var(provider: &str, key: &str) -> String {
    format!("VODKIT_{}_{}", provider.to_uppercase(), key.to_uppercase())
}

/// A value as text (a number written out, null as empty).
pub fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(v) => v.to_string(),
    }
}

/// "name (code)", or the name alone for an empty code.
pub fn named(name: &str, code: &str) -> String {
    if code.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({code})")
    }
}

/// The state of `code` in `field`; a code the provider never documented is
/// "unknown" and not final (a wait is bounded by its timeout).
pub fn state_of(field: &CodedField, code: &str) -> State {
    field
        .state(code)
        .copied()
        .unwrap_or(State::working("", "unknown"))
}

/// A list cell as people read it: a coded value as "meaning (code)", a
/// time in local ISO 8601.
pub fn cell(lifecycle: &Lifecycle, column: &str, value: Option<&Value>) -> String {
    let raw = text(value);
    if let Some((_, form)) = lifecycle.list.times.iter().find(|(c, _)| *c == column) {
        return crate::times::local_iso(&raw, *form).unwrap_or(raw);
    }
    match (
        lifecycle.list.coded.iter().find(|c| c.field == column),
        value,
    ) {
        (Some(coded), Some(_)) => named(state_of(coded, &raw).meaning, &raw),
        _ => raw,
    }
}

/// The parameters of an operation on video `id`: the id typed as the
/// catalog types it (a number where the provider wants one), and the
/// operation's fixed parameters.
pub fn by_id(provider: &str, facts: &ByIdFacts, id: &str) -> Value {
    let numeric = registry::find(provider)
        .ok()
        .and_then(|p| p.catalog.iter().find(|s| s.name == facts.operation))
        .map(|spec| OperationInfo::of(spec, spec.path))
        .and_then(|info| info.params.into_iter().find(|p| p.name == facts.id_param))
        .is_some_and(|p| p.ty == "integer");
    let id_value = match id.parse::<i64>() {
        Ok(n) if numeric => Value::from(n),
        _ => Value::String(id.to_owned()),
    };
    let mut params = Map::new();
    for (k, v) in facts.fixed {
        let v = serde_json::from_str(v).unwrap_or_else(|_| json!(v));
        params.insert((*k).to_owned(), v);
    }
    params.insert(facts.id_param.to_owned(), id_value);
    Value::Object(params)
}

/// One play URL as `vodkit urls` shows it: definition (or format), size, URL.
pub type PlayUrl = [String; 3];

/// Every play URL of an answer (under the field the facts name), whatever
/// its shape: each text starting with `http://` or `https://`, labelled by
/// where it sits (and the `name` or `definition` beside it), with the
/// `size` beside it or above it.
pub fn play_urls(lifecycle: &Lifecycle, answer: &Value) -> Vec<PlayUrl> {
    let urls = match lifecycle.play_urls_field {
        "" => answer,
        field => answer.get(field).unwrap_or(&Value::Null),
    };
    let mut out = Vec::new();
    walk(urls, &mut Vec::new(), &text(answer.get("size")), &mut out);
    out
}

fn walk(v: &Value, path: &mut Vec<String>, size: &str, out: &mut Vec<PlayUrl>) {
    match v {
        Value::String(s) if s.starts_with("http://") || s.starts_with("https://") => {
            out.push([path.join(" "), size.to_owned(), s.clone()]);
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(format!("#{}", i + 1));
                walk(item, path, size, out);
                path.pop();
            }
        }
        Value::Object(m) => {
            // Beside a URL: what it is and how big.
            let size = m
                .get("size")
                .map(|s| text(Some(s)))
                .unwrap_or(size.to_owned());
            let mut label: Vec<String> = ["name", "definition"]
                .iter()
                .filter_map(|k| m.get(*k).map(|v| text(Some(v))))
                .filter(|s| !s.is_empty())
                .collect();
            if !label.is_empty() {
                // "#1" says less than the name beside it.
                if path.last().is_some_and(|p| p.starts_with('#')) {
                    path.pop();
                    label.insert(0, String::new());
                }
                path.push(label.join(" ").trim().to_owned());
            }
            for (k, item) in m {
                let labelled = !matches!(k.as_str(), "url" | "urllist");
                if labelled {
                    path.push(k.clone());
                }
                walk(item, path, &size, out);
                if labelled {
                    path.pop();
                }
            }
            if !label.is_empty() {
                path.pop();
            }
        }
        _ => {}
    }
}
