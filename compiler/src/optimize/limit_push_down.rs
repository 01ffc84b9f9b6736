//! `limit_push_down`: LIMIT moves only where the rows it selects cannot change. pigc's LIMIT without
//! ORDER is deterministic — the first `n` rows in record order, so that batch, stream and reruns agree —
//! so pushing it through FOREACH or FILTER (as Pig may) would select other rows. Safe cases:
//! - `LIMIT (LIMIT x a) b` → `LIMIT x min(a, b)` (constant counts);
//! - `LIMIT (UNION a, b) n` → `LIMIT (UNION (LIMIT a n), (LIMIT b n)) n`: the first `n` rows of a union
//!   are among the first `n` of each input, so each input sends at most `n` rows (plain UNION of
//!   inputs with the union's field types, where a row's order is the same before and after the union).
//!
//! (`ORDER … LIMIT n` needs no rule: physical planning fuses it into a maintained top-n.)

use super::exprs::reads_outside_row;
use super::graph::{bypass, exists, insert_on_edge, is_pinned, nodes, sole_input, sole_user};
use super::{Rewrite, Rule};
use crate::plan::expr::{Expr, ExprKind, Literal};
use crate::plan::{LogicalOp, LogicalPlan, Node, Port};

/// Merges LIMITs and copies LIMIT into UNION inputs.
#[derive(Debug, Clone, Copy, Default)]
pub struct LimitPushDown;

fn constant(e: &Expr) -> Option<i64> {
    match e.kind {
        ExprKind::Literal(Literal::Long(n)) => Some(n),
        ExprKind::Literal(Literal::Int(n)) => Some(i64::from(n)),
        _ => None,
    }
}

impl Rule for LimitPushDown {
    fn name(&self) -> &'static str {
        "limit_push_down"
    }

    fn rewrite(&self, plan: &mut LogicalPlan) -> Vec<Rewrite> {
        let mut done = Vec::new();
        for n in nodes(plan) {
            if !exists(plan, n) {
                continue;
            }
            let LogicalOp::Limit { count } = &plan.node(n).op else {
                continue;
            };
            let count = count.clone();
            let Some(input) = sole_input(plan, n) else {
                continue;
            };
            match &plan.node(input).op {
                LogicalOp::Limit { count: inner } => {
                    let (Some(a), Some(b)) = (constant(inner), constant(&count)) else {
                        continue;
                    };
                    if sole_user(plan, input) != Some(n) || is_pinned(plan, input) {
                        continue;
                    }
                    let merged = if a <= b { inner.clone() } else { count };
                    plan.graph[n].op = LogicalOp::Limit { count: merged };
                    bypass(plan, input);
                    done.push(Rewrite::new(n, format!("merged LIMIT {a} and LIMIT {b}")));
                }
                LogicalOp::Union { mapping: None } => {
                    let Some(limit) = constant(&count) else {
                        continue;
                    };
                    let union_schema = &plan.node(input).schema;
                    let same_rows = plan
                        .inputs(input)
                        .iter()
                        .all(|i| plan.node(*i).schema.same_types(union_schema));
                    if reads_outside_row(&count) || sole_user(plan, input) != Some(n) || !same_rows
                    {
                        continue;
                    }
                    let mut copied = 0;
                    for (k, src) in plan.inputs(input).into_iter().enumerate() {
                        let already = matches!(&plan.node(src).op,
                            LogicalOp::Limit { count: c } if constant(c).is_some_and(|c| c <= limit));
                        if already {
                            continue;
                        }
                        let node = Node {
                            op: LogicalOp::Limit {
                                count: count.clone(),
                            },
                            schema: plan.node(src).schema.clone(),
                            alias: None,
                            span: plan.node(n).span,
                        };
                        if insert_on_edge(plan, src, input, Port::Input(k), node).is_some() {
                            copied += 1;
                        }
                    }
                    if copied > 0 {
                        done.push(Rewrite::new(
                            input,
                            format!("copied LIMIT {limit} into {copied} UNION input(s)"),
                        ));
                    }
                }
                _ => {}
            }
        }
        done
    }
}
