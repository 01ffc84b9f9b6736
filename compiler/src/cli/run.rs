//! `pigc run SCRIPT [-p K=V]… [--param-file F]… [--release] [--no-optimize] [--rebuild] [-- ARGS…]`
//!
//! Compiles the script into a crate in the cache, builds it, and runs `<bin> batch ARGS…` in the current
//! directory, so relative LOAD/STORE paths are those of the current directory (like `pig -x local`).
//!
//! Cache layout under `$PIGC_CACHE` (default `$XDG_CACHE_HOME/pigc` or `~/.cache/pigc`):
//! - `run/<script>-<key>/`: the generated crate, the built binary `bin/<name>` and the stamp `key`.
//!   The key hashes the generated files (so the script, its imports, the parameters and the pigc
//!   version), the runtime path and the profile. An unchanged script runs its cached binary at once,
//!   without calling cargo.
//! - `target/`: one cargo target directory shared by every cached crate, so the runtime and its
//!   dependencies compile once.
//!
//! Cargo's output is hidden unless the build fails; then each compiler error is shown with the
//! script line it was generated from (generated code carries `// <script>.pig:<line>` comments).

mod build_errors;

use super::compile::{generate, package_name_for, runtime_path, write_crate, STANDALONE};
use super::ParamArgs;
use clap::Args;
use pigc::codegen::{CodegenOptions, RuntimeDependency};
use pigc::config::GeneratedFile;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// Arguments of `pigc run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The Pig Latin script.
    #[arg(value_name = "SCRIPT")]
    pub script: PathBuf,
    #[command(flatten)]
    pub params: ParamArgs,
    /// Build with optimizations (slower to build, faster on large inputs).
    #[arg(long)]
    pub release: bool,
    /// Compile the plan as written, without the optimizer.
    #[arg(long)]
    pub no_optimize: bool,
    /// Build again even if a binary for this script is cached (e.g. after changing the runtime).
    #[arg(long)]
    pub rebuild: bool,
    /// The pigc-runtime crate to depend on (default: the runtime next to this pigc's sources).
    #[arg(long = "runtime-path", value_name = "DIR")]
    pub runtime_path: Option<PathBuf>,
    /// Arguments for the job's `batch` command (`--input LOCATION=PATH`, `--output LOCATION=PATH`).
    #[arg(last = true, value_name = "ARGS")]
    pub job_args: Vec<String>,
}

/// Runs `pigc run`.
pub fn run(args: &RunArgs) -> ExitCode {
    match build_cached(args) {
        Ok(binary) => run_job(&binary, &args.job_args),
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The cached binary for the script, built if needed.
fn build_cached(args: &RunArgs) -> Result<PathBuf, String> {
    let params = args.params.load().map_err(|e| format!("error: {e}"))?;
    let runtime = runtime_path(args.runtime_path.as_deref())?;
    let stem = package_name_for(&args.script);
    let options = CodegenOptions {
        crate_name: stem.clone(),
        runtime: RuntimeDependency::Path(runtime.clone()),
        kafka: false,
        cargo_toml_extra: STANDALONE.to_owned(),
        ..CodegenOptions::default()
    };
    let files =
        generate(&args.script, &params, &options, !args.no_optimize).map_err(|e| e.to_string())?;
    let profile = if args.release { "release" } else { "debug" };
    let key = cache_key(&files, &runtime, profile);
    let cache = cache_root()?;
    let crate_dir = cache.join("run").join(format!("{stem}-{key}"));
    let binary = crate_dir
        .join("bin")
        .join(format!("{stem}{}", std::env::consts::EXE_SUFFIX));
    let stamp = crate_dir.join("key");
    let fresh = std::fs::read_to_string(&stamp).is_ok_and(|k| k == key) && binary.is_file();
    if fresh && !args.rebuild {
        return Ok(binary);
    }
    write_crate(&crate_dir, &files)?;
    seed_lock_file(&crate_dir, &runtime);
    eprintln!(
        "pigc: building {} (the first build also compiles the runtime and takes minutes)",
        args.script.display()
    );
    let built = cargo_build(
        &crate_dir,
        &cache.join("target"),
        args.release,
        &args.script,
    )?;
    if let Some(parent) = binary.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("error: cannot create {}: {e}", parent.display()))?;
    }
    std::fs::copy(&built, &binary).map_err(|e| {
        format!(
            "error: cannot copy {} to {}: {e}",
            built.display(),
            binary.display()
        )
    })?;
    std::fs::write(&stamp, &key)
        .map_err(|e| format!("error: cannot write {}: {e}", stamp.display()))?;
    Ok(binary)
}

/// `$PIGC_CACHE`, else `$XDG_CACHE_HOME/pigc`, else `~/.cache/pigc`.
fn cache_root() -> Result<PathBuf, String> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = var("PIGC_CACHE") {
        return Ok(PathBuf::from(dir));
    }
    if let Some(dir) = var("XDG_CACHE_HOME") {
        return Ok(PathBuf::from(dir).join("pigc"));
    }
    var("HOME")
        .map(|home| PathBuf::from(home).join(".cache").join("pigc"))
        .ok_or_else(|| "error: set PIGC_CACHE (or HOME) to a folder for pigc's build cache".into())
}

/// A hex hash of everything the binary depends on besides the runtime's sources.
fn cache_key(files: &[GeneratedFile], runtime: &Path, profile: &str) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    runtime.hash(&mut hasher);
    profile.hash(&mut hasher);
    for file in files {
        file.path.hash(&mut hasher);
        file.contents.hash(&mut hasher);
    }
    format!("{:016x}", hasher.finish())
}

/// Starts the crate from the runtime workspace's `Cargo.lock` (when there is one), so the cached crate
/// uses the same dependency versions as the runtime was tested with and needs no registry lookup.
fn seed_lock_file(crate_dir: &Path, runtime: &Path) {
    let lock = crate_dir.join("Cargo.lock");
    if lock.exists() {
        return;
    }
    if let Some(workspace_lock) = runtime
        .parent()
        .map(|root| root.join("Cargo.lock"))
        .filter(|l| l.is_file())
    {
        // Without a seed cargo resolves the versions itself; the build still works.
        let _ = std::fs::copy(workspace_lock, lock);
    }
}

/// Builds the crate quietly into `target_dir`; the built executable, or cargo's errors mapped to the
/// script's lines.
fn cargo_build(
    crate_dir: &Path,
    target_dir: &Path,
    release: bool,
    script: &Path,
) -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .arg("build")
        .arg("--message-format=json")
        .arg("--manifest-path")
        .arg(crate_dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target_dir)
        .stdin(Stdio::null());
    if release {
        command.arg("--release");
    }
    let output = command
        .output()
        .map_err(|e| format!("error: cannot run cargo: {e}"))?;
    let messages = String::from_utf8_lossy(&output.stdout);
    if output.status.success() {
        return executable(&messages)
            .ok_or_else(|| "error: cargo built the crate but reported no executable".to_owned());
    }
    let errors = build_errors::explain(&messages, crate_dir, script);
    let stderr = String::from_utf8_lossy(&output.stderr);
    Err(if errors.is_empty() {
        format!("error: building the generated crate failed:\n{stderr}")
    } else {
        format!(
            "error: the crate generated from {} does not compile (a pigc bug; please report it \
             with the script):\n{errors}",
            script.display()
        )
    })
}

/// The executable of the built binary, from cargo's JSON messages.
fn executable(messages: &str) -> Option<PathBuf> {
    messages
        .lines()
        .rev()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact")
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
}

/// Runs `<binary> batch ARGS…` in the current directory; its exit code.
fn run_job(binary: &Path, args: &[String]) -> ExitCode {
    match Command::new(binary).arg("batch").args(args).status() {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(status) => ExitCode::from(
            status
                .code()
                .and_then(|c| u8::try_from(c).ok())
                .unwrap_or(1),
        ),
        Err(e) => {
            eprintln!("error: cannot run {}: {e}", binary.display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, contents: &str) -> GeneratedFile {
        GeneratedFile {
            path: PathBuf::from(path),
            contents: contents.to_owned(),
        }
    }

    #[test]
    fn key_changes_with_any_input() {
        let files = [file("src/main.rs", "a")];
        let rt = Path::new("/rt");
        let key = cache_key(&files, rt, "debug");
        assert_eq!(key, cache_key(&files, rt, "debug"));
        assert_ne!(key, cache_key(&[file("src/main.rs", "b")], rt, "debug"));
        assert_ne!(key, cache_key(&files, Path::new("/rt2"), "debug"));
        assert_ne!(key, cache_key(&files, rt, "release"));
    }

    #[test]
    fn executable_is_read_from_cargo_messages() {
        let messages = concat!(
            r#"{"reason":"compiler-artifact","executable":null}"#,
            "\n",
            r#"{"reason":"compiler-artifact","executable":"/t/debug/job"}"#,
            "\n",
            r#"{"reason":"build-finished","success":true}"#
        );
        assert_eq!(executable(messages), Some(PathBuf::from("/t/debug/job")));
    }
}
