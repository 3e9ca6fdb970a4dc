//! The C ABI: opaque handles, error objects, owned strings, progress callbacks.
//!
//! Provider-neutral: one `vodkit_client` from a provider name and a JSON
//! config; calls, uploads, the catalog and errors work the same for every
//! provider, so a new provider or operation adds nothing here. Only a
//! provider's own extras live in `<provider>.rs` (a request signer, a
//! callback verifier), declared below.
//!
//! Conventions (stated once in the header's preamble, `cbindgen.toml`):
//! - every export goes through `ffi_boundary!`: a panic becomes a PANIC
//!   error (never an abort), a NULL pointer a NULL_ARGUMENT error, invalid
//!   UTF-8 an INVALID_UTF8 error;
//! - fallible calls return `vodkit_error*`, NULL meaning success; out-params
//!   come last and are written only on success;
//! - strings handed out are owned `char*`, freed with `vodkit_string_free`;
//!   complex results are JSON;
//! - `X_free(NULL)` is a no-op.
#![allow(non_camel_case_types)]
#![allow(clippy::missing_safety_doc)] // the header documents every contract

#[macro_use]
mod boundary;
pub mod android;
pub mod baijiayun;
pub mod batch;
pub mod checkpoint;
pub mod client;
pub mod control;
pub mod copy;
pub mod error;
pub mod live;
pub mod log;
pub mod reader;
pub mod source;
pub mod strings;
pub mod upload;
pub mod version;
