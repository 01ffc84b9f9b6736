//! The batch/incremental equivalence harness shared by the single-input property tests
//! (`rank_cube_equivalence.rs`, `scalar_equivalence.rs`): random valid changes, random chunkings, and
//! the check that the incremental run's output, applied as a changelog, equals the batch run's output
//! after every chunk.

use pigc_runtime::prelude::*;
use proptest::prelude::*;

/// A dataflow under test: one input stream of `R`, one output of `O`.
pub type Pipeline<R, O> = for<'a> fn(Stream<'a, R>) -> OutputHandle<O>;

/// The batch run: every change in one step. No operator may report a failure.
pub fn run_batch<R: Record + Copy, O: Record>(
    pipeline: Pipeline<R, O>,
    changes: &[(R, Weight)],
) -> Table<O> {
    let mut df = Dataflow::new();
    let (s, input) = df.input::<R>("s");
    let out = pipeline(s);
    input.push_all(changes.iter().copied());
    df.step();
    assert_eq!(df.failure(), None);
    out.take().into_iter().collect()
}

/// Runs `changes` in chunks ending at `cuts` (taken modulo the length) and checks after every chunk
/// that the output so far equals the batch output over the changes consumed so far.
pub fn check<R: Record + Copy, O: Record>(
    pipeline: Pipeline<R, O>,
    changes: &[(R, Weight)],
    cuts: &[usize],
) {
    let mut bounds: Vec<usize> = cuts.iter().map(|c| c % (changes.len() + 1)).collect();
    bounds.push(changes.len());
    bounds.sort_unstable();
    bounds.dedup();
    let mut df = Dataflow::new();
    let (s, input) = df.input::<R>("s");
    let out = pipeline(s);
    let mut table = Table::new();
    let mut start = 0;
    for end in bounds {
        input.push_all(changes[start..end].iter().copied());
        df.step();
        table.apply(out.take());
        assert_eq!(
            table,
            run_batch(pipeline, &changes[..end]),
            "after the chunk ending at {end}"
        );
        start = end;
    }
}

/// Valid changes of records drawn from `rec`: inserts, and retractions of records inserted earlier.
pub fn changes<R: Copy + std::fmt::Debug>(
    rec: impl Strategy<Value = R>,
) -> impl Strategy<Value = Vec<(R, Weight)>> {
    prop::collection::vec((rec, any::<bool>(), any::<prop::sample::Index>()), 0..60).prop_map(
        |ops| {
            let mut live: Vec<R> = Vec::new();
            let mut out = Vec::new();
            for (rec, retract, pick) in ops {
                if retract && !live.is_empty() {
                    out.push((live.swap_remove(pick.index(live.len())), -1));
                } else {
                    live.push(rec);
                    out.push((rec, 1));
                }
            }
            out
        },
    )
}

/// Up to 8 chunk boundaries.
pub fn cuts() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0usize..100, 0..8)
}
