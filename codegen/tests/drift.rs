//! The committed generated files are what the generator writes now: after
//! changing the catalog, run `cargo run -p vodkit-codegen` and commit.

use std::path::Path;

#[test]
fn generated_files_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut stale = Vec::new();
    for file in vodkit_codegen::all() {
        match std::fs::read_to_string(root.join(file.path)) {
            Ok(committed) if committed == file.contents => {}
            _ => stale.push(file.path),
        }
    }
    assert!(
        stale.is_empty(),
        "generated files out of date: {} (run `cargo run -p vodkit-codegen` and commit)",
        stale.join(", ")
    );
}
