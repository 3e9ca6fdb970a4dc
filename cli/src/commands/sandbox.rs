//! `vodkit sandbox`: the emulator in the foreground, its settings as exports.

use std::io::Write;

use serde_json::{json, Map, Value};

use crate::facts;
use crate::fail::Result;
use crate::sandbox::{client_config, start_emulator};
use crate::Out;

pub fn sandbox(port: u16, out: &Out) -> Result<()> {
    // Ctrl-C stops it cleanly, even right after the exports are printed.
    let (tx, rx) = std::sync::mpsc::channel();
    let _ = ctrlc::set_handler(move || {
        let _ = tx.send(());
    });
    let emu = start_emulator(port)?;
    let mut providers = Map::new();
    let mut lines = vec![format!(
        "# vodkit sandbox: emulator at {} (Ctrl-C stops it)",
        emu.root_url()
    )];
    lines.push("export VODKIT_PROFILE=".into());
    let mut first = true;
    for p in vodkit::providers::registry::providers() {
        match client_config(&emu, p.name) {
            Some(config) => {
                if first {
                    lines.push(format!("export VODKIT_PROVIDER={}", p.name));
                    first = false;
                }
                if let Value::Object(m) = &config {
                    for (k, v) in m {
                        let v = v
                            .as_str()
                            .map(str::to_owned)
                            .unwrap_or_else(|| v.to_string());
                        lines.push(format!("export {}={}", facts::env_var(p.name, k), v));
                    }
                }
                providers.insert(p.name.into(), config);
            }
            None => lines.push(format!(
                "# {}: {} (no sandbox config in the CLI yet)",
                p.name,
                emu.provider_url(p.name)
            )),
        }
    }
    if out.json {
        println!(
            "{}",
            json!({ "root_url": emu.root_url(), "providers": providers })
        );
    } else {
        for l in lines {
            println!("{l}");
        }
    }
    let _ = std::io::stdout().flush();
    let _ = rx.recv();
    drop(emu);
    Ok(())
}
