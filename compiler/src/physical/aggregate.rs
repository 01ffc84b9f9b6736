//! GROUP + FOREACH → accumulators: recognizes the aggregate calls of a FOREACH over a one-input GROUP
//! (`COUNT(b)`, `SUM(b.x)`, `COUNT(d)` where `d = DISTINCT f.y` and `f = FILTER b BY …`, …) and turns
//! each into an [`Accumulator`] kept incrementally per group; every other use of the bag keeps the whole
//! bag ([`AccumulatorFunc::Bag`]).
//!
//! The FOREACH is rewritten into the aggregate's *finish* over the finish row `(group, acc_0, …)`:
//! column 0 stays the group, each recognized call becomes column `1 + i`, nested operators used only by
//! recognized calls are dropped, and remaining references to the bag (column 1) point at the bag
//! accumulator.

use super::{Accumulator, AccumulatorFunc};
use crate::optimize::exprs::{conjunction, remap_columns, replace_down};
use crate::plan::builtins::Builtin;
use crate::plan::expr::{Expr, ExprKind, Func};
use crate::plan::{ForEach, NestedKind, NestedOp, Schema, Type};
use std::collections::BTreeSet;

/// Column of the bag in a one-input GROUP's output row.
const BAG: usize = 1;

/// While rewriting, accumulator `i` is column `ACC_BASE + i` (so that it is not mistaken for the
/// bag); the final renumbering puts it at `1 + i`.
const ACC_BASE: usize = 1 << 24;

/// The accumulators of a GROUP whose output is used as is: the whole bag.
pub(super) fn whole_bag(bag_type: &Type) -> Vec<Accumulator> {
    vec![bag_accumulator(bag_type)]
}

fn bag_accumulator(bag_type: &Type) -> Accumulator {
    Accumulator {
        func: AccumulatorFunc::Bag,
        filter: None,
        value: None,
        ty: bag_type.clone(),
    }
}

/// Splits `foreach` (over a one-input GROUP's rows; `input` is the schema of the grouped rows and
/// `bag_type` the type of the GROUP's bag field) into accumulators and the finish over the finish row.
pub(super) fn fuse(
    foreach: &ForEach,
    input: &Schema,
    bag_type: &Type,
) -> (Vec<Accumulator>, ForEach) {
    let mut accs: Vec<Accumulator> = Vec::new();
    let mut rewrite = |e: Expr| -> Expr {
        replace_down(e, &mut |x| {
            let acc = recognize(x, &foreach.nested, input)?;
            let i = match accs.iter().position(|a| *a == acc) {
                Some(i) => i,
                None => {
                    accs.push(acc);
                    accs.len() - 1
                }
            };
            Some(column(ACC_BASE + i, x.ty.clone(), x.nullable, x))
        })
    };
    let generate: Vec<_> = foreach
        .generate
        .iter()
        .map(|g| {
            let mut g = g.clone();
            g.expr = rewrite(g.expr);
            g
        })
        .collect();
    let nested: Vec<NestedOp> = foreach
        .nested
        .iter()
        .map(|op| op.clone().map_outer_exprs(&mut rewrite))
        .collect();
    let mut finish = ForEach { nested, generate };
    drop_dead_nested(&mut finish);
    if reads_column(&finish, BAG) {
        accs.push(bag_accumulator(bag_type));
    }
    if accs.is_empty() {
        // `FOREACH g GENERATE group`: the aggregate still needs one accumulator (the runtime keys its
        // state by group and counts rows per group; COUNT_STAR is the cheapest to carry along).
        accs.push(Accumulator {
            func: AccumulatorFunc::CountStar,
            filter: None,
            value: None,
            ty: Type::Long,
        });
    }
    let bag_col = accs.len();
    let finish = finish.map_outer_exprs(&mut |e| {
        let renumber = |c: usize| match c {
            BAG => Some(bag_col),
            c if c >= ACC_BASE => Some(1 + c - ACC_BASE),
            c => Some(c),
        };
        remap_columns(&e, &renumber).unwrap_or(e)
    });
    (accs, finish)
}

/// A column of the finish row standing for an expression `like`.
fn column(index: usize, ty: Type, nullable: bool, like: &Expr) -> Expr {
    let name = match &like.kind {
        ExprKind::Call {
            func: Func::Builtin(b),
            ..
        } => Some(b.name().to_string()),
        _ => None,
    };
    Expr::new(ExprKind::Column { index, name }, ty, nullable, like.span)
}

/// What an aggregate's bag argument denotes: the group's rows, filtered, projected, deduplicated.
#[derive(Debug, Default)]
struct View {
    filters: Vec<Expr>,
    project: Option<Vec<usize>>,
    distinct: bool,
}

fn view(e: &Expr, nested: &[NestedOp]) -> Option<View> {
    match &e.kind {
        ExprKind::Column { index: BAG, .. } => Some(View::default()),
        ExprKind::BagProject { base, fields } => {
            let mut v = view(base, nested)?;
            if v.distinct {
                return None;
            }
            v.project = Some(match &v.project {
                None => fields.clone(),
                Some(p) => fields
                    .iter()
                    .map(|&f| p.get(f).copied())
                    .collect::<Option<_>>()?,
            });
            Some(v)
        }
        ExprKind::Nested { index, .. } => match &nested.get(*index)?.kind {
            NestedKind::Filter { input, predicate } => {
                if crate::optimize::exprs::reads_outside_row(predicate)
                    || crate::optimize::exprs::is_volatile(predicate)
                {
                    return None;
                }
                let mut v = view(input, nested)?;
                let predicate = match &v.project {
                    None => predicate.clone(),
                    Some(p) => remap_columns(predicate, &|c| p.get(c).copied())?,
                };
                v.filters.push(predicate);
                Some(v)
            }
            NestedKind::Distinct { input } => {
                let mut v = view(input, nested)?;
                v.distinct = true;
                Some(v)
            }
            NestedKind::Expr(inner) => view(inner, nested),
            _ => None,
        },
        _ => None,
    }
}

/// The accumulator for `e` if it is an aggregate call over a recognizable view of the bag.
fn recognize(e: &Expr, nested: &[NestedOp], input: &Schema) -> Option<Accumulator> {
    let ExprKind::Call {
        func: Func::Builtin(b),
        args,
    } = &e.kind
    else {
        return None;
    };
    let [arg] = args.as_slice() else {
        return None;
    };
    // An argument cast to the signature's bag type (a bytearray field summed as double).
    let (arg, cast_to) = match &arg.kind {
        ExprKind::Cast(inner) => match &arg.ty {
            Type::Bag(s) if s.len() == 1 => (&**inner, Some(s.fields[0].ty.clone())),
            _ => return None,
        },
        _ => (arg, None),
    };
    let v = view(arg, nested)?;
    let field = |i: usize| -> Expr {
        let f = input.field_at(i).ok();
        let (ty, nullable, name) = match f {
            Some(f) => (f.ty, f.nullable, f.name),
            None => (Type::Bytearray, true, None),
        };
        let c = Expr::new(ExprKind::Column { index: i, name }, ty, nullable, arg.span);
        match &cast_to {
            Some(t) => c.cast_to(t),
            None => c,
        }
    };
    let single = match &v.project {
        Some(p) if p.len() == 1 => Some(p[0]),
        None if input.len() == 1 => Some(0),
        _ => None,
    };
    let (func, value) = match (b, v.distinct) {
        (Builtin::CountStar, false) => (AccumulatorFunc::CountStar, None),
        (Builtin::Count, false) => {
            let first = v
                .project
                .as_ref()
                .map_or(0, |p| p.first().copied().unwrap_or(0));
            (AccumulatorFunc::Count, Some(field(first)))
        }
        (Builtin::Count, true) => (AccumulatorFunc::CountDistinct, Some(field(single?))),
        (Builtin::Sum, false) => (AccumulatorFunc::Sum, Some(field(single?))),
        (Builtin::Avg, false) => (AccumulatorFunc::Avg, Some(field(single?))),
        (Builtin::Min, false) => (AccumulatorFunc::Min, Some(field(single?))),
        (Builtin::Max, false) => (AccumulatorFunc::Max, Some(field(single?))),
        _ => return None,
    };
    Some(Accumulator {
        func,
        filter: conjunction(v.filters),
        value,
        ty: e.ty.clone(),
    })
}

fn nested_refs(e: &Expr, out: &mut BTreeSet<usize>) {
    e.walk(&mut |x| {
        if let ExprKind::Nested { index, .. } = x.kind {
            out.insert(index);
        }
    });
}

/// Removes nested operators no GENERATE item needs any more and renumbers the rest.
fn drop_dead_nested(foreach: &mut ForEach) {
    let mut live = BTreeSet::new();
    for g in &foreach.generate {
        nested_refs(&g.expr, &mut live);
    }
    // Nested operators only refer to earlier ones: one backward sweep finds every live one.
    for i in (0..foreach.nested.len()).rev() {
        if live.contains(&i) {
            for e in foreach.nested[i].outer_exprs() {
                nested_refs(e, &mut live);
            }
        }
    }
    if live.len() == foreach.nested.len() {
        return;
    }
    let renumber: Vec<Option<usize>> = (0..foreach.nested.len())
        .scan(0, |next, i| {
            Some(live.contains(&i).then(|| {
                *next += 1;
                *next - 1
            }))
        })
        .collect();
    let nested = std::mem::take(&mut foreach.nested)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| live.contains(i))
        .map(|(_, op)| op)
        .collect();
    let old = std::mem::replace(
        foreach,
        ForEach {
            nested,
            generate: Vec::new(),
        },
    );
    let mut fix = |e: Expr| {
        replace_down(e, &mut |x| match &x.kind {
            ExprKind::Nested { index, name } => {
                let index = renumber.get(*index).copied().flatten()?;
                Some(Expr {
                    kind: ExprKind::Nested {
                        index,
                        name: name.clone(),
                    },
                    ..x.clone()
                })
            }
            _ => None,
        })
    };
    let nested = std::mem::take(&mut foreach.nested);
    *foreach = ForEach {
        nested,
        generate: old.generate,
    }
    .map_outer_exprs(&mut fix);
}

/// Whether any outer-row expression of `foreach` reads column `c`.
fn reads_column(foreach: &ForEach, c: usize) -> bool {
    foreach
        .generate
        .iter()
        .any(|g| g.expr.columns().contains(&c))
        || foreach
            .nested
            .iter()
            .flat_map(NestedOp::outer_exprs)
            .any(|e| e.columns().contains(&c))
}
