//! Batch uploads through the C ABI: `vodkit_client_upload_many` over an
//! array of `vodkit_source*`, the core's `upload_many` (files in parallel,
//! one control for all, the manifest that makes the same call continue).

use std::ffi::{c_char, c_void};
use std::ops::ControlFlow;

use serde_json::{json, Value};

use super::boundary::{arg_out, arg_ref, json_out, put};
use super::client::{json_arg, vodkit_client};
use super::control::vodkit_upload_control;
use super::error::vodkit_error;
use super::source::{vodkit_source, SourceInner};
use super::upload::VODKIT_CONTINUE;
use crate::upload::{BatchHooks, BatchItem, BatchProgress};
use crate::Error;

/// A snapshot of a batch, passed to the batch progress callback.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct vodkit_batch_progress {
    /// The file this report is about: its index in the sources given.
    pub index: usize,
    /// That file's bytes the server holds or is receiving.
    pub file_bytes_done: u64,
    /// That file's size.
    pub file_bytes_total: u64,
    /// Bytes of all files done or being received (finished and skipped
    /// files count whole); never decreases.
    pub bytes_done: u64,
    /// The size of all files.
    pub bytes_total: u64,
    /// Files finished, skipped or failed so far.
    pub files_done: usize,
    /// The number of sources.
    pub files_total: usize,
}

/// A batch progress callback: called on the thread that called
/// `vodkit_client_upload_many`, never on another; returns `VODKIT_CONTINUE`,
/// or `VODKIT_ABORT` to stop the whole batch. `progress` is valid only
/// during the call.
pub type vodkit_batch_progress_fn = Option<
    unsafe extern "C" fn(user_data: *mut c_void, progress: *const vodkit_batch_progress) -> i32,
>;

/// One file's result as JSON.
fn item_json(item: &BatchItem) -> Value {
    let mut out = json!({
        "index": item.index,
        "file": item.name,
        "bytes": item.bytes,
        "skipped": item.skipped,
    });
    match &item.outcome {
        Ok(result) => out["result"] = result.clone(),
        Err(err) => {
            out["error"] = json!({
                "code": err.kind() as u32,
                "kind": err.kind().as_str(),
                "message": err.message(),
                "resume": err.resume(),
            })
        }
    }
    out
}

/// Uploads `count` sources (`sources[0..count]`, each from
/// `vodkit_source_from_path`, `_from_fd` or `_from_buffer`) as new videos,
/// `jobs` files at once (1 to 64); blocks until every file is done.
/// `options_json` applies to every file, as for
/// `vodkit_client_upload_source`; with its `checkpoint_dir`, finished files
/// are recorded beside the checkpoints and the same call again skips them
/// and continues the others. `progress`, `user_data` and `control` may be
/// NULL; one `control` cancels, pauses or caps (their total) every file.
///
/// On return (NULL) `*out_json` is a JSON array, one object per source in
/// order: `index`, `file`, `bytes`, `skipped` (finished by an earlier run),
/// and `result` (the provider's answer) or `error` (`code`, `kind`,
/// `message`, `resume`: the handle for `vodkit_client_resume_upload_source`).
/// A file's failure is in its object; the call itself fails only on bad
/// arguments (a missing file, `jobs` out of range, a reader source: a
/// reader called on the caller's thread cannot serve parallel files) before
/// anything is sent. The sources stay the caller's.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the C signature
pub unsafe extern "C" fn vodkit_client_upload_many(
    client: *const vodkit_client,
    sources: *const *const vodkit_source,
    count: usize,
    options_json: *const c_char,
    jobs: usize,
    progress: vodkit_batch_progress_fn,
    user_data: *mut c_void,
    control: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let client = arg_ref(client, "client")?;
        if count > 0 && sources.is_null() {
            return Err(super::boundary::null_arg("sources"));
        }
        let options = json_arg(options_json, "options_json")?;
        arg_out(out_json, "out_json")?;
        let mut ready = Vec::with_capacity(count);
        for i in 0..count {
            let source = arg_ref(*sources.add(i), &format!("sources[{i}]"))?;
            match source.inner.as_ref() {
                SourceInner::Ready(s) => ready.push(s.clone()),
                SourceInner::Reader { .. } => {
                    return Err(Error::invalid_input(format!(
                        "sources[{i}] is a reader source: a batch takes paths, descriptors \
                         and buffers (upload a reader with vodkit_client_upload_source)"
                    ))
                    .into())
                }
            }
        }
        let mut hooks = BatchHooks::new();
        if let Some(f) = progress {
            let user_data = user_data as usize;
            hooks = hooks.on_progress(move |p: &BatchProgress<'_>| {
                let c = vodkit_batch_progress {
                    index: p.index,
                    file_bytes_done: p.file.bytes_done,
                    file_bytes_total: p.file.bytes_total,
                    bytes_done: p.bytes_done,
                    bytes_total: p.bytes_total,
                    files_done: p.files_done,
                    files_total: p.files_total,
                };
                // SAFETY: the caller promised `f` may be called with its `user_data`.
                match unsafe { f(user_data as *mut c_void, &c) } {
                    VODKIT_CONTINUE => ControlFlow::Continue(()),
                    _ => ControlFlow::Break(()),
                }
            });
        }
        if let Some(control) = control.as_ref() {
            hooks = hooks.control(control.inner.clone());
        }
        let items = client.inner.upload_many(ready, &options, jobs, hooks)?;
        let results: Vec<Value> = items.iter().map(item_json).collect();
        put(out_json, json_out(&results)?);
        Ok(())
    })
}
