//! Casts, as Pig performs them: from text (a bytearray or chararray field) to every type, and from a
//! dynamically typed [`Value`] to every type. A value that does not convert gives null (Pig logs a
//! `FIELD_DISCARDED_TYPE_CONVERSION_FAILED` warning and goes on).
//!
//! Text to number follows Pig's `Utf8StorageConverter` (the `LoadCaster` of PigStorage):
//! - int: `Integer.valueOf(s)`; if that fails, `Double.valueOf(s)` truncated toward zero, null when it is
//!   outside `(Integer.MIN_VALUE - 1, Integer.MAX_VALUE + 1)`. So `"12"` → 12, `" 12 "` → 12 (Java's
//!   `Double.valueOf` trims), `"1.9"` → 1, `"1e3"` → 1000, `"12abc"` → null, `""` → null.
//! - long: as int, after dropping one trailing `L`/`l` (`"12L"` → 12).
//! - float: `Float.valueOf(s)` after dropping one trailing `F`/`f`; double: `Double.valueOf(s)`. Both accept
//!   surrounding whitespace (chars ≤ U+0020), a sign, `NaN`, `Infinity`, exponents and a `d`/`f` suffix.
//! - boolean: `true`/`false` in any case, anything else null (no trimming).
//! - datetime: the ISO-8601 forms of [`super::datetime::parse_iso`], in UTC when no offset is given.
//! - biginteger / bigdecimal: `new BigInteger(s)` / `new BigDecimal(s)` (no whitespace allowed).
//! - tuple, bag, map: Pig's text forms, see [`super::nested`].

use std::str::FromStr;

use bigdecimal::{BigDecimal, ToPrimitive};
use num_bigint::BigInt;

use super::datetime::{self, DateTime};
use super::nested;
use super::text::PigText;
use super::{Bag, Bytes, Double, Float, PigMap, Tuple, Value};

/// Java's `String.trim`: strips chars ≤ U+0020 at both ends.
#[inline]
fn java_trim(s: &str) -> &str {
    s.trim_matches(|c: char| c <= ' ')
}

/// `Double.valueOf(s)`: Java's decimal floating-point syntax (hexadecimal floats are not supported).
pub fn parse_java_double(s: &str) -> Option<f64> {
    let body = java_number_body(s)?;
    match body.trim_start_matches(['+', '-']) {
        "NaN" => Some(f64::NAN),
        "Infinity" => Some(if body.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        }),
        _ => body.parse().ok(),
    }
}

/// `Float.valueOf(s)`: as [`parse_java_double`], rounded once, directly to `f32`.
pub fn parse_java_float(s: &str) -> Option<f32> {
    let body = java_number_body(s)?;
    match body.trim_start_matches(['+', '-']) {
        "NaN" => Some(f32::NAN),
        "Infinity" => Some(if body.starts_with('-') {
            f32::NEG_INFINITY
        } else {
            f32::INFINITY
        }),
        _ => body.parse().ok(),
    }
}

/// Trims, drops a `d`/`D`/`f`/`F` suffix and checks the characters Java accepts, so that Rust's parser
/// (which also takes `inf`, `nan`, `infinity`) accepts no more than Java's.
fn java_number_body(s: &str) -> Option<&str> {
    let t = java_trim(s);
    let unsigned = t.trim_start_matches(['+', '-']);
    if t.len() - unsigned.len() > 1 {
        return None;
    }
    if unsigned == "NaN" || unsigned == "Infinity" {
        return Some(t);
    }
    let t = t.strip_suffix(['d', 'D', 'f', 'F']).unwrap_or(t);
    let ok = t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    ok.then_some(t)
}

/// Text → int, as Pig's `bytesToInteger`.
pub fn text_to_int(s: &str) -> Option<i32> {
    if let Ok(v) = s.parse::<i32>() {
        return Some(v);
    }
    // `Double.compare(NaN, x) > 0`, so NaN counts as too large, as do both infinities.
    let d = parse_java_double(s).filter(|d| !d.is_nan())?;
    let too_big = d >= f64::from(i32::MAX) + 1.0 || d <= f64::from(i32::MIN) - 1.0;
    (!too_big).then_some(d as i32)
}

/// Text → long, as Pig's `bytesToLong`.
pub fn text_to_long(s: &str) -> Option<i64> {
    let s = s.strip_suffix(['L', 'l']).unwrap_or(s);
    if let Ok(v) = s.parse::<i64>() {
        return Some(v);
    }
    let d = parse_java_double(s).filter(|d| !d.is_nan())?;
    let too_big = d > i64::MAX as f64 + 1.0 || d < i64::MIN as f64 - 1.0;
    (!too_big).then_some(d as i64)
}

/// Text → float, as Pig's `bytesToFloat`.
pub fn text_to_float(s: &str) -> Option<Float> {
    let s = s.strip_suffix(['F', 'f']).unwrap_or(s);
    parse_java_float(s).map(Float)
}

/// Text → double, as Pig's `bytesToDouble`.
pub fn text_to_double(s: &str) -> Option<Double> {
    parse_java_double(s).map(Double)
}

/// Text → boolean, as Pig's `bytesToBoolean`: `true`/`false` ignoring case, else null.
pub fn text_to_boolean(s: &str) -> Option<bool> {
    if s.eq_ignore_ascii_case("true") {
        Some(true)
    } else if s.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// Text → datetime (ISO-8601, UTC when no offset is given).
pub fn text_to_datetime(s: &str) -> Option<DateTime> {
    datetime::parse_iso(s, datetime::utc())
}

/// Text → biginteger, as `new BigInteger(s)`.
pub fn text_to_biginteger(s: &str) -> Option<BigInt> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    BigInt::from_str(s).ok()
}

/// Text → bigdecimal, as `new BigDecimal(s)`.
pub fn text_to_bigdecimal(s: &str) -> Option<BigDecimal> {
    let ok = s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    if !ok {
        return None;
    }
    BigDecimal::from_str(s).ok()
}

/// Bytes as UTF-8 text, or `None` when they are not valid UTF-8 (a number cannot be read from them).
#[inline]
fn utf8(b: &[u8]) -> Option<&str> {
    std::str::from_utf8(b).ok()
}

/// Bytearray → int.
#[inline]
pub fn bytes_to_int(b: &[u8]) -> Option<i32> {
    text_to_int(utf8(b)?)
}

/// Bytearray → long.
#[inline]
pub fn bytes_to_long(b: &[u8]) -> Option<i64> {
    text_to_long(utf8(b)?)
}

/// Bytearray → float.
#[inline]
pub fn bytes_to_float(b: &[u8]) -> Option<Float> {
    text_to_float(utf8(b)?)
}

/// Bytearray → double.
#[inline]
pub fn bytes_to_double(b: &[u8]) -> Option<Double> {
    text_to_double(utf8(b)?)
}

/// Bytearray → chararray (invalid UTF-8 sequences become U+FFFD, as Java's decoder does).
#[inline]
pub fn bytes_to_chararray(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Bytearray → boolean.
#[inline]
pub fn bytes_to_boolean(b: &[u8]) -> Option<bool> {
    text_to_boolean(utf8(b)?)
}

/// Bytearray → datetime.
#[inline]
pub fn bytes_to_datetime(b: &[u8]) -> Option<DateTime> {
    text_to_datetime(utf8(b)?)
}

/// Bytearray → biginteger.
#[inline]
pub fn bytes_to_biginteger(b: &[u8]) -> Option<BigInt> {
    text_to_biginteger(utf8(b)?)
}

/// Bytearray → bigdecimal.
#[inline]
pub fn bytes_to_bigdecimal(b: &[u8]) -> Option<BigDecimal> {
    text_to_bigdecimal(utf8(b)?)
}

/// Bytearray → tuple, parsing Pig's text form `(a,b,…)`.
#[inline]
pub fn bytes_to_tuple(b: &[u8]) -> Option<Tuple> {
    nested::parse_tuple(b)
}

/// Bytearray → bag, parsing Pig's text form `{(a),(b)}`.
#[inline]
pub fn bytes_to_bag(b: &[u8]) -> Option<Bag<Tuple>> {
    nested::parse_bag(b)
}

/// Bytearray → map, parsing Pig's text form `[k#v,…]`.
#[inline]
pub fn bytes_to_map(b: &[u8]) -> Option<PigMap> {
    nested::parse_map(b)
}

/// Numeric value of a number-like `Value` as `f64` (used by the numeric casts).
fn numeric_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Boolean(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Int(i) => Some(f64::from(*i)),
        Value::Long(l) => Some(*l as f64),
        Value::Float(f) => Some(f64::from(f.0)),
        Value::Double(d) => Some(d.0),
        Value::DateTime(d) => Some(datetime::epoch_millis(d) as f64),
        Value::BigInteger(b) => b.to_f64(),
        Value::BigDecimal(b) => b.to_f64(),
        _ => None,
    }
}

/// Low 64 bits of an integer-like `Value` (Java's `longValue()` on integer types, truncation of
/// fractional ones).
fn integral_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Boolean(b) => Some(i64::from(*b)),
        Value::Int(i) => Some(i64::from(*i)),
        Value::Long(l) => Some(*l),
        Value::Float(f) => Some(f.0 as i64),
        Value::Double(d) => Some(d.0 as i64),
        Value::DateTime(d) => Some(datetime::epoch_millis(d)),
        Value::BigInteger(b) => Some(low_i64(b)),
        Value::BigDecimal(b) => Some(low_i64(&b.with_scale(0).as_bigint_and_exponent().0)),
        _ => None,
    }
}

/// `BigInteger.longValue()`: the low 64 bits, two's complement.
fn low_i64(b: &BigInt) -> i64 {
    let mut digits = b.to_signed_bytes_le();
    let fill = if b.sign() == num_bigint::Sign::Minus {
        0xff
    } else {
        0
    };
    digits.resize(8, fill);
    let mut le = [0u8; 8];
    le.copy_from_slice(&digits[..8]);
    i64::from_le_bytes(le)
}

impl Value {
    /// Cast to int (`(int)v`): numbers narrow as Java's `intValue()` does, text parses as
    /// [`text_to_int`], other types give null.
    pub fn to_int(&self) -> Option<i32> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Float(f) => Some(f.0 as i32),
            Value::Double(d) => Some(d.0 as i32),
            Value::Bytes(b) => bytes_to_int(&b.0),
            Value::Chararray(s) => text_to_int(s),
            other => integral_i64(other).map(|l| l as i32),
        }
    }

    /// Cast to long.
    pub fn to_long(&self) -> Option<i64> {
        match self {
            Value::Bytes(b) => bytes_to_long(&b.0),
            Value::Chararray(s) => text_to_long(s),
            other => integral_i64(other),
        }
    }

    /// Cast to float.
    pub fn to_float(&self) -> Option<Float> {
        match self {
            Value::Float(f) => Some(*f),
            Value::Int(i) => Some(Float(*i as f32)),
            Value::Long(l) => Some(Float(*l as f32)),
            Value::Bytes(b) => bytes_to_float(&b.0),
            Value::Chararray(s) => text_to_float(s),
            other => numeric_f64(other).map(|d| Float(d as f32)),
        }
    }

    /// Cast to double.
    pub fn to_double(&self) -> Option<Double> {
        match self {
            Value::Bytes(b) => bytes_to_double(&b.0),
            Value::Chararray(s) => text_to_double(s),
            other => numeric_f64(other).map(Double),
        }
    }

    /// Cast to boolean: text as [`text_to_boolean`], numbers are true when non-zero.
    pub fn to_boolean(&self) -> Option<bool> {
        match self {
            Value::Boolean(b) => Some(*b),
            Value::Bytes(b) => bytes_to_boolean(&b.0),
            Value::Chararray(s) => text_to_boolean(s),
            Value::DateTime(_) | Value::Map(_) | Value::Tuple(_) | Value::Bag(_) | Value::Null => {
                None
            }
            other => numeric_f64(other).map(|d| d != 0.0),
        }
    }

    /// Cast to chararray: bytearray as UTF-8, scalars in their text form (`1.0E10`, `true`, ISO datetimes),
    /// complex values in Pig's text form.
    pub fn to_chararray(&self) -> Option<String> {
        match self {
            Value::Null => None,
            Value::Chararray(s) => Some(s.clone()),
            Value::Bytes(b) => Some(bytes_to_chararray(&b.0)),
            other => Some(other.to_text()),
        }
    }

    /// Cast to bytearray: the bytes of the text form.
    pub fn to_bytes(&self) -> Option<Bytes> {
        match self {
            Value::Null => None,
            Value::Bytes(b) => Some(b.clone()),
            other => {
                let mut out = Vec::new();
                other.write_text(&mut out);
                Some(Bytes(out))
            }
        }
    }

    /// Cast to datetime: text as ISO-8601, int/long as milliseconds since the epoch.
    pub fn to_datetime(&self) -> Option<DateTime> {
        match self {
            Value::DateTime(d) => Some(*d),
            Value::Bytes(b) => bytes_to_datetime(&b.0),
            Value::Chararray(s) => text_to_datetime(s),
            Value::Int(i) => datetime::from_epoch_millis(i64::from(*i)),
            Value::Long(l) => datetime::from_epoch_millis(*l),
            _ => None,
        }
    }

    /// Cast to biginteger (fractional values truncate toward zero).
    pub fn to_biginteger(&self) -> Option<BigInt> {
        match self {
            Value::BigInteger(b) => Some(b.clone()),
            Value::BigDecimal(b) => Some(b.with_scale(0).as_bigint_and_exponent().0),
            Value::Float(_) | Value::Double(_) => self
                .to_bigdecimal()
                .map(|b| b.with_scale(0).as_bigint_and_exponent().0),
            Value::Bytes(b) => bytes_to_biginteger(&b.0),
            Value::Chararray(s) => text_to_biginteger(s),
            other => integral_i64(other).map(BigInt::from),
        }
    }

    /// Cast to bigdecimal (floats via their Java text form, as `BigDecimal.valueOf(double)`).
    pub fn to_bigdecimal(&self) -> Option<BigDecimal> {
        match self {
            Value::BigDecimal(b) => Some(b.clone()),
            Value::BigInteger(b) => Some(BigDecimal::from(b.clone())),
            Value::Float(f) if f.0.is_finite() => text_to_bigdecimal(&f.to_text()),
            Value::Double(d) if d.0.is_finite() => text_to_bigdecimal(&d.to_text()),
            Value::Float(_) | Value::Double(_) => None,
            Value::Bytes(b) => bytes_to_bigdecimal(&b.0),
            Value::Chararray(s) => text_to_bigdecimal(s),
            other => integral_i64(other).map(BigDecimal::from),
        }
    }

    /// Cast to map: maps as they are, text parsed as Pig's map form.
    pub fn to_map(&self) -> Option<PigMap> {
        match self {
            Value::Map(m) => Some(m.clone()),
            Value::Bytes(b) => bytes_to_map(&b.0),
            Value::Chararray(s) => bytes_to_map(s.as_bytes()),
            _ => None,
        }
    }

    /// Cast to tuple: tuples as they are, text parsed as Pig's tuple form.
    pub fn to_tuple(&self) -> Option<Tuple> {
        match self {
            Value::Tuple(t) => Some(t.clone()),
            Value::Bytes(b) => bytes_to_tuple(&b.0),
            Value::Chararray(s) => bytes_to_tuple(s.as_bytes()),
            _ => None,
        }
    }

    /// Cast to bag: bags as they are, text parsed as Pig's bag form.
    pub fn to_bag(&self) -> Option<Bag<Tuple>> {
        match self {
            Value::Bag(b) => Some(b.clone()),
            Value::Bytes(b) => bytes_to_bag(&b.0),
            Value::Chararray(s) => bytes_to_bag(s.as_bytes()),
            _ => None,
        }
    }
}

/// Conversion from a dynamically typed [`Value`] to a typed field, with Pig's cast rules. Implemented
/// for every scalar type, `Option<T>`, [`Tuple`], [`Bag<T>`], [`PigMap`] and `Value`; generated tuple
/// structs implement it field by field so that nested data read as text or JSON becomes typed.
pub trait FromValue: Sized {
    /// Converts `v`; `None` when it is null or does not convert.
    fn from_value(v: &Value) -> Option<Self>;
}

macro_rules! from_value_via {
    ($($t:ty => $method:ident),* $(,)?) => {
        $(impl FromValue for $t {
            #[inline]
            fn from_value(v: &Value) -> Option<Self> {
                v.$method()
            }
        })*
    };
}

from_value_via!(
    i32 => to_int,
    i64 => to_long,
    Float => to_float,
    Double => to_double,
    bool => to_boolean,
    String => to_chararray,
    Bytes => to_bytes,
    DateTime => to_datetime,
    BigInt => to_biginteger,
    BigDecimal => to_bigdecimal,
    PigMap => to_map,
    Tuple => to_tuple,
);

impl Tuple {
    /// Field `i` converted to `T` with Pig's casts; null when missing, null or not convertible. What a
    /// generated tuple struct's `FromValue` impl calls per field.
    pub fn field_as<T: FromValue>(&self, i: usize) -> Option<T> {
        self.get(i).and_then(T::from_value)
    }
}

impl FromValue for Value {
    #[inline]
    fn from_value(v: &Value) -> Option<Self> {
        (!v.is_null()).then(|| v.clone())
    }
}

impl<T: FromValue> FromValue for Bag<T> {
    fn from_value(v: &Value) -> Option<Self> {
        let bag = v.to_bag()?;
        Some(
            bag.into_iter()
                .filter_map(|t| T::from_value(&Value::Tuple(t)))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_to_int_follows_utf8_storage_converter() {
        assert_eq!(text_to_int("12"), Some(12));
        assert_eq!(text_to_int("-12"), Some(-12));
        assert_eq!(text_to_int("+12"), Some(12));
        assert_eq!(text_to_int(" 12 "), Some(12));
        assert_eq!(text_to_int("1.9"), Some(1));
        assert_eq!(text_to_int("-1.9"), Some(-1));
        assert_eq!(text_to_int("1e3"), Some(1000));
        assert_eq!(text_to_int("12abc"), None);
        assert_eq!(text_to_int(""), None);
        assert_eq!(text_to_int("abc"), None);
        assert_eq!(text_to_int("2147483647"), Some(i32::MAX));
        assert_eq!(text_to_int("2147483648"), None);
        assert_eq!(text_to_int("2147483647.5"), Some(i32::MAX));
        assert_eq!(text_to_int("-2147483648"), Some(i32::MIN));
        assert_eq!(text_to_int("inf"), None);
        assert_eq!(text_to_int("NaN"), None);
        assert_eq!(text_to_int("Infinity"), None);
        assert_eq!(text_to_int("1.5d"), Some(1));
    }

    #[test]
    fn text_to_long_accepts_l_suffix() {
        assert_eq!(text_to_long("12L"), Some(12));
        assert_eq!(text_to_long("9223372036854775807"), Some(i64::MAX));
        assert_eq!(text_to_long("1e19"), None);
        assert_eq!(text_to_long("3.7"), Some(3));
        assert_eq!(text_to_long("x"), None);
    }

    #[test]
    fn text_to_floats_follow_java() {
        assert_eq!(text_to_double("1.5"), Some(Double(1.5)));
        assert_eq!(text_to_double(" 1.5 "), Some(Double(1.5)));
        assert_eq!(text_to_double("1e10"), Some(Double(1e10)));
        assert_eq!(text_to_double("-Infinity"), Some(Double(f64::NEG_INFINITY)));
        assert!(text_to_double("NaN").unwrap().0.is_nan());
        assert_eq!(text_to_double("nan"), None);
        assert_eq!(text_to_double("inf"), None);
        assert_eq!(text_to_double("1.5x"), None);
        assert_eq!(text_to_double(""), None);
        assert_eq!(text_to_double("--1"), None);
        assert_eq!(text_to_float("2.5f"), Some(Float(2.5)));
        assert_eq!(text_to_float("0.1"), Some(Float(0.1)));
    }

    #[test]
    fn text_to_boolean_is_exact_ignoring_case() {
        assert_eq!(text_to_boolean("TRUE"), Some(true));
        assert_eq!(text_to_boolean("false"), Some(false));
        assert_eq!(text_to_boolean(" true"), None);
        assert_eq!(text_to_boolean("1"), None);
    }

    #[test]
    fn big_numbers_parse_strictly() {
        assert_eq!(text_to_biginteger("-123"), Some(BigInt::from(-123)));
        assert_eq!(text_to_biginteger("1_000"), None);
        assert_eq!(text_to_biginteger(" 1"), None);
        assert_eq!(
            text_to_bigdecimal("1.50").unwrap(),
            BigDecimal::from_str("1.5").unwrap()
        );
        assert_eq!(text_to_bigdecimal("abc"), None);
    }

    #[test]
    fn value_casts() {
        assert_eq!(Value::Long(1 << 33 | 5).to_int(), Some(5));
        assert_eq!(Value::Double(Double(1e20)).to_int(), Some(i32::MAX));
        assert_eq!(Value::Double(Double(f64::NAN)).to_long(), Some(0));
        assert_eq!(Value::Double(Double(-2.7)).to_int(), Some(-2));
        assert_eq!(Value::Int(3).to_double(), Some(Double(3.0)));
        assert_eq!(
            Value::Double(Double(1e10)).to_chararray().as_deref(),
            Some("1.0E10")
        );
        assert_eq!(Value::Bytes(Bytes::from("42")).to_long(), Some(42));
        assert_eq!(Value::Chararray("x".into()).to_int(), None);
        assert_eq!(Value::Null.to_chararray(), None);
        assert_eq!(Value::Int(0).to_boolean(), Some(false));
        assert_eq!(
            Value::Double(Double(0.1)).to_bigdecimal(),
            Some(BigDecimal::from_str("0.1").unwrap())
        );
        assert_eq!(
            Value::Double(Double(-2.5)).to_biginteger(),
            Some(BigInt::from(-2))
        );
        assert_eq!(
            Value::BigInteger(BigInt::from(1u64 << 63)).to_long(),
            Some(i64::MIN)
        );
        assert_eq!(
            Value::Long(0).to_datetime().map(|d| d.timestamp_millis()),
            Some(0)
        );
    }

    #[test]
    fn from_value_for_typed_bags() {
        let v = Value::Bytes(Bytes::from("{(1),(x),(3)}"));
        let bag: Bag<Tuple> = FromValue::from_value(&v).unwrap();
        assert_eq!(bag.len(), 3);
        assert_eq!(i32::from_value(&Value::Bytes(Bytes::from("7"))), Some(7));
        let t = Tuple(vec![Value::Bytes(Bytes::from("1.5")), Value::Null]);
        assert_eq!(t.field_as::<Double>(0), Some(Double(1.5)));
        assert_eq!(t.field_as::<i32>(1), None);
        assert_eq!(t.field_as::<i32>(9), None);
    }
}
