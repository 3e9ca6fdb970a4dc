//! The sandbox is one emulator state shared by every `--sandbox` command
//! (and `vodkit sandbox`, `vodkit demo`): kept in the user state directory's
//! `sandbox` folder until `vodkit sandbox reset`, so `--sandbox upload` then
//! `--sandbox status ID` finds the video, as a real account would. Its
//! transcodes and 趣视频 reviews finish on their own, on the emulator's clock.

use std::path::PathBuf;

use serde_json::json;
use vodkit_emulator::{quvideo, Config};

use crate::fail::{Fail, Result};
use crate::Out;

/// Emulated seconds a 趣视频 video waits in review before it passes.
const REVIEW_SECS: i64 = 5;

pub fn dir() -> PathBuf {
    crate::files::state_dir().join("sandbox")
}

/// The sandbox emulator's config: its state kept in [`dir`].
pub fn config() -> Config {
    Config {
        state_dir: Some(dir()),
        quvideo: quvideo::Config {
            review_secs: Some(REVIEW_SECS),
            ..quvideo::Config::default()
        },
        ..Config::default()
    }
}

/// Why the sandbox emulator did not start, and what to do.
pub fn start_failed(e: std::io::Error) -> Fail {
    let dir = dir();
    match e.kind() {
        std::io::ErrorKind::WouldBlock => Fail::io(format!(
            "the sandbox ({}) is in use by another vodkit command: wait for it, or, if `vodkit sandbox` is running, use the settings it printed instead of --sandbox",
            dir.display()
        )),
        std::io::ErrorKind::InvalidData => Fail::io(format!(
            "cannot read the sandbox's state: {e}; `vodkit sandbox reset` starts it over"
        )),
        _ => Fail::io(format!(
            "cannot start the emulator: {e} (is the port free?)"
        )),
    }
}

/// `vodkit sandbox reset`: forgets every video, upload and token of the sandbox.
pub fn reset(out: &Out) -> Result<()> {
    let dir = dir();
    let removed = vodkit_emulator::common::persist::reset(&dir).map_err(start_failed)?;
    if out.json {
        out.print_json(&json!({ "reset": removed, "dir": dir }));
    } else if removed {
        println!("sandbox reset: {} removed", dir.display());
    } else {
        println!(
            "sandbox reset: nothing to remove ({} does not exist)",
            dir.display()
        );
    }
    Ok(())
}
