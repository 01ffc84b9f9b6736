//! Relations used as scalars: Pig's `c.total` where `c` is a relation of at most one row (typically
//! `c = FOREACH (GROUP x ALL) GENERATE COUNT(x) AS total`), and `LIMIT`/`SAMPLE` whose count or
//! fraction is such an expression.
//!
//! Pig semantics: the scalar is the relation's only row; with no row every field is null; with more than
//! one row the job fails ("Scalar has more than one row in the output").
//!
//! Incrementally the scalar changes over time, so every row computed with it must be retracted and
//! computed again when it changes. [`Stream::with_scalar`] is a cross product of the consumer's input with
//! the (at most) one-row relation: it keeps the input rows and the scalar relation's rows as state, pairs
//! each input row with the current scalar ([`WithScalar`]), and when the scalar changes retracts every
//! pair made with the old value and inserts the pairs with the new one. The operators that consume it
//! (map, filter, flat-map) are stateless, so their outputs follow. [`Stream::top_n_scalar`] is a top-n
//! whose `n` is read from the scalar; [`Stream::sample_scalar`] a sample whose fraction is.
//!
//! More than one row is reported through the dataflow's failure channel, as a failure that needs the
//! whole input ([`Node::failure_needs_whole_input`]): a batch job exits non-zero before writing any
//! STORE; a stream job, in which an update of the scalar relation may pass through two rows or none,
//! reports it and goes on. Meanwhile the scalar reads as null.

use std::collections::BTreeMap;
use std::ops::Deref;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::topn::{add_row, first_rows};
use crate::data::PigText;
use crate::dataflow::{Cell, EventTimeFn, Node, Stream};
use crate::record::{consolidate, Record, Weight};
use crate::state::{raise_bucket, Bucketed, KeyedState, OperatorState, StateError, StateVisitor};

/// A row of a relation paired with the current row of a relation used as a scalar (`None` while that
/// relation is empty). Dereferences to the row, so field accesses read the row's fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct WithScalar<T, S> {
    /// The row.
    pub row: T,
    /// The scalar relation's row.
    pub scalar: Option<S>,
}

impl<T, S> Deref for WithScalar<T, S> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.row
    }
}

/// The multiplicity of a row held as state, with its event-time bucket.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
struct Held {
    weight: Weight,
    bucket: Option<i64>,
}

impl Bucketed for Held {
    fn bucket(&self) -> Option<i64> {
        self.bucket
    }
}

/// Adds `weight` to `key`'s multiplicity, dropping the entry at zero.
fn add<K: Record>(state: &mut KeyedState<K, Held>, key: &K, weight: Weight, time: Option<i64>) {
    let held = state.map.entry(key.clone()).or_default();
    held.weight += weight;
    raise_bucket(&mut held.bucket, time);
    if held.weight == 0 {
        state.map.remove(key);
    }
    state.mark_dirty(key);
}

/// State tags: the consumer's rows and the scalar relation's rows are two maps of one operator.
const ROWS: u8 = 0;
const SCALAR: u8 = 1;

/// The rows of the relation used as a scalar and the value they give.
struct ScalarValue<S> {
    /// What the relation is, for the error message (e.g. `c (script.pig:3)`).
    relation: String,
    rows: KeyedState<S, Held>,
    /// Set once the relation has had more than one row.
    failure: Option<String>,
}

impl<S: Record + PigText> ScalarValue<S> {
    fn new(relation: &str) -> Self {
        Self {
            relation: relation.to_owned(),
            rows: KeyedState::new(SCALAR),
            failure: None,
        }
    }

    /// The scalar: the only row, or `None` when there is none (or, after a failure, more than one).
    fn current(&self) -> Option<&S> {
        let mut live = self.rows.map.iter().filter(|(_, h)| h.weight > 0);
        match (live.next(), live.next()) {
            (Some((row, held)), None) if held.weight == 1 => Some(row),
            _ => None,
        }
    }

    /// Applies a step's changes of the scalar relation; records a failure if it now has several rows.
    fn apply(&mut self, changes: &[(S, Weight)]) {
        for (row, w) in changes {
            add(&mut self.rows, row, *w, None);
        }
        if self.failure.is_some() {
            return;
        }
        let mut rows: Vec<&S> = Vec::new();
        for (row, held) in &self.rows.map {
            for _ in 0..held.weight.clamp(0, 2) {
                rows.push(row);
            }
        }
        rows.sort();
        if let [first, second, ..] = rows[..] {
            self.failure = Some(format!(
                "Scalar has more than one row in the output. 1st : {}, 2nd : {} (the relation `{}` is used as a scalar)",
                first.to_text(),
                second.to_text(),
                self.relation
            ));
        }
    }
}

struct WithScalarNode<T, S> {
    id: String,
    input: Cell<T>,
    scalar_input: Cell<S>,
    output: Cell<WithScalar<T, S>>,
    event_time: Option<EventTimeFn<T>>,
    rows: KeyedState<T, Held>,
    scalar: ScalarValue<S>,
}

impl<T, S> Node for WithScalarNode<T, S>
where
    T: Record,
    S: Record + PigText,
{
    fn step(&mut self, _step: u64) {
        let mut out = self.output.lock();
        out.clear();
        let old = self.scalar.current().cloned();
        self.scalar.apply(&self.scalar_input.lock());
        let new = self.scalar.current().cloned();
        if old != new {
            for (row, held) in &self.rows.map {
                let pair = |scalar: &Option<S>| WithScalar {
                    row: row.clone(),
                    scalar: scalar.clone(),
                };
                out.push((pair(&old), -held.weight));
                out.push((pair(&new), held.weight));
            }
        }
        for (row, w) in self.input.lock().iter() {
            let time = self.event_time.as_ref().map(|f| f(row));
            add(&mut self.rows, row, *w, time);
            out.push((
                WithScalar {
                    row: row.clone(),
                    scalar: new.clone(),
                },
                *w,
            ));
        }
    }

    fn state(&mut self) -> Option<&mut dyn OperatorState> {
        Some(self)
    }

    fn state_ref(&self) -> Option<&dyn OperatorState> {
        Some(self)
    }

    fn failure(&self) -> Option<String> {
        self.scalar.failure.clone()
    }

    fn failure_needs_whole_input(&self) -> bool {
        true
    }
}

impl<T, S> OperatorState for WithScalarNode<T, S>
where
    T: Record,
    S: Record + PigText,
{
    fn id(&self) -> &str {
        &self.id
    }
    fn len(&self) -> usize {
        self.rows.map.len() + self.scalar.rows.map.len()
    }
    fn set_track_changes(&mut self, on: bool) {
        self.rows.set_track(on);
        self.scalar.rows.set_track(on);
    }
    fn export_changes(&mut self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        self.rows.export_changes(&self.id, out)?;
        self.scalar.rows.export_changes(&self.id, out)
    }
    fn export_all(&self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        self.rows.export_all(&self.id, out)?;
        self.scalar.rows.export_all(&self.id, out)
    }
    fn restore_entry(&mut self, key: &[u8], value: &[u8]) -> Result<(), StateError> {
        if self.rows.restore_entry(&self.id, key, value)?
            || self.scalar.rows.restore_entry(&self.id, key, value)?
        {
            Ok(())
        } else {
            Err(super::aggregate::unknown_entry(&self.id))
        }
    }
    /// Rows are evicted by their event time; the scalar relation's row never is (it is one row).
    fn evict_before(&mut self, limit: i64) -> usize {
        self.rows.evict_before(limit)
    }
}

/// A top-n (or LIMIT) whose `n` comes from a relation used as a scalar.
struct TopNScalarNode<T, S, K, CF, SF> {
    id: String,
    input: Cell<T>,
    scalar_input: Cell<S>,
    output: Cell<T>,
    count: CF,
    sort_key: SF,
    rows: BTreeMap<(K, T), Weight>,
    scalar: ScalarValue<S>,
    /// The rows emitted so far (the current top-n).
    emitted: Vec<(T, Weight)>,
    dirty: Vec<(K, T)>,
    track: bool,
    /// Why the count cannot be used (null or negative while there are rows to limit).
    bad_count: Option<String>,
}

impl<T, S, K, CF, SF> TopNScalarNode<T, S, K, CF, SF>
where
    T: Record,
    S: Record + PigText,
    K: Record,
    CF: Fn(Option<&S>) -> Option<i64>,
{
    /// The count, or why it cannot be used.
    fn n(&self) -> Result<Weight, String> {
        match (self.count)(self.scalar.current()) {
            Some(n) if n >= 0 => Ok(n),
            Some(n) => Err(format!(
                "the LIMIT count {n} (from the scalar `{}`) is negative",
                self.scalar.relation
            )),
            None => Err(format!(
                "the LIMIT count (from the scalar `{}`) is null",
                self.scalar.relation
            )),
        }
    }

    fn top(&mut self) -> Vec<(T, Weight)> {
        let left = match self.n() {
            Ok(n) => n,
            Err(why) => {
                // Pig fails when it evaluates a bad count, which it does for the first row to limit.
                if !self.rows.is_empty() && self.bad_count.is_none() {
                    self.bad_count = Some(why);
                }
                0
            }
        };
        first_rows(&self.rows, left)
    }
}

impl<T, S, K, CF, SF> Node for TopNScalarNode<T, S, K, CF, SF>
where
    T: Record,
    S: Record + PigText,
    K: Record,
    CF: Fn(Option<&S>) -> Option<i64> + Send,
    SF: Fn(&T) -> K + Send,
{
    fn step(&mut self, _step: u64) {
        let scalar_changes = self.scalar_input.lock();
        let input = self.input.lock();
        if scalar_changes.is_empty() && input.is_empty() {
            self.output.lock().clear();
            return;
        }
        self.scalar.apply(&scalar_changes);
        drop(scalar_changes);
        for (row, w) in input.iter() {
            let key = ((self.sort_key)(row), row.clone());
            add_row(&mut self.rows, key.clone(), *w);
            if self.track {
                self.dirty.push(key);
            }
        }
        drop(input);
        let top = self.top();
        let mut out = self.output.lock();
        out.clear();
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

    fn failure(&self) -> Option<String> {
        self.scalar
            .failure
            .clone()
            .or_else(|| self.bad_count.clone())
    }

    fn failure_needs_whole_input(&self) -> bool {
        true
    }
}

fn encode<V: Serialize>(id: &str, tag: u8, v: &V) -> Result<Vec<u8>, StateError> {
    let mut out = vec![tag];
    postcard::to_io(v, &mut out).map_err(|source| StateError::Encode {
        operator: id.to_owned(),
        source,
    })?;
    Ok(out)
}

fn decode<V: DeserializeOwned>(id: &str, bytes: &[u8]) -> Result<V, StateError> {
    postcard::from_bytes(bytes).map_err(|e| StateError::Restore {
        operator: id.to_owned(),
        reason: e.to_string(),
    })
}

impl<T, S, K, CF, SF> OperatorState for TopNScalarNode<T, S, K, CF, SF>
where
    T: Record,
    S: Record + PigText,
    K: Record,
    CF: Fn(Option<&S>) -> Option<i64> + Send,
    SF: Fn(&T) -> K + Send,
{
    fn id(&self) -> &str {
        &self.id
    }
    fn len(&self) -> usize {
        self.rows.len() + self.scalar.rows.map.len()
    }
    fn set_track_changes(&mut self, on: bool) {
        self.track = on;
        self.scalar.rows.set_track(on);
        if !on {
            self.dirty.clear();
        }
    }
    fn export_changes(&mut self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        let mut dirty = std::mem::take(&mut self.dirty);
        dirty.sort();
        dirty.dedup();
        for key in dirty {
            let k = encode(&self.id, ROWS, &key)?;
            match self.rows.get(&key) {
                Some(w) => out.put(&k, &postcard_value(&self.id, w)?),
                None => out.delete(&k),
            }
        }
        self.scalar.rows.export_changes(&self.id, out)
    }
    fn export_all(&self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        for (key, w) in &self.rows {
            out.put(&encode(&self.id, ROWS, key)?, &postcard_value(&self.id, w)?);
        }
        self.scalar.rows.export_all(&self.id, out)
    }
    fn restore_entry(&mut self, key: &[u8], value: &[u8]) -> Result<(), StateError> {
        if self.scalar.rows.restore_entry(&self.id, key, value)? {
            return Ok(());
        }
        match key.split_first() {
            Some((&ROWS, rest)) => {
                let key: (K, T) = decode(&self.id, rest)?;
                let w: Weight = decode(&self.id, value)?;
                self.rows.insert(key, w);
                Ok(())
            }
            _ => Err(super::aggregate::unknown_entry(&self.id)),
        }
    }
    fn finish_restore(&mut self) {
        self.emitted = self.top();
    }
    /// Like a top-n, bounded by the retention of its input only.
    fn evict_before(&mut self, _limit: i64) -> usize {
        0
    }
}

fn postcard_value<V: Serialize>(id: &str, v: &V) -> Result<Vec<u8>, StateError> {
    postcard::to_stdvec(v).map_err(|source| StateError::Encode {
        operator: id.to_owned(),
        source,
    })
}

impl<'a, T: Record> Stream<'a, T> {
    /// Pairs every row with the current row of `scalar`, a relation used as a scalar (Pig's `c.f`):
    /// `None` while it has no row; more than one row fails the job. When the scalar changes, every pair
    /// made with the old value is retracted and made again. `relation` names the scalar relation in the
    /// error message. `id` is the operator's deterministic state id.
    pub fn with_scalar<S: Record + PigText>(
        &self,
        id: &str,
        scalar: &Stream<'a, S>,
        relation: &str,
    ) -> Stream<'a, WithScalar<T, S>> {
        let output = Cell::new();
        let df = self.dataflow();
        df.add_node(Box::new(WithScalarNode {
            id: id.to_owned(),
            input: self.cell().clone(),
            scalar_input: scalar.cell().clone(),
            output: output.clone(),
            event_time: self.event_time_fn(),
            rows: KeyedState::new(ROWS),
            scalar: ScalarValue::new(relation),
        }));
        let event_time = self.event_time_fn().map(|f| {
            let pair_time: EventTimeFn<WithScalar<T, S>> =
                std::sync::Arc::new(move |r: &WithScalar<T, S>| f(&r.row));
            pair_time
        });
        Stream::from_cell(df, output).with_event_time(event_time)
    }

    /// `ORDER … BY sort_key LIMIT n` where `n = count(scalar)` is computed from a relation used as a
    /// scalar: the first `n` rows by `sort_key`, re-derived whenever the scalar changes. A null or
    /// negative count fails the job (as in Pig) once there are rows to limit, and limits to 0 rows
    /// meanwhile.
    pub fn top_n_scalar<S, K>(
        &self,
        id: &str,
        scalar: &Stream<'a, S>,
        relation: &str,
        count: impl Fn(Option<&S>) -> Option<i64> + Send + 'static,
        sort_key: impl Fn(&T) -> K + Send + 'static,
    ) -> Stream<'a, T>
    where
        S: Record + PigText,
        K: Record,
    {
        let output = Cell::new();
        let df = self.dataflow();
        df.add_node(Box::new(TopNScalarNode {
            id: id.to_owned(),
            input: self.cell().clone(),
            scalar_input: scalar.cell().clone(),
            output: output.clone(),
            count,
            sort_key,
            rows: BTreeMap::new(),
            scalar: ScalarValue::new(relation),
            emitted: Vec::new(),
            dirty: Vec::new(),
            track: false,
            bad_count: None,
        }));
        Stream::from_cell(df, output)
    }

    /// `LIMIT n` where `n = count(scalar)`: the first `n` rows in record order (see [`Stream::limit`]).
    pub fn limit_scalar<S: Record + PigText>(
        &self,
        id: &str,
        scalar: &Stream<'a, S>,
        relation: &str,
        count: impl Fn(Option<&S>) -> Option<i64> + Send + 'static,
    ) -> Stream<'a, T> {
        self.top_n_scalar(id, scalar, relation, count, |_| ())
    }

    /// `SAMPLE x p` where `p = fraction(scalar)`: keeps a row when its hash falls below the fraction
    /// (the same test as [`Stream::sample`]); a null fraction keeps nothing, as Pig's
    /// `FILTER x BY RANDOM() < p` does.
    pub fn sample_scalar<S: Record + PigText>(
        &self,
        id: &str,
        scalar: &Stream<'a, S>,
        relation: &str,
        fraction: impl Fn(Option<&S>) -> Option<f64> + Send + 'static,
    ) -> Stream<'a, T> {
        self.with_scalar(id, scalar, relation)
            .filter(move |r| {
                fraction(r.scalar.as_ref()).is_some_and(|p| crate::hash::unit_interval(&r.row) < p)
            })
            .map(|r| r.row.clone())
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;
    use crate::state::CollectedState;

    fn consolidated<T: Ord>(mut v: Vec<(T, Weight)>) -> Vec<(T, Weight)> {
        consolidate(&mut v);
        v
    }

    #[test]
    fn with_scalar_rederives_every_row_when_the_scalar_changes() {
        let mut df = Dataflow::new();
        let (rows, rows_in) = df.input::<i64>("rows");
        let (total, total_in) = df.input::<i64>("total");
        let out = rows
            .with_scalar("share", &total, "total")
            .map(|r| (r.row, r.scalar.map(|t| r.row * 100 / t)))
            .output();
        rows_in.insert_all([1, 2]);
        df.step();
        assert_eq!(
            consolidated(out.take()),
            vec![((1, None), 1), ((2, None), 1)]
        );
        total_in.insert_all([4]);
        rows_in.insert_all([2]);
        df.step();
        assert_eq!(
            consolidated(out.take()),
            vec![
                ((1, None), -1),
                ((1, Some(25)), 1),
                ((2, None), -1),
                ((2, Some(50)), 2)
            ]
        );
        total_in.push_all([(4, -1), (5, 1)]);
        df.step();
        assert_eq!(
            consolidated(out.take()),
            vec![
                ((1, Some(20)), 1),
                ((1, Some(25)), -1),
                ((2, Some(40)), 2),
                ((2, Some(50)), -2)
            ]
        );
        assert_eq!(df.failure(), None);
    }

    #[test]
    fn a_scalar_with_two_rows_fails_the_job_and_reads_as_null() {
        let mut df = Dataflow::new();
        let (rows, rows_in) = df.input::<i64>("rows");
        let (total, total_in) = df.input::<i64>("total");
        let out = rows.with_scalar("s", &total, "c (x.pig:2)").output();
        rows_in.insert_all([1]);
        total_in.insert_all([7, 3]);
        df.step();
        let failure = df.failure().unwrap_or_default();
        assert!(
            failure.contains("Scalar has more than one row")
                && failure.contains("1st : 3, 2nd : 7")
                && failure.contains("c (x.pig:2)"),
            "{failure}"
        );
        let changes = out.take();
        assert!(
            changes.iter().all(|(r, _)| r.scalar.is_none()),
            "{changes:?}"
        );
    }

    #[test]
    fn a_duplicated_scalar_row_is_two_rows() {
        let mut df = Dataflow::new();
        let (rows, _rows_in) = df.input::<i64>("rows");
        let (total, total_in) = df.input::<i64>("total");
        let _out = rows.with_scalar("s", &total, "c").output();
        total_in.push_all([(7, 2)]);
        df.step();
        assert!(df.failure().is_some());
    }

    #[test]
    fn limit_follows_its_scalar_count() {
        let mut df = Dataflow::new();
        let (rows, rows_in) = df.input::<i64>("rows");
        let (n, n_in) = df.input::<i64>("n");
        let out = rows
            .top_n_scalar("top", &n, "n", |n| n.copied(), |r| std::cmp::Reverse(*r))
            .output();
        n_in.insert_all([2]);
        rows_in.insert_all([5, 1, 9, 7]);
        df.step();
        assert_eq!(consolidated(out.take()), vec![(7, 1), (9, 1)]);
        n_in.push_all([(2, -1), (3, 1)]);
        df.step();
        assert_eq!(consolidated(out.take()), vec![(5, 1)]);
        n_in.push_all([(3, -1), (0, 1)]);
        df.step();
        assert_eq!(consolidated(out.take()), vec![(5, -1), (7, -1), (9, -1)]);
        assert_eq!(df.failure(), None);
    }

    #[test]
    fn a_null_limit_count_fails_only_with_rows_to_limit() {
        let mut df = Dataflow::new();
        let (rows, rows_in) = df.input::<i64>("rows");
        let (n, _n_in) = df.input::<i64>("n");
        let out = rows.limit_scalar("lim", &n, "n", |n| n.copied()).output();
        df.step();
        assert_eq!(df.failure(), None);
        rows_in.insert_all([1]);
        df.step();
        assert!(out.take().is_empty());
        let failure = df.failure().unwrap_or_default();
        assert!(failure.contains("is null"), "{failure}");
    }

    #[test]
    fn sample_scalar_matches_sample_with_the_same_fraction() {
        let mut df = Dataflow::new();
        let (rows, rows_in) = df.input::<i64>("rows");
        let (p, p_in) = df.input::<i64>("p");
        let dynamic = rows
            .sample_scalar("s", &p, "p", |p| p.map(|p| *p as f64 / 100.0))
            .output();
        let fixed = rows.sample(0.3).output();
        rows_in.insert_all(0..1000);
        df.step();
        assert!(dynamic.take().is_empty(), "a null fraction keeps nothing");
        p_in.insert_all([30]);
        df.step();
        assert_eq!(consolidated(dynamic.take()), consolidated(fixed.take()));
    }

    #[test]
    fn state_round_trips_through_a_checkpoint() {
        let build = |df: &Dataflow| {
            let (rows, rows_in) = df.input::<i64>("rows");
            let (n, n_in) = df.input::<i64>("n");
            let paired = rows.with_scalar("pair", &n, "n").output();
            let limited = rows.limit_scalar("lim", &n, "n", |n| n.copied()).output();
            (rows_in, n_in, paired, limited)
        };
        let mut df = Dataflow::new();
        let (rows_in, n_in, _, _) = build(&df);
        df.set_track_state_changes(true);
        rows_in.insert_all([3, 1, 2]);
        n_in.insert_all([2]);
        df.step();
        let mut saved = CollectedState::default();
        df.export_state_changes(&mut saved)
            .unwrap_or_else(|e| panic!("{e}"));

        let mut restored = Dataflow::new();
        let (_, n_in, paired, limited) = build(&restored);
        for (op, k, v) in &saved.puts {
            restored
                .restore_state(op, k, v)
                .unwrap_or_else(|e| panic!("{e}"));
        }
        restored.finish_restore();
        n_in.push_all([(2, -1), (1, 1)]);
        restored.step();
        assert_eq!(consolidated(limited.take()), vec![(2, -1)]);
        assert_eq!(consolidated(paired.take()).len(), 6);
    }
}
