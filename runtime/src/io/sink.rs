//! Sinks: where records leave the dataflow. A STORE is a location string, a [`Format`] and a mode; the
//! executor binds the location to an output directory or a topic and drains the sink.

use std::cmp::Ordering;
use std::io::Write;

use crate::data::PigText;
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

/// Compares two rows for a sorted DUMP.
type Compare<T> = Box<dyn Fn(&T, &T) -> Ordering + Send>;

/// `DUMP`: prints every step's changes in Pig's tuple text form, one row per line (see
/// [`Stream::sink_stdout`]). Not a [`SinkPort`]: it has no location and executors do not drain it.
struct StdoutSink<T> {
    input: Cell<T>,
    compare: Option<Compare<T>>,
    out: Box<dyn Write + Send>,
    /// Set when a write failed; the job must stop (see [`Node::failure`]).
    error: Option<String>,
}

impl<T: Record + PigText> Node for StdoutSink<T> {
    fn step(&mut self, _step: u64) {
        let mut rows = self.input.lock().clone();
        if rows.is_empty() || self.error.is_some() {
            return;
        }
        if self.compare.is_some() || rows.iter().any(|(_, w)| *w < 0) {
            consolidate(&mut rows);
        }
        if let Some(compare) = &self.compare {
            // Ties are broken by record so that every run prints the same lines.
            rows.sort_by(|a, b| compare(&a.0, &b.0).then_with(|| a.0.cmp(&b.0)));
        }
        let mut text = Vec::new();
        for (row, weight) in &rows {
            for _ in 0..weight.unsigned_abs() {
                if *weight < 0 {
                    text.push(b'-');
                }
                row.write_text(&mut text);
                text.push(b'\n');
            }
        }
        if let Err(e) = self.out.write_all(&text).and_then(|()| self.out.flush()) {
            self.error = Some(format!("DUMP cannot write to standard output: {e}"));
        }
    }

    fn failure(&self) -> Option<String> {
        self.error.clone()
    }
}

impl<T: Record + PigText> Stream<'_, T> {
    fn add_stdout_sink(&self, compare: Option<Compare<T>>, out: Box<dyn Write + Send>) {
        self.dataflow().add_node(Box::new(StdoutSink {
            input: self.cell().clone(),
            compare,
            out,
            error: None,
        }));
    }

    /// `DUMP`: after every step, prints the step's changes on standard output in Pig's tuple text form,
    /// `(a,1,)`, one row per line (a row with multiplicity n n times). A retracted row (stream mode only)
    /// is printed with a leading `-`. A batch run is one step of insertions, so it prints exactly the
    /// relation, in arrival order.
    pub fn sink_stdout(&self) {
        self.add_stdout_sink(None, Box::new(std::io::stdout()));
    }

    /// `DUMP` of an `ORDER BY` relation: as [`Stream::sink_stdout`], each step's rows printed in `compare`
    /// order (ties by record).
    pub fn sink_stdout_sorted(&self, compare: impl Fn(&T, &T) -> Ordering + Send + 'static) {
        self.add_stdout_sink(Some(Box::new(compare)), Box::new(std::io::stdout()));
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex, PoisonError};

    use super::*;
    use crate::data::{Tuple, Value};
    use crate::dataflow::Dataflow;

    /// A writer whose bytes a test can read back.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let mut v = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            v.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            let v = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            String::from_utf8_lossy(&v).into_owned()
        }
    }

    struct Broken;

    impl Write for Broken {
        fn write(&mut self, _buf: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "closed",
            ))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn row(s: &str, n: Option<i64>) -> Tuple {
        Tuple::new(vec![
            Value::Chararray(s.to_owned()),
            n.map_or(Value::Null, Value::Long),
        ])
    }

    #[test]
    fn dump_prints_pig_tuples_in_arrival_or_sorted_order_and_marks_retractions() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<Tuple>("s");
        let plain = Shared::default();
        let sorted = Shared::default();
        s.add_stdout_sink(None, Box::new(plain.clone()));
        s.add_stdout_sink(
            Some(Box::new(|a: &Tuple, b: &Tuple| b.get(1).cmp(&a.get(1)))),
            Box::new(sorted.clone()),
        );
        input.push_all([
            (row("b", Some(1)), 1),
            (row("a", None), 2),
            (row("c", Some(7)), 1),
        ]);
        df.step();
        assert_eq!(plain.text(), "(b,1)\n(a,)\n(a,)\n(c,7)\n");
        assert_eq!(sorted.text(), "(c,7)\n(b,1)\n(a,)\n(a,)\n");
        input.push_all([(row("b", Some(1)), -1), (row("b", Some(2)), 1)]);
        df.step();
        assert!(plain.text().ends_with("(c,7)\n-(b,1)\n(b,2)\n"));
        assert_eq!(df.failure(), None);
    }

    #[test]
    fn a_failed_write_stops_the_job() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<Tuple>("s");
        s.add_stdout_sink(None, Box::new(Broken));
        input.push_all([(row("a", None), 1)]);
        df.step();
        assert_eq!(
            df.failure().as_deref(),
            Some("DUMP cannot write to standard output: closed")
        );
    }
}
