//! Unique keys of relations: sets of columns on which no two rows of a relation agree (so the relation
//! has no duplicate rows). Sources of uniqueness:
//! - `SET pigc.unique 'alias.field[, alias.field…]';` — the script declares a key of a relation (usually
//!   a LOAD: `SET pigc.unique 'events.event_id';`); pigc trusts the declaration;
//! - GROUP/COGROUP output is unique on `group` (GROUP ALL has at most one row: the empty key);
//! - DISTINCT output is unique on all its fields.
//!
//! Keys are carried through FILTER, ORDER, LIMIT, SAMPLE, SPLIT, ASSERT (which keep a subset of the rows)
//! and through FOREACH items that pass key columns through unchanged (FLATTEN of a tuple spreads a key
//! column over several output columns; FLATTEN of a bag multiplies rows and loses every key).

use super::exprs::as_column;
use crate::plan::{LogicalOp, LogicalPlan, NodeId, Type};
use std::collections::HashMap;

/// A unique key: output columns (empty: the relation has at most one row).
pub type Key = Vec<usize>;

/// The known unique keys of every node (nodes without any are absent).
pub fn unique_keys(plan: &LogicalPlan) -> HashMap<NodeId, Vec<Key>> {
    let mut keys: HashMap<NodeId, Vec<Key>> = HashMap::new();
    for n in plan.topo_order() {
        let mut k = derived(plan, n, &keys);
        for f in plan.settings.unique.iter().filter(|f| f.node == n) {
            k.push(vec![f.index]);
        }
        if !k.is_empty() {
            keys.insert(n, k);
        }
    }
    keys
}

fn derived(plan: &LogicalPlan, n: NodeId, keys: &HashMap<NodeId, Vec<Key>>) -> Vec<Key> {
    let node = plan.node(n);
    let input_keys = || {
        plan.inputs(n)
            .first()
            .and_then(|i| keys.get(i))
            .cloned()
            .unwrap_or_default()
    };
    match &node.op {
        LogicalOp::Group(g) if g.all => vec![Vec::new()],
        LogicalOp::Group(_) => vec![vec![0]],
        LogicalOp::Distinct if !node.schema.is_unknown() => {
            vec![(0..node.schema.len()).collect()]
        }
        LogicalOp::Filter { .. }
        | LogicalOp::Order { .. }
        | LogicalOp::Limit { .. }
        | LogicalOp::Sample { .. }
        | LogicalOp::Split
        | LogicalOp::SplitOutput { .. }
        | LogicalOp::Assert { .. } => input_keys(),
        LogicalOp::ForEach(f) => {
            // Where each input column appears in the output (as a whole, or spread by FLATTEN).
            let mut image: HashMap<usize, Vec<usize>> = HashMap::new();
            let mut pos = 0;
            for g in &f.generate {
                let width = g.fields.len();
                if g.flatten && !matches!(g.expr.ty, Type::Tuple(_)) {
                    return Vec::new();
                }
                if let Some(c) = as_column(&g.expr) {
                    image
                        .entry(c)
                        .or_insert_with(|| (pos..pos + width).collect());
                }
                pos += width;
            }
            input_keys()
                .into_iter()
                .filter_map(|k| {
                    let mapped: Option<Vec<Vec<usize>>> =
                        k.iter().map(|c| image.get(c).cloned()).collect();
                    mapped.map(|m| m.concat())
                })
                .collect()
        }
        _ => Vec::new(),
    }
}
