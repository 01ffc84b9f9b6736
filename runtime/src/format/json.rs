//! JSON lines, as Pig's `JsonLoader` reads and `JsonStorage` writes them: one JSON object per line whose
//! keys are the schema's field names, in schema order; null is `null`; a tuple is an object, a bag an array
//! of objects, a map an object; a bytearray and a datetime are strings.
//!
//! Records go through serde: generated structs derive `Serialize`/`Deserialize` with
//! `#[serde(rename = "<pig field name>")]` where the Rust name differs, `#[serde(default)]` so that a
//! missing key reads as null, and `#[serde(with = "pigc_runtime::format::json::opt_datetime")]` on a
//! datetime field so it is written as Pig writes it (`2009-01-07T01:07:01.000Z`).
//!
//! Floats and doubles are written as Java prints them (`5.0`, `1.0E10`), as Jackson does for Pig; NaN and
//! infinities, which JSON cannot hold (Jackson writes a bare `NaN`), are written as `null`.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{DecodeError, DecodeWarnings, Format};

/// The JSON lines format (`JsonLoader` / `JsonStorage`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JsonLines;

impl<T: Serialize + DeserializeOwned> Format<T> for JsonLines {
    fn decode(&self, payload: &[u8], _warnings: &mut DecodeWarnings) -> Result<T, DecodeError> {
        serde_json::from_slice(payload)
            .map_err(|e| DecodeError::new(format!("invalid JSON record: {e}")))
    }

    fn encode(&self, record: &T, out: &mut Vec<u8>) {
        if let Err(e) = serde_json::to_writer(&mut *out, record) {
            // Only a `Serialize` impl that itself fails can get here (e.g. a map with non-string keys);
            // generated records and the data model never do. Keep the line valid JSON and say why.
            out.extend_from_slice(
                serde_json::json!({ "pigc_encode_error": e.to_string() })
                    .to_string()
                    .as_bytes(),
            );
        }
    }
}

/// Serde `with` module for a `DateTime` field: in human-readable formats (JSON) written as Pig's text
/// form and read as ISO-8601; in binary formats (checkpoints) chrono's own exact encoding.
pub mod datetime {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::data::{cast, DateTime, PigText};

    /// Writes Pig's text form (`2009-01-07T01:07:01.000Z`), or the exact value for binary formats.
    pub fn serialize<S: Serializer>(v: &DateTime, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&v.to_text())
        } else {
            v.serialize(s)
        }
    }

    /// Reads an ISO-8601 string, or the exact value from binary formats.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime, D::Error> {
        if !d.is_human_readable() {
            return DateTime::deserialize(d);
        }
        let s = String::deserialize(d)?;
        cast::text_to_datetime(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO-8601 datetime: {s:?}")))
    }
}

/// Serde `with` module for an `Option<DateTime>` field: null is `null`; in JSON a string that is not a
/// datetime reads as null, as Pig's cast does.
pub mod opt_datetime {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::data::{cast, DateTime, PigText};

    /// Writes Pig's text form or `null`, or the exact value for binary formats.
    pub fn serialize<S: Serializer>(v: &Option<DateTime>, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            return v.serialize(s);
        }
        match v {
            Some(v) => s.serialize_str(&v.to_text()),
            None => s.serialize_none(),
        }
    }

    /// Reads an ISO-8601 string or `null`, or the exact value from binary formats.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime>, D::Error> {
        if !d.is_human_readable() {
            return Option::<DateTime>::deserialize(d);
        }
        let s = Option::<String>::deserialize(d)?;
        Ok(s.and_then(|s| cast::text_to_datetime(&s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Bag, DateTime, Double, PigMap, Value};
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
    struct Item {
        x: Option<i32>,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Row {
        #[serde(default)]
        name: Option<String>,
        #[serde(default)]
        score: Option<Double>,
        #[serde(default)]
        items: Option<Bag<Item>>,
        #[serde(default)]
        props: Option<PigMap>,
        #[serde(default, with = "opt_datetime")]
        at: Option<DateTime>,
        #[serde(rename = "type", default)]
        kind: Option<i64>,
    }

    #[test]
    fn writes_jsonstorage_shape_and_reads_it_back() {
        let mut props = PigMap::new();
        props.insert("k", Value::from("v"));
        let row = Row {
            name: Some("a".into()),
            score: Some(Double(2.5)),
            items: Some(
                [Item { x: Some(1) }, Item { x: None }]
                    .into_iter()
                    .collect(),
            ),
            props: Some(props),
            at: crate::data::cast::text_to_datetime("2009-01-07T01:07:01Z"),
            kind: None,
        };
        let mut out = Vec::new();
        JsonLines.encode(&row, &mut out);
        let line = String::from_utf8(out).unwrap();
        assert_eq!(
            line,
            r#"{"name":"a","score":2.5,"items":[{"x":1},{"x":null}],"props":{"k":"v"},"at":"2009-01-07T01:07:01.000Z","type":null}"#
        );
        let mut warn = DecodeWarnings::default();
        let back: Row = JsonLines.decode(line.as_bytes(), &mut warn).unwrap();
        assert_eq!(back, row);
    }

    #[test]
    fn datetimes_are_exact_in_binary_formats() {
        let row = Row {
            name: None,
            score: None,
            items: None,
            props: None,
            at: crate::data::cast::text_to_datetime("2009-01-07T01:07:01.123456+08:00"),
            kind: Some(1),
        };
        let bytes = postcard::to_allocvec(&row).unwrap();
        let back: Row = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, row);
        assert_eq!(back.at.unwrap().offset().local_minus_utc(), 8 * 3600);
    }

    #[test]
    fn missing_keys_are_null_and_bad_json_is_an_error() {
        let mut warn = DecodeWarnings::default();
        let row: Row = JsonLines.decode(br#"{"name":"b"}"#, &mut warn).unwrap();
        assert_eq!(row.score, None);
        let err = <JsonLines as Format<Row>>::decode(&JsonLines, b"{oops", &mut warn).unwrap_err();
        assert!(err.reason.starts_with("invalid JSON record"));
    }
}
