//! Where the event time (`SET pigc.event_time 'alias.field'`) lives in each relation: propagated from
//! the named relation forwards (to the relations computed from it) and backwards (to the relations it is
//! computed from, through operators that keep the row's shape), so that e.g. a DISTINCT right after the
//! LOAD can evict by the event time that the script names on the DISTINCT's alias.

use crate::plan::expr::ExprKind;
use crate::plan::{LogicalOp, LogicalPlan, NodeId};
use std::collections::HashMap;

/// For every logical node whose rows carry the event time, the column holding it.
pub(super) fn event_time_columns(plan: &LogicalPlan) -> HashMap<NodeId, usize> {
    let mut cols = HashMap::new();
    let Some(field) = &plan.settings.event_time else {
        return cols;
    };
    if plan.graph.node_weight(field.node).is_none() {
        return cols;
    }
    cols.insert(field.node, field.index);
    let order = plan.topo_order();
    // Each pass moves the information at least one edge; two directions converge in a few passes.
    for _ in 0..order.len().max(1) {
        let before = cols.len();
        for &n in &order {
            if let Some(c) = forward(plan, n, &cols) {
                cols.entry(n).or_insert(c);
            }
        }
        for &n in order.iter().rev() {
            if let Some(&c) = cols.get(&n) {
                if let Some((input, ic)) = backward(plan, n, c) {
                    cols.entry(input).or_insert(ic);
                }
            }
        }
        if cols.len() == before {
            break;
        }
    }
    cols
}

/// The event-time column of `n`'s output, from its inputs'.
fn forward(plan: &LogicalPlan, n: NodeId, cols: &HashMap<NodeId, usize>) -> Option<usize> {
    let inputs = plan.inputs(n);
    let first = inputs.first().and_then(|i| cols.get(i)).copied();
    match &plan.node(n).op {
        LogicalOp::Filter { .. }
        | LogicalOp::Distinct
        | LogicalOp::Sample { .. }
        | LogicalOp::Order { .. }
        | LogicalOp::Limit { .. }
        | LogicalOp::Split
        | LogicalOp::SplitOutput { .. }
        | LogicalOp::Assert { .. }
        | LogicalOp::Store { .. }
        | LogicalOp::Dump => first,
        LogicalOp::Rank { .. } => first.map(|c| c + 1),
        LogicalOp::ForEach(f) => {
            let c = first?;
            let mut pos = 0;
            for item in &f.generate {
                if !item.flatten
                    && matches!(item.expr.kind, ExprKind::Column { index, .. } if index == c)
                {
                    return Some(pos);
                }
                pos += item.fields.len();
            }
            None
        }
        LogicalOp::Union { mapping } => {
            let per_input: Option<Vec<usize>> =
                inputs.iter().map(|i| cols.get(i).copied()).collect();
            let per_input = per_input?;
            match mapping {
                None => {
                    let c = *per_input.first()?;
                    per_input.iter().all(|x| *x == c).then_some(c)
                }
                Some(m) => {
                    let width = m.first()?.len();
                    (0..width).find(|&j| {
                        per_input
                            .iter()
                            .zip(m)
                            .all(|(c, row)| row.get(j) == Some(&Some(*c)))
                    })
                }
            }
        }
        LogicalOp::Join { .. } | LogicalOp::Cross => {
            let mut offset = 0;
            for i in &inputs {
                if let Some(c) = cols.get(i) {
                    return Some(offset + c);
                }
                offset += plan.node(*i).schema.len();
            }
            None
        }
        LogicalOp::Load { .. } | LogicalOp::Group(_) | LogicalOp::Cube { .. } => None,
    }
}

/// The input (and its column) that carries `n`'s event-time column `c`, for operators whose output
/// row is (a projection of) their input row.
fn backward(plan: &LogicalPlan, n: NodeId, c: usize) -> Option<(NodeId, usize)> {
    let input = *plan.inputs(n).first()?;
    match &plan.node(n).op {
        LogicalOp::Filter { .. }
        | LogicalOp::Distinct
        | LogicalOp::Sample { .. }
        | LogicalOp::Order { .. }
        | LogicalOp::Limit { .. }
        | LogicalOp::Split
        | LogicalOp::SplitOutput { .. }
        | LogicalOp::Assert { .. } => Some((input, c)),
        LogicalOp::ForEach(f) => {
            let mut pos = 0;
            for item in &f.generate {
                if pos == c && !item.flatten {
                    if let ExprKind::Column { index, .. } = item.expr.kind {
                        return Some((input, index));
                    }
                    return None;
                }
                pos += item.fields.len();
                if pos > c {
                    return None;
                }
            }
            None
        }
        _ => None,
    }
}
