//! Building crates from a test with the cargo that runs the tests, into the same target directory, so
//! that `cargo test --workspace` builds every dependency once and an unchanged crate is not rebuilt.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `<target>/<profile>`: where the test executables' profile puts binaries (the test runs from
/// `<target>/<profile>/deps/`).
pub fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("no current executable: {e}"));
    exe.parent()
        .and_then(Path::parent)
        .unwrap_or_else(|| panic!("unexpected test executable path {}", exe.display()))
        .to_path_buf()
}

/// The target directory the tests were built into.
pub fn target_dir() -> PathBuf {
    let profile = profile_dir();
    profile.parent().unwrap_or(&profile).to_path_buf()
}

/// A `cargo` command (the one running the tests, `$CARGO`) building into [`target_dir`] with the
/// tests' profile.
pub fn cargo(subcommand: &str) -> Command {
    let program = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(program);
    command
        .arg(subcommand)
        .env("CARGO_TARGET_DIR", target_dir());
    if profile_dir().file_name().is_some_and(|n| n == "release") {
        command.arg("--release");
    }
    command
}

/// Builds every binary of the workspace whose manifest is `manifest`; on failure, cargo's output.
///
/// Test targets are selected too (they are fresh after `cargo test --workspace`), so that cargo
/// resolves features exactly as `cargo test --workspace` does and reuses every library it built.
pub fn build_workspace_binaries(manifest: &Path) -> Result<(), String> {
    let mut command = cargo("build");
    command
        .args(["--quiet", "--workspace", "--bins", "--tests"])
        .arg("--manifest-path")
        .arg(manifest);
    run(command)
}

fn run(mut command: Command) -> Result<(), String> {
    let output = command
        .output()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{command:?} failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// The path of binary `name` built by [`build_workspace_binaries`].
pub fn binary(name: &str) -> PathBuf {
    profile_dir().join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// The `[package] name` of the crate at `manifest`.
pub fn package_name(manifest: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(manifest)
        .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
    let value: toml::Table =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", manifest.display()))?;
    value
        .get("package")
        .and_then(|p| p.get("name"))
        .and_then(|n| n.as_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("{} has no [package] name", manifest.display()))
}
