//! `cargo run -p vodkit-codegen` writes every generated binding file;
//! `cargo run -p vodkit-codegen -- --check` writes nothing and exits 1
//! listing the files that differ from what the catalog gives.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen/ lives in the repository")
        .to_path_buf()
}

fn main() -> ExitCode {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(other) => {
            eprintln!("usage: vodkit-codegen [--check] (unknown argument {other:?})");
            return ExitCode::from(2);
        }
    };
    let root = repo_root();
    let mut drifted = Vec::new();
    for file in vodkit_codegen::all() {
        let path = root.join(file.path);
        let current = std::fs::read_to_string(&path).ok();
        if current.as_deref() == Some(file.contents.as_str()) {
            continue;
        }
        if check {
            drifted.push(file.path);
            continue;
        }
        if let Some(dir) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("cannot create {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        }
        if let Err(e) = std::fs::write(&path, &file.contents) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", file.path);
    }
    if !drifted.is_empty() {
        eprintln!(
            "generated files out of date (run `{}`):",
            vodkit_codegen::COMMAND
        );
        for path in drifted {
            eprintln!("  {path}");
        }
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
