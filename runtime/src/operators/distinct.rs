//! `DISTINCT`: per record, its multiplicity; emits `+1` when a record first appears and `-1` when its
//! last copy is retracted. With at-least-once input this is the exact deduplication of design.md §4.

use serde::{Deserialize, Serialize};

use super::aggregate::unknown_entry;
use crate::dataflow::{Cell, EventTimeFn, Node, Stream};
use crate::record::{Record, Weight};
use crate::state::{raise_bucket, Bucketed, KeyedState, OperatorState, StateError, StateVisitor};

#[derive(Serialize, Deserialize)]
struct Seen {
    count: Weight,
    bucket: Option<i64>,
}

impl Bucketed for Seen {
    fn bucket(&self) -> Option<i64> {
        self.bucket
    }
}

struct DistinctNode<T> {
    id: String,
    input: Cell<T>,
    output: Cell<T>,
    event_time: Option<EventTimeFn<T>>,
    seen: KeyedState<T, Seen>,
}

impl<T: Record> Node for DistinctNode<T> {
    fn step(&mut self, _step: u64) {
        let input = self.input.lock();
        let mut out = self.output.lock();
        out.clear();
        for (record, weight) in input.iter() {
            let time = self.event_time.as_ref().map(|f| f(record));
            let (old, new) = match self.seen.map.get_mut(record) {
                Some(seen) => {
                    let old = seen.count;
                    seen.count += weight;
                    raise_bucket(&mut seen.bucket, time);
                    let new = seen.count;
                    if new == 0 {
                        self.seen.map.remove(record);
                    }
                    (old, new)
                }
                None => {
                    if *weight != 0 {
                        let mut bucket = None;
                        raise_bucket(&mut bucket, time);
                        self.seen.map.insert(
                            record.clone(),
                            Seen {
                                count: *weight,
                                bucket,
                            },
                        );
                    }
                    (0, *weight)
                }
            };
            self.seen.mark_dirty(record);
            if old <= 0 && new > 0 {
                out.push((record.clone(), 1));
            } else if old > 0 && new <= 0 {
                out.push((record.clone(), -1));
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

impl<T: Record> OperatorState for DistinctNode<T> {
    fn id(&self) -> &str {
        &self.id
    }
    fn len(&self) -> usize {
        self.seen.map.len()
    }
    fn set_track_changes(&mut self, on: bool) {
        self.seen.set_track(on);
    }
    fn export_changes(&mut self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        self.seen.export_changes(&self.id, out)
    }
    fn export_all(&self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        self.seen.export_all(&self.id, out)
    }
    fn restore_entry(&mut self, key: &[u8], value: &[u8]) -> Result<(), StateError> {
        if self.seen.restore_entry(&self.id, key, value)? {
            Ok(())
        } else {
            Err(unknown_entry(&self.id))
        }
    }
    fn evict_before(&mut self, limit: i64) -> usize {
        self.seen.evict_before(limit)
    }
}

impl<'a, T: Record> Stream<'a, T> {
    /// `DISTINCT`: each record once, however many copies arrive. `id` is the operator's state id.
    pub fn distinct(&self, id: &str) -> Stream<'a, T> {
        let output = Cell::new();
        let df = self.dataflow();
        df.add_node(Box::new(DistinctNode {
            id: id.to_owned(),
            input: self.cell().clone(),
            output: output.clone(),
            event_time: self.event_time_fn(),
            seen: KeyedState::new(0),
        }));
        Stream::from_cell(df, output).with_event_time(self.event_time_fn())
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn distinct_emits_first_appearance_and_last_retraction() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<Option<i32>>("s");
        let out = s.distinct("d").output();
        input.push_all([(Some(1), 1), (Some(1), 1), (None, 1), (None, 1)]);
        df.step();
        let mut first = out.take();
        first.sort();
        assert_eq!(first, vec![(None, 1), (Some(1), 1)]);
        input.push_all([(Some(1), -1)]);
        df.step();
        assert!(out.take().is_empty());
        input.push_all([(Some(1), -1), (Some(2), 3)]);
        df.step();
        assert_eq!(out.take(), vec![(Some(1), -1), (Some(2), 1)]);
    }
}
