//! vodkit-emulator: a local server that speaks the VOD providers' APIs as
//! documented, so the SDK and its bindings are tested over real sockets.
//!
//! Each provider is served under its own prefix (`/baijiayun/...`). It checks
//! signatures and parameters, stores uploads on disk with their MD5, honours
//! ranged and resumed uploads, moves videos through the status machine on a
//! configurable clock, sends signed callbacks, enforces the rate limit, and
//! has fault-injection knobs. Everything a test needs to look at or steer is
//! reachable both from Rust ([`Emulator`]) and over HTTP under
//! `/_emulator/{provider}/` (for C, Python and PHP tests).
//!
//! Upload URLs can be pointed at another server, such as a sink that only
//! discards bytes, for benchmarks: [`Emulator::set_upload_target`], or
//! `POST /_emulator/{baijiayun|iqiyi}/upload_target` `{"url": "http://…"}`
//! (`{"url": null}` restores; answers `{"ok": true}`). The handed-out URL
//! keeps the provider's query (Baijiayun's `fid`, `ts`, `token`).
//!
//! Intake keeps out of the client's way: multipart bodies are read by a
//! streaming parser of our own that hands out the socket's buffers without
//! copying them ([`common::multipart`]); each upload request passes its
//! bytes to a writer of its own off the async workers (large writes, no
//! lock shared between uploads); the binary keeps freed buffers for reuse
//! ([`common::heap`]); and Baijiayun's whole-file MD5 is worked out from
//! the stored file after the answer (whoever reads it waits).
//! `emulator/scripts/measure-intake.sh` measures it against `curl -F`.
//!
//! `common` holds what every provider shares and knows none of them;
//! `providers` lists them, one folder each.

// Contributors' documentation (`cargo doc --document-private-items`): links
// to private items are how it points at the code; scripts/check-release
// denies every other rustdoc warning.
#![allow(rustdoc::private_intra_doc_links)]

pub mod common;
mod emulator;
pub mod providers;

pub use common::clock::Clock;
pub use common::faults::Faults;
pub use emulator::Emulator;
pub use providers::{baijiayun, iqiyi, quvideo, Config};
