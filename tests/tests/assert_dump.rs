//! ASSERT and DUMP end to end, through the committed crate `generated/assert_dump/` run in a copy of
//! `fixtures/e2e/assert_dump/`: over the good input every ASSERT holds and DUMP prints Pig's tuples on
//! standard output (in the ORDER's order where an ORDER feeds it); over `bad_orders.txt` the job fails
//! with the ASSERT's message, a non-zero exit status and no `_SUCCESS`.

use pigc_e2e::{cargo, copy_dir, workspace_root};
use std::path::{Path, PathBuf};
use std::process::Output;

const PACKAGE: &str = "pig_assert_dump";

fn fixture_copy() -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let fixture = workspace_root().join("fixtures/e2e/assert_dump");
    copy_dir(&fixture, work.path()).unwrap_or_else(|e| panic!("copying the fixture: {e}"));
    work
}

fn binary() -> PathBuf {
    let manifest = workspace_root().join("Cargo.toml");
    if let Err(e) = cargo::build_workspace_binaries(&manifest) {
        panic!("the workspace (with the generated crates) does not build:\n{e}");
    }
    cargo::binary(PACKAGE)
}

fn run_batch(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(binary())
        .arg("batch")
        .args(args)
        .current_dir(dir)
        .env("TZ", "UTC")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {PACKAGE}: {e}"))
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn dump_prints_pig_tuples_and_passing_asserts_keep_every_row() {
    let work = fixture_copy();
    let out = run_batch(work.path(), &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the job failed:\n{stderr}");
    let printed = lines(&out.stdout);
    assert_eq!(printed.len(), 8, "stdout:\n{printed:#?}");
    // `DUMP by_amount` comes first (statement order), in the ORDER's order: amount DESC, then id.
    assert_eq!(
        printed[..5],
        [
            "(4,cat,100.0,)",
            "(1,ann,12.5,first)",
            "(3,ann,7.25,gift)",
            "(5,bob,7.25,rush)",
            "(2,bob,0.0,)",
        ]
    );
    // `DUMP per_customer`: Pig defines no order.
    let mut groups = printed[5..].to_vec();
    groups.sort();
    assert_eq!(groups, ["(ann,2,19.75)", "(bob,2,7.25)", "(cat,1,100.0)"]);
    assert!(work.path().join("out_checked/_SUCCESS").is_file());
}

#[test]
fn a_violated_assert_fails_the_job_with_its_message() {
    let work = fixture_copy();
    let out = run_batch(work.path(), &["--input", "orders.txt=bad_orders.txt"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the job succeeded:\n{stderr}");
    // The final error names the first violation of the first ASSERT and counts the others: the null
    // amount (a null condition) violates it too.
    let last = stderr.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "error: Assertion violated: amount must not be negative on row (2,bob,-3.0,refund) \
         (ASSERT at script.pig:7); 1 more rows violate it",
        "stderr:\n{stderr}"
    );
    assert!(
        stderr.contains(
            "Assertion violated: amount must not be negative (the condition is null) on row \
             (6,dan,,) (ASSERT at script.pig:7)"
        ),
        "stderr:\n{stderr}"
    );
    // The second ASSERT (no message) reports the row without a customer.
    assert!(
        stderr.contains("Assertion violated on row (3,,4.0,) (ASSERT at script.pig:8)"),
        "stderr:\n{stderr}"
    );
    // No STORE is committed.
    assert!(!work.path().join("out_checked/_SUCCESS").exists());
    assert!(!work.path().join("out_per_customer/_SUCCESS").exists());
}
