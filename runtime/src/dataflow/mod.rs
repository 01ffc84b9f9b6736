//! The dataflow: a circuit of typed operators over weighted changes, built once by generated code and run
//! step by step by an executor.
//!
//! # Model
//! Every stream carries a changelog: per step, a batch of `(record, weight)` changes (a Z-set, see
//! [`crate::record`]). Stateless operators ([`Stream::map`], [`Stream::filter`], [`Stream::flat_map`],
//! [`Stream::union`], [`Stream::split`], [`Stream::sample`]) pass weights through. Stateful operators
//! (aggregate, distinct, join, cogroup, cross, top-n, limit) keep keyed state and emit the *change* of their
//! output. A batch run is the same circuit run as one step over all the bounded input; an incremental run
//! is many steps over chunks of it. Because each operator emits exactly the change of its output, the sum
//! of all output changes of an incremental run equals the batch output (design.md §4) by construction.
//!
//! # Building
//! Generated code declares the circuit in a `build(&mut Dataflow)` function with a fluent, statically
//! dispatched API: closures are generic parameters, records are plain structs implementing
//! [`Record`] (a blanket impl: derive `Clone, Eq, Hash, Ord, Debug, Serialize,
//! Deserialize`); only whole operators are boxed, never records. Stateful operators take a deterministic
//! id (derived from the plan) that names their checkpointed state. The generated `main` is one line,
//! [`crate::cli::main`]`(pipeline::build)`.
//!
//! ```
//! use pigc_runtime::format::{DecodeError, FieldReader, FieldWriter, PigStorage, TextRecord};
//! use pigc_runtime::prelude::*;
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
//! struct Event { user: Option<String>, n: Option<i64> }
//!
//! #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
//! struct Total { user: Option<String>, events: i64, total: Option<i64> }
//!
//! impl TextRecord for Event {
//!     fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
//!         Ok(Event { user: r.chararray(), n: r.long() })
//!     }
//!     fn write(&self, w: &mut FieldWriter<'_>) {
//!         w.field(&self.user);
//!         w.field(&self.n);
//!     }
//! }
//!
//! impl TextRecord for Total {
//!     fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
//!         Ok(Total { user: r.chararray(), events: r.long().unwrap_or(0), total: r.long() })
//!     }
//!     fn write(&self, w: &mut FieldWriter<'_>) {
//!         w.field(&self.user);
//!         w.field(&self.events);
//!         w.field(&self.total);
//!     }
//! }
//!
//! pub fn build(df: &mut Dataflow) {
//!     // events = LOAD 'events.txt' USING PigStorage('\t') AS (user:chararray, n:long);
//!     let events = df.source::<Event, _>("events.txt", PigStorage::new(b'\t'));
//!     // big = FILTER events BY n > 1;
//!     let big = events.filter(|e| e.n.is_some_and(|n| n > 1));
//!     // g = GROUP big BY user;
//!     // totals = FOREACH g GENERATE group, COUNT_STAR(big), SUM(big.n);
//!     let totals = big.key_by(|e| e.user.clone()).aggregate(
//!         "totals",
//!         (count_star(), sum(|e: &Event| e.n)),
//!         |user, (events, total)| Total { user: user.clone(), events, total },
//!     );
//!     // STORE totals INTO 'totals' USING PigStorage();
//!     totals.sink("totals", PigStorage::default());
//! }
//!
//! // The same circuit, fed in memory: one step over everything is the batch answer.
//! let mut df = Dataflow::new();
//! let (events, input) = df.input::<Event>("events");
//! let out = events
//!     .key_by(|e| e.user.clone())
//!     .aggregate("totals", count_star(), |user, n| (user.clone(), n))
//!     .output();
//! input.insert_all([
//!     Event { user: Some("ann".into()), n: Some(2) },
//!     Event { user: Some("ann".into()), n: None },
//! ]);
//! df.step();
//! assert_eq!(out.take(), vec![((Some("ann".to_owned()), 2), 1)]);
//! ```
//!
//! | Pig | API |
//! |---|---|
//! | `LOAD` | [`Dataflow::source`]`(location, format)` (or [`Dataflow::input`] in memory) |
//! | `FILTER` / `FOREACH` / `FLATTEN` | [`Stream::filter`], [`Stream::map`], [`Stream::filter_map`], [`Stream::flat_map`] |
//! | `UNION` / `SPLIT` / `SAMPLE` | [`Stream::union`], [`Stream::union_many`], [`Stream::split`], [`Stream::sample`] |
//! | `GROUP` + aggregates | [`Stream::key_by`] then [`KeyedStream::aggregate`](crate::operators::KeyedStream::aggregate) with [`crate::operators`]' accumulators |
//! | `JOIN` / `COGROUP` / `CROSS` | `KeyedStream::join_inner/_left/_right/_full`, `KeyedStream::cogroup`, [`Stream::cross`] |
//! | `DISTINCT` / `ORDER … LIMIT` / `LIMIT` | [`Stream::distinct`], [`Stream::top_n`], [`Stream::limit`] |
//! | (repartition before a keyed operator) | [`Stream::exchange`] |
//! | `STORE` | [`Stream::sink`], [`Stream::sink_upsert`], [`Stream::sink_sorted`] (ORDER BY output) |
//! | `SET pigc.event_time` / `pigc.retention` / other | [`Stream::event_time`], [`Dataflow::set_retention_ms`], [`Dataflow::set`] |
//!
//! Operators run in declaration order, which is a topological order because a stream can only be used
//! after it was declared. A stream may feed any number of operators (fan-out costs nothing).

mod cell;
mod exchange;
mod stateless;

use std::cell::RefCell;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

pub(crate) use cell::Cell;
pub use exchange::{ExchangeError, ExchangeRecord};

use crate::format::{DecodeError, DecodeWarnings, Format};
use crate::io::sink::SinkPort;
use crate::io::source::{InputHandle, SourceNode, SourcePort, TypedSource};
use crate::record::{Record, Weight};
use crate::state::{CheckpointVisitor, ForOperator, OperatorState, StateError};

/// One operator of the circuit, type-erased at the node level (records stay typed inside).
pub(crate) trait Node: Send {
    /// Reads its inputs' changes of this step and writes its output changes.
    fn step(&mut self, step: u64);
    /// The operator's state hooks, for stateful operators.
    fn state(&mut self) -> Option<&mut dyn OperatorState> {
        None
    }
    /// Read-only view of the state hooks.
    fn state_ref(&self) -> Option<&dyn OperatorState> {
        None
    }
    /// Why the job must stop (a violated ASSERT, a DUMP that cannot write), once it must.
    fn failure(&self) -> Option<String> {
        None
    }
    /// Whether [`failure`](Node::failure) can only be judged over the whole input: a relation read as a
    /// scalar passes through no row or two rows while a stream applies an update to it, or before its
    /// row has arrived, so only a batch run fails on it.
    fn failure_needs_whole_input(&self) -> bool {
        false
    }
}

/// Extracts the event time (milliseconds since the epoch) of a record, for state eviction.
pub(crate) type EventTimeFn<T> = Arc<dyn Fn(&T) -> i64 + Send + Sync>;

struct Graph {
    nodes: Vec<Box<dyn Node>>,
    sources: Vec<Box<dyn SourcePort>>,
    sinks: Vec<Box<dyn SinkPort>>,
    /// Cut exchanges (empty unless built with [`Dataflow::with_cut_exchanges`]).
    exchanges: Vec<Box<dyn exchange::ExchangePort>>,
    /// Whether [`Stream::exchange`] cuts the dataflow (a distributed executor) or is the identity.
    cut_exchanges: bool,
    retention_ms: Option<i64>,
    settings: std::collections::BTreeMap<String, String>,
    /// Largest event time any stateful operator or cut exchange has seen (`i64::MIN` before the first).
    max_event_time: Arc<AtomicI64>,
    /// Whether the executor supplies the watermark ([`Dataflow::follow_external_watermark`]).
    external_watermark: bool,
}

impl Default for Graph {
    fn default() -> Self {
        Self {
            nodes: Vec::new(),
            sources: Vec::new(),
            sinks: Vec::new(),
            exchanges: Vec::new(),
            cut_exchanges: false,
            retention_ms: None,
            settings: std::collections::BTreeMap::new(),
            max_event_time: Arc::new(AtomicI64::new(i64::MIN)),
            external_watermark: false,
        }
    }
}

/// A circuit of operators. Build it with [`Dataflow::source`] / [`Dataflow::input`] and the methods of
/// [`Stream`]; run it with [`Dataflow::step`] (or an executor in [`crate::exec`]).
#[derive(Default)]
pub struct Dataflow {
    graph: RefCell<Graph>,
    steps: u64,
}

impl std::fmt::Debug for Dataflow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let g = self.graph.borrow();
        f.debug_struct("Dataflow")
            .field("nodes", &g.nodes.len())
            .field("sources", &g.sources.len())
            .field("sinks", &g.sinks.len())
            .field("steps", &self.steps)
            .finish()
    }
}

/// Why a dataflow is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataflowError {
    /// Two stateful operators were given the same id.
    #[error("two stateful operators have the id `{0}`; operator ids must be unique")]
    DuplicateOperatorId(String),
    /// Two sinks have the same location.
    #[error("two STOREs write the location `{0}`")]
    DuplicateLocation(String),
}

impl Dataflow {
    /// An empty dataflow.
    pub fn new() -> Self {
        Self::default()
    }

    pub(crate) fn add_node(&self, node: Box<dyn Node>) {
        self.graph.borrow_mut().nodes.push(node);
    }

    pub(crate) fn add_sink(&self, sink: Box<dyn SinkPort>) {
        self.graph.borrow_mut().sinks.push(sink);
    }

    /// Declares a source (a LOAD): `location` is the string in the script, bound to a file or topic by
    /// the executor; `format` decodes its payloads into records.
    pub fn source<T: Record, F: Format<T> + 'static>(
        &self,
        location: &str,
        format: F,
    ) -> Stream<'_, T> {
        let output = Cell::new();
        let pending = Cell::new();
        let port = TypedSource::new(location, format, pending.clone());
        let mut g = self.graph.borrow_mut();
        g.sources.push(Box::new(port));
        g.nodes
            .push(Box::new(SourceNode::new(pending, output.clone())));
        drop(g);
        Stream::from_cell(self, output)
    }

    /// Declares an in-memory input of typed changes (for tests and embedding): returns the stream and the
    /// handle that feeds it.
    pub fn input<T: Record>(&self, name: &str) -> (Stream<'_, T>, InputHandle<T>) {
        let output = Cell::new();
        let pending = Cell::new();
        let handle = InputHandle::new(name, pending.clone());
        self.add_node(Box::new(SourceNode::new(pending, output.clone())));
        (Stream::from_cell(self, output), handle)
    }

    /// Sets the state retention (`SET pigc.retention`): entries whose event-time bucket is older than
    /// the watermark minus `retention_ms` are evicted by [`Dataflow::advance_watermark`].
    pub fn set_retention_ms(&self, retention_ms: i64) {
        self.graph.borrow_mut().retention_ms = Some(retention_ms);
    }

    /// Records a script setting (`SET key 'value';`), e.g. `pigc.emit_interval`, for executors to read.
    pub fn set(&self, key: &str, value: &str) {
        self.graph
            .borrow_mut()
            .settings
            .insert(key.to_owned(), value.to_owned());
    }

    /// A script setting recorded with [`Dataflow::set`].
    pub fn setting(&self, key: &str) -> Option<String> {
        self.graph.borrow().settings.get(key).cloned()
    }

    /// The configured retention, if any.
    pub fn retention_ms(&self) -> Option<i64> {
        self.graph.borrow().retention_ms
    }

    /// Checks that stateful operator ids and STORE locations are unique.
    pub fn validate(&self) -> Result<(), DataflowError> {
        let g = self.graph.borrow();
        let mut ids = std::collections::HashSet::new();
        for node in &g.nodes {
            if let Some(state) = node.state_ref() {
                if !ids.insert(state.id().to_owned()) {
                    return Err(DataflowError::DuplicateOperatorId(state.id().to_owned()));
                }
            }
        }
        // Two LOADs may read the same location (a self-join); two STOREs may not write one.
        let mut seen = std::collections::HashSet::new();
        for loc in g.sinks.iter().map(|s| s.location()) {
            if !seen.insert(loc) {
                return Err(DataflowError::DuplicateLocation(loc.to_owned()));
            }
        }
        Ok(())
    }

    /// Runs every operator once over the changes pushed since the last step. With a retention set, the
    /// step ends by advancing the watermark to the largest event time seen (see
    /// [`Dataflow::advance_watermark`]), unless the executor supplies it
    /// ([`Dataflow::follow_external_watermark`]).
    pub fn step(&mut self) {
        self.steps += 1;
        let step = self.steps;
        for node in &mut self.graph.get_mut().nodes {
            node.step(step);
        }
        if self.graph.get_mut().external_watermark {
            return;
        }
        if let Some(watermark) = self.watermark() {
            self.advance_watermark(watermark);
        }
    }

    /// The largest event time a stateful operator or a cut exchange has seen, if any: the watermark
    /// of a dataflow fed by one input partition.
    pub fn watermark(&self) -> Option<i64> {
        let max = self.graph.borrow().max_event_time.load(Ordering::Relaxed);
        (max != i64::MIN).then_some(max)
    }

    /// Takes `millis` as seen: restores [`Dataflow::watermark`] after a restart.
    pub fn observe_event_time(&self, millis: i64) {
        self.graph
            .borrow()
            .max_event_time
            .fetch_max(millis, Ordering::Relaxed);
    }

    /// Stops [`Dataflow::step`] from evicting by the event times this dataflow sees: the executor
    /// calls [`Dataflow::advance_watermark`] with a watermark of its own, as the Kafka executor does
    /// for a task fed by repartition topics (the minimum over the tasks that feed it).
    pub fn follow_external_watermark(&self) {
        self.graph.borrow_mut().external_watermark = true;
    }

    /// The first reason the job must stop, if an operator reported one (a violated ASSERT, a DUMP that
    /// cannot write to standard output, a relation read as a scalar with two rows). The batch executor
    /// checks it after its step, over the whole input, and fails the job before writing any STORE.
    pub fn failure(&self) -> Option<String> {
        self.graph.borrow().nodes.iter().find_map(|n| n.failure())
    }

    /// The first reason the job must stop that holds whatever input is still to come (a violated ASSERT,
    /// a DUMP that cannot write): what an incremental executor checks after each step. A scalar's
    /// failure is left out ([`Node::failure_needs_whole_input`]); see [`Dataflow::pending_failure`].
    pub fn definite_failure(&self) -> Option<String> {
        self.failure_where(false)
    }

    /// The first failure that only a run over the whole input could confirm (a relation read as a
    /// scalar that has no row or two rows at this point of a stream), for an incremental executor to
    /// report without stopping.
    pub fn pending_failure(&self) -> Option<String> {
        self.failure_where(true)
    }

    /// The first failure of an operator whose [`Node::failure_needs_whole_input`] is `whole_input`.
    fn failure_where(&self, whole_input: bool) -> Option<String> {
        let graph = self.graph.borrow();
        let mut nodes = graph
            .nodes
            .iter()
            .filter(|n| n.failure_needs_whole_input() == whole_input);
        nodes.find_map(|n| n.failure())
    }

    /// Number of steps run so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// The sources (LOADs) in declaration order; a source's index is its position here.
    pub fn source_locations(&self) -> Vec<String> {
        let g = self.graph.borrow();
        g.sources.iter().map(|s| s.location().to_owned()).collect()
    }

    /// Decodes `payload` with source `source`'s format and queues the record (weight +1) for the next
    /// step. A malformed payload is returned as an error and queues nothing.
    pub fn push_raw(&mut self, source: usize, payload: &[u8]) -> Result<(), PushError> {
        let sources = &mut self.graph.get_mut().sources;
        let count = sources.len();
        let port = sources.get_mut(source).ok_or(PushError::NoSuchSource {
            index: source,
            count,
        })?;
        port.push(payload).map_err(PushError::Decode)
    }

    /// Decodes a batch of payloads of source `source` (on two threads when it is large) and queues the
    /// records in order; returns the index and error of each payload that did not decode.
    pub fn push_raw_batch(
        &mut self,
        source: usize,
        payloads: &[&[u8]],
    ) -> Result<Vec<(usize, DecodeError)>, PushError> {
        let sources = &mut self.graph.get_mut().sources;
        let count = sources.len();
        let port = sources.get_mut(source).ok_or(PushError::NoSuchSource {
            index: source,
            count,
        })?;
        Ok(port.push_batch(payloads))
    }

    /// Bad fields read as null so far by source `source` (Pig's counted warnings).
    pub fn source_warnings(&self, source: usize) -> DecodeWarnings {
        let g = self.graph.borrow();
        g.sources
            .get(source)
            .map(|s| s.warnings())
            .unwrap_or_default()
    }

    /// The sinks (STOREs) in declaration order, for executors to drain.
    pub fn sinks_mut(&mut self) -> &mut [Box<dyn SinkPort>] {
        &mut self.graph.get_mut().sinks
    }

    /// Ids of the stateful operators in declaration order; an operator's index is its position here.
    pub fn state_ids(&self) -> Vec<String> {
        let g = self.graph.borrow();
        g.nodes
            .iter()
            .filter_map(|n| n.state_ref().map(|s| s.id().to_owned()))
            .collect()
    }

    fn states_mut(&mut self) -> impl Iterator<Item = &mut dyn OperatorState> {
        self.graph
            .get_mut()
            .nodes
            .iter_mut()
            .filter_map(|n| n.state())
    }

    /// Turns dirty-key tracking on for every stateful operator (a durable executor does this before the
    /// first step so that [`Dataflow::export_state_changes`] reports what changed).
    pub fn set_track_state_changes(&mut self, on: bool) {
        for s in self.states_mut() {
            s.set_track_changes(on);
        }
    }

    /// Calls `visit(operator_index, operator_id, state)` for every stateful operator.
    pub fn for_each_state(&mut self, mut visit: impl FnMut(usize, &mut dyn OperatorState)) {
        for (i, s) in self.states_mut().enumerate() {
            visit(i, s);
        }
    }

    /// Exports the state entries of every operator changed (or evicted) since the last export.
    pub fn export_state_changes(
        &mut self,
        out: &mut dyn CheckpointVisitor,
    ) -> Result<(), StateError> {
        for s in self.states_mut() {
            let operator = s.id().to_owned();
            s.export_changes(&mut ForOperator {
                operator,
                visitor: &mut *out,
            })?;
        }
        Ok(())
    }

    /// Exports every live state entry of every operator (a full snapshot).
    pub fn export_state_all(&mut self, out: &mut dyn CheckpointVisitor) -> Result<(), StateError> {
        for s in self.states_mut() {
            let operator = s.id().to_owned();
            s.export_all(&mut ForOperator {
                operator,
                visitor: &mut *out,
            })?;
        }
        Ok(())
    }

    /// Restores one entry of the operator with id `operator_id`.
    pub fn restore_state(
        &mut self,
        operator_id: &str,
        key: &[u8],
        value: &[u8],
    ) -> Result<(), StateError> {
        match self.states_mut().find(|s| s.id() == operator_id) {
            Some(s) => s.restore_entry(key, value),
            None => Err(StateError::Restore {
                operator: operator_id.to_owned(),
                reason: "no operator with this id in the dataflow".to_owned(),
            }),
        }
    }

    /// Completes a restore (rebuilds derived state such as emitted top-n lists). Call once after the last
    /// [`Dataflow::restore_state`].
    pub fn finish_restore(&mut self) {
        for s in self.states_mut() {
            s.finish_restore();
        }
    }

    /// Live state entries over all operators.
    pub fn state_entries(&self) -> usize {
        let g = self.graph.borrow();
        g.nodes
            .iter()
            .filter_map(|n| n.state_ref().map(|s| s.len()))
            .sum()
    }

    /// Advances the event-time watermark: with a retention set, every operator evicts entries whose
    /// bucket is older than `watermark_ms - retention`, without retracting their output (design.md §4).
    /// [`Dataflow::step`] calls this with [`Dataflow::watermark`]; an executor may call it with a
    /// watermark of its own. Returns the number of evicted entries.
    pub fn advance_watermark(&mut self, watermark_ms: i64) -> usize {
        let Some(retention) = self.graph.get_mut().retention_ms else {
            return 0;
        };
        let limit = watermark_ms.saturating_sub(retention);
        self.states_mut().map(|s| s.evict_before(limit)).sum()
    }
}

/// Why [`Dataflow::push_raw`] refused a payload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PushError {
    /// The payload is malformed; it belongs in the dead letters.
    #[error(transparent)]
    Decode(DecodeError),
    /// The source index is out of range.
    #[error("no source {index} (the dataflow has {count})")]
    NoSuchSource {
        /// The index asked for.
        index: usize,
        /// How many sources there are.
        count: usize,
    },
}

/// A typed stream of changes inside a [`Dataflow`] under construction. Cheap to clone; using a stream in
/// several operators fans it out.
pub struct Stream<'a, T> {
    df: &'a Dataflow,
    cell: Cell<T>,
    event_time: Option<EventTimeFn<T>>,
}

impl<T> Clone for Stream<'_, T> {
    fn clone(&self) -> Self {
        Self {
            df: self.df,
            cell: self.cell.clone(),
            event_time: self.event_time.clone(),
        }
    }
}

impl<'a, T: Record> Stream<'a, T> {
    pub(crate) fn from_cell(df: &'a Dataflow, cell: Cell<T>) -> Self {
        Self {
            df,
            cell,
            event_time: None,
        }
    }

    pub(crate) fn dataflow(&self) -> &'a Dataflow {
        self.df
    }

    pub(crate) fn cell(&self) -> &Cell<T> {
        &self.cell
    }

    pub(crate) fn event_time_fn(&self) -> Option<EventTimeFn<T>> {
        self.event_time.clone()
    }

    pub(crate) fn with_event_time(mut self, f: Option<EventTimeFn<T>>) -> Self {
        self.event_time = f;
        self
    }

    /// Names the event time of this stream's records (`SET pigc.event_time`), in milliseconds since the
    /// epoch. Stateful operators fed by the returned stream tag their entries with the largest event time
    /// they saw, so that [`Dataflow::advance_watermark`] can evict them.
    pub fn event_time(&self, f: impl Fn(&T) -> i64 + Send + Sync + 'static) -> Self {
        let max = Arc::clone(&self.df.graph.borrow().max_event_time);
        Self {
            df: self.df,
            cell: self.cell.clone(),
            event_time: Some(Arc::new(move |r: &T| {
                let t = f(r);
                max.fetch_max(t, Ordering::Relaxed);
                t
            })),
        }
    }

    /// Materializes this stream in memory: the handle yields each step's changes (for tests, embedding,
    /// and the in-process incremental executor).
    pub fn output(&self) -> OutputHandle<T> {
        let buffer = Arc::new(Mutex::new(Vec::new()));
        self.df.add_node(Box::new(stateless::Collect {
            input: self.cell.clone(),
            buffer: Arc::clone(&buffer),
        }));
        OutputHandle { buffer }
    }
}

/// The changes a stream emitted, collected in memory; see [`Stream::output`].
#[derive(Clone)]
pub struct OutputHandle<T> {
    buffer: Arc<Mutex<Vec<(T, Weight)>>>,
}

impl<T: Record> OutputHandle<T> {
    /// Takes the changes emitted since the last call (not consolidated).
    pub fn take(&self) -> Vec<(T, Weight)> {
        std::mem::take(&mut *self.buffer.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

#[cfg(test)]
mod tests {
    /// Executors may move a built dataflow to a worker thread.
    #[test]
    fn dataflow_is_send() {
        fn is_send<T: Send>(_: &T) {}
        is_send(&super::Dataflow::new());
    }
}
