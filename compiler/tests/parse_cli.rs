//! `pigc check`: exit codes, rendered diagnostics and parameters, through the real binary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pigc-parse-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}"));
    dir
}

fn write(dir: &std::path::Path, file: &str, text: &str) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    path
}

fn pigc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pigc"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running pigc: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn valid_scripts_exit_zero() {
    let dir = temp_dir("valid");
    let a = write(
        &dir,
        "a.pig",
        "a = load 'in' as (x:int);\nstore a into 'out';\n",
    );
    let b = write(&dir, "b.pig", "b = load '$IN';\ndump b;\n");
    let out = pigc(&[
        "check",
        "--syntax-only",
        a.to_str().unwrap_or_default(),
        b.to_str().unwrap_or_default(),
        "-p",
        "IN=data/x",
    ]);
    assert!(out.status.success(), "stderr:\n{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn syntax_errors_exit_one_with_location_caret_and_every_broken_statement() {
    let dir = temp_dir("errors");
    let bad = write(
        &dir,
        "bad.pig",
        "a = load 'in' as (x:int);\nb = filter a byy x > 0;\nc = foreach a generate x +;\n",
    );
    let out = pigc(&["check", "--syntax-only", bad.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("bad.pig:2:14: error: expected `BY`, found `byy`"),
        "{stderr}"
    );
    assert!(stderr.contains("2 | b = filter a byy x > 0;"), "{stderr}");
    assert!(
        stderr.contains("  |              ^^^ expected `BY`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bad.pig:3:27: error: expected an expression, found `;`"),
        "{stderr}"
    );
}

#[test]
fn parameters_come_from_files_and_command_line_and_backticks_are_refused() {
    let dir = temp_dir("params");
    let script = write(&dir, "p.pig", "a = load '$IN';\nstore a into '$OUT';\n");
    let params = write(
        &dir,
        "params.txt",
        "# parameters\nIN=from_file\nOUT='out dir'\n",
    );
    let ok = pigc(&[
        "check",
        "--syntax-only",
        script.to_str().unwrap_or_default(),
        "--param-file",
        params.to_str().unwrap_or_default(),
    ]);
    assert!(ok.status.success(), "stderr:\n{}", text(&ok.stderr));

    let missing = pigc(&[
        "check",
        "--syntax-only",
        script.to_str().unwrap_or_default(),
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("undefined parameter `$IN`"));

    let backtick = pigc(&[
        "check",
        "--syntax-only",
        script.to_str().unwrap_or_default(),
        "-p",
        "IN=`date`",
        "-p",
        "OUT=x",
    ]);
    assert_eq!(backtick.status.code(), Some(1));
    assert!(
        text(&backtick.stderr).contains("backtick command value"),
        "{}",
        text(&backtick.stderr)
    );
}

#[test]
fn unreadable_file_exits_one() {
    let out = pigc(&["check", "--syntax-only", "/nonexistent/dir/x.pig"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read the file"));
}

/// A statement of `n` additions, `f+f+…+f`: a left-deep tree `n` levels deep in every pass.
fn long_sum(n: usize) -> String {
    format!(
        "a = load 'in' as (f:int);\nb = foreach a generate {} as s;\nstore b into 'out';\n",
        vec!["f"; n + 1].join("+")
    )
}

#[test]
fn long_operator_chains_compile_or_are_refused_without_overflowing_the_stack() {
    let dir = temp_dir("long-chains");
    let within = write(&dir, "within.pig", &long_sum(pigc::parse::MAX_OPERATORS));
    let out = pigc(&["check", within.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let crate_dir = dir.join("crate");
    let _ = std::fs::remove_dir_all(&crate_dir);
    let out = pigc(&[
        "compile",
        within.to_str().unwrap_or_default(),
        "-o",
        crate_dir.to_str().unwrap_or_default(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let beyond = write(
        &dir,
        "beyond.pig",
        &long_sum(pigc::parse::MAX_OPERATORS + 1),
    );
    let out = pigc(&["check", beyond.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("beyond.pig:2:24: error: this statement has more than 5000 operators"),
        "{stderr}"
    );
}
