//! Comparing a run's STORE directories with the expected outputs (`fixtures/e2e/README.md`).

use pigc::parse::{parse_script, Params};
use pigc::plan::{build_plan, LogicalOp, LogicalPlan, NodeId};
use std::collections::BTreeMap;
use std::path::Path;

/// How a stored relation is compared with its expected file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// The output of an `ORDER` (directly or through `LIMIT`): line by line.
    Ordered,
    /// Pig defines no order: as sorted multisets of lines.
    Multiset,
}

/// For every STORE of the script at `script`, its location and how its output is compared.
pub fn store_comparisons(script: &Path) -> Result<BTreeMap<String, Comparison>, String> {
    let source = std::fs::read_to_string(script)
        .map_err(|e| format!("cannot read {}: {e}", script.display()))?;
    let name = script.display().to_string();
    let parsed = parse_script(&source, &name, &Params::new());
    if parsed.has_errors() {
        return Err(parsed.render_diagnostics());
    }
    let planned = build_plan(&parsed.script, &name)
        .map_err(|diagnostics| diagnostics.render(&name, &parsed.source))?;
    let plan = &planned.plan;
    let mut stores = BTreeMap::new();
    for sink in plan.sinks() {
        if let LogicalOp::Store { location, .. } = &plan.node(sink).op {
            let ordered = plan
                .inputs(sink)
                .first()
                .is_some_and(|&input| is_ordered(plan, input));
            let comparison = if ordered {
                Comparison::Ordered
            } else {
                Comparison::Multiset
            };
            stores.insert(location.clone(), comparison);
        }
    }
    Ok(stores)
}

/// Whether a relation is an `ORDER`'s output, possibly limited.
fn is_ordered(plan: &LogicalPlan, node: NodeId) -> bool {
    match &plan.node(node).op {
        LogicalOp::Order { .. } => true,
        LogicalOp::Limit { .. } => plan
            .inputs(node)
            .first()
            .is_some_and(|&input| is_ordered(plan, input)),
        _ => false,
    }
}

/// The rows of a STORE directory: every `part-*` file in name order, split into lines. Fails when the
/// directory or its `_SUCCESS` marker is missing.
pub fn read_store(dir: &Path) -> Result<Vec<String>, String> {
    if !dir.join("_SUCCESS").is_file() {
        return Err(format!("{} has no _SUCCESS file", dir.display()));
    }
    let mut parts: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("part-"))
        })
        .collect();
    parts.sort();
    let mut lines = Vec::new();
    for part in parts {
        let text = std::fs::read_to_string(&part)
            .map_err(|e| format!("cannot read {}: {e}", part.display()))?;
        lines.extend(split_lines(&text));
    }
    Ok(lines)
}

fn split_lines(text: &str) -> Vec<String> {
    text.split_terminator('\n').map(str::to_owned).collect()
}

/// Compares every STORE of a finished run in `workdir` with `expected_dir/<location>.txt`. Returns one
/// message per mismatch (empty when everything matches).
pub fn check_stores(
    workdir: &Path,
    expected_dir: &Path,
    comparisons: &BTreeMap<String, Comparison>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (location, comparison) in comparisons {
        let expected_file = expected_dir.join(format!("{location}.txt"));
        let expected = match std::fs::read_to_string(&expected_file) {
            Ok(text) => split_lines(&text),
            Err(e) => {
                problems.push(format!("cannot read {}: {e}", expected_file.display()));
                continue;
            }
        };
        let actual = match read_store(&workdir.join(location)) {
            Ok(lines) => lines,
            Err(e) => {
                problems.push(format!("STORE '{location}': {e}"));
                continue;
            }
        };
        if let Some(diff) = compare_lines(expected, actual, *comparison) {
            problems.push(format!("STORE '{location}' ({comparison:?}):\n{diff}"));
        }
    }
    problems
}

/// `None` when equal under `comparison`, else a description of the difference.
fn compare_lines(
    mut expected: Vec<String>,
    mut actual: Vec<String>,
    comparison: Comparison,
) -> Option<String> {
    if comparison == Comparison::Multiset {
        expected.sort();
        actual.sort();
    }
    if expected == actual {
        return None;
    }
    let mut diff = String::new();
    match comparison {
        Comparison::Ordered => {
            for i in 0..expected.len().max(actual.len()) {
                let (e, a) = (expected.get(i), actual.get(i));
                if e != a {
                    diff.push_str(&format!(
                        "  line {}: expected {:?}, got {:?}\n",
                        i + 1,
                        e.map(String::as_str).unwrap_or("<none>"),
                        a.map(String::as_str).unwrap_or("<none>")
                    ));
                }
            }
        }
        Comparison::Multiset => {
            for line in multiset_difference(&expected, &actual) {
                diff.push_str(&format!("  missing: {line:?}\n"));
            }
            for line in multiset_difference(&actual, &expected) {
                diff.push_str(&format!("  unexpected: {line:?}\n"));
            }
        }
    }
    Some(diff)
}

/// The lines of sorted `a` not matched by a line of sorted `b` (duplicates count).
fn multiset_difference<'a>(a: &'a [String], b: &[String]) -> Vec<&'a str> {
    let mut rest = Vec::new();
    let mut j = 0;
    for line in a {
        while j < b.len() && b[j] < *line {
            j += 1;
        }
        if j < b.len() && b[j] == *line {
            j += 1;
        } else {
            rest.push(line.as_str());
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &[&str]) -> Vec<String> {
        text.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn multiset_ignores_order_but_counts_duplicates() {
        let expected = lines(&["b", "a", "a"]);
        assert_eq!(
            compare_lines(
                expected.clone(),
                lines(&["a", "b", "a"]),
                Comparison::Multiset
            ),
            None
        );
        let diff = compare_lines(expected, lines(&["a", "b", "b"]), Comparison::Multiset)
            .expect("different multisets");
        assert!(diff.contains("missing: \"a\""), "{diff}");
        assert!(diff.contains("unexpected: \"b\""), "{diff}");
    }

    #[test]
    fn ordered_compares_line_by_line() {
        assert_eq!(
            compare_lines(lines(&["a", "b"]), lines(&["a", "b"]), Comparison::Ordered),
            None
        );
        let diff = compare_lines(lines(&["a", "b"]), lines(&["b", "a"]), Comparison::Ordered)
            .expect("different order");
        assert!(diff.contains("line 1"), "{diff}");
    }

    #[test]
    fn store_needs_success_marker_and_reads_parts_in_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("part-00001"), "c\n").expect("write");
        std::fs::write(dir.path().join("part-00000"), "a\nb\n").expect("write");
        assert!(read_store(dir.path()).is_err());
        std::fs::write(dir.path().join("_SUCCESS"), "").expect("write");
        assert_eq!(
            read_store(dir.path()).expect("store"),
            lines(&["a", "b", "c"])
        );
    }
}
