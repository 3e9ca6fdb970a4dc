//! What iQiyi keeps across runs with a state directory
//! ([`crate::common::persist`]): its files (ranges, meta, finishes), the
//! tokens it issued, its id counters and the clock's offset. Faults and
//! token statistics start afresh.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::Ordering;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::state::{FileRec, Shared};
use crate::common::lock::lock;

#[derive(Serialize, Deserialize)]
struct Saved {
    clock_offset_ms: i64,
    files: BTreeMap<String, FileRec>,
    /// access token → expiry (emulated unix seconds).
    access: HashMap<String, i64>,
    refresh: Vec<String>,
    next: u64,
    finishes: u64,
}

pub(super) fn save(s: &Shared) -> Value {
    let saved = Saved {
        clock_offset_ms: s.clock().offset_ms(),
        files: lock(&s.files).clone(),
        access: lock(&s.access).clone(),
        refresh: lock(&s.refresh).keys().cloned().collect(),
        next: s.next.load(Ordering::SeqCst),
        finishes: s.finishes.load(Ordering::SeqCst),
    };
    serde_json::to_value(saved).unwrap_or_default()
}

pub(super) fn restore(s: &Shared, state: Value) -> Result<(), String> {
    let saved: Saved = serde_json::from_value(state).map_err(|e| e.to_string())?;
    s.clock().set_offset_ms(saved.clock_offset_ms);
    *lock(&s.files) = saved.files;
    *lock(&s.access) = saved.access;
    *lock(&s.refresh) = saved.refresh.into_iter().map(|t| (t, ())).collect();
    s.next.store(saved.next, Ordering::SeqCst);
    s.finishes.store(saved.finishes, Ordering::SeqCst);
    Ok(())
}
