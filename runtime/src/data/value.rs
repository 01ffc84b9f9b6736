//! `Value`: a dynamically typed Pig value, for data whose type is not known at compile time (bytearray
//! fields before a cast, map values, fields of schema-less tuples).

use bigdecimal::BigDecimal;
use num_bigint::BigInt;
use serde::{Deserialize, Serialize};

use super::{Bag, Bytes, DateTime, Double, Float, PigMap, Tuple};

/// Pig's type codes (`org.apache.pig.data.DataType`), in Pig's order. Values of different types compare
/// by this order (`DataType.compare`): null first, then boolean, int, long, float, double, datetime,
/// bytearray, chararray, biginteger, bigdecimal, map, tuple, bag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[repr(u8)]
pub enum PigType {
    /// `null`.
    Null = 1,
    /// `boolean`.
    Boolean = 5,
    /// `int`.
    Int = 10,
    /// `long`.
    Long = 15,
    /// `float`.
    Float = 20,
    /// `double`.
    Double = 25,
    /// `datetime`.
    DateTime = 30,
    /// `bytearray`.
    Bytearray = 50,
    /// `chararray`.
    Chararray = 55,
    /// `biginteger`.
    BigInteger = 65,
    /// `bigdecimal`.
    BigDecimal = 70,
    /// `map`.
    Map = 100,
    /// `tuple`.
    Tuple = 110,
    /// `bag`.
    Bag = 120,
}

impl PigType {
    /// Pig's name of the type, as in a schema (`chararray`, `bag`, …).
    pub fn name(self) -> &'static str {
        match self {
            PigType::Null => "null",
            PigType::Boolean => "boolean",
            PigType::Int => "int",
            PigType::Long => "long",
            PigType::Float => "float",
            PigType::Double => "double",
            PigType::DateTime => "datetime",
            PigType::Bytearray => "bytearray",
            PigType::Chararray => "chararray",
            PigType::BigInteger => "biginteger",
            PigType::BigDecimal => "bigdecimal",
            PigType::Map => "map",
            PigType::Tuple => "tuple",
            PigType::Bag => "bag",
        }
    }
}

/// A dynamically typed Pig value. The variants are declared in Pig's type order, so the derived `Ord`
/// is Pig's cross-type order: values of different types compare by [`PigType`] (null first), values of
/// the same type by that type's own order. Values of different numeric types are *not* compared
/// numerically (`1` as int sorts before `0L` as long), as in Pig. Serde: see `serde_impls` (plain JSON for
/// human-readable formats, an exact tagged form for binary ones).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Value {
    /// Pig's null.
    #[default]
    Null,
    /// `boolean`.
    Boolean(bool),
    /// `int`.
    Int(i32),
    /// `long`.
    Long(i64),
    /// `float`.
    Float(Float),
    /// `double`.
    Double(Double),
    /// `datetime`.
    DateTime(DateTime),
    /// `bytearray`.
    Bytes(Bytes),
    /// `chararray`.
    Chararray(String),
    /// `biginteger`.
    BigInteger(BigInt),
    /// `bigdecimal`.
    BigDecimal(BigDecimal),
    /// `map`.
    Map(PigMap),
    /// `tuple`.
    Tuple(Tuple),
    /// `bag` (of dynamically typed tuples).
    Bag(Bag<Tuple>),
}

impl Value {
    /// The value's Pig type.
    pub fn pig_type(&self) -> PigType {
        match self {
            Value::Null => PigType::Null,
            Value::Boolean(_) => PigType::Boolean,
            Value::Int(_) => PigType::Int,
            Value::Long(_) => PigType::Long,
            Value::Float(_) => PigType::Float,
            Value::Double(_) => PigType::Double,
            Value::DateTime(_) => PigType::DateTime,
            Value::Bytes(_) => PigType::Bytearray,
            Value::Chararray(_) => PigType::Chararray,
            Value::BigInteger(_) => PigType::BigInteger,
            Value::BigDecimal(_) => PigType::BigDecimal,
            Value::Map(_) => PigType::Map,
            Value::Tuple(_) => PigType::Tuple,
            Value::Bag(_) => PigType::Bag,
        }
    }

    /// Whether this is Pig's null.
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

macro_rules! value_from {
    ($($t:ty => $variant:ident),* $(,)?) => {
        $(impl From<$t> for Value {
            #[inline]
            fn from(v: $t) -> Self {
                Value::$variant(v.into())
            }
        })*
    };
}

value_from!(
    bool => Boolean,
    i32 => Int,
    i64 => Long,
    f32 => Float,
    Float => Float,
    f64 => Double,
    Double => Double,
    DateTime => DateTime,
    Bytes => Bytes,
    String => Chararray,
    &str => Chararray,
    BigInt => BigInteger,
    BigDecimal => BigDecimal,
    PigMap => Map,
    Tuple => Tuple,
    Bag<Tuple> => Bag,
);

impl<T: Into<Value>> From<Option<T>> for Value {
    #[inline]
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_type_order_is_pigs() {
        let mut v = vec![
            Value::from("a"),
            Value::Bag(Bag::new()),
            Value::Long(0),
            Value::Null,
            Value::Int(5),
            Value::Bytes(Bytes::from("z")),
            Value::Boolean(true),
            Value::Double(Double(-1.0)),
            Value::Map(PigMap::new()),
            Value::Tuple(Tuple::default()),
        ];
        v.sort();
        let types: Vec<PigType> = v.iter().map(Value::pig_type).collect();
        assert_eq!(
            types,
            vec![
                PigType::Null,
                PigType::Boolean,
                PigType::Int,
                PigType::Long,
                PigType::Double,
                PigType::Bytearray,
                PigType::Chararray,
                PigType::Map,
                PigType::Tuple,
                PigType::Bag,
            ]
        );
    }

    #[test]
    fn option_none_is_null() {
        assert_eq!(Value::from(None::<i32>), Value::Null);
        assert_eq!(Value::from(Some(3)), Value::Int(3));
    }

    #[test]
    fn serde_round_trips() {
        let mut m = PigMap::new();
        m.insert("k", Value::from(1.5f64));
        let v = Value::Tuple(Tuple(vec![Value::Map(m), Value::Null, Value::from("x")]));
        let json = serde_json::to_string(&v).unwrap();
        let back: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, v);
    }

    fn leaf() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Boolean),
            any::<i32>().prop_map(Value::Int),
            any::<i64>().prop_map(Value::Long),
            any::<f64>().prop_map(|d| Value::Double(Double(d))),
            "[a-z]{0,3}".prop_map(Value::Chararray),
            proptest::collection::vec(any::<u8>(), 0..3).prop_map(|b| Value::Bytes(Bytes(b))),
        ]
    }

    fn value() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        leaf().prop_recursive(3, 16, 3, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..3).prop_map(|v| Value::Tuple(Tuple(v))),
                proptest::collection::vec(proptest::collection::vec(inner.clone(), 0..2), 0..3)
                    .prop_map(|ts| Value::Bag(ts.into_iter().map(Tuple).collect())),
                proptest::collection::btree_map("[a-c]", inner, 0..3)
                    .prop_map(|m| Value::Map(PigMap(m))),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn order_is_total_and_consistent_with_eq(a in value(), b in value(), c in value()) {
            use std::cmp::Ordering;
            proptest::prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
            proptest::prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
            if a <= b && b <= c {
                proptest::prop_assert!(a <= c);
            }
        }

        #[test]
        fn binary_serde_is_lossless(v in value()) {
            let bytes = postcard::to_allocvec(&v).unwrap();
            let back: Value = postcard::from_bytes(&bytes).unwrap();
            proptest::prop_assert_eq!(back, v);
        }
    }
}
