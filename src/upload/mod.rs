//! The upload engine every provider shares.
//!
//! A provider describes *where* bytes go by implementing [`PartSink`]; the
//! engine decides *how*: it plans parts, streams each one from disk (memory
//! stays at a few buffers per part in flight, whatever the file size), runs up
//! to `concurrency` parts on worker threads, retries failed parts with back-off
//! after asking the server what it already holds, and reports monotonic,
//! throttled progress **on the calling thread only** — bindings for Python and
//! PHP cannot take calls from foreign threads.

mod control;
mod engine;
mod source;

pub use control::{CancelToken, Progress, ProgressFlow, UploadControl};
pub use engine::{run, Committed, EngineOptions, Part, PartSink};
pub use source::{FileSource, PartBody};
