//! Tolerant deserializers for provider answers.
//!
//! The providers send numbers as strings (`"total": "1"`), strings as numbers
//! (`"subtitle_id": 262`), `null` or `""` for absent values, and leave fields
//! out. Models use these with `#[serde(default, deserialize_with = "...")]` so
//! any of those shapes reads as the field's natural type.

use serde::de::{self, Deserializer, Visitor};
use std::fmt;

struct IntVisitor;

impl<'de> Visitor<'de> for IntVisitor {
    type Value = Option<i64>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an integer, or a string holding one")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        i64::try_from(v).map(Some).map_err(E::custom)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v as i64))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v as i64))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let v = v.trim();
        if v.is_empty() {
            return Ok(None);
        }
        if let Ok(n) = v.parse::<i64>() {
            return Ok(Some(n));
        }
        v.parse::<f64>()
            .map(|f| Some(f as i64))
            .map_err(|_| E::custom(format!("expected a number, got {v:?}")))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// An integer from a number or a numeric string; `null` and `""` read as 0.
pub fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(d.deserialize_any(IntVisitor)?.unwrap_or(0))
}

/// An integer from a number or a numeric string; `null` and `""` read as `None`.
pub fn opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_any(IntVisitor)
}

/// A boolean from `true`/`false`, `0`/`1` or `"0"`/`"1"`; `null` reads as false.
pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    struct FlagVisitor;
    impl<'de> Visitor<'de> for FlagVisitor {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a boolean, 0/1, or \"0\"/\"1\"")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
            Ok(v != 0)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
            Ok(v != 0)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
            Ok(matches!(v.trim(), "1" | "true" | "TRUE" | "True"))
        }
        fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_none<E: de::Error>(self) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_any(FlagVisitor)
}

struct StringVisitor;

impl<'de> Visitor<'de> for StringVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or a number")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// A string from a string or a number; `null` reads as `""`.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(d.deserialize_any(StringVisitor)?.unwrap_or_default())
}

/// A string from a string or a number; `null` and `""` read as `None`.
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(d.deserialize_any(StringVisitor)?.filter(|s| !s.is_empty()))
}

/// A list that may come as `null` or be missing (reads as empty).
pub fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

use serde::Deserialize;

/// `Duration` as integer milliseconds, for configs read from JSON.
pub mod duration_ms {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::time::Duration;

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(d.as_millis() as u64)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        u64::deserialize(d).map(Duration::from_millis)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Default)]
    struct Sample {
        #[serde(default, deserialize_with = "super::int")]
        n: i64,
        #[serde(default, deserialize_with = "super::opt_int")]
        o: Option<i64>,
        #[serde(default, deserialize_with = "super::string")]
        s: String,
        #[serde(default, deserialize_with = "super::flag")]
        f: bool,
    }

    fn parse(json: &str) -> Sample {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn numbers_as_strings_and_back() {
        let s = parse(r#"{"n":"42","o":"7","s":262,"f":"1"}"#);
        assert_eq!((s.n, s.o, s.s.as_str(), s.f), (42, Some(7), "262", true));
        let s = parse(r#"{"n":42,"o":null,"s":"x","f":0}"#);
        assert_eq!((s.n, s.o, s.s.as_str(), s.f), (42, None, "x", false));
        let s = parse(r#"{"n":"","o":"","s":null}"#);
        assert_eq!((s.n, s.o, s.s.as_str()), (0, None, ""));
        let s = parse("{}");
        assert_eq!((s.n, s.o, s.s.as_str(), s.f), (0, None, "", false));
    }

    #[test]
    fn garbage_is_an_error_not_a_zero() {
        assert!(serde_json::from_str::<Sample>(r#"{"n":"abc"}"#).is_err());
    }
}
