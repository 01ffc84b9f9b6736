//! Logical → physical: walks the logical plan in topological order, lowers each live operator to one or
//! more stream operators (fusing GROUP + FOREACH into an aggregate, ORDER + LIMIT into a top-n, a LOAD +
//! pure projection into a pruned source, ORDER + STORE into a sorted sink), inserts exchanges in front of
//! keyed operators, and derives every node's key, changelog kind, event-time column, state and id.

use super::aggregate;
use super::event_time::event_time_columns;
use super::ids::IdAllocator;
use super::{
    Changelog, Eviction, InputRef, KeySpec, Mode, OperatorId, PhysId, PhysicalNode, PhysicalOp,
    PhysicalPlan, SinkMode, SinkTarget, StateSpec, StreamBlocker,
};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::optimize::exprs::as_column;
use crate::plan::expr::Expr;
use crate::plan::{
    ForEach, JoinKind, JoinStrategy, LogicalOp, LogicalPlan, NodeId, Port, Schema, Type,
};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{HashMap, HashSet};

/// Plans the stream operators of `plan` for `mode`.
///
/// Errors: in [`Mode::Stream`], constructs that cannot be maintained incrementally (ORDER without LIMIT,
/// RANK), each naming its statement. In [`Mode::Both`] these are recorded as
/// [`PhysicalPlan::stream_blockers`] instead. Warnings (in [`PhysicalPlan::warnings`]): stateful
/// operators whose state is unbounded when streaming, join strategies planned as hash joins.
pub fn plan_physical(plan: &LogicalPlan, mode: Mode) -> Result<PhysicalPlan, Diagnostics> {
    let mut p = Planner::new(plan, mode);
    for n in plan.topo_order() {
        if p.live.contains(&n) {
            p.lower(n);
        }
    }
    if p.errors.has_errors() {
        return Err(p.errors);
    }
    Ok(PhysicalPlan {
        nodes: p.nodes,
        settings: plan.settings.clone(),
        udfs: plan.udfs.clone(),
        mode,
        stream_blockers: p.blockers,
        warnings: p.warnings,
    })
}

struct Planner<'a> {
    plan: &'a LogicalPlan,
    mode: Mode,
    nodes: Vec<PhysicalNode>,
    /// Where each lowered logical node's rows come out.
    out: HashMap<NodeId, InputRef>,
    /// Logical nodes that reach a sink.
    live: HashSet<NodeId>,
    /// Event-time column per logical node.
    event: HashMap<NodeId, usize>,
    /// Output columns each physical node is partitioned by (`None`: unknown).
    partitioning: Vec<Option<Vec<usize>>>,
    /// Exchanges already inserted, by input and key text (an input keyed twice the same way is
    /// repartitioned once).
    exchanges: HashMap<(InputRef, String), InputRef>,
    ids: IdAllocator,
    errors: Diagnostics,
    warnings: Diagnostics,
    blockers: Vec<StreamBlocker>,
}

/// What a new node needs besides its operator.
struct NewNode {
    op: PhysicalOp,
    inputs: Vec<InputRef>,
    schema: Schema,
    logical: Vec<NodeId>,
    key: KeySpec,
}

impl<'a> Planner<'a> {
    fn new(plan: &'a LogicalPlan, mode: Mode) -> Planner<'a> {
        Planner {
            plan,
            mode,
            nodes: Vec::new(),
            out: HashMap::new(),
            live: live_nodes(plan),
            event: event_time_columns(plan),
            partitioning: Vec::new(),
            exchanges: HashMap::new(),
            ids: IdAllocator::default(),
            errors: Diagnostics::new(),
            warnings: Diagnostics::new(),
            blockers: Vec::new(),
        }
    }

    fn live_users(&self, n: NodeId) -> Vec<NodeId> {
        self.plan
            .users(n)
            .into_iter()
            .filter(|u| self.live.contains(u))
            .collect()
    }

    /// Whether `user` reads `n` as a scalar.
    fn reads_as_scalar(&self, user: NodeId, n: NodeId) -> bool {
        self.plan
            .graph
            .edges_connecting(n, user)
            .any(|e| e.weight().port == Port::Scalar)
    }

    fn input(&self, n: NodeId, i: usize) -> InputRef {
        self.lowered(self.plan.inputs(n).get(i))
    }

    fn inputs(&self, n: NodeId) -> Vec<InputRef> {
        self.plan
            .inputs(n)
            .iter()
            .map(|src| self.lowered(Some(src)))
            .collect()
    }

    /// Where a lowered logical node's rows come out (inputs are lowered before their users).
    fn lowered(&self, src: Option<&NodeId>) -> InputRef {
        src.and_then(|src| self.out.get(src))
            .copied()
            .unwrap_or(InputRef {
                node: PhysId(0),
                port: 0,
            })
    }

    /// Lowers logical node `n` (its inputs are already lowered).
    fn lower(&mut self, n: NodeId) {
        let node = self.plan.node(n);
        let inputs = self.inputs(n);
        if inputs.is_empty() && !matches!(node.op, LogicalOp::Load { .. }) {
            // The plan builder never makes such a node; report rather than index out of bounds.
            self.errors.push(Diagnostic::error(
                format!("internal error: {} has no input", node.op.name()),
                node.span,
            ));
            return;
        }
        let new = |op: PhysicalOp, inputs: Vec<InputRef>, key: KeySpec| NewNode {
            op,
            inputs,
            schema: node.schema.clone(),
            logical: vec![n],
            key,
        };
        let out = match &node.op {
            LogicalOp::Load {
                location,
                storage,
                declared_schema,
            } => {
                let source = PhysicalOp::Source {
                    location: location.clone(),
                    storage: storage.clone(),
                    declared_schema: *declared_schema,
                    file_schema: node.schema.clone(),
                    materialize: None,
                };
                match self.pruning_projection(n) {
                    Some((user, cols, schema)) => {
                        let PhysicalOp::Source {
                            location,
                            storage,
                            declared_schema,
                            file_schema,
                            ..
                        } = source
                        else {
                            return;
                        };
                        let op = PhysicalOp::Source {
                            location,
                            storage,
                            declared_schema,
                            file_schema,
                            materialize: Some(cols),
                        };
                        let r = self.push(NewNode {
                            op,
                            inputs: vec![],
                            schema,
                            logical: vec![n, user],
                            key: KeySpec::None,
                        });
                        self.out.insert(user, r);
                        r
                    }
                    None => self.push(new(source, vec![], KeySpec::None)),
                }
            }
            LogicalOp::Filter { predicate } => self.push(new(
                PhysicalOp::Filter {
                    predicate: predicate.clone(),
                },
                inputs,
                KeySpec::None,
            )),
            LogicalOp::Assert { predicate, message } => self.push(new(
                PhysicalOp::Assert {
                    predicate: predicate.clone(),
                    message: message.clone(),
                },
                inputs,
                KeySpec::None,
            )),
            LogicalOp::Sample { fraction } => self.push(new(
                PhysicalOp::Sample {
                    fraction: fraction.clone(),
                },
                inputs,
                KeySpec::None,
            )),
            LogicalOp::Distinct => {
                let input = self.exchange(inputs[0], KeySpec::Record, None);
                self.push(new(PhysicalOp::Distinct, vec![input], KeySpec::Record))
            }
            LogicalOp::ForEach(f) => {
                if self.out.contains_key(&n) {
                    return; // fused into its LOAD
                }
                match self.fused_group(n) {
                    Some(group) => self.aggregate(group, Some((n, f))),
                    None => {
                        let plain = f.nested.is_empty() && f.generate.iter().all(|g| !g.flatten);
                        let op = if plain {
                            PhysicalOp::Map {
                                exprs: f.generate.iter().map(|g| g.expr.clone()).collect(),
                            }
                        } else {
                            PhysicalOp::FlatMap { foreach: f.clone() }
                        };
                        self.push(new(op, inputs, KeySpec::None))
                    }
                }
            }
            LogicalOp::Group(g) if g.keys.len() > 1 => {
                let key_of = |k: &Vec<Expr>| {
                    if g.all {
                        KeySpec::Global
                    } else {
                        KeySpec::Exprs(k.clone())
                    }
                };
                let exchanged: Vec<InputRef> = inputs
                    .iter()
                    .zip(&g.keys)
                    .map(|(i, k)| self.exchange(*i, key_of(k), key_columns(k)))
                    .collect();
                let op = PhysicalOp::CoGroup {
                    keys: g.keys.clone(),
                    all: g.all,
                    inner: g.inner.clone(),
                };
                let key = key_of(&g.keys[0]);
                self.push(new(op, exchanged, key))
            }
            LogicalOp::Group(_) => {
                let users = self.live_users(n);
                if !users.is_empty() && users.iter().all(|u| self.fused_group(*u) == Some(n)) {
                    return; // lowered with each of its FOREACHes
                }
                self.aggregate(n, None)
            }
            LogicalOp::Join {
                keys,
                kind,
                strategy,
            } => self.join(n, inputs, keys, *kind, *strategy),
            LogicalOp::Cross => {
                let mut left = self.exchange(inputs[0], KeySpec::Global, None);
                let mut widths = self.plan.node(self.plan.inputs(n)[0]).schema.fields.clone();
                for (i, right) in inputs.iter().enumerate().skip(1) {
                    let right = self.exchange(*right, KeySpec::Global, None);
                    let rschema = &self.plan.node(self.plan.inputs(n)[i]).schema;
                    widths.extend(rschema.fields.iter().cloned());
                    let last = i + 1 == inputs.len();
                    let schema = if last {
                        node.schema.clone()
                    } else {
                        Schema::new(widths.clone())
                    };
                    left = self.push(NewNode {
                        op: PhysicalOp::Cross,
                        inputs: vec![left, right],
                        schema,
                        logical: vec![n],
                        key: KeySpec::Global,
                    });
                }
                left
            }
            LogicalOp::Union { mapping } => self.push(new(
                PhysicalOp::Union {
                    mapping: mapping.clone(),
                },
                inputs,
                KeySpec::None,
            )),
            LogicalOp::Split => {
                let branches: Vec<NodeId> = self
                    .live_users(n)
                    .into_iter()
                    .filter(|u| matches!(self.plan.node(*u).op, LogicalOp::SplitOutput { .. }))
                    .collect();
                let conditions = branches
                    .iter()
                    .filter_map(|b| match &self.plan.node(*b).op {
                        LogicalOp::SplitOutput { condition } => Some(condition.clone()),
                        _ => None,
                    })
                    .collect();
                let mut logical = vec![n];
                logical.extend(&branches);
                let r = self.push(NewNode {
                    op: PhysicalOp::Split {
                        branches: conditions,
                    },
                    inputs,
                    schema: node.schema.clone(),
                    logical,
                    key: KeySpec::None,
                });
                for (port, b) in branches.iter().enumerate() {
                    self.out.insert(*b, InputRef { node: r.node, port });
                }
                r
            }
            LogicalOp::SplitOutput { .. } => {
                if self.out.contains_key(&n) {
                    return;
                }
                // A branch whose SPLIT was not lowered cannot happen (the SPLIT is live); keep the input.
                inputs[0]
            }
            LogicalOp::Order { keys } => {
                let users = self.live_users(n);
                let fused_everywhere = users.iter().all(|u| {
                    matches!(
                        self.plan.node(*u).op,
                        LogicalOp::Limit { .. } | LogicalOp::Store { .. } | LogicalOp::Dump
                    ) && !self.reads_as_scalar(*u, n)
                });
                if fused_everywhere {
                    inputs[0] // each user takes the order over
                } else {
                    self.block(n, "ORDER without LIMIT sorts the whole input");
                    let input = self.exchange(inputs[0], KeySpec::Global, None);
                    self.push(new(
                        PhysicalOp::Sort { keys: keys.clone() },
                        vec![input],
                        KeySpec::Global,
                    ))
                }
            }
            LogicalOp::Limit { count } => {
                let src = self.plan.inputs(n)[0];
                let op = match &self.plan.node(src).op {
                    LogicalOp::Order { keys } => PhysicalOp::TopN {
                        keys: keys.clone(),
                        count: count.clone(),
                    },
                    _ => PhysicalOp::Limit {
                        count: count.clone(),
                    },
                };
                let mut logical = vec![n];
                if matches!(op, PhysicalOp::TopN { .. }) {
                    logical.insert(0, src);
                }
                let input = self.exchange(inputs[0], KeySpec::Global, None);
                self.push(NewNode {
                    op,
                    inputs: vec![input],
                    schema: node.schema.clone(),
                    logical,
                    key: KeySpec::Global,
                })
            }
            LogicalOp::Rank { keys, dense } => {
                self.block(n, "RANK numbers the whole input");
                let input = self.exchange(inputs[0], KeySpec::Global, None);
                self.push(new(
                    PhysicalOp::Rank {
                        keys: keys.clone(),
                        dense: *dense,
                    },
                    vec![input],
                    KeySpec::Global,
                ))
            }
            LogicalOp::Cube { dimensions, sets } => {
                let input = self.exchange(inputs[0], KeySpec::Global, None);
                self.push(new(
                    PhysicalOp::Cube {
                        dimensions: dimensions.clone(),
                        sets: sets.clone(),
                    },
                    vec![input],
                    KeySpec::Global,
                ))
            }
            LogicalOp::Store { location, storage } => self.sink(
                n,
                SinkTarget::Store {
                    location: location.clone(),
                    storage: storage.clone(),
                },
            ),
            LogicalOp::Dump => self.sink(n, SinkTarget::Dump),
        };
        self.out.insert(n, out);
    }

    /// For a LOAD whose only user is a FOREACH projecting distinct bare columns (what column pruning
    /// leaves behind), that user, the columns, and the projected schema.
    fn pruning_projection(&self, load: NodeId) -> Option<(NodeId, Vec<usize>, Schema)> {
        let users = self.plan.users(load);
        let [user] = users.as_slice() else {
            return None;
        };
        if !self.live.contains(user) || self.reads_as_scalar(*user, load) {
            return None;
        }
        let LogicalOp::ForEach(f) = &self.plan.node(*user).op else {
            return None;
        };
        if !f.nested.is_empty() || f.generate.iter().any(|g| g.flatten) {
            return None;
        }
        let cols: Option<Vec<usize>> = f.generate.iter().map(|g| as_column(&g.expr)).collect();
        let cols = cols?;
        let unique: HashSet<_> = cols.iter().collect();
        (unique.len() == cols.len()).then(|| (*user, cols, self.plan.node(*user).schema.clone()))
    }

    /// The one-input GROUP that FOREACH `n` is fused with: `n` reads a GROUP whose every live user is a
    /// FOREACH (each such FOREACH gets its own aggregate with only the accumulators it needs).
    fn fused_group(&self, n: NodeId) -> Option<NodeId> {
        if !matches!(self.plan.node(n).op, LogicalOp::ForEach(_)) {
            return None;
        }
        let group = *self.plan.inputs(n).first()?;
        let LogicalOp::Group(g) = &self.plan.node(group).op else {
            return None;
        };
        let fusable = |u: &NodeId| {
            matches!(self.plan.node(*u).op, LogicalOp::ForEach(_))
                && !self.reads_as_scalar(*u, group)
        };
        (g.keys.len() == 1 && self.live_users(group).iter().all(fusable)).then_some(group)
    }

    /// Lowers a one-input GROUP, fused with `foreach` when given.
    fn aggregate(&mut self, group: NodeId, foreach: Option<(NodeId, &ForEach)>) -> InputRef {
        let gnode = self.plan.node(group);
        let LogicalOp::Group(g) = &gnode.op else {
            return self.input(group, 0);
        };
        let keys = g.keys.first().cloned().unwrap_or_default();
        let key = if g.all {
            KeySpec::Global
        } else {
            KeySpec::Exprs(keys.clone())
        };
        let bag_type = gnode
            .schema
            .fields
            .get(1)
            .map(|f| f.ty.clone())
            .unwrap_or(crate::plan::Type::bag(Schema::unknown()));
        let plan = self.plan;
        let src = plan.inputs(group)[0];
        let input_schema = &plan.node(src).schema;
        let (accumulators, finish, schema, logical) = match foreach {
            Some((f_id, f)) => {
                let (accs, finish) = aggregate::fuse(f, input_schema, &bag_type);
                let schema = self.plan.node(f_id).schema.clone();
                (accs, Some(finish), schema, vec![group, f_id])
            }
            None => (
                aggregate::whole_bag(&bag_type),
                None,
                gnode.schema.clone(),
                vec![group],
            ),
        };
        let input = self.input(group, 0);
        let input = self.exchange(input, key.clone(), key_columns(&keys));
        self.push(NewNode {
            op: PhysicalOp::Aggregate {
                keys,
                all: g.all,
                accumulators,
                finish,
            },
            inputs: vec![input],
            schema,
            logical,
            key,
        })
    }

    fn join(
        &mut self,
        n: NodeId,
        inputs: Vec<InputRef>,
        keys: &[Vec<Expr>],
        kind: JoinKind,
        strategy: JoinStrategy,
    ) -> InputRef {
        let node = self.plan.node(n);
        let replicated = strategy == JoinStrategy::Replicated
            && matches!(kind, JoinKind::Inner | JoinKind::LeftOuter);
        if !matches!(strategy, JoinStrategy::Hash | JoinStrategy::Replicated)
            || (strategy == JoinStrategy::Replicated && !replicated)
        {
            self.warnings.push(
                Diagnostic::warning(
                    format!(
                        "JOIN strategy {strategy:?} is planned as a hash join (pigc keeps both sides in keyed state)"
                    ),
                    node.span,
                )
                .with_note("the result is the same; only Pig's execution strategy differs"),
            );
        }
        // Both sides are repartitioned by key, the replicated one too: a task of a stream job reads
        // one partition of each input topic, so a table replicated by Pig must still meet the rows of
        // its keys (in one process the exchanges cost nothing).
        let left_keys = keys.first().cloned().unwrap_or_default();
        let mut left = self.exchange(
            inputs[0],
            KeySpec::Exprs(left_keys.clone()),
            key_columns(&left_keys),
        );
        let srcs = self.plan.inputs(n);
        let mut fields = self.plan.node(srcs[0]).schema.fields.clone();
        for (i, right) in inputs.iter().enumerate().skip(1) {
            let right_keys = keys.get(i).cloned().unwrap_or_default();
            let right = self.exchange(
                *right,
                KeySpec::Exprs(right_keys.clone()),
                key_columns(&right_keys),
            );
            fields.extend(self.plan.node(srcs[i]).schema.fields.iter().cloned());
            let schema = if i + 1 == inputs.len() {
                node.schema.clone()
            } else {
                Schema::new(fields.clone())
            };
            let op = if replicated {
                PhysicalOp::LookupJoin {
                    left_keys: left_keys.clone(),
                    right_keys,
                    kind,
                }
            } else {
                PhysicalOp::HashJoin {
                    left_keys: left_keys.clone(),
                    right_keys,
                    kind,
                }
            };
            left = self.push(NewNode {
                op,
                inputs: vec![left, right],
                schema,
                logical: vec![n],
                key: KeySpec::Exprs(left_keys.clone()),
            });
        }
        left
    }

    fn sink(&mut self, n: NodeId, target: SinkTarget) -> InputRef {
        let src = self.plan.inputs(n)[0];
        let input = self.input(n, 0);
        let feeding = &self.nodes[input.node.0];
        let mode = match &self.plan.node(src).op {
            LogicalOp::Order { keys } => {
                self.block(src, "ORDER without LIMIT sorts the whole input");
                SinkMode::Sorted { keys: keys.clone() }
            }
            _ => match (&feeding.op, &feeding.changelog) {
                // A top-n keeps its rows in a set; the STORE writes them in the ORDER's order.
                (PhysicalOp::TopN { keys, .. }, _) => SinkMode::Sorted { keys: keys.clone() },
                (_, Changelog::Updating { key: Some(key) }) => {
                    SinkMode::Upsert { key: key.clone() }
                }
                _ => SinkMode::Append,
            },
        };
        let node = self.plan.node(n);
        let mut logical = vec![n];
        if matches!(mode, SinkMode::Sorted { .. }) {
            logical.insert(0, src);
        }
        self.push(NewNode {
            op: PhysicalOp::Sink { target, mode },
            inputs: vec![input],
            schema: node.schema.clone(),
            logical,
            key: KeySpec::None,
        })
    }

    /// Records a construct that cannot run as a stream: an error in stream mode, a blocker in both.
    fn block(&mut self, n: NodeId, what: &str) {
        let span = self.plan.node(n).span;
        if self
            .blockers
            .iter()
            .any(|b| b.span == span && b.reason.starts_with(what))
        {
            return;
        }
        let reason = format!("{what}, which cannot be maintained incrementally in stream mode");
        match self.mode {
            Mode::Batch => {}
            Mode::Stream => self.errors.push(Diagnostic::error(reason, span).with_help(
                "add `LIMIT n` after the ORDER to maintain a top-n, or run in batch mode",
            )),
            Mode::Both => self.blockers.push(StreamBlocker { span, reason }),
        }
    }

    /// Inserts an exchange on `key` in front of a keyed operator, unless the plan is batch-only or the
    /// input is already partitioned on the same columns.
    fn exchange(&mut self, input: InputRef, key: KeySpec, columns: Option<Vec<usize>>) -> InputRef {
        if self.mode == Mode::Batch {
            return input;
        }
        let current = &self.partitioning[input.node.0];
        let already = match (&key, current) {
            (KeySpec::Exprs(_), Some(p)) => columns.as_ref() == Some(p),
            _ => false,
        };
        let same_exchange =
            matches!(&self.nodes[input.node.0].op, PhysicalOp::Exchange { key: k } if *k == key);
        if already || same_exchange {
            return input;
        }
        let memo = (input, key.to_string());
        if let Some(r) = self.exchanges.get(&memo) {
            return *r;
        }
        let schema = self.nodes[input.node.0].schema.clone();
        let r = self.push(NewNode {
            op: PhysicalOp::Exchange { key: key.clone() },
            inputs: vec![input],
            schema,
            logical: Vec::new(),
            key,
        });
        self.exchanges.insert(memo, r);
        r
    }

    /// Appends a node, deriving its changelog, event time, partitioning, state and id.
    fn push(&mut self, mut new: NewNode) -> InputRef {
        // A relation read as a scalar is one row that every row of the reader must see: in a stream
        // job split into tasks by exchanges, the reader's input and the scalar both go to the one
        // task of the global key, so no task reads a scalar another task holds.
        let scalar_inputs = self.scalar_inputs(&new.logical);
        if !scalar_inputs.is_empty() {
            new.inputs = (new.inputs.iter())
                .map(|i| self.exchange(*i, KeySpec::Global, None))
                .collect();
        }
        let logical_last = new.logical.last().copied();
        let alias = new
            .logical
            .iter()
            .rev()
            .find_map(|l| self.plan.node(*l).alias.clone())
            .or_else(|| {
                new.inputs
                    .first()
                    .and_then(|i| self.nodes[i.node.0].alias.clone())
            });
        let span = logical_last
            .map(|l| self.plan.node(l).span)
            .or_else(|| new.inputs.first().map(|i| self.nodes[i.node.0].span))
            .unwrap_or_default();
        let ins: Vec<&PhysicalNode> = new.inputs.iter().map(|i| &self.nodes[i.node.0]).collect();
        let changelog = changelog(&new.op, &ins);
        let event_time = match logical_last {
            Some(l) => self.event.get(&l).copied(),
            None => ins.first().and_then(|i| i.event_time),
        }
        .filter(|c| new.schema.is_unknown() || *c < new.schema.len());
        let input_times: Vec<Option<usize>> = ins.iter().map(|i| i.event_time).collect();
        let partitioning = partitioning(&new.op, &self.partitioning, &new.inputs, &changelog);
        let state = new
            .op
            .is_stateful()
            .then(|| self.state(&new.op, &input_times, span, alias.as_deref()));
        let summary = new.op.summary();
        let input_ids: Vec<(&OperatorId, usize)> = new
            .inputs
            .iter()
            .map(|i| (&self.nodes[i.node.0].id, i.port))
            .collect();
        let id = self
            .ids
            .allocate(alias.as_deref(), new.op.name(), &summary, &input_ids);
        self.nodes.push(PhysicalNode {
            id,
            op: new.op,
            inputs: new.inputs,
            scalar_inputs,
            schema: new.schema,
            alias,
            span,
            logical: new.logical,
            key: new.key,
            changelog,
            event_time,
            state,
        });
        self.partitioning.push(partitioning);
        InputRef {
            node: PhysId(self.nodes.len() - 1),
            port: 0,
        }
    }

    /// The operators holding the relations `logical` reads as scalars, each behind an exchange to the
    /// global key (in stream-capable plans; see [`Planner::push`]).
    fn scalar_inputs(&mut self, logical: &[NodeId]) -> Vec<PhysId> {
        let sources: Vec<InputRef> = logical
            .iter()
            .flat_map(|l| self.plan.scalar_inputs(*l))
            .filter_map(|s| self.out.get(&s).copied())
            .collect();
        let mut v: Vec<PhysId> = sources
            .into_iter()
            .map(|r| self.exchange(r, KeySpec::Global, None).node)
            .collect();
        v.sort();
        v.dedup();
        v
    }

    fn state(
        &mut self,
        op: &PhysicalOp,
        input_times: &[Option<usize>],
        span: crate::parse::Span,
        alias: Option<&str>,
    ) -> StateSpec {
        let holds = state_holds(op);
        let eviction = match op {
            PhysicalOp::Sort { .. } | PhysicalOp::Rank { .. } => Eviction::Bounded,
            PhysicalOp::TopN { .. } | PhysicalOp::Limit { .. } => Eviction::Unbounded,
            _ => {
                let cols: Option<Vec<usize>> = input_times.iter().copied().collect();
                match (self.plan.settings.retention, cols) {
                    (Some(retention), Some(event_time)) => Eviction::Retention {
                        event_time,
                        retention,
                    },
                    _ => Eviction::Unbounded,
                }
            }
        };
        if eviction == Eviction::Unbounded && self.mode.includes_stream() {
            let name = alias.map_or(String::new(), |a| format!(" `{a}`"));
            let help = match (&self.plan.settings.event_time, self.plan.settings.retention) {
                (_, _) if matches!(op, PhysicalOp::TopN { .. } | PhysicalOp::Limit { .. }) => {
                    "a top-n keeps every input row so that retractions are exact; bound its input instead (e.g. FILTER by a recent time)".to_string()
                }
                (None, _) | (_, None) => "declare `SET pigc.event_time 'alias.field';` and `SET pigc.retention '2d';` to evict old state".to_string(),
                (Some(f), Some(_)) => format!(
                    "the event time `{}.{}` does not reach this operator's inputs (it must pass through every input unchanged)",
                    f.alias, f.field
                ),
            };
            self.warnings.push(
                Diagnostic::warning(
                    format!(
                        "{}{name} keeps unbounded state when streaming ({holds})",
                        op.name()
                    ),
                    span,
                )
                .with_help(help),
            );
        }
        StateSpec { holds, eviction }
    }
}

/// Logical nodes from which a sink is reachable (through relational or scalar edges).
fn live_nodes(plan: &LogicalPlan) -> HashSet<NodeId> {
    let mut live = HashSet::new();
    let mut stack = plan.sinks();
    while let Some(n) = stack.pop() {
        if live.insert(n) {
            stack.extend(
                plan.graph
                    .edges_directed(n, Direction::Incoming)
                    .map(|e| e.source()),
            );
        }
    }
    live
}

/// The columns of a key made only of bare columns.
fn key_columns(keys: &[Expr]) -> Option<Vec<usize>> {
    keys.iter().map(as_column).collect()
}

fn changelog(op: &PhysicalOp, ins: &[&PhysicalNode]) -> Changelog {
    let all_append = ins.iter().all(|i| i.changelog.is_append_only());
    let pass = || {
        ins.first()
            .map_or(Changelog::AppendOnly, |i| i.changelog.clone())
    };
    let append_if_inputs_are = || {
        if all_append {
            Changelog::AppendOnly
        } else {
            Changelog::Updating { key: None }
        }
    };
    match op {
        PhysicalOp::Source { .. } => Changelog::AppendOnly,
        PhysicalOp::Filter { .. }
        | PhysicalOp::Sample { .. }
        | PhysicalOp::Assert { .. }
        | PhysicalOp::Exchange { .. }
        | PhysicalOp::Split { .. }
        | PhysicalOp::Sink { .. } => pass(),
        PhysicalOp::Map { exprs } => match pass() {
            Changelog::Updating { key: Some(k) } => Changelog::Updating {
                key: k
                    .iter()
                    .map(|c| exprs.iter().position(|e| as_column(e) == Some(*c)))
                    .collect(),
            },
            other => other,
        },
        PhysicalOp::FlatMap { .. }
        | PhysicalOp::Distinct
        | PhysicalOp::Cross
        | PhysicalOp::Union { .. } => append_if_inputs_are(),
        PhysicalOp::HashJoin { kind, .. } | PhysicalOp::LookupJoin { kind, .. } => {
            if *kind == JoinKind::Inner {
                append_if_inputs_are()
            } else {
                Changelog::Updating { key: None }
            }
        }
        PhysicalOp::Aggregate { all, finish, .. } => Changelog::Updating {
            key: group_columns(finish.as_ref(), *all),
        },
        // The group column is a unique key only where null keys cannot form two groups: COGROUP of
        // several inputs keeps one null group per input, and CUBE's null non-text dimension prints
        // like a rolled-up one. Without a unique key the sink writes inserts and retractions.
        PhysicalOp::CoGroup { keys, all, .. } => Changelog::Updating {
            key: (*all || keys.len() == 1).then(|| vec![0]),
        },
        PhysicalOp::Cube { dimensions, .. } => Changelog::Updating {
            key: dimensions
                .iter()
                .all(|d| matches!(d.ty, Type::Chararray | Type::Bytearray))
                .then(|| vec![0]),
        },
        PhysicalOp::TopN { .. }
        | PhysicalOp::Sort { .. }
        | PhysicalOp::Limit { .. }
        | PhysicalOp::Rank { .. } => Changelog::Updating { key: None },
    }
}

/// The output columns of an aggregate that hold its group key (`group`, or `FLATTEN(group)`).
fn group_columns(finish: Option<&ForEach>, all: bool) -> Option<Vec<usize>> {
    let Some(f) = finish else {
        return Some(vec![0]);
    };
    let mut pos = 0;
    for g in &f.generate {
        if as_column(&g.expr) == Some(0) {
            return Some((pos..pos + g.fields.len()).collect());
        }
        pos += g.fields.len();
    }
    // GROUP ALL has a single group: every output row is the one row of its key.
    (all && f.generate.iter().all(|g| !g.flatten)).then(Vec::new)
}

fn partitioning(
    op: &PhysicalOp,
    parts: &[Option<Vec<usize>>],
    inputs: &[InputRef],
    changelog: &Changelog,
) -> Option<Vec<usize>> {
    let first = inputs.first().and_then(|i| parts[i.node.0].clone());
    match op {
        PhysicalOp::Exchange {
            key: KeySpec::Exprs(k),
        } => key_columns(k),
        PhysicalOp::Filter { .. }
        | PhysicalOp::Sample { .. }
        | PhysicalOp::Assert { .. }
        | PhysicalOp::Split { .. }
        | PhysicalOp::Distinct => first,
        PhysicalOp::Map { exprs } => first?
            .iter()
            .map(|c| exprs.iter().position(|e| as_column(e) == Some(*c)))
            .collect(),
        PhysicalOp::Aggregate { all: false, .. } => match changelog {
            Changelog::Updating { key: Some(k) } if !k.is_empty() => Some(k.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn state_holds(op: &PhysicalOp) -> String {
    match op {
        PhysicalOp::Aggregate { accumulators, .. } => {
            let accs: Vec<String> = accumulators
                .iter()
                .map(|a| {
                    let how = if a.func.is_additive() {
                        "sum"
                    } else {
                        "multiset"
                    };
                    format!("{:?}:{how}", a.func)
                })
                .collect();
            format!("per group: row count, {}", accs.join(", "))
        }
        PhysicalOp::Distinct => "per record: multiplicity".into(),
        PhysicalOp::HashJoin { .. } => "per key and side: multiset of rows".into(),
        PhysicalOp::LookupJoin { .. } => {
            "per key: the table side's rows, and the streamed side's rows for exact retraction"
                .into()
        }
        PhysicalOp::CoGroup { .. } => "per key: every input's bag".into(),
        PhysicalOp::Cross => "both inputs' rows".into(),
        PhysicalOp::TopN { .. } | PhysicalOp::Limit { .. } => "all rows, in sort order".into(),
        PhysicalOp::Sort { .. } | PhysicalOp::Rank { .. } => "all rows of the run (batch)".into(),
        PhysicalOp::Cube { .. } => "per grouping-set key: the bag of rows".into(),
        _ => String::new(),
    }
}
