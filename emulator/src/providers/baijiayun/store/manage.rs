//! What account and video management keeps beyond the videos themselves.

use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Default)]
pub struct State {
    /// Transcoded files removed by `removeDefinition` while other types of the
    /// same definition remain: video id → (definition bit, file type bit).
    /// When every type of a definition is gone, the definition itself is
    /// taken off the video.
    pub removed_files: BTreeMap<i64, BTreeSet<(i64, i64)>>,
}
