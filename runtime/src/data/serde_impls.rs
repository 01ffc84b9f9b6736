//! Serde for the dynamic types, in two shapes: for human-readable formats (JSON lines, Pig's JsonStorage)
//! a [`Value`] is plain JSON (`null`, `true`, `1`, `1.5`, `"text"`, `{…}` for a map, `[…]` for a tuple or
//! bag) and [`Bytes`] is a string; for binary formats (state checkpoints) both keep their exact type
//! (a tagged enum, raw bytes) so that a round trip is lossless.

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use bigdecimal::BigDecimal;
use num_bigint::BigInt;

use super::{Bag, Bytes, DateTime, Double, Float, PigMap, PigText, Tuple, Value};

/// Serializes a float or double: Java's text form as a raw JSON number for human-readable formats (NaN
/// and infinities as `null`), the primitive otherwise.
fn serialize_java_number<S: Serializer>(
    s: S,
    finite: bool,
    text: impl FnOnce() -> String,
    primitive: impl FnOnce(S) -> Result<S::Ok, S::Error>,
) -> Result<S::Ok, S::Error> {
    if !s.is_human_readable() {
        return primitive(s);
    }
    if !finite {
        return s.serialize_none();
    }
    let raw =
        serde_json::value::RawValue::from_string(text()).map_err(serde::ser::Error::custom)?;
    raw.serialize(s)
}

impl Serialize for Double {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        serialize_java_number(s, v.is_finite(), || self.to_text(), |s| s.serialize_f64(v))
    }
}

impl Serialize for Float {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        serialize_java_number(s, v.is_finite(), || self.to_text(), |s| s.serialize_f32(v))
    }
}

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&String::from_utf8_lossy(&self.0))
        } else {
            s.serialize_bytes(&self.0)
        }
    }
}

struct BytesVisitor;

impl<'de> Visitor<'de> for BytesVisitor {
    type Value = Bytes;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string or bytes")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Bytes, E> {
        Ok(Bytes(v.as_bytes().to_vec()))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
        Ok(Bytes(v.to_vec()))
    }

    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
        Ok(Bytes(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
        let mut out = Vec::new();
        while let Some(b) = seq.next_element::<u8>()? {
            out.push(b);
        }
        Ok(Bytes(out))
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            d.deserialize_any(BytesVisitor)
        } else {
            d.deserialize_byte_buf(BytesVisitor)
        }
    }
}

/// The exact, tagged shape of a [`Value`] for binary formats (borrowing, for serializing).
#[derive(Serialize)]
enum TaggedRef<'a> {
    Null,
    Boolean(bool),
    Int(i32),
    Long(i64),
    Float(Float),
    Double(Double),
    DateTime(&'a DateTime),
    Bytes(&'a Bytes),
    Chararray(&'a str),
    BigInteger(&'a BigInt),
    BigDecimal(&'a BigDecimal),
    Map(&'a PigMap),
    Tuple(&'a Tuple),
    Bag(&'a Bag<Tuple>),
}

/// The exact, tagged shape of a [`Value`] for binary formats (owning, for deserializing).
#[derive(Deserialize)]
enum Tagged {
    Null,
    Boolean(bool),
    Int(i32),
    Long(i64),
    Float(Float),
    Double(Double),
    DateTime(DateTime),
    Bytes(Bytes),
    Chararray(String),
    BigInteger(BigInt),
    BigDecimal(BigDecimal),
    Map(PigMap),
    Tuple(Tuple),
    Bag(Bag<Tuple>),
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            return match self {
                Value::Null => s.serialize_unit(),
                Value::Boolean(v) => s.serialize_bool(*v),
                Value::Int(v) => s.serialize_i32(*v),
                Value::Long(v) => s.serialize_i64(*v),
                Value::Float(v) => v.serialize(s),
                Value::Double(v) => v.serialize(s),
                Value::DateTime(v) => s.serialize_str(&v.to_text()),
                Value::Bytes(v) => v.serialize(s),
                Value::Chararray(v) => s.serialize_str(v),
                Value::BigInteger(v) => s.serialize_str(&v.to_string()),
                Value::BigDecimal(v) => s.serialize_str(&v.to_string()),
                Value::Map(v) => v.serialize(s),
                Value::Tuple(v) => v.serialize(s),
                Value::Bag(v) => v.serialize(s),
            };
        }
        let tagged = match self {
            Value::Null => TaggedRef::Null,
            Value::Boolean(v) => TaggedRef::Boolean(*v),
            Value::Int(v) => TaggedRef::Int(*v),
            Value::Long(v) => TaggedRef::Long(*v),
            Value::Float(v) => TaggedRef::Float(*v),
            Value::Double(v) => TaggedRef::Double(*v),
            Value::DateTime(v) => TaggedRef::DateTime(v),
            Value::Bytes(v) => TaggedRef::Bytes(v),
            Value::Chararray(v) => TaggedRef::Chararray(v),
            Value::BigInteger(v) => TaggedRef::BigInteger(v),
            Value::BigDecimal(v) => TaggedRef::BigDecimal(v),
            Value::Map(v) => TaggedRef::Map(v),
            Value::Tuple(v) => TaggedRef::Tuple(v),
            Value::Bag(v) => TaggedRef::Bag(v),
        };
        tagged.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            return serde_json::Value::deserialize(d).map(from_json);
        }
        Ok(match Tagged::deserialize(d)? {
            Tagged::Null => Value::Null,
            Tagged::Boolean(v) => Value::Boolean(v),
            Tagged::Int(v) => Value::Int(v),
            Tagged::Long(v) => Value::Long(v),
            Tagged::Float(v) => Value::Float(v),
            Tagged::Double(v) => Value::Double(v),
            Tagged::DateTime(v) => Value::DateTime(v),
            Tagged::Bytes(v) => Value::Bytes(v),
            Tagged::Chararray(v) => Value::Chararray(v),
            Tagged::BigInteger(v) => Value::BigInteger(v),
            Tagged::BigDecimal(v) => Value::BigDecimal(v),
            Tagged::Map(v) => Value::Map(v),
            Tagged::Tuple(v) => Value::Tuple(v),
            Tagged::Bag(v) => Value::Bag(v),
        })
    }
}

/// A JSON value as a Pig value: integers are int when they fit, else long; other numbers double; an
/// object is a map; an array of arrays is a bag of tuples, any other array a tuple.
pub fn from_json(j: serde_json::Value) -> Value {
    use serde_json::Value as J;
    match j {
        J::Null => Value::Null,
        J::Bool(b) => Value::Boolean(b),
        J::Number(n) => match n.as_i64() {
            Some(i) => i32::try_from(i).map_or(Value::Long(i), Value::Int),
            None => Value::Double(Double(n.as_f64().unwrap_or(f64::NAN))),
        },
        J::String(s) => Value::Chararray(s),
        J::Object(o) => Value::Map(o.into_iter().map(|(k, v)| (k, from_json(v))).collect()),
        J::Array(items) if !items.is_empty() && items.iter().all(|i| i.is_array()) => Value::Bag(
            items
                .into_iter()
                .map(|i| match from_json(i) {
                    Value::Tuple(t) => t,
                    other => Tuple(vec![other]),
                })
                .collect(),
        ),
        J::Array(items) => Value::Tuple(items.into_iter().map(from_json).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_plain() {
        let mut m = PigMap::new();
        m.insert("a", Value::Int(1));
        m.insert("b", Value::Null);
        m.insert("c", Value::Bytes(Bytes::from("raw")));
        let v = Value::Tuple(Tuple(vec![Value::Map(m), Value::Double(Double(1.5))]));
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"[{"a":1,"b":null,"c":"raw"},1.5]"#
        );
        let doubles = vec![Double(1e10), Double(-0.0001), Double(f64::NAN), Double(5.0)];
        assert_eq!(
            serde_json::to_string(&doubles).unwrap(),
            "[1.0E10,-1.0E-4,null,5.0]"
        );
        let back: Vec<Option<Double>> = serde_json::from_str("[1.0E10,-1.0E-4,null,5]").unwrap();
        assert_eq!(
            back,
            vec![
                Some(Double(1e10)),
                Some(Double(-0.0001)),
                None,
                Some(Double(5.0))
            ]
        );
        let back: Value =
            serde_json::from_str(r#"{"x":[[1,"a"],[2,"b"]],"y":3000000000}"#).unwrap();
        let Value::Map(m) = back else {
            panic!("expected a map")
        };
        assert!(matches!(m.get("x"), Some(Value::Bag(b)) if b.len() == 2));
        assert_eq!(m.get("y"), Some(&Value::Long(3_000_000_000)));
    }
}
