//! Fails when a committed generated file differs from what the catalog gives.

use std::path::Path;

#[test]
fn generated_files_match_the_catalog() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut drifted = Vec::new();
    let files = vodkit_codegen::all();
    assert!(!files.is_empty());
    for file in &files {
        let committed = std::fs::read_to_string(root.join(file.path)).ok();
        if committed.as_deref() != Some(file.contents.as_str()) {
            drifted.push(file.path);
        }
    }
    assert!(
        drifted.is_empty(),
        "generated files out of date: {drifted:?}; run `{}` and commit the result",
        vodkit_codegen::COMMAND
    );
}

#[test]
fn every_file_has_the_do_not_edit_header() {
    for file in vodkit_codegen::all() {
        // Near the top: PHP needs `<?php` first, the C++ headers their name.
        let head: Vec<&str> = file.contents.lines().take(6).collect();
        assert!(
            head.iter().any(|l| l.contains("DO NOT EDIT"))
                && head.join(" ").contains(vodkit_codegen::COMMAND),
            "{}: {head:?}",
            file.path
        );
    }
}
