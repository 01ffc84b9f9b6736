//! `ORDER … LIMIT n` and `LIMIT n`: a maintained top-n. State is every row, sorted by the sort key and
//! then by the whole record (so ties resolve the same way in every run); after a step that changed it,
//! the operator emits the difference between the old and the new first `n` rows.

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use hashbrown::HashSet;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::dataflow::{Cell, Node, Stream};
use crate::record::{consolidate, Record, Weight};
use crate::state::{OperatorState, StateError, StateVisitor};

struct TopNNode<T, S, SF> {
    id: String,
    input: Cell<T>,
    output: Cell<T>,
    n: usize,
    sort_key: SF,
    rows: BTreeMap<(S, T), Weight>,
    emitted: Vec<(T, Weight)>,
    dirty: HashSet<(S, T)>,
    track: bool,
}

/// Adds `w` copies of the row `key.1` (sorted by `key`) to `rows`, dropping it when none are left.
pub(super) fn add_row<S: Ord, T: Ord>(rows: &mut BTreeMap<(S, T), Weight>, key: (S, T), w: Weight) {
    match rows.entry(key) {
        Entry::Occupied(mut e) => {
            *e.get_mut() += w;
            if *e.get() == 0 {
                e.remove();
            }
        }
        Entry::Vacant(e) => {
            if w != 0 {
                e.insert(w);
            }
        }
    }
}

/// The first `n` rows of `rows` in key order, with their multiplicities.
pub(super) fn first_rows<S, T: Clone>(
    rows: &BTreeMap<(S, T), Weight>,
    n: Weight,
) -> Vec<(T, Weight)> {
    let mut top = Vec::new();
    let mut left = n;
    for ((_, row), w) in rows {
        if left <= 0 {
            break;
        }
        if *w > 0 {
            let take = (*w).min(left);
            top.push((row.clone(), take));
            left -= take;
        }
    }
    top
}

impl<T: Record, S: Record, SF> TopNNode<T, S, SF> {
    fn top(&self) -> Vec<(T, Weight)> {
        first_rows(&self.rows, self.n as Weight)
    }
}

impl<T, S, SF> Node for TopNNode<T, S, SF>
where
    T: Record,
    S: Record,
    SF: Fn(&T) -> S + Send,
{
    fn step(&mut self, _step: u64) {
        let input = self.input.lock();
        let mut out = self.output.lock();
        out.clear();
        if input.is_empty() {
            return;
        }
        for (row, w) in input.iter() {
            let key = ((self.sort_key)(row), row.clone());
            add_row(&mut self.rows, key.clone(), *w);
            if self.track {
                self.dirty.insert(key);
            }
        }
        let top = self.top();
        out.extend(self.emitted.iter().map(|(r, w)| (r.clone(), -w)));
        out.extend(top.iter().cloned());
        consolidate(&mut out);
        self.emitted = top;
    }

    fn state(&mut self) -> Option<&mut dyn OperatorState> {
        Some(self)
    }

    fn state_ref(&self) -> Option<&dyn OperatorState> {
        Some(self)
    }
}

fn encode<V: Serialize>(id: &str, v: &V) -> Result<Vec<u8>, StateError> {
    postcard::to_stdvec(v).map_err(|source| StateError::Encode {
        operator: id.to_owned(),
        source,
    })
}

fn decode<V: DeserializeOwned>(id: &str, bytes: &[u8]) -> Result<V, StateError> {
    postcard::from_bytes(bytes).map_err(|e| StateError::Restore {
        operator: id.to_owned(),
        reason: e.to_string(),
    })
}

impl<T, S, SF> OperatorState for TopNNode<T, S, SF>
where
    T: Record,
    S: Record,
    SF: Fn(&T) -> S + Send,
{
    fn id(&self) -> &str {
        &self.id
    }
    fn len(&self) -> usize {
        self.rows.len()
    }
    fn set_track_changes(&mut self, on: bool) {
        self.track = on;
        if !on {
            self.dirty.clear();
        }
    }
    fn export_changes(&mut self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        for key in self.dirty.drain() {
            let k = encode(&self.id, &key)?;
            match self.rows.get(&key) {
                Some(w) => out.put(&k, &encode(&self.id, w)?),
                None => out.delete(&k),
            }
        }
        Ok(())
    }
    fn export_all(&self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        for (key, w) in &self.rows {
            out.put(&encode(&self.id, key)?, &encode(&self.id, w)?);
        }
        Ok(())
    }
    fn restore_entry(&mut self, key: &[u8], value: &[u8]) -> Result<(), StateError> {
        let key: (S, T) = decode(&self.id, key)?;
        let w: Weight = decode(&self.id, value)?;
        self.rows.insert(key, w);
        Ok(())
    }
    fn finish_restore(&mut self) {
        self.emitted = self.top();
    }
    /// A top-n has no per-key event time: its state is bounded by the retention of its input only.
    fn evict_before(&mut self, _limit: i64) -> usize {
        0
    }
}

impl<'a, T: Record> Stream<'a, T> {
    /// `ORDER … BY sort_key LIMIT n`: the first `n` rows by `sort_key` (use `std::cmp::Reverse` for
    /// `DESC`), ties broken by the whole record. Batch output order is the sink's business
    /// ([`Stream::sink_sorted`]).
    pub fn top_n<S: Record>(
        &self,
        id: &str,
        n: usize,
        sort_key: impl Fn(&T) -> S + Send + 'static,
    ) -> Stream<'a, T> {
        let output = Cell::new();
        let df = self.dataflow();
        df.add_node(Box::new(TopNNode {
            id: id.to_owned(),
            input: self.cell().clone(),
            output: output.clone(),
            n,
            sort_key,
            rows: BTreeMap::new(),
            emitted: Vec::new(),
            dirty: HashSet::new(),
            track: false,
        }));
        Stream::from_cell(df, output)
    }

    /// `LIMIT n` without `ORDER`: Pig may return any `n` rows; this returns the first `n` in record
    /// order, so that every run and both modes agree.
    pub fn limit(&self, id: &str, n: usize) -> Stream<'a, T> {
        self.top_n(id, n, |_| ())
    }
}
