//! `JOIN` (inner, left, right, full outer) and `CROSS`: per key and side, the multiset of rows.
//!
//! Each change is processed against the other side's current state, so the inner part of the output is
//! maintained exactly (the join is bilinear). An outer side's row is padded with nulls while the other
//! side has no row for its key; when the first matching row arrives the padded rows are retracted, and
//! when the last one is retracted they come back. Rows whose key is null (`None`) never match: an inner
//! join drops them, an outer join passes them through padded, as Pig does.

use hashbrown::HashMap;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::aggregate::unknown_entry;
use super::KeyedStream;
use crate::dataflow::{Cell, EventTimeFn, Node, Stream};
use crate::record::{Record, Weight};
use crate::state::{raise_bucket, Bucketed, KeyedState, OperatorState, StateError, StateVisitor};

/// The rows of one side under one key.
#[derive(Serialize, Deserialize)]
#[serde(bound(
    serialize = "X: Serialize + Eq + std::hash::Hash",
    deserialize = "X: DeserializeOwned + Eq + std::hash::Hash"
))]
struct Side<X> {
    rows: HashMap<X, Weight>,
    count: Weight,
    bucket: Option<i64>,
}

impl<X> Bucketed for Side<X> {
    fn bucket(&self) -> Option<i64> {
        self.bucket
    }
}

/// How matched and unmatched rows become output rows; one implementation per join kind.
trait JoinOutput<L, R, O>: Send {
    const PADS_LEFT: bool;
    const PADS_RIGHT: bool;
    fn both(&self, l: &L, r: &R) -> O;
    /// The left row padded with nulls (only called when `PADS_LEFT`).
    fn left_only(&self, l: &L) -> Option<O>;
    /// The right row padded with nulls (only called when `PADS_RIGHT`).
    fn right_only(&self, r: &R) -> Option<O>;
}

struct Inner<F>(F);
struct LeftOuter<F>(F);
struct RightOuter<F>(F);
struct FullOuter<F>(F);

impl<L, R, O, F: Fn(&L, &R) -> O + Send> JoinOutput<L, R, O> for Inner<F> {
    const PADS_LEFT: bool = false;
    const PADS_RIGHT: bool = false;
    fn both(&self, l: &L, r: &R) -> O {
        (self.0)(l, r)
    }
    fn left_only(&self, _l: &L) -> Option<O> {
        None
    }
    fn right_only(&self, _r: &R) -> Option<O> {
        None
    }
}

impl<L, R, O, F: Fn(&L, Option<&R>) -> O + Send> JoinOutput<L, R, O> for LeftOuter<F> {
    const PADS_LEFT: bool = true;
    const PADS_RIGHT: bool = false;
    fn both(&self, l: &L, r: &R) -> O {
        (self.0)(l, Some(r))
    }
    fn left_only(&self, l: &L) -> Option<O> {
        Some((self.0)(l, None))
    }
    fn right_only(&self, _r: &R) -> Option<O> {
        None
    }
}

impl<L, R, O, F: Fn(Option<&L>, &R) -> O + Send> JoinOutput<L, R, O> for RightOuter<F> {
    const PADS_LEFT: bool = false;
    const PADS_RIGHT: bool = true;
    fn both(&self, l: &L, r: &R) -> O {
        (self.0)(Some(l), r)
    }
    fn left_only(&self, _l: &L) -> Option<O> {
        None
    }
    fn right_only(&self, r: &R) -> Option<O> {
        Some((self.0)(None, r))
    }
}

impl<L, R, O, F: Fn(Option<&L>, Option<&R>) -> O + Send> JoinOutput<L, R, O> for FullOuter<F> {
    const PADS_LEFT: bool = true;
    const PADS_RIGHT: bool = true;
    fn both(&self, l: &L, r: &R) -> O {
        (self.0)(Some(l), Some(r))
    }
    fn left_only(&self, l: &L) -> Option<O> {
        Some((self.0)(Some(l), None))
    }
    fn right_only(&self, r: &R) -> Option<O> {
        Some((self.0)(None, Some(r)))
    }
}

struct JoinNode<L, R, J, O, KL, KR, F> {
    id: String,
    left_input: Cell<L>,
    right_input: Cell<R>,
    output: Cell<O>,
    left_key: KL,
    right_key: KR,
    join: F,
    left_time: Option<EventTimeFn<L>>,
    right_time: Option<EventTimeFn<R>>,
    left: KeyedState<J, Side<L>>,
    right: KeyedState<J, Side<R>>,
}

/// Applies one change `(row, weight)` with key `key` to side `mine`, emitting the output change against
/// side `other`. `pad_mine` pads `row` when `other` is empty under `key`; `pad_other` pads the other
/// side's rows while `mine` is empty under `key`.
#[allow(clippy::too_many_arguments)]
fn apply_change<J, X, Y, O>(
    key: J,
    row: &X,
    weight: Weight,
    time: Option<i64>,
    mine: &mut KeyedState<J, Side<X>>,
    other: &KeyedState<J, Side<Y>>,
    both: impl Fn(&X, &Y) -> O,
    pad_mine: Option<impl Fn(&X) -> Option<O>>,
    pad_other: Option<impl Fn(&Y) -> Option<O>>,
    out: &mut Vec<(O, Weight)>,
) where
    J: Record,
    X: Record,
    Y: Record,
{
    let theirs = other.map.get(&key);
    let mine_old = mine.map.get(&key).map_or(0, |s| s.count);
    let mine_new = mine_old + weight;
    if let (Some(pad), Some(theirs)) = (&pad_other, theirs) {
        let sign = if mine_old <= 0 && mine_new > 0 {
            -1
        } else if mine_old > 0 && mine_new <= 0 {
            1
        } else {
            0
        };
        if sign != 0 {
            for (y, w) in &theirs.rows {
                if let Some(o) = pad(y) {
                    out.push((o, sign * w));
                }
            }
        }
    }
    if let Some(theirs) = theirs {
        for (y, w) in &theirs.rows {
            out.push((both(row, y), weight * w));
        }
    }
    if theirs.is_none_or(|t| t.count <= 0) {
        if let Some(o) = pad_mine.as_ref().and_then(|pad| pad(row)) {
            out.push((o, weight));
        }
    }
    let side = mine.map.entry(key.clone()).or_insert_with(|| Side {
        rows: HashMap::new(),
        count: 0,
        bucket: None,
    });
    side.count += weight;
    raise_bucket(&mut side.bucket, time);
    match side.rows.get_mut(row) {
        Some(w) => {
            *w += weight;
            if *w == 0 {
                side.rows.remove(row);
            }
        }
        None => {
            if weight != 0 {
                side.rows.insert(row.clone(), weight);
            }
        }
    }
    if side.count == 0 && side.rows.is_empty() {
        mine.map.remove(&key);
    }
    mine.mark_dirty(&key);
}

impl<L, R, J, O, KL, KR, F> Node for JoinNode<L, R, J, O, KL, KR, F>
where
    L: Record,
    R: Record,
    J: Record,
    O: Record,
    KL: Fn(&L) -> Option<J> + Send,
    KR: Fn(&R) -> Option<J> + Send,
    F: JoinOutput<L, R, O>,
{
    fn step(&mut self, _step: u64) {
        let mut out = self.output.lock();
        out.clear();
        let join = &self.join;
        let pad_left = F::PADS_LEFT.then_some(|l: &L| join.left_only(l));
        let pad_right = F::PADS_RIGHT.then_some(|r: &R| join.right_only(r));
        for (l, w) in self.left_input.lock().iter() {
            match (self.left_key)(l) {
                Some(key) => apply_change(
                    key,
                    l,
                    *w,
                    self.left_time.as_ref().map(|f| f(l)),
                    &mut self.left,
                    &self.right,
                    |l, r| join.both(l, r),
                    pad_left,
                    pad_right,
                    &mut out,
                ),
                None => {
                    if let Some(o) = pad_left.and_then(|pad| pad(l)) {
                        out.push((o, *w));
                    }
                }
            }
        }
        for (r, w) in self.right_input.lock().iter() {
            match (self.right_key)(r) {
                Some(key) => apply_change(
                    key,
                    r,
                    *w,
                    self.right_time.as_ref().map(|f| f(r)),
                    &mut self.right,
                    &self.left,
                    |r, l| join.both(l, r),
                    pad_right,
                    pad_left,
                    &mut out,
                ),
                None => {
                    if let Some(o) = pad_right.and_then(|pad| pad(r)) {
                        out.push((o, *w));
                    }
                }
            }
        }
    }

    fn state(&mut self) -> Option<&mut dyn OperatorState> {
        Some(self)
    }

    fn state_ref(&self) -> Option<&dyn OperatorState> {
        Some(self)
    }
}

impl<L, R, J, O, KL, KR, F> OperatorState for JoinNode<L, R, J, O, KL, KR, F>
where
    L: Record,
    R: Record,
    J: Record,
    O: Record,
    KL: Fn(&L) -> Option<J> + Send,
    KR: Fn(&R) -> Option<J> + Send,
    F: JoinOutput<L, R, O>,
{
    fn id(&self) -> &str {
        &self.id
    }
    fn len(&self) -> usize {
        self.left.map.len() + self.right.map.len()
    }
    fn set_track_changes(&mut self, on: bool) {
        self.left.set_track(on);
        self.right.set_track(on);
    }
    fn export_changes(&mut self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        self.left.export_changes(&self.id, out)?;
        self.right.export_changes(&self.id, out)
    }
    fn export_all(&self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        self.left.export_all(&self.id, out)?;
        self.right.export_all(&self.id, out)
    }
    fn restore_entry(&mut self, key: &[u8], value: &[u8]) -> Result<(), StateError> {
        if self.left.restore_entry(&self.id, key, value)?
            || self.right.restore_entry(&self.id, key, value)?
        {
            Ok(())
        } else {
            Err(unknown_entry(&self.id))
        }
    }
    fn evict_before(&mut self, limit: i64) -> usize {
        self.left.evict_before(limit) + self.right.evict_before(limit)
    }
}

impl<'a, L, J, KL> KeyedStream<'a, L, Option<J>, KL>
where
    L: Record,
    J: Record,
    KL: Fn(&L) -> Option<J> + Send + 'static,
{
    fn join_with<R, KR, O, F>(
        self,
        id: &str,
        right: KeyedStream<'a, R, Option<J>, KR>,
        join: F,
    ) -> Stream<'a, O>
    where
        R: Record,
        KR: Fn(&R) -> Option<J> + Send + 'static,
        O: Record,
        F: JoinOutput<L, R, O> + 'static,
    {
        let output = Cell::new();
        let df = self.stream.dataflow();
        df.add_node(Box::new(JoinNode {
            id: id.to_owned(),
            left_input: self.stream.cell().clone(),
            right_input: right.stream.cell().clone(),
            output: output.clone(),
            left_key: self.key,
            right_key: right.key,
            join,
            left_time: self.stream.event_time_fn(),
            right_time: right.stream.event_time_fn(),
            left: KeyedState::new(0),
            right: KeyedState::new(1),
        }));
        Stream::from_cell(df, output)
    }

    /// `JOIN a BY k, b BY k`: pairs of rows with equal, non-null keys. Join keys are `Option`s: `None`
    /// (a null key; for a multi-field key, any null field) never matches.
    pub fn join_inner<R, KR, O>(
        self,
        id: &str,
        right: KeyedStream<'a, R, Option<J>, KR>,
        f: impl Fn(&L, &R) -> O + Send + 'static,
    ) -> Stream<'a, O>
    where
        R: Record,
        KR: Fn(&R) -> Option<J> + Send + 'static,
        O: Record,
    {
        self.join_with(id, right, Inner(f))
    }

    /// `JOIN a BY k LEFT OUTER, b BY k`: every left row, padded with nulls (`None`) when unmatched.
    pub fn join_left<R, KR, O>(
        self,
        id: &str,
        right: KeyedStream<'a, R, Option<J>, KR>,
        f: impl Fn(&L, Option<&R>) -> O + Send + 'static,
    ) -> Stream<'a, O>
    where
        R: Record,
        KR: Fn(&R) -> Option<J> + Send + 'static,
        O: Record,
    {
        self.join_with(id, right, LeftOuter(f))
    }

    /// `JOIN a BY k RIGHT OUTER, b BY k`: every right row, padded with nulls when unmatched.
    pub fn join_right<R, KR, O>(
        self,
        id: &str,
        right: KeyedStream<'a, R, Option<J>, KR>,
        f: impl Fn(Option<&L>, &R) -> O + Send + 'static,
    ) -> Stream<'a, O>
    where
        R: Record,
        KR: Fn(&R) -> Option<J> + Send + 'static,
        O: Record,
    {
        self.join_with(id, right, RightOuter(f))
    }

    /// `JOIN a BY k FULL OUTER, b BY k`: matched pairs, and every unmatched row of either side padded.
    pub fn join_full<R, KR, O>(
        self,
        id: &str,
        right: KeyedStream<'a, R, Option<J>, KR>,
        f: impl Fn(Option<&L>, Option<&R>) -> O + Send + 'static,
    ) -> Stream<'a, O>
    where
        R: Record,
        KR: Fn(&R) -> Option<J> + Send + 'static,
        O: Record,
    {
        self.join_with(id, right, FullOuter(f))
    }
}

impl<'a, T: Record> Stream<'a, T> {
    /// `CROSS a, b`: every pair of rows (an inner join on a constant key).
    pub fn cross<R: Record, O: Record>(
        &self,
        id: &str,
        other: &Stream<'a, R>,
        f: impl Fn(&T, &R) -> O + Send + 'static,
    ) -> Stream<'a, O> {
        self.key_by(|_| Some(()))
            .join_inner(id, other.key_by(|_| Some(())), f)
    }
}
