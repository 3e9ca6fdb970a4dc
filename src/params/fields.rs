//! A request struct's fields straight into [`Params`], without the JSON tree
//! `Params::from_json` reads: the same strings, built once per call instead
//! of twice (issue 19, B5). Only structs of plain values are written here;
//! anything else says [`Unsupported`] and the caller takes the tree path, so
//! both paths agree by construction on everything but plain values.

use serde::ser::{self, Impossible, Serialize};

use super::Params;

/// Not a plain value: the tree path handles it.
#[derive(Debug)]
pub(super) struct Unsupported;

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a struct of plain values")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

/// The parameters of a struct whose fields are strings, numbers, booleans
/// or absent; [`Unsupported`] for anything else.
pub(super) fn struct_fields<T: Serialize + ?Sized>(value: &T) -> Result<Params, Unsupported> {
    value.serialize(StructSerializer)
}

struct StructSerializer;

/// Collects the fields of the one struct.
pub(super) struct FieldsOf(Params);

impl ser::SerializeStruct for FieldsOf {
    type Ok = Params;
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        if let Some(text) = value.serialize(ValueText)? {
            self.0.set_static(key, text);
        }
        Ok(())
    }

    fn end(self) -> Result<Params, Unsupported> {
        Ok(self.0)
    }
}

/// Everything but a struct is unsupported at the top.
macro_rules! unsupported {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<$ok, Unsupported> {
            Err(Unsupported)
        })*
    };
}

/// Refuses every compound value (the tree path writes them as JSON text).
macro_rules! no_compounds {
    () => {
        type SerializeSeq = Impossible<Self::Ok, Unsupported>;
        type SerializeTuple = Impossible<Self::Ok, Unsupported>;
        type SerializeTupleStruct = Impossible<Self::Ok, Unsupported>;
        type SerializeTupleVariant = Impossible<Self::Ok, Unsupported>;
        type SerializeMap = Impossible<Self::Ok, Unsupported>;
        type SerializeStructVariant = Impossible<Self::Ok, Unsupported>;

        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<Self::Ok, Unsupported> {
            Err(Unsupported)
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
            Err(Unsupported)
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
            Err(Unsupported)
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, Unsupported> {
            Err(Unsupported)
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, Unsupported> {
            Err(Unsupported)
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
            Err(Unsupported)
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, Unsupported> {
            Err(Unsupported)
        }
    };
}

impl ser::Serializer for StructSerializer {
    type Ok = Params;
    type Error = Unsupported;
    type SerializeStruct = FieldsOf;

    no_compounds!();

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<FieldsOf, Unsupported> {
        let mut params = Params::new();
        params.0.reserve(len);
        Ok(FieldsOf(params))
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<Params, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<Params, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<Params, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Params, Unsupported> {
        Err(Unsupported)
    }

    unsupported! {
        serialize_bool(bool) -> Params;
        serialize_i8(i8) -> Params;
        serialize_i16(i16) -> Params;
        serialize_i32(i32) -> Params;
        serialize_i64(i64) -> Params;
        serialize_u8(u8) -> Params;
        serialize_u16(u16) -> Params;
        serialize_u32(u32) -> Params;
        serialize_u64(u64) -> Params;
        serialize_f32(f32) -> Params;
        serialize_f64(f64) -> Params;
        serialize_char(char) -> Params;
        serialize_str(&str) -> Params;
        serialize_bytes(&[u8]) -> Params;
        serialize_none() -> Params;
        serialize_unit() -> Params;
    }
}

/// One field's wire text, as `Params::from_json` writes its JSON value:
/// strings as they are, numbers in decimal (floats as serde_json prints
/// them), booleans as `1`/`0`, `None` (and what JSON holds as `null`: unit,
/// a non-finite float) left out.
struct ValueText;

impl ser::Serializer for ValueText {
    type Ok = Option<String>;
    type Error = Unsupported;
    type SerializeStruct = Impossible<Option<String>, Unsupported>;

    no_compounds!();

    fn serialize_bool(self, v: bool) -> Result<Option<String>, Unsupported> {
        Ok(Some(if v { "1" } else { "0" }.to_owned()))
    }
    fn serialize_i8(self, v: i8) -> Result<Option<String>, Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Option<String>, Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Option<String>, Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Option<String>, Unsupported> {
        Ok(Some(v.to_string()))
    }
    fn serialize_u8(self, v: u8) -> Result<Option<String>, Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Option<String>, Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Option<String>, Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Option<String>, Unsupported> {
        Ok(Some(v.to_string()))
    }
    fn serialize_f32(self, _: f32) -> Result<Option<String>, Unsupported> {
        // How serde_json widens an f32 is its business: the tree path asks it.
        Err(Unsupported)
    }
    fn serialize_f64(self, v: f64) -> Result<Option<String>, Unsupported> {
        Ok(serde_json::Number::from_f64(v).map(|n| n.to_string()))
    }
    fn serialize_char(self, v: char) -> Result<Option<String>, Unsupported> {
        Ok(Some(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Option<String>, Unsupported> {
        Ok(Some(v.to_owned()))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Option<String>, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Result<Option<String>, Unsupported> {
        Ok(None)
    }
    fn serialize_some<T: Serialize + ?Sized>(
        self,
        value: &T,
    ) -> Result<Option<String>, Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Option<String>, Unsupported> {
        Ok(None)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Option<String>, Unsupported> {
        Ok(None)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Option<String>, Unsupported> {
        Ok(Some(variant.to_owned()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Option<String>, Unsupported> {
        value.serialize(self)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Unsupported> {
        Err(Unsupported)
    }
}
