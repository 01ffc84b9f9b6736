//! Per-rule snapshot tests: every `fixtures/optimize/<rule>[_case].pig` is planned and optimized with
//! only the rule its file name starts with; the snapshot holds the plan before, the rule's trace and the
//! plan after. Cases whose name contains `_not` must leave the plan unchanged; the others must fire.
//! Adding a case = adding a file.

use pigc::optimize::{optimize, OptimizerConfig};
use pigc::parse::{parse_script, Params};
use pigc::plan::build_plan;
use std::path::Path;

/// Rule names, longest first so that `push_filter_through_foreach_x` is not taken for a shorter name.
fn rule_for(stem: &str) -> &'static str {
    let mut names: Vec<&'static str> = OptimizerConfig::default()
        .rules
        .iter()
        .map(|r| r.name())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .into_iter()
        .find(|n| stem.starts_with(n))
        .unwrap_or_else(|| panic!("fixture {stem}.pig is not named after a rule"))
}

fn run(path: &Path, stem: &str) -> String {
    let source =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let parsed = parse_script(&source, stem, &Params::default());
    assert!(
        !parsed.has_errors(),
        "{stem}: {}",
        parsed.render_diagnostics()
    );
    let planned = build_plan(&parsed.script, &path.to_string_lossy())
        .unwrap_or_else(|d| panic!("{stem}: {}", d.render(stem, &parsed.source)));
    let before = planned.plan.to_string();
    let rule = rule_for(stem);
    let optimized = optimize(planned.plan, &OptimizerConfig::only(&[rule]))
        .unwrap_or_else(|e| panic!("{stem}: {e}"));
    let after = optimized.plan.to_string();
    let expect_change = !stem.contains("_not");
    assert_eq!(
        !optimized.trace.is_empty(),
        expect_change,
        "{stem}: rule {rule} should {}fire",
        if expect_change { "" } else { "not " }
    );
    assert_eq!(
        before != after,
        expect_change,
        "{stem}: the plan should {}change",
        if expect_change { "" } else { "not " }
    );
    assert!(!optimized.hit_pass_limit, "{stem}: no fixpoint");
    let trace: Vec<String> = optimized.trace.iter().map(|t| t.to_string()).collect();
    format!(
        "== rule {rule}\n== before\n{before}== trace\n{}\n== after\n{after}",
        trace.join("\n")
    )
}

#[test]
fn optimize_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/optimize");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pig"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {}", dir.display());
    for path in paths {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = run(&path, &stem);
        insta::with_settings!({ snapshot_path => "../../fixtures/optimize/snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(stem, text);
        });
    }
}

/// Every rule of the default set has at least one fixture.
#[test]
fn every_rule_has_a_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/optimize");
    let stems: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for rule in OptimizerConfig::default().rules {
        assert!(
            stems
                .iter()
                .any(|s| s.starts_with(rule.name()) && !s.contains("_not")),
            "rule {} has no fixture in fixtures/optimize",
            rule.name()
        );
    }
}
