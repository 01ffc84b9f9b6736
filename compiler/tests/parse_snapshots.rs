//! Snapshot tests over `fixtures/parse/*.pig`, in the style of ruff's parser tests.
//!
//! Each fixture gets one snapshot with the diagnostics and the AST (Debug). Files named
//! `error_*.pig` must produce at least one error; all others must parse without errors and
//! pretty-print to text that parses back to the same AST. Adding a case = adding a file.

use pigc::parse::{parse_script, parse_text, print_script, Params};
use std::path::Path;

fn snapshot_text(path: &Path) -> String {
    let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parsed = parse_script(&source, &name, &Params::new());
    let expect_errors = name.starts_with("error_");
    assert_eq!(
        parsed.has_errors(),
        expect_errors,
        "{name}: errors expected: {expect_errors}\n{}",
        parsed.render_diagnostics()
    );
    if !expect_errors {
        let printed = print_script(&parsed.script);
        let (reparsed, errors) = parse_text(&printed);
        assert!(
            !errors.has_errors(),
            "{name}: printed script has errors:\n{printed}\n{}",
            errors.render(&name, &printed)
        );
        assert_eq!(
            reparsed, parsed.script,
            "{name}: round trip changed the AST:\n{printed}"
        );
    }
    let diagnostics = if parsed.diagnostics.is_empty() {
        "(none)\n".to_string()
    } else {
        parsed.render_diagnostics()
    };
    format!(
        "## Diagnostics\n{diagnostics}\n## AST\n{:#?}\n",
        parsed.script
    )
}

#[test]
fn parse_fixtures() {
    insta::glob!("../../fixtures/parse", "*.pig", |path| {
        insta::assert_snapshot!(snapshot_text(path));
    });
}
