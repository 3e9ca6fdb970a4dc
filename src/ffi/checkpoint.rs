//! Upload checkpoints through the C ABI: list them and remove one (the
//! `checkpoint_dir` upload option writes them; see `vodkit::upload::checkpoint`).

use std::ffi::c_char;
use std::path::Path;

use super::boundary::{arg_out, arg_str, json_out, put};
use super::error::vodkit_error;

/// The valid checkpoints in the directory `dir` as a JSON array, oldest
/// first: `[{"key", "provider", "path" (null unless uploaded by path),
/// "size", "acknowledged", "resume", "created_at", "updated_at"}]`. A
/// directory that does not exist has none (`[]`); files that are not valid
/// checkpoints are left out. Free `*out_json` with `vodkit_string_free`.
#[no_mangle]
pub unsafe extern "C" fn vodkit_checkpoints_list(
    dir: *const c_char,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let dir = arg_str(dir, "dir")?;
        arg_out(out_json, "out_json")?;
        let list = crate::upload::checkpoint::list(Path::new(dir))?;
        put(out_json, json_out(&list)?);
        Ok(())
    })
}

/// Removes the checkpoint `key` (as `vodkit_checkpoints_list` shows it) from
/// the directory `dir`. Removing one that is not there succeeds; a key that
/// is not 32 hex digits is VODKIT_ERROR_INVALID_INPUT. The upload it
/// recorded is not cancelled at the provider.
#[no_mangle]
pub unsafe extern "C" fn vodkit_checkpoint_remove(
    dir: *const c_char,
    key: *const c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let dir = arg_str(dir, "dir")?;
        let key = arg_str(key, "key")?;
        crate::upload::checkpoint::remove(Path::new(dir), key)?;
        Ok(())
    })
}
