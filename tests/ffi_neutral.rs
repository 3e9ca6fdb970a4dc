//! `src/ffi` names no provider outside its provider-extras files
//! (`src/ffi/<provider>.rs`): the C ABI is one surface for every provider.

use std::path::{Path, PathBuf};

/// Every provider, under every name the code has used for it.
const PROVIDER_NAMES: &[&str] = &["baijiayun", "bjy", "iqiyi", "quvideo"];

/// The provider-extras files: the only ones in src/ffi that may name a provider.
const EXTRAS: &[&str] = &["baijiayun.rs", "iqiyi.rs", "quvideo.rs"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `mod <provider>;` in src/ffi/mod.rs: the declaration of an extras file,
/// which has to name it.
fn declares_extras(file: &Path, line: &str) -> bool {
    let line = line.trim();
    let name = line
        .strip_prefix("pub mod ")
        .or_else(|| line.strip_prefix("mod "))
        .and_then(|rest| rest.strip_suffix(';'));
    file.file_name().is_some_and(|f| f == "mod.rs")
        && name.is_some_and(|n| EXTRAS.contains(&format!("{n}.rs").as_str()))
}

#[test]
fn src_ffi_names_no_provider_outside_its_extras_files() {
    let ffi = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ffi");
    let mut files = Vec::new();
    rust_files(&ffi, &mut files);
    assert!(files.len() >= 5, "found {files:?}");
    let mut found = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_str().unwrap();
        if file.parent() == Some(ffi.as_path()) && EXTRAS.contains(&name) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if declares_extras(file, line) {
                continue;
            }
            let lower = line.to_lowercase();
            if let Some(provider) = PROVIDER_NAMES.iter().find(|p| lower.contains(*p)) {
                found.push(format!(
                    "{}:{}: names {provider}: {}",
                    file.strip_prefix(&ffi).unwrap().display(),
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "src/ffi names a provider outside its provider-extras files:\n{}",
        found.join("\n")
    );
}

/// The check itself finds a provider name where there is one.
#[test]
fn the_check_sees_provider_names() {
    let mod_rs = Path::new("src/ffi/mod.rs");
    let client_rs = Path::new("src/ffi/client.rs");
    assert!(declares_extras(mod_rs, "pub mod baijiayun;"));
    assert!(!declares_extras(mod_rs, "pub mod baijiayun_client;"));
    assert!(!declares_extras(client_rs, "pub mod baijiayun;"));
    assert!(!declares_extras(mod_rs, "use baijiayun::x;"));
    for line in ["// for Baijiayun", "vodkit_bjy_call", "IQIYI", "QuVideo"] {
        let lower = line.to_lowercase();
        assert!(PROVIDER_NAMES.iter().any(|p| lower.contains(p)), "{line}");
    }
}
