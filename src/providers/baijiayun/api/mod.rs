//! Typed operations, one module per area. Each operation is a request struct
//! (its parameters; `partner_id`, `timestamp` and `sign` are added by the
//! client) implementing [`Endpoint`], an answer struct, and a method on
//! [`Client`] that takes the required parameters directly.
//!
//! Answer structs read leniently (numbers as strings, missing fields) and
//! serialize back to JSON, which is how the bindings hand them out.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
