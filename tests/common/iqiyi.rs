//! Set-up for the iQiyi tests: the emulator and a client pointed at it.

use std::path::Path;
use std::time::Duration;

use vodkit::http::RetryPolicy;
use vodkit::iqiyi::{Client, Config, UploadOptions};
use vodkit_emulator::iqiyi::Config as EmuConfig;
use vodkit_emulator::Emulator;

pub fn emulator() -> Emulator {
    Emulator::start(EmuConfig::default()).expect("start the emulator")
}

pub fn config(emu: &Emulator) -> Config {
    let s = emu.iqiyi();
    Config::new(s.config.client_id.clone(), s.config.client_secret.as_str())
        .base_url(emu.provider_url("iqiyi"))
        .retry(RetryPolicy {
            max_retries: 4,
            initial_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(100),
            multiplier: 2.0,
        })
}

pub fn client(emu: &Emulator) -> Client {
    Client::new(config(emu)).expect("client")
}

/// Uploads `len` random bytes and moves the clock past publishing: a done video.
pub fn published(emu: &Emulator, client: &Client, dir: &Path, name: &str, len: u64) -> String {
    let path = super::random_file(dir, name, len);
    let up = client
        .upload(&path, &UploadOptions::default())
        .expect("upload");
    emu.iqiyi().clock().advance_ms(60_000);
    up.file_id
}
