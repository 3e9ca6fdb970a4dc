//! The request and answer models of every iQiyi operation, tolerant of the
//! answers' quirks (numbers as strings, missing fields, a leading space in
//! a key). The typed methods are generated from the catalog.

pub mod oauth;
pub mod upload;
pub mod video;

use crate::error::{Error, Result};

/// A `file_id`: iQiyi's are 32 hex digits; anything without spaces, commas
/// or URL-special characters is let through (sandboxes differ).
pub(crate) fn check_file_id(what: &str, id: &str) -> Result<()> {
    let ok = !id.trim().is_empty()
        && id.len() <= 128
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !ok {
        return Err(Error::invalid_input(format!(
            "{what} must be a file id (letters, digits, '-', '_'), got {id:?}"
        )));
    }
    Ok(())
}

/// A comma-separated list of file ids.
pub(crate) fn check_file_ids(what: &str, ids: &str) -> Result<()> {
    if ids.trim().is_empty() {
        return Err(Error::invalid_input(format!("{what} is empty")));
    }
    ids.split(',')
        .try_for_each(|id| check_file_id(what, id.trim()))
}
