//! Every fixture end to end, twice: the committed crate in `generated/<fixture>/` (optimized) and the
//! same script compiled without the optimizer (`tests/unoptimized`, one binary for all fixtures). Each
//! runs `batch` in a fresh copy of the fixture folder with `TZ=UTC`, and every STORE must equal
//! `expected/<location>.txt` under the comparison rules of `fixtures/e2e/README.md`.

use pigc_e2e::{
    cargo, check_stores, copy_dir, fixtures, generated, store_comparisons, workspace_root, Fixture,
};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The binary of `tests/unoptimized`; it takes the fixture name before `batch`.
const UNOPTIMIZED: &str = "pigc-e2e-unoptimized";

#[test]
fn every_fixture_gives_pigs_answer_with_and_without_the_optimizer() {
    // One build of the workspace's binaries (with its test targets, which `cargo test --workspace`
    // has just built, so that cargo resolves features as it did and reuses every library).
    let manifest = workspace_root().join("Cargo.toml");
    if let Err(e) = cargo::build_workspace_binaries(&manifest) {
        panic!("the workspace (with the generated crates) does not build:\n{e}");
    }
    let mut passed = Vec::new();
    let mut failed = Vec::new();
    for fixture in fixtures() {
        let optimized = Job {
            binary: cargo::binary(&generated::package(&fixture)),
            args: vec![],
        };
        let unoptimized = Job {
            binary: cargo::binary(UNOPTIMIZED),
            args: vec![fixture.name.clone()],
        };
        let mut problems = Vec::new();
        for (label, job) in [("optimized", optimized), ("unoptimized", unoptimized)] {
            if let Err(problem) = run_fixture(&fixture, &job) {
                problems.push(format!("{label}: {problem}"));
            }
        }
        if problems.is_empty() {
            passed.push(fixture.name.clone());
        } else {
            failed.push(format!("{}:\n{}", fixture.name, problems.join("\n")));
        }
    }
    eprintln!("passed: {}", passed.join(", "));
    assert!(
        failed.is_empty(),
        "{} of {} fixtures failed:\n\n{}",
        failed.len(),
        failed.len() + passed.len(),
        failed.join("\n\n")
    );
}

/// A binary and the arguments that go before `batch`.
struct Job {
    binary: PathBuf,
    args: Vec<String>,
}

fn run_fixture(fixture: &Fixture, job: &Job) -> Result<(), String> {
    if !job.binary.is_file() {
        return Err(format!(
            "no binary {} (is generated/{} missing? {})",
            job.binary.display(),
            fixture.name,
            generated::REGENERATE
        ));
    }
    let comparisons = store_comparisons(&fixture.script())?;
    let work = tempfile::tempdir().map_err(|e| format!("temp dir: {e}"))?;
    copy_dir(&fixture.dir, work.path()).map_err(|e| format!("copying the fixture: {e}"))?;
    run_batch(job, work.path())?;
    let problems = check_stores(work.path(), &fixture.expected_dir(), &comparisons);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn run_batch(job: &Job, dir: &Path) -> Result<(), String> {
    let output = Command::new(&job.binary)
        .args(&job.args)
        .arg("batch")
        .current_dir(dir)
        .env("TZ", "UTC")
        .output()
        .map_err(|e| format!("cannot run {}: {e}", job.binary.display()))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "batch failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}
