//! Snapshot tests of logical plans: every `fixtures/plan/*.pig` is parsed and planned; the snapshot
//! holds the DESCRIBE output, the text plan and the warnings, or (for `error_*.pig`) the rendered
//! diagnostics. Adding a case = adding a file.

use pigc::parse::{parse_script, Params};
use pigc::plan::build_plan;
use std::path::Path;

fn render(path: &Path) -> String {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let parsed = parse_script(&source, &file, &Params::default());
    if parsed.has_errors() {
        return format!("== syntax errors\n{}", parsed.render_diagnostics());
    }
    match build_plan(&parsed.script, &path.to_string_lossy()) {
        Ok(planned) => {
            let mut out = String::new();
            if !planned.plan.describes.is_empty() {
                out.push_str("== describe\n");
                for d in &planned.plan.describes {
                    out.push_str(d);
                    out.push('\n');
                }
            }
            out.push_str("== plan\n");
            out.push_str(&planned.plan.to_string());
            if !planned.warnings.is_empty() {
                out.push_str("== warnings\n");
                out.push_str(&planned.warnings.render(&file, &parsed.source));
            }
            out
        }
        Err(diags) => format!("== errors\n{}", diags.render(&file, &parsed.source)),
    }
}

#[test]
fn plan_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/plan");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pig"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {}", dir.display());
    let mut misplaced = Vec::new();
    for path in paths {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = render(&path);
        let is_error = name.starts_with("error_");
        if text.starts_with("== errors") != is_error {
            misplaced.push(format!("{name}:\n{text}"));
        }
        insta::with_settings!({ snapshot_path => "../../fixtures/plan/snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(name, text);
        });
    }
    assert!(
        misplaced.is_empty(),
        "error fixtures (error_*) must fail planning and the others must plan:\n{}",
        misplaced.join("\n")
    );
}

/// The Graphviz rendering of one plan with a shared input, a multi-input operator and a scalar edge.
#[test]
fn plan_dot() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/plan/expressions.pig");
    let source =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let parsed = parse_script(&source, "expressions.pig", &Params::default());
    assert!(!parsed.has_errors(), "{}", parsed.render_diagnostics());
    let planned = build_plan(&parsed.script, "expressions.pig")
        .unwrap_or_else(|d| panic!("{}", d.render("expressions.pig", &parsed.source)));
    let dot = planned.plan.to_dot();
    assert!(
        dot.contains("style=dashed"),
        "the scalar edge is dashed:\n{dot}"
    );
    insta::with_settings!({ snapshot_path => "../../fixtures/plan/snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("expressions_dot", dot);
    });
}

/// A plain UNION of inputs with different schemas plans (as in Pig, the result has no schema) but
/// warns.
#[test]
fn union_of_different_schemas_warns() {
    let source = "a = LOAD 'a' AS (x: int);\nb = LOAD 'b' AS (y: chararray, z: int);\nu = UNION a, b;\nSTORE u INTO 'u';\n";
    let parsed = parse_script(source, "union.pig", &Params::default());
    assert!(!parsed.has_errors(), "{}", parsed.render_diagnostics());
    let planned = build_plan(&parsed.script, "union.pig")
        .unwrap_or_else(|d| panic!("{}", d.render("union.pig", source)));
    let warnings = planned.warnings.render("union.pig", source);
    assert!(
        warnings.contains("warning: the inputs of this UNION have different schemas"),
        "{warnings}"
    );
    assert!(planned
        .plan
        .to_string()
        .contains("schema Schema for u unknown."));
}
