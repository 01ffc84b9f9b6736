//! Resolved, typed expressions of the logical plan.
//!
//! Every name is resolved when the plan is built: a field is a [`ExprKind::Column`] (a position in the
//! row being evaluated), a function call names a catalogue entry or a declared Rust UDF, and every
//! implicit conversion is an explicit [`ExprKind::Cast`]. Operands of a binary operator already have
//! the operator's operand type (e.g. both `double` for `int + double`). A code generator can
//! therefore translate an [`Expr`] into Rust without looking anything up again.

use super::builtins::Builtin;
use super::types::Type;
use super::NodeId;
pub use crate::parse::ast::{BinaryOp, Literal};
use crate::parse::Span;
use std::fmt;

/// A typed expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it computes.
    pub kind: ExprKind,
    /// Its result type.
    pub ty: Type,
    /// False when the value can never be null.
    pub nullable: bool,
    /// Where it comes from in the script.
    pub span: Span,
}

/// The expression forms.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// Field `index` of the row being evaluated: the operator's input row (for JOIN/COGROUP keys, the
    /// row of the input the key belongs to; inside a nested FOREACH operator, a tuple of its input bag).
    Column {
        /// Position in the row.
        index: usize,
        /// The field's name when it has one (for display and comments only).
        name: Option<String>,
    },
    /// The whole row being evaluated, as a tuple: `*` over a row whose schema is unknown
    /// (`GENERATE *` flattens it, `ORDER BY *` compares it field by field).
    Row,
    /// Field `field` of the single row of relation `node`, used as a scalar (Pig's `rel.field` where
    /// `rel` is a relation with one row). The plan has a scalar edge from `node` to the user.
    Scalar {
        /// The relation.
        node: NodeId,
        /// The field's position in it.
        field: usize,
    },
    /// The value of inner alias `index` of the enclosing nested FOREACH block
    /// ([`super::ForEach::nested`]).
    Nested {
        /// Index into the nested operators.
        index: usize,
        /// The inner alias.
        name: String,
    },
    /// A constant; `Literal::Null` has the type the context gives it.
    Literal(Literal),
    /// Conversion of the operand to this expression's type.
    Cast(Box<Expr>),
    /// Arithmetic negation.
    Neg(Box<Expr>),
    /// Three-valued logical NOT.
    Not(Box<Expr>),
    /// A binary operator; both operands have the same operand type (for arithmetic, the result type;
    /// for comparisons, the type they are compared as; for AND/OR, boolean; for MATCHES, chararray).
    Binary {
        /// The operator.
        op: BinaryOp,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// `operand IS [NOT] NULL` (never null itself).
    IsNull {
        /// The tested value.
        operand: Box<Expr>,
        /// `IS NOT NULL`.
        negated: bool,
    },
    /// `operand IN (list)`: equality with any element, elements cast to the operand's type.
    In {
        /// The tested value.
        operand: Box<Expr>,
        /// The candidates.
        list: Vec<Expr>,
    },
    /// `cond ? then : otherwise` (null when `cond` is null); branches have this expression's type.
    BinCond {
        /// Condition (boolean).
        cond: Box<Expr>,
        /// Value when true.
        then: Box<Expr>,
        /// Value when false.
        otherwise: Box<Expr>,
    },
    /// Searched CASE: the first true `when` gives its `then`; else `otherwise` (null when absent).
    /// The simple form `CASE x WHEN v …` is planned as `x == v` conditions.
    Case {
        /// (condition, value) pairs.
        whens: Vec<(Expr, Expr)>,
        /// The ELSE value.
        otherwise: Option<Box<Expr>>,
    },
    /// A function call; arguments are already cast to the signature's parameter types.
    Call {
        /// The resolved function.
        func: Func,
        /// Arguments.
        args: Vec<Expr>,
    },
    /// One field of a tuple value.
    TupleField {
        /// The tuple.
        base: Box<Expr>,
        /// Field position in it.
        index: usize,
    },
    /// Several fields of a tuple value, as a new tuple (`t.(a, b)`).
    TupleProject {
        /// The tuple.
        base: Box<Expr>,
        /// Field positions.
        fields: Vec<usize>,
    },
    /// A bag of the given fields of every tuple of a bag (`bag.x`, `bag.(x, y)`).
    BagProject {
        /// The bag.
        base: Box<Expr>,
        /// Field positions.
        fields: Vec<usize>,
    },
    /// `map#'key'`.
    MapLookup {
        /// The map.
        base: Box<Expr>,
        /// The key.
        key: String,
    },
    /// A tuple constructor `(a, b)`.
    Tuple(Vec<Expr>),
    /// A bag constructor `{(a), (b)}`; each element is a tuple expression.
    Bag(Vec<Expr>),
    /// A map constructor `['k'#v]`; keys are chararray.
    Map(Vec<(Expr, Expr)>),
}

/// A resolved function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Func {
    /// A builtin from the catalogue.
    Builtin(Builtin),
    /// A Rust UDF: index into [`super::LogicalPlan::udfs`].
    Rust(usize),
}

impl Expr {
    /// A new expression.
    pub fn new(kind: ExprKind, ty: Type, nullable: bool, span: Span) -> Expr {
        Expr {
            kind,
            ty,
            nullable,
            span,
        }
    }

    /// This expression converted to `ty` (itself if it already has that type).
    pub fn cast_to(self, ty: &Type) -> Expr {
        if &self.ty == ty {
            return self;
        }
        let (nullable, span) = (self.nullable || self.ty == Type::Bytearray, self.span);
        if let ExprKind::Literal(l) = &self.kind {
            if let Some(folded) = convert_literal(l, ty) {
                let nullable = matches!(folded, Literal::Null);
                return Expr::new(ExprKind::Literal(folded), ty.clone(), nullable, span);
            }
        }
        Expr::new(ExprKind::Cast(Box::new(self)), ty.clone(), nullable, span)
    }

    /// The direct subexpressions, in evaluation order.
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Column { .. }
            | ExprKind::Row
            | ExprKind::Scalar { .. }
            | ExprKind::Nested { .. }
            | ExprKind::Literal(_) => Vec::new(),
            ExprKind::Cast(e) | ExprKind::Neg(e) | ExprKind::Not(e) => vec![e],
            ExprKind::IsNull { operand, .. } => vec![operand],
            ExprKind::TupleField { base, .. }
            | ExprKind::TupleProject { base, .. }
            | ExprKind::BagProject { base, .. }
            | ExprKind::MapLookup { base, .. } => vec![base],
            ExprKind::Binary { lhs, rhs, .. } => vec![lhs, rhs],
            ExprKind::In { operand, list } => std::iter::once(&**operand).chain(list).collect(),
            ExprKind::BinCond {
                cond,
                then,
                otherwise,
            } => vec![cond, then, otherwise],
            ExprKind::Case { whens, otherwise } => whens
                .iter()
                .flat_map(|(w, t)| [w, t])
                .chain(otherwise.as_deref())
                .collect(),
            ExprKind::Call { args, .. } | ExprKind::Tuple(args) | ExprKind::Bag(args) => {
                args.iter().collect()
            }
            ExprKind::Map(entries) => entries.iter().flat_map(|(k, v)| [k, v]).collect(),
        }
    }

    /// The direct subexpressions, mutably, in evaluation order.
    pub fn children_mut(&mut self) -> Vec<&mut Expr> {
        match &mut self.kind {
            ExprKind::Column { .. }
            | ExprKind::Row
            | ExprKind::Scalar { .. }
            | ExprKind::Nested { .. }
            | ExprKind::Literal(_) => Vec::new(),
            ExprKind::Cast(e) | ExprKind::Neg(e) | ExprKind::Not(e) => vec![&mut **e],
            ExprKind::IsNull { operand, .. } => vec![&mut **operand],
            ExprKind::TupleField { base, .. }
            | ExprKind::TupleProject { base, .. }
            | ExprKind::BagProject { base, .. }
            | ExprKind::MapLookup { base, .. } => vec![&mut **base],
            ExprKind::Binary { lhs, rhs, .. } => vec![&mut **lhs, &mut **rhs],
            ExprKind::In { operand, list } => std::iter::once(&mut **operand)
                .chain(list.iter_mut())
                .collect(),
            ExprKind::BinCond {
                cond,
                then,
                otherwise,
            } => vec![&mut **cond, &mut **then, &mut **otherwise],
            ExprKind::Case { whens, otherwise } => whens
                .iter_mut()
                .flat_map(|(w, t)| [w, t])
                .chain(otherwise.as_deref_mut())
                .collect(),
            ExprKind::Call { args, .. } | ExprKind::Tuple(args) | ExprKind::Bag(args) => {
                args.iter_mut().collect()
            }
            ExprKind::Map(entries) => entries.iter_mut().flat_map(|(k, v)| [k, v]).collect(),
        }
    }

    /// Calls `f` on this expression and every subexpression, mutably (pre-order).
    pub fn walk_mut(&mut self, f: &mut impl FnMut(&mut Expr)) {
        f(self);
        for c in self.children_mut() {
            c.walk_mut(f);
        }
    }

    /// Renumbers the columns this expression reads (e.g. after a rule moved it below an operator
    /// that reorders or prunes fields). `Row` is left alone.
    pub fn remap_columns(&mut self, map: &impl Fn(usize) -> usize) {
        self.walk_mut(&mut |e| {
            if let ExprKind::Column { index, .. } = &mut e.kind {
                *index = map(*index);
            }
        });
    }

    /// Whether evaluating it twice may give different results (it calls RANDOM or CurrentTime, or a
    /// Rust UDF, which pigc cannot see into).
    pub fn is_nondeterministic(&self) -> bool {
        let mut found = false;
        self.walk(&mut |e| {
            if let ExprKind::Call { func, .. } = &e.kind {
                found |= match func {
                    Func::Builtin(b) => b.is_nondeterministic(),
                    Func::Rust(_) => true,
                };
            }
        });
        found
    }

    /// Calls `f` on this expression and every subexpression (pre-order).
    pub fn walk(&self, f: &mut impl FnMut(&Expr)) {
        f(self);
        for c in self.children() {
            c.walk(f);
        }
    }

    /// The columns of the evaluated row this expression reads, sorted and deduplicated.
    pub fn columns(&self) -> Vec<usize> {
        let mut cols = Vec::new();
        self.walk(&mut |e| {
            if let ExprKind::Column { index, .. } = e.kind {
                cols.push(index);
            }
        });
        cols.sort_unstable();
        cols.dedup();
        cols
    }
}

/// A numeric literal widened to a wider numeric type (`2` as a double is `2.0`), or a null of any
/// type; `None` when the conversion is not a lossless widening (the cast is then kept).
fn convert_literal(l: &Literal, ty: &Type) -> Option<Literal> {
    let wide = |v: f64| match ty {
        Type::Double => Some(Literal::Double(v)),
        _ => None,
    };
    match (l, ty) {
        (Literal::Null, _) => Some(Literal::Null),
        (Literal::Int(i), Type::Long) => Some(Literal::Long(i64::from(*i))),
        (Literal::Int(i), Type::Double) => wide(f64::from(*i)),
        (Literal::Float(x), Type::Double) => wide(f64::from(*x)),
        (Literal::Int(i), Type::Float) if i.unsigned_abs() < (1 << 24) => {
            Some(Literal::Float(*i as f32))
        }
        (Literal::Long(i), Type::Double) if i.unsigned_abs() < (1 << 53) => wide(*i as f64),
        (Literal::Long(i), Type::Float) if i.unsigned_abs() < (1 << 24) => {
            Some(Literal::Float(*i as f32))
        }
        (Literal::Int(i), Type::BigInteger) => Some(Literal::BigInteger(i.to_string())),
        (Literal::Long(i), Type::BigInteger) => Some(Literal::BigInteger(i.to_string())),
        (Literal::Int(i), Type::BigDecimal) => Some(Literal::BigDecimal(i.to_string())),
        (Literal::Long(i), Type::BigDecimal) => Some(Literal::BigDecimal(i.to_string())),
        _ => None,
    }
}

/// The spelling of a binary operator in Pig Latin.
pub fn op_symbol(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Or => "OR",
        BinaryOp::And => "AND",
        BinaryOp::Eq => "==",
        BinaryOp::Ne => "!=",
        BinaryOp::Lt => "<",
        BinaryOp::Le => "<=",
        BinaryOp::Gt => ">",
        BinaryOp::Ge => ">=",
        BinaryOp::Matches => "MATCHES",
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "*",
        BinaryOp::Div => "/",
        BinaryOp::Mod => "%",
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, items: &[Expr]) -> fmt::Result {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{e}")?;
    }
    Ok(())
}

fn write_positions(f: &mut fmt::Formatter<'_>, fields: &[usize]) -> fmt::Result {
    let list: Vec<String> = fields.iter().map(|i| format!("${i}")).collect();
    write!(f, "({})", list.join(", "))
}

impl fmt::Display for Expr {
    /// A compact Pig-like rendering: columns as `name#position` (or `$position`), casts explicit.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ExprKind::Column {
                index,
                name: Some(n),
            } => write!(f, "{n}#{index}"),
            ExprKind::Column { index, name: None } => write!(f, "${index}"),
            ExprKind::Row => f.write_str("*"),
            ExprKind::Scalar { node, field } => {
                write!(f, "scalar(node {}, ${field})", node.index())
            }
            ExprKind::Nested { name, .. } => f.write_str(name),
            ExprKind::Literal(l) => write_literal(f, l),
            ExprKind::Cast(e) => write!(f, "({}){e}", self.ty),
            ExprKind::Neg(e) => write!(f, "-{e}"),
            ExprKind::Not(e) => write!(f, "NOT {e}"),
            ExprKind::Binary { op, lhs, rhs } => {
                write!(f, "({lhs} {} {rhs})", op_symbol(*op))
            }
            ExprKind::IsNull { operand, negated } => {
                let not = if *negated { " NOT" } else { "" };
                write!(f, "({operand} IS{not} NULL)")
            }
            ExprKind::In { operand, list } => {
                write!(f, "({operand} IN (")?;
                write_list(f, list)?;
                f.write_str("))")
            }
            ExprKind::BinCond {
                cond,
                then,
                otherwise,
            } => write!(f, "({cond} ? {then} : {otherwise})"),
            ExprKind::Case { whens, otherwise } => {
                f.write_str("CASE")?;
                for (w, t) in whens {
                    write!(f, " WHEN {w} THEN {t}")?;
                }
                if let Some(e) = otherwise {
                    write!(f, " ELSE {e}")?;
                }
                f.write_str(" END")
            }
            ExprKind::Call { func, args } => {
                match func {
                    Func::Builtin(b) => write!(f, "{b}(")?,
                    Func::Rust(i) => write!(f, "udf#{i}(")?,
                }
                write_list(f, args)?;
                f.write_str(")")
            }
            ExprKind::TupleField { base, index } => write!(f, "{base}.${index}"),
            ExprKind::TupleProject { base, fields } | ExprKind::BagProject { base, fields } => {
                write!(f, "{base}.")?;
                write_positions(f, fields)
            }
            ExprKind::MapLookup { base, key } => write!(f, "{base}#{key:?}"),
            ExprKind::Tuple(items) => {
                f.write_str("(")?;
                write_list(f, items)?;
                f.write_str(")")
            }
            ExprKind::Bag(items) => {
                f.write_str("{")?;
                write_list(f, items)?;
                f.write_str("}")
            }
            ExprKind::Map(entries) => {
                f.write_str("[")?;
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k}#{v}")?;
                }
                f.write_str("]")
            }
        }
    }
}

fn write_literal(f: &mut fmt::Formatter<'_>, l: &Literal) -> fmt::Result {
    match l {
        Literal::Null => f.write_str("null"),
        Literal::Boolean(b) => write!(f, "{b}"),
        Literal::Int(i) => write!(f, "{i}"),
        Literal::Long(i) => write!(f, "{i}L"),
        Literal::Float(x) => write!(f, "{x:?}F"),
        Literal::Double(x) => write!(f, "{x:?}"),
        Literal::BigInteger(s) => write!(f, "{s}BI"),
        Literal::BigDecimal(s) => write!(f, "{s}BD"),
        Literal::Chararray(s) => write!(f, "{s:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(index: usize) -> Expr {
        Expr::new(
            ExprKind::Column { index, name: None },
            Type::Int,
            true,
            Span::default(),
        )
    }

    #[test]
    fn columns_and_remap() {
        let mut e = Expr::new(
            ExprKind::Binary {
                op: BinaryOp::Add,
                lhs: Box::new(col(3)),
                rhs: Box::new(col(1).cast_to(&Type::Long).cast_to(&Type::Long)),
            },
            Type::Long,
            true,
            Span::default(),
        );
        assert_eq!(e.columns(), vec![1, 3]);
        e.remap_columns(&|i| i * 10);
        assert_eq!(e.columns(), vec![10, 30]);
        assert!(!e.is_nondeterministic());
    }

    #[test]
    fn literal_casts_fold() {
        let two = Expr::new(
            ExprKind::Literal(Literal::Int(2)),
            Type::Int,
            false,
            Span::default(),
        );
        let folded = two.cast_to(&Type::Double);
        assert_eq!(folded.kind, ExprKind::Literal(Literal::Double(2.0)));
        assert_eq!(folded.to_string(), "2.0");
        let s = Expr::new(
            ExprKind::Literal(Literal::Chararray("7".into())),
            Type::Chararray,
            false,
            Span::default(),
        );
        assert!(matches!(s.cast_to(&Type::Int).kind, ExprKind::Cast(_)));
    }
}
