//! The binding generator: turns the operation catalog
//! (`vodkit::api::registry::all_operations()`) into the typed methods of the
//! bindings. `cargo run -p vodkit-codegen` writes them; `tests/drift.rs`
//! fails when a committed file differs from what it would write.

mod cpp;

/// One generated file.
pub struct Generated {
    /// The path, relative to the workspace root.
    pub path: &'static str,
    pub contents: String,
}

/// Every generated file.
pub fn all() -> Vec<Generated> {
    let mut files = Vec::new();
    files.extend(cpp::files());
    files
}
