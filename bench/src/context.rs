//! What every row needs: where the binaries are, the servers, the knobs.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::emulator::Emulator;
use crate::sink::Sink;

pub struct Ctx {
    /// This binary (its `client` modes are the vodkit side).
    pub exe: PathBuf,
    /// The release directory: vodkit-emulator, libvodkit.so.
    pub bin_dir: PathBuf,
    pub repo: PathBuf,
    pub emu: Emulator,
    /// The nginx discard sink, or why there is none.
    pub sink: Result<Sink, String>,
    pub iterations: usize,
}

impl Ctx {
    /// `vodkit-bench client upload …` for `provider`'s emulator config.
    pub fn vodkit_upload(&self, provider: &str, file: &Path, options: &Value) -> Command {
        let mut c = Command::new(&self.exe);
        c.args(["client", "upload", "--provider", provider, "--config"])
            .arg(self.emu.config(provider).to_string())
            .arg("--file")
            .arg(file)
            .arg("--options")
            .arg(options.to_string());
        c
    }
}

/// Progress of the run, on stderr (the table goes to stdout).
pub fn say(msg: impl AsRef<str>) {
    eprintln!("[bench] {}", msg.as_ref());
}

/// The JSON after `prefix ` on a child's stdout.
pub fn line_json(stdout: &str, prefix: &str) -> Option<Value> {
    stdout.lines().rev().find_map(|l| {
        l.strip_prefix(prefix)
            .and_then(|j| serde_json::from_str(j.trim()).ok())
    })
}
