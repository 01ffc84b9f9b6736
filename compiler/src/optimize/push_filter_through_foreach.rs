//! `push_filter_through_foreach`: `FILTER (FOREACH x GENERATE e0, e1, …) BY p` →
//! `FOREACH (FILTER x BY p[ei/$i]) GENERATE e0, e1, …` for a FOREACH without nested block or FLATTEN
//! (one output row per input row). Each conjunct of `p` moves when the GENERATE items it reads are
//! deterministic; the others stay above. Rows are then dropped before the projection is computed.

use super::exprs::same_type;
use super::exprs::{conjunction, conjuncts, is_volatile, reads_row, substitute_columns};
use super::graph::{
    exists, filter_on_edge, is_load_projection, is_pinned, keep_or_remove_filter, nodes,
    sole_input, sole_user,
};
use super::{Rewrite, Rule};
use crate::plan::{LogicalOp, LogicalPlan, Port};

/// Pushes FILTER below a plain FOREACH.
#[derive(Debug, Clone, Copy, Default)]
pub struct PushFilterThroughForEach;

impl Rule for PushFilterThroughForEach {
    fn name(&self) -> &'static str {
        "push_filter_through_foreach"
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
            let Some(x) = sole_input(plan, n) else {
                continue;
            };
            let LogicalOp::ForEach(f) = &plan.node(x).op else {
                continue;
            };
            if !f.nested.is_empty()
                || f.generate.iter().any(|g| g.flatten)
                || sole_user(plan, x) != Some(n)
                || is_pinned(plan, x)
                || is_load_projection(plan, x)
                || !plan.scalar_inputs(n).is_empty()
            {
                continue;
            }
            let item = |i: usize| {
                f.generate
                    .get(i)
                    .filter(|g| !is_volatile(&g.expr) && same_type(g))
                    .map(|g| g.expr.clone())
            };
            let mut pushed = Vec::new();
            let mut kept = Vec::new();
            for c in conjuncts(predicate) {
                let moved = if is_volatile(&c) || reads_row(&c) {
                    None
                } else {
                    substitute_columns(&c, &item)
                };
                match moved {
                    Some(p) => pushed.push(p),
                    None => kept.push(c),
                }
            }
            let Some(pushed) = conjunction(pushed) else {
                continue;
            };
            let Some(input) = sole_input(plan, x) else {
                continue;
            };
            let what = format!("pushed {pushed} below FOREACH");
            let span = plan.node(n).span;
            if !filter_on_edge(plan, input, x, Port::Input(0), pushed, span) {
                continue;
            }
            keep_or_remove_filter(plan, n, kept);
            done.push(Rewrite::new(x, what));
        }
        done
    }
}
