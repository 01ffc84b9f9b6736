//! Pig's type system: the scalar and complex types, implicit promotion, legality of explicit casts,
//! and the result types of arithmetic and of bincond/CASE branches.
//!
//! The rules follow Apache Pig 0.17 (`TypeCheckingExpVisitor`, `DataType`):
//! - numeric promotion is int → long → float → double → biginteger → bigdecimal: the operand of the
//!   lower type is cast to the higher one (Pig compares its type codes, so `double + biginteger` is a
//!   biginteger and `bigdecimal >= 3.5` compares bigdecimals);
//! - a bytearray operand (an untyped field of a schema-less or untyped LOAD) is cast by use: to the other
//!   operand's type, or to double when both sides of an arithmetic operator are bytearray;
//! - nothing may be cast *to* bytearray, and complex types cast only to complex types of the same kind.

use super::schema::Schema;
use std::fmt;

/// A Pig data type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    /// 32-bit signed integer (`int`).
    Int,
    /// 64-bit signed integer (`long`).
    Long,
    /// 32-bit float (`float`).
    Float,
    /// 64-bit float (`double`).
    Double,
    /// Unicode string (`chararray`).
    Chararray,
    /// Uninterpreted bytes (`bytearray`): the type of untyped fields, cast by use.
    Bytearray,
    /// `boolean`.
    Boolean,
    /// `datetime` (instant with a time zone, as Joda's DateTime).
    Datetime,
    /// Arbitrary-precision integer (`biginteger`).
    BigInteger,
    /// Arbitrary-precision decimal (`bigdecimal`).
    BigDecimal,
    /// A tuple with the given schema (possibly unknown).
    Tuple(Box<Schema>),
    /// A bag of tuples; the schema is that of the tuples it holds (possibly unknown).
    Bag(Box<Schema>),
    /// A map from chararray keys to values of the given type (`None`: untyped values, i.e. bytearray).
    Map(Option<Box<Type>>),
}

impl Type {
    /// A bag whose tuples have schema `schema`.
    pub fn bag(schema: Schema) -> Type {
        Type::Bag(Box::new(schema))
    }

    /// A tuple with schema `schema`.
    pub fn tuple(schema: Schema) -> Type {
        Type::Tuple(Box::new(schema))
    }

    /// True for int, long, float, double, biginteger and bigdecimal.
    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            Type::Int
                | Type::Long
                | Type::Float
                | Type::Double
                | Type::BigInteger
                | Type::BigDecimal
        )
    }

    /// True for tuple, bag and map.
    pub fn is_complex(&self) -> bool {
        matches!(self, Type::Tuple(_) | Type::Bag(_) | Type::Map(_))
    }

    /// True for types whose values can be ordered with `<`, `>`, and used as ORDER BY keys.
    pub fn is_orderable(&self) -> bool {
        !matches!(self, Type::Bag(_) | Type::Map(_))
    }

    /// The schema of a bag's tuples or of a tuple, if this is one.
    pub fn inner_schema(&self) -> Option<&Schema> {
        match self {
            Type::Tuple(s) | Type::Bag(s) => Some(s),
            _ => None,
        }
    }

    /// Pig's keyword for the type's kind (`tuple`, `bag`, … without inner schema).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Type::Int => "int",
            Type::Long => "long",
            Type::Float => "float",
            Type::Double => "double",
            Type::Chararray => "chararray",
            Type::Bytearray => "bytearray",
            Type::Boolean => "boolean",
            Type::Datetime => "datetime",
            Type::BigInteger => "biginteger",
            Type::BigDecimal => "bigdecimal",
            Type::Tuple(_) => "tuple",
            Type::Bag(_) => "bag",
            Type::Map(_) => "map",
        }
    }

    /// Rank of a numeric type in Pig's promotion order (None for non-numeric types).
    fn numeric_rank(&self) -> Option<u8> {
        match self {
            Type::Int => Some(0),
            Type::Long => Some(1),
            Type::Float => Some(2),
            Type::Double => Some(3),
            Type::BigInteger => Some(4),
            Type::BigDecimal => Some(5),
            _ => None,
        }
    }
}

impl fmt::Display for Type {
    /// Pig's DESCRIBE spelling: `int`, `(x: int)`, `{(x: int)}`, `map[int]`, `map[]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Tuple(s) => write!(f, "({})", s.fields_display()),
            Type::Bag(s) => {
                if s.is_unknown() {
                    write!(f, "{{}}")
                } else {
                    write!(f, "{{({})}}", s.fields_display())
                }
            }
            Type::Map(None) => write!(f, "map[]"),
            Type::Map(Some(v)) => write!(f, "map[{v}]"),
            other => f.write_str(other.kind_name()),
        }
    }
}

/// Why two types cannot be combined by an operator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TypeError {
    /// The operator does not apply to these operand types.
    #[error("operator `{op}` cannot be applied to {lhs} and {rhs}")]
    Operands {
        /// The operator's spelling.
        op: &'static str,
        /// The left operand's type.
        lhs: Type,
        /// The right operand's type.
        rhs: Type,
    },
    /// The operator does not apply to this operand type.
    #[error("operator `{op}` cannot be applied to {operand}")]
    Operand {
        /// The operator's spelling.
        op: &'static str,
        /// The operand's type.
        operand: Type,
    },
    /// Branches of a bincond or CASE have types that do not unify.
    #[error("branches have incompatible types {0} and {1}")]
    Branches(Type, Type),
}

/// The common numeric type of two numeric types under Pig's promotion rules (`None` unless both
/// are numeric): the higher of the two in int → long → float → double → biginteger → bigdecimal.
pub fn promote_numeric(a: &Type, b: &Type) -> Option<Type> {
    let (ra, rb) = (a.numeric_rank()?, b.numeric_rank()?);
    Some(if ra >= rb { a.clone() } else { b.clone() })
}

/// The type both operands of an arithmetic operator (`+ - * / %`) are cast to, which is also the result
/// type. A bytearray operand takes the other operand's type; two bytearrays become double.
/// `%` applies to integral types only.
pub fn arithmetic_type(op: &'static str, lhs: &Type, rhs: &Type) -> Result<Type, TypeError> {
    let error = || TypeError::Operands {
        op,
        lhs: lhs.clone(),
        rhs: rhs.clone(),
    };
    let ty = match (lhs, rhs) {
        (Type::Bytearray, Type::Bytearray) => {
            if op == "%" {
                Type::Int
            } else {
                Type::Double
            }
        }
        (Type::Bytearray, t) | (t, Type::Bytearray) if t.is_numeric() => t.clone(),
        (a, b) => promote_numeric(a, b).ok_or_else(error)?,
    };
    if op == "%" && !matches!(ty, Type::Int | Type::Long | Type::BigInteger) {
        return Err(error());
    }
    Ok(ty)
}

/// The type both operands of a comparison are cast to before comparing.
///
/// Equality (`==`, `!=`) also applies to booleans, tuples and maps; ordering comparisons need orderable
/// operands. A bytearray side takes the other side's type; two bytearrays compare as bytes.
pub fn comparison_type(op: &'static str, lhs: &Type, rhs: &Type) -> Result<Type, TypeError> {
    let equality = matches!(op, "==" | "!=");
    let error = || TypeError::Operands {
        op,
        lhs: lhs.clone(),
        rhs: rhs.clone(),
    };
    let ty = match (lhs, rhs) {
        (Type::Bytearray, t) | (t, Type::Bytearray) => t.clone(),
        (a, b) if a.is_numeric() && b.is_numeric() => promote_numeric(a, b).ok_or_else(error)?,
        (a, b) if a.kind_name() == b.kind_name() => a.clone(),
        _ => return Err(error()),
    };
    let comparable = match &ty {
        Type::Bag(_) => false,
        Type::Map(_) | Type::Tuple(_) | Type::Boolean => equality || !matches!(ty, Type::Map(_)),
        _ => true,
    };
    if comparable {
        Ok(ty)
    } else {
        Err(error())
    }
}

/// The unified type of the branches of a bincond or CASE (`None` stands for a `null` literal branch).
///
/// Numeric branches promote; a bytearray branch is cast to the other branch's type; identical types
/// unify; a null branch takes the other branch's type. All-null branches are bytearray.
pub fn unify_branches(a: Option<&Type>, b: Option<&Type>) -> Result<Option<Type>, TypeError> {
    match (a, b) {
        (None, None) => Ok(None),
        (Some(t), None) | (None, Some(t)) => Ok(Some(t.clone())),
        (Some(a), Some(b)) => {
            if a == b {
                return Ok(Some(a.clone()));
            }
            if let Some(t) = promote_numeric(a, b) {
                return Ok(Some(t));
            }
            match (a, b) {
                (Type::Bytearray, t) | (t, Type::Bytearray) => Ok(Some(t.clone())),
                (Type::Map(_), Type::Map(_)) => Ok(Some(Type::Map(None))),
                (Type::Tuple(x), Type::Tuple(y)) | (Type::Bag(x), Type::Bag(y))
                    if x.is_unknown() || y.is_unknown() || x.same_types(y) =>
                {
                    Ok(Some(a.clone()))
                }
                _ => Err(TypeError::Branches(a.clone(), b.clone())),
            }
        }
    }
}

/// Whether an explicit cast `(to) expr` from a value of type `from` is legal in Pig.
///
/// Legal: anything from bytearray; between numeric types; numeric, boolean and datetime to and from
/// chararray (chararray to boolean/datetime parses); boolean from numeric is not allowed; a tuple, bag or
/// map to the same kind when their inner types cast field by field. Nothing casts to bytearray.
pub fn can_cast(from: &Type, to: &Type) -> bool {
    if from == to {
        return true;
    }
    match (from, to) {
        (_, Type::Bytearray) => false,
        (Type::Bytearray, _) => true,
        (a, b) if a.is_numeric() && b.is_numeric() => true,
        (a, Type::Chararray) | (Type::Chararray, a) => {
            a.is_numeric() || matches!(a, Type::Boolean | Type::Datetime)
        }
        (Type::Tuple(a), Type::Tuple(b)) | (Type::Bag(a), Type::Bag(b)) => {
            a.is_unknown()
                || b.is_unknown()
                || (a.fields.len() == b.fields.len()
                    && a.fields
                        .iter()
                        .zip(&b.fields)
                        .all(|(x, y)| can_cast(&x.ty, &y.ty)))
        }
        (Type::Map(_), Type::Map(_)) => true,
        _ => false,
    }
}

/// Whether a value of type `from` is passed where `to` is expected without an explicit cast: equal
/// types, numeric widening, and bytearray to anything (Pig inserts the cast).
pub fn can_coerce(from: &Type, to: &Type) -> bool {
    if from == to || matches!(from, Type::Bytearray) {
        return true;
    }
    match (from, to) {
        (a, b) if a.is_numeric() && b.is_numeric() => {
            promote_numeric(a, b).is_some_and(|p| &p == b)
        }
        (Type::Tuple(a), Type::Tuple(b)) | (Type::Bag(a), Type::Bag(b)) => {
            a.is_unknown() || b.is_unknown() || a.same_types(b)
        }
        (Type::Map(_), Type::Map(_)) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::schema::Field;

    #[test]
    fn numeric_promotion_follows_pig() {
        assert_eq!(promote_numeric(&Type::Int, &Type::Long), Some(Type::Long));
        assert_eq!(
            promote_numeric(&Type::Long, &Type::Float),
            Some(Type::Float)
        );
        assert_eq!(
            promote_numeric(&Type::Float, &Type::Double),
            Some(Type::Double)
        );
        assert_eq!(
            promote_numeric(&Type::Int, &Type::BigInteger),
            Some(Type::BigInteger)
        );
        assert_eq!(
            promote_numeric(&Type::BigInteger, &Type::BigDecimal),
            Some(Type::BigDecimal)
        );
        assert_eq!(
            promote_numeric(&Type::BigDecimal, &Type::Double),
            Some(Type::BigDecimal)
        );
        assert_eq!(
            promote_numeric(&Type::Double, &Type::BigInteger),
            Some(Type::BigInteger)
        );
        assert_eq!(promote_numeric(&Type::Chararray, &Type::Int), None);
    }

    #[test]
    fn arithmetic_casts_bytearray_by_use() {
        assert_eq!(
            arithmetic_type("+", &Type::Bytearray, &Type::Int),
            Ok(Type::Int)
        );
        assert_eq!(
            arithmetic_type("*", &Type::Bytearray, &Type::Bytearray),
            Ok(Type::Double)
        );
        assert_eq!(
            arithmetic_type("%", &Type::Int, &Type::Long),
            Ok(Type::Long)
        );
        assert!(arithmetic_type("%", &Type::Double, &Type::Int).is_err());
        assert!(arithmetic_type("+", &Type::Chararray, &Type::Int).is_err());
    }

    #[test]
    fn comparisons() {
        assert_eq!(
            comparison_type("<", &Type::Bytearray, &Type::Chararray),
            Ok(Type::Chararray)
        );
        assert_eq!(
            comparison_type("==", &Type::Boolean, &Type::Boolean),
            Ok(Type::Boolean)
        );
        assert!(comparison_type("<", &Type::Map(None), &Type::Map(None)).is_err());
        assert!(comparison_type("==", &Type::Int, &Type::Chararray).is_err());
    }

    #[test]
    fn casts() {
        assert!(can_cast(&Type::Bytearray, &Type::Map(None)));
        assert!(can_cast(&Type::Chararray, &Type::Int));
        assert!(can_cast(&Type::Double, &Type::Chararray));
        assert!(!can_cast(&Type::Int, &Type::Bytearray));
        assert!(!can_cast(&Type::Int, &Type::Boolean));
        assert!(!can_cast(&Type::Chararray, &Type::bag(Schema::unknown())));
        let t1 = Type::tuple(Schema::new(vec![Field::named("a", Type::Int)]));
        let t2 = Type::tuple(Schema::new(vec![Field::named("b", Type::Chararray)]));
        assert!(can_cast(&t1, &t2));
    }

    #[test]
    fn branches_unify() {
        assert_eq!(
            unify_branches(Some(&Type::Int), Some(&Type::Double)),
            Ok(Some(Type::Double))
        );
        assert_eq!(
            unify_branches(Some(&Type::Chararray), None),
            Ok(Some(Type::Chararray))
        );
        assert!(unify_branches(Some(&Type::Chararray), Some(&Type::Int)).is_err());
    }

    #[test]
    fn display_matches_describe() {
        let s = Schema::new(vec![
            Field::named("x", Type::Int),
            Field::named("m", Type::Map(Some(Box::new(Type::Long)))),
        ]);
        assert_eq!(Type::bag(s.clone()).to_string(), "{(x: int,m: map[long])}");
        assert_eq!(Type::tuple(s).to_string(), "(x: int,m: map[long])");
        assert_eq!(Type::Map(None).to_string(), "map[]");
    }
}
