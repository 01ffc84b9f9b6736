//! `push_filter_through_distinct`: `FILTER (DISTINCT x) BY p` → `DISTINCT (FILTER x BY p)`. A
//! deterministic per-row predicate keeps or drops all copies of a row alike, so filtering before
//! deduplicating gives the same set and keeps less state. Volatile conjuncts (RANDOM, UDFs) stay above.

use super::exprs::{conjunction, conjuncts, is_volatile};
use super::graph::{
    exists, filter_on_edge, is_pinned, keep_or_remove_filter, nodes, sole_input, sole_user,
};
use super::{Rewrite, Rule};
use crate::plan::{LogicalOp, LogicalPlan, Port};

/// Pushes FILTER below DISTINCT.
#[derive(Debug, Clone, Copy, Default)]
pub struct PushFilterThroughDistinct;

impl Rule for PushFilterThroughDistinct {
    fn name(&self) -> &'static str {
        "push_filter_through_distinct"
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
            let Some(d) = sole_input(plan, n) else {
                continue;
            };
            if !matches!(plan.node(d).op, LogicalOp::Distinct)
                || sole_user(plan, d) != Some(n)
                || is_pinned(plan, d)
                || !plan.scalar_inputs(n).is_empty()
            {
                continue;
            }
            let (pushed, kept): (Vec<_>, Vec<_>) = conjuncts(predicate)
                .into_iter()
                .partition(|c| !is_volatile(c));
            let Some(pushed) = conjunction(pushed) else {
                continue;
            };
            let Some(input) = sole_input(plan, d) else {
                continue;
            };
            let what = format!("pushed {pushed} below DISTINCT");
            let span = plan.node(n).span;
            if !filter_on_edge(plan, input, d, Port::Input(0), pushed, span) {
                continue;
            }
            keep_or_remove_filter(plan, n, kept);
            done.push(Rewrite::new(d, what));
        }
        done
    }
}
