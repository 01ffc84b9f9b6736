//! `RANK alias [BY keys [DENSE]]`: prepends a rank to every row. A whole-input numbering, so the planner
//! allows it in batch mode only (a changed row would renumber every row after it); the operator still
//! maintains its output exactly under any sequence of steps, which keeps batch and incremental runs in
//! agreement.
//!
//! - [`Stream::rank`] (`RANK … BY`): rows sorted by the key; rows with equal keys share a rank. Plain RANK
//!   skips after ties (`1, 1, 3`), `DENSE` does not (`1, 1, 2`).
//! - [`Stream::row_number`] (`RANK` without `BY`): rows numbered `1..n` in arrival order (the input's
//!   order, as Pig numbers them); a retraction removes the latest live copy of the row.
//!
//! After a step that changed its input, an operator emits the difference between its old and new output.
//! State is every live row; it is not checkpointed (the stream executor refuses batch-only plans).

use std::collections::{BTreeMap, HashMap};

use super::topn::add_row;
use crate::dataflow::{Cell, Node, Stream};
use crate::record::{consolidate, Record, Weight};

/// The output last emitted, and how to replace it with the next one.
struct Emitted<U>(Vec<(U, Weight)>);

impl<U: Record> Emitted<U> {
    /// Pushes onto `out` the changes that turn the last output into `next`.
    fn replace(&mut self, next: Vec<(U, Weight)>, out: &mut Vec<(U, Weight)>) {
        let start = out.len();
        out.extend(self.0.iter().map(|(row, w)| (row.clone(), -w)));
        out.extend(next.iter().cloned());
        let mut changes = out.split_off(start);
        consolidate(&mut changes);
        out.extend(changes);
        self.0 = next;
    }
}

struct RankNode<T, S, U, KF, FF> {
    input: Cell<T>,
    output: Cell<U>,
    key: KF,
    dense: bool,
    finish: FF,
    /// Live rows by (key, row) with their multiplicity.
    rows: BTreeMap<(S, T), Weight>,
    emitted: Emitted<U>,
}

impl<T, S, U, KF, FF> RankNode<T, S, U, KF, FF>
where
    T: Record,
    S: Record,
    U: Record,
    FF: Fn(i64, &T) -> U,
{
    fn ranked(&self) -> Vec<(U, Weight)> {
        let mut out = Vec::with_capacity(self.rows.len());
        // Rows before the current key (RANK) or distinct keys so far (DENSE).
        let mut before: i64 = 0;
        let mut distinct: i64 = 0;
        let mut current: Option<(&S, i64)> = None;
        for ((key, row), weight) in &self.rows {
            if *weight <= 0 {
                continue;
            }
            let rank = match current {
                Some((k, rank)) if k == key => rank,
                _ => {
                    distinct += 1;
                    let rank = if self.dense { distinct } else { before + 1 };
                    current = Some((key, rank));
                    rank
                }
            };
            before += weight;
            out.push(((self.finish)(rank, row), *weight));
        }
        out
    }
}

impl<T, S, U, KF, FF> Node for RankNode<T, S, U, KF, FF>
where
    T: Record,
    S: Record,
    U: Record,
    KF: Fn(&T) -> S + Send,
    FF: Fn(i64, &T) -> U + Send,
{
    fn step(&mut self, _step: u64) {
        let input = self.input.lock();
        let mut out = self.output.lock();
        out.clear();
        if input.is_empty() {
            return;
        }
        for (row, weight) in input.iter() {
            add_row(&mut self.rows, ((self.key)(row), row.clone()), *weight);
        }
        drop(input);
        let next = self.ranked();
        self.emitted.replace(next, &mut out);
    }
}

struct RowNumberNode<T, U, FF> {
    input: Cell<T>,
    output: Cell<U>,
    finish: FF,
    /// Live rows by arrival sequence number.
    rows: BTreeMap<u64, T>,
    /// Sequence numbers of each row's live copies, oldest first.
    copies: HashMap<T, Vec<u64>>,
    /// Rows retracted before they arrived (only out-of-order changelogs produce them); an insert of
    /// such a row cancels one instead of being numbered.
    owed: HashMap<T, Weight>,
    next: u64,
    emitted: Emitted<U>,
}

impl<T: Record, U: Record, FF> RowNumberNode<T, U, FF> {
    fn insert(&mut self, row: &T) {
        if let Some(owed) = self.owed.get_mut(row) {
            *owed -= 1;
            if *owed == 0 {
                self.owed.remove(row);
            }
            return;
        }
        self.rows.insert(self.next, row.clone());
        self.copies.entry(row.clone()).or_default().push(self.next);
        self.next += 1;
    }

    fn retract(&mut self, row: &T) {
        let latest = self.copies.get_mut(row).and_then(Vec::pop);
        match latest {
            Some(seq) => {
                self.rows.remove(&seq);
                if self.copies.get(row).is_some_and(Vec::is_empty) {
                    self.copies.remove(row);
                }
            }
            None => *self.owed.entry(row.clone()).or_insert(0) += 1,
        }
    }
}

impl<T, U, FF> Node for RowNumberNode<T, U, FF>
where
    T: Record,
    U: Record,
    FF: Fn(i64, &T) -> U + Send,
{
    fn step(&mut self, _step: u64) {
        let (input_cell, output_cell) = (self.input.clone(), self.output.clone());
        let input = input_cell.lock();
        let mut out = output_cell.lock();
        out.clear();
        if input.is_empty() {
            return;
        }
        for (row, weight) in input.iter() {
            for _ in 0..weight.unsigned_abs() {
                if *weight > 0 {
                    self.insert(row);
                } else {
                    self.retract(row);
                }
            }
        }
        let next = self
            .rows
            .values()
            .zip(1..)
            .map(|(row, n)| ((self.finish)(n, row), 1))
            .collect();
        self.emitted.replace(next, &mut out);
    }
}

impl<'a, T: Record> Stream<'a, T> {
    /// `RANK … BY key [DENSE]`: `finish(rank, row)` for every row, ranked by `key` (use
    /// `std::cmp::Reverse` for a descending key; `None` sorts first, as Pig's nulls). Rows with equal keys
    /// share a rank; after a tie plain RANK skips (`1, 1, 3`), `dense` does not (`1, 1, 2`).
    pub fn rank<S: Record, U: Record>(
        &self,
        key: impl Fn(&T) -> S + Send + 'static,
        dense: bool,
        finish: impl Fn(i64, &T) -> U + Send + 'static,
    ) -> Stream<'a, U> {
        let output = Cell::new();
        let df = self.dataflow();
        df.add_node(Box::new(RankNode {
            input: self.cell().clone(),
            output: output.clone(),
            key,
            dense,
            finish,
            rows: BTreeMap::new(),
            emitted: Emitted(Vec::new()),
        }));
        Stream::from_cell(df, output)
    }

    /// `RANK` without `BY`: `finish(n, row)` where `n` numbers the live rows `1..` in arrival order.
    pub fn row_number<U: Record>(
        &self,
        finish: impl Fn(i64, &T) -> U + Send + 'static,
    ) -> Stream<'a, U> {
        let output = Cell::new();
        let df = self.dataflow();
        df.add_node(Box::new(RowNumberNode {
            input: self.cell().clone(),
            output: output.clone(),
            finish,
            rows: BTreeMap::new(),
            copies: HashMap::new(),
            owed: HashMap::new(),
            next: 0,
            emitted: Emitted(Vec::new()),
        }));
        Stream::from_cell(df, output)
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    fn consolidated<T: Ord>(mut v: Vec<(T, Weight)>) -> Vec<(T, Weight)> {
        consolidate(&mut v);
        v
    }

    type Row = (char, Option<i64>);

    #[test]
    fn rank_shares_ties_and_skips_after_them() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<Row>("s");
        let plain = s.rank(|r| r.1, false, |n, r| (n, *r)).output();
        let dense = s.rank(|r| r.1, true, |n, r| (n, *r)).output();
        input.push_all([
            (('a', Some(5)), 1),
            (('b', Some(3)), 1),
            (('c', Some(3)), 1),
            (('d', None), 1),
            (('e', Some(9)), 2),
        ]);
        df.step();
        // Null sorts first, as in Pig's ORDER.
        assert_eq!(
            plain.take(),
            vec![
                ((1, ('d', None)), 1),
                ((2, ('b', Some(3))), 1),
                ((2, ('c', Some(3))), 1),
                ((4, ('a', Some(5))), 1),
                ((5, ('e', Some(9))), 2),
            ]
        );
        assert_eq!(
            dense.take(),
            vec![
                ((1, ('d', None)), 1),
                ((2, ('b', Some(3))), 1),
                ((2, ('c', Some(3))), 1),
                ((3, ('a', Some(5))), 1),
                ((4, ('e', Some(9))), 2),
            ]
        );
    }

    #[test]
    fn descending_rank_and_changes_after_a_retraction() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<Row>("s");
        let out = s
            .rank(|r| std::cmp::Reverse(r.1), false, |n, r| (n, *r))
            .output();
        input.push_all([(('a', Some(1)), 1), (('b', Some(2)), 1)]);
        df.step();
        assert_eq!(
            out.take(),
            vec![((1, ('b', Some(2))), 1), ((2, ('a', Some(1))), 1)]
        );
        input.push_all([(('b', Some(2)), -1)]);
        df.step();
        assert_eq!(
            consolidated(out.take()),
            vec![
                ((1, ('a', Some(1))), 1),
                ((1, ('b', Some(2))), -1),
                ((2, ('a', Some(1))), -1)
            ]
        );
    }

    #[test]
    fn row_number_follows_arrival_order_with_duplicates() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<Row>("s");
        let out = s.row_number(|n, r| (n, *r)).output();
        input.push_all([(('z', None), 1), (('a', Some(1)), 2), (('m', Some(0)), 1)]);
        df.step();
        assert_eq!(
            out.take(),
            vec![
                ((1, ('z', None)), 1),
                ((2, ('a', Some(1))), 1),
                ((3, ('a', Some(1))), 1),
                ((4, ('m', Some(0))), 1),
            ]
        );
        // Retracting one `a` removes its latest copy; `m` moves up.
        input.push_all([(('a', Some(1)), -1)]);
        df.step();
        assert_eq!(
            consolidated(out.take()),
            vec![
                ((3, ('a', Some(1))), -1),
                ((3, ('m', Some(0))), 1),
                ((4, ('m', Some(0))), -1)
            ]
        );
    }
}
