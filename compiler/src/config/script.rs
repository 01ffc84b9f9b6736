//! Reading a script from disk: parameter substitution, parsing, and the files it IMPORTs.

use crate::parse::ast::StatementKind;
use crate::parse::{parse_script, parse_text, Params, ParseOutput};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a script could not be compiled.
#[derive(Error)]
pub enum CompileError {
    /// A file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The script has errors; `rendered` shows each with file:line:col and a caret.
    #[error("{rendered}")]
    Script {
        /// The diagnostics, rendered against the script.
        rendered: String,
    },
    /// A generated file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The thread the passes run on (see [`crate::with_large_stack`]) could not start or failed.
    #[error("pigc's compiler thread could not start or failed (see the message above)")]
    Thread,
    /// The build script runs without `OUT_DIR` and no `out_dir` was given.
    #[error("OUT_DIR is not set: call pigc from a build script, or give Config::out_dir")]
    NoOutDir,
    /// Two scripts would be written to the same module file.
    #[error("{first} and {second} would both be written to {module}.rs; rename one of them")]
    DuplicateModule {
        /// The module (file stem).
        module: String,
        /// The first script.
        first: String,
        /// The second script.
        second: String,
    },
    /// A script path has no file name to derive a module name from.
    #[error("{} has no file name to name its module after", path.display())]
    NoModuleName {
        /// The script path.
        path: PathBuf,
    },
}

/// `Debug` prints the message, so that a build script's `fn main() -> Result<(), Box<dyn Error>>`
/// shows readable diagnostics when it returns this error with `?`.
impl std::fmt::Debug for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// A script read from disk and parsed without syntax errors.
#[derive(Debug, Clone)]
pub struct LoadedScript {
    /// The script's path as given.
    pub path: PathBuf,
    /// The parse result (after parameter substitution).
    pub parsed: ParseOutput,
    /// Every file the script IMPORTs, transitively, that exists (resolved as the planner resolves
    /// them: relative to the script's folder).
    pub imports: Vec<PathBuf>,
}

impl LoadedScript {
    /// The name the script goes by in diagnostics and generated comments.
    pub fn display_name(&self) -> String {
        self.path.display().to_string()
    }
}

/// Reads and parses the script at `path` with `params` substituted; fails with rendered diagnostics
/// when it has syntax errors.
pub fn load_script(path: &Path, params: &Params) -> Result<LoadedScript, CompileError> {
    let source = read_text(path)?;
    let name = path.display().to_string();
    let parsed = parse_script(&source, &name, params);
    if parsed.has_errors() {
        return Err(CompileError::Script {
            rendered: parsed.render_diagnostics(),
        });
    }
    let imports = imported_files(path, &parsed);
    Ok(LoadedScript {
        path: path.to_path_buf(),
        parsed,
        imports,
    })
}

/// Reads a file as text (invalid UTF-8 replaced, as `pigc check` does).
pub fn read_text(path: &Path) -> Result<String, CompileError> {
    std::fs::read(path)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|source| CompileError::Read {
            path: path.to_path_buf(),
            source,
        })
}

/// The files `IMPORT`ed by the script, transitively, in first-seen order, each once. Imports are
/// resolved against the main script's folder, as the planner resolves them; missing or unparsable
/// files are left to the planner to report.
fn imported_files(script: &Path, parsed: &ParseOutput) -> Vec<PathBuf> {
    let base = script.parent().unwrap_or(Path::new(""));
    let mut found: Vec<PathBuf> = Vec::new();
    let mut pending: Vec<String> = import_paths(&parsed.script.statements);
    while let Some(relative) = pending.pop() {
        let full = base.join(&relative);
        if found.contains(&full) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&full) else {
            continue;
        };
        found.push(full);
        let (imported, _) = parse_text(&text);
        pending.extend(import_paths(&imported.statements).into_iter().rev());
    }
    found
}

fn import_paths(statements: &[crate::parse::ast::Statement]) -> Vec<String> {
    let mut paths: Vec<String> = statements
        .iter()
        .filter_map(|s| match &s.kind {
            StatementKind::Import { path } => Some(path.value.clone()),
            _ => None,
        })
        .collect();
    paths.reverse();
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_are_found_transitively_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |name: &str, text: &str| {
            std::fs::write(dir.path().join(name), text).expect("write");
        };
        write(
            "main.pig",
            "IMPORT 'a.pig';\nIMPORT 'b.pig';\nx = LOAD 'in';\n",
        );
        write("a.pig", "IMPORT 'b.pig';\n");
        write("b.pig", "IMPORT 'a.pig';\n");
        let script =
            load_script(&dir.path().join("main.pig"), &Params::new()).expect("script loads");
        assert_eq!(
            script.imports,
            vec![dir.path().join("a.pig"), dir.path().join("b.pig")]
        );
    }

    #[test]
    fn syntax_errors_are_rendered_with_the_file_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bad.pig");
        std::fs::write(&path, "x = LOAD 'in'\ny = FILTER x BY;\n").expect("write");
        let error = load_script(&path, &Params::new()).expect_err("syntax error");
        let message = error.to_string();
        assert!(message.contains("bad.pig:"), "{message}");
    }

    #[test]
    fn missing_script_is_a_read_error() {
        let error =
            load_script(Path::new("/nonexistent/x.pig"), &Params::new()).expect_err("missing file");
        assert!(matches!(error, CompileError::Read { .. }), "{error}");
    }
}
