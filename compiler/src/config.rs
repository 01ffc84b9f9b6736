//! Compiling Pig scripts from a build script, in the style of prost-build.
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     pigc::compile_scripts(&["pig/metrics.pig"])?;
//!     // or, with options:
//!     pigc::Config::new()
//!         .param("DAY", "2024-01-01")
//!         .compile_scripts(&["pig/metrics.pig"])?;
//!     Ok(())
//! }
//! ```
//!
//! Each script `pig/<name>.pig` becomes the module file `$OUT_DIR/<name>.rs`, which the crate
//! includes and runs (the crate depends on `pigc-runtime`):
//!
//! ```ignore
//! mod metrics {
//!     include!(concat!(env!("OUT_DIR"), "/metrics.rs"));
//! }
//!
//! fn main() -> std::process::ExitCode {
//!     pigc_runtime::cli::main(metrics::build)
//! }
//! ```
//!
//! A `cargo:rerun-if-changed` line is printed for every script and every file it IMPORTs, so cargo
//! reruns the build script exactly when one of them changes.

mod generate;
mod script;

pub use generate::{generate_crate, generate_module, GeneratedFile};
pub use script::{load_script, CompileError, LoadedScript};

use crate::codegen::CodegenOptions;
use crate::parse::Params;
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Options for compiling scripts into modules (the builder behind [`compile_scripts`]).
#[derive(Debug, Clone)]
pub struct Config {
    out_dir: Option<PathBuf>,
    params: Params,
    optimize: bool,
    rerun_if_changed: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config::new()
    }
}

impl Config {
    /// Defaults: output to `$OUT_DIR`, no parameters, optimizer on, `cargo:rerun-if-changed` printed.
    pub fn new() -> Config {
        Config {
            out_dir: None,
            params: Params::new(),
            optimize: true,
            rerun_if_changed: true,
        }
    }

    /// Writes the modules into `dir` instead of `$OUT_DIR`.
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Sets a script parameter, as `pigc compile -p NAME=VALUE` does.
    pub fn param(&mut self, name: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.params.set(name, value);
        self
    }

    /// Uses these parameters (replacing any set before).
    pub fn params(&mut self, params: Params) -> &mut Self {
        self.params = params;
        self
    }

    /// Runs the optimizer (default) or compiles the plan as written.
    pub fn optimize(&mut self, on: bool) -> &mut Self {
        self.optimize = on;
        self
    }

    /// Prints `cargo:rerun-if-changed` lines (default); turn off outside build scripts.
    pub fn emit_rerun_if_changed(&mut self, on: bool) -> &mut Self {
        self.rerun_if_changed = on;
        self
    }

    /// Compiles each script into `<out_dir>/<file stem>.rs`. Stops at the first script with errors and
    /// returns its diagnostics.
    pub fn compile_scripts(&self, scripts: &[impl AsRef<Path>]) -> Result<(), CompileError> {
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(CompileError::NoOutDir)?,
        };
        let modules = module_names(scripts)?;
        for (script, module) in scripts.iter().zip(modules) {
            let script = script.as_ref();
            if self.rerun_if_changed {
                rerun_if_changed(script);
            }
            let loaded = load_script(script, &self.params);
            if self.rerun_if_changed {
                if let Ok(loaded) = &loaded {
                    loaded.imports.iter().for_each(|f| rerun_if_changed(f));
                }
            }
            let loaded = loaded?;
            let source = crate::with_large_stack(|| {
                generate_module(&loaded, &CodegenOptions::default(), self.optimize)
            })
            .ok_or(CompileError::Thread)??;
            let path = out_dir.join(format!("{module}.rs"));
            write_file(&path, &source)?;
        }
        Ok(())
    }
}

/// Compiles each script into `$OUT_DIR/<file stem>.rs` with the default [`Config`].
pub fn compile_scripts(scripts: &[impl AsRef<Path>]) -> Result<(), CompileError> {
    Config::new().compile_scripts(scripts)
}

/// The module (file stem) of each script; two scripts may not share one.
fn module_names(scripts: &[impl AsRef<Path>]) -> Result<Vec<String>, CompileError> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut names = Vec::with_capacity(scripts.len());
    for script in scripts {
        let script = script.as_ref();
        let module = script
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .ok_or_else(|| CompileError::NoModuleName {
                path: script.to_path_buf(),
            })?;
        let shown = script.display().to_string();
        if let Some(first) = seen.insert(module.clone(), shown.clone()) {
            return Err(CompileError::DuplicateModule {
                module,
                first,
                second: shown,
            });
        }
        names.push(module);
    }
    Ok(names)
}

fn rerun_if_changed(path: &Path) {
    // A build script's stdout is cargo's channel; a failed write there cannot be reported anyway.
    let _ = writeln!(
        std::io::stdout(),
        "cargo:rerun-if-changed={}",
        path.display()
    );
}

/// Writes `contents` to `path` unless it already holds exactly that (so that cargo does not rebuild
/// an unchanged module), creating parent folders.
pub fn write_file(path: &Path, contents: &str) -> Result<(), CompileError> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    let write = || -> std::io::Result<()> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, contents)
    };
    write().map_err(|source| CompileError::Write {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_with_the_same_stem_are_refused() {
        let error = module_names(&["a/metrics.pig", "b/metrics.pig"]).expect_err("duplicate");
        assert!(error.to_string().contains("metrics.rs"), "{error}");
        assert_eq!(
            module_names(&["a/metrics.pig", "b/other.pig"]).expect("distinct"),
            ["metrics", "other"]
        );
    }

    #[test]
    fn without_out_dir_the_error_says_what_to_do() {
        let mut config = Config::new();
        config.emit_rerun_if_changed(false);
        if std::env::var_os("OUT_DIR").is_none() {
            let error = config.compile_scripts(&["x.pig"]).expect_err("no OUT_DIR");
            assert!(matches!(error, CompileError::NoOutDir));
        }
    }

    #[test]
    fn script_errors_come_back_rendered() {
        let dir = tempfile::tempdir().expect("temp dir");
        let script = dir.path().join("broken.pig");
        std::fs::write(
            &script,
            "a = LOAD 'x' AS (n:int);\nb = FOREACH a GENERATE m;\n",
        )
        .expect("write");
        let error = Config::new()
            .out_dir(dir.path())
            .emit_rerun_if_changed(false)
            .compile_scripts(&[&script])
            .expect_err("unknown field");
        assert!(error.to_string().contains("broken.pig:2"), "{error}");
        assert!(!dir.path().join("broken.rs").exists());
    }
}
