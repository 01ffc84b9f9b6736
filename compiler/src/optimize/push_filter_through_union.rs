//! `push_filter_through_union`: `FILTER (UNION a, b) BY p` → `UNION (FILTER a BY p), (FILTER b BY p)`,
//! with `p`'s columns renamed per input for UNION ONSCHEMA (a field an input lacks is a typed null).
//! Only when every input's fields have the union's types, so the predicate means the same on each.

use super::exprs::{is_volatile, reads_row, substitute_columns};
use super::graph::{bypass, exists, filter_on_edge, is_pinned, nodes, sole_input, sole_user};
use super::{Rewrite, Rule};
use crate::plan::expr::{Expr, ExprKind, Literal};
use crate::plan::{LogicalOp, LogicalPlan, Port};

/// Pushes FILTER into every input of a UNION.
#[derive(Debug, Clone, Copy, Default)]
pub struct PushFilterThroughUnion;

impl Rule for PushFilterThroughUnion {
    fn name(&self) -> &'static str {
        "push_filter_through_union"
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
            let Some(u) = sole_input(plan, n) else {
                continue;
            };
            let LogicalOp::Union { mapping } = &plan.node(u).op else {
                continue;
            };
            if sole_user(plan, u) != Some(n)
                || is_pinned(plan, u)
                || !plan.scalar_inputs(n).is_empty()
                || is_volatile(predicate)
                || reads_row(predicate)
                || plan.node(u).schema.is_unknown()
            {
                continue;
            }
            let union_fields = &plan.node(u).schema.fields;
            let inputs = plan.inputs(u);
            let mut per_input = Vec::new();
            for (k, input) in inputs.iter().enumerate() {
                let fields = &plan.node(*input).schema.fields;
                let source = |j: usize| -> Option<Option<usize>> {
                    match mapping {
                        None => Some(Some(j)),
                        Some(m) => m.get(k)?.get(j).copied(),
                    }
                };
                let subst = |j: usize| -> Option<Expr> {
                    let target = union_fields.get(j)?;
                    match source(j)? {
                        Some(c) => {
                            let f = fields.get(c)?;
                            (f.ty == target.ty).then(|| {
                                Expr::new(
                                    ExprKind::Column {
                                        index: c,
                                        name: f.name.clone(),
                                    },
                                    f.ty.clone(),
                                    f.nullable,
                                    predicate.span,
                                )
                            })
                        }
                        None => Some(Expr::new(
                            ExprKind::Literal(Literal::Null),
                            target.ty.clone(),
                            true,
                            predicate.span,
                        )),
                    }
                };
                match substitute_columns(predicate, &subst) {
                    Some(p) => per_input.push((*input, k, p)),
                    None => break,
                }
            }
            if per_input.len() != inputs.len() {
                continue;
            }
            let what = format!(
                "pushed {predicate} into the {} inputs of UNION",
                inputs.len()
            );
            let span = plan.node(n).span;
            for (input, k, p) in per_input {
                filter_on_edge(plan, input, u, Port::Input(k), p, span);
            }
            bypass(plan, n);
            done.push(Rewrite::new(u, what));
        }
        done
    }
}
