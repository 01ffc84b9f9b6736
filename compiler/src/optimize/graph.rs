//! Graph surgery shared by the rules: who uses a node, whether a node may be moved or removed, removing
//! a pass-through node, inserting a node (a FILTER) on an edge, the input-row scope of a FOREACH.

use crate::plan::expr::ExprKind;
use crate::plan::{Edge, LogicalOp, LogicalPlan, Node, NodeId, Port};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// Recomputes every edge's schema from its source node (rules change node schemas only).
pub(super) fn refresh_edge_schemas(plan: &mut LogicalPlan) {
    let edges: Vec<_> = plan.graph.edge_indices().collect();
    for e in edges {
        if let Some((src, _)) = plan.graph.edge_endpoints(e) {
            if plan.graph[e].schema != plan.graph[src].schema {
                let schema = plan.graph[src].schema.clone();
                plan.graph[e].schema = schema;
            }
        }
    }
}

/// Whether something outside the relational edges refers to `n`: a setting (`pigc.event_time`,
/// `pigc.unique`), a scalar use, or scalar inputs of its own. Such nodes keep their place.
pub(super) fn is_pinned(plan: &LogicalPlan, n: NodeId) -> bool {
    let s = &plan.settings;
    s.event_time.as_ref().is_some_and(|f| f.node == n)
        || s.unique.iter().any(|f| f.node == n)
        || plan
            .graph
            .edges_directed(n, Direction::Outgoing)
            .any(|e| e.weight().port == Port::Scalar)
        || !plan.scalar_inputs(n).is_empty()
}

/// The single user of `n` through a single relational edge, if that is all that reads `n`.
pub(super) fn sole_user(plan: &LogicalPlan, n: NodeId) -> Option<NodeId> {
    let mut edges = plan.graph.edges_directed(n, Direction::Outgoing);
    let e = edges.next()?;
    if edges.next().is_some() || e.weight().port == Port::Scalar {
        return None;
    }
    Some(e.target())
}

/// The single relational input of `n`.
pub(super) fn sole_input(plan: &LogicalPlan, n: NodeId) -> Option<NodeId> {
    match plan.inputs(n).as_slice() {
        [i] => Some(*i),
        _ => None,
    }
}

/// Removes `n`, a node with one relational input whose output equals (in shape) its input, feeding
/// its users from its input at the same ports. Settings naming `n` are moved to the input.
pub(super) fn bypass(plan: &mut LogicalPlan, n: NodeId) -> Option<NodeId> {
    let input = sole_input(plan, n)?;
    let outgoing: Vec<(NodeId, Port)> = plan
        .graph
        .edges_directed(n, Direction::Outgoing)
        .map(|e| (e.target(), e.weight().port))
        .collect();
    for (user, port) in outgoing {
        plan.connect(input, user, port);
        if port == Port::Scalar {
            redirect_scalars(plan, user, n, input);
        }
    }
    let s = &mut plan.settings;
    if let Some(f) = s.event_time.as_mut().filter(|f| f.node == n) {
        f.node = input;
    }
    for f in s.unique.iter_mut().filter(|f| f.node == n) {
        f.node = input;
    }
    plan.graph.remove_node(n);
    Some(input)
}

/// Rewrites `Scalar { node: from }` expressions of `user` to read `to`.
fn redirect_scalars(plan: &mut LogicalPlan, user: NodeId, from: NodeId, to: NodeId) {
    let fix = |e: crate::plan::expr::Expr| {
        super::exprs::transform_up(e, &mut |x| match x.kind {
            ExprKind::Scalar { node, field } if node == from => crate::plan::expr::Expr {
                kind: ExprKind::Scalar { node: to, field },
                ..x
            },
            _ => x,
        })
    };
    let op = plan.graph[user].op.clone();
    plan.graph[user].op = map_op_exprs(op, &mut |e| fix(e));
}

/// Applies `f` to every expression stored in an operator (every scope: input rows, nested bags).
pub(super) fn map_op_exprs(
    op: LogicalOp,
    f: &mut dyn FnMut(crate::plan::expr::Expr) -> crate::plan::expr::Expr,
) -> LogicalOp {
    use crate::plan::{
        ForEach, GenerateItem, Group, NestedKind, NestedOp, SortKey, SplitCondition,
    };
    let keys = |ks: Vec<SortKey>, f: &mut dyn FnMut(_) -> _| -> Vec<SortKey> {
        ks.into_iter()
            .map(|k| SortKey {
                expr: f(k.expr),
                descending: k.descending,
            })
            .collect()
    };
    fn items(
        gs: Vec<GenerateItem>,
        f: &mut dyn FnMut(crate::plan::expr::Expr) -> crate::plan::expr::Expr,
    ) -> Vec<GenerateItem> {
        gs.into_iter()
            .map(|mut g| {
                g.expr = f(g.expr);
                g
            })
            .collect()
    }
    match op {
        LogicalOp::Filter { predicate } => LogicalOp::Filter {
            predicate: f(predicate),
        },
        LogicalOp::ForEach(ForEach { nested, generate }) => {
            let nested = nested
                .into_iter()
                .map(|n| NestedOp {
                    kind: match n.kind {
                        NestedKind::Filter { input, predicate } => NestedKind::Filter {
                            input: f(input),
                            predicate: f(predicate),
                        },
                        NestedKind::Order { input, keys: k } => NestedKind::Order {
                            input: f(input),
                            keys: keys(k, f),
                        },
                        NestedKind::Limit { input, count } => NestedKind::Limit {
                            input: f(input),
                            count: f(count),
                        },
                        NestedKind::Distinct { input } => NestedKind::Distinct { input: f(input) },
                        NestedKind::Cross { inputs } => NestedKind::Cross {
                            inputs: inputs.into_iter().map(&mut *f).collect(),
                        },
                        NestedKind::ForEach { input, generate } => NestedKind::ForEach {
                            input: f(input),
                            generate: items(generate, f),
                        },
                        NestedKind::Expr(e) => NestedKind::Expr(f(e)),
                    },
                    ..n
                })
                .collect();
            LogicalOp::ForEach(ForEach {
                nested,
                generate: items(generate, f),
            })
        }
        LogicalOp::Group(g) => LogicalOp::Group(Group {
            keys: g
                .keys
                .into_iter()
                .map(|k| k.into_iter().map(&mut *f).collect())
                .collect(),
            ..g
        }),
        LogicalOp::Join {
            keys: k,
            kind,
            strategy,
        } => LogicalOp::Join {
            keys: k
                .into_iter()
                .map(|k| k.into_iter().map(&mut *f).collect())
                .collect(),
            kind,
            strategy,
        },
        LogicalOp::SplitOutput { condition } => LogicalOp::SplitOutput {
            condition: match condition {
                SplitCondition::If(e) => SplitCondition::If(f(e)),
                SplitCondition::Otherwise(es) => {
                    SplitCondition::Otherwise(es.into_iter().map(&mut *f).collect())
                }
            },
        },
        LogicalOp::Sample { fraction } => LogicalOp::Sample {
            fraction: f(fraction),
        },
        LogicalOp::Order { keys: k } => LogicalOp::Order { keys: keys(k, f) },
        LogicalOp::Limit { count } => LogicalOp::Limit { count: f(count) },
        LogicalOp::Rank { keys: k, dense } => LogicalOp::Rank {
            keys: keys(k, f),
            dense,
        },
        LogicalOp::Cube { dimensions, sets } => LogicalOp::Cube {
            dimensions: dimensions.into_iter().map(&mut *f).collect(),
            sets,
        },
        LogicalOp::Assert { predicate, message } => LogicalOp::Assert {
            predicate: f(predicate),
            message,
        },
        other @ (LogicalOp::Load { .. }
        | LogicalOp::Cross
        | LogicalOp::Distinct
        | LogicalOp::Union { .. }
        | LogicalOp::Split
        | LogicalOp::Store { .. }
        | LogicalOp::Dump) => other,
    }
}

/// Inserts `node` on the relational edge `from → to` at `port`; returns the new node.
pub(super) fn insert_on_edge(
    plan: &mut LogicalPlan,
    from: NodeId,
    to: NodeId,
    port: Port,
    node: Node,
) -> Option<NodeId> {
    let edge = plan
        .graph
        .edges_connecting(from, to)
        .find(|e| e.weight().port == port)
        .map(|e| e.id())?;
    let schema = plan.graph[edge].schema.clone();
    plan.graph.remove_edge(edge);
    let new = plan.add_node(node, &[from]);
    plan.graph.add_edge(new, to, Edge { port, schema });
    Some(new)
}

/// Every node, by id (a snapshot: rules may mutate while iterating, skipping removed ids). Rules do
/// not depend on the order: the driver repeats them to a fixpoint.
pub(super) fn nodes(plan: &LogicalPlan) -> Vec<NodeId> {
    plan.graph.node_indices().collect()
}

/// Whether `n` still exists.
pub(super) fn exists(plan: &LogicalPlan, n: NodeId) -> bool {
    plan.graph.node_weight(n).is_some()
}

/// Inserts `FILTER BY predicate` on the relational edge `from → to` at `port`; false when there is no
/// such edge.
pub(super) fn filter_on_edge(
    plan: &mut LogicalPlan,
    from: NodeId,
    to: NodeId,
    port: Port,
    predicate: crate::plan::expr::Expr,
    span: crate::parse::Span,
) -> bool {
    let filter = Node {
        op: LogicalOp::Filter { predicate },
        schema: plan.graph[from].schema.clone(),
        alias: None,
        span,
    };
    insert_on_edge(plan, from, to, port, filter).is_some()
}

/// Leaves the `kept` conjuncts on FILTER `n`, or removes `n` when none are left.
pub(super) fn keep_or_remove_filter(
    plan: &mut LogicalPlan,
    n: NodeId,
    kept: Vec<crate::plan::expr::Expr>,
) {
    match super::exprs::conjunction(kept) {
        Some(rest) => plan.graph[n].op = LogicalOp::Filter { predicate: rest },
        None => {
            bypass(plan, n);
        }
    }
}

/// A FOREACH right after a LOAD that only projects distinct columns: the LOAD's materialization list
/// (physical planning folds it into the source). Other rules leave it in place.
pub(super) fn is_load_projection(plan: &LogicalPlan, n: NodeId) -> bool {
    let LogicalOp::ForEach(f) = &plan.node(n).op else {
        return false;
    };
    let Some(load) = sole_input(plan, n) else {
        return false;
    };
    if !matches!(plan.node(load).op, LogicalOp::Load { .. }) || sole_user(plan, load) != Some(n) {
        return false;
    }
    let mut seen = std::collections::HashSet::new();
    f.nested.is_empty()
        && f.generate
            .iter()
            .all(|g| !g.flatten && super::exprs::as_column(&g.expr).is_some_and(|c| seen.insert(c)))
}
