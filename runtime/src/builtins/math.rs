//! Pig's math functions (ABS, CEIL, FLOOR, ROUND, ROUND_TO, SQRT, CBRT, EXP, LOG, LOG10, RANDOM), with
//! `java.lang.Math` semantics. Pig's CEIL/FLOOR/SQRT/CBRT/EXP/LOG/LOG10 take a double (other numeric
//! arguments are cast to double by the planner) and return a double.

use bigdecimal::{BigDecimal, RoundingMode};
use num_bigint::BigInt;
use serde::Serialize;

use crate::data::text::PigText;
use crate::data::{cast, Double, Float};

/// `ABS(int)` (`Math.abs`: `ABS(Integer.MIN_VALUE)` is `Integer.MIN_VALUE`).
pub fn abs_int(v: i32) -> i32 {
    v.wrapping_abs()
}

/// `ABS(long)`.
pub fn abs_long(v: i64) -> i64 {
    v.wrapping_abs()
}

/// `ABS(float)`.
pub fn abs_float(v: Float) -> Float {
    Float(v.0.abs())
}

/// `ABS(double)`.
pub fn abs_double(v: Double) -> Double {
    Double(v.0.abs())
}

/// `ABS(biginteger)`.
pub fn abs_biginteger(v: &BigInt) -> BigInt {
    num_traits::Signed::abs(v)
}

/// `ABS(bigdecimal)`.
pub fn abs_bigdecimal(v: &BigDecimal) -> BigDecimal {
    v.abs()
}

/// `CEIL(x)`: `Math.ceil`.
pub fn ceil(v: Double) -> Double {
    Double(v.0.ceil())
}

/// `FLOOR(x)`: `Math.floor`.
pub fn floor(v: Double) -> Double {
    Double(v.0.floor())
}

/// `CEIL(float)`: the float's ceiling, still a float.
pub fn ceil_float(v: Float) -> Float {
    Float(v.0.ceil())
}

/// `FLOOR(float)`.
pub fn floor_float(v: Float) -> Float {
    Float(v.0.floor())
}

/// `CEIL(bigdecimal)`: rounded toward positive infinity to an integer value.
pub fn ceil_bigdecimal(v: &BigDecimal) -> BigDecimal {
    v.with_scale_round(0, RoundingMode::Ceiling)
}

/// `FLOOR(bigdecimal)`: rounded toward negative infinity to an integer value.
pub fn floor_bigdecimal(v: &BigDecimal) -> BigDecimal {
    v.with_scale_round(0, RoundingMode::Floor)
}

/// `ROUND(bigdecimal)`: the closest integer value, ties toward positive infinity (as `Math.round`).
pub fn round_bigdecimal(v: &BigDecimal) -> BigDecimal {
    let half = BigDecimal::new(5.into(), 1);
    (v + half).with_scale_round(0, RoundingMode::Floor)
}

/// Java's `Math.round(double)`: the closest long, ties toward positive infinity (`ROUND(2.5)` = 3,
/// `ROUND(-2.5)` = -2); NaN is 0; out-of-range values saturate.
fn java_round(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    let f = v.floor();
    // `v - floor(v)` is exact, so 0.49999999999999994 rounds to 0 as in Java 7+.
    let r = if v - f >= 0.5 { f + 1.0 } else { f };
    r as i64
}

/// `ROUND(double)` → long, as `Math.round(double)`.
pub fn round_double(v: Double) -> i64 {
    java_round(v.0)
}

/// `ROUND(float)` → int, as `Math.round(float)` (ties toward positive infinity, saturating).
pub fn round_float(v: Float) -> i32 {
    let x = v.0;
    if x.is_nan() {
        return 0;
    }
    let f = x.floor();
    let r = if x - f >= 0.5 { f + 1.0 } else { f };
    r as i32
}

/// Java's `RoundingMode` by ordinal, as ROUND_TO's optional third argument: 0 UP, 1 DOWN, 2 CEILING,
/// 3 FLOOR, 4 HALF_UP, 5 HALF_DOWN, 6 HALF_EVEN (the default); 7 (UNNECESSARY) and others are not
/// supported.
pub fn rounding_mode(ordinal: i32) -> Option<RoundingMode> {
    Some(match ordinal {
        0 => RoundingMode::Up,
        1 => RoundingMode::Down,
        2 => RoundingMode::Ceiling,
        3 => RoundingMode::Floor,
        4 => RoundingMode::HalfUp,
        5 => RoundingMode::HalfDown,
        6 => RoundingMode::HalfEven,
        _ => return None,
    })
}

/// The HALF_EVEN ordinal, ROUND_TO's default mode.
pub const ROUND_TO_DEFAULT_MODE: i32 = 6;

/// `ROUND_TO(x, digits [, mode])` on a double: `BigDecimal.valueOf(x).setScale(digits, mode)
/// .doubleValue()` — decimal rounding of the shortest decimal form of `x` (so `ROUND_TO(2.675, 2)` with
/// HALF_UP is 2.68, unlike binary rounding). Null for NaN/infinite input or an unsupported mode.
pub fn round_to_double(v: Double, digits: i32, mode: i32) -> Option<Double> {
    if !v.0.is_finite() {
        return None;
    }
    let bd = cast::text_to_bigdecimal(&v.to_text())?;
    let rounded = bd.with_scale_round(i64::from(digits), rounding_mode(mode)?);
    cast::text_to_double(&rounded.to_string())
}

/// `ROUND_TO(x, digits [, mode])` on a float: as for double, from the float widened to double, rounded to
/// float at the end (`BigDecimal.valueOf(float)` widens).
pub fn round_to_float(v: Float, digits: i32, mode: i32) -> Option<Float> {
    let d = round_to_double(Double(f64::from(v.0)), digits, mode)?;
    Some(Float(d.0 as f32))
}

/// `SQRT(x)`: `Math.sqrt` (NaN for negative input).
pub fn sqrt(v: Double) -> Double {
    Double(v.0.sqrt())
}

/// `CBRT(x)`: `Math.cbrt`.
pub fn cbrt(v: Double) -> Double {
    Double(v.0.cbrt())
}

/// `EXP(x)`: `Math.exp`.
pub fn exp(v: Double) -> Double {
    Double(v.0.exp())
}

/// `LOG(x)`: natural logarithm, `Math.log` (NaN for negative input, -Infinity for 0).
pub fn log(v: Double) -> Double {
    Double(v.0.ln())
}

/// `LOG10(x)`: `Math.log10`.
pub fn log10(v: Double) -> Double {
    Double(v.0.log10())
}

/// `RANDOM()`: a double in `[0, 1)`. Pig's is `Math.random()`, different on every run; pigc's is a
/// deterministic function of the script's `pigc.seed` (0 unless set), the call site (`site`, fixed by
/// the code generator) and the content of the row the call sees (its stable hash, see
/// [`crate::hash`]). So a rerun, a batch run and a streaming run all give a row the same value, which
/// keeps them equivalent (a retraction recomputes the value it retracts); equal rows get equal values,
/// and two calls in one row differ.
pub fn random<R: Serialize + ?Sized>(seed: u64, site: u64, row: &R) -> Double {
    Double(crate::hash::unit_interval(&(seed, site, row)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_is_javas_half_up() {
        assert_eq!(round_double(Double(2.5)), 3);
        assert_eq!(round_double(Double(-2.5)), -2);
        assert_eq!(round_double(Double(-2.6)), -3);
        assert_eq!(round_double(Double(0.49999999999999994)), 0);
        assert_eq!(round_double(Double(f64::NAN)), 0);
        assert_eq!(round_double(Double(1e300)), i64::MAX);
        assert_eq!(round_float(Float(1.5)), 2);
        assert_eq!(round_float(Float(-1.5)), -1);
        assert_eq!(round_float(Float(3e10)), i32::MAX);
    }

    #[test]
    fn round_to_uses_decimal_rounding() {
        assert_eq!(
            round_to_double(Double(0.9876543), 3, ROUND_TO_DEFAULT_MODE),
            Some(Double(0.988))
        );
        assert_eq!(
            round_to_double(Double(0.9876543), 0, ROUND_TO_DEFAULT_MODE),
            Some(Double(1.0))
        );
        assert_eq!(
            round_to_double(Double(2.5), 0, ROUND_TO_DEFAULT_MODE),
            Some(Double(2.0))
        );
        assert_eq!(round_to_double(Double(2.5), 0, 4), Some(Double(3.0)));
        assert_eq!(round_to_double(Double(2.675), 2, 4), Some(Double(2.68)));
        assert_eq!(round_to_double(Double(1234.5), -2, 4), Some(Double(1200.0)));
        assert_eq!(round_to_double(Double(1.5), 0, 7), None);
        assert_eq!(round_to_float(Float(1.25), 1, 6), Some(Float(1.2)));
    }

    #[test]
    fn float_and_bigdecimal_rounding() {
        use std::str::FromStr;
        let bd = |s: &str| BigDecimal::from_str(s).unwrap();
        assert_eq!(ceil_float(Float(1.2)), Float(2.0));
        assert_eq!(floor_float(Float(-1.2)), Float(-2.0));
        assert_eq!(ceil_bigdecimal(&bd("1.01")), bd("2"));
        assert_eq!(floor_bigdecimal(&bd("-1.01")), bd("-2"));
        assert_eq!(round_bigdecimal(&bd("2.5")), bd("3"));
        assert_eq!(round_bigdecimal(&bd("-2.5")), bd("-2"));
        assert_eq!(round_bigdecimal(&bd("-2.51")), bd("-3"));
    }

    #[test]
    fn abs_and_friends() {
        assert_eq!(abs_int(-3), 3);
        assert_eq!(abs_int(i32::MIN), i32::MIN);
        assert_eq!(abs_double(Double(-0.5)), Double(0.5));
        assert_eq!(abs_biginteger(&BigInt::from(-7)), BigInt::from(7));
        assert_eq!(ceil(Double(1.2)), Double(2.0));
        assert_eq!(floor(Double(-1.2)), Double(-2.0));
        assert_eq!(sqrt(Double(9.0)), Double(3.0));
        assert!(sqrt(Double(-1.0)).0.is_nan());
        assert_eq!(cbrt(Double(27.0)), Double(3.0));
        assert_eq!(log(Double(0.0)), Double(f64::NEG_INFINITY));
        assert_eq!(log10(Double(1000.0)), Double(3.0));
        assert_eq!(exp(Double(0.0)), Double(1.0));
    }

    #[test]
    fn random_is_a_function_of_seed_site_and_row() {
        let x = random(0, 1, &("a", 1i32));
        assert_eq!(x, random(0, 1, &("a", 1i32)));
        assert_ne!(x, random(1, 1, &("a", 1i32)));
        assert_ne!(x, random(0, 2, &("a", 1i32)));
        assert_ne!(x, random(0, 1, &("a", 2i32)));
        let values: Vec<f64> = (0..1000).map(|i| random(7, 0, &i).0).collect();
        assert!(values.iter().all(|v| (0.0..1.0).contains(v)));
        let mean = values.iter().sum::<f64>() / 1000.0;
        assert!((0.4..0.6).contains(&mean), "mean {mean}");
    }
}
