//! Helpers the providers' models share: id lists, paging checks, attachments,
//! the API path grammar, the empty answer.

use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// The answer of operations whose data carries nothing (`null`, `true`, `[]`).
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

impl schemars::JsonSchema for Ack {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Ack".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "null",
            "description": "Nothing: the operation succeeded."
        })
    }
}

/// A model the SDK hands out as JSON (an answer, an upload result); one
/// that cannot be encoded is the SDK's fault.
pub fn to_json<T: Serialize + ?Sized>(value: &T, what: &str) -> Result<serde_json::Value> {
    serde_json::to_value(value)
        .map_err(|e| Error::internal(format!("{what} cannot be encoded: {e}")))
}

/// Joins ids as the providers want lists: `1,2,3`.
pub fn join_ids<T: ToString>(ids: &[T]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// [`join_ids`] for a list that must not be empty; `what` names it in the error.
pub fn non_empty_ids<T: ToString>(ids: &[T], what: &str) -> Result<String> {
    if ids.is_empty() {
        return Err(Error::invalid_input(format!("{what} is empty")));
    }
    Ok(join_ids(ids))
}

/// Checks a comma-separated id list as sent on the wire (`"1,2,3"`): not
/// empty, every item an integer.
pub fn check_id_text(what: &str, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::invalid_input(format!("{what} is empty")));
    }
    if text.split(',').any(|id| id.trim().parse::<i64>().is_err()) {
        return Err(Error::invalid_input(format!(
            "{what} must be comma-separated integers"
        )));
    }
    Ok(())
}

/// The grammar of an API path: `segment(/segment)*`, each segment one or
/// more of `[A-Za-z0-9_]`. Nothing a URL parser would reinterpret — `.`,
/// `%`, `?`, `#`, `\`, empty segments — can get through, so a name can never
/// leave `/openapi/` (`%2e%2e/` is refused, not decoded later).
pub fn is_api_path(path: &str) -> bool {
    !path.is_empty()
        && path.split('/').all(|segment| {
            !segment.is_empty()
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
}

/// Checks the optional `page` (from 1) and `page_size` (1 to `max_size`) of a
/// paged request.
pub fn check_page(page: Option<i64>, page_size: Option<i64>, max_size: i64) -> Result<()> {
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
pub fn check_attachment(path: &Path, extensions: &[&str], what: &str) -> Result<()> {
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

    #[test]
    fn id_text_is_checked() {
        assert!(check_id_text("ids", "1,2, 3").is_ok());
        assert!(check_id_text("ids", "").is_err());
        assert!(check_id_text("ids", "1,x").is_err());
    }
}
