//! Typed operations, one module per area. Each operation is a request struct
//! (its parameters; `partner_id`, `timestamp` and `sign` are added by the
//! client) implementing [`Endpoint`], an answer struct, and a method on
//! [`Client`] that takes the required parameters directly.
//!
//! Answer structs read leniently (numbers as strings, missing fields) and
//! serialize back to JSON, which is how the bindings hand them out.

use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

pub mod category;
pub mod interactive;
pub mod manage;
pub mod stats;
pub mod subtitle;
pub mod video;

pub use super::client::{Client, Endpoint};

/// The answer of operations whose `data` carries nothing (`null`, `true`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ack;

impl<'de> Deserialize<'de> for Ack {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Ack)
    }
}

impl Serialize for Ack {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_none()
    }
}

/// Joins ids as the provider wants lists: `1,2,3`.
pub(crate) fn join_ids<T: ToString>(ids: &[T]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// [`join_ids`] for a list that must not be empty; `what` names it in the error.
pub(crate) fn non_empty_ids<T: ToString>(ids: &[T], what: &str) -> Result<String> {
    if ids.is_empty() {
        return Err(Error::invalid_input(format!("{what} is empty")));
    }
    Ok(join_ids(ids))
}

/// Checks the optional `page` (from 1) and `page_size` (1 to `max_size`) of a
/// paged request.
pub(crate) fn check_page(page: Option<i64>, page_size: Option<i64>, max_size: i64) -> Result<()> {
    if page.is_some_and(|p| p < 1) {
        return Err(Error::invalid_input("page must be >= 1"));
    }
    if page_size.is_some_and(|s| !(1..=max_size).contains(&s)) {
        return Err(Error::invalid_input(format!(
            "page_size must be 1..={max_size}"
        )));
    }
    Ok(())
}

/// A file to attach to a request: an existing regular file whose extension
/// (compared case-insensitively) is one of `extensions`. `what` names the
/// kind of file in the error ("subtitles", "documents").
pub(crate) fn check_attachment(path: &Path, extensions: &[&str], what: &str) -> Result<()> {
    if !path.is_file() {
        return Err(Error::invalid_input(format!(
            "not a file: {}",
            path.display()
        )));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !extensions.contains(&ext.as_str()) {
        // ".vtt or .srt", ".ppt, .pptx, .txt or .pdf"
        let dotted: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
        let allowed = match dotted.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        };
        return Err(Error::invalid_input(format!(
            "{what} must be {allowed} files: {}",
            path.display()
        )));
    }
    Ok(())
}

macro_rules! endpoint {
    ($req:ty => $resp:ty, $op:ident) => {
        impl $crate::providers::baijiayun::client::Endpoint for $req {
            const OP: $crate::providers::baijiayun::ops::Op =
                $crate::providers::baijiayun::ops::$op;
            type Response = $resp;
        }
    };
}
pub(crate) use endpoint;

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

/// Checks a bit list already written as text (`"16,1"`).
pub(crate) fn check_bit_text(what: &str, text: &str, allowed: &[i64]) -> crate::Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachments_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.SRT");
        std::fs::write(&file, "1").unwrap();
        assert!(check_attachment(&file, &["vtt", "srt"], "subtitles").is_ok());
        let err = check_attachment(&file, &["ppt", "pptx", "txt", "pdf"], "documents")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("documents must be .ppt, .pptx, .txt or .pdf files"),
            "{err}"
        );
        let err = check_attachment(dir.path(), &["vtt", "srt"], "subtitles")
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a file"), "{err}");
        let missing = dir.path().join("missing.vtt");
        assert!(check_attachment(&missing, &["vtt", "srt"], "subtitles").is_err());
    }

    #[test]
    fn pages_are_checked() {
        assert!(check_page(None, None, 100).is_ok());
        assert!(check_page(Some(1), Some(100), 100).is_ok());
        assert!(check_page(Some(0), None, 100).is_err());
        assert!(check_page(None, Some(0), 100).is_err());
        assert!(check_page(None, Some(101), 100).is_err());
    }
}
