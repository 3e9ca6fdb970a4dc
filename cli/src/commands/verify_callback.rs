//! `vodkit verify-callback BODY`: checks a raw Baijiayun callback body.

use std::io::Read;
use std::time::Duration;

use serde_json::{json, Value};

use crate::commands::{need_baijiayun, secret};
use crate::fail::{self, Fail, Result};
use crate::settings::Resolved;
use crate::Out;

pub fn run(resolved: &Resolved, out: &Out, body: &str, kind: &str, max_age: u64) -> Result<()> {
    need_baijiayun(resolved, "verify-callback")?;
    let key = secret(resolved, "partner_key")?;
    let mut raw = Vec::new();
    if body == "-" {
        std::io::stdin()
            .read_to_end(&mut raw)
            .map_err(|e| Fail::io(format!("stdin: {e}")))?;
    } else {
        raw = std::fs::read(body).map_err(|e| Fail::io(format!("{body}: {e} (check the path)")))?;
    }
    let mut verifier = vodkit::baijiayun::CallbackVerifier::new(key);
    verifier = if max_age == 0 {
        verifier.without_max_age()
    } else {
        verifier.max_age(Duration::from_secs(max_age))
    };
    let result = match kind {
        "transcode" => verifier
            .verify_transcode_body(&raw)
            .map(|e| serde_json::to_value(e).unwrap_or(Value::Null)),
        "playback-auth" => verifier
            .verify_playback_auth_body(&raw)
            .map(|e| serde_json::to_value(e).unwrap_or(Value::Null)),
        other => {
            return Err(Fail::usage(format!(
                "--kind {other}: use transcode or playback-auth"
            )))
        }
    };
    match result {
        Ok(event) => {
            if out.json {
                out.print_json(&json!({ "valid": true, "event": event }));
            } else {
                println!("valid {kind} callback: {event}");
            }
            Ok(())
        }
        Err(e) => {
            let why = vodkit::baijiayun::VerifyFailure::of(&e)
                .map(|w| w.as_str())
                .unwrap_or("invalid");
            let mut f = Fail::new(
                fail::code_of(e.kind()),
                format!("callback rejected ({why}): {}; check the partner key and that the body is passed unchanged", e.message()),
            );
            // In the one JSON document of the error.
            f.extra.insert("valid".into(), json!(false));
            f.extra.insert("reason".into(), json!(why));
            Err(f)
        }
    }
}
