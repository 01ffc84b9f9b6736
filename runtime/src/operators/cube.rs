//! `CUBE alias BY CUBE(…), ROLLUP(…)`: one group per grouping set and value of its dimensions; each
//! group's output holds the group tuple and the bag of its rows.
//!
//! Lowered onto existing operators: a flat map emits every input row once per grouping set, as the
//! set's index, its group key and the tuple Pig puts in that group's bag (the group's dimension values,
//! then the input's other columns), and a keyed aggregate keeps each group's bag (an exact multiset, so
//! retractions are exact and the output is maintained like any GROUP's). The set index is part of the
//! key, so a group whose key holds a null *value* never merges with the rolled-up group of another set.

use std::sync::Arc;

use super::bag;
use crate::data::Bag;
use crate::dataflow::{EventTimeFn, Stream};
use crate::record::Record;

/// A row expanded for one grouping set: (set index, group key), bag tuple, event time of the row.
type Expanded<K, V> = ((usize, K), V, i64);

impl<'a, T: Record> Stream<'a, T> {
    /// CUBE/ROLLUP: `groups(row)` yields, for each grouping set in a fixed order, the row's group key
    /// (rolled-up dimensions null) and the tuple it adds to that group's bag; `finish(key, bag)` builds a
    /// group's output from its key and its bag (sorted, duplicates repeated). `id` names the operator's
    /// state.
    pub fn cube<K, V, I, O>(
        &self,
        id: &str,
        groups: impl Fn(&T) -> I + Send + 'static,
        finish: impl Fn(&K, Bag<V>) -> O + Send + 'static,
    ) -> Stream<'a, O>
    where
        K: Record,
        V: Record,
        I: IntoIterator<Item = (K, V)>,
        O: Record,
    {
        let row_time = self.event_time_fn();
        let tracks_time = row_time.is_some();
        let expanded = self.flat_map(move |row: &T| {
            // Every tuple of a row carries the row's event time, so its groups are evicted with it.
            let time = row_time.as_ref().map_or(0, |f| f(row));
            groups(row)
                .into_iter()
                .enumerate()
                .map(|(set, (key, tuple))| ((set, key), tuple, time))
                .collect::<Vec<_>>()
        });
        let event_time =
            tracks_time.then(|| Arc::new(|e: &Expanded<K, V>| e.2) as EventTimeFn<Expanded<K, V>>);
        expanded
            .with_event_time(event_time)
            .key_by(|e: &Expanded<K, V>| e.0.clone())
            .aggregate(
                id,
                bag(
                    |e: &Expanded<K, V>| Some(e.1.clone()),
                    |tuples: &[V]| Bag::from_vec(tuples.to_vec()),
                ),
                move |(_, key), tuples| finish(key, tuples),
            )
    }
}

#[cfg(test)]
mod tests {
    use crate::data::Bag;
    use crate::prelude::*;

    type Sale = (Option<char>, Option<char>, i64);
    type Group = (Option<char>, Option<char>);

    /// CUBE(product, region), with `?` standing for Pig's "unknown" in place of a null dimension value;
    /// the bag tuple is the group's dimensions then the amount.
    fn cube_sets(r: &Sale) -> [(Group, Sale); 4] {
        let p = Some(r.0.unwrap_or('?'));
        let g = Some(r.1.unwrap_or('?'));
        [(p, g), (p, None), (None, g), (None, None)].map(|k| (k, (k.0, k.1, r.2)))
    }

    fn total(rows: &Bag<Sale>) -> i64 {
        rows.iter().map(|r| r.2).sum()
    }

    #[test]
    fn every_grouping_set_gets_its_groups_and_retractions_update_them() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<Sale>("s");
        let out = s
            .cube("c", cube_sets, |k, rows| (*k, rows.len(), total(&rows)))
            .output();
        input.push_all([
            ((Some('c'), Some('o'), 4), 1),
            ((Some('c'), None, 1), 1),
            ((Some('b'), Some('o'), 2), 1),
        ]);
        df.step();
        let mut table: Table<(Group, usize, i64)> = Table::new();
        table.apply(out.take());
        let rows: Vec<_> = table.rows().map(|(r, w)| (*r, w)).collect();
        assert_eq!(
            rows,
            vec![
                ((None, None), 3, 7),
                ((None, Some('?')), 1, 1),
                ((None, Some('o')), 2, 6),
                ((Some('b'), None), 1, 2),
                ((Some('b'), Some('o')), 1, 2),
                ((Some('c'), None), 2, 5),
                ((Some('c'), Some('?')), 1, 1),
                ((Some('c'), Some('o')), 1, 4),
            ]
            .into_iter()
            .map(|(k, n, t)| ((k, n, t), 1))
            .collect::<Vec<_>>()
        );
        input.push_all([((Some('b'), Some('o'), 2), -1)]);
        df.step();
        table.apply(out.take());
        assert!(table.rows().all(|(r, _)| r.0 .0 != Some('b')));
        assert!(table.rows().any(|(r, _)| *r == ((None, None), 2, 5)));
    }

    #[test]
    fn bag_tuples_hold_the_group_values_of_their_set() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<Sale>("s");
        let out = s
            .cube("c", cube_sets, |k, rows| (*k, rows.into_vec()))
            .output();
        input.push_all([((Some('c'), None, 4), 1)]);
        df.step();
        let mut changes = out.take();
        consolidate(&mut changes);
        assert_eq!(
            changes.first(),
            Some(&(((None, None), vec![(None, None, 4)]), 1))
        );
        assert!(changes.contains(&(((Some('c'), Some('?')), vec![(Some('c'), Some('?'), 4)]), 1)));
    }

    #[test]
    fn a_null_key_value_does_not_merge_with_a_rolled_up_group() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<(Option<i64>, i64)>("s");
        // ROLLUP(a) keeping null values as null: sets [(a), ()].
        let out = s
            .cube("r", |r| [(r.0, *r), (None, *r)], |k, rows| (*k, rows.len()))
            .output();
        input.push_all([((None, 1), 1), ((Some(2), 1), 1)]);
        df.step();
        let mut changes = out.take();
        consolidate(&mut changes);
        assert_eq!(
            changes,
            vec![((None, 1), 1), ((None, 2), 1), ((Some(2), 1), 1)]
        );
    }
}
