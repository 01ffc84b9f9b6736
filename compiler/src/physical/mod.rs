//! Physical planning: the (optimized) logical plan → a list of stream operators that map one to one onto
//! the runtime's dataflow API (`pigc_runtime::dataflow` and `pigc_runtime::operators`).
//!
//! Entry point: [`plan_physical`]. The result is a [`PhysicalPlan`]: nodes in a topological order
//! (every input of a node comes before it), each with
//! - its operator ([`PhysicalOp`]) holding the logical plan's typed expressions ([`Expr`]) *unchanged*,
//!   so that the code generator translates them to Rust directly (column `i` is field `i` of the
//!   operator's input row, exactly as in the logical plan, unless the operator's docs say otherwise);
//! - its output [`Schema`], alias and span (for comments naming the Pig line);
//! - how its input is keyed ([`KeySpec`]), whether its output is append-only or an updating changelog
//!   ([`Changelog`]), and for stateful operators what state it keeps and how that state is evicted
//!   ([`StateSpec`], design.md §4);
//! - a deterministic operator id ([`OperatorId`]) derived from the plan, stable when an unchanged
//!   script is rebuilt (state checkpoints are keyed by it).
//!
//! Architecture invariant: the logical plan does not know the execution mode; this pass is the only
//! one that does, and it looks at [`Mode`] only to reject stream-incompatible constructs and to warn
//! about unbounded state.
//!
//! Module map: `planner` (logical → physical), `aggregate` (GROUP + FOREACH → accumulators), `ids`
//! (operator ids), `event_time` (where the event-time column is in each relation), [`display`] (text and Graphviz).

mod aggregate;
pub mod display;
mod event_time;
mod ids;
mod planner;

pub use planner::plan_physical;

use crate::parse::Span;
use crate::plan::builtins::Builtin;
use crate::plan::expr::Expr;
use crate::plan::settings::Settings;
use crate::plan::udf::RustUdf;
use crate::plan::{ForEach, JoinKind, NodeId, Schema, SortKey, SplitCondition, StorageSpec};
use std::fmt;
use std::time::Duration;

/// For which execution modes a plan is made. A generated crate serves both `batch` and `stream`
/// (design.md §1), so the compiler normally plans for [`Mode::Both`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// Bounded input, one step: every operator is allowed.
    Batch,
    /// Unbounded changelog input: ORDER without LIMIT, RANK and other whole-input orderings are errors.
    Stream,
    /// Both (the default): the stream restrictions apply.
    #[default]
    Both,
}

impl Mode {
    /// Whether the plan must be runnable as a stream.
    pub fn includes_stream(self) -> bool {
        matches!(self, Mode::Stream | Mode::Both)
    }
}

/// Index of a node in [`PhysicalPlan::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PhysId(pub usize);

impl fmt::Display for PhysId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "%{}", self.0)
    }
}

/// One input of a node: the output `port` of node `node`. Every operator has one output (port 0)
/// except [`PhysicalOp::Split`], which has one per branch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InputRef {
    /// The producing node.
    pub node: PhysId,
    /// Its output port.
    pub port: usize,
}

/// A deterministic operator id, e.g. `daily_usage.aggregate.7f3a09c2`: the alias (or `anon`), the
/// operator kind, and a hash of the node's lineage (its operator's arguments and its inputs' ids).
/// It does not depend on spans, node numbering or iteration order, so reformatting or adding comments
/// to a script keeps every id. Valid as a Rust string literal and as a file-name component.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OperatorId(pub String);

impl fmt::Display for OperatorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A physical plan: stream operators in a topological order, plus what the generated code needs from
/// the script as a whole.
#[derive(Debug, Clone)]
pub struct PhysicalPlan {
    /// The operators; every input of node `i` is a node `j < i`.
    pub nodes: Vec<PhysicalNode>,
    /// The script's typed settings (event time, retention, emit interval, other `SET`s).
    pub settings: Settings,
    /// The Rust UDFs that [`crate::plan::expr::Func::Rust`] indexes.
    pub udfs: Vec<RustUdf>,
    /// The mode the plan was checked for.
    pub mode: Mode,
    /// Constructs that cannot run as a stream (ORDER without LIMIT, RANK), each with its statement.
    /// Empty in [`Mode::Stream`] plans (they are errors there); in [`Mode::Both`] plans the generated
    /// `stream` command must refuse to start and print these.
    pub stream_blockers: Vec<StreamBlocker>,
    /// Warnings (unbounded state in stream mode, strategies planned differently than asked, …).
    pub warnings: crate::diagnostics::Diagnostics,
}

/// Why a plan cannot run in stream mode.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamBlocker {
    /// The statement.
    pub span: Span,
    /// The reason, as a full sentence.
    pub reason: String,
}

/// One stream operator.
#[derive(Debug, Clone)]
pub struct PhysicalNode {
    /// Deterministic id (the runtime's state id for stateful operators).
    pub id: OperatorId,
    /// The operator.
    pub op: PhysicalOp,
    /// Relational inputs, in the order the operator documents (left then right, …).
    pub inputs: Vec<InputRef>,
    /// Relations read as scalars ([`crate::plan::expr::ExprKind::Scalar`]); see
    /// [`PhysicalPlan::scalar_source`] for how a scalar's logical node maps to one of these.
    pub scalar_inputs: Vec<PhysId>,
    /// The schema of every output port (for sinks: the rows written).
    pub schema: Schema,
    /// The alias of the relation it computes, if the script named it.
    pub alias: Option<String>,
    /// The Pig statement it comes from.
    pub span: Span,
    /// The logical nodes this operator implements (several when operators were fused, e.g. GROUP and
    /// the FOREACH that aggregates it; empty for inserted operators such as [`PhysicalOp::Exchange`]).
    pub logical: Vec<NodeId>,
    /// How the operator's input is keyed / partitioned.
    pub key: KeySpec,
    /// Whether the output only inserts or also retracts/updates.
    pub changelog: Changelog,
    /// The output column holding the event time (`SET pigc.event_time`), when it survives to here.
    pub event_time: Option<usize>,
    /// Keyed state, for stateful operators.
    pub state: Option<StateSpec>,
}

/// The stream operators. Each maps onto one runtime call (named in its doc).
#[derive(Debug, Clone)]
pub enum PhysicalOp {
    /// `LOAD` → `Dataflow::source(location, format)`. The location string is the binding key of the
    /// run contract (`--input LOCATION=PATH`, `--topic LOCATION=TOPIC`).
    Source {
        /// The location string as written in the script.
        location: String,
        /// Load function and arguments (the format).
        storage: StorageSpec,
        /// Whether the script declared the schema (the loader casts fields to it).
        declared_schema: bool,
        /// The loader's full schema (as declared).
        file_schema: Schema,
        /// Which fields of `file_schema` to materialize, in output order (column pruning: the others are
        /// skipped without being parsed). `None`: all of them. The node's `schema` is the projection.
        materialize: Option<Vec<usize>>,
    },
    /// `FOREACH … GENERATE e1, e2, …` without FLATTEN and nested block → `Stream::map`: one output row
    /// per input row, field `i` = `exprs[i]` over the input row.
    Map {
        /// One expression per output field.
        exprs: Vec<Expr>,
    },
    /// `FILTER … BY predicate` → `Stream::filter`: keeps rows whose predicate is true (null drops).
    Filter {
        /// Boolean expression over the input row.
        predicate: Expr,
    },
    /// A FOREACH with FLATTEN and/or a nested block (not fused into an aggregate) → `Stream::flat_map`:
    /// the logical [`ForEach`] unchanged; expressions read the input row and nested aliases.
    FlatMap {
        /// The FOREACH.
        foreach: ForEach,
    },
    /// Repartition by key → `key_by` (stream scale-out: a repartition topic, design.md §4). Inserted in
    /// front of a keyed operator whose input is not already partitioned on the same key. Output = input.
    /// Not inserted in [`Mode::Batch`] plans (one process holds every key).
    Exchange {
        /// The partitioning key ([`KeySpec::Exprs`] over the input row, [`KeySpec::Record`] for
        /// DISTINCT, [`KeySpec::Global`]: a single partition, e.g. GROUP ALL).
        key: KeySpec,
    },
    /// GROUP (one input), usually fused with the FOREACH that aggregates it →
    /// `KeyedStream::aggregate(id, accumulators, finish)`.
    ///
    /// The *finish row* is `(group, acc_0, acc_1, …)`: column 0 is the group key (a tuple for several key
    /// expressions, the chararray `all` for GROUP ALL), column `1 + i` is accumulator `i`'s value.
    /// `finish` computes the output from the finish row (the fused FOREACH with its aggregate calls
    /// replaced by accumulator columns); `None` means the output is the finish row itself (a GROUP
    /// whose bag is used as a value: its accumulators are then [`AccumulatorFunc::Bag`]).
    Aggregate {
        /// Key expressions over the input row (empty for GROUP ALL).
        keys: Vec<Expr>,
        /// GROUP ALL.
        all: bool,
        /// The accumulators, in finish-row order; never empty (a FOREACH that reads only `group` gets
        /// an unused COUNT_STAR).
        accumulators: Vec<Accumulator>,
        /// The output computation over the finish row.
        finish: Option<ForEach>,
    },
    /// `DISTINCT` → `Stream::distinct(id)`: exact, state = multiplicity per record.
    Distinct,
    /// Binary hash JOIN, both sides stateful → `join_inner` / `join_left` / `join_right` / `join_full`.
    /// Output row = left row ++ right row (right fields null when padded). A JOIN of n > 2 inputs is a
    /// left-deep chain (only inner joins may have more than two inputs in Pig).
    HashJoin {
        /// Key expressions over the left row (which is the concatenation of earlier inputs in a chain).
        left_keys: Vec<Expr>,
        /// Key expressions over the right row.
        right_keys: Vec<Expr>,
        /// Inner or outer.
        kind: JoinKind,
    },
    /// `JOIN … USING 'replicated'`: the right (replicated) input is a small table looked up by key.
    /// Same row shape and key rules as [`PhysicalOp::HashJoin`]; inner or left outer only. In stream mode
    /// both sides are kept (the table side may change) and both are repartitioned by key (a task reads
    /// one partition of each input), so it maps onto the same runtime join.
    LookupJoin {
        /// Key expressions over the streamed (left) row.
        left_keys: Vec<Expr>,
        /// Key expressions over the table (right) row.
        right_keys: Vec<Expr>,
        /// Inner or left outer.
        kind: JoinKind,
    },
    /// COGROUP of several inputs → `KeyedStream::cogroup`. Output `(group, bag_0, bag_1, …)`.
    CoGroup {
        /// Per input, its key expressions over that input's row (empty for COGROUP ALL).
        keys: Vec<Vec<Expr>>,
        /// COGROUP … ALL.
        all: bool,
        /// Per input: INNER (drop groups where this input's bag is empty).
        inner: Vec<bool>,
    },
    /// UNION → `Stream::union_many`. With ONSCHEMA, per input the field mapping (see
    /// [`crate::plan::LogicalOp::Union`]).
    Union {
        /// UNION ONSCHEMA mapping, or `None` when inputs have the same shape.
        mapping: Option<Vec<Vec<Option<usize>>>>,
    },
    /// SPLIT → `Stream::split`: output port `i` carries the rows for which branch `i` holds (a row may
    /// go to several branches; `Otherwise` is "none of the listed conditions is true").
    Split {
        /// One condition per output port.
        branches: Vec<SplitCondition>,
    },
    /// `ORDER … LIMIT n` (a LIMIT directly over an ORDER) → `Stream::top_n(id, n, key)`: a maintained
    /// top-n, allowed in both modes.
    TopN {
        /// Sort keys over the input row.
        keys: Vec<SortKey>,
        /// The number of rows (a long expression: constant or scalar).
        count: Expr,
    },
    /// `ORDER` not followed by LIMIT: batch only. Feeding a STORE, it becomes that sink's order
    /// (`sink_sorted`); elsewhere it keeps all rows and passes them through in order.
    Sort {
        /// Sort keys over the input row.
        keys: Vec<SortKey>,
    },
    /// `LIMIT n` without ORDER → `Stream::limit(id, n)`: the first `n` rows in record order
    /// (deterministic, so it is maintained in stream mode too).
    Limit {
        /// The number of rows (a long expression: constant or scalar).
        count: Expr,
    },
    /// `SAMPLE p` → `Stream::sample(p)`: deterministic hash of the record, so both modes agree.
    Sample {
        /// The fraction (a double expression).
        fraction: Expr,
    },
    /// Binary CROSS → `Stream::cross(id, other, f)`: output row = left row ++ right row. CROSS of n
    /// inputs is a left-deep chain.
    Cross,
    /// RANK: batch only (a whole-input numbering). Output = `(rank, input fields…)`.
    Rank {
        /// Rank keys (empty: row number in input order).
        keys: Vec<SortKey>,
        /// DENSE ranking.
        dense: bool,
    },
    /// CUBE/ROLLUP: one group per grouping set of the dimensions; output `(group tuple, bag)` as the
    /// logical [`crate::plan::LogicalOp::Cube`]. Stateful like an aggregate keyed by the group tuple.
    Cube {
        /// Dimension expressions over the input row.
        dimensions: Vec<Expr>,
        /// For each grouping set, which dimensions are kept.
        sets: Vec<Vec<bool>>,
    },
    /// ASSERT: passes rows through; the job fails on a row where the predicate is not true.
    Assert {
        /// The condition over the input row.
        predicate: Expr,
        /// The message to fail with.
        message: Option<String>,
    },
    /// STORE/DUMP → `Stream::sink` / `sink_upsert` / `sink_sorted`.
    Sink {
        /// Where the rows go.
        target: SinkTarget,
        /// Append, upsert by key, or sorted (batch order).
        mode: SinkMode,
    },
}

/// Where a sink writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SinkTarget {
    /// `STORE … INTO location USING storage`.
    Store {
        /// The location string as written (the binding key of the run contract).
        location: String,
        /// The store function and arguments.
        storage: StorageSpec,
    },
    /// `DUMP`: rows printed to standard output in Pig's tuple text form.
    Dump,
}

/// How a sink applies the changes it receives.
#[derive(Debug, Clone, PartialEq)]
pub enum SinkMode {
    /// Inserts (and, if the input is an updating changelog, retractions) — `Stream::sink`.
    Append,
    /// Upserts and deletes keyed by these columns of the row (an aggregate's group key) —
    /// `Stream::sink_upsert`; on Kafka the message key is these columns in the STORE's format.
    Upsert {
        /// Key columns of the stored row.
        key: Vec<usize>,
    },
    /// Batch output written in this order (an ORDER feeding the STORE) — `Stream::sink_sorted`; in
    /// stream mode (only reachable through a top-n) an append sink.
    Sorted {
        /// Sort keys over the stored row.
        keys: Vec<SortKey>,
    },
}

/// How an operator's input is keyed.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum KeySpec {
    /// Not keyed (stateless operators, sources, sinks).
    #[default]
    None,
    /// Keyed by these expressions over the input row (GROUP/JOIN/COGROUP keys; for a binary operator,
    /// the left input's key — the right's is in the operator).
    Exprs(Vec<Expr>),
    /// Keyed by the whole record (DISTINCT).
    Record,
    /// One global key (GROUP ALL, CROSS, top-n, LIMIT, ORDER, RANK).
    Global,
}

/// Whether an operator's output only grows or also changes past rows (design.md §4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changelog {
    /// Only inserts (weight +1) — as long as the sources only insert.
    AppendOnly,
    /// Inserts and retractions. `key`: output columns that identify a row (at most one live row per
    /// key value), which makes the output an upsert stream keyed by them.
    Updating {
        /// Unique-key columns of the output, if known.
        key: Option<Vec<usize>>,
    },
}

impl Changelog {
    /// True for [`Changelog::AppendOnly`].
    pub fn is_append_only(&self) -> bool {
        matches!(self, Changelog::AppendOnly)
    }
}

/// The keyed state of a stateful operator.
#[derive(Debug, Clone, PartialEq)]
pub struct StateSpec {
    /// What is stored per key, in words (for `explain` and generated comments).
    pub holds: String,
    /// How entries are evicted.
    pub eviction: Eviction,
}

/// How a stateful operator's entries leave its state.
#[derive(Debug, Clone, PartialEq)]
pub enum Eviction {
    /// `SET pigc.event_time` + `SET pigc.retention`: an entry whose latest event time is older than the
    /// watermark minus `retention` is dropped. `event_time` is, per input, the column of that input's
    /// row holding the event time (the runtime's `Stream::event_time`).
    Retention {
        /// Per relational input, the event-time column of its rows.
        event_time: Vec<usize>,
        /// How long entries are kept behind the watermark.
        retention: Duration,
    },
    /// Never evicted: grows with the number of distinct keys (a warning in stream mode).
    Unbounded,
    /// Bounded by construction (a top-n keeps n rows; batch-only operators).
    Bounded,
}

/// One accumulator of a physical [`PhysicalOp::Aggregate`].
#[derive(Debug, Clone, PartialEq)]
pub struct Accumulator {
    /// The function.
    pub func: AccumulatorFunc,
    /// Rows of the group that the function sees: a conjunction of nested FILTER predicates over the
    /// input row (`None`: every row). COUNT additionally skips rows whose `value` is null.
    pub filter: Option<Expr>,
    /// The value accumulated, an expression over the input row: the projected field for
    /// COUNT/SUM/AVG/MIN/MAX and COUNT of a nested DISTINCT (for COUNT of whole rows, their first
    /// field). `None` for COUNT_STAR and for [`AccumulatorFunc::Bag`], which keeps whole rows.
    pub value: Option<Expr>,
    /// The type of the accumulator's result in the finish row.
    pub ty: crate::plan::Type,
}

/// Accumulator functions. Additive ones keep sums and counts; exact ones keep a per-key multiset so
/// that retractions are exact (design.md §4; runtime `operators::accumulators`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccumulatorFunc {
    /// `COUNT(bag)`: rows whose `value` is not null. Additive → runtime `count`.
    Count,
    /// `COUNT_STAR(bag)`: every row. Additive → `count_star`.
    CountStar,
    /// `SUM`: additive (sum + count of non-nulls) → `sum`.
    Sum,
    /// `AVG`: additive (sum + count) → `avg`.
    Avg,
    /// `MIN`: exact multiset → `min`.
    Min,
    /// `MAX`: exact multiset → `max`.
    Max,
    /// `COUNT` of a nested `DISTINCT b.f`: exact per-key set of `value` → `count_distinct`.
    CountDistinct,
    /// The group's whole bag of input rows, for any other use of the bag (nested ORDER/LIMIT, bag
    /// functions, storing the bag): exact multiset → `bag`. Its finish-row value has the GROUP's bag type.
    Bag,
}

impl AccumulatorFunc {
    /// Whether the state is a fixed-size sum/count (as opposed to a multiset of values).
    pub fn is_additive(self) -> bool {
        matches!(
            self,
            AccumulatorFunc::Count
                | AccumulatorFunc::CountStar
                | AccumulatorFunc::Sum
                | AccumulatorFunc::Avg
        )
    }

    /// The Pig builtin it implements (`None` for [`AccumulatorFunc::Bag`]).
    pub fn builtin(self) -> Option<Builtin> {
        Some(match self {
            AccumulatorFunc::Count | AccumulatorFunc::CountDistinct => Builtin::Count,
            AccumulatorFunc::CountStar => Builtin::CountStar,
            AccumulatorFunc::Sum => Builtin::Sum,
            AccumulatorFunc::Avg => Builtin::Avg,
            AccumulatorFunc::Min => Builtin::Min,
            AccumulatorFunc::Max => Builtin::Max,
            AccumulatorFunc::Bag => return None,
        })
    }
}

impl PhysicalOp {
    /// The operator kind's name (`Source`, `Aggregate`, …), also used in operator ids (lower-cased).
    pub fn name(&self) -> &'static str {
        match self {
            PhysicalOp::Source { .. } => "Source",
            PhysicalOp::Map { .. } => "Map",
            PhysicalOp::Filter { .. } => "Filter",
            PhysicalOp::FlatMap { .. } => "FlatMap",
            PhysicalOp::Exchange { .. } => "Exchange",
            PhysicalOp::Aggregate { .. } => "Aggregate",
            PhysicalOp::Distinct => "Distinct",
            PhysicalOp::HashJoin { .. } => "HashJoin",
            PhysicalOp::LookupJoin { .. } => "LookupJoin",
            PhysicalOp::CoGroup { .. } => "CoGroup",
            PhysicalOp::Union { .. } => "Union",
            PhysicalOp::Split { .. } => "Split",
            PhysicalOp::TopN { .. } => "TopN",
            PhysicalOp::Sort { .. } => "Sort",
            PhysicalOp::Limit { .. } => "Limit",
            PhysicalOp::Sample { .. } => "Sample",
            PhysicalOp::Cross => "Cross",
            PhysicalOp::Rank { .. } => "Rank",
            PhysicalOp::Cube { .. } => "Cube",
            PhysicalOp::Assert { .. } => "Assert",
            PhysicalOp::Sink { .. } => "Sink",
        }
    }

    /// Whether the operator keeps state across steps.
    pub fn is_stateful(&self) -> bool {
        matches!(
            self,
            PhysicalOp::Aggregate { .. }
                | PhysicalOp::Distinct
                | PhysicalOp::HashJoin { .. }
                | PhysicalOp::LookupJoin { .. }
                | PhysicalOp::CoGroup { .. }
                | PhysicalOp::TopN { .. }
                | PhysicalOp::Sort { .. }
                | PhysicalOp::Limit { .. }
                | PhysicalOp::Cross
                | PhysicalOp::Rank { .. }
                | PhysicalOp::Cube { .. }
        )
    }

    /// Number of output ports (one, except for SPLIT; zero for sinks).
    pub fn output_ports(&self) -> usize {
        match self {
            PhysicalOp::Split { branches } => branches.len(),
            PhysicalOp::Sink { .. } => 0,
            _ => 1,
        }
    }
}

impl PhysicalPlan {
    /// The node with this id.
    pub fn node(&self, id: PhysId) -> &PhysicalNode {
        &self.nodes[id.0]
    }

    /// The physical node that produces the value of logical node `logical` (the last node implementing
    /// it): use it to resolve [`crate::plan::expr::ExprKind::Scalar`]'s `node`.
    pub fn scalar_source(&self, logical: NodeId) -> Option<PhysId> {
        self.nodes
            .iter()
            .enumerate()
            .rev()
            .find(|(_, n)| n.logical.contains(&logical))
            .map(|(i, _)| PhysId(i))
    }

    /// The sinks, in plan order.
    pub fn sinks(&self) -> impl Iterator<Item = (PhysId, &PhysicalNode)> {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| matches!(n.op, PhysicalOp::Sink { .. }))
            .map(|(i, n)| (PhysId(i), n))
    }

    /// The users of node `id` (nodes with an input from it), in plan order.
    pub fn users(&self, id: PhysId) -> Vec<PhysId> {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.inputs.iter().any(|i| i.node == id) || n.scalar_inputs.contains(&id))
            .map(|(i, _)| PhysId(i))
            .collect()
    }
}
