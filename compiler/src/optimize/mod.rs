//! Rule-based optimizer: one rule per file behind the [`Rule`] trait, run to a fixpoint by [`optimize`].
//!
//! A rule rewrites the logical plan in place and returns what it did ([`Rewrite`]s, empty when nothing
//! changed), in the shape of DataFusion's optimizer rules. The driver applies the rules in order, pass
//! after pass, until a whole pass changes nothing or [`OptimizerConfig::max_passes`] is reached. After
//! every rule that fired it checks that every sink still writes exactly the schema it wrote before: a rule that changes a STORE's schema is a bug, reported as
//! [`OptimizeError::SchemaChanged`] naming the rule.
//!
//! Architecture invariant: rules preserve the batch output of every sink exactly (not just "a valid Pig
//! answer"): e.g. LIMIT is only merged or copied where the selected rows cannot change, and nothing is
//! moved across an operator whose result depends on whole rows (DISTINCT, LIMIT, SAMPLE).
//!
//! Rules (in run order): [`ConstantFolding`], [`MergeFilters`], [`PushFilterThroughForEach`],
//! [`PushFilterThroughDistinct`], [`PushFilterThroughUnion`], [`PushFilterIntoJoin`],
//! [`PushFilterThroughGroup`], [`MergeForEach`], [`LimitPushDown`], [`EliminateDistinct`],
//! [`PruneColumns`].

mod constant_folding;
mod eliminate_distinct;
pub mod exprs;
mod graph;
mod limit_push_down;
mod merge_filters;
mod merge_foreach;
mod prune_columns;
mod push_filter_into_join;
mod push_filter_through_distinct;
mod push_filter_through_foreach;
mod push_filter_through_group;
mod push_filter_through_union;
pub mod uniqueness;

pub use constant_folding::ConstantFolding;
pub use eliminate_distinct::EliminateDistinct;
pub use limit_push_down::LimitPushDown;
pub use merge_filters::MergeFilters;
pub use merge_foreach::MergeForEach;
pub use prune_columns::PruneColumns;
pub use push_filter_into_join::PushFilterIntoJoin;
pub use push_filter_through_distinct::PushFilterThroughDistinct;
pub use push_filter_through_foreach::PushFilterThroughForEach;
pub use push_filter_through_group::PushFilterThroughGroup;
pub use push_filter_through_union::PushFilterThroughUnion;

use crate::plan::{LogicalOp, LogicalPlan, NodeId, Schema};
use std::fmt;

/// One optimizer rule.
pub trait Rule {
    /// The rule's name as `--trace-rules` shows it (`push_filter_through_foreach`).
    fn name(&self) -> &'static str;

    /// Rewrites `plan` in place; returns one [`Rewrite`] per place it changed (empty: unchanged).
    /// Rules read and write node schemas only: the driver refreshes edge schemas from the source
    /// nodes when optimization ends.
    fn rewrite(&self, plan: &mut LogicalPlan) -> Vec<Rewrite>;
}

/// One change a rule made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    /// The node the change is about (after the change).
    pub node: NodeId,
    /// What happened, in words (`pushed (x > 1) below ForEach b`).
    pub what: String,
}

impl Rewrite {
    /// A rewrite at `node`.
    pub fn new(node: NodeId, what: impl Into<String>) -> Rewrite {
        Rewrite {
            node,
            what: what.into(),
        }
    }
}

/// A rule firing, as `pigc explain --trace-rules` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceEntry {
    /// The pass (1-based).
    pub pass: usize,
    /// The rule's name.
    pub rule: &'static str,
    /// The change.
    pub rewrite: Rewrite,
    /// The script line of the node, when it has one.
    pub line: u32,
}

impl fmt::Display for TraceEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "pass {} {} at #{} (line {}): {}",
            self.pass,
            self.rule,
            self.rewrite.node.index(),
            self.line,
            self.rewrite.what
        )
    }
}

/// Which rules run and how long.
pub struct OptimizerConfig {
    /// The rules, in the order they run within a pass.
    pub rules: Vec<Box<dyn Rule>>,
    /// Upper bound on passes over the rule list (the fixpoint is normally reached in 2–4).
    pub max_passes: usize,
}

impl fmt::Debug for OptimizerConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.rules.iter().map(|r| r.name()).collect();
        f.debug_struct("OptimizerConfig")
            .field("rules", &names)
            .field("max_passes", &self.max_passes)
            .finish()
    }
}

impl Default for OptimizerConfig {
    /// Every rule, at most 16 passes.
    fn default() -> Self {
        OptimizerConfig {
            rules: vec![
                Box::new(ConstantFolding),
                Box::new(MergeFilters),
                Box::new(PushFilterThroughForEach),
                Box::new(PushFilterThroughDistinct),
                Box::new(PushFilterThroughUnion),
                Box::new(PushFilterIntoJoin),
                Box::new(PushFilterThroughGroup),
                Box::new(MergeForEach),
                Box::new(LimitPushDown),
                Box::new(EliminateDistinct),
                Box::new(PruneColumns),
            ],
            max_passes: 16,
        }
    }
}

impl OptimizerConfig {
    /// No rules: [`optimize`] returns the plan unchanged (for the optimized-vs-unoptimized
    /// equivalence tests and `--no-optimize`).
    pub fn none() -> Self {
        OptimizerConfig {
            rules: Vec::new(),
            max_passes: 0,
        }
    }

    /// Only the rules named in `names` (as [`Rule::name`]), in the default order.
    pub fn only(names: &[&str]) -> Self {
        let mut config = OptimizerConfig::default();
        config.rules.retain(|r| names.contains(&r.name()));
        config
    }

    /// The default rules without those named in `names`.
    pub fn without(names: &[&str]) -> Self {
        let mut config = OptimizerConfig::default();
        config.rules.retain(|r| !names.contains(&r.name()));
        config
    }
}

/// The optimized plan and what happened to it.
#[derive(Debug, Clone)]
pub struct Optimized {
    /// The rewritten plan.
    pub plan: LogicalPlan,
    /// Every rule firing, in order.
    pub trace: Vec<TraceEntry>,
    /// Passes run (the last one changed nothing, unless the pass limit was hit).
    pub passes: usize,
    /// Whether the pass limit stopped the optimizer before a fixpoint.
    pub hit_pass_limit: bool,
}

/// Why optimization failed: always a bug in a rule, never the script's fault.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OptimizeError {
    /// A rule changed what a sink writes.
    #[error("optimizer rule `{rule}` changed the schema of {sink}: {before} became {after} (this is a bug in the rule)")]
    SchemaChanged {
        /// The rule.
        rule: &'static str,
        /// The sink (`STORE 'location'` or `DUMP`).
        sink: String,
        /// The schema before.
        before: Schema,
        /// The schema after.
        after: Schema,
    },
    /// A rule removed or added a sink.
    #[error("optimizer rule `{rule}` changed the set of sinks (this is a bug in the rule)")]
    SinksChanged {
        /// The rule.
        rule: &'static str,
    },
    /// A rule left a cycle in the plan.
    #[error("optimizer rule `{rule}` left a cycle in the plan (this is a bug in the rule)")]
    Cycle {
        /// The rule.
        rule: &'static str,
    },
}

/// Optimizes `plan` with `config`'s rules (see the module docs).
pub fn optimize(
    mut plan: LogicalPlan,
    config: &OptimizerConfig,
) -> Result<Optimized, OptimizeError> {
    let expected = sink_schemas(&plan);
    let mut trace = Vec::new();
    let mut passes = 0;
    let mut hit_pass_limit = !config.rules.is_empty();
    while passes < config.max_passes {
        passes += 1;
        let mut changed = false;
        for rule in &config.rules {
            let rewrites = rule.rewrite(&mut plan);
            if rewrites.is_empty() {
                continue;
            }
            changed = true;
            check(&plan, &expected, rule.name())?;
            for rewrite in rewrites {
                let line = plan
                    .graph
                    .node_weight(rewrite.node)
                    .map_or(0, |n| n.span.line);
                trace.push(TraceEntry {
                    pass: passes,
                    rule: rule.name(),
                    rewrite,
                    line,
                });
            }
        }
        if !changed {
            hit_pass_limit = false;
            break;
        }
    }
    if config.rules.is_empty() {
        hit_pass_limit = false;
    }
    // Rules and checks read node schemas only; edges are brought up to date once, at the end.
    graph::refresh_edge_schemas(&mut plan);
    Ok(Optimized {
        plan,
        trace,
        passes,
        hit_pass_limit,
    })
}

/// The schema sink `s` writes (its input's).
fn written_schema(plan: &LogicalPlan, s: NodeId) -> &Schema {
    match plan.inputs(s).first() {
        Some(i) => &plan.node(*i).schema,
        None => &plan.node(s).schema,
    }
}

/// Every sink with a printable name and the schema it writes.
fn sink_schemas(plan: &LogicalPlan) -> Vec<(NodeId, String, Schema)> {
    plan.sinks()
        .into_iter()
        .map(|s| {
            let node = plan.node(s);
            let name = match &node.op {
                LogicalOp::Store { location, .. } => format!("STORE {location:?}"),
                _ => format!("DUMP (line {})", node.span.line),
            };
            (s, name, written_schema(plan, s).clone())
        })
        .collect()
}

fn check(
    plan: &LogicalPlan,
    expected: &[(NodeId, String, Schema)],
    rule: &'static str,
) -> Result<(), OptimizeError> {
    if petgraph::algo::is_cyclic_directed(&plan.graph) {
        return Err(OptimizeError::Cycle { rule });
    }
    let sinks = plan.sinks();
    if sinks.len() != expected.len() || sinks.iter().zip(expected).any(|(a, b)| *a != b.0) {
        return Err(OptimizeError::SinksChanged { rule });
    }
    for (s, sink, before) in expected {
        let after = written_schema(plan, *s);
        if !same_schema(after, before) {
            return Err(OptimizeError::SchemaChanged {
                rule,
                sink: sink.clone(),
                before: before.clone(),
                after: after.clone(),
            });
        }
    }
    Ok(())
}

/// Same field names and types (nullability may only become more precise).
fn same_schema(a: &Schema, b: &Schema) -> bool {
    a.is_unknown() == b.is_unknown()
        && a.fields.len() == b.fields.len()
        && a.fields
            .iter()
            .zip(&b.fields)
            .all(|(x, y)| x.name == y.name && x.ty == y.ty)
}
