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
//! `common` holds what every provider shares and knows none of them;
//! `providers` lists them, one folder each.

pub mod common;
mod emulator;
pub mod providers;

pub use common::clock::Clock;
pub use common::faults::Faults;
pub use emulator::Emulator;
pub use providers::{baijiayun, iqiyi, quvideo, Config};
