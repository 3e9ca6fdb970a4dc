//! (to be filled in)

use super::Handler;

#[derive(Debug, Default)]
pub struct State {}

pub const HANDLERS: &[(&str, Handler)] = &[];
