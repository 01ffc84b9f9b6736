//! `push_filter_through_group`: a conjunct of `FILTER (GROUP/COGROUP …) BY p` that reads only the
//! `group` key moves into every input, with `group` replaced by that input's key (a tuple of the key
//! expressions for a multi-field key). A group exists iff some input has rows with its key, so dropping
//! every row whose key fails the predicate drops exactly the groups the FILTER would drop.

use super::exprs::{conjunction, conjuncts, is_volatile, reads_row, substitute_columns};
use super::graph::{
    exists, filter_on_edge, is_pinned, keep_or_remove_filter, nodes, sole_input, sole_user,
};
use super::{Rewrite, Rule};
use crate::plan::expr::{Expr, ExprKind};
use crate::plan::{LogicalOp, LogicalPlan, Port};

/// Pushes key-only FILTER conjuncts below GROUP/COGROUP.
#[derive(Debug, Clone, Copy, Default)]
pub struct PushFilterThroughGroup;

impl Rule for PushFilterThroughGroup {
    fn name(&self) -> &'static str {
        "push_filter_through_group"
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
            let Some(g) = sole_input(plan, n) else {
                continue;
            };
            let LogicalOp::Group(group) = &plan.node(g).op else {
                continue;
            };
            let Some(group_field) = plan.node(g).schema.fields.first() else {
                continue;
            };
            if group.all
                || sole_user(plan, g) != Some(n)
                || is_pinned(plan, g)
                || !plan.scalar_inputs(n).is_empty()
                || group.keys.iter().flatten().any(is_volatile)
            {
                continue;
            }
            let key_expr = |keys: &Vec<Expr>| -> Option<Expr> {
                match keys.as_slice() {
                    [one] => Some(one.clone()),
                    [] => None,
                    many => Some(Expr::new(
                        ExprKind::Tuple(many.to_vec()),
                        group_field.ty.clone(),
                        true,
                        predicate.span,
                    )),
                }
            };
            let mut pushed: Vec<Vec<Expr>> = vec![Vec::new(); group.keys.len()];
            let mut kept = Vec::new();
            for c in conjuncts(predicate) {
                let key_only = !is_volatile(&c) && !reads_row(&c) && c.columns() == [0];
                let per_input: Option<Vec<Expr>> = key_only
                    .then(|| {
                        group
                            .keys
                            .iter()
                            .map(|k| {
                                let key = key_expr(k)?;
                                substitute_columns(&c, &|i| (i == 0).then(|| key.clone()))
                            })
                            .collect()
                    })
                    .flatten();
                match per_input {
                    Some(ps) => {
                        for (k, p) in ps.into_iter().enumerate() {
                            pushed[k].push(p);
                        }
                    }
                    None => kept.push(c),
                }
            }
            if pushed.iter().all(Vec::is_empty) {
                continue;
            }
            let inputs = plan.inputs(g);
            let span = plan.node(n).span;
            let mut what = Vec::new();
            for (k, parts) in pushed.into_iter().enumerate() {
                if let (Some(p), Some(input)) = (conjunction(parts), inputs.get(k)) {
                    what.push(format!("{p} into input {k}"));
                    filter_on_edge(plan, *input, g, Port::Input(k), p, span);
                }
            }
            keep_or_remove_filter(plan, n, kept);
            done.push(Rewrite::new(g, format!("pushed {}", what.join(", "))));
        }
        done
    }
}
