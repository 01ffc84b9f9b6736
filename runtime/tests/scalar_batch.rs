//! A relation used as a scalar in a batch job over files: one row gives every row its value; more than
//! one row fails the job with Pig's message and writes no STORE (the generated binary then exits
//! non-zero, see `cli::main`).

use std::fs;
use std::path::Path;

use pigc_runtime::cli;
use pigc_runtime::prelude::*;

/// `name<TAB>count` lines; an empty count is null.
struct Tsv;

impl Format<(String, Option<i64>)> for Tsv {
    fn decode(
        &self,
        payload: &[u8],
        _warnings: &mut DecodeWarnings,
    ) -> Result<(String, Option<i64>), DecodeError> {
        let text = std::str::from_utf8(payload).map_err(|_| DecodeError::new("not UTF-8"))?;
        let (name, n) = text
            .split_once('\t')
            .ok_or_else(|| DecodeError::new("expected 2 fields"))?;
        Ok((name.to_owned(), n.parse().ok()))
    }

    fn encode(&self, record: &(String, Option<i64>), out: &mut Vec<u8>) {
        out.extend_from_slice(record.0.as_bytes());
        out.push(b'\t');
        if let Some(n) = record.1 {
            out.extend_from_slice(n.to_string().as_bytes());
        }
    }
}

/// x = LOAD 'x'; c = FOREACH (GROUP x BY name) GENERATE COUNT_STAR(x) AS n;
/// y = FOREACH x GENERATE name, value * c.n; STORE y INTO 'y';
fn build(df: &mut Dataflow) {
    let x = df.source::<(String, Option<i64>), _>("x", Tsv);
    let c = x
        .key_by(|r| r.0.clone())
        .aggregate("c", count_star(), |_, n| n);
    x.with_scalar("y.scalar0", &c, "c (test.pig:2)")
        .map(|r| (r.0.clone(), r.1.zip(r.scalar).map(|(v, n)| v * n)))
        .sink("y", Tsv);
}

fn run(dir: &Path, input: &str) -> Result<(), cli::CliError> {
    fs::write(dir.join("x.txt"), input).unwrap_or_else(|e| panic!("{e}"));
    let args = [
        "bin".to_owned(),
        "batch".to_owned(),
        "--input".to_owned(),
        format!("x={}", dir.join("x.txt").display()),
        "--output".to_owned(),
        format!("y={}", dir.join("y").display()),
    ];
    cli::run(build, args)
}

#[test]
fn a_one_row_scalar_is_read_by_every_row() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    run(tmp.path(), "a\t2\na\t\na\t5\n").unwrap_or_else(|e| panic!("{e}"));
    let out = fs::read_to_string(tmp.path().join("y/part-00000")).unwrap_or_else(|e| panic!("{e}"));
    let mut lines: Vec<&str> = out.lines().collect();
    lines.sort_unstable();
    assert_eq!(lines, ["a\t", "a\t15", "a\t6"]);
}

#[test]
fn a_scalar_with_two_rows_fails_the_job_before_any_store() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let err = run(tmp.path(), "a\t2\nb\t3\nb\t4\n").expect_err("two rows in a scalar must fail");
    let message = err.to_string();
    assert!(
        message.contains("Scalar has more than one row in the output. 1st : 1, 2nd : 2")
            && message.contains("c (test.pig:2)"),
        "{message}"
    );
    assert!(!tmp.path().join("y/_SUCCESS").exists());
    assert!(!tmp.path().join("y/part-00000").exists());
}
