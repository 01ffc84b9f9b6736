//! `push_filter_into_join`: a conjunct of `FILTER (JOIN a, b) BY p` (or of a FILTER over CROSS) that
//! reads only the fields of one input moves onto that input, before the join. Never onto an input that
//! the join pads with nulls (the right side of LEFT OUTER, the left of RIGHT OUTER, both of FULL
//! OUTER): there a predicate such as `b::x IS NULL` is true for padded rows that would not exist if `b`
//! were filtered first.

use super::exprs::{conjunction, conjuncts, is_volatile, reads_row, remap_columns};
use super::graph::{
    exists, filter_on_edge, is_pinned, keep_or_remove_filter, nodes, sole_input, sole_user,
};
use super::{Rewrite, Rule};
use crate::plan::{JoinKind, LogicalOp, LogicalPlan, Port};

/// Pushes FILTER conjuncts into the matching side of JOIN/CROSS.
#[derive(Debug, Clone, Copy, Default)]
pub struct PushFilterIntoJoin;

impl Rule for PushFilterIntoJoin {
    fn name(&self) -> &'static str {
        "push_filter_into_join"
    }

    fn rewrite(&self, plan: &mut LogicalPlan) -> Vec<Rewrite> {
        let mut done = Vec::new();
        for n in nodes(plan) {
            if !exists(plan, n) {
                continue;
            }
            let LogicalOp::Filter { predicate } = &plan.node(n).op else {
                continue;
            };
            let Some(j) = sole_input(plan, n) else {
                continue;
            };
            let inputs = plan.inputs(j);
            let kind = match &plan.node(j).op {
                LogicalOp::Join { kind, .. } => *kind,
                LogicalOp::Cross => JoinKind::Inner,
                _ => continue,
            };
            if sole_user(plan, j) != Some(n)
                || is_pinned(plan, j)
                || !plan.scalar_inputs(n).is_empty()
                || inputs.iter().any(|i| plan.node(*i).schema.is_unknown())
            {
                continue;
            }
            let preserved = |k: usize| match kind {
                JoinKind::Inner => true,
                JoinKind::LeftOuter => k == 0,
                JoinKind::RightOuter => k == 1,
                JoinKind::FullOuter => false,
            };
            let mut ranges = Vec::new();
            let mut offset = 0;
            for i in &inputs {
                let w = plan.node(*i).schema.len();
                ranges.push(offset..offset + w);
                offset += w;
            }
            let mut pushed: Vec<Vec<_>> = vec![Vec::new(); inputs.len()];
            let mut kept = Vec::new();
            for c in conjuncts(predicate) {
                let cols = c.columns();
                let side = (!is_volatile(&c) && !reads_row(&c) && !cols.is_empty())
                    .then(|| {
                        ranges
                            .iter()
                            .position(|r| cols.iter().all(|x| r.contains(x)))
                    })
                    .flatten()
                    .filter(|k| preserved(*k));
                let moved = side.and_then(|k| {
                    let start = ranges[k].start;
                    remap_columns(&c, &|x| x.checked_sub(start)).map(|p| (k, p))
                });
                match moved {
                    Some((k, p)) => pushed[k].push(p),
                    None => kept.push(c),
                }
            }
            if pushed.iter().all(Vec::is_empty) {
                continue;
            }
            let span = plan.node(n).span;
            let mut sides = Vec::new();
            for (k, parts) in pushed.into_iter().enumerate() {
                if let Some(p) = conjunction(parts) {
                    sides.push(format!("{p} into input {k}"));
                    filter_on_edge(plan, inputs[k], j, Port::Input(k), p, span);
                }
            }
            keep_or_remove_filter(plan, n, kept);
            done.push(Rewrite::new(j, format!("pushed {}", sides.join(", "))));
        }
        done
    }
}
