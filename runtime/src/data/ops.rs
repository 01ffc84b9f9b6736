//! Pig's null semantics for expressions, as plain functions generated code calls.
//!
//! - Boolean logic is three-valued: `false AND null` is `false`, `true AND null` is null, `true OR null`
//!   is `true`, `NOT null` is null. A FILTER keeps a record only when its condition is `Some(true)`.
//! - Comparisons and arithmetic with a null operand give null.
//! - Division by zero gives null for every numeric type (Pig's `Divide.genericGetNext`: "Divide by zero.
//!   Converting it to NULL", warning `DIVIDE_BY_ZERO`; checked with `equals(0)`, so for float/double only
//!   `+0.0` counts as zero and `x / -0.0` is `∓Infinity`). Integer division truncates toward zero.
//! - Modulo by zero also gives null here; Pig's `Mod` throws `ArithmeticException` and fails the job, which
//!   a streaming job must not do.
//! - Integer arithmetic wraps on overflow, as Java's `int`/`long` arithmetic does.

use std::cmp::Ordering;

use bigdecimal::{BigDecimal, RoundingMode};
use num_bigint::BigInt;
use num_traits::Zero;

use super::{Double, Float};

/// Three-valued AND (`a AND b`). Generated code that must not evaluate `b` when `a` is `Some(false)` can
/// test `a` first; the result is the same.
#[inline]
pub fn and(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

/// Three-valued OR (`a OR b`).
#[inline]
pub fn or(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

/// Three-valued NOT.
#[inline]
pub fn not(a: Option<bool>) -> Option<bool> {
    a.map(|v| !v)
}

/// Whether a FILTER keeps a record with this condition: only when it is true (null drops the record).
#[inline]
pub fn is_true(cond: Option<bool>) -> bool {
    cond == Some(true)
}

/// Pig's bincond `cond ? a : b`: a null condition gives null; only the chosen branch is evaluated.
///
/// Pig's `CASE WHEN c1 THEN v1 WHEN c2 THEN v2 ELSE v3 END` is rewritten by Pig's parser into nested
/// binconds, `c1 ? v1 : (c2 ? v2 : v3)`, so a null condition makes the whole CASE null (it does not fall
/// through to the next WHEN as in SQL); `CASE x WHEN a THEN …` tests `x == a`. Generated code nests
/// `bincond` the same way; a CASE without ELSE has a null ELSE.
#[inline]
pub fn bincond<T>(
    cond: Option<bool>,
    then: impl FnOnce() -> Option<T>,
    otherwise: impl FnOnce() -> Option<T>,
) -> Option<T> {
    match cond {
        Some(true) => then(),
        Some(false) => otherwise(),
        None => None,
    }
}

/// Compares two possibly-null values with Pig's order for their type; null if either is null.
#[inline]
pub fn compare<T: Ord>(a: Option<T>, b: Option<T>) -> Option<Ordering> {
    Some(a?.cmp(&b?))
}

/// `a == b`; null if either is null.
#[inline]
pub fn eq<T: Ord>(a: Option<T>, b: Option<T>) -> Option<bool> {
    compare(a, b).map(Ordering::is_eq)
}

/// `a != b`; null if either is null.
#[inline]
pub fn ne<T: Ord>(a: Option<T>, b: Option<T>) -> Option<bool> {
    compare(a, b).map(Ordering::is_ne)
}

/// `a < b`; null if either is null.
#[inline]
pub fn lt<T: Ord>(a: Option<T>, b: Option<T>) -> Option<bool> {
    compare(a, b).map(Ordering::is_lt)
}

/// `a <= b`; null if either is null.
#[inline]
pub fn le<T: Ord>(a: Option<T>, b: Option<T>) -> Option<bool> {
    compare(a, b).map(Ordering::is_le)
}

/// `a > b`; null if either is null.
#[inline]
pub fn gt<T: Ord>(a: Option<T>, b: Option<T>) -> Option<bool> {
    compare(a, b).map(Ordering::is_gt)
}

/// `a >= b`; null if either is null.
#[inline]
pub fn ge<T: Ord>(a: Option<T>, b: Option<T>) -> Option<bool> {
    compare(a, b).map(Ordering::is_ge)
}

/// `x IN (c1, c2, …)`: Pig rewrites IN to a chain of `==` joined by OR, so a null `x` gives null, a match
/// gives true, and no match gives false (null candidates never match).
pub fn is_in<T: Ord>(x: Option<T>, candidates: &[Option<T>]) -> Option<bool> {
    let x = x?;
    let mut result = Some(false);
    for c in candidates {
        let hit = c.as_ref().map(|c| x.cmp(c).is_eq());
        result = or(result, hit);
        if result == Some(true) {
            break;
        }
    }
    result
}

/// Pig's arithmetic on one numeric type (the planner has already promoted both operands to it).
pub trait PigArith: Sized {
    /// `a + b` (wrapping for int/long).
    fn pig_add(self, rhs: Self) -> Self;
    /// `a - b` (wrapping for int/long).
    fn pig_sub(self, rhs: Self) -> Self;
    /// `a * b` (wrapping for int/long).
    fn pig_mul(self, rhs: Self) -> Self;
    /// `a / b`: null when `b` is zero; integer division truncates toward zero.
    fn pig_div(self, rhs: Self) -> Option<Self>;
    /// `a % b`: sign of the dividend as in Java; null when `b` is zero.
    fn pig_rem(self, rhs: Self) -> Option<Self>;
    /// `-a` (wrapping for int/long).
    fn pig_neg(self) -> Self;
}

macro_rules! int_arith {
    ($($t:ty),*) => {
        $(impl PigArith for $t {
            #[inline]
            fn pig_add(self, rhs: Self) -> Self {
                self.wrapping_add(rhs)
            }
            #[inline]
            fn pig_sub(self, rhs: Self) -> Self {
                self.wrapping_sub(rhs)
            }
            #[inline]
            fn pig_mul(self, rhs: Self) -> Self {
                self.wrapping_mul(rhs)
            }
            #[inline]
            fn pig_div(self, rhs: Self) -> Option<Self> {
                (rhs != 0).then(|| self.wrapping_div(rhs))
            }
            #[inline]
            fn pig_rem(self, rhs: Self) -> Option<Self> {
                (rhs != 0).then(|| self.wrapping_rem(rhs))
            }
            #[inline]
            fn pig_neg(self) -> Self {
                self.wrapping_neg()
            }
        })*
    };
}

int_arith!(i32, i64);

macro_rules! float_arith {
    ($($t:ty),*) => {
        $(impl PigArith for $t {
            #[inline]
            fn pig_add(self, rhs: Self) -> Self {
                self + rhs
            }
            #[inline]
            fn pig_sub(self, rhs: Self) -> Self {
                self - rhs
            }
            #[inline]
            fn pig_mul(self, rhs: Self) -> Self {
                self * rhs
            }
            #[inline]
            fn pig_div(self, rhs: Self) -> Option<Self> {
                // Java's `Double.equals(0.0)`: only positive zero is zero.
                (rhs.0.to_bits() != 0).then(|| self / rhs)
            }
            #[inline]
            fn pig_rem(self, rhs: Self) -> Option<Self> {
                (rhs.0.to_bits() != 0).then(|| self % rhs)
            }
            #[inline]
            fn pig_neg(self) -> Self {
                -self
            }
        })*
    };
}

float_arith!(Float, Double);

impl PigArith for BigInt {
    fn pig_add(self, rhs: Self) -> Self {
        self + rhs
    }
    fn pig_sub(self, rhs: Self) -> Self {
        self - rhs
    }
    fn pig_mul(self, rhs: Self) -> Self {
        self * rhs
    }
    /// Truncating division, as `BigInteger.divide`.
    fn pig_div(self, rhs: Self) -> Option<Self> {
        (!rhs.is_zero()).then(|| self / rhs)
    }
    fn pig_rem(self, rhs: Self) -> Option<Self> {
        (!rhs.is_zero()).then(|| self % rhs)
    }
    fn pig_neg(self) -> Self {
        -self
    }
}

impl PigArith for BigDecimal {
    fn pig_add(self, rhs: Self) -> Self {
        self + rhs
    }
    fn pig_sub(self, rhs: Self) -> Self {
        self - rhs
    }
    fn pig_mul(self, rhs: Self) -> Self {
        self * rhs
    }
    /// Pig's scale rule (`Divide.bigDecimalDivideWithScale`, after Hive): result scale
    /// `max(6, scale(a) + precision(b) + 1)`, rounded HALF_UP.
    fn pig_div(self, rhs: Self) -> Option<Self> {
        if rhs.is_zero() {
            return None;
        }
        let (_, scale_a) = self.as_bigint_and_exponent();
        let precision_b = rhs.digits() as i64;
        let scale = (scale_a + precision_b + 1).max(6);
        Some((self / rhs).with_scale_round(scale, RoundingMode::HalfUp))
    }
    fn pig_rem(self, rhs: Self) -> Option<Self> {
        (!rhs.is_zero()).then(|| self % rhs)
    }
    fn pig_neg(self) -> Self {
        -self
    }
}

/// `a + b` over possibly-null operands.
#[inline]
pub fn add<T: PigArith>(a: Option<T>, b: Option<T>) -> Option<T> {
    Some(a?.pig_add(b?))
}

/// `a - b` over possibly-null operands.
#[inline]
pub fn sub<T: PigArith>(a: Option<T>, b: Option<T>) -> Option<T> {
    Some(a?.pig_sub(b?))
}

/// `a * b` over possibly-null operands.
#[inline]
pub fn mul<T: PigArith>(a: Option<T>, b: Option<T>) -> Option<T> {
    Some(a?.pig_mul(b?))
}

/// `a / b` over possibly-null operands; null on division by zero.
#[inline]
pub fn div<T: PigArith>(a: Option<T>, b: Option<T>) -> Option<T> {
    a?.pig_div(b?)
}

/// `a % b` over possibly-null operands; null on modulo by zero.
#[inline]
pub fn rem<T: PigArith>(a: Option<T>, b: Option<T>) -> Option<T> {
    a?.pig_rem(b?)
}

/// `-a` over a possibly-null operand.
#[inline]
pub fn neg<T: PigArith>(a: Option<T>) -> Option<T> {
    Some(a?.pig_neg())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn three_valued_logic_truth_tables() {
        let vals = [Some(true), Some(false), None];
        for a in vals {
            for b in vals {
                let expected_and = match (a, b) {
                    (Some(false), _) | (_, Some(false)) => Some(false),
                    (Some(true), Some(true)) => Some(true),
                    _ => None,
                };
                assert_eq!(and(a, b), expected_and, "{a:?} AND {b:?}");
                assert_eq!(
                    or(a, b),
                    not(and(not(a), not(b))),
                    "De Morgan for {a:?} OR {b:?}"
                );
            }
        }
        assert_eq!(or(Some(true), None), Some(true));
        assert_eq!(or(Some(false), None), None);
        assert_eq!(not(None), None);
        assert!(!is_true(None));
    }

    #[test]
    fn bincond_with_null_condition_is_null() {
        assert_eq!(bincond(None, || Some(1), || Some(2)), None);
        assert_eq!(bincond(Some(false), || Some(1), || Some(2)), Some(2));
    }

    #[test]
    fn comparisons_with_null_are_null() {
        assert_eq!(lt(Some(1), None), None);
        assert_eq!(eq(Some("a"), Some("a")), Some(true));
        assert_eq!(
            ge(Some(Double(f64::NAN)), Some(Double(f64::INFINITY))),
            Some(true)
        );
    }

    #[test]
    fn in_is_a_chain_of_equalities() {
        assert_eq!(is_in(Some(2), &[Some(1), Some(2)]), Some(true));
        assert_eq!(is_in(Some(3), &[Some(1), Some(2)]), Some(false));
        assert_eq!(is_in(None, &[Some(1)]), None);
        assert_eq!(is_in(Some(3), &[None, Some(1)]), None);
        assert_eq!(is_in(Some(1), &[None, Some(1)]), Some(true));
    }

    #[test]
    fn integer_division_truncates_and_zero_gives_null() {
        assert_eq!(div(Some(7), Some(2)), Some(3));
        assert_eq!(div(Some(-7), Some(2)), Some(-3));
        assert_eq!(div(Some(7), Some(0)), None);
        assert_eq!(div(Some(7i64), None), None);
        assert_eq!(div(Some(i32::MIN), Some(-1)), Some(i32::MIN));
        assert_eq!(rem(Some(-7), Some(3)), Some(-1));
        assert_eq!(rem(Some(7), Some(0)), None);
        assert_eq!(add(Some(i32::MAX), Some(1)), Some(i32::MIN));
        assert_eq!(neg(Some(5i64)), Some(-5));
    }

    #[test]
    fn float_division_by_positive_zero_is_null() {
        assert_eq!(div(Some(Double(1.0)), Some(Double(0.0))), None);
        assert_eq!(
            div(Some(Double(1.0)), Some(Double(-0.0))),
            Some(Double(f64::NEG_INFINITY))
        );
        assert_eq!(div(Some(Float(1.0)), Some(Float(4.0))), Some(Float(0.25)));
    }

    #[test]
    fn bigdecimal_division_uses_pigs_scale() {
        let a = BigDecimal::from_str("1").unwrap();
        let b = BigDecimal::from_str("3").unwrap();
        assert_eq!(a.pig_div(b).unwrap().to_string(), "0.333333");
        let z = BigDecimal::from(0);
        assert_eq!(BigDecimal::from(1).pig_div(z), None);
        assert_eq!(
            BigInt::from(-7).pig_div(BigInt::from(2)),
            Some(BigInt::from(-3))
        );
    }
}
