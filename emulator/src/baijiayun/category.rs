//! (to be filled in)

use super::Handler;

#[derive(Debug, Default)]
pub struct State {}

pub const HANDLERS: &[(&str, Handler)] = &[];

/// The `category` list `getInfo` shows for a video in category `id` (0 = none).
pub fn categories_of(_shared: &crate::state::Shared, _id: i64) -> serde_json::Value {
    serde_json::Value::Array(Vec::new())
}
