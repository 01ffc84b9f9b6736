//! Compiles every fixture script (`fixtures/e2e/*/script.pig`, `tests/fixtures/*/script.pig`) without
//! the optimizer into `$OUT_DIR/<fixture>/script.rs`, and writes `$OUT_DIR/jobs.rs`: one module per
//! fixture and the table `JOBS` of (fixture name, build function).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    let roots = [
        manifest_dir.join("../../fixtures/e2e"),
        manifest_dir.join("../fixtures"),
    ];
    let mut fixtures = Vec::new();
    for root in &roots {
        println!("cargo:rerun-if-changed={}", root.display());
        fixtures.extend(fixtures_in(root)?);
    }
    fixtures.sort();
    let mut jobs = String::new();
    let mut table = String::from("/// Every fixture's job: (fixture name, build function).\n");
    table.push_str("pub const JOBS: &[(&str, pigc_runtime::cli::Build)] = &[\n");
    for (name, script) in &fixtures {
        pigc::Config::new()
            .out_dir(out_dir.join(name))
            .optimize(false)
            .compile_scripts(&[script])?;
        writeln!(
            jobs,
            "mod {name} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{name}/script.rs\"));\n}}"
        )?;
        writeln!(table, "    ({name:?}, {name}::build),")?;
    }
    table.push_str("];\n");
    std::fs::write(out_dir.join("jobs.rs"), jobs + &table)?;
    Ok(())
}

/// `(name, script)` of every folder of `root` holding a `script.pig`; names must be identifiers.
fn fixtures_in(root: &Path) -> Result<Vec<(String, PathBuf)>, Box<dyn std::error::Error>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(root)? {
        let dir = entry?.path();
        let script = dir.join("script.pig");
        let Some(name) = dir.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !script.is_file() {
            continue;
        }
        let identifier = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !identifier {
            return Err(format!("fixture folder `{name}` is not a snake_case identifier").into());
        }
        found.push((name.to_owned(), script));
    }
    Ok(found)
}
