//! `Float` and `Double`: Pig's `float` and `double` as totally ordered newtypes over `f32` / `f64`.
//!
//! Pig compares boxed `java.lang.Float` / `java.lang.Double` with `compareTo` and `equals`, which define a
//! total order: `-0.0 < 0.0`, every NaN equals every other NaN, and NaN is greater than `+Infinity`.
//! These newtypes implement exactly that order, with `Eq` and `Hash` consistent with it, so records holding
//! them can be grouped, deduplicated and sorted as Pig does. Arithmetic follows IEEE 754 like Java's
//! primitive operators; printing follows Java's `Float.toString` / `Double.toString` (see [`super::text`]),
//! also in JSON (as Pig's JsonStorage writes them: `1.0E10`; NaN and infinities, which JSON lacks, as `null`).

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::ops::{Add, Div, Mul, Neg, Rem, Sub};

use serde::Deserialize;

macro_rules! total_float {
    ($(#[$doc:meta])* $name:ident, $prim:ty, $bits:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub $prim);

        impl $name {
            /// The wrapped primitive value.
            #[inline]
            pub const fn get(self) -> $prim {
                self.0
            }

            /// Bits with every NaN collapsed to the canonical NaN, as Java's `floatToIntBits` /
            /// `doubleToLongBits` do; equal values have equal keys.
            #[inline]
            fn canonical_bits(self) -> $bits {
                if self.0.is_nan() {
                    <$prim>::NAN.to_bits()
                } else {
                    self.0.to_bits()
                }
            }
        }

        impl From<$prim> for $name {
            #[inline]
            fn from(v: $prim) -> Self {
                Self(v)
            }
        }

        impl From<$name> for $prim {
            #[inline]
            fn from(v: $name) -> Self {
                v.0
            }
        }

        impl PartialEq for $name {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                self.canonical_bits() == other.canonical_bits()
            }
        }

        impl Eq for $name {}

        impl PartialOrd for $name {
            #[inline]
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $name {
            /// Java's `compareTo`: numeric order, `-0.0 < 0.0`, NaN equal to itself and above `+Infinity`.
            #[inline]
            fn cmp(&self, other: &Self) -> Ordering {
                match (self.0.is_nan(), other.0.is_nan()) {
                    (false, false) => self.0.total_cmp(&other.0),
                    (true, true) => Ordering::Equal,
                    (true, false) => Ordering::Greater,
                    (false, true) => Ordering::Less,
                }
            }
        }

        impl Hash for $name {
            #[inline]
            fn hash<H: Hasher>(&self, state: &mut H) {
                self.canonical_bits().hash(state);
            }
        }

        impl Add for $name {
            type Output = Self;
            #[inline]
            fn add(self, rhs: Self) -> Self {
                Self(self.0 + rhs.0)
            }
        }

        impl Sub for $name {
            type Output = Self;
            #[inline]
            fn sub(self, rhs: Self) -> Self {
                Self(self.0 - rhs.0)
            }
        }

        impl Mul for $name {
            type Output = Self;
            #[inline]
            fn mul(self, rhs: Self) -> Self {
                Self(self.0 * rhs.0)
            }
        }

        impl Div for $name {
            type Output = Self;
            #[inline]
            fn div(self, rhs: Self) -> Self {
                Self(self.0 / rhs.0)
            }
        }

        impl Rem for $name {
            type Output = Self;
            #[inline]
            fn rem(self, rhs: Self) -> Self {
                Self(self.0 % rhs.0)
            }
        }

        impl Neg for $name {
            type Output = Self;
            #[inline]
            fn neg(self) -> Self {
                Self(-self.0)
            }
        }
    };
}

total_float!(
    /// Pig's `float` (`java.lang.Float`): an `f32` with Java's total order.
    Float,
    f32,
    u32
);

total_float!(
    /// Pig's `double` (`java.lang.Double`): an `f64` with Java's total order.
    Double,
    f64,
    u64
);

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn order_is_javas_compare_to() {
        let mut v = [
            Double(f64::NAN),
            Double(1.0),
            Double(f64::INFINITY),
            Double(0.0),
            Double(-0.0),
            Double(f64::NEG_INFINITY),
        ];
        v.sort();
        let bits: Vec<u64> = v.iter().map(|d| d.0.to_bits()).collect();
        let expected: Vec<u64> = [f64::NEG_INFINITY, -0.0, 0.0, 1.0, f64::INFINITY, f64::NAN]
            .iter()
            .map(|d| d.to_bits())
            .collect();
        assert_eq!(bits, expected);
    }

    #[test]
    fn nans_are_one_key_and_zeros_are_two() {
        let negative_nan = f64::from_bits(f64::NAN.to_bits() | (1 << 63));
        let set: HashSet<Double> = [
            Double(f64::NAN),
            Double(negative_nan),
            Double(0.0),
            Double(-0.0),
        ]
        .into_iter()
        .collect();
        assert_eq!(set.len(), 3);
        assert_eq!(Double(negative_nan), Double(f64::NAN));
        assert_ne!(Float(0.0), Float(-0.0));
    }

    #[test]
    fn arithmetic_is_ieee() {
        assert_eq!(Double(1.5) + Double(2.0), Double(3.5));
        assert_eq!(Float(7.0) % Float(2.0), Float(1.0));
        assert_eq!(-Double(2.0), Double(-2.0));
        assert!((Double(1.0) / Double(0.0)).0.is_infinite());
    }

    fn any_f64() -> impl proptest::strategy::Strategy<Value = f64> {
        use proptest::prelude::*;
        prop_oneof![
            any::<f64>(),
            any::<u64>().prop_map(f64::from_bits),
            Just(0.0),
            Just(-0.0),
            Just(f64::NAN),
        ]
    }

    proptest::proptest! {
        #[test]
        fn order_eq_and_hash_agree(a in any_f64(), b in any_f64()) {
            use std::collections::hash_map::DefaultHasher;
            let (x, y) = (Double(a), Double(b));
            proptest::prop_assert_eq!(x.cmp(&y) == Ordering::Equal, x == y);
            proptest::prop_assert_eq!(x.cmp(&y), y.cmp(&x).reverse());
            if x == y {
                let h = |d: Double| {
                    let mut s = DefaultHasher::new();
                    d.hash(&mut s);
                    s.finish()
                };
                proptest::prop_assert_eq!(h(x), h(y));
            }
        }
    }
}
