//! The committed header is exactly what build.rs generates, and its
//! version macros match Cargo.toml.

#[test]
fn committed_header_matches_the_generated_one() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/vodkit.h"));
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/include/vodkit.h")).unwrap();
    assert!(
        generated == committed,
        "include/vodkit.h is stale: copy {}/vodkit.h over it",
        env!("OUT_DIR")
    );
}

#[test]
fn committed_php_header_matches_the_generated_one() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/vodkit_php.h"));
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/bindings/php/include/vodkit_php.h"
    ))
    .unwrap();
    assert!(
        generated == committed,
        "bindings/php/include/vodkit_php.h is stale: copy {}/vodkit_php.h over it",
        env!("OUT_DIR")
    );
    assert!(
        !committed.lines().any(|l| l.trim_start().starts_with('#')),
        "PHP FFI cannot parse preprocessor lines"
    );
}

fn define(header: &str, name: &str) -> String {
    header
        .lines()
        .find_map(|l| l.strip_prefix(&format!("#define {name} ")))
        .unwrap_or_else(|| panic!("{name} is not defined"))
        .trim()
        .to_owned()
}

#[test]
fn version_macros_and_functions_match_cargo_toml() {
    let header = include_str!("../include/vodkit.h");
    assert_eq!(
        define(header, "VODKIT_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MAJOR")
    );
    assert_eq!(
        define(header, "VODKIT_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_MINOR")
    );
    assert_eq!(
        define(header, "VODKIT_VERSION_PATCH"),
        env!("CARGO_PKG_VERSION_PATCH")
    );
    let v = unsafe { std::ffi::CStr::from_ptr(vodkit::ffi::version::vodkit_version()) };
    assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    assert_eq!(
        vodkit::ffi::version::vodkit_abi_version().to_string(),
        define(header, "VODKIT_ABI_VERSION")
    );
}

#[test]
fn the_module_map_names_the_header() {
    let map = include_str!("../include/module.modulemap");
    assert!(map.contains("header \"vodkit.h\""));
}
