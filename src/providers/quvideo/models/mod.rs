//! Typed operations. Request models send the AppServer's own parameter
//! names (camelCase, the generic JSON call's keys); their Rust fields, and
//! the typed methods' arguments in every binding, are the snake_case names;
//! `consoleToken` is added by the auth. Answer models read leniently
//! (numbers as strings, missing fields, `fileUrilList`) and serialize back
//! with the AppServer's names.

pub mod manage;
pub mod session;
pub mod video;

pub use crate::api::Ack;
pub use manage::*;
pub use session::*;
pub use video::*;

use crate::error::{Error, Result};

/// An id the AppServer needs: not empty, not blank.
pub(crate) fn check_id(what: &str, id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(Error::invalid_input(format!("{what} is empty")));
    }
    Ok(())
}
