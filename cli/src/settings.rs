//! Settings, in order: flags, environment (`VODKIT_PROVIDER`, `VODKIT_PROFILE`,
//! `VODKIT_<PROVIDER>_<KEY>`), then a profile of the config file
//! (`config.toml` in the platform's config directory, or `VODKIT_CONFIG`).

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::facts;
use crate::fail::{Fail, Hint, Result};
use crate::renewed::Renewed;

pub fn config_path() -> PathBuf {
    if let Some(p) = std::env::var_os("VODKIT_CONFIG") {
        return PathBuf::from(p);
    }
    match directories::ProjectDirs::from("", "", "vodkit") {
        Some(d) => d.config_dir().join("config.toml"),
        None => PathBuf::from(".vodkit.toml"),
    }
}

/// The config file: `[profiles.NAME]` tables of settings.
pub fn read_config(path: &Path) -> Result<toml::Table> {
    match std::fs::read_to_string(path) {
        Ok(text) => text.parse::<toml::Table>().map_err(|e| {
            Fail::config(format!(
                "{} is not valid TOML ({}): fix it or run vodkit configure",
                path.display(),
                e.message()
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(toml::Table::new()),
        Err(e) => Err(Fail::config(format!("cannot read {}: {e}", path.display()))),
    }
}

/// What the global flags say.
#[derive(Default, Clone)]
pub struct Flags {
    pub provider: Option<String>,
    pub profile: Option<String>,
    pub base_url: Option<String>,
    pub set: Vec<(String, String)>,
}

/// The resolved settings of one run.
pub struct Resolved {
    pub provider: String,
    /// The provider's lifecycle facts (the core registry's).
    pub lifecycle: &'static vodkit::api::Lifecycle,
    pub config: Value,
    pub hint: Hint,
    /// Secret values, to be redacted from anything printed.
    pub secrets: Vec<String>,
    /// Where each key came from (for -v), never the value of a secret.
    pub sources: Vec<(String, String)>,
    /// Where credentials the provider renews are kept between runs.
    renewed: Option<Renewed>,
    /// The one client of the run (its renewed credentials are kept at the end).
    client: OnceCell<vodkit::Client>,
}

pub fn resolve(flags: &Flags, sandbox: Option<(&str, Value)>) -> Result<Resolved> {
    let path = config_path();
    let file = read_config(&path)?;
    let profile_name = flags.profile.clone().or_else(|| {
        std::env::var("VODKIT_PROFILE")
            .ok()
            .filter(|s| !s.is_empty())
    });
    let profiles = file.get("profiles").and_then(|p| p.as_table());
    let profile = match &profile_name {
        Some(name) => Some(profiles.and_then(|p| p.get(name)).and_then(|p| p.as_table()).ok_or_else(|| {
            let known: Vec<&String> = profiles.map(|p| p.keys().collect()).unwrap_or_default();
            Fail::config(format!(
                "unknown profile '{name}' in {} (profiles: {}): create it with `vodkit configure --profile {name}`",
                path.display(),
                if known.is_empty() { "none".into() } else { known.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ") }
            ))
        })?),
        None => profiles.and_then(|p| p.get("default")).and_then(|p| p.as_table()),
    };
    let profile_label = profile_name.clone().unwrap_or_else(|| "default".into());

    let provider = flags
        .provider
        .clone()
        .or_else(|| sandbox.as_ref().map(|(p, _)| p.to_string()))
        .or_else(|| {
            std::env::var("VODKIT_PROVIDER")
                .ok()
                .filter(|s| !s.is_empty())
        })
        .or_else(|| {
            profile
                .and_then(|p| p.get("provider"))
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "baijiayun".into());
    let lifecycle = vodkit::providers::registry::find(&provider)
        .map_err(|e| {
            Fail::config(format!(
                "{}: pass --provider or set VODKIT_PROVIDER",
                e.message()
            ))
        })?
        .lifecycle;
    let settings = lifecycle.settings();

    let mut config = Map::new();
    let mut sources = Vec::new();
    // Lowest first: profile, then environment, then flags.
    if let Some(p) = profile {
        for (k, v) in p {
            if k == "provider" {
                continue;
            }
            let json = serde_json::to_value(v).unwrap_or(Value::Null);
            config.insert(k.clone(), json);
            sources.push((k.clone(), format!("profile '{profile_label}'")));
        }
    }
    if let Some((_, sandbox_config)) = &sandbox {
        if let Value::Object(m) = sandbox_config {
            for (k, v) in m {
                config.insert(k.clone(), v.clone());
                sources.push((k.clone(), "sandbox".into()));
            }
        }
    } else {
        for s in &settings {
            let var = facts::env_var(&provider, &s.key);
            if let Ok(v) = std::env::var(&var) {
                if !v.is_empty() {
                    config.insert(s.key.clone(), Value::String(v));
                    sources.push((s.key.clone(), var));
                }
            }
        }
    }
    if let Some(url) = &flags.base_url {
        config.insert("base_url".into(), Value::String(url.clone()));
        // base_url replaces a private domain.
        config.remove("private_domain");
        sources.push(("base_url".into(), "--base-url".into()));
    }
    for (k, v) in &flags.set {
        let value = serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.clone()));
        config.insert(k.clone(), value);
        sources.push((k.clone(), "--set".into()));
    }

    // Credentials the provider renewed in an earlier run (not against a
    // sandbox: its emulator, and so its tokens, end with the process).
    let renewed = sandbox
        .is_none()
        .then(|| Renewed::load(&provider, &mut config, &mut sources));

    let mut secrets = Vec::new();
    for k in settings.iter().filter(|s| s.secret).map(|s| &s.key) {
        if let Some(Value::String(s)) = config.get(k) {
            if !s.is_empty() {
                secrets.push(s.clone());
            }
        }
    }
    let hint = Hint {
        provider: provider.clone(),
        secret_vars: lifecycle
            .credential_secrets()
            .iter()
            .map(|k| facts::env_var(&provider, k))
            .collect(),
        profile: profile_label,
        config_path: path.display().to_string(),
    };
    Ok(Resolved {
        provider,
        lifecycle,
        config: Value::Object(config),
        hint,
        secrets,
        sources,
        renewed,
        client: OnceCell::new(),
    })
}

impl Resolved {
    /// Fails with the variables and profile keys to set when a credential is missing.
    pub fn require_credentials(&self) -> Result<()> {
        let credentials = self.lifecycle.credentials;
        // Any one complete set of credentials will do; name what the first lacks.
        let missing_of = |set: &[&'static str]| -> Vec<&'static str> {
            set.iter()
                .copied()
                .filter(|k| {
                    self.config
                        .get(*k)
                        .is_none_or(|v| v.is_null() || v.as_str() == Some(""))
                })
                .collect()
        };
        if credentials.iter().any(|set| missing_of(set).is_empty()) {
            return Ok(());
        }
        let missing = credentials
            .first()
            .map(|set| missing_of(set))
            .unwrap_or_default();
        let vars: Vec<String> = missing
            .iter()
            .map(|k| facts::env_var(&self.provider, k))
            .collect();
        let others: Vec<String> = credentials
            .iter()
            .skip(1)
            .map(|set| {
                set.iter()
                    .map(|k| facts::env_var(&self.provider, k))
                    .collect::<Vec<_>>()
                    .join(" + ")
            })
            .collect();
        let alternatives = if others.is_empty() {
            String::new()
        } else {
            format!(" (or instead: {})", others.join("; "))
        };
        Err(Fail::config(format!(
            "missing {} credentials: set {}{alternatives} or run `vodkit configure` (keys {} of profile '{}' in {}); `vodkit --sandbox …` needs none",
            self.provider,
            vars.join(", "),
            missing.join(", "),
            self.hint.profile,
            self.hint.config_path
        )))
    }

    pub fn client(&self) -> Result<vodkit::Client> {
        if let Some(c) = self.client.get() {
            return Ok(c.clone());
        }
        self.require_credentials()?;
        let client =
            vodkit::Client::new(&self.provider, &self.config).map_err(|e| self.config_fail(&e))?;
        Ok(self.client.get_or_init(|| client).clone())
    }

    /// A config the core refused: the hint is about settings (where they
    /// come from, which keys exist), not about operations.
    fn config_fail(&self, e: &vodkit::Error) -> Fail {
        if e.kind() != vodkit::ErrorKind::InvalidInput {
            let mut f = crate::fail::from_core(e, &self.hint);
            f.code = 3;
            return f;
        }
        let schema = (self.lifecycle.config_schema)().to_value();
        let keys: Vec<&str> = schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|m| m.keys().map(String::as_str).collect())
            .unwrap_or_default();
        Fail::config(format!(
            "{}: fix the setting (--set KEY=VALUE, {}_…, or profile '{}' in {}); {} settings: {}",
            e.message(),
            facts::env_var(&self.provider, "").trim_end_matches('_'),
            self.hint.profile,
            self.hint.config_path,
            self.provider,
            keys.join(", ")
        ))
    }

    /// Stores the credentials the client renewed during the command (after
    /// it, failed or not), so the next run starts with them. Says nothing
    /// of their values, ever.
    pub fn keep_renewed(&self, out: &crate::Out) {
        let (Some(renewed), Some(client)) = (&self.renewed, self.client.get()) else {
            return;
        };
        let Some(now) = client.credentials() else {
            return;
        };
        match renewed.keep(&self.config, &now) {
            Ok(true) if out.verbose > 0 => eprintln!(
                "stored the renewed {} credentials in {}",
                self.provider,
                renewed.path().display()
            ),
            Ok(_) => {}
            Err(e) => out.note(&format!(
                "note: could not store the renewed {} credentials in {}: {e}",
                self.provider,
                renewed.path().display()
            )),
        }
    }

    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for s in &self.secrets {
            if s.len() >= 4 {
                out = out.replace(s.as_str(), "***");
            }
        }
        out
    }
}
