//! Sinks: where records leave the dataflow. A STORE is a location string, a [`Format`] and a mode; the
//! executor binds the location to an output directory or a topic and drains the sink.

use std::cmp::Ordering;

use crate::dataflow::{Cell, Node, Stream};
use crate::format::Format;
use crate::record::{consolidate, Record, Weight};

/// How a sink's changes are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SinkMode {
    /// Rows are inserted (and retracted, if upstream retracts); in streaming each change carries a weight.
    Append,
    /// Rows are upserted by a key (an aggregate's group key): at most one row per key.
    Upsert,
}

/// The type-erased face of a declared sink, as executors see it.
pub trait SinkPort: Send {
    /// The location string of the STORE.
    fn location(&self) -> &str;
    /// Append or upsert.
    fn mode(&self) -> SinkMode;
    /// Streaming: the consolidated changes received since the last drain, encoded. For an append sink
    /// `out(key, value, weight)` gets an empty key and the row with its weight change. For an upsert sink
    /// there is at most one call per key: `weight > 0` means "the row under `key` is now `value`",
    /// `weight < 0` means "delete `key`" (`value` is the deleted row).
    fn drain_changes(&mut self, out: &mut dyn SinkChanges);
    /// Batch: the final rows received so far, one encoded row per call (a row with multiplicity n is
    /// written n times), in output order: sorted by the sink's sort key (then by record) if it has one;
    /// else in arrival order, or sorted by record when retractions had to be consolidated.
    fn drain_rows(
        &mut self,
        out: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()>;
}

/// Receives a sink's encoded changes; see [`SinkPort::drain_changes`].
pub trait SinkChanges {
    /// One change: `key` (empty for append sinks), the encoded row, and its weight.
    fn change(&mut self, key: &[u8], value: &[u8], weight: Weight);
}

impl<F: FnMut(&[u8], &[u8], Weight)> SinkChanges for F {
    fn change(&mut self, key: &[u8], value: &[u8], weight: Weight) {
        self(key, value, weight)
    }
}

/// How rows are keyed or ordered, per sink kind.
trait Keying<T>: Send {
    fn mode(&self) -> SinkMode;
    /// Appends the encoded key of `row`.
    fn encode_key(&self, row: &T, out: &mut Vec<u8>);
    /// Orders the final rows of a batch run.
    fn order(&self, rows: &mut [(T, Weight)]);
}

struct Append;

impl<T> Keying<T> for Append {
    fn mode(&self) -> SinkMode {
        SinkMode::Append
    }
    fn encode_key(&self, _row: &T, _out: &mut Vec<u8>) {}
    fn order(&self, _rows: &mut [(T, Weight)]) {}
}

struct Upsert<KF, KFmt> {
    key: KF,
    key_format: KFmt,
}

impl<T, K, KF, KFmt> Keying<T> for Upsert<KF, KFmt>
where
    KF: Fn(&T) -> K + Send,
    KFmt: Format<K>,
{
    fn mode(&self) -> SinkMode {
        SinkMode::Upsert
    }
    fn encode_key(&self, row: &T, out: &mut Vec<u8>) {
        self.key_format.encode(&(self.key)(row), out);
    }
    fn order(&self, _rows: &mut [(T, Weight)]) {}
}

struct Sorted<SF> {
    compare: SF,
}

impl<T: Ord, SF> Keying<T> for Sorted<SF>
where
    SF: Fn(&T, &T) -> Ordering + Send,
{
    fn mode(&self) -> SinkMode {
        SinkMode::Append
    }
    fn encode_key(&self, _row: &T, _out: &mut Vec<u8>) {}
    fn order(&self, rows: &mut [(T, Weight)]) {
        // Ties are broken by record so that every run writes the same file.
        rows.sort_by(|a, b| (self.compare)(&a.0, &b.0).then_with(|| a.0.cmp(&b.0)));
    }
}

struct TypedSink<T, F, M> {
    location: String,
    format: F,
    keying: M,
    pending: Cell<T>,
}

impl<T, F, M> SinkPort for TypedSink<T, F, M>
where
    T: Record,
    F: Format<T>,
    M: Keying<T>,
{
    fn location(&self) -> &str {
        &self.location
    }

    fn mode(&self) -> SinkMode {
        self.keying.mode()
    }

    fn drain_changes(&mut self, out: &mut dyn SinkChanges) {
        let mut changes = std::mem::take(&mut *self.pending.lock());
        consolidate(&mut changes);
        let mut value = Vec::new();
        match self.keying.mode() {
            SinkMode::Append => {
                for (row, weight) in &changes {
                    value.clear();
                    self.format.encode(row, &mut value);
                    out.change(&[], &value, *weight);
                }
            }
            SinkMode::Upsert => {
                let mut keyed: Vec<(Vec<u8>, &T, Weight)> = changes
                    .iter()
                    .map(|(row, w)| {
                        let mut key = Vec::new();
                        self.keying.encode_key(row, &mut key);
                        (key, row, *w)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)));
                let mut i = 0;
                while i < keyed.len() {
                    let (key, row, weight) = &keyed[i];
                    // Sorted by weight descending within a key: an insertion, if any, comes first.
                    value.clear();
                    self.format.encode(row, &mut value);
                    out.change(key, &value, if *weight > 0 { 1 } else { -1 });
                    while i < keyed.len() && keyed[i].0 == *key {
                        i += 1;
                    }
                }
            }
        }
    }

    fn drain_rows(
        &mut self,
        out: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let mut rows = std::mem::take(&mut *self.pending.lock());
        // Retractions show up as negative weights; without any, the rows are final as they arrived
        // (in a deterministic order) and the sort of a consolidation would be wasted.
        if rows.iter().any(|(_, w)| *w < 0) {
            consolidate(&mut rows);
            rows.retain(|(_, w)| *w > 0);
        }
        self.keying.order(&mut rows);
        let mut value = Vec::new();
        for (row, weight) in &rows {
            value.clear();
            self.format.encode(row, &mut value);
            for _ in 0..*weight {
                out(&value)?;
            }
        }
        Ok(())
    }
}

/// Appends each step's changes to the sink's pending buffer.
struct SinkNode<T> {
    input: Cell<T>,
    pending: Cell<T>,
}

impl<T: Clone + Send> Node for SinkNode<T> {
    fn step(&mut self, _step: u64) {
        let input = self.input.lock();
        if !input.is_empty() {
            self.pending.lock().extend_from_slice(&input);
        }
    }
}

impl<T: Record> Stream<'_, T> {
    fn add_sink<F: Format<T> + 'static, M: Keying<T> + 'static>(
        &self,
        location: &str,
        format: F,
        keying: M,
    ) {
        let pending = Cell::new();
        let df = self.dataflow();
        df.add_node(Box::new(SinkNode {
            input: self.cell().clone(),
            pending: pending.clone(),
        }));
        df.add_sink(Box::new(TypedSink {
            location: location.to_owned(),
            format,
            keying,
            pending,
        }));
    }

    /// `STORE … INTO location USING format`: rows are appended (retracted rows are deleted in streaming).
    pub fn sink<F: Format<T> + 'static>(&self, location: &str, format: F) {
        self.add_sink(location, format, Append);
    }

    /// `STORE` of an aggregated relation: in streaming, rows are upserted by `key` (encoded with
    /// `key_format`, e.g. the group key in the STORE's format) and deleted by key. The stream must hold at
    /// most one row per key (true of an aggregate keyed by its group key).
    pub fn sink_upsert<K, F, KF, KFmt>(&self, location: &str, format: F, key: KF, key_format: KFmt)
    where
        F: Format<T> + 'static,
        KF: Fn(&T) -> K + Send + 'static,
        KFmt: Format<K> + 'static,
        K: 'static,
    {
        self.add_sink(location, format, Upsert { key, key_format });
    }

    /// `STORE` of an `ORDER BY` relation: batch output is written in `compare` order (ties by record).
    /// Streaming treats it as an append sink (a bare ORDER is rejected in stream mode by the planner).
    pub fn sink_sorted<F, SF>(&self, location: &str, format: F, compare: SF)
    where
        F: Format<T> + 'static,
        SF: Fn(&T, &T) -> Ordering + Send + 'static,
    {
        self.add_sink(location, format, Sorted { compare });
    }
}
