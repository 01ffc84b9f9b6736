//! Batch/incremental equivalence (design.md §4) of relations used as scalars (`with_scalar`,
//! `top_n_scalar`, `sample_scalar`) and of the n-way COGROUP that generated code builds from a tagged
//! union and one bag accumulator per input, by property: for random inputs with duplicates, nulls and
//! retractions, split into random chunks, applying the incremental run's output changes to an empty
//! table gives, after every chunk, exactly the batch run's output over the input consumed so far. The
//! scalars are computed in the same circuit (`GROUP … ALL` aggregates), so they change from chunk to
//! chunk and every row derived from them must be retracted and derived again.

use pigc_runtime::data::{Bag, PigText};
use pigc_runtime::prelude::*;
use proptest::prelude::*;

mod equivalence_support;
use equivalence_support::{check, cuts};
use serde::{Deserialize, Serialize};

/// `(key, value)`: few keys, sometimes null.
type Rec = (Option<u8>, i16);

/// Valid changes: inserts, and retractions of records inserted earlier.
fn changes() -> impl Strategy<Value = Vec<(Rec, Weight)>> {
    let rec = (prop::option::weighted(0.8, 0u8..4), -3i16..5);
    equivalence_support::changes(rec)
}

/// The one row of `t = FOREACH (GROUP s ALL) GENERATE SUM(s.value) AS total, COUNT_STAR(s) AS n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Totals {
    total: Option<i64>,
    n: i64,
}

impl PigText for Totals {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        self.total.write_text(out);
        out.push(b',');
        self.n.write_text(out);
        out.push(b')');
    }
}

/// `t`: one row while `s` is not empty.
fn totals<'a>(s: &Stream<'a, Rec>) -> Stream<'a, Totals> {
    s.key_by(|_| ()).aggregate(
        "totals",
        (sum(|r: &Rec| Some(i64::from(r.1))), count_star()),
        |_, (total, n)| Totals { total, n },
    )
}

/// `FOREACH s GENERATE key, value, value - t.total`.
fn minus_total<'a>(s: Stream<'a, Rec>) -> OutputHandle<(Option<u8>, i16, Option<i64>)> {
    s.with_scalar("minus_total", &totals(&s), "t")
        .map(|r| {
            let total = r.scalar.and_then(|t| t.total);
            (r.0, r.1, total.map(|t| i64::from(r.1) - t))
        })
        .output()
}

/// `FILTER s BY value * t.n > t.total` (above the average), rows unchanged.
fn above_average<'a>(s: Stream<'a, Rec>) -> OutputHandle<Rec> {
    s.with_scalar("above", &totals(&s), "t")
        .filter(|r| {
            r.scalar
                .and_then(|t| t.total.map(|total| i64::from(r.1) * t.n > total))
                == Some(true)
        })
        .map(|r| r.row)
        .output()
}

/// `top = ORDER s BY value DESC; LIMIT top t.n / 2`.
fn top_half<'a>(s: Stream<'a, Rec>) -> OutputHandle<Rec> {
    s.top_n_scalar(
        "top_half",
        &totals(&s),
        "t",
        |t| t.map(|t| t.n / 2),
        |r| (std::cmp::Reverse(r.1), r.0),
    )
    .output()
}

/// `SAMPLE s (double)(t.n % 4) / 4`: the fraction changes with the input.
fn sampled<'a>(s: Stream<'a, Rec>) -> OutputHandle<Rec> {
    s.sample_scalar("sampled", &totals(&s), "t", |t| {
        t.map(|t| (t.n % 4) as f64 / 4.0)
    })
    .output()
}

/// A row of one of three inputs tagged with its COGROUP key, as generated code builds it.
type Tagged = (
    Option<u8>,
    Option<u8>,
    Option<Rec>,
    Option<Rec>,
    Option<Rec>,
);

/// `(group, lo, mid, hi)`.
type Groups = (Option<u8>, Bag<Rec>, Bag<Rec>, Bag<Rec>);

/// `COGROUP lo BY key, mid BY key, hi BY key` over three relations split from `s` by value, with
/// null keys tagged by input, then `GENERATE group, lo, mid, hi`.
fn cogroup3<'a>(s: Stream<'a, Rec>) -> OutputHandle<Groups> {
    let tag = |input: u8, r: &Rec| -> Tagged {
        let null = r.0.is_none().then_some(input);
        match input {
            0 => (r.0, null, Some(*r), None, None),
            1 => (r.0, null, None, Some(*r), None),
            _ => (r.0, null, None, None, Some(*r)),
        }
    };
    let [lo, mid, hi] = s.split(|r| [r.1 < 0, (0..2).contains(&r.1), r.1 >= 2]);
    let bag = |rows: &[Rec]| Bag::from_vec(rows.to_vec());
    lo.map(move |r| tag(0, r))
        .union_many([&mid.map(move |r| tag(1, r)), &hi.map(move |r| tag(2, r))])
        .key_by(|t| (t.0, t.1))
        .aggregate(
            "cg",
            (
                pigc_runtime::operators::bag(|t: &Tagged| t.2, bag),
                pigc_runtime::operators::bag(|t: &Tagged| t.3, bag),
                pigc_runtime::operators::bag(|t: &Tagged| t.4, bag),
            ),
            |k, (a, b, c)| (k.0, a, b, c),
        )
        .output()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_row_minus_a_scalar(changes in changes(), cuts in cuts()) {
        check(minus_total, &changes, &cuts);
    }

    #[test]
    fn a_filter_against_a_scalar(changes in changes(), cuts in cuts()) {
        check(above_average, &changes, &cuts);
    }

    #[test]
    fn a_limit_by_a_scalar(changes in changes(), cuts in cuts()) {
        check(top_half, &changes, &cuts);
    }

    #[test]
    fn a_sample_by_a_scalar(changes in changes(), cuts in cuts()) {
        check(sampled, &changes, &cuts);
    }

    #[test]
    fn a_three_way_cogroup(changes in changes(), cuts in cuts()) {
        check(cogroup3, &changes, &cuts);
    }
}
