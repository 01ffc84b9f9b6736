//! `eliminate_distinct`: removes a DISTINCT whose input has no duplicate rows, judged from metadata
//! ([`super::uniqueness`]): a LOAD's declared unique key (`SET pigc.unique 'alias.field';`), a GROUP's
//! `group` field, an earlier DISTINCT, carried through operators that keep or project rows.

use super::graph::{bypass, exists, nodes, sole_input};
use super::uniqueness::unique_keys;
use super::{Rewrite, Rule};
use crate::plan::{LogicalOp, LogicalPlan};

/// Removes DISTINCT over unique input.
#[derive(Debug, Clone, Copy, Default)]
pub struct EliminateDistinct;

impl Rule for EliminateDistinct {
    fn name(&self) -> &'static str {
        "eliminate_distinct"
    }

    fn rewrite(&self, plan: &mut LogicalPlan) -> Vec<Rewrite> {
        if !plan
            .graph
            .node_weights()
            .any(|n| matches!(n.op, LogicalOp::Distinct))
        {
            return Vec::new();
        }
        let keys = unique_keys(plan);
        let mut done = Vec::new();
        for n in nodes(plan) {
            if !exists(plan, n) || !matches!(plan.node(n).op, LogicalOp::Distinct) {
                continue;
            }
            let Some(input) = sole_input(plan, n) else {
                continue;
            };
            let Some(key) = keys.get(&input).and_then(|k| k.first()) else {
                continue;
            };
            let names: Vec<String> = key
                .iter()
                .map(|c| {
                    plan.node(input)
                        .schema
                        .fields
                        .get(*c)
                        .and_then(|f| f.name.clone())
                        .unwrap_or_else(|| format!("${c}"))
                })
                .collect();
            let what = format!(
                "removed DISTINCT: its input is unique on ({})",
                names.join(", ")
            );
            if let Some(kept) = bypass(plan, n) {
                done.push(Rewrite::new(kept, what));
            }
        }
        done
    }
}
