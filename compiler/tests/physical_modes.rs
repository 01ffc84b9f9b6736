//! Mode-dependent physical planning: ORDER without LIMIT is a stream-mode error naming its line, a
//! blocker in a both-modes plan and fine in batch; batch plans have no exchanges; unbounded state is
//! warned about only when streaming; retention makes state evictable.

use pigc::optimize::{optimize, OptimizerConfig};
use pigc::parse::{parse_script, Params};
use pigc::physical::{plan_physical, Eviction, Mode, PhysicalOp, PhysicalPlan};
use pigc::plan::build_plan;

fn physical(source: &str, mode: Mode) -> Result<PhysicalPlan, String> {
    let parsed = parse_script(source, "t.pig", &Params::default());
    assert!(!parsed.has_errors(), "{}", parsed.render_diagnostics());
    let planned = build_plan(&parsed.script, "t.pig")
        .unwrap_or_else(|d| panic!("{}", d.render("t.pig", &parsed.source)));
    let optimized =
        optimize(planned.plan, &OptimizerConfig::default()).unwrap_or_else(|e| panic!("{e}"));
    plan_physical(&optimized.plan, mode).map_err(|d| d.render("t.pig", source))
}

const ORDER: &str =
    "a = LOAD 'a' AS (x:int, y:chararray);\nb = ORDER a BY x;\nSTORE b INTO 'out';\n";

#[test]
fn order_without_limit_depends_on_mode() {
    let err = physical(ORDER, Mode::Stream).unwrap_err();
    assert!(err.contains("t.pig:2:"), "{err}");
    assert!(err.contains("ORDER without LIMIT"), "{err}");
    let both = physical(ORDER, Mode::Both).unwrap();
    assert_eq!(both.stream_blockers.len(), 1);
    assert_eq!(both.stream_blockers[0].span.line, 2);
    let batch = physical(ORDER, Mode::Batch).unwrap();
    assert!(batch.stream_blockers.is_empty());
    assert!(batch.nodes.iter().any(|n| matches!(
        &n.op,
        PhysicalOp::Sink {
            mode: pigc::physical::SinkMode::Sorted { .. },
            ..
        }
    )));
}

#[test]
fn order_limit_is_a_top_n_in_stream_mode() {
    let src =
        "a = LOAD 'a' AS (x:int);\nb = ORDER a BY x DESC;\nc = LIMIT b 3;\nSTORE c INTO 'out';\n";
    let plan = physical(src, Mode::Stream).unwrap();
    assert!(plan
        .nodes
        .iter()
        .any(|n| matches!(n.op, PhysicalOp::TopN { .. })));
    assert!(!plan
        .nodes
        .iter()
        .any(|n| matches!(n.op, PhysicalOp::Sort { .. })));
}

const GROUP: &str = "a = LOAD 'a' AS (k:chararray, ts:long);\ng = GROUP a BY k;\nc = FOREACH g GENERATE group, COUNT(a);\nSTORE c INTO 'out';\n";

#[test]
fn batch_plans_have_no_exchanges_and_no_state_warnings() {
    let batch = physical(GROUP, Mode::Batch).unwrap();
    assert!(!batch
        .nodes
        .iter()
        .any(|n| matches!(n.op, PhysicalOp::Exchange { .. })));
    assert!(batch.warnings.is_empty());
    let stream = physical(GROUP, Mode::Stream).unwrap();
    assert!(stream
        .nodes
        .iter()
        .any(|n| matches!(n.op, PhysicalOp::Exchange { .. })));
    assert!(
        !stream.warnings.is_empty(),
        "unbounded state must be warned about"
    );
}

#[test]
fn retention_bounds_aggregate_state() {
    let src = format!("SET pigc.event_time 'a.ts';\nSET pigc.retention '1h';\n{GROUP}");
    let plan = physical(&src, Mode::Stream).unwrap();
    assert!(plan.warnings.is_empty());
    let agg = plan
        .nodes
        .iter()
        .find(|n| matches!(n.op, PhysicalOp::Aggregate { .. }))
        .unwrap();
    match &agg.state.as_ref().unwrap().eviction {
        Eviction::Retention {
            event_time,
            retention,
        } => {
            assert_eq!(event_time, &vec![1]);
            assert_eq!(retention.as_secs(), 3600);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn operator_ids_survive_reformatting() {
    let reformatted = format!("-- a comment\n\n{}", GROUP.replace(" BY ", "   BY   "));
    let a = physical(GROUP, Mode::Both).unwrap();
    let b = physical(&reformatted, Mode::Both).unwrap();
    let ids = |p: &PhysicalPlan| p.nodes.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&a), ids(&b));
    let unique: std::collections::HashSet<_> = ids(&a).into_iter().collect();
    assert_eq!(unique.len(), a.nodes.len());
}
