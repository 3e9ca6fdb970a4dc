//! A file an operation attaches (subtitles, documents): checked before
//! anything is sent.

use std::path::Path;

use crate::error::{Error, Result};

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
}
