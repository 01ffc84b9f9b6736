//! `GROUP … BY k` followed by aggregates: per key, a record count and the accumulators' states; emits,
//! for every group a step touched, the retraction of its old output row and the insertion of its new one.

use hashbrown::hash_map::Entry;
use serde::{Deserialize, Serialize};

use super::{Aggregate, KeyedStream};
use crate::dataflow::{Cell, EventTimeFn, Node, Stream};
use crate::record::{Record, Weight};
use crate::state::{raise_bucket, Bucketed, KeyedState, OperatorState, StateError, StateVisitor};

/// One group's state.
#[derive(Serialize, Deserialize)]
struct Group<S> {
    /// Sum of the weights of the group's records; the group exists while it is positive.
    count: Weight,
    /// Largest event time seen, when event time is tracked.
    bucket: Option<i64>,
    state: S,
    /// The last step that touched the group (not checkpointed).
    #[serde(skip)]
    step: u64,
}

impl<S> Bucketed for Group<S> {
    fn bucket(&self) -> Option<i64> {
        self.bucket
    }
}

struct AggregateNode<T, K, O, KF, A: Aggregate<T>, FF> {
    id: String,
    input: Cell<T>,
    output: Cell<O>,
    key: KF,
    agg: A,
    finish: FF,
    event_time: Option<EventTimeFn<T>>,
    groups: KeyedState<K, Group<A::State>>,
    /// Groups touched in the current step with their output before the step.
    touched: Vec<(K, Option<O>)>,
}

impl<T, K, O, KF, A, FF> AggregateNode<T, K, O, KF, A, FF>
where
    T: Record,
    K: Record,
    O: Record,
    A: Aggregate<T>,
    FF: Fn(&K, A::Output) -> O,
{
    fn output_of(&self, key: &K, group: &Group<A::State>) -> Option<O> {
        (group.count > 0).then(|| (self.finish)(key, self.agg.output(&group.state)))
    }
}

impl<T, K, O, KF, A, FF> Node for AggregateNode<T, K, O, KF, A, FF>
where
    T: Record,
    K: Record,
    O: Record,
    KF: Fn(&T) -> K + Send,
    A: Aggregate<T>,
    FF: Fn(&K, A::Output) -> O + Send,
{
    fn step(&mut self, step: u64) {
        let input = self.input.lock();
        let mut out = self.output.lock();
        out.clear();
        for (record, weight) in input.iter() {
            let key = (self.key)(record);
            let group = match self.groups.map.entry(key) {
                Entry::Occupied(e) => {
                    if e.get().step != step {
                        let old = (e.get().count > 0)
                            .then(|| (self.finish)(e.key(), self.agg.output(&e.get().state)));
                        self.touched.push((e.key().clone(), old));
                    }
                    e.into_mut()
                }
                Entry::Vacant(e) => {
                    self.touched.push((e.key().clone(), None));
                    e.insert(Group {
                        count: 0,
                        bucket: None,
                        state: A::State::default(),
                        step,
                    })
                }
            };
            group.step = step;
            group.count += weight;
            self.agg.update(&mut group.state, record, *weight);
            raise_bucket(
                &mut group.bucket,
                self.event_time.as_ref().map(|f| f(record)),
            );
        }
        drop(input);
        let touched = std::mem::take(&mut self.touched);
        for (key, old) in &touched {
            let new = match self.groups.map.get(key) {
                Some(group) if group.count == 0 => {
                    self.groups.map.remove(key);
                    None
                }
                Some(group) => self.output_of(key, group),
                None => None,
            };
            self.groups.mark_dirty(key);
            if *old != new {
                if let Some(old) = old {
                    out.push((old.clone(), -1));
                }
                if let Some(new) = new {
                    out.push((new, 1));
                }
            }
        }
        self.touched = touched;
        self.touched.clear();
    }

    fn state(&mut self) -> Option<&mut dyn OperatorState> {
        Some(self)
    }

    fn state_ref(&self) -> Option<&dyn OperatorState> {
        Some(self)
    }
}

impl<T, K, O, KF, A, FF> OperatorState for AggregateNode<T, K, O, KF, A, FF>
where
    T: Record,
    K: Record,
    O: Record,
    KF: Fn(&T) -> K + Send,
    A: Aggregate<T>,
    FF: Fn(&K, A::Output) -> O + Send,
{
    fn id(&self) -> &str {
        &self.id
    }
    fn len(&self) -> usize {
        self.groups.map.len()
    }
    fn set_track_changes(&mut self, on: bool) {
        self.groups.set_track(on);
    }
    fn export_changes(&mut self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        self.groups.export_changes(&self.id, out)
    }
    fn export_all(&self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        self.groups.export_all(&self.id, out)
    }
    fn restore_entry(&mut self, key: &[u8], value: &[u8]) -> Result<(), StateError> {
        if self.groups.restore_entry(&self.id, key, value)? {
            Ok(())
        } else {
            Err(unknown_entry(&self.id))
        }
    }
    fn evict_before(&mut self, limit: i64) -> usize {
        self.groups.evict_before(limit)
    }
}

pub(super) fn unknown_entry(id: &str) -> StateError {
    StateError::Restore {
        operator: id.to_owned(),
        reason: "entry has an unknown tag".to_owned(),
    }
}

impl<'a, T, K, KF> KeyedStream<'a, T, K, KF>
where
    T: Record,
    K: Record,
    KF: Fn(&T) -> K + Send + 'static,
{
    /// `GROUP … BY key` then `FOREACH … GENERATE`: maintains `aggs` (one accumulator or a tuple of them)
    /// per key and emits `finish(key, outputs)` per non-empty group. `id` is the operator's deterministic
    /// state id.
    pub fn aggregate<A, O, FF>(self, id: &str, aggs: A, finish: FF) -> Stream<'a, O>
    where
        A: Aggregate<T>,
        O: Record,
        FF: Fn(&K, A::Output) -> O + Send + 'static,
    {
        let output = Cell::new();
        let df = self.stream.dataflow();
        df.add_node(Box::new(AggregateNode {
            id: id.to_owned(),
            input: self.stream.cell().clone(),
            output: output.clone(),
            key: self.key,
            agg: aggs,
            finish,
            event_time: self.stream.event_time_fn(),
            groups: KeyedState::new(0),
            touched: Vec::new(),
        }));
        Stream::from_cell(df, output)
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
    fn group_count_sum_emits_changes_of_groups() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<(Option<String>, Option<i64>)>("s");
        let out = s
            .key_by(|r| r.0.clone())
            .aggregate(
                "g",
                (
                    count(|r: &(Option<String>, Option<i64>)| r.1.is_some()),
                    sum(|r: &(Option<String>, Option<i64>)| r.1),
                ),
                |k, (n, total)| (k.clone(), n, total),
            )
            .output();
        let a = || Some("a".to_owned());
        input.push_all([((a(), Some(1)), 1), ((a(), None), 1), ((None, Some(5)), 1)]);
        df.step();
        assert_eq!(
            consolidated(out.take()),
            vec![((None, 1, Some(5)), 1), ((a(), 1, Some(1)), 1)]
        );
        input.push_all([((a(), Some(2)), 1), ((None, Some(5)), -1)]);
        df.step();
        assert_eq!(
            consolidated(out.take()),
            vec![
                ((None, 1, Some(5)), -1),
                ((a(), 1, Some(1)), -1),
                ((a(), 2, Some(3)), 1)
            ]
        );
        // A change that leaves the output unchanged emits nothing.
        input.push_all([((a(), None), 1), ((a(), None), -1)]);
        df.step();
        assert!(out.take().is_empty());
    }

    #[test]
    fn state_round_trips_through_checkpoint_and_evicts() {
        let build = |df: &Dataflow| {
            let (s, input) = df.input::<(i64, i64)>("s");
            let out = s
                .event_time(|r| r.1)
                .key_by(|r| r.0)
                .aggregate("g", count_star(), |k, n| (*k, n))
                .output();
            (input, out)
        };
        let mut df = Dataflow::new();
        let (input, _out) = build(&df);
        df.set_track_state_changes(true);
        input.insert_all([(1, 10), (2, 20), (1, 30)]);
        df.step();
        let mut saved = CollectedState::default();
        df.export_state_changes(&mut saved).unwrap();
        assert_eq!(saved.puts.len(), 2);

        let mut restored = Dataflow::new();
        let (input2, out2) = build(&restored);
        for (_, k, v) in &saved.puts {
            restored.restore_state("g", k, v).unwrap();
        }
        restored.finish_restore();
        assert_eq!(restored.state_entries(), 2);
        input2.insert_all([(1, 40)]);
        restored.step();
        assert_eq!(consolidated(out2.take()), vec![((1, 2), -1), ((1, 3), 1)]);

        restored.set_retention_ms(15);
        // Watermark 40 - 15 = 25: key 2 (bucket 20) goes, key 1 (bucket 40) stays; nothing is retracted.
        assert_eq!(restored.advance_watermark(40), 1);
        restored.step();
        assert!(out2.take().is_empty());
        assert_eq!(restored.state_entries(), 1);
    }
}
