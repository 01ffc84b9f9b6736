//! Batch/incremental equivalence (design.md §4) of CUBE/ROLLUP and RANK, by property: for random inputs
//! with duplicates, nulls and retractions, split into random chunks, applying the incremental run's output
//! changes to an empty table gives, after every chunk, exactly the batch run's output over the input
//! consumed so far. (RANK is batch only in generated jobs, but its operator maintains its output exactly,
//! which this checks; its state is not checkpointed, so unlike `equivalence.rs` no restore is exercised.)

use pigc_runtime::data::Bag;
use pigc_runtime::prelude::*;
use proptest::prelude::*;

mod equivalence_support;
use equivalence_support::{check, cuts, run_batch};

/// `(dimension a, dimension b, measure)`: few values, sometimes null.
type Rec = (Option<u8>, Option<u8>, i16);

/// A group key of the two dimensions.
type Group = (Option<u8>, Option<u8>);

/// Valid changes: inserts, and retractions of records inserted earlier.
fn changes() -> impl Strategy<Value = Vec<(Rec, Weight)>> {
    let dim = || prop::option::weighted(0.8, 0u8..3);
    let rec = (dim(), dim(), -3i16..4);
    equivalence_support::changes(rec)
}

/// `CUBE … BY CUBE(a), ROLLUP(b)` with Pig's "unknown" (here 255) for null values, then
/// `GENERATE group, COUNT_STAR(cube), SUM(cube.measure)`.
fn cube<'a>(s: Stream<'a, Rec>) -> OutputHandle<(Group, usize, i64)> {
    s.cube(
        "cube",
        |r| {
            let a = Some(r.0.unwrap_or(255));
            let b = Some(r.1.unwrap_or(255));
            [(a, b), (a, None), (None, b), (None, None)].map(|k| (k, (k.0, k.1, r.2)))
        },
        |k, rows: Bag<Rec>| (*k, rows.len(), rows.iter().map(|r| i64::from(r.2)).sum()),
    )
    .output()
}

/// The same grouping sets without the "unknown" substitution: null values and rolled-up dimensions
/// must still form separate groups.
fn rollup_with_nulls<'a>(s: Stream<'a, Rec>) -> OutputHandle<(Group, usize)> {
    s.cube(
        "rollup",
        |r| [(r.0, r.1), (r.0, None), (None, None)].map(|k| (k, *r)),
        |k, rows: Bag<Rec>| (*k, rows.len()),
    )
    .output()
}

fn rank<'a>(s: Stream<'a, Rec>) -> OutputHandle<(i64, Rec)> {
    s.rank(|r| (r.0, std::cmp::Reverse(r.2)), false, |n, r| (n, *r))
        .output()
}

fn dense_rank<'a>(s: Stream<'a, Rec>) -> OutputHandle<(i64, Rec)> {
    s.rank(|r| r.1, true, |n, r| (n, *r)).output()
}

fn row_number<'a>(s: Stream<'a, Rec>) -> OutputHandle<(i64, Rec)> {
    s.row_number(|n, r| (n, *r)).output()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn cube_is_equivalent(c in changes(), k in cuts()) { check(cube, &c, &k); }
    #[test]
    fn rollup_with_null_values_is_equivalent(c in changes(), k in cuts()) {
        check(rollup_with_nulls, &c, &k);
    }
    #[test]
    fn rank_is_equivalent(c in changes(), k in cuts()) { check(rank, &c, &k); }
    #[test]
    fn dense_rank_is_equivalent(c in changes(), k in cuts()) { check(dense_rank, &c, &k); }
    #[test]
    fn row_number_is_equivalent(c in changes(), k in cuts()) { check(row_number, &c, &k); }
}

/// The cube's totals agree with a direct computation over the final input.
#[test]
fn cube_grand_total_counts_every_live_row() {
    let changes = [
        ((Some(1), None, 5), 1),
        ((None, Some(2), 3), 1),
        ((Some(1), None, 5), 1),
        ((Some(1), None, 5), -1),
    ];
    let table = run_batch(cube, &changes);
    let total = table
        .rows()
        .find(|(r, _)| r.0 == (None, None))
        .map(|(r, _)| (r.1, r.2));
    assert_eq!(total, Some((2, 8)));
}
