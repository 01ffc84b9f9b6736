//! `pigc explain` end to end: text and dot output, parameters, and the exit code on errors.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/plan")
        .join(name)
}

fn pigc(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pigc"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run pigc: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn explain_prints_the_text_plan_with_describe_output() {
    let path = fixture("group_aggregate.pig");
    let (ok, stdout, stderr) = pigc(&["explain", &path.to_string_lossy()]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.starts_with("by_user: {group: chararray,"),
        "{stdout}"
    );
    assert!(stdout.contains("Group #1 by_user: by (user#0)"), "{stdout}");
    assert!(
        stdout.contains("-> Load #0 clicks (shown above)"),
        "{stdout}"
    );
}

#[test]
fn explain_dot_is_a_digraph() {
    let path = fixture("join_kinds.pig");
    let (ok, stdout, stderr) = pigc(&["explain", "--dot", &path.to_string_lossy()]);
    assert!(ok, "{stderr}");
    assert!(stdout.starts_with("digraph plan {"), "{stdout}");
    assert!(
        stdout.contains("shape=diamond"),
        "joins are diamonds:\n{stdout}"
    );
    assert!(stdout.trim_end().ends_with('}'), "{stdout}");
}

#[test]
fn explain_substitutes_parameters() {
    let dir = std::env::temp_dir().join(format!("pigc-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let script = dir.join("params.pig");
    std::fs::write(
        &script,
        "a = LOAD '$input' AS (x: int);\nSTORE a INTO 'out';\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (ok, stdout, stderr) = pigc(&[
        "explain",
        &script.to_string_lossy(),
        "-p",
        "input=data/events",
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("Load #0 a: \"data/events\""), "{stdout}");
}

#[test]
fn explain_fails_with_diagnostics_on_a_wrong_script() {
    let path = fixture("error_types.pig");
    let (ok, stdout, stderr) = pigc(&["explain", &path.to_string_lossy()]);
    assert!(!ok);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("error: illegal cast from int to bytearray"),
        "{stderr}"
    );
}
