//! The page and page size of a paged request.

use crate::error::{Error, Result};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_checked() {
        assert!(check_page(None, None, 100).is_ok());
        assert!(check_page(Some(1), Some(100), 100).is_ok());
        assert!(check_page(Some(0), None, 100).is_err());
        assert!(check_page(None, Some(0), 100).is_err());
        assert!(check_page(None, Some(101), 100).is_err());
    }
}
