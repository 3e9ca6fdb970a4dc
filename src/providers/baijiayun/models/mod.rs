//! Typed operations, one module per area. Each operation is a request model
//! (its parameters; `partner_id`, `timestamp` and `sign` are added by the
//! auth) listed in [`super::catalog`], and an answer model. The client's
//! typed method of each operation is generated from the catalog and takes the
//! request model, so the models are plain data and know no client.
//!
//! Answer structs read leniently (numbers as strings, missing fields) and
//! serialize back to JSON, which is how the bindings hand them out.

pub mod category;
pub mod interactive;
pub mod manage;
pub mod stats;
pub mod subtitle;
pub mod video;

pub use crate::api::Ack;
pub(crate) use crate::api::{check_attachment, check_id_text, check_page, join_ids};
pub use category::*;
pub use interactive::*;
pub use manage::*;
pub use stats::*;
pub use subtitle::*;
pub use video::*;

/// Definition bits: 16 SD, 1 HD, 2 super, 4 720p, 8 1080p.
pub const DEFINITION_BITS: [i64; 5] = [16, 1, 2, 4, 8];
/// Format bits of transcoding: 1 mp4, 2 flv, 4 m3u8.
pub const FORMAT_BITS: [i64; 3] = [1, 2, 4];

/// Checks bit values against `allowed` and joins them as the provider wants (`16,1`).
pub(crate) fn bit_list(what: &str, bits: &[i64], allowed: &[i64]) -> crate::Result<String> {
    if bits.is_empty() {
        return Err(crate::Error::invalid_input(format!(
            "{what}: give at least one value"
        )));
    }
    if let Some(bad) = bits.iter().find(|b| !allowed.contains(b)) {
        return Err(crate::Error::invalid_input(format!(
            "{what}: {bad} is not one of {allowed:?}"
        )));
    }
    Ok(join_ids(bits))
}

/// [`bit_list`] for an optional parameter: no bits, nothing sent.
pub(crate) fn opt_bit_list(
    what: &str,
    bits: &[i64],
    allowed: &[i64],
) -> crate::Result<Option<String>> {
    match bits {
        [] => Ok(None),
        bits => bit_list(what, bits, allowed).map(Some),
    }
}

/// Checks a bit list already written as text (`"16,1"`): what [`bit_list`]
/// checks, with the same messages (an empty text is an empty list).
pub(crate) fn check_bit_text(what: &str, text: &str, allowed: &[i64]) -> crate::Result<()> {
    if text.trim().is_empty() {
        return bit_list(what, &[], allowed).map(|_| ());
    }
    let bits = text
        .split(',')
        .map(|b| b.trim().parse::<i64>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| {
            crate::Error::invalid_input(format!("{what} must be comma-separated numbers"))
        })?;
    bit_list(what, &bits, allowed).map(|_| ())
}

/// An `http://` or `https://` URL the provider can call back.
pub(crate) fn check_callback_url(what: &str, url: &str) -> crate::Result<()> {
    if url.starts_with("http://") || url.starts_with("https://") {
        Ok(())
    } else {
        Err(crate::Error::invalid_input(format!(
            "{what} must start with http:// or https://"
        )))
    }
}

/// A `video_unique` as the typed methods write it: a video id (an integer)
/// as text.
pub(crate) fn check_video_unique(video_unique: &str) -> crate::Result<()> {
    if video_unique.trim().parse::<i64>().is_err() {
        return Err(crate::Error::invalid_input(format!(
            "video_unique must be a video id (an integer), not {video_unique:?}"
        )));
    }
    Ok(())
}

/// A name the provider would refuse: empty or only blanks.
pub(crate) fn check_not_blank(text: &str, message: &str) -> crate::Result<()> {
    if text.trim().is_empty() {
        return Err(crate::Error::invalid_input(message.to_owned()));
    }
    Ok(())
}
