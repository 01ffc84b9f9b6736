//! Batch/incremental equivalence (design.md §4), by property: for random inputs with duplicates and
//! retractions, split into random chunks, applying the incremental run's output changes to an empty
//! table gives, after every chunk, exactly the batch run's output over the input consumed so far. Halfway
//! through, the incremental run is checkpointed and restored into a fresh dataflow, so state hooks are
//! covered by the same property.

use pigc_runtime::prelude::*;
use pigc_runtime::state::CollectedState;
use proptest::prelude::*;

/// `(key, value)`; keys are few and sometimes null so that groups, duplicates and null keys are common.
type Rec = (Option<u8>, i16);

/// A change to input 0 or 1.
type Change = (usize, Rec, Weight);

type Pipeline<O> = for<'a> fn(Stream<'a, Rec>, Stream<'a, Rec>) -> OutputHandle<O>;

fn run_batch<O: Record>(pipeline: Pipeline<O>, changes: &[Change]) -> Table<O> {
    let mut df = Dataflow::new();
    let (a, ai) = df.input::<Rec>("a");
    let (b, bi) = df.input::<Rec>("b");
    let out = pipeline(a, b);
    for (side, r, w) in changes {
        [&ai, &bi][*side].push(*r, *w);
    }
    df.step();
    out.take().into_iter().collect()
}

struct Incremental<O> {
    df: Dataflow,
    inputs: [InputHandle<Rec>; 2],
    out: OutputHandle<O>,
}

fn incremental<O: Record>(pipeline: Pipeline<O>) -> Incremental<O> {
    let df = Dataflow::new();
    let (a, ai) = df.input::<Rec>("a");
    let (b, bi) = df.input::<Rec>("b");
    let out = pipeline(a, b);
    Incremental {
        df,
        inputs: [ai, bi],
        out,
    }
}

fn check<O: Record>(pipeline: Pipeline<O>, changes: &[Change], cuts: &[usize]) {
    let mut bounds: Vec<usize> = cuts.iter().map(|c| c % (changes.len() + 1)).collect();
    bounds.push(changes.len());
    bounds.sort_unstable();
    bounds.dedup();
    let restore_at = bounds.len() / 2;
    let mut run = incremental(pipeline);
    run.df.set_track_state_changes(true);
    let mut table = Table::new();
    let mut start = 0;
    for (i, end) in bounds.iter().copied().enumerate() {
        for (side, r, w) in &changes[start..end] {
            run.inputs[*side].push(*r, *w);
        }
        run.df.step();
        table.apply(run.out.take());
        let expected = run_batch(pipeline, &changes[..end]);
        assert_eq!(table, expected, "after the chunk ending at {end}");
        if i == restore_at {
            let mut snapshot = CollectedState::default();
            run.df.export_state_all(&mut snapshot).unwrap();
            let mut fresh = incremental(pipeline);
            for (op, k, v) in &snapshot.puts {
                fresh.df.restore_state(op, k, v).unwrap();
            }
            fresh.df.finish_restore();
            run = fresh;
        }
        start = end;
    }
}

/// Valid changes: inserts, and retractions of records inserted earlier on the same side.
fn changes() -> impl Strategy<Value = Vec<Change>> {
    let rec = (prop::option::weighted(0.85, 0u8..5), -3i16..4);
    prop::collection::vec(
        (0usize..2, rec, any::<bool>(), any::<prop::sample::Index>()),
        0..60,
    )
    .prop_map(|ops| {
        let mut live: [Vec<Rec>; 2] = [Vec::new(), Vec::new()];
        let mut out = Vec::new();
        for (side, rec, retract, pick) in ops {
            if retract && !live[side].is_empty() {
                let r = live[side].swap_remove(pick.index(live[side].len()));
                out.push((side, r, -1));
            } else {
                live[side].push(rec);
                out.push((side, rec, 1));
            }
        }
        out
    })
}

fn cuts() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0usize..100, 0..8)
}

type AggOut = (
    Option<u8>,
    i64,
    i64,
    Option<i64>,
    Option<u64>,
    Option<i16>,
    Option<i16>,
    i64,
    Vec<i16>,
);

fn aggregate<'a>(a: Stream<'a, Rec>, _b: Stream<'a, Rec>) -> OutputHandle<AggOut> {
    a.key_by(|r| r.0)
        .aggregate(
            "agg",
            (
                count(|r: &Rec| r.1 != 0),
                count_star(),
                sum(|r: &Rec| Some(i64::from(r.1))),
                avg(|r: &Rec| (r.1 > 0).then_some(i64::from(r.1))),
                min(|r: &Rec| (r.1 != 1).then_some(r.1)),
                max(|r: &Rec| Some(r.1)),
                count_distinct(|r: &Rec| Some(r.1)),
                bag(
                    |r: &Rec| Some(r.1),
                    |vs: &[i16]| vs.iter().rev().take(2).copied().collect(),
                ),
            ),
            |k, (c, cs, s, av, mn, mx, cd, top)| {
                (*k, c, cs, s, av.map(f64::to_bits), mn, mx, cd, top)
            },
        )
        .output()
}

fn distinct<'a>(a: Stream<'a, Rec>, _b: Stream<'a, Rec>) -> OutputHandle<Rec> {
    a.distinct("d").output()
}

type JoinOut = (Option<Rec>, Option<Rec>);

fn key(r: &Rec) -> Option<u8> {
    r.0
}

fn join_inner<'a>(a: Stream<'a, Rec>, b: Stream<'a, Rec>) -> OutputHandle<JoinOut> {
    a.key_by(key)
        .join_inner("j", b.key_by(key), |l, r| (Some(*l), Some(*r)))
        .output()
}

fn join_left<'a>(a: Stream<'a, Rec>, b: Stream<'a, Rec>) -> OutputHandle<JoinOut> {
    a.key_by(key)
        .join_left("j", b.key_by(key), |l, r| (Some(*l), r.copied()))
        .output()
}

fn join_right<'a>(a: Stream<'a, Rec>, b: Stream<'a, Rec>) -> OutputHandle<JoinOut> {
    a.key_by(key)
        .join_right("j", b.key_by(key), |l, r| (l.copied(), Some(*r)))
        .output()
}

fn join_full<'a>(a: Stream<'a, Rec>, b: Stream<'a, Rec>) -> OutputHandle<JoinOut> {
    a.key_by(key)
        .join_full("j", b.key_by(key), |l, r| (l.copied(), r.copied()))
        .output()
}

fn cogroup<'a>(
    a: Stream<'a, Rec>,
    b: Stream<'a, Rec>,
) -> OutputHandle<(Option<u8>, Vec<Rec>, Vec<Rec>)> {
    a.key_by(key)
        .cogroup("cg", b.key_by(key), |k, xs, ys| {
            (*k, xs.to_vec(), ys.to_vec())
        })
        .output()
}

fn top_n<'a>(a: Stream<'a, Rec>, _b: Stream<'a, Rec>) -> OutputHandle<Rec> {
    a.top_n("top", 3, |r| std::cmp::Reverse(r.1)).output()
}

fn limit<'a>(a: Stream<'a, Rec>, _b: Stream<'a, Rec>) -> OutputHandle<Rec> {
    a.limit("lim", 2).output()
}

fn cross<'a>(a: Stream<'a, Rec>, b: Stream<'a, Rec>) -> OutputHandle<(Rec, Rec)> {
    a.cross("x", &b, |l, r| (*l, *r)).output()
}

/// group → join → distinct → top-n: per key counts, joined back to the other input by key, the distinct
/// (key, count, value) rows, and the top 4 by count then value.
fn chained<'a>(a: Stream<'a, Rec>, b: Stream<'a, Rec>) -> OutputHandle<(Option<u8>, i64, i16)> {
    let counts = a
        .key_by(|r| r.0)
        .aggregate("g", count_star(), |k, n| (*k, n));
    counts
        .key_by(|c: &(Option<u8>, i64)| c.0)
        .join_left("j", b.key_by(key), |c, r| (c.0, c.1, r.map_or(0, |r| r.1)))
        .filter(|r| r.1 > 0)
        .distinct("d")
        .top_n("t", 4, |r| (std::cmp::Reverse(r.1), r.2))
        .output()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn aggregate_is_equivalent(c in changes(), k in cuts()) { check(aggregate, &c, &k); }
    #[test]
    fn distinct_is_equivalent(c in changes(), k in cuts()) { check(distinct, &c, &k); }
    #[test]
    fn inner_join_is_equivalent(c in changes(), k in cuts()) { check(join_inner, &c, &k); }
    #[test]
    fn left_join_is_equivalent(c in changes(), k in cuts()) { check(join_left, &c, &k); }
    #[test]
    fn right_join_is_equivalent(c in changes(), k in cuts()) { check(join_right, &c, &k); }
    #[test]
    fn full_join_is_equivalent(c in changes(), k in cuts()) { check(join_full, &c, &k); }
    #[test]
    fn cogroup_is_equivalent(c in changes(), k in cuts()) { check(cogroup, &c, &k); }
    #[test]
    fn top_n_is_equivalent(c in changes(), k in cuts()) { check(top_n, &c, &k); }
    #[test]
    fn limit_is_equivalent(c in changes(), k in cuts()) { check(limit, &c, &k); }
    #[test]
    fn cross_is_equivalent(c in changes(), k in cuts()) { check(cross, &c, &k); }
    #[test]
    fn chained_pipeline_is_equivalent(c in changes(), k in cuts()) { check(chained, &c, &k); }
}
