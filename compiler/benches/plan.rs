//! Optimizing + physical planning of a generated 1,000-line script (target: < 20 ms together).
//! Parsing and logical planning happen once, outside the measurement.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use pigc::optimize::{optimize, OptimizerConfig};
use pigc::parse::{parse_script, Params};
use pigc::physical::{plan_physical, Mode};
use pigc::plan::{build_plan, LogicalPlan};
use std::hint::black_box;

/// A script of exactly `lines` lines cycling through blocks that give every rule work: wide loads
/// (pruning), stacked filters and projections (merging, push-down), constant conditions (folding),
/// aggregates, joins with side-specific filters, DISTINCT over unique input, LIMITs over UNION.
fn generate_script(lines: usize) -> String {
    let mut out = vec!["SET pigc.retention '2d';".to_string()];
    let mut b = 0;
    while out.len() < lines {
        out.extend([
            format!("a{b} = LOAD 'in{b}' USING PigStorage(',') AS (id:int, k:chararray, x:int, y:double, ts:long, name:chararray, pad:chararray);"),
            format!("b{b} = FILTER a{b} BY x > {b} AND 1 == 1;"),
            format!("c{b} = FOREACH b{b} GENERATE id, k, x * 2 AS x2, y, ts;"),
            format!("d{b} = FILTER c{b} BY x2 < 1000 AND (k IS NOT NULL OR 2 > 3);"),
            format!("e{b} = FOREACH d{b} GENERATE id, k, x2 + 1 AS x3, y;"),
            format!("g{b} = GROUP e{b} BY k;"),
            format!("s{b} = FOREACH g{b} GENERATE group AS k, COUNT(e{b}) AS n, SUM(e{b}.y) AS total, MAX(e{b}.x3) AS top;"),
            format!("u{b} = DISTINCT s{b};"),
            format!("j{b} = JOIN u{b} BY k, a{b} BY k;"),
            format!("f{b} = FILTER j{b} BY u{b}::n > 1 AND a{b}::x < 5 AND u{b}::total > a{b}::y;"),
            format!("l{b} = LIMIT f{b} 100;"),
            format!("m{b} = LIMIT l{b} 10;"),
            format!("STORE m{b} INTO 'out{b}';"),
        ]);
        b += 1;
    }
    out.truncate(lines);
    // The last block may be cut short: make sure every alias that exists is stored or used.
    out.push(format!("STORE a0 INTO 'tail{b}';"));
    out.join("\n")
}

fn planned(lines: usize) -> LogicalPlan {
    let script = generate_script(lines);
    let parsed = parse_script(&script, "bench.pig", &Params::default());
    assert!(!parsed.has_errors(), "{}", parsed.render_diagnostics());
    match build_plan(&parsed.script, "bench.pig") {
        Ok(p) => p.plan,
        Err(d) => panic!("{}", d.render("bench.pig", &parsed.source)),
    }
}

fn bench(c: &mut Criterion) {
    let plan = planned(1_000);
    let config = OptimizerConfig::default();
    let mut group = c.benchmark_group("plan");
    group.bench_function("optimize+physical/1000 lines", |b| {
        b.iter_batched(
            || plan.clone(),
            |p| {
                let optimized = optimize(p, &config).expect("optimizes");
                let physical = plan_physical(&optimized.plan, Mode::Both).expect("plans");
                // Both plans are returned so that freeing them is not measured.
                black_box((optimized, physical))
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("optimize/1000 lines", |b| {
        b.iter_batched(
            || plan.clone(),
            |p| black_box(optimize(p, &config).expect("optimizes")),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
