//! The upload engine every provider shares.
//!
//! A provider describes *where* bytes go by implementing [`PartSink`](crate::upload::PartSink); the
//! engine decides *how*: it plans parts, streams each one from disk (memory
//! stays at a few buffers per part in flight, whatever the file size), runs up
//! to `concurrency` parts on worker threads, checks each part's answer against
//! the length and MD5 it computed while streaming, queues every failed part
//! for a retry with back-off (an ordered sink first asks the server what it
//! already holds), calls the sink's `begin`/`finish` hooks around the parts,
//! and reports monotonic,
//! throttled progress **on the calling thread only** — bindings for Python and
//! PHP cannot take calls from foreign threads.

mod batch;
mod batch_manifest;
pub mod checkpoint;
mod control;
mod digest;
mod engine;
mod options;
mod pace;
mod plan;
mod read_at;
mod retry;
mod session;
mod sink;
mod source;
mod source_url;
mod tally;

pub use batch::{BatchHooks, BatchItem, BatchProgress, MAX_JOBS};
pub(crate) use batch_manifest::Manifest;
pub use batch_manifest::{finished_upload, MANIFEST_NAME};
pub use checkpoint::{AckedRange, Record};
pub use control::{Progress, ProgressFlow, UploadControl, UploadHooks};
pub use engine::{run, EngineOptions};
pub use options::CommonUploadOptions;
pub use pace::DEFAULT_PAUSE_HOLD;
pub(crate) use plan::auto_part_size;
pub use plan::{Committed, Part, MAX_AUTO_PART_SIZE, TARGET_PARTS};
pub use read_at::ReadAt;
pub use session::{Finished, Located, NotLocated, RemoteUpload, Session, Start};
pub use sink::{PartAck, PartSink};
pub use source::{IntoSource, Origin, PartBody, Source};
pub use source_url::MAX_REDIRECTS as MAX_ORIGIN_REDIRECTS;
pub use tally::PartReceipt;
