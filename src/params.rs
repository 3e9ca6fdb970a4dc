//! Request parameters: typed request structs flattened into the ordered
//! `key=value` pairs that are signed and sent as a form.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, Result};

mod fields;

/// The parameters of one request, in insertion order. Values are the exact
/// strings that go on the wire, so what is signed is what is sent. Keys
/// known at compile time (a model's field names, the signature's own) are
/// kept without a copy: a call's parameters are built, copied per attempt
/// and signed on every call (issue 19, B5).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(Cow<'static, str>, String)>);

impl std::fmt::Debug for Params {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Parameter values may include secrets (secret_key, sign): print keys only.
        f.debug_list()
            .entries(self.0.iter().map(|(k, _)| k))
            .finish()
    }
}

impl Params {
    pub fn new() -> Self {
        Params(Vec::new())
    }

    /// Sets `key` (replacing an earlier value of the same key).
    pub fn set(&mut self, key: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.put(Cow::Owned(key.into()), value.into())
    }

    /// As [`Params::set`], for a key known at compile time (not copied).
    pub fn set_static(&mut self, key: &'static str, value: impl Into<String>) -> &mut Self {
        self.put(Cow::Borrowed(key), value.into())
    }

    fn put(&mut self, key: Cow<'static, str>, value: String) -> &mut Self {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
        self
    }

    /// A copy with room for `additional` more parameters (what an auth adds
    /// to each attempt's copy), so adding them does not regrow it.
    pub fn clone_with_room(&self, additional: usize) -> Params {
        let mut copy = Vec::with_capacity(self.0.len() + additional);
        copy.extend(self.0.iter().cloned());
        Params(copy)
    }

    /// Makes room for `additional` more parameters (an auth adding its own).
    pub fn reserve(&mut self, additional: usize) {
        self.0.reserve(additional);
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn remove(&mut self, key: &str) -> Option<String> {
        let pos = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(pos).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v.as_str()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_vec(self) -> Vec<(String, String)> {
        self.0
            .into_iter()
            .map(|(k, v)| (k.into_owned(), v))
            .collect()
    }

    /// Flattens a request struct (or any JSON object) into parameters:
    /// strings as they are, numbers in decimal, booleans as `1`/`0`, `null`
    /// left out, and lists or objects as compact JSON text (the providers take
    /// structured parameters such as `notice` or `question_list` that way).
    pub fn from_serialize<T: Serialize + ?Sized>(value: &T) -> Result<Self> {
        // A struct of plain values (every request model but a few) is
        // written directly; the rest goes through the JSON tree.
        if let Ok(params) = fields::struct_fields(value) {
            return Ok(params);
        }
        let value = serde_json::to_value(value)
            .map_err(|e| Error::invalid_input(format!("parameters cannot be encoded: {e}")))?;
        Self::from_json(&value)
    }

    /// As [`Params::from_serialize`], from a JSON object.
    pub fn from_json(value: &Value) -> Result<Self> {
        let Value::Object(map) = value else {
            return Err(Error::invalid_input("parameters must be a JSON object"));
        };
        let mut params = Params::new();
        for (key, value) in map {
            let text = match value {
                Value::Null => continue,
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => if *b { "1" } else { "0" }.to_owned(),
                other => other.to_string(),
            };
            params.set(key.clone(), text);
        }
        Ok(params)
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut p = Params::new();
        for (k, v) in iter {
            p.set(k, v);
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattening_keeps_exact_strings() {
        #[derive(Serialize)]
        struct R {
            a: i64,
            b: Option<String>,
            c: String,
            d: bool,
            e: Vec<u8>,
        }
        let p = Params::from_serialize(&R {
            a: 0,
            b: None,
            c: String::new(),
            d: true,
            e: vec![1, 2],
        })
        .unwrap();
        assert_eq!(p.get("a"), Some("0"));
        assert_eq!(p.get("b"), None);
        assert_eq!(p.get("c"), Some(""));
        assert_eq!(p.get("d"), Some("1"));
        assert_eq!(p.get("e"), Some("[1,2]"));
    }

    /// The direct path writes exactly what the tree path writes, and leaves
    /// what it cannot write (lists, maps, nested structs) to it.
    #[test]
    fn direct_fields_match_the_tree() {
        #[derive(Serialize)]
        enum Kind {
            Video,
        }
        #[derive(Serialize)]
        struct Id(u32);
        #[derive(Serialize)]
        struct Plain {
            a: i64,
            b: Option<String>,
            c: Option<u8>,
            d: bool,
            e: f64,
            f: f64,
            g: String,
            h: Kind,
            i: Id,
            j: (),
            k: char,
            #[serde(skip_serializing_if = "Option::is_none")]
            l: Option<i32>,
        }
        let plain = Plain {
            a: -7,
            b: None,
            c: Some(0),
            d: false,
            e: 1.5e300,
            f: f64::NAN,
            g: "视频 a&b=c".into(),
            h: Kind::Video,
            i: Id(9),
            j: (),
            k: 'x',
            l: None,
        };
        let direct = fields::struct_fields(&plain).expect("plain values are written directly");
        assert_eq!(direct, tree(&plain));
        assert_eq!(direct.get("f"), None, "NaN is null in JSON: left out");

        #[derive(Serialize)]
        struct Nested {
            a: Vec<u8>,
        }
        assert!(fields::struct_fields(&Nested { a: vec![1] }).is_err());
        assert_eq!(
            Params::from_serialize(&Nested { a: vec![1] }).unwrap(),
            tree(&Nested { a: vec![1] })
        );
    }

    /// The tree path alone, for comparing.
    fn tree<T: Serialize>(value: &T) -> Params {
        Params::from_json(&serde_json::to_value(value).unwrap()).unwrap()
    }

    #[test]
    fn debug_hides_values() {
        let p: Params = [("secret_key", "s3cr3t")].into_iter().collect();
        assert!(!format!("{p:?}").contains("s3cr3t"));
    }
}
