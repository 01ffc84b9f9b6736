//! `prune_columns`: a LOAD materializes only the fields that something downstream reads. The rule
//! follows each LOAD's rows through operators that keep the row's shape (FILTER, SPLIT, ASSERT) to the
//! FOREACHes that consume them; when they read fewer fields than the LOAD declares, it puts (or
//! narrows) a projection FOREACH right after the LOAD and renumbers the columns of everything in
//! between. Physical planning folds that projection into the source
//! (`PhysicalOp::Source::materialize`), so the runtime does not even parse the other fields.
//!
//! Anything that reads whole rows stops the analysis and keeps every field: DISTINCT, LIMIT, ORDER and
//! SAMPLE (their results depend on every field), GROUP, JOIN, UNION, STORE, scalar uses, `*` over an
//! unknown schema. Settings naming a field (`pigc.event_time`, `pigc.unique`) keep it.

use super::exprs::{reads_row, remap_columns};
use super::graph::{exists, is_load_projection, map_op_exprs, nodes, sole_user};
use super::{Rewrite, Rule};
use crate::plan::expr::{Expr, ExprKind};
use crate::plan::{
    Edge, ForEach, GenerateItem, LogicalOp, LogicalPlan, Node, NodeId, Port, Schema,
};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::BTreeSet;

/// Prunes unread LOAD fields.
#[derive(Debug, Clone, Copy, Default)]
pub struct PruneColumns;

impl Rule for PruneColumns {
    fn name(&self) -> &'static str {
        "prune_columns"
    }

    fn rewrite(&self, plan: &mut LogicalPlan) -> Vec<Rewrite> {
        let mut done = Vec::new();
        for load in nodes(plan) {
            if !exists(plan, load)
                || !matches!(plan.node(load).op, LogicalOp::Load { .. })
                || plan.node(load).schema.is_unknown()
            {
                continue;
            }
            let projection = sole_user(plan, load).filter(|p| is_load_projection(plan, *p));
            let top = projection.unwrap_or(load);
            let width = plan.node(top).schema.len();
            let Some(required) = required_below(plan, top) else {
                continue;
            };
            if required.len() == width {
                continue;
            }
            let kept: Vec<usize> = required.into_iter().collect();
            let new_top = match projection {
                Some(p) => {
                    narrow_projection(plan, p, &kept);
                    p
                }
                None => insert_projection(plan, load, &kept),
            };
            let renumber = |c: usize| kept.iter().position(|k| *k == c);
            renumber_users(plan, new_top, &renumber);
            let names: Vec<String> = plan
                .node(new_top)
                .schema
                .fields
                .iter()
                .map(|f| f.name.clone().unwrap_or_else(|| "?".into()))
                .collect();
            done.push(Rewrite::new(
                new_top,
                format!(
                    "LOAD materializes {} of {} fields: {}",
                    kept.len(),
                    plan.node(load).schema.len(),
                    names.join(", ")
                ),
            ));
        }
        done
    }
}

/// Columns that must stay named in settings for node `n`.
fn setting_columns(plan: &LogicalPlan, n: NodeId) -> Vec<usize> {
    let s = &plan.settings;
    s.event_time
        .iter()
        .chain(&s.unique)
        .filter(|f| f.node == n)
        .map(|f| f.index)
        .collect()
}

/// The columns of `n`'s output that its users read, or `None` when some user needs whole rows.
fn required_below(plan: &LogicalPlan, n: NodeId) -> Option<BTreeSet<usize>> {
    let mut required: BTreeSet<usize> = setting_columns(plan, n).into_iter().collect();
    for e in plan.graph.edges_directed(n, Direction::Outgoing) {
        if e.weight().port == Port::Scalar {
            return None;
        }
        let user = e.target();
        let exprs: Vec<&Expr> = match &plan.node(user).op {
            LogicalOp::Filter { predicate } | LogicalOp::Assert { predicate, .. } => {
                required.extend(required_below(plan, user)?);
                vec![predicate]
            }
            LogicalOp::Split => {
                required.extend(required_below(plan, user)?);
                Vec::new()
            }
            LogicalOp::SplitOutput { condition } => {
                required.extend(required_below(plan, user)?);
                match condition {
                    crate::plan::SplitCondition::If(c) => vec![c],
                    crate::plan::SplitCondition::Otherwise(cs) => cs.iter().collect(),
                }
            }
            LogicalOp::ForEach(f) => f.outer_exprs(),
            _ => return None,
        };
        for x in exprs {
            if reads_row(x) {
                return None;
            }
            required.extend(x.columns());
        }
    }
    Some(required)
}

fn insert_projection(plan: &mut LogicalPlan, load: NodeId, kept: &[usize]) -> NodeId {
    let schema = plan.node(load).schema.clone();
    let generate: Vec<GenerateItem> = kept
        .iter()
        .filter_map(|c| {
            let f = schema.fields.get(*c)?;
            Some(GenerateItem {
                expr: Expr::new(
                    ExprKind::Column {
                        index: *c,
                        name: f.name.clone(),
                    },
                    f.ty.clone(),
                    f.nullable,
                    plan.node(load).span,
                ),
                flatten: false,
                fields: vec![f.clone()],
            })
        })
        .collect();
    let fields = generate.iter().flat_map(|g| g.fields.clone()).collect();
    let outgoing: Vec<_> = plan
        .graph
        .edges_directed(load, Direction::Outgoing)
        .map(|e| (e.id(), e.target(), e.weight().port))
        .collect();
    let node = Node {
        op: LogicalOp::ForEach(ForEach {
            nested: Vec::new(),
            generate,
        }),
        schema: Schema::new(fields),
        alias: plan.node(load).alias.clone(),
        span: plan.node(load).span,
    };
    let p = plan.add_node(node, &[load]);
    for (edge, target, port) in outgoing {
        plan.graph.remove_edge(edge);
        let schema = plan.node(p).schema.clone();
        plan.graph.add_edge(p, target, Edge { port, schema });
    }
    p
}

fn narrow_projection(plan: &mut LogicalPlan, p: NodeId, kept: &[usize]) {
    let node = &mut plan.graph[p];
    if let LogicalOp::ForEach(f) = &mut node.op {
        f.generate = kept
            .iter()
            .filter_map(|c| f.generate.get(*c).cloned())
            .collect();
        node.schema = Schema::new(f.generate.iter().flat_map(|g| g.fields.clone()).collect());
    }
}

/// Renumbers the columns read by the users of `n` (whose output lost columns), following
/// shape-keeping users down to the FOREACHes.
fn renumber_users(plan: &mut LogicalPlan, n: NodeId, renumber: &dyn Fn(usize) -> Option<usize>) {
    let remap = |e: Expr| remap_columns(&e, renumber).unwrap_or(e);
    let new_schema = plan.node(n).schema.clone();
    let users = plan.users(n);
    for user in users {
        let op = plan.graph[user].op.clone();
        match op {
            LogicalOp::ForEach(f) => {
                plan.graph[user].op = LogicalOp::ForEach(f.map_outer_exprs(&mut |e| remap(e)));
            }
            other => {
                let shape_kept = matches!(
                    other,
                    LogicalOp::Filter { .. }
                        | LogicalOp::Assert { .. }
                        | LogicalOp::Split
                        | LogicalOp::SplitOutput { .. }
                );
                if !shape_kept {
                    continue;
                }
                plan.graph[user].op = map_op_exprs(other, &mut |e| remap(e));
                plan.graph[user].schema = new_schema.clone();
                let s = &mut plan.settings;
                for f in s.event_time.iter_mut().chain(s.unique.iter_mut()) {
                    if f.node == user {
                        f.index = renumber(f.index).unwrap_or(f.index);
                    }
                }
                renumber_users(plan, user, renumber);
            }
        }
    }
}
