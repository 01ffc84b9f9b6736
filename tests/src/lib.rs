//! Shared helpers for the end-to-end tests under `tests/tests/`.
//!
//! - [`fixtures`]: every `fixtures/e2e/<name>/` folder, and this crate's own `tests/fixtures/<name>/`
//!   (scripts written to break code generation: hostile names and literals), in the same format.
//! - [`generated`]: the committed crate of each fixture under `generated/`, and how to regenerate it.
//! - [`store_comparisons`]: how each STORE of a script is compared (ordered iff it stores the output
//!   of an `ORDER`, directly or through `LIMIT`), read from pigc's logical plan.
//! - [`check_stores`]: compares every STORE directory of a run with `expected/<location>.txt` by the
//!   rules of `fixtures/e2e/README.md`.
//! - [`cargo`]: builds crates with the cargo that runs the tests, into the same target directory.

pub mod cargo;
mod compare;
mod fs;
pub mod generated;

pub use compare::{check_stores, read_store, store_comparisons, Comparison};
pub use fs::{copy_dir, workspace_root, write_if_changed};

use std::path::{Path, PathBuf};

/// One end-to-end case: `fixtures/e2e/<name>/`.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// The folder name.
    pub name: String,
    /// The folder.
    pub dir: PathBuf,
}

impl Fixture {
    /// `script.pig` in the folder.
    pub fn script(&self) -> PathBuf {
        self.dir.join("script.pig")
    }

    /// The `expected/` folder.
    pub fn expected_dir(&self) -> PathBuf {
        self.dir.join("expected")
    }
}

/// Every fixture under `fixtures/e2e/` and `tests/fixtures/`, sorted by name.
pub fn fixtures() -> Vec<Fixture> {
    let root = workspace_root();
    let mut found: Vec<Fixture> = [
        root.join("fixtures").join("e2e"),
        root.join("tests").join("fixtures"),
    ]
    .iter()
    .flat_map(|folder| fixtures_in(folder))
    .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

fn fixtures_in(folder: &Path) -> Vec<Fixture> {
    std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", folder.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|dir| dir.join("script.pig").is_file())
        .filter_map(|dir| {
            let name = dir.file_name()?.to_str()?.to_owned();
            Some(Fixture { name, dir })
        })
        .collect()
}
