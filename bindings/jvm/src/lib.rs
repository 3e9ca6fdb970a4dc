//! `libvodkit_jni`: the native half of the Java/Kotlin API (`org.vodkit`,
//! in `../java`). It calls the Rust API directly (the provider-neutral
//! `vodkit::Client`, the same client the C ABI wraps), never the C ABI.
//!
//! Everything complex crosses as JSON text (configs, parameters, answers,
//! resume handles), so the JNI surface is a few flat functions; the Java
//! classes hold the handles and their lifetimes (`close()` + a `Cleaner`:
//! freed exactly once). Every export runs inside [`boundary::run`]: a
//! `vodkit::Error` becomes `org.vodkit.VodkitException`, and so does a Rust
//! panic — nothing unwinds into the JVM.

// Contributors' documentation (`cargo doc --document-private-items`): links
// to private items are how it points at the code; scripts/check-release
// denies every other rustdoc warning.
#![allow(rustdoc::private_intra_doc_links)]

mod boundary;
mod client;
mod control;
mod handle;
mod init;
mod upload;
