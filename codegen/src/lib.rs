//! vodkit-codegen: turns vodkit's operation catalog into the bindings' typed
//! sugar. Every language has a module whose `files()` renders its files from
//! [`catalog()`]; [`all`] concatenates them, `cargo run -p vodkit-codegen`
//! writes them and `tests/drift.rs` fails when a committed file differs.
//!
//! Adding an operation to a provider's catalog (and its models) changes the
//! generated files only: run the command, commit what it writes.

pub mod cpp;
pub mod java;
pub mod php;
pub mod python;

use serde_json::Value;
use vodkit::api::OperationInfo;

/// One generated file.
pub struct Generated {
    /// Repository-relative path (`/`-separated).
    pub path: &'static str,
    pub contents: String,
}

/// The command that regenerates every file (named in each file's header).
pub const COMMAND: &str = "cargo run -p vodkit-codegen";

/// The header line every generated file starts with, behind the language's
/// line-comment marker.
pub fn do_not_edit(comment: &str) -> String {
    format!(
        "{comment} DO NOT EDIT: generated from vodkit's operation catalog by `{COMMAND}` (codegen/).\n"
    )
}

/// One provider as the generators see it.
pub struct ProviderModel {
    /// The registry name (`baijiayun`).
    pub name: &'static str,
    /// Its operations, in catalog order, with their default paths.
    pub operations: Vec<OperationInfo>,
    /// The JSON schema of its config.
    pub config_schema: Value,
    /// The JSON schema of its upload options, when the generator knows it.
    pub upload_options_schema: Option<Value>,
}

/// Every registered provider with its catalog.
pub fn catalog() -> Vec<ProviderModel> {
    let operations = vodkit::providers::registry::all_operations();
    vodkit::providers::registry::providers()
        .iter()
        .map(|p| ProviderModel {
            name: p.name,
            operations: operations
                .iter()
                .filter(|op| op.provider == p.name)
                .cloned()
                .collect(),
            config_schema: (p.config_schema)().to_value(),
            upload_options_schema: p.upload_options_schema.map(|schema| schema().to_value()),
        })
        .collect()
}

/// Every generated file of every language.
pub fn all() -> Vec<Generated> {
    let catalog = catalog();
    let mut files = python::files(&catalog);
    files.extend(php::files());
    files.extend(cpp::files());
    files.extend(java::files());
    files
}
