//! `merge_filters`: `FILTER (FILTER x BY a) BY b` → `FILTER x BY a AND b` when the inner FILTER has no
//! other user. Sound under three-valued logic: a row passes both iff `a` and `b` are both true, iff
//! `a AND b` is true.

use super::exprs::and;
use super::graph::{bypass, exists, is_pinned, nodes, sole_input, sole_user};
use super::{Rewrite, Rule};
use crate::plan::{LogicalOp, LogicalPlan};

/// Merges consecutive FILTERs.
#[derive(Debug, Clone, Copy, Default)]
pub struct MergeFilters;

impl Rule for MergeFilters {
    fn name(&self) -> &'static str {
        "merge_filters"
    }

    fn rewrite(&self, plan: &mut LogicalPlan) -> Vec<Rewrite> {
        let mut done = Vec::new();
        for n in nodes(plan) {
            if !exists(plan, n) {
                continue;
            }
            let LogicalOp::Filter { predicate: outer } = &plan.node(n).op else {
                continue;
            };
            let Some(inner_id) = sole_input(plan, n) else {
                continue;
            };
            let LogicalOp::Filter { predicate: inner } = &plan.node(inner_id).op else {
                continue;
            };
            if sole_user(plan, inner_id) != Some(n) || is_pinned(plan, inner_id) {
                continue;
            }
            let merged = and(inner.clone(), outer.clone());
            let what = format!("merged FILTER by {inner} into FILTER by {outer}");
            plan.graph[n].op = LogicalOp::Filter { predicate: merged };
            bypass(plan, inner_id);
            done.push(Rewrite::new(n, what));
        }
        done
    }
}
