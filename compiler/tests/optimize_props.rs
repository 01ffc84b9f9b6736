//! Property tests over generated scripts (chains of FILTER, FOREACH, DISTINCT, UNION, LIMIT, ORDER,
//! JOIN and GROUP over two loads): the optimizer reaches a fixpoint without changing any STORE's
//! schema, a second run finds nothing to do, and physical planning succeeds for batch and both modes.

use pigc::optimize::{optimize, OptimizerConfig};
use pigc::parse::{parse_script, Params};
use pigc::physical::{plan_physical, Mode};
use pigc::plan::build_plan;
use proptest::prelude::*;

/// One step: an operator over earlier relations (by index), all with schema (x:int, y:int, s:chararray).
#[derive(Debug, Clone)]
enum Step {
    Filter(usize, usize),
    ForEach(usize, bool),
    Distinct(usize),
    Union(usize, usize),
    Limit(usize, u8),
    Order(usize),
    Join(usize, usize, usize),
    Group(usize),
}

const PREDICATES: &[&str] = &[
    "x > 3",
    "y IS NULL",
    "s == 'k' AND x < 10",
    "1 == 1",
    "x > 2 OR null",
    "NOT (y < x)",
    "RANDOM() < 0.5",
    "(2 > 1) AND y >= x",
    "s IS NOT NULL AND false",
];

const JOINS: &[&str] = &["", " LEFT OUTER", " RIGHT OUTER", " FULL OUTER"];

fn step() -> impl Strategy<Value = Step> {
    let i = 0usize..64;
    prop_oneof![
        (i.clone(), 0..PREDICATES.len()).prop_map(|(a, p)| Step::Filter(a, p)),
        (i.clone(), any::<bool>()).prop_map(|(a, swap)| Step::ForEach(a, swap)),
        i.clone().prop_map(Step::Distinct),
        (i.clone(), i.clone()).prop_map(|(a, b)| Step::Union(a, b)),
        (i.clone(), 1u8..20).prop_map(|(a, n)| Step::Limit(a, n)),
        i.clone().prop_map(Step::Order),
        (i.clone(), i.clone(), 0..JOINS.len()).prop_map(|(a, b, k)| Step::Join(a, b, k)),
        i.prop_map(Step::Group),
    ]
}

fn script(steps: &[Step], stores: &[usize]) -> String {
    let mut lines = vec![
        "r0 = LOAD 'a' AS (x:int, y:int, s:chararray);".to_string(),
        "r1 = LOAD 'b' AS (x:int, y:int, s:chararray);".to_string(),
    ];
    let mut n = 2;
    for s in steps {
        let pick = |i: usize| format!("r{}", i % n);
        let line = match s {
            Step::Filter(a, p) => format!("r{n} = FILTER {} BY {};", pick(*a), PREDICATES[*p]),
            Step::ForEach(a, false) => {
                format!("r{n} = FOREACH {} GENERATE x + 1 AS x, y, s;", pick(*a))
            }
            Step::ForEach(a, true) => {
                format!(
                    "r{n} = FOREACH {} GENERATE y AS x, x AS y, UPPER(s) AS s;",
                    pick(*a)
                )
            }
            Step::Distinct(a) => format!("r{n} = DISTINCT {};", pick(*a)),
            Step::Union(a, b) => format!("r{n} = UNION {}, {};", pick(*a), pick(*b)),
            Step::Limit(a, k) => format!("r{n} = LIMIT {} {k};", pick(*a)),
            Step::Order(a) => format!("r{n} = ORDER {} BY x DESC, s;", pick(*a)),
            Step::Join(a, b, k) => {
                let (l, r) = (pick(*a), pick(*b));
                if l == r {
                    format!("r{n} = FILTER {l} BY x IS NOT NULL;")
                } else {
                    lines.push(format!("j{n} = JOIN {l} BY x{}, {r} BY x;", JOINS[*k]));
                    format!("r{n} = FOREACH j{n} GENERATE {l}::x AS x, {r}::y AS y, {l}::s AS s;")
                }
            }
            Step::Group(a) => {
                let g = pick(*a);
                lines.push(format!("g{n} = GROUP {g} BY s;"));
                format!("r{n} = FOREACH g{n} GENERATE (int)COUNT({g}) AS x, (int)SUM({g}.y) AS y, group AS s;")
            }
        };
        lines.push(line);
        n += 1;
    }
    let mut stored: Vec<usize> = stores.iter().map(|i| i % n).collect();
    stored.push(n - 1);
    stored.sort_unstable();
    stored.dedup();
    for i in stored {
        lines.push(format!("STORE r{i} INTO 'out{i}';"));
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn optimizer_reaches_a_fixpoint_and_plans(
        steps in prop::collection::vec(step(), 1..14),
        stores in prop::collection::vec(0usize..64, 0..3),
    ) {
        let text = script(&steps, &stores);
        let parsed = parse_script(&text, "p.pig", &Params::default());
        prop_assert!(!parsed.has_errors(), "{}\n{}", text, parsed.render_diagnostics());
        let planned = build_plan(&parsed.script, "p.pig");
        let plan = match planned {
            Ok(p) => p.plan,
            Err(d) => return Err(TestCaseError::fail(format!("{text}\n{}", d.render("p.pig", &text)))),
        };
        let once = optimize(plan, &OptimizerConfig::default())
            .map_err(|e| TestCaseError::fail(format!("{text}\n{e}")))?;
        prop_assert!(!once.hit_pass_limit, "{}", text);
        let again = optimize(once.plan.clone(), &OptimizerConfig::default())
            .map_err(|e| TestCaseError::fail(format!("{text}\n{e}")))?;
        prop_assert!(again.trace.is_empty(), "{}\nsecond run: {:?}", text, again.trace);
        for mode in [Mode::Batch, Mode::Both] {
            let physical = plan_physical(&once.plan, mode);
            prop_assert!(physical.is_ok(), "{}\n{:?}", text, physical.err().map(|d| d.render("p.pig", &text)));
        }
    }
}
