//! Unit tests of the stateful operators through the public API: nulls, duplicates, retractions and the
//! retraction of outer-join padding.

use pigc_runtime::prelude::*;

fn consolidated<T: Ord>(mut v: Vec<(T, Weight)>) -> Vec<(T, Weight)> {
    consolidate(&mut v);
    v
}

type L = (Option<i32>, &'static str);

type Side = InputHandle<(Option<i32>, String)>;
type JoinFixture = (
    Dataflow,
    Side,
    Side,
    OutputHandle<(Option<String>, Option<String>)>,
);

fn join_fixture(kind: &str) -> JoinFixture {
    let df = Dataflow::new();
    let (l, li) = df.input::<(Option<i32>, String)>("l");
    let (r, ri) = df.input::<(Option<i32>, String)>("r");
    let lk = l.key_by(|x| x.0);
    let rk = r.key_by(|x| x.0);
    let out = match kind {
        "inner" => lk.join_inner("j", rk, |a, b| (Some(a.1.clone()), Some(b.1.clone()))),
        "left" => lk.join_left("j", rk, |a, b| (Some(a.1.clone()), b.map(|b| b.1.clone()))),
        "right" => lk.join_right("j", rk, |a, b| (a.map(|a| a.1.clone()), Some(b.1.clone()))),
        _ => lk.join_full("j", rk, |a, b| {
            (a.map(|a| a.1.clone()), b.map(|b| b.1.clone()))
        }),
    }
    .output();
    (df, li, ri, out)
}

fn s(x: &str) -> Option<String> {
    Some(x.to_owned())
}

fn rows(l: &[L]) -> Vec<((Option<i32>, String), Weight)> {
    l.iter().map(|(k, v)| ((*k, (*v).to_owned()), 1)).collect()
}

#[test]
fn inner_join_drops_null_keys_and_keeps_duplicates() {
    let (mut df, li, ri, out) = join_fixture("inner");
    li.push_all(rows(&[
        (Some(1), "a"),
        (Some(1), "a"),
        (None, "n"),
        (Some(2), "b"),
    ]));
    ri.push_all(rows(&[(Some(1), "x"), (None, "m")]));
    df.step();
    assert_eq!(consolidated(out.take()), vec![((s("a"), s("x")), 2)]);
    ri.push_all([((Some(1), "x".to_owned()), -1)]);
    df.step();
    assert_eq!(consolidated(out.take()), vec![((s("a"), s("x")), -2)]);
}

#[test]
fn left_join_retracts_padding_when_a_match_arrives_and_restores_it() {
    let (mut df, li, ri, out) = join_fixture("left");
    li.push_all(rows(&[(Some(1), "a"), (None, "n")]));
    df.step();
    assert_eq!(
        consolidated(out.take()),
        vec![((s("a"), None), 1), ((s("n"), None), 1)]
    );
    ri.push_all(rows(&[(Some(1), "x"), (Some(1), "y")]));
    df.step();
    assert_eq!(
        consolidated(out.take()),
        vec![
            ((s("a"), None), -1),
            ((s("a"), s("x")), 1),
            ((s("a"), s("y")), 1)
        ]
    );
    ri.push_all([
        ((Some(1), "x".to_owned()), -1),
        ((Some(1), "y".to_owned()), -1),
    ]);
    df.step();
    assert_eq!(
        consolidated(out.take()),
        vec![
            ((s("a"), None), 1),
            ((s("a"), s("x")), -1),
            ((s("a"), s("y")), -1)
        ]
    );
}

#[test]
fn right_and_full_joins_pad_both_ways() {
    let (mut df, li, ri, out) = join_fixture("right");
    ri.push_all(rows(&[(Some(1), "x"), (None, "m")]));
    li.push_all(rows(&[(Some(2), "b")]));
    df.step();
    assert_eq!(
        consolidated(out.take()),
        vec![((None, s("m")), 1), ((None, s("x")), 1)]
    );
    li.push_all(rows(&[(Some(1), "a")]));
    df.step();
    assert_eq!(
        consolidated(out.take()),
        vec![((None, s("x")), -1), ((s("a"), s("x")), 1)]
    );

    let (mut df, li, ri, out) = join_fixture("full");
    li.push_all(rows(&[(Some(1), "a"), (Some(2), "b"), (None, "n")]));
    ri.push_all(rows(&[(Some(2), "y"), (Some(3), "z"), (None, "m")]));
    df.step();
    assert_eq!(
        consolidated(out.take()),
        vec![
            ((None, s("m")), 1),
            ((None, s("z")), 1),
            ((s("a"), None), 1),
            ((s("b"), s("y")), 1),
            ((s("n"), None), 1),
        ]
    );
    // The last left row of key 2 leaves: its right row is padded again.
    li.push_all([((Some(2), "b".to_owned()), -1)]);
    df.step();
    assert_eq!(
        consolidated(out.take()),
        vec![((None, s("y")), 1), ((s("b"), s("y")), -1)]
    );
}

#[test]
fn cogroup_emits_both_bags_and_their_changes() {
    let mut df = Dataflow::new();
    let (a, ai) = df.input::<(i32, i32)>("a");
    let (b, bi) = df.input::<(i32, char)>("b");
    let out = a
        .key_by(|r| r.0)
        .cogroup("cg", b.key_by(|r| r.0), |k, xs, ys| {
            (
                *k,
                xs.iter().map(|x| x.1).collect::<Vec<_>>(),
                ys.iter().map(|y| y.1).collect::<Vec<_>>(),
            )
        })
        .output();
    ai.insert_all([(1, 10), (1, 10), (2, 20)]);
    bi.insert_all([(1, 'x'), (3, 'z')]);
    df.step();
    assert_eq!(
        consolidated(out.take()),
        vec![
            ((1, vec![10, 10], vec!['x']), 1),
            ((2, vec![20], vec![]), 1),
            ((3, vec![], vec!['z']), 1),
        ]
    );
    bi.push_all([((3, 'z'), -1)]);
    ai.push_all([((1, 10), -1)]);
    df.step();
    assert_eq!(
        consolidated(out.take()),
        vec![
            ((1, vec![10], vec!['x']), 1),
            ((1, vec![10, 10], vec!['x']), -1),
            ((3, vec![], vec!['z']), -1),
        ]
    );
}

#[test]
fn top_n_and_limit_follow_retractions() {
    let mut df = Dataflow::new();
    let (s, input) = df.input::<(String, i64)>("s");
    let top = s.top_n("top", 2, |r| std::cmp::Reverse(r.1)).output();
    let lim = s.limit("lim", 1).output();
    let row = |n: &str, v: i64| (n.to_owned(), v);
    input.insert_all([row("a", 5), row("b", 9), row("c", 7), row("d", 9)]);
    df.step();
    assert_eq!(
        consolidated(top.take()),
        vec![(row("b", 9), 1), (row("d", 9), 1)]
    );
    assert_eq!(lim.take(), vec![(row("a", 5), 1)]);
    input.push_all([(row("b", 9), -1), (row("a", 5), -1)]);
    df.step();
    assert_eq!(
        consolidated(top.take()),
        vec![(row("b", 9), -1), (row("c", 7), 1)]
    );
    assert_eq!(
        consolidated(lim.take()),
        vec![(row("a", 5), -1), (row("c", 7), 1)]
    );
}

#[test]
fn top_n_counts_duplicates() {
    let mut df = Dataflow::new();
    let (s, input) = df.input::<i64>("s");
    let top = s.top_n("top", 3, |r| *r).output();
    input.push_all([(1, 2), (2, 5)]);
    df.step();
    assert_eq!(consolidated(top.take()), vec![(1, 2), (2, 1)]);
}

#[test]
fn cross_pairs_every_row_incrementally() {
    let mut df = Dataflow::new();
    let (a, ai) = df.input::<i32>("a");
    let (b, bi) = df.input::<char>("b");
    let out = a.cross("x", &b, |x, y| (*x, *y)).output();
    ai.insert_all([1, 2]);
    bi.insert_all(['p']);
    df.step();
    assert_eq!(consolidated(out.take()), vec![((1, 'p'), 1), ((2, 'p'), 1)]);
    bi.insert_all(['q']);
    ai.push_all([(1, -1)]);
    df.step();
    assert_eq!(
        consolidated(out.take()),
        vec![((1, 'p'), -1), ((2, 'q'), 1)]
    );
}

#[test]
fn duplicate_operator_ids_are_rejected() {
    let df = Dataflow::new();
    let (a, _) = df.input::<i32>("a");
    let _ = a.distinct("same");
    let _ = a.distinct("same");
    assert!(df.validate().is_err());
}

#[test]
fn nested_bag_function_per_group() {
    // FOREACH (GROUP x BY k) { d = DISTINCT x.v; o = ORDER d BY v DESC; l = LIMIT o 2; GENERATE group, l; }
    let mut df = Dataflow::new();
    let (s, input) = df.input::<(i32, i32)>("s");
    let out = s
        .key_by(|r| r.0)
        .aggregate(
            "g",
            bag(
                |r: &(i32, i32)| Some(r.1),
                |vs: &[i32]| {
                    let mut d = vs.to_vec();
                    d.dedup();
                    d.into_iter().rev().take(2).collect::<Vec<_>>()
                },
            ),
            |k, top| (*k, top),
        )
        .output();
    input.insert_all([(1, 3), (1, 3), (1, 1), (1, 2), (2, 5)]);
    df.step();
    assert_eq!(
        consolidated(out.take()),
        vec![((1, vec![3, 2]), 1), ((2, vec![5]), 1)]
    );
    input.push_all([((1, 3), -1)]);
    df.step();
    assert!(
        out.take().is_empty(),
        "a duplicate's retraction changes nothing"
    );
    input.push_all([((1, 3), -1)]);
    df.step();
    assert_eq!(
        consolidated(out.take()),
        vec![((1, vec![2, 1]), 1), ((1, vec![3, 2]), -1)]
    );
}
