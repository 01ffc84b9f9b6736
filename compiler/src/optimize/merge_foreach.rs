//! `merge_foreach`: `FOREACH (FOREACH x GENERATE e0, e1, …) GENERATE f(…$i…)` →
//! `FOREACH x GENERATE f(…ei…)` when the inner FOREACH has no nested block or FLATTEN, no other user,
//! and the items the outer one reads are deterministic. The outer FOREACH must have no nested block
//! (its nested operators would read the inner one's bags by position). A projection right after a
//! LOAD is kept: it is the LOAD's list of fields to materialize.

use super::exprs::same_type;
use super::exprs::{is_volatile, substitute_columns};
use super::graph::{bypass, exists, is_load_projection, is_pinned, nodes, sole_input, sole_user};
use super::{Rewrite, Rule};
use crate::plan::{ForEach, LogicalOp, LogicalPlan};

/// Merges consecutive FOREACHes.
#[derive(Debug, Clone, Copy, Default)]
pub struct MergeForEach;

impl Rule for MergeForEach {
    fn name(&self) -> &'static str {
        "merge_foreach"
    }

    fn rewrite(&self, plan: &mut LogicalPlan) -> Vec<Rewrite> {
        let mut done = Vec::new();
        for n in nodes(plan) {
            if !exists(plan, n) {
                continue;
            }
            let LogicalOp::ForEach(outer) = &plan.node(n).op else {
                continue;
            };
            let Some(b) = sole_input(plan, n) else {
                continue;
            };
            let LogicalOp::ForEach(inner) = &plan.node(b).op else {
                continue;
            };
            if !outer.nested.is_empty()
                || !inner.nested.is_empty()
                || inner.generate.iter().any(|g| g.flatten)
                || sole_user(plan, b) != Some(n)
                || is_pinned(plan, b)
                || is_load_projection(plan, b)
            {
                continue;
            }
            let item = |i: usize| {
                inner
                    .generate
                    .get(i)
                    .filter(|g| !is_volatile(&g.expr) && same_type(g))
                    .map(|g| g.expr.clone())
            };
            let generate: Option<Vec<_>> = outer
                .generate
                .iter()
                .map(|g| {
                    let mut g = g.clone();
                    g.expr = substitute_columns(&g.expr, &item)?;
                    Some(g)
                })
                .collect();
            let Some(generate) = generate else {
                continue;
            };
            plan.graph[n].op = LogicalOp::ForEach(ForEach {
                nested: Vec::new(),
                generate,
            });
            bypass(plan, b);
            done.push(Rewrite::new(n, "merged the FOREACH below into this one"));
        }
        done
    }
}
