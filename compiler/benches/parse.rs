//! Parser throughput: a generated 1,000-line script must parse in well under 10 ms.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pigc::parse::{parse_script, Params};
use std::fmt::Write as _;
use std::hint::black_box;

/// A realistic script of exactly `lines` lines: loads, filters, groups with nested FOREACH
/// blocks, joins and stores, cycling through the common statement forms.
fn generate_script(lines: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut block = 0;
    while n < lines {
        let b = block;
        let chunk = [
            format!("raw{b} = LOAD '/data/events/{b}' USING PigStorage('\\t') AS (user:chararray, ts:long, amount:double, tags:bag{{t:(tag:chararray)}}, props:map[chararray]);"),
            format!("valid{b} = FILTER raw{b} BY amount IS NOT NULL AND (ts > 1000L OR user MATCHES 'u.*') AND props#'country' IN ('de', 'fr');"),
            format!("proj{b} = FOREACH valid{b} GENERATE user, ts / 1000 AS sec:long, (amount > 10.0 ? 'big' : 'small') AS size, FLATTEN(tags) AS tag;"),
            format!("grp{b} = GROUP proj{b} BY (user, size) PARALLEL 4;"),
            format!("agg{b} = FOREACH grp{b} {{"),
            format!("    top{b} = ORDER proj{b} BY sec DESC;"),
            format!("    few{b} = LIMIT top{b} 3;"),
            format!("    GENERATE FLATTEN(group) AS (user, size), COUNT(proj{b}) AS n, SUM(proj{b}.sec) AS total, few{b};"),
            "};".to_string(),
            format!("joined{b} = JOIN agg{b} BY user LEFT OUTER, raw{b} BY user USING 'replicated';"),
            format!("cased{b} = FOREACH joined{b} GENERATE CASE WHEN n > 10 THEN 'many' WHEN n > 1 THEN 'some' ELSE 'one' END, (int)total * 2 + 1 % 3;"),
            format!("STORE cased{b} INTO '/out/{b}' USING PigStorage(',');"),
        ];
        for line in chunk {
            if n == lines {
                break;
            }
            let _ = writeln!(out, "{line}");
            n += 1;
        }
        block += 1;
    }
    out
}

fn bench_parse(c: &mut Criterion) {
    let script = generate_script(1000);
    let params = Params::new();
    let parsed = parse_script(&script, "bench.pig", &params);
    assert!(
        !parsed.has_errors(),
        "benchmark script must parse:\n{}",
        parsed.render_diagnostics()
    );
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(script.len() as u64));
    group.bench_function("1000_line_script", |b| {
        b.iter(|| parse_script(black_box(&script), "bench.pig", &params))
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
