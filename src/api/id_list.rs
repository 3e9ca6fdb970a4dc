//! Id lists as the providers want them on the wire: `1,2,3`.

use crate::error::{Error, Result};

/// Joins ids as the providers want lists: `1,2,3`.
pub fn join_ids<T: ToString>(ids: &[T]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_text_is_checked() {
        assert!(check_id_text("ids", "1,2, 3").is_ok());
        assert!(check_id_text("ids", "").is_err());
        assert!(check_id_text("ids", "1,x").is_err());
    }
}
