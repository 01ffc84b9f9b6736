//! `constant_folding`: evaluates constant subexpressions and simplifies boolean logic with Pig's null
//! semantics, in every expression of the plan; a FILTER whose predicate becomes `true` is removed.
//!
//! Three-valued logic (null = unknown): `x AND false` = `false AND x` = false, `x AND true` = x,
//! `x OR true` = true, `x OR false` = x, `NOT NOT x` = x; `x AND null` stays (it is false or null
//! depending on `x`, and FILTER drops both, but the value matters inside other expressions).
//! Arithmetic and comparisons with a null literal are null; `x IS NULL` is false when `x` can never be
//! null; `c ? a : b` with a literal condition picks its branch (null when `c` is null). Integer
//! arithmetic wraps as Java's does; division and modulo are not folded (Pig's results for a zero divisor
//! are the runtime's business). Nondeterministic calls (RANDOM, CurrentTime, Rust UDFs) are never folded.

use super::exprs::{is_bool, is_volatile, transform_up};
use super::graph::{bypass, exists, map_op_exprs, nodes};
use super::{Rewrite, Rule};
use crate::plan::expr::{BinaryOp, Expr, ExprKind, Literal};
use crate::plan::{LogicalOp, LogicalPlan, Type};
use std::cmp::Ordering;

/// Folds constants and simplifies boolean expressions.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConstantFolding;

impl Rule for ConstantFolding {
    fn name(&self) -> &'static str {
        "constant_folding"
    }

    fn rewrite(&self, plan: &mut LogicalPlan) -> Vec<Rewrite> {
        let mut done = Vec::new();
        for n in nodes(plan) {
            if !exists(plan, n) {
                continue;
            }
            if !op_exprs(&plan.graph[n].op).into_iter().any(foldable) {
                continue;
            }
            let before = plan.graph[n].op.clone();
            let after = map_op_exprs(before.clone(), &mut |e| transform_up(e, &mut simplify));
            if after == before {
                continue;
            }
            let always =
                matches!(&after, LogicalOp::Filter { predicate } if is_bool(predicate, true));
            plan.graph[n].op = after;
            if always {
                if let Some(input) = bypass(plan, n) {
                    done.push(Rewrite::new(
                        input,
                        "removed FILTER whose predicate is always true",
                    ));
                }
            } else {
                done.push(Rewrite::new(n, "folded constant expressions"));
            }
        }
        done
    }
}

/// Every expression stored in an operator.
fn op_exprs(op: &LogicalOp) -> Vec<&Expr> {
    use crate::plan::{NestedKind, SplitCondition};
    let mut v: Vec<&Expr> = Vec::new();
    match op {
        LogicalOp::Filter { predicate } | LogicalOp::Assert { predicate, .. } => v.push(predicate),
        LogicalOp::ForEach(f) => {
            v.extend(f.outer_exprs());
            for n in &f.nested {
                match &n.kind {
                    NestedKind::Filter { predicate, .. } => v.push(predicate),
                    NestedKind::Order { keys, .. } => v.extend(keys.iter().map(|k| &k.expr)),
                    NestedKind::ForEach { generate, .. } => {
                        v.extend(generate.iter().map(|g| &g.expr))
                    }
                    _ => {}
                }
            }
        }
        LogicalOp::Group(g) => v.extend(g.keys.iter().flatten()),
        LogicalOp::Join { keys, .. } => v.extend(keys.iter().flatten()),
        LogicalOp::SplitOutput { condition } => match condition {
            SplitCondition::If(c) => v.push(c),
            SplitCondition::Otherwise(cs) => v.extend(cs),
        },
        LogicalOp::Sample { fraction } => v.push(fraction),
        LogicalOp::Order { keys } | LogicalOp::Rank { keys, .. } => {
            v.extend(keys.iter().map(|k| &k.expr))
        }
        LogicalOp::Limit { count } => v.push(count),
        LogicalOp::Cube { dimensions, .. } => v.extend(dimensions),
        LogicalOp::Load { .. }
        | LogicalOp::Cross
        | LogicalOp::Distinct
        | LogicalOp::Union { .. }
        | LogicalOp::Split
        | LogicalOp::Store { .. }
        | LogicalOp::Dump => {}
    }
    v
}

/// A cheap test for whether [`simplify`] could change something in `e`: some operator has a literal
/// operand, a double negation, a null test of a never-null value, or a field of a tuple constructor.
fn foldable(e: &Expr) -> bool {
    let mut found = false;
    e.walk(&mut |x| {
        found |= match &x.kind {
            ExprKind::Not(c) => matches!(c.kind, ExprKind::Literal(_) | ExprKind::Not(_)),
            ExprKind::IsNull { operand, .. } => {
                !operand.nullable || matches!(operand.kind, ExprKind::Literal(_))
            }
            ExprKind::TupleField { base, .. } => matches!(base.kind, ExprKind::Tuple(_)),
            ExprKind::Case { whens, .. } => whens
                .iter()
                .any(|(w, _)| matches!(w.kind, ExprKind::Literal(_))),
            ExprKind::Binary {
                op: BinaryOp::And | BinaryOp::Or,
                lhs,
                rhs,
            } => is_literal(lhs) || is_literal(rhs),
            ExprKind::Binary { lhs, rhs, .. } => {
                (is_literal(lhs) && is_literal(rhs)) || is_null(lhs) || is_null(rhs)
            }
            ExprKind::Neg(c) | ExprKind::Cast(c) => is_literal(c),
            ExprKind::BinCond { cond, .. } => is_literal(cond),
            _ => false,
        };
    });
    found
}

fn literal(l: Literal, like: &Expr) -> Expr {
    let nullable = matches!(l, Literal::Null);
    Expr::new(ExprKind::Literal(l), like.ty.clone(), nullable, like.span)
}

fn null(like: &Expr) -> Expr {
    literal(Literal::Null, like)
}

fn boolean(b: bool, like: &Expr) -> Expr {
    Expr::new(
        ExprKind::Literal(Literal::Boolean(b)),
        Type::Boolean,
        false,
        like.span,
    )
}

fn is_literal(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Literal(_))
}

fn is_null(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Literal(Literal::Null))
}

/// One bottom-up simplification step (children are already simplified).
pub(crate) fn simplify(e: Expr) -> Expr {
    if is_volatile(&e) {
        return e;
    }
    match &e.kind {
        ExprKind::Not(x) => match &x.kind {
            ExprKind::Literal(Literal::Boolean(b)) => boolean(!b, &e),
            ExprKind::Literal(Literal::Null) => null(&e),
            ExprKind::Not(inner) => (**inner).clone(),
            _ => e,
        },
        ExprKind::Neg(x) => match &x.kind {
            ExprKind::Literal(Literal::Int(i)) => literal(Literal::Int(i.wrapping_neg()), &e),
            ExprKind::Literal(Literal::Long(i)) => literal(Literal::Long(i.wrapping_neg()), &e),
            ExprKind::Literal(Literal::Double(d)) => literal(Literal::Double(-d), &e),
            ExprKind::Literal(Literal::Float(d)) => literal(Literal::Float(-d), &e),
            ExprKind::Literal(Literal::Null) => null(&e),
            _ => e,
        },
        ExprKind::Binary { op, lhs, rhs } => binary(*op, lhs, rhs, &e).unwrap_or(e),
        ExprKind::IsNull { operand, negated } => {
            if is_null(operand) {
                boolean(!negated, &e)
            } else if !operand.nullable {
                boolean(*negated, &e)
            } else {
                e
            }
        }
        ExprKind::BinCond {
            cond,
            then,
            otherwise,
        } => match &cond.kind {
            ExprKind::Literal(Literal::Boolean(true)) => (**then).clone(),
            ExprKind::Literal(Literal::Boolean(false)) => (**otherwise).clone(),
            ExprKind::Literal(Literal::Null) => null(&e),
            _ => e,
        },
        ExprKind::Case { whens, otherwise } => {
            // Drop branches that can never be taken; a first branch that is always taken wins.
            let live: Vec<(Expr, Expr)> = whens
                .iter()
                .filter(|(w, _)| !is_bool(w, false) && !is_null(w))
                .cloned()
                .collect();
            match live.first() {
                Some((w, t)) if is_bool(w, true) => t.clone(),
                None => otherwise.as_deref().cloned().unwrap_or_else(|| null(&e)),
                _ if live.len() == whens.len() => e,
                _ => Expr {
                    kind: ExprKind::Case {
                        whens: live,
                        otherwise: otherwise.clone(),
                    },
                    ..e
                },
            }
        }
        ExprKind::TupleField { base, index } => match &base.kind {
            ExprKind::Tuple(items) if items.get(*index).is_some_and(|i| i.ty == e.ty) => {
                items[*index].clone()
            }
            _ => e,
        },
        ExprKind::Cast(x) if matches!(x.kind, ExprKind::Literal(_)) => {
            let folded = (**x).clone().cast_to(&e.ty);
            if matches!(folded.kind, ExprKind::Literal(_)) {
                folded
            } else {
                e
            }
        }
        _ => e,
    }
}

fn binary(op: BinaryOp, lhs: &Expr, rhs: &Expr, e: &Expr) -> Option<Expr> {
    use BinaryOp::*;
    match op {
        And => {
            if is_bool(lhs, false) || is_bool(rhs, false) {
                Some(boolean(false, e))
            } else if is_bool(lhs, true) {
                Some(rhs.clone())
            } else if is_bool(rhs, true) {
                Some(lhs.clone())
            } else if is_null(lhs) && is_null(rhs) {
                Some(null(e))
            } else {
                None
            }
        }
        Or => {
            if is_bool(lhs, true) || is_bool(rhs, true) {
                Some(boolean(true, e))
            } else if is_bool(lhs, false) {
                Some(rhs.clone())
            } else if is_bool(rhs, false) {
                Some(lhs.clone())
            } else if is_null(lhs) && is_null(rhs) {
                Some(null(e))
            } else {
                None
            }
        }
        _ if is_null(lhs) || is_null(rhs) => Some(null(e)),
        Add | Sub | Mul => {
            let (ExprKind::Literal(a), ExprKind::Literal(b)) = (&lhs.kind, &rhs.kind) else {
                return None;
            };
            let l = match (a, b) {
                (Literal::Int(x), Literal::Int(y)) => Literal::Int(match op {
                    Add => x.wrapping_add(*y),
                    Sub => x.wrapping_sub(*y),
                    _ => x.wrapping_mul(*y),
                }),
                (Literal::Long(x), Literal::Long(y)) => Literal::Long(match op {
                    Add => x.wrapping_add(*y),
                    Sub => x.wrapping_sub(*y),
                    _ => x.wrapping_mul(*y),
                }),
                (Literal::Double(x), Literal::Double(y)) => Literal::Double(match op {
                    Add => x + y,
                    Sub => x - y,
                    _ => x * y,
                }),
                _ => return None,
            };
            Some(literal(l, e))
        }
        Eq | Ne | Lt | Le | Gt | Ge => {
            let (ExprKind::Literal(a), ExprKind::Literal(b)) = (&lhs.kind, &rhs.kind) else {
                return None;
            };
            let ord = compare(a, b, matches!(op, Eq | Ne))?;
            let v = match op {
                Eq => ord == Ordering::Equal,
                Ne => ord != Ordering::Equal,
                Lt => ord == Ordering::Less,
                Le => ord != Ordering::Greater,
                Gt => ord == Ordering::Greater,
                _ => ord != Ordering::Less,
            };
            Some(boolean(v, e))
        }
        _ => None,
    }
}

/// Compares two literals of the same type as Pig does; `None` when unsure (NaN, non-ASCII ordering,
/// where Java's UTF-16 order and Rust's byte order may differ).
fn compare(a: &Literal, b: &Literal, equality_only: bool) -> Option<Ordering> {
    match (a, b) {
        (Literal::Int(x), Literal::Int(y)) => Some(x.cmp(y)),
        (Literal::Long(x), Literal::Long(y)) => Some(x.cmp(y)),
        (Literal::Double(x), Literal::Double(y)) => x.partial_cmp(y),
        (Literal::Float(x), Literal::Float(y)) => x.partial_cmp(y),
        (Literal::Boolean(x), Literal::Boolean(y)) => Some(x.cmp(y)),
        (Literal::Chararray(x), Literal::Chararray(y))
            if equality_only || (x.is_ascii() && y.is_ascii()) =>
        {
            Some(x.cmp(y))
        }
        _ => None,
    }
}
