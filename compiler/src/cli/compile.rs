//! `pigc compile SCRIPT -o DIR [-p K=V]… [--param-file F]… [--name NAME]
//! [--runtime-path DIR | --runtime-version VER] [--no-optimize]`
//!
//! Writes a standalone crate (`Cargo.toml`, `src/main.rs`, `src/pipeline.rs`) into DIR. DIR must be
//! missing, empty, or a crate pigc wrote before (it holds the marker file [`MARKER`]); pigc never
//! overwrites a folder it did not create. Files pigc wrote before and no longer generates are removed;
//! anything else in DIR (`target/`, `Cargo.lock`) is left alone.

use super::ParamArgs;
use clap::Args;
use pigc::codegen::{CodegenOptions, RuntimeDependency};
use pigc::config::{generate_crate, load_script, CompileError, GeneratedFile};
use pigc::parse::Params;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The file that marks a folder as a crate written by `pigc compile`; it lists the files pigc wrote.
pub const MARKER: &str = ".pigc-generated";

/// Arguments of `pigc compile`.
#[derive(Debug, Args)]
pub struct CompileArgs {
    /// The Pig Latin script.
    #[arg(value_name = "SCRIPT")]
    pub script: PathBuf,
    /// The folder to write the crate into.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    pub out: PathBuf,
    #[command(flatten)]
    pub params: ParamArgs,
    /// Package and binary name (default: from the script's file name).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Leave out Kafka support (the `stream` subcommand); the crate builds faster.
    #[arg(long)]
    pub no_kafka: bool,
    /// The pigc-runtime crate to depend on (default: the runtime next to this pigc's sources).
    #[arg(long = "runtime-path", value_name = "DIR")]
    pub runtime_path: Option<PathBuf>,
    /// Depend on a published pigc-runtime by version requirement (e.g. `0.1`) instead of a path.
    #[arg(
        long = "runtime-version",
        value_name = "VER",
        conflicts_with = "runtime_path"
    )]
    pub runtime_version: Option<String>,
    /// Compile the plan as written, without the optimizer.
    #[arg(long)]
    pub no_optimize: bool,
}

/// Runs `pigc compile`.
pub fn run(args: &CompileArgs) -> ExitCode {
    match compile(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn compile(args: &CompileArgs) -> Result<(), String> {
    let params = args.params.load().map_err(|e| format!("error: {e}"))?;
    let options = CodegenOptions {
        crate_name: match &args.name {
            Some(name) => checked_package_name(name)?,
            None => package_name_for(&args.script),
        },
        runtime: match &args.runtime_version {
            Some(version) => RuntimeDependency::Version(checked_version_req(version)?),
            None => RuntimeDependency::Path(runtime_path(args.runtime_path.as_deref())?),
        },
        kafka: !args.no_kafka,
        cargo_toml_extra: STANDALONE.to_owned(),
        ..CodegenOptions::default()
    };
    let files =
        generate(&args.script, &params, &options, !args.no_optimize).map_err(|e| e.to_string())?;
    write_crate(&args.out, &files)?;
    eprintln!(
        "wrote the crate for {} to {}; build it with `cargo build --release --manifest-path {}`",
        args.script.display(),
        args.out.display(),
        args.out.join("Cargo.toml").display()
    );
    Ok(())
}

/// What makes a generated crate its own workspace, so it builds inside any folder.
pub const STANDALONE: &str = "[workspace]\n";

/// Loads and compiles a script into the files of a crate.
pub fn generate(
    script: &Path,
    params: &Params,
    options: &CodegenOptions,
    optimize: bool,
) -> Result<Vec<GeneratedFile>, CompileError> {
    let loaded = load_script(script, params)?;
    generate_crate(&loaded, options, optimize)
}

/// A package name derived from a script path: `metrics.pig` → `metrics`, `Daily Report.pig` →
/// `daily_report`.
pub fn package_name_for(script: &Path) -> String {
    let stem = script
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert_str(0, "pig_");
    }
    name
}

fn checked_package_name(name: &str) -> Result<String, String> {
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(name.to_owned())
    } else {
        Err(format!(
            "error: `{name}` is not a valid package name (ASCII letters, digits, `-` and `_`, \
             starting with a letter)"
        ))
    }
}

/// A Cargo version requirement such as `0.1`, `=0.1.0` or `^0.1.2`.
fn checked_version_req(version: &str) -> Result<String, String> {
    let ok = !version.is_empty()
        && version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "=^~<>.,*-+ ".contains(c));
    if ok {
        Ok(version.to_owned())
    } else {
        Err(format!(
            "error: --runtime-version {version:?} is not a Cargo version requirement (e.g. 0.1)"
        ))
    }
}

/// The runtime crate's folder as an absolute path: the one given, or the `runtime/` folder next to
/// the sources this pigc was built from.
pub fn runtime_path(given: Option<&Path>) -> Result<PathBuf, String> {
    let candidate = match given {
        Some(path) => path.to_path_buf(),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime"),
    };
    let found = candidate
        .canonicalize()
        .ok()
        .filter(|dir| dir.join("Cargo.toml").is_file());
    match found {
        Some(dir) => Ok(dir),
        None => Err(format!(
            "error: no pigc-runtime crate at {}; give its folder with --runtime-path",
            candidate.display()
        )),
    }
}

/// Writes a crate's files into `dir`, which must be missing, empty or written by pigc before.
pub fn write_crate(dir: &Path, files: &[GeneratedFile]) -> Result<(), String> {
    let previous = previous_files(dir)?;
    for file in files {
        let path = dir.join(&file.path);
        pigc_write(&path, &file.contents)?;
    }
    for old in previous {
        if !files.iter().any(|f| f.path == old) {
            let path = dir.join(&old);
            if path.is_file() {
                std::fs::remove_file(&path)
                    .map_err(|e| format!("error: cannot remove {}: {e}", path.display()))?;
            }
        }
    }
    let listing: String = files
        .iter()
        .map(|f| format!("{}\n", f.path.display()))
        .collect();
    pigc_write(
        &dir.join(MARKER),
        &format!(
            "# Written by pigc {}; `pigc compile` overwrites the files listed below.\n{listing}",
            env!("CARGO_PKG_VERSION")
        ),
    )
}

/// The files pigc wrote into `dir` before (from its marker); fails when `dir` holds anything but no
/// marker.
fn previous_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let marker = dir.join(MARKER);
    if let Ok(text) = std::fs::read_to_string(&marker) {
        return Ok(text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(PathBuf::from)
            .filter(|p| p.is_relative() && !p.components().any(|c| c.as_os_str() == ".."))
            .collect());
    }
    let mut entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) if dir.exists() && !dir.is_dir() => {
            return Err(format!("error: {} is not a folder ({e})", dir.display()))
        }
        Err(e) => return Err(format!("error: cannot read {}: {e}", dir.display())),
    };
    if entries.next().is_none() {
        Ok(Vec::new())
    } else {
        Err(format!(
            "error: {} is not empty and was not written by pigc (no {MARKER} file); \
             refusing to overwrite it — choose another folder or empty it",
            dir.display()
        ))
    }
}

fn pigc_write(path: &Path, contents: &str) -> Result<(), String> {
    pigc::config::write_file(path, contents).map_err(|e| format!("error: {e}"))
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
    fn refuses_a_folder_it_did_not_create() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("notes.txt"), "mine").expect("write");
        let error = write_crate(dir.path(), &[file("Cargo.toml", "x")]).expect_err("refused");
        assert!(error.contains("not written by pigc"), "{error}");
        assert!(!dir.path().join("Cargo.toml").exists());
    }

    #[test]
    fn rewrites_its_own_crate_and_drops_stale_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("out");
        write_crate(&out, &[file("Cargo.toml", "a"), file("src/old.rs", "old")]).expect("first");
        std::fs::create_dir_all(out.join("target")).expect("target");
        write_crate(&out, &[file("Cargo.toml", "b"), file("src/main.rs", "m")]).expect("second");
        assert_eq!(
            std::fs::read_to_string(out.join("Cargo.toml")).expect("read"),
            "b"
        );
        assert!(!out.join("src/old.rs").exists());
        assert!(out.join("src/main.rs").exists());
        assert!(out.join("target").is_dir());
    }

    #[test]
    fn runtime_versions_are_cargo_requirements() {
        assert_eq!(checked_version_req("0.1").as_deref(), Ok("0.1"));
        assert_eq!(
            checked_version_req(">=0.1, <0.3").as_deref(),
            Ok(">=0.1, <0.3")
        );
        assert!(checked_version_req("").is_err());
        assert!(checked_version_req("0.1\" }").is_err());
    }

    #[test]
    fn package_names_are_valid() {
        assert_eq!(package_name_for(Path::new("pig/Metrics.pig")), "metrics");
        assert_eq!(
            package_name_for(Path::new("daily report.pig")),
            "daily_report"
        );
        assert_eq!(package_name_for(Path::new("1st.pig")), "pig_1st");
        assert!(checked_package_name("ok-name_1").is_ok());
        assert!(checked_package_name("r#x").is_err());
    }
}
