//! `PigStorage(delimiter)`: one record per line, fields separated by a one-byte delimiter (tab by
//! default), null as an empty field, nested tuples/bags/maps in Pig's text form. Encoding writes exactly
//! what Pig's `PigStorage` writes.

use super::field::{FieldReader, FieldWriter, TextRecord};
use super::{DecodeError, DecodeWarnings, Format};

/// Pig's `PigStorage` format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PigStorage {
    delimiter: u8,
}

/// A `PigStorage` delimiter argument that is not one byte.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("PigStorage delimiter {0:?} is not a single byte (use e.g. '\\t', ',', '\\u0001')")]
pub struct BadDelimiter(pub String);

impl Default for PigStorage {
    /// Tab-delimited, as `PigStorage()`.
    fn default() -> Self {
        Self { delimiter: b'\t' }
    }
}

impl PigStorage {
    /// `PigStorage` with this delimiter byte.
    pub const fn new(delimiter: u8) -> Self {
        Self { delimiter }
    }

    /// `PigStorage('<arg>')` with Pig's delimiter syntax (`StorageUtil.parseFieldDel`): one character, or
    /// an escape `\t`, `\n`, `\r`, `\\`, `\uXXXX` / `\xHH` (a code below 256), or a decimal byte code.
    pub fn from_arg(arg: &str) -> Result<Self, BadDelimiter> {
        parse_delimiter(arg)
            .map(Self::new)
            .ok_or_else(|| BadDelimiter(arg.to_owned()))
    }

    /// The delimiter byte.
    pub const fn delimiter(&self) -> u8 {
        self.delimiter
    }
}

fn parse_delimiter(arg: &str) -> Option<u8> {
    let b = arg.as_bytes();
    match b {
        [c] => Some(*c),
        [b'\\', b't'] => Some(b'\t'),
        [b'\\', b'n'] => Some(b'\n'),
        [b'\\', b'r'] => Some(b'\r'),
        [b'\\', b'\\'] => Some(b'\\'),
        [b'\\', b'u', hex @ ..] | [b'\\', b'x', hex @ ..] => {
            let code = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
            u8::try_from(code).ok()
        }
        _ if !arg.is_empty() && arg.bytes().all(|c| c.is_ascii_digit()) => arg.parse().ok(),
        _ => {
            let mut chars = arg.chars();
            let c = chars.next()?;
            (chars.next().is_none()).then(|| u8::try_from(u32::from(c)).ok())?
        }
    }
}

impl<T: TextRecord> Format<T> for PigStorage {
    #[inline]
    fn decode(&self, payload: &[u8], warnings: &mut DecodeWarnings) -> Result<T, DecodeError> {
        let mut r = FieldReader::split(payload, self.delimiter, warnings);
        T::read(&mut r)
    }

    #[inline]
    fn encode(&self, record: &T, out: &mut Vec<u8>) {
        let mut w = FieldWriter::pig_storage(out, self.delimiter);
        record.write(&mut w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Double, Tuple, Value};

    #[derive(Debug, PartialEq)]
    struct Row {
        name: Option<String>,
        age: Option<i32>,
        gpa: Option<Double>,
    }

    impl TextRecord for Row {
        fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
            Ok(Row {
                name: r.chararray(),
                age: r.int(),
                gpa: r.double(),
            })
        }
        fn write(&self, w: &mut FieldWriter<'_>) {
            w.field(&self.name);
            w.field(&self.age);
            w.field(&self.gpa);
        }
    }

    #[test]
    fn decodes_with_pigs_rules() {
        let f = PigStorage::default();
        let mut warn = DecodeWarnings::default();
        let r: Row = f.decode(b"alice\t20\t3.5", &mut warn).unwrap();
        assert_eq!(r.age, Some(20));
        let r: Row = f.decode(b"bob\tx", &mut warn).unwrap();
        assert_eq!(
            r,
            Row {
                name: Some("bob".into()),
                age: None,
                gpa: None
            }
        );
        assert_eq!(warn.bad_fields, 1);
        let r: Row = f.decode(b"carol\t1\t2\textra\tfields", &mut warn).unwrap();
        assert_eq!(r.gpa, Some(Double(2.0)));
        let r: Row = f.decode(b"", &mut warn).unwrap();
        assert_eq!(r.name, None);
    }

    #[test]
    fn encodes_as_pig_writes() {
        let f = PigStorage::from_arg(",").unwrap();
        let mut out = Vec::new();
        f.encode(
            &Row {
                name: None,
                age: Some(-3),
                gpa: Some(Double(100.0)),
            },
            &mut out,
        );
        assert_eq!(out, b",-3,100.0");
        let t = Tuple(vec![Value::Int(1), Value::Null, Value::from("x")]);
        let mut out = Vec::new();
        f.encode(&t, &mut out);
        assert_eq!(out, b"1,,x");
    }

    #[test]
    fn delimiter_arguments() {
        assert_eq!(PigStorage::from_arg("\\t").unwrap().delimiter(), b'\t');
        assert_eq!(PigStorage::from_arg("\\u0001").unwrap().delimiter(), 1);
        assert_eq!(PigStorage::from_arg("|").unwrap().delimiter(), b'|');
        assert_eq!(PigStorage::from_arg("44").unwrap().delimiter(), b',');
        assert!(PigStorage::from_arg("ab").is_err());
        assert!(PigStorage::from_arg("").is_err());
    }

    #[derive(Debug, Clone, PartialEq)]
    struct Wide {
        a: Option<i32>,
        b: Option<i64>,
        c: Option<String>,
        d: Option<Double>,
        e: Option<bool>,
    }

    impl TextRecord for Wide {
        fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
            Ok(Wide {
                a: r.int(),
                b: r.long(),
                c: r.chararray(),
                d: r.double(),
                e: r.boolean(),
            })
        }
        fn write(&self, w: &mut FieldWriter<'_>) {
            w.field(&self.a);
            w.field(&self.b);
            w.field(&self.c);
            w.field(&self.d);
            w.field(&self.e);
        }
    }

    proptest::proptest! {
        #[test]
        fn encode_then_decode_is_identity(
            a in proptest::option::of(proptest::prelude::any::<i32>()),
            b in proptest::option::of(proptest::prelude::any::<i64>()),
            c in proptest::option::of("[^\t\n]{1,8}"),
            d in proptest::option::of(proptest::prelude::any::<f64>()),
            e in proptest::option::of(proptest::prelude::any::<bool>()),
        ) {
            let rec = Wide { a, b, c, d: d.map(Double), e };
            let f = PigStorage::default();
            let mut out = Vec::new();
            f.encode(&rec, &mut out);
            let mut warn = DecodeWarnings::default();
            let back: Wide = f.decode(&out, &mut warn).unwrap();
            proptest::prop_assert_eq!(back, rec);
            proptest::prop_assert_eq!(warn.bad_fields, 0);
        }
    }
}
