//! The emulator behind `--sandbox`, `vodkit sandbox` and `vodkit demo`: where
//! it starts and the client config that reaches each provider in it. The
//! one place the CLI knows the emulator.

use serde_json::{json, Value};
use vodkit_emulator::Emulator;

use crate::fail::{Fail, Result};

pub fn start_emulator(port: u16) -> Result<Emulator> {
    let config = crate::sandbox_state::config();
    Emulator::start_on(config, std::net::SocketAddr::from(([127, 0, 0, 1], port)))
        .map_err(crate::sandbox_state::start_failed)
}

/// The client config reaching `provider` in `emu` (`None`: the emulator
/// does not know it).
pub fn client_config(emu: &Emulator, provider: &str) -> Option<Value> {
    let base_url = emu.provider_url(provider);
    Some(match provider {
        "baijiayun" => {
            let state = emu.baijiayun();
            json!({
                "partner_id": state.config.partner_id,
                "partner_key": state.partner_key(),
                "base_url": base_url,
            })
        }
        "iqiyi" => {
            let state = emu.iqiyi();
            json!({
                "client_id": state.config.client_id,
                "client_secret": state.config.client_secret,
                "base_url": base_url,
            })
        }
        "quvideo" => {
            let state = emu.quvideo();
            json!({
                "user_name": state.config.user_name,
                "password": state.config.password,
                "base_url": base_url,
            })
        }
        _ => return None,
    })
}

/// The provider a `--sandbox` command runs against (flag, environment, or
/// the first one) and its config in `emu`.
pub fn for_provider(emu: &Emulator, flag: Option<String>) -> Result<(&'static str, Value)> {
    let provider = flag
        .or_else(|| {
            std::env::var("VODKIT_PROVIDER")
                .ok()
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "baijiayun".into());
    let known = vodkit::providers::registry::providers();
    let entry = known.iter().find(|p| p.name == provider);
    let config = entry.and_then(|p| client_config(emu, p.name));
    match (entry, config) {
        (Some(p), Some(mut c)) => {
            // Fewer, shorter retries against the local emulator.
            c["retry"] = json!({ "max_retries": 2 });
            Ok((p.name, c))
        }
        _ => Err(Fail::config(format!(
            "the sandbox does not know {provider} (it knows: {})",
            known.iter().map(|p| p.name).collect::<Vec<_>>().join(", ")
        ))),
    }
}
