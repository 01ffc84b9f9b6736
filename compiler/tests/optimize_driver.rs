//! The optimizer driver: a rule that changes what a STORE writes is reported by name; `none()` leaves
//! the plan alone; a rule that never stops changing the plan hits the pass limit.

use pigc::optimize::{optimize, OptimizeError, OptimizerConfig, Rewrite, Rule};
use pigc::parse::{parse_script, Params};
use pigc::plan::{build_plan, LogicalOp, LogicalPlan, Type};

fn plan(source: &str) -> LogicalPlan {
    let parsed = parse_script(source, "t.pig", &Params::default());
    assert!(!parsed.has_errors(), "{}", parsed.render_diagnostics());
    build_plan(&parsed.script, "t.pig")
        .unwrap_or_else(|d| panic!("{}", d.render("t.pig", source)))
        .plan
}

const SCRIPT: &str =
    "a = LOAD 'a' AS (x:int, y:int);\nb = FILTER a BY x > 1 AND 1 == 1;\nSTORE b INTO 'out';\n";

/// A buggy rule: retypes the first field of every FILTER's output.
struct RetypeFilterOutput;

impl Rule for RetypeFilterOutput {
    fn name(&self) -> &'static str {
        "retype_filter_output"
    }
    fn rewrite(&self, plan: &mut LogicalPlan) -> Vec<Rewrite> {
        let filters: Vec<_> = plan
            .graph
            .node_indices()
            .filter(|n| matches!(plan.graph[*n].op, LogicalOp::Filter { .. }))
            .collect();
        for n in &filters {
            plan.graph[*n].schema.fields[0].ty = Type::Long;
        }
        filters
            .into_iter()
            .map(|n| Rewrite::new(n, "retyped"))
            .collect()
    }
}

/// A rule that always claims a change.
struct Restless;

impl Rule for Restless {
    fn name(&self) -> &'static str {
        "restless"
    }
    fn rewrite(&self, plan: &mut LogicalPlan) -> Vec<Rewrite> {
        plan.graph
            .node_indices()
            .take(1)
            .map(|n| Rewrite::new(n, "nothing really"))
            .collect()
    }
}

#[test]
fn a_rule_that_changes_a_sink_schema_is_named() {
    let config = OptimizerConfig {
        rules: vec![Box::new(RetypeFilterOutput)],
        max_passes: 4,
    };
    match optimize(plan(SCRIPT), &config) {
        Err(e @ OptimizeError::SchemaChanged { rule, .. }) => {
            assert_eq!(rule, "retype_filter_output");
            assert!(e.to_string().contains("STORE \"out\""), "{e}");
        }
        other => panic!("expected SchemaChanged, got {other:?}"),
    }
}

#[test]
fn none_leaves_the_plan_unchanged() {
    let before = plan(SCRIPT);
    let text = before.to_string();
    let out = optimize(before, &OptimizerConfig::none()).unwrap();
    assert!(out.trace.is_empty());
    assert_eq!(out.plan.to_string(), text);
    let folded = optimize(plan(SCRIPT), &OptimizerConfig::only(&["constant_folding"])).unwrap();
    assert!(!folded.trace.is_empty());
    assert_ne!(folded.plan.to_string(), text);
    let without = OptimizerConfig::without(&["constant_folding"]);
    assert!(without.rules.iter().all(|r| r.name() != "constant_folding"));
}

#[test]
fn the_pass_limit_stops_a_rule_that_never_settles() {
    let config = OptimizerConfig {
        rules: vec![Box::new(Restless)],
        max_passes: 3,
    };
    let out = optimize(plan(SCRIPT), &config).unwrap();
    assert!(out.hit_pass_limit);
    assert_eq!(out.passes, 3);
    assert_eq!(out.trace.len(), 3);
}
