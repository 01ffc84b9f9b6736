//! Records and weighted changes: the unit every operator consumes and produces.
//!
//! A stream is a changelog: a sequence of batches of `(record, weight)` pairs, a Z-set as in DBSP and
//! differential dataflow. `+1` inserts one copy of a record, `-1` retracts one, `+3` inserts three. The
//! relation a stream stands for at any moment is the sum of all changes so far; applying them to an empty
//! [`Table`](crate::table::Table) materializes it.

use std::fmt::Debug;
use std::hash::Hash;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Multiplicity change of one record: positive inserts, negative retracts.
pub type Weight = i64;

/// A record that can flow through the dataflow: generated tuple structs, keys, and Rust primitives.
///
/// `Eq + Hash + Ord` make records usable as grouping keys and in sorted state (floats go through the
/// totally ordered wrappers of [`crate::data`]); `Serialize + DeserializeOwned` let operator state that
/// holds them be checkpointed. The trait is implemented for every type with these bounds.
pub trait Record:
    Clone + Eq + Hash + Ord + Debug + Send + Sync + Serialize + DeserializeOwned + 'static
{
}

impl<T> Record for T where
    T: Clone + Eq + Hash + Ord + Debug + Send + Sync + Serialize + DeserializeOwned + 'static
{
}

/// Sums the weights of equal records and drops those whose weight sums to zero. The result is sorted by
/// record, so consolidating is also what makes outputs deterministic.
pub fn consolidate<T: Ord>(changes: &mut Vec<(T, Weight)>) {
    if changes.len() < 2 {
        changes.retain(|(_, w)| *w != 0);
        return;
    }
    changes.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut write = 0;
    for read in 1..changes.len() {
        if changes[read].0 == changes[write].0 {
            changes[write].1 += changes[read].1;
        } else {
            if changes[write].1 != 0 {
                write += 1;
            }
            changes.swap(write, read);
        }
    }
    if changes[write].1 != 0 {
        write += 1;
    }
    changes.truncate(write);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consolidate_sums_equal_records_and_drops_zeros() {
        let mut c = vec![("b", 1), ("a", 2), ("b", -1), ("c", 1), ("a", 1), ("c", 0)];
        consolidate(&mut c);
        assert_eq!(c, vec![("a", 3), ("c", 1)]);
        let mut one = vec![("x", 0)];
        consolidate(&mut one);
        assert!(one.is_empty());
        let mut keep = vec![("x", -2), ("y", 1), ("x", 1)];
        consolidate(&mut keep);
        assert_eq!(keep, vec![("x", -1), ("y", 1)]);
    }
}
