//! Copying a video between providers through the C ABI: `vodkit_copy`
//! over two neutral clients, the core's [`crate::copy()`].

use std::ffi::{c_char, c_void};

use super::boundary::{arg_out, arg_ref, arg_str, json_out, put};
use super::client::{json_arg, vodkit_client};
use super::control::vodkit_upload_control;
use super::error::vodkit_error;
use super::upload::{progress_hooks, vodkit_progress_fn};

/// Copies video `video_id` of `source_client`'s provider to
/// `target_client`'s as a new video there, without a local copy: the
/// source's best play URL streams (Range requests) into the target's
/// upload, and the title comes along. Blocks until done.
///
/// `options_json` (NULL for the defaults) is the target's upload options
/// (`checkpoint_dir`, `verify_md5`, part size, …) plus `title` to name the
/// copy otherwise. With a `checkpoint_dir` an interrupted copy continues
/// where it stopped when called again (its checkpoint is keyed by source
/// provider, video id and target provider, never by the signed URL), and a
/// finished copy is not made twice. `progress`, `user_data` and `control`
/// may be NULL; `progress` is called on the calling thread only.
///
/// On return (NULL) `*out_json` is a JSON object: `source_provider`,
/// `source_id`, `target_provider`, `target_id`, `title`, `bytes`, `md5`,
/// `skipped` (an earlier call finished it: nothing sent) and `upload` (the
/// target's upload answer). A target that takes no uploads, an empty id or
/// a video without a copyable play URL is INVALID_INPUT; a source changed
/// since an interrupted copy is INTEGRITY.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the C signature
pub unsafe extern "C" fn vodkit_copy(
    source_client: *const vodkit_client,
    video_id: *const c_char,
    target_client: *const vodkit_client,
    options_json: *const c_char,
    progress: vodkit_progress_fn,
    user_data: *mut c_void,
    control: *const vodkit_upload_control,
    out_json: *mut *mut c_char,
) -> *mut vodkit_error {
    ffi_boundary!({
        let source = arg_ref(source_client, "source_client")?;
        let video_id = arg_str(video_id, "video_id")?;
        let target = arg_ref(target_client, "target_client")?;
        let options = json_arg(options_json, "options_json")?;
        arg_out(out_json, "out_json")?;
        let mut hooks = progress_hooks(progress, user_data);
        if let Some(control) = control.as_ref() {
            hooks = hooks.control(control.inner.clone());
        }
        let copied = crate::copy::copy(&source.inner, video_id, &target.inner, &options, hooks)?;
        put(out_json, json_out(&copied)?);
        Ok(())
    })
}
