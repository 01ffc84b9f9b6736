//! Walking a FOREACH's outer-row expressions: the GENERATE items and the inputs (and LIMIT counts) of
//! nested operators. Predicates, keys and items of nested operators read bag tuples instead, so
//! rewrites of the input row (column pruning, aggregate extraction) must not touch them.

use super::expr::Expr;
use super::logical::{ForEach, NestedKind, NestedOp};

impl NestedOp {
    /// The expressions of this nested operator that are evaluated on the outer (input) row.
    pub fn outer_exprs(&self) -> Vec<&Expr> {
        match &self.kind {
            NestedKind::Filter { input, .. }
            | NestedKind::Order { input, .. }
            | NestedKind::Distinct { input }
            | NestedKind::ForEach { input, .. }
            | NestedKind::Expr(input) => vec![input],
            NestedKind::Limit { input, count } => vec![input, count],
            NestedKind::Cross { inputs } => inputs.iter().collect(),
        }
    }

    /// Applies `f` to the expressions [`NestedOp::outer_exprs`] lists.
    pub fn map_outer_exprs(mut self, f: &mut dyn FnMut(Expr) -> Expr) -> Self {
        self.kind = match self.kind {
            NestedKind::Filter { input, predicate } => NestedKind::Filter {
                input: f(input),
                predicate,
            },
            NestedKind::Order { input, keys } => NestedKind::Order {
                input: f(input),
                keys,
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
                generate,
            },
            NestedKind::Expr(e) => NestedKind::Expr(f(e)),
        };
        self
    }
}

impl ForEach {
    /// The expressions evaluated on the input row: nested operators' outer expressions, then the
    /// GENERATE items.
    pub fn outer_exprs(&self) -> Vec<&Expr> {
        self.nested
            .iter()
            .flat_map(NestedOp::outer_exprs)
            .chain(self.generate.iter().map(|g| &g.expr))
            .collect()
    }

    /// Applies `f` to the expressions [`ForEach::outer_exprs`] lists, in that order.
    pub fn map_outer_exprs(self, f: &mut dyn FnMut(Expr) -> Expr) -> Self {
        ForEach {
            nested: self
                .nested
                .into_iter()
                .map(|op| op.map_outer_exprs(f))
                .collect(),
            generate: self
                .generate
                .into_iter()
                .map(|mut g| {
                    g.expr = f(g.expr);
                    g
                })
                .collect(),
        }
    }
}
