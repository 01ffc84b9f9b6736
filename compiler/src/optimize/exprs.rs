//! Rewriting helpers over the logical plan's typed expressions, shared by the rules and by physical
//! planning: bottom-up transforms, column remapping, and conjunction splitting.

use crate::plan::expr::{BinaryOp, Expr, ExprKind, Literal};
use crate::plan::Type;

/// Rebuilds `e` with `f` applied to each direct child (owned), leaving `e`'s own node as it is.
pub fn map_children(e: Expr, f: &mut dyn FnMut(Expr) -> Expr) -> Expr {
    let Expr {
        kind,
        ty,
        nullable,
        span,
    } = e;
    let kind = match kind {
        k @ (ExprKind::Column { .. }
        | ExprKind::Row
        | ExprKind::Scalar { .. }
        | ExprKind::Nested { .. }
        | ExprKind::Literal(_)) => k,
        ExprKind::Cast(x) => ExprKind::Cast(bx(x, f)),
        ExprKind::Neg(x) => ExprKind::Neg(bx(x, f)),
        ExprKind::Not(x) => ExprKind::Not(bx(x, f)),
        ExprKind::Binary { op, lhs, rhs } => ExprKind::Binary {
            op,
            lhs: bx(lhs, f),
            rhs: bx(rhs, f),
        },
        ExprKind::IsNull { operand, negated } => ExprKind::IsNull {
            operand: bx(operand, f),
            negated,
        },
        ExprKind::In { operand, list } => {
            let operand = bx(operand, f);
            ExprKind::In {
                operand,
                list: list.into_iter().map(&mut *f).collect(),
            }
        }
        ExprKind::BinCond {
            cond,
            then,
            otherwise,
        } => {
            let cond = bx(cond, f);
            let then = bx(then, f);
            ExprKind::BinCond {
                cond,
                then,
                otherwise: bx(otherwise, f),
            }
        }
        ExprKind::Case { whens, otherwise } => {
            let whens = whens.into_iter().map(|(w, t)| (f(w), f(t))).collect();
            ExprKind::Case {
                whens,
                otherwise: otherwise.map(|o| bx(o, f)),
            }
        }
        ExprKind::Call { func, args } => ExprKind::Call {
            func,
            args: args.into_iter().map(&mut *f).collect(),
        },
        ExprKind::TupleField { base, index } => ExprKind::TupleField {
            base: bx(base, f),
            index,
        },
        ExprKind::TupleProject { base, fields } => ExprKind::TupleProject {
            base: bx(base, f),
            fields,
        },
        ExprKind::BagProject { base, fields } => ExprKind::BagProject {
            base: bx(base, f),
            fields,
        },
        ExprKind::MapLookup { base, key } => ExprKind::MapLookup {
            base: bx(base, f),
            key,
        },
        ExprKind::Tuple(items) => ExprKind::Tuple(items.into_iter().map(&mut *f).collect()),
        ExprKind::Bag(items) => ExprKind::Bag(items.into_iter().map(&mut *f).collect()),
        ExprKind::Map(entries) => {
            ExprKind::Map(entries.into_iter().map(|(k, v)| (f(k), f(v))).collect())
        }
    };
    Expr {
        kind,
        ty,
        nullable,
        span,
    }
}

/// Maps a boxed child in place (the box is reused).
fn bx(mut x: Box<Expr>, f: &mut dyn FnMut(Expr) -> Expr) -> Box<Expr> {
    let child = std::mem::replace(&mut *x, placeholder());
    *x = f(child);
    x
}

fn placeholder() -> Expr {
    Expr::new(
        ExprKind::Literal(Literal::Null),
        Type::Boolean,
        true,
        crate::parse::Span::default(),
    )
}

/// Applies `f` to every node of `e`, children first (post-order), and returns the result.
pub fn transform_up(e: Expr, f: &mut dyn FnMut(Expr) -> Expr) -> Expr {
    let e = map_children(e, &mut |c| transform_up(c, f));
    f(e)
}

/// Replaces every top-level match of `f` (pre-order: a replaced node's children are not visited).
pub fn replace_down(e: Expr, f: &mut dyn FnMut(&Expr) -> Option<Expr>) -> Expr {
    match f(&e) {
        Some(r) => r,
        None => map_children(e, &mut |c| replace_down(c, f)),
    }
}

/// True when `e` reads the whole row ([`ExprKind::Row`], `*` over an unknown schema).
pub fn reads_row(e: &Expr) -> bool {
    let mut row = false;
    e.walk(&mut |x| row |= matches!(x.kind, ExprKind::Row));
    row
}

/// `e` with every column `i` of the evaluated row renamed to `map(i)`. Returns `None` when `map`
/// has no image for a column `e` reads, or when `e` reads the whole row.
pub fn remap_columns(e: &Expr, map: &dyn Fn(usize) -> Option<usize>) -> Option<Expr> {
    if reads_row(e) {
        return None;
    }
    let mut ok = true;
    let out = transform_up(e.clone(), &mut |x| match x.kind {
        ExprKind::Column { index, name } => match map(index) {
            Some(i) => Expr {
                kind: ExprKind::Column { index: i, name },
                ..x
            },
            None => {
                ok = false;
                Expr {
                    kind: ExprKind::Column { index, name },
                    ..x
                }
            }
        },
        _ => x,
    });
    ok.then_some(out)
}

/// `e` with every column replaced by the expression `subst(i)` (inlining a projection). Returns `None`
/// when some column has no substitute, or when `e` reads the whole row.
pub fn substitute_columns(e: &Expr, subst: &dyn Fn(usize) -> Option<Expr>) -> Option<Expr> {
    if reads_row(e) {
        return None;
    }
    let mut ok = true;
    let out = replace_down(e.clone(), &mut |x| match &x.kind {
        ExprKind::Column { index, .. } => match subst(*index) {
            Some(r) => Some(r),
            None => {
                ok = false;
                Some(x.clone())
            }
        },
        _ => None,
    });
    ok.then_some(out)
}

/// The conjuncts of a predicate: `a AND (b AND c)` → `[a, b, c]`.
///
/// Splitting is sound for FILTER: a row is kept iff the whole predicate is true, iff every conjunct is
/// true (three-valued AND is true only when both sides are true).
pub fn conjuncts(e: &Expr) -> Vec<Expr> {
    match &e.kind {
        ExprKind::Binary {
            op: BinaryOp::And,
            lhs,
            rhs,
        } => {
            let mut v = conjuncts(lhs);
            v.extend(conjuncts(rhs));
            v
        }
        _ => vec![e.clone()],
    }
}

/// The conjunction of `parts` (left-nested, in order); `None` for an empty list.
pub fn conjunction(parts: Vec<Expr>) -> Option<Expr> {
    parts.into_iter().reduce(and)
}

/// `lhs AND rhs` as a typed boolean expression.
pub fn and(lhs: Expr, rhs: Expr) -> Expr {
    let nullable = lhs.nullable || rhs.nullable;
    let span = lhs.span;
    Expr::new(
        ExprKind::Binary {
            op: BinaryOp::And,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        Type::Boolean,
        nullable,
        span,
    )
}

/// True when `e` may give different results for the same row (RANDOM, CurrentTime, Rust UDFs, whose
/// purity pigc cannot see): such expressions are never duplicated, moved past a stateful operator, or
/// folded.
pub fn is_volatile(e: &Expr) -> bool {
    let mut volatile = false;
    e.walk(&mut |x| {
        if let ExprKind::Call { func, .. } = &x.kind {
            volatile |= match func {
                crate::plan::expr::Func::Builtin(b) => b.is_nondeterministic(),
                crate::plan::expr::Func::Rust(_) => true,
            };
        }
    });
    volatile
}

/// True when `e` reads scalars or nested aliases (values that are not a function of the row's columns).
pub fn reads_outside_row(e: &Expr) -> bool {
    let mut outside = false;
    e.walk(&mut |x| {
        outside |= matches!(x.kind, ExprKind::Scalar { .. } | ExprKind::Nested { .. });
    });
    outside
}

/// True when a GENERATE item yields one field whose type is its expression's type, so that the
/// expression can stand in for the field (inlining).
pub fn same_type(item: &crate::plan::GenerateItem) -> bool {
    matches!(item.fields.as_slice(), [f] if f.ty == item.expr.ty)
}

/// True when `e` is the boolean literal `value`.
pub fn is_bool(e: &Expr, value: bool) -> bool {
    matches!(e.kind, ExprKind::Literal(Literal::Boolean(b)) if b == value)
}

/// The index of `e` if it is a bare column (a cast column does not count: it is a new value).
pub fn as_column(e: &Expr) -> Option<usize> {
    match e.kind {
        ExprKind::Column { index, .. } => Some(index),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Span;

    fn col(i: usize) -> Expr {
        Expr::new(
            ExprKind::Column {
                index: i,
                name: None,
            },
            Type::Boolean,
            true,
            Span::default(),
        )
    }

    #[test]
    fn conjuncts_round_trip() {
        let e = and(col(0), and(col(1), col(2)));
        let parts = conjuncts(&e);
        assert_eq!(parts.len(), 3);
        assert_eq!(conjuncts(&conjunction(parts).unwrap()).len(), 3);
    }

    #[test]
    fn remap_fails_on_missing_column() {
        let e = and(col(0), col(3));
        assert!(remap_columns(&e, &|i| (i == 0).then_some(5)).is_none());
        let r = remap_columns(&e, &|i| Some(i + 1)).unwrap();
        assert_eq!(r.columns(), vec![1, 4]);
    }
}
