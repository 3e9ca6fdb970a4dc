//! The binding generator: turns vodkit's operation catalog into the typed
//! sugar of each binding. `cargo run -p vodkit-codegen` writes the files;
//! `tests/drift.rs` fails when a committed file differs from what would be
//! generated.

mod php;

/// One generated file: its path from the repository root and its contents.
pub struct Generated {
    pub path: &'static str,
    pub contents: String,
}

/// Every generated file of every binding.
pub fn all() -> Vec<Generated> {
    php::files()
}
