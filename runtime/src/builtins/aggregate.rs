//! Result types and bag-level evaluation of Pig's aggregates (COUNT, COUNT_STAR, SUM, AVG, MIN, MAX) for
//! generated code that applies them to a bag it holds (e.g. `SUM(t.bag.x)` on a field of a tuple). The
//! grouped, incremental accumulators live in the runtime's aggregate operator; they share these rules:
//! - SUM: int and long sum to long, float and double to double, biginteger/bigdecimal to themselves;
//!   nulls are skipped; null when every input is null or the bag is empty.
//! - AVG: double for int, long, float and double inputs (`sum / count` over non-null values); null when
//!   there is none.
//! - MIN/MAX: Pig's order for the type, skipping nulls.
//! - COUNT skips nulls (Pig: tuples whose first field is null); COUNT_STAR counts everything.

use bigdecimal::BigDecimal;
use num_bigint::BigInt;

use crate::data::{Double, Float};

/// SUM of ints: a long.
pub fn sum_int(values: impl IntoIterator<Item = Option<i32>>) -> Option<i64> {
    values
        .into_iter()
        .flatten()
        .fold(None, |acc: Option<i64>, v| {
            Some(acc.unwrap_or(0).wrapping_add(i64::from(v)))
        })
}

/// SUM of longs (wrapping on overflow, as Java).
pub fn sum_long(values: impl IntoIterator<Item = Option<i64>>) -> Option<i64> {
    values
        .into_iter()
        .flatten()
        .fold(None, |acc: Option<i64>, v| {
            Some(acc.unwrap_or(0).wrapping_add(v))
        })
}

/// SUM of floats: a double (each float widened, then added).
pub fn sum_float(values: impl IntoIterator<Item = Option<Float>>) -> Option<Double> {
    sum_double(
        values
            .into_iter()
            .map(|v| v.map(|f| Double(f64::from(f.0)))),
    )
}

/// SUM of doubles.
pub fn sum_double(values: impl IntoIterator<Item = Option<Double>>) -> Option<Double> {
    values
        .into_iter()
        .flatten()
        .fold(None, |acc: Option<Double>, v| {
            Some(Double(acc.map_or(0.0, |a| a.0) + v.0))
        })
}

/// SUM of bigintegers.
pub fn sum_biginteger(values: impl IntoIterator<Item = Option<BigInt>>) -> Option<BigInt> {
    values.into_iter().flatten().reduce(|a, b| a + b)
}

/// SUM of bigdecimals.
pub fn sum_bigdecimal(values: impl IntoIterator<Item = Option<BigDecimal>>) -> Option<BigDecimal> {
    values.into_iter().flatten().reduce(|a, b| a + b)
}

/// AVG of values already widened to double (int, long, float, double inputs).
pub fn avg(values: impl IntoIterator<Item = Option<Double>>) -> Option<Double> {
    let (sum, count) = values
        .into_iter()
        .flatten()
        .fold((0.0f64, 0u64), |(s, c), v| (s + v.0, c + 1));
    (count > 0).then(|| Double(sum / count as f64))
}

/// AVG of ints or longs: the sum is kept exact in a long, as Pig's IntAvg/LongAvg do, then divided.
pub fn avg_long(values: impl IntoIterator<Item = Option<i64>>) -> Option<Double> {
    let (sum, count) = values
        .into_iter()
        .flatten()
        .fold((0i64, 0u64), |(s, c), v| (s.wrapping_add(v), c + 1));
    (count > 0).then(|| Double(sum as f64 / count as f64))
}

/// Significant digits of Java's `MathContext.DECIMAL128`.
const DECIMAL128_PRECISION: std::num::NonZeroU64 = std::num::NonZeroU64::MIN.saturating_add(33);

/// AVG of bigintegers or bigdecimals: a bigdecimal, `sum / count` to 34 significant digits rounded
/// HALF_EVEN (Java's `MathContext.DECIMAL128`, as Pig's BigDecimalAvg/BigIntegerAvg).
pub fn avg_bigdecimal(values: impl IntoIterator<Item = Option<BigDecimal>>) -> Option<BigDecimal> {
    let (sum, count) = values
        .into_iter()
        .flatten()
        .fold((BigDecimal::from(0), 0u64), |(s, c), v| (s + v, c + 1));
    (count > 0).then(|| {
        (sum / BigDecimal::from(count))
            .with_precision_round(DECIMAL128_PRECISION, bigdecimal::RoundingMode::HalfEven)
    })
}

/// MIN over non-null values in Pig's order.
pub fn min<T: Ord>(values: impl IntoIterator<Item = Option<T>>) -> Option<T> {
    values.into_iter().flatten().min()
}

/// MAX over non-null values in Pig's order.
pub fn max<T: Ord>(values: impl IntoIterator<Item = Option<T>>) -> Option<T> {
    values.into_iter().flatten().max()
}

/// COUNT: the non-null values.
pub fn count<T>(values: impl IntoIterator<Item = Option<T>>) -> i64 {
    values.into_iter().flatten().count() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_widen_and_skip_nulls() {
        assert_eq!(
            sum_int([Some(i32::MAX), Some(1), None]),
            Some(i64::from(i32::MAX) + 1)
        );
        assert_eq!(sum_int([None, None]), None);
        assert_eq!(sum_long(Vec::<Option<i64>>::new()), None);
        assert_eq!(
            sum_float([Some(Float(0.5)), Some(Float(0.25))]),
            Some(Double(0.75))
        );
        assert_eq!(sum_double([Some(Double(1.5)), None]), Some(Double(1.5)));
        assert_eq!(
            sum_biginteger([Some(BigInt::from(2)), Some(BigInt::from(3))]),
            Some(BigInt::from(5))
        );
    }

    #[test]
    fn avg_min_max_count() {
        assert_eq!(avg_long([Some(1), Some(2), None]), Some(Double(1.5)));
        assert_eq!(avg([None]), None);
        assert_eq!(
            avg([Some(Double(1.0)), Some(Double(2.0))]),
            Some(Double(1.5))
        );
        assert_eq!(min([Some(3), None, Some(1)]), Some(1));
        assert_eq!(max([Some("a"), Some("b"), None]), Some("b"));
        assert_eq!(count([Some(1), None, Some(2)]), 2);
        let third = avg_bigdecimal([
            Some(BigDecimal::from(1)),
            Some(BigDecimal::from(0)),
            Some(BigDecimal::from(0)),
        ]);
        assert_eq!(
            third.unwrap().to_string(),
            "0.3333333333333333333333333333333333"
        );
        assert_eq!(avg_bigdecimal(Vec::<Option<BigDecimal>>::new()), None);
    }
}
