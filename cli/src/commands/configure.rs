//! `vodkit configure key=value…`: writes a profile (mode 0600).

use std::io::{BufRead, IsTerminal};

use serde_json::json;

use crate::commands::kv;
use crate::fail::{Fail, Result};
use crate::settings::{self, Flags};
use crate::{files, Out};

pub fn configure(
    flags: &Flags,
    kvs: &[String],
    secret_stdin: Option<&str>,
    without_secret: bool,
    out: &Out,
) -> Result<()> {
    let path = settings::config_path();
    let mut file = settings::read_config(&path)?;
    let name = flags
        .profile
        .clone()
        .or_else(|| {
            std::env::var("VODKIT_PROFILE")
                .ok()
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "default".into());
    let provider = flags.provider.clone().unwrap_or_else(|| "baijiayun".into());
    let lifecycle = vodkit::providers::registry::find(&provider)
        .map_err(|e| Fail::config(e.message().to_owned()))?
        .lifecycle;
    let settings = lifecycle.settings();
    let profiles = file
        .entry("profiles")
        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
    let profiles = profiles
        .as_table_mut()
        .ok_or_else(|| Fail::config(format!("{}: `profiles` is not a table", path.display())))?;
    let profile = profiles
        .entry(name.clone())
        .or_insert_with(|| toml::Value::Table(toml::Table::new()))
        .as_table_mut()
        .ok_or_else(|| {
            Fail::config(format!("{}: profile {name} is not a table", path.display()))
        })?;
    profile.insert("provider".into(), toml::Value::String(provider.clone()));
    if let Some(u) = &flags.base_url {
        profile.insert("base_url".into(), toml::Value::String(u.clone()));
    }
    for s in kvs {
        let (k, v) = kv(s)?;
        profile.insert(k, toml::Value::String(v));
    }
    for (k, v) in &flags.set {
        profile.insert(k.clone(), toml::Value::String(v.clone()));
    }
    if let Some(key) = secret_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Fail::io(format!("stdin: {e}")))?;
        profile.insert(
            key.into(),
            toml::Value::String(line.trim_end_matches(['\r', '\n']).to_owned()),
        );
    }
    // Any one complete set of credentials will do; ask for the secrets of
    // the first (a terminal only), then refuse a profile that has none.
    let complete = |profile: &toml::Table, set: &[&str]| {
        set.iter().all(|k| {
            profile
                .get(*k)
                .and_then(|v| v.as_str())
                .is_some_and(|v| !v.is_empty())
        })
    };
    let first = lifecycle.credentials.first().copied().unwrap_or_default();
    if std::io::stdin().is_terminal() && secret_stdin.is_none() {
        for s in settings
            .iter()
            .filter(|s| s.secret && first.contains(&s.key.as_str()))
        {
            if profile.contains_key(&s.key) {
                continue;
            }
            let v = rpassword::prompt_password(format!("{} ({}): ", s.key, s.doc))
                .map_err(|e| Fail::io(e.to_string()))?;
            if !v.is_empty() {
                profile.insert(s.key.clone(), toml::Value::String(v));
            }
        }
    }
    if !without_secret
        && !lifecycle
            .credentials
            .iter()
            .any(|set| complete(profile, set))
    {
        let missing: Vec<&str> = first
            .iter()
            .copied()
            .filter(|k| !complete(profile, &[k]))
            .collect();
        let secret = settings
            .iter()
            .find(|s| s.secret && missing.contains(&s.key.as_str()))
            .map(|s| s.key.as_str())
            .unwrap_or("KEY");
        return Err(Fail::config(format!(
            "not writing profile '{name}': it lacks {} of {provider}; pass the secret on stdin with --secret-stdin {secret} (or run it in a terminal to be asked), or --without-secret to write it anyway",
            missing.join(", ")
        )));
    }
    let keys: Vec<String> = profile.keys().cloned().collect();
    let text = toml::to_string(&file).map_err(|e| Fail::config(e.to_string()))?;
    files::write_private(&path, text.as_bytes())
        .map_err(|e| Fail::io(format!("cannot write {}: {e}", path.display())))?;
    if out.json {
        out.print_json(&json!({ "path": path, "profile": name, "keys": keys }));
    } else {
        println!(
            "wrote profile '{name}' ({}) to {} (mode 0600)",
            keys.join(", "),
            path.display()
        );
    }
    Ok(())
}
