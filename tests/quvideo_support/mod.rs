//! Shared set-up for the 趣视频 console tests: an emulator on loopback and
//! clients of it (credentials, token only, wrong password).
#![allow(dead_code)]

use std::time::Duration;

use vodkit::http::RetryPolicy;
use vodkit::quvideo::{Client, Config};
use vodkit_emulator::Emulator;

pub fn emulator() -> Emulator {
    Emulator::start(vodkit_emulator::Config::default()).expect("start the emulator")
}

pub fn emulator_with(config: vodkit_emulator::quvideo::Config) -> Emulator {
    Emulator::start(vodkit_emulator::Config {
        quvideo: config,
        ..Default::default()
    })
    .expect("start the emulator")
}

/// Quick retries: tests should not wait seconds.
pub fn quick_retry() -> RetryPolicy {
    RetryPolicy {
        max_retries: 3,
        initial_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(50),
        multiplier: 2.0,
    }
}

pub fn config(emu: &Emulator) -> Config {
    let c = &emu.quvideo().config;
    Config::new(c.user_name.clone(), c.password.clone())
        .base_url(emu.provider_url("quvideo"))
        .retry(quick_retry())
}

pub fn client(emu: &Emulator) -> Client {
    Client::new(config(emu)).expect("client")
}

pub fn client_with_password(emu: &Emulator, password: &str) -> Client {
    let c = &emu.quvideo().config;
    Client::new(
        Config::new(c.user_name.clone(), password)
            .base_url(emu.provider_url("quvideo"))
            .retry(quick_retry()),
    )
    .expect("client")
}

pub fn token_client(emu: &Emulator, token: &str) -> Client {
    Client::new(
        Config::with_token(token)
            .base_url(emu.provider_url("quvideo"))
            .retry(quick_retry()),
    )
    .expect("client")
}
