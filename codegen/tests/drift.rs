//! The committed generated files are what the generator writes now.

use std::path::Path;

#[test]
fn generated_files_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut stale = Vec::new();
    for file in vodkit_codegen::all() {
        let on_disk = std::fs::read_to_string(root.join(file.path)).unwrap_or_default();
        if on_disk != file.contents {
            stale.push(file.path);
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files {stale:?}: run `cargo run -p vodkit-codegen` and commit them"
    );
}
