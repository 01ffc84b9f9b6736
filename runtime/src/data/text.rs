//! Pig's text form of values: what `PigStorage` writes and what a cast to chararray produces.
//!
//! Numbers print as Java prints them (`Integer.toString`, `Double.toString`: `1.0`, `1.0E10`, `1.0E-4`,
//! `NaN`, `Infinity`), booleans as `true`/`false`, datetimes as Joda's ISO form with milliseconds
//! (`2009-01-07T01:07:01.000Z`, `…+08:00`), tuples as `(a,b)`, bags as `{(a),(b)}`, maps as `[k#v,k2#v2]`,
//! null as nothing (an empty field).

use std::fmt;

use bigdecimal::BigDecimal;
use num_bigint::BigInt;

use super::{Bag, Bytes, DateTime, Double, Float, PigMap, Tuple, Value};

/// Writing a value's Pig text form into a byte buffer.
pub trait PigText {
    /// Appends Pig's text form of `self` to `out`.
    fn write_text(&self, out: &mut Vec<u8>);

    /// Pig's text form as a `String` (a cast to chararray).
    fn to_text(&self) -> String {
        let mut out = Vec::new();
        self.write_text(&mut out);
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

impl PigText for i32 {
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(itoa::Buffer::new().format(*self).as_bytes());
    }
}

impl PigText for i64 {
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(itoa::Buffer::new().format(*self).as_bytes());
    }
}

impl PigText for bool {
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

impl PigText for Double {
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>) {
        write_java_double(out, self.0);
    }
}

impl PigText for Float {
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>) {
        write_java_float(out, self.0);
    }
}

impl PigText for str {
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.as_bytes());
    }
}

impl PigText for String {
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.as_bytes());
    }
}

impl PigText for Bytes {
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0);
    }
}

impl PigText for DateTime {
    /// Joda's `DateTime.toString()`: `yyyy-MM-ddTHH:mm:ss.SSS` and the offset (`Z` for UTC, else
    /// `+08:00`), written without going through a format string.
    fn write_text(&self, out: &mut Vec<u8>) {
        use chrono::{Datelike, Timelike};
        let local = self.naive_local();
        let year = local.year();
        if !(0..=9999).contains(&year) {
            use std::io::Write;
            // Writing into a Vec cannot fail.
            let _ = write!(out, "{}", self.format("%Y-%m-%dT%H:%M:%S%.3f%:z"));
            return;
        }
        let two = |out: &mut Vec<u8>, v: u32| {
            out.push(b'0' + (v / 10 % 10) as u8);
            out.push(b'0' + (v % 10) as u8);
        };
        let y = year as u32;
        two(out, y / 100);
        two(out, y % 100);
        out.push(b'-');
        two(out, local.month());
        out.push(b'-');
        two(out, local.day());
        out.push(b'T');
        two(out, local.hour());
        out.push(b':');
        two(out, local.minute());
        out.push(b':');
        two(out, local.second());
        out.push(b'.');
        let millis = local.nanosecond() / 1_000_000 % 1000;
        out.push(b'0' + (millis / 100) as u8);
        two(out, millis % 100);
        let offset = self.offset().local_minus_utc();
        if offset == 0 {
            out.push(b'Z');
            return;
        }
        out.push(if offset < 0 { b'-' } else { b'+' });
        let abs = offset.unsigned_abs();
        two(out, abs / 3600);
        out.push(b':');
        two(out, abs / 60 % 60);
    }
}

impl PigText for BigInt {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.to_string().as_bytes());
    }
}

impl PigText for BigDecimal {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.to_string().as_bytes());
    }
}

impl<T: PigText> PigText for Option<T> {
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>) {
        if let Some(v) = self {
            v.write_text(out);
        }
    }
}

impl<T: PigText + ?Sized> PigText for &T {
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>) {
        (**self).write_text(out);
    }
}

impl PigText for Tuple {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        for (i, v) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            v.write_text(out);
        }
        out.push(b')');
    }
}

impl<T: PigText> PigText for Bag<T> {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'{');
        for (i, t) in self.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            t.write_text(out);
        }
        out.push(b'}');
    }
}

impl PigText for PigMap {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, (k, v)) in self.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(k.as_bytes());
            out.push(b'#');
            v.write_text(out);
        }
        out.push(b']');
    }
}

impl PigText for Value {
    fn write_text(&self, out: &mut Vec<u8>) {
        match self {
            Value::Null => {}
            Value::Boolean(v) => v.write_text(out),
            Value::Int(v) => v.write_text(out),
            Value::Long(v) => v.write_text(out),
            Value::Float(v) => v.write_text(out),
            Value::Double(v) => v.write_text(out),
            Value::DateTime(v) => v.write_text(out),
            Value::Bytes(v) => v.write_text(out),
            Value::Chararray(v) => v.write_text(out),
            Value::BigInteger(v) => v.write_text(out),
            Value::BigDecimal(v) => v.write_text(out),
            Value::Map(v) => v.write_text(out),
            Value::Tuple(v) => v.write_text(out),
            Value::Bag(v) => v.write_text(out),
        }
    }
}

/// Appends a tuple's text form `(f1,f2,…)` from its fields: what a generated tuple struct's `PigText`
/// impl calls, e.g. `write_tuple(out, &[&self.name, &self.age])`.
pub fn write_tuple(out: &mut Vec<u8>, fields: &[&dyn PigText]) {
    out.push(b'(');
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        f.write_text(out);
    }
    out.push(b')');
}

macro_rules! display_via_text {
    ($($t:ty),*) => {
        $(impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut out = Vec::new();
                self.write_text(&mut out);
                f.write_str(&String::from_utf8_lossy(&out))
            }
        })*
    };
}

display_via_text!(Double, Float, Bytes, Tuple, PigMap, Value);

impl<T: PigText> fmt::Display for Bag<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = Vec::new();
        self.write_text(&mut out);
        f.write_str(&String::from_utf8_lossy(&out))
    }
}

/// A small stack buffer for `{:e}` formatting without allocating.
struct StackBuf {
    buf: [u8; 48],
    len: usize,
}

impl fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Appends `v` as Java's `Double.toString` prints it.
pub fn write_java_double(out: &mut Vec<u8>, v: f64) {
    if !v.is_finite() || v == 0.0 {
        return write_special(out, v.is_nan(), v.is_sign_negative(), v.is_infinite());
    }
    let mut buf = StackBuf {
        buf: [0; 48],
        len: 0,
    };
    // `{:e}` prints the shortest digits that round-trip, e.g. `1.2345e4`; it fits the buffer.
    if fmt::write(&mut buf, format_args!("{v:e}")).is_err() {
        out.extend_from_slice(v.to_string().as_bytes());
        return;
    }
    layout_java(out, &buf.buf[..buf.len], v.abs() >= 1e-3 && v.abs() < 1e7);
}

/// Appends `v` as Java's `Float.toString` prints it.
pub fn write_java_float(out: &mut Vec<u8>, v: f32) {
    if !v.is_finite() || v == 0.0 {
        return write_special(out, v.is_nan(), v.is_sign_negative(), v.is_infinite());
    }
    let mut buf = StackBuf {
        buf: [0; 48],
        len: 0,
    };
    if fmt::write(&mut buf, format_args!("{v:e}")).is_err() {
        out.extend_from_slice(v.to_string().as_bytes());
        return;
    }
    layout_java(out, &buf.buf[..buf.len], v.abs() >= 1e-3 && v.abs() < 1e7);
}

fn write_special(out: &mut Vec<u8>, nan: bool, negative: bool, infinite: bool) {
    let s: &[u8] = match (nan, infinite, negative) {
        (true, _, _) => b"NaN",
        (false, true, false) => b"Infinity",
        (false, true, true) => b"-Infinity",
        (false, false, false) => b"0.0",
        (false, false, true) => b"-0.0",
    };
    out.extend_from_slice(s);
}

/// Lays out Rust's `d.ddde±x` as Java does: plain decimal when `plain`, else `d.dddE±x`; always at least
/// one digit after the point.
fn layout_java(out: &mut Vec<u8>, sci: &[u8], plain: bool) {
    let (negative, sci) = match sci.first() {
        Some(b'-') => (true, &sci[1..]),
        _ => (false, sci),
    };
    let e_at = sci.iter().position(|&b| b == b'e').unwrap_or(sci.len());
    let mantissa = &sci[..e_at];
    let exp: i32 = std::str::from_utf8(sci.get(e_at + 1..).unwrap_or_default())
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut digits = [0u8; 40];
    let mut n = 0;
    for &b in mantissa {
        if b.is_ascii_digit() && n < digits.len() {
            digits[n] = b;
            n += 1;
        }
    }
    let digits = &digits[..n];
    if negative {
        out.push(b'-');
    }
    if plain {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            for i in 0..int_len {
                out.push(*digits.get(i).unwrap_or(&b'0'));
            }
            out.push(b'.');
            if digits.len() > int_len {
                out.extend_from_slice(&digits[int_len..]);
            } else {
                out.push(b'0');
            }
        } else {
            out.extend_from_slice(b"0.");
            for _ in 0..(-exp - 1) {
                out.push(b'0');
            }
            out.extend_from_slice(digits);
        }
    } else {
        out.push(digits.first().copied().unwrap_or(b'0'));
        out.push(b'.');
        if digits.len() > 1 {
            out.extend_from_slice(&digits[1..]);
        } else {
            out.push(b'0');
        }
        out.push(b'E');
        out.extend_from_slice(itoa::Buffer::new().format(exp).as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, TimeZone};

    fn d(v: f64) -> String {
        Double(v).to_text()
    }

    #[test]
    fn doubles_print_as_java() {
        assert_eq!(d(1.0), "1.0");
        assert_eq!(d(-2.5), "-2.5");
        assert_eq!(d(1e10), "1.0E10");
        assert_eq!(d(1.2345e10), "1.2345E10");
        assert_eq!(d(1e7), "1.0E7");
        assert_eq!(d(9999999.0), "9999999.0");
        assert_eq!(d(0.001), "0.001");
        assert_eq!(d(0.0001), "1.0E-4");
        assert_eq!(d(-1.5e-7), "-1.5E-7");
        assert_eq!(d(123.456), "123.456");
        assert_eq!(d(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(d(0.0), "0.0");
        assert_eq!(d(-0.0), "-0.0");
        assert_eq!(d(f64::NAN), "NaN");
        assert_eq!(d(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(d(100.0), "100.0");
    }

    #[test]
    fn floats_print_as_java() {
        assert_eq!(Float(0.1).to_text(), "0.1");
        assert_eq!(Float(3.0).to_text(), "3.0");
        assert_eq!(Float(1.0e10).to_text(), "1.0E10");
    }

    #[test]
    fn nested_forms() {
        let mut m = PigMap::new();
        m.insert("a", Value::Int(1));
        m.insert("b", Value::Null);
        let t = Tuple(vec![
            Value::from("x"),
            Value::Null,
            Value::Map(m),
            Value::Bag(
                [Tuple(vec![Value::Int(1)]), Tuple(vec![Value::Int(2)])]
                    .into_iter()
                    .collect(),
            ),
        ]);
        assert_eq!(t.to_text(), "(x,,[a#1,b#],{(1),(2)})");
        assert_eq!(Some(3i64).to_text(), "3");
        let mut out = Vec::new();
        write_tuple(&mut out, &[&Some(1i32), &None::<String>, &"z"]);
        assert_eq!(out, b"(1,,z)");
        assert_eq!(None::<i64>.to_text(), "");
        assert_eq!(true.to_text(), "true");
    }

    #[test]
    fn datetimes_print_as_joda() {
        let utc = crate::data::datetime::utc();
        let dt = utc.timestamp_millis_opt(1_231_290_000_123).unwrap();
        assert_eq!(dt.to_text(), "2009-01-07T01:00:00.123Z");
        let plus8 = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
        assert_eq!(
            dt.with_timezone(&plus8).to_text(),
            "2009-01-07T09:00:00.123+08:00"
        );
    }

    proptest::proptest! {
        #[test]
        fn java_double_text_round_trips(bits in proptest::prelude::any::<u64>()) {
            let v = f64::from_bits(bits);
            let text = Double(v).to_text();
            let back = crate::data::cast::text_to_double(&text).unwrap();
            proptest::prop_assert_eq!(back, Double(v));
            if v.is_finite() && v != 0.0 {
                let plain = v.abs() >= 1e-3 && v.abs() < 1e7;
                proptest::prop_assert_eq!(!text.contains('E'), plain, "{}", text);
                proptest::prop_assert!(text.contains('.'));
            }
        }

        #[test]
        fn java_float_text_round_trips(bits in proptest::prelude::any::<u32>()) {
            let v = f32::from_bits(bits);
            let back = crate::data::cast::text_to_float(&Float(v).to_text()).unwrap();
            proptest::prop_assert_eq!(back, Float(v));
        }
    }

    proptest::proptest! {
        #[test]
        fn datetime_text_round_trips(
            millis in -62_135_596_800_000i64..253_402_300_799_000,
            offset_minutes in -(18 * 60)..(18 * 60),
        ) {
            let zone = chrono::FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let dt = crate::data::datetime::from_epoch_millis(millis).unwrap().with_timezone(&zone);
            if dt.naive_local().year() < 0 || dt.naive_local().year() > 9999 {
                return Ok(());
            }
            let text = dt.to_text();
            let back = crate::data::cast::text_to_datetime(&text).unwrap();
            proptest::prop_assert_eq!(back, dt);
            proptest::prop_assert_eq!(back.offset(), dt.offset());
            proptest::prop_assert_eq!(text, dt.format(if offset_minutes == 0 { "%Y-%m-%dT%H:%M:%S%.3fZ" } else { "%Y-%m-%dT%H:%M:%S%.3f%:z" }).to_string());
        }
    }
}
