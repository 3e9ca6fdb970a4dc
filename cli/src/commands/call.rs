//! `vodkit call OP key=value…`: any catalog operation.

use std::path::PathBuf;

use serde_json::{Map, Value};

use crate::commands::kv;
use crate::fail::{self, Fail, Result};
use crate::settings::Resolved;
use crate::Out;

pub fn run(
    resolved: &Resolved,
    out: &Out,
    operation: &String,
    params: &[String],
    params_json: &Option<String>,
    file: &Option<PathBuf>,
    raw: bool,
) -> Result<()> {
    let client = resolved.client()?;
    let ops = client.operations();
    let info = ops.iter().find(|o| &o.name == operation);
    if info.is_none() && !raw {
        return Err(Fail::input(format!(
            "unknown operation {operation:?} for {}: see `vodkit ops {}` (or pass --raw to send it anyway)",
            resolved.provider, resolved.provider
        )));
    }
    let mut map = Map::new();
    let mut params = params.to_vec();
    // `--json` alone asks for machine output (the answer is JSON anyway);
    // a value that is no object nor @file was a key=value it swallowed.
    let params_json = match params_json.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(j) if j.starts_with('{') || j.starts_with('@') => Some(j.to_owned()),
        Some(other) => {
            params.insert(0, other.to_owned());
            None
        }
    };
    if let Some(j) = params_json {
        let text = match j.strip_prefix('@') {
            Some(path) => {
                std::fs::read_to_string(path).map_err(|e| Fail::io(format!("{path}: {e}")))?
            }
            None => j.clone(),
        };
        match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(m)) => map.extend(m),
            // Where it went wrong, as the parser saw it (line and column).
            Err(e) => {
                return Err(Fail::usage(format!(
                    "--json must be a JSON object, and this is not valid JSON ({e}): --json '{{\"video_id\": 7}}' (or @file)"
                )))
            }
            _ => {
                return Err(Fail::usage(
                    "--json must be a JSON object: --json '{\"video_id\": 7}' (or @file)",
                ))
            }
        }
    }
    for p in &params {
        if p.trim_start().starts_with('{') {
            match serde_json::from_str::<Value>(p) {
                Ok(Value::Object(m)) => map.extend(m),
                Err(e) => return Err(Fail::usage(format!("{p:?} is not valid JSON ({e})"))),
                _ => return Err(Fail::usage(format!("{p:?} is not a JSON object"))),
            }
            continue;
        }
        let (k, v) = kv(p)?;
        let (k, value) = match k.strip_suffix(':') {
            Some(k) => (
                k.to_owned(),
                serde_json::from_str(&v)
                    .map_err(|e| Fail::usage(format!("{k}:= needs JSON ({e})")))?,
            ),
            None => {
                let ty = info
                    .and_then(|i| i.params.iter().find(|x| x.name == k))
                    .map(|x| x.ty.as_str());
                let value = match ty {
                    Some("string") => Value::String(v),
                    _ => serde_json::from_str(&v).unwrap_or(Value::String(v)),
                };
                (k, value)
            }
        };
        map.insert(k, value);
    }
    let params = Value::Object(map);
    let answer = match file {
        Some(path) => client.call_with_file(operation, &params, "", path),
        None => client.call(operation, &params),
    }
    .map_err(|e| fail::from_core(&e, &resolved.hint))?;
    // The answer is data: JSON for people and scripts alike.
    out.print_json(&answer);
    Ok(())
}
