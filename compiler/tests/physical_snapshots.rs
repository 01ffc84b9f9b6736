//! Snapshot tests of physical plans: every `fixtures/e2e/*/script.pig` is parsed, planned, optimized
//! and physically planned for both modes; the snapshot holds the physical plan and its warnings.

use pigc::optimize::{optimize, OptimizerConfig};
use pigc::parse::{parse_script, Params};
use pigc::physical::{plan_physical, Mode};
use pigc::plan::build_plan;
use std::path::Path;

fn render(path: &Path) -> String {
    let source =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file = "script.pig";
    let parsed = parse_script(&source, file, &Params::default());
    assert!(
        !parsed.has_errors(),
        "{}: {}",
        path.display(),
        parsed.render_diagnostics()
    );
    let planned = build_plan(&parsed.script, &path.to_string_lossy())
        .unwrap_or_else(|d| panic!("{}: {}", path.display(), d.render(file, &parsed.source)));
    let optimized = optimize(planned.plan, &OptimizerConfig::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match plan_physical(&optimized.plan, Mode::Both) {
        Ok(physical) => {
            let mut out = physical.to_string();
            if !physical.warnings.is_empty() {
                out.push_str("== warnings\n");
                out.push_str(&physical.warnings.render(file, &parsed.source));
            }
            out
        }
        Err(d) => format!("== errors\n{}", d.render(file, &parsed.source)),
    }
}

#[test]
fn e2e_physical_plans() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/e2e");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path().join("script.pig")))
        .filter(|p| p.exists())
        .collect();
    scripts.sort();
    assert!(!scripts.is_empty(), "no fixtures in {}", dir.display());
    for script in scripts {
        let name = script
            .parent()
            .and_then(|p| p.file_name())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = render(&script);
        insta::with_settings!({ snapshot_path => "../../fixtures/optimize/snapshots/physical", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(format!("physical_{name}"), text);
        });
    }
}
