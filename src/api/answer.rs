//! What the SDK hands out as JSON: the empty answer, and any model encoded.

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
