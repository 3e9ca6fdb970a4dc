//! Tolerant deserializers: the one place a value may come in more than one
//! shape.
//!
//! Provider answers: the providers send numbers as strings (`"total": "1"`),
//! strings as numbers (`"subtitle_id": 262`), `null` or `""` for absent
//! values, and leave fields out. Models use these with
//! `#[serde(default, deserialize_with = "...")]` so any of those shapes reads
//! as the field's natural type.
//!
//! Config values: what people write wherever a flag takes it — a size as
//! bytes or `8M` ([`bytes()`](crate::lenient::bytes())), a duration as the
//! key's unit or `30s` ([`duration_ms`](crate::lenient::duration_ms),
//! [`secs()`](crate::lenient::secs())); a number may come as a string
//! (environment variables, `--set`).

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

/// An integer held in a JSON value: a number or a numeric string (a
/// provider's `code`, an `upload_size`); anything else is none.
pub fn int_in(value: &serde_json::Value) -> Option<i64> {
    value.deserialize_any(IntVisitor).ok().flatten()
}

/// A number from a number or a numeric string; `null` and `""` read as 0.
pub fn float<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    struct FloatVisitor;
    impl<'de> Visitor<'de> for FloatVisitor {
        type Value = f64;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a number, or a string holding one")
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
            Ok(v as f64)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
            Ok(v as f64)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
            Ok(v)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
            let v = v.trim();
            if v.is_empty() {
                return Ok(0.0);
            }
            v.parse()
                .map_err(|_| E::custom(format!("expected a number, got {v:?}")))
        }
        fn visit_unit<E: de::Error>(self) -> Result<f64, E> {
            Ok(0.0)
        }
        fn visit_none<E: de::Error>(self) -> Result<f64, E> {
            Ok(0.0)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<f64, D::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_any(FloatVisitor)
}

/// A config value that is a whole number, or a string for [`crate::units`]
/// to read; `expecting` says what is expected in human terms.
struct UnitVisitor<F> {
    expecting: &'static str,
    from_text: F,
}

impl<'de, F: FnOnce(&str) -> Result<u64, String>> Visitor<'de> for UnitVisitor<F> {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
        u64::try_from(v).map_err(|_| E::custom(format!("expected {}", self.expecting)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
        if v >= 0.0 && v.fract() == 0.0 && v < u64::MAX as f64 {
            return Ok(v as u64);
        }
        Err(E::custom(format!("expected {}", self.expecting)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
        // The parser's message quotes the text: a value in a config key is
        // never quoted back (it may be a secret put in the wrong place).
        (self.from_text)(v).map_err(|_| E::custom(format!("expected {}", self.expecting)))
    }
}

/// A byte count (`part_size`): a number, or a size such as `"8M"`,
/// `"64KiB"` or `"4194304"` ([`crate::units::parse_size`]).
pub fn bytes<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    d.deserialize_any(UnitVisitor {
        expecting: crate::units::SIZE_FORMS,
        from_text: crate::units::parse_size,
    })
}

/// [`bytes()`] for an optional key (`null` is none).
pub fn opt_bytes<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(v) => bytes(v).map(Some).map_err(de::Error::custom),
    }
}

/// A number of seconds (`refresh_margin_secs`): a number, or a duration
/// such as `"5m"` (whole seconds; a bare number string is seconds).
pub fn secs<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    d.deserialize_any(UnitVisitor {
        expecting: "a number of seconds or a duration such as \"30s\" or \"5m\"",
        from_text: |t: &str| {
            crate::units::parse_duration(t, std::time::Duration::from_secs(1)).map(|d| d.as_secs())
        },
    })
}

/// `Duration` as integer milliseconds, for configs read from JSON (`…_ms`
/// keys): a number of milliseconds, or a duration such as `"30s"`,
/// `"500ms"` or `"1m30s"` (a bare number string is milliseconds).
pub mod duration_ms {
    use serde::{Deserializer, Serializer};
    use std::time::Duration;

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(d.as_millis() as u64)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        d.deserialize_any(super::UnitVisitor {
            expecting: "a number of milliseconds or a duration such as \"30s\" or \"500ms\"",
            from_text: |t: &str| {
                crate::units::parse_duration(t, Duration::from_millis(1))
                    .map(|d| d.as_millis().min(u64::MAX as u128) as u64)
            },
        })
        .map(Duration::from_millis)
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

    #[test]
    fn ints_in_values() {
        use serde_json::json;
        assert_eq!(super::int_in(&json!(7)), Some(7));
        assert_eq!(super::int_in(&json!(" 7 ")), Some(7));
        assert_eq!(super::int_in(&json!("x")), None);
        assert_eq!(super::int_in(&json!(null)), None);
        assert_eq!(super::int_in(&json!([1])), None);
    }

    #[derive(Deserialize, Debug)]
    struct Settings {
        #[serde(default, deserialize_with = "super::bytes")]
        size: u64,
        #[serde(default, deserialize_with = "super::opt_bytes")]
        opt: Option<u64>,
        #[serde(default, with = "super::duration_ms")]
        wait_ms: std::time::Duration,
        #[serde(default, deserialize_with = "super::secs")]
        margin_secs: u64,
        #[serde(default, deserialize_with = "super::float")]
        x: f64,
    }

    #[test]
    fn config_values_in_the_forms_people_write() {
        let s: Settings = serde_json::from_str(
            r#"{"size":"8M","opt":"64KiB","wait_ms":"1m30s","margin_secs":"5m","x":"1.5"}"#,
        )
        .unwrap();
        assert_eq!(s.size, 8 << 20);
        assert_eq!(s.opt, Some(64 << 10));
        assert_eq!(s.wait_ms, std::time::Duration::from_secs(90));
        assert_eq!(s.margin_secs, 300);
        assert_eq!(s.x, 1.5);
        let s: Settings =
            serde_json::from_str(r#"{"size":1024,"opt":null,"wait_ms":250,"margin_secs":"60"}"#)
                .unwrap();
        assert_eq!((s.size, s.opt, s.margin_secs), (1024, None, 60));
        assert_eq!(s.wait_ms, std::time::Duration::from_millis(250));
        for (json, needle) in [
            (r#"{"size":"lots"}"#, "\"8M\""),
            (r#"{"size":-1}"#, "\"64KiB\""),
            (r#"{"size":true}"#, "a number of bytes"),
            (r#"{"opt":"8Q"}"#, "\"8M\""),
            (r#"{"wait_ms":"soon"}"#, "\"500ms\""),
            (r#"{"margin_secs":"1y"}"#, "\"5m\""),
        ] {
            let err = serde_json::from_str::<Settings>(json)
                .unwrap_err()
                .to_string();
            assert!(err.contains(needle), "{json}: {err}");
            assert!(!err.contains("lots") && !err.contains("soon"), "{err}");
        }
    }
}
