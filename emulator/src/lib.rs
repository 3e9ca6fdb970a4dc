//! vodkit-emulator: a local server that speaks the VOD providers' APIs as
//! documented, so the SDK and its bindings are tested over real sockets.
//!
//! It checks signatures and parameters, stores uploads on disk with their
//! MD5, honours ranged and resumed uploads, moves videos through the status
//! machine on a configurable clock, sends signed callbacks, enforces the rate
//! limit, and has fault-injection knobs. Everything a test needs to look at
//! or steer is reachable both from Rust ([`Emulator`]) and over HTTP under
//! `/_emulator/` (for C, Python and PHP tests).

pub mod baijiayun;
mod clock;
mod control;
mod faults;
mod server;
mod state;

pub use clock::Clock;
pub use faults::Faults;
pub use server::Emulator;
pub use state::{CallbackRecord, Config, Shared, VideoSnapshot};
