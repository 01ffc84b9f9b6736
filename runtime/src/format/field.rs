//! The field-level API generated code uses to decode and encode its record structs in the delimited text
//! formats (PigStorage, CSV) without reflection: a [`FieldReader`] hands out the next field already
//! converted to the schema's type, a [`FieldWriter`] appends the next field in Pig's text form.
//!
//! Pig's rules, applied by the reader: an empty field is null; a field that does not convert to its
//! declared type is null and counted in [`DecodeWarnings::bad_fields`]; a line with too few fields reads
//! nulls for the missing ones; fields past the schema are ignored.

use bigdecimal::BigDecimal;
use num_bigint::BigInt;

use super::{DecodeError, DecodeWarnings};
use crate::data::cast::{self, FromValue};
use crate::data::{nested, Bag, Bytes, DateTime, Double, Float, PigMap, PigText, Tuple, Value};

/// A record type with a delimited-text form: generated structs implement it field by field, e.g.
///
/// ```
/// use pigc_runtime::format::{DecodeError, FieldReader, FieldWriter, TextRecord};
/// struct Row { name: Option<String>, age: Option<i32> }
/// impl TextRecord for Row {
///     fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
///         Ok(Row { name: r.chararray(), age: r.int() })
///     }
///     fn write(&self, w: &mut FieldWriter<'_>) {
///         w.field(&self.name);
///         w.field(&self.age);
///     }
/// }
/// ```
pub trait TextRecord: Sized {
    /// Reads the record's fields in schema order.
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError>;
    /// Writes the record's fields in schema order.
    fn write(&self, w: &mut FieldWriter<'_>);
}

/// Where a reader's fields come from.
enum Fields<'a> {
    /// A line split lazily on a one-byte delimiter (PigStorage).
    Split {
        rest: Option<&'a [u8]>,
        delimiter: u8,
    },
    /// Fields already unquoted into one buffer (CSV): `(start, end, quoted)` per field.
    Ranges {
        buf: &'a [u8],
        ranges: &'a [(usize, usize, bool)],
        next: usize,
    },
}

/// Reads the fields of one record in order, converting each to the type the schema declares.
pub struct FieldReader<'a, 'w> {
    fields: Fields<'a>,
    warnings: &'w mut DecodeWarnings,
}

impl<'a, 'w> FieldReader<'a, 'w> {
    /// A reader over `line` split on `delimiter`.
    pub fn split(line: &'a [u8], delimiter: u8, warnings: &'w mut DecodeWarnings) -> Self {
        Self {
            fields: Fields::Split {
                rest: Some(line),
                delimiter,
            },
            warnings,
        }
    }

    /// A reader over fields already located in `buf`; `quoted` marks fields that were quoted (a quoted
    /// empty field is an empty chararray, not null).
    pub fn ranges(
        buf: &'a [u8],
        ranges: &'a [(usize, usize, bool)],
        warnings: &'w mut DecodeWarnings,
    ) -> Self {
        Self {
            fields: Fields::Ranges {
                buf,
                ranges,
                next: 0,
            },
            warnings,
        }
    }

    /// The next field's raw bytes and whether it was quoted; `None` past the last field.
    #[inline]
    fn next_field(&mut self) -> Option<(&'a [u8], bool)> {
        match &mut self.fields {
            Fields::Split { rest, delimiter } => {
                let line = (*rest)?;
                match memchr::memchr(*delimiter, line) {
                    Some(i) => {
                        *rest = Some(&line[i + 1..]);
                        Some((&line[..i], false))
                    }
                    None => {
                        *rest = None;
                        Some((line, false))
                    }
                }
            }
            Fields::Ranges { buf, ranges, next } => {
                let &(start, end, quoted) = ranges.get(*next)?;
                *next += 1;
                Some((&buf[start..end], quoted))
            }
        }
    }

    /// The next field's raw bytes; `None` when it is empty (null) or missing.
    #[inline]
    pub fn raw(&mut self) -> Option<&'a [u8]> {
        self.next_field()
            .filter(|(b, _)| !b.is_empty())
            .map(|(b, _)| b)
    }

    /// Skips one field.
    #[inline]
    pub fn skip(&mut self) {
        self.next_field();
    }

    /// Whether fields remain.
    pub fn has_more(&self) -> bool {
        match &self.fields {
            Fields::Split { rest, .. } => rest.is_some(),
            Fields::Ranges { ranges, next, .. } => *next < ranges.len(),
        }
    }

    /// Converts the next non-empty field with `convert`; a failed conversion is null and counted.
    #[inline]
    fn typed<T>(&mut self, convert: impl FnOnce(&[u8]) -> Option<T>) -> Option<T> {
        let raw = self.raw()?;
        let v = convert(raw);
        if v.is_none() {
            self.warnings.bad_fields += 1;
        }
        v
    }

    /// The next field as `int`.
    #[inline]
    pub fn int(&mut self) -> Option<i32> {
        self.typed(|b| {
            fast_int(b)
                .and_then(|v| i32::try_from(v).ok())
                .or_else(|| cast::bytes_to_int(b))
        })
    }

    /// The next field as `long`.
    #[inline]
    pub fn long(&mut self) -> Option<i64> {
        self.typed(|b| fast_int(b).or_else(|| cast::bytes_to_long(b)))
    }

    /// The next field as `float`.
    #[inline]
    pub fn float(&mut self) -> Option<Float> {
        self.typed(cast::bytes_to_float)
    }

    /// The next field as `double`.
    #[inline]
    pub fn double(&mut self) -> Option<Double> {
        self.typed(cast::bytes_to_double)
    }

    /// The next field as `boolean`.
    #[inline]
    pub fn boolean(&mut self) -> Option<bool> {
        self.typed(cast::bytes_to_boolean)
    }

    /// The next field as `chararray` (invalid UTF-8 is replaced, as Java's decoder does). A quoted empty
    /// CSV field is an empty string; an unquoted empty field is null.
    #[inline]
    pub fn chararray(&mut self) -> Option<String> {
        match self.next_field()? {
            ([], false) => None,
            (b, _) => Some(match std::str::from_utf8(b) {
                Ok(s) => s.to_owned(),
                Err(_) => String::from_utf8_lossy(b).into_owned(),
            }),
        }
    }

    /// The next field as `bytearray`.
    #[inline]
    pub fn bytearray(&mut self) -> Option<Bytes> {
        self.raw().map(|b| Bytes(b.to_vec()))
    }

    /// The next field as `datetime` (ISO-8601).
    pub fn datetime(&mut self) -> Option<DateTime> {
        self.typed(cast::bytes_to_datetime)
    }

    /// The next field as `biginteger`.
    pub fn biginteger(&mut self) -> Option<BigInt> {
        self.typed(cast::bytes_to_biginteger)
    }

    /// The next field as `bigdecimal`.
    pub fn bigdecimal(&mut self) -> Option<BigDecimal> {
        self.typed(cast::bytes_to_bigdecimal)
    }

    /// The next field as an untyped tuple `(a,b,…)`.
    pub fn tuple(&mut self) -> Option<Tuple> {
        self.typed(nested::parse_tuple)
    }

    /// The next field as a map `[k#v,…]`.
    pub fn map(&mut self) -> Option<PigMap> {
        self.typed(nested::parse_map)
    }

    /// The next field as a bag `{(…),…}` of `T` (a generated tuple struct implementing [`FromValue`], or
    /// [`Tuple`]).
    pub fn bag<T: FromValue>(&mut self) -> Option<Bag<T>> {
        self.typed(|b| {
            let bag = nested::parse_bag(b)?;
            Some(
                bag.into_iter()
                    .filter_map(|t| T::from_value(&Value::Tuple(t)))
                    .collect(),
            )
        })
    }

    /// The next field converted to any [`FromValue`] type from its text form: a generated tuple struct
    /// (parsed from `(…)`), or [`Value`], which stays a bytearray as in Pig.
    pub fn cast<T: FromValue>(&mut self) -> Option<T> {
        self.typed(|b| T::from_value(&Value::Bytes(Bytes(b.to_vec()))))
    }

    /// The next field untyped: a bytearray value (`Value::Bytes`), or `Value::Null` when empty or missing,
    /// as Pig loads a field without a declared type.
    #[inline]
    pub fn value(&mut self) -> Value {
        self.raw()
            .map_or(Value::Null, |b| Value::Bytes(Bytes(b.to_vec())))
    }
}

/// Parses a plain decimal integer (optional `-`, at most 18 digits) without allocating; `None` sends the
/// caller to the general (Java-compatible) parser.
#[inline]
fn fast_int(b: &[u8]) -> Option<i64> {
    let (neg, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut v: i64 = 0;
    for &c in digits {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        v = v * 10 + i64::from(d);
    }
    Some(if neg { -v } else { v })
}

/// Appends the fields of one record, separated by the format's delimiter, each in Pig's text form (null
/// is an empty field).
pub struct FieldWriter<'a> {
    out: &'a mut Vec<u8>,
    delimiter: u8,
    quote_csv: bool,
    written: usize,
}

impl<'a> FieldWriter<'a> {
    /// A writer appending PigStorage fields to `out`.
    pub fn pig_storage(out: &'a mut Vec<u8>, delimiter: u8) -> Self {
        Self {
            out,
            delimiter,
            quote_csv: false,
            written: 0,
        }
    }

    /// A writer appending CSV fields to `out`, quoting a field that holds the delimiter, a quote or a line
    /// break (RFC 4180).
    pub fn csv(out: &'a mut Vec<u8>, delimiter: u8) -> Self {
        Self {
            out,
            delimiter,
            quote_csv: true,
            written: 0,
        }
    }

    /// Appends one field in Pig's text form; `None` (or a `Value::Null`) is an empty field.
    #[inline]
    pub fn field<T: PigText + ?Sized>(&mut self, value: &T) {
        if self.written > 0 {
            self.out.push(self.delimiter);
        }
        self.written += 1;
        let start = self.out.len();
        value.write_text(self.out);
        if self.quote_csv {
            self.quote_if_needed(start);
        }
    }

    /// Appends an `int` field.
    #[inline]
    pub fn int(&mut self, v: Option<i32>) {
        self.field(&v);
    }

    /// Appends a `long` field.
    #[inline]
    pub fn long(&mut self, v: Option<i64>) {
        self.field(&v);
    }

    /// Appends a `float` field (Java's `Float.toString`).
    #[inline]
    pub fn float(&mut self, v: Option<Float>) {
        self.field(&v);
    }

    /// Appends a `double` field (Java's `Double.toString`).
    #[inline]
    pub fn double(&mut self, v: Option<Double>) {
        self.field(&v);
    }

    /// Appends a `boolean` field.
    #[inline]
    pub fn boolean(&mut self, v: Option<bool>) {
        self.field(&v);
    }

    /// Appends a `chararray` field.
    #[inline]
    pub fn chararray(&mut self, v: Option<&str>) {
        self.field(&v);
    }

    /// Appends a null field.
    #[inline]
    pub fn null(&mut self) {
        self.field(&None::<i32>);
    }

    fn quote_if_needed(&mut self, start: usize) {
        let d = self.delimiter;
        let needs = self.out[start..]
            .iter()
            .any(|&b| b == d || b == b'"' || b == b'\n' || b == b'\r');
        if !needs {
            return;
        }
        let body: Vec<u8> = self.out.split_off(start);
        self.out.push(b'"');
        for b in body {
            if b == b'"' {
                self.out.push(b'"');
            }
            self.out.push(b);
        }
        self.out.push(b'"');
    }
}

impl TextRecord for Tuple {
    /// Every field untyped (bytearray or null), as Pig loads a line without a schema.
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        let mut fields = Vec::new();
        while r.has_more() {
            fields.push(r.value());
        }
        Ok(Tuple(fields))
    }

    fn write(&self, w: &mut FieldWriter<'_>) {
        for v in self.fields() {
            w.field(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_reader_applies_pigs_null_rules() {
        let mut warn = DecodeWarnings::default();
        let mut r = FieldReader::split(b"1,,abc,2.5,x", b',', &mut warn);
        assert_eq!(r.int(), Some(1));
        assert_eq!(r.int(), None);
        assert_eq!(r.chararray().as_deref(), Some("abc"));
        assert_eq!(r.double(), Some(Double(2.5)));
        assert_eq!(r.long(), None);
        assert_eq!(r.int(), None);
        assert_eq!(r.chararray(), None);
        assert_eq!(warn.bad_fields, 1);
    }

    #[test]
    fn ints_take_the_java_path_when_not_plain() {
        let mut warn = DecodeWarnings::default();
        let mut r = FieldReader::split(
            b"3000000000|1.9| 7|-0|99999999999999999999",
            b'|',
            &mut warn,
        );
        assert_eq!(r.int(), None);
        assert_eq!(r.int(), Some(1));
        assert_eq!(r.int(), Some(7));
        assert_eq!(r.int(), Some(0));
        assert_eq!(r.long(), None);
        assert_eq!(warn.bad_fields, 2);
    }

    #[test]
    fn nested_fields() {
        let mut warn = DecodeWarnings::default();
        let mut r = FieldReader::split(b"{(1),(2)}\t[a#1]\t(x,y)", b'\t', &mut warn);
        let bag: Bag<Tuple> = r.bag().unwrap();
        assert_eq!(bag.len(), 2);
        assert_eq!(r.map().unwrap().len(), 1);
        assert_eq!(r.tuple().unwrap().len(), 2);
    }

    #[test]
    fn cast_keeps_untyped_values_as_bytearray_and_parses_typed_ones() {
        let mut warn = DecodeWarnings::default();
        let mut r = FieldReader::split(b"(1,2)|(3,x)|7", b'|', &mut warn);
        assert_eq!(r.cast::<Value>(), Some(Value::Bytes(Bytes::from("(1,2)"))));
        let t: Tuple = r.cast().unwrap();
        assert_eq!(t.field_as::<i32>(0), Some(3));
        assert_eq!(t.field_as::<i32>(1), None);
        assert_eq!(r.cast::<i64>(), Some(7));
        assert_eq!(warn.bad_fields, 0);
    }

    #[test]
    fn writer_writes_pig_text_and_quotes_csv() {
        let mut out = Vec::new();
        let mut w = FieldWriter::pig_storage(&mut out, b'\t');
        w.int(Some(1));
        w.null();
        w.double(Some(Double(1e10)));
        w.chararray(Some("a,b"));
        w.boolean(Some(true));
        assert_eq!(out, b"1\t\t1.0E10\ta,b\ttrue");
        let mut out = Vec::new();
        let mut w = FieldWriter::csv(&mut out, b',');
        w.chararray(Some("a,b"));
        w.chararray(Some("say \"hi\""));
        w.long(None);
        w.chararray(Some("plain"));
        assert_eq!(out, b"\"a,b\",\"say \"\"hi\"\"\",,plain");
    }

    #[test]
    fn untyped_tuple_record() {
        let mut warn = DecodeWarnings::default();
        let mut r = FieldReader::split(b"a,,3", b',', &mut warn);
        let t = Tuple::read(&mut r).unwrap();
        assert_eq!(t.len(), 3);
        assert_eq!(t.0[1], Value::Null);
    }

    proptest::proptest! {
        #[test]
        fn fast_paths_agree_with_the_java_rules(text in "[-+ 0-9.eE]{0,12}|[0-9]{1,20}|-?[0-9]{1,19}") {
            let line = text.as_bytes();
            let mut warn = DecodeWarnings::default();
            let int = FieldReader::split(line, b'\t', &mut warn).int();
            let long = FieldReader::split(line, b'\t', &mut warn).long();
            let expected = |v: Option<i64>| if text.is_empty() { None } else { v };
            proptest::prop_assert_eq!(int.map(i64::from), expected(cast::text_to_int(&text).map(i64::from)));
            proptest::prop_assert_eq!(long, expected(cast::text_to_long(&text)));
        }
    }
}
