//! Library and ABI versions. The macros must equal Cargo.toml's version (a test checks).

use std::ffi::c_char;

/// Major version of the library.
pub const VODKIT_VERSION_MAJOR: u32 = 0;
/// Minor version of the library.
pub const VODKIT_VERSION_MINOR: u32 = 1;
/// Patch version of the library.
pub const VODKIT_VERSION_PATCH: u32 = 0;
/// The ABI version: raised when an existing function or type changes shape
/// or goes (adding functions does not change it). 4: one upload call over a
/// `vodkit_source` replaced the per-source upload variants.
pub const VODKIT_ABI_VERSION: u32 = 4;

/// The library version, "MAJOR.MINOR.PATCH" (a static string: do not free).
#[no_mangle]
pub extern "C" fn vodkit_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The ABI version the library implements (`VODKIT_ABI_VERSION` it was built with).
#[no_mangle]
pub extern "C" fn vodkit_abi_version() -> u32 {
    VODKIT_ABI_VERSION
}
