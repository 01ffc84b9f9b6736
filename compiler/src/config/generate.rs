//! A loaded script through every pass to generated Rust: a module for build scripts, or a whole crate.

use super::script::{CompileError, LoadedScript};
use crate::codegen::{self, CodegenOptions};
use crate::optimize::{optimize, OptimizerConfig};
use crate::physical::{plan_physical, Mode, PhysicalPlan};
use crate::plan::{build_plan, LogicalPlan};
use std::path::PathBuf;

/// One file of a generated crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// The path relative to the crate's root (`Cargo.toml`, `src/main.rs`, …).
    pub path: PathBuf,
    /// The file's contents.
    pub contents: String,
}

/// The pipeline module of a script (what a build script writes to `OUT_DIR`). `opts.script_name`
/// is replaced by the script's file name.
pub fn generate_module(
    script: &LoadedScript,
    opts: &CodegenOptions,
    optimize: bool,
) -> Result<String, CompileError> {
    let opts = with_script_name(script, opts);
    let plan = physical_plan(script, optimize)?;
    codegen::generate_module(&plan, &opts)
        .map(|module| module.source)
        .map_err(|e| codegen_error(script, &e))
}

/// The files of a standalone crate for a script (`Cargo.toml`, `src/main.rs`, `src/pipeline.rs`).
/// `opts.script_name` is replaced by the script's file name.
pub fn generate_crate(
    script: &LoadedScript,
    opts: &CodegenOptions,
    optimize: bool,
) -> Result<Vec<GeneratedFile>, CompileError> {
    let opts = with_script_name(script, opts);
    let plan = physical_plan(script, optimize)?;
    let module = codegen::generate_module(&plan, &opts).map_err(|e| codegen_error(script, &e))?;
    Ok(codegen::generate_crate(&module, &opts)
        .files
        .into_iter()
        .map(|(path, contents)| GeneratedFile { path, contents })
        .collect())
}

/// Generated comments cite the script by its file name, so the output does not depend on the folder
/// it was compiled from.
fn with_script_name(script: &LoadedScript, opts: &CodegenOptions) -> CodegenOptions {
    let name = script
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| script.display_name());
    CodegenOptions {
        script_name: name,
        ..opts.clone()
    }
}

/// The physical plan of the script for both modes (from the optimized logical plan when asked);
/// fails with the rendered diagnostics.
fn physical_plan(script: &LoadedScript, optimized: bool) -> Result<PhysicalPlan, CompileError> {
    let logical = logical_plan(script, optimized)?;
    plan_physical(&logical, Mode::Both).map_err(|diagnostics| CompileError::Script {
        rendered: diagnostics.render(&script.display_name(), &script.parsed.source),
    })
}

/// Plans the script (and optimizes the plan when asked); fails with the rendered diagnostics.
fn logical_plan(script: &LoadedScript, optimized: bool) -> Result<LogicalPlan, CompileError> {
    let name = script.display_name();
    let planned =
        build_plan(&script.parsed.script, &name).map_err(|diagnostics| CompileError::Script {
            rendered: diagnostics.render(&name, &script.parsed.source),
        })?;
    if !optimized {
        return Ok(planned.plan);
    }
    optimize(planned.plan, &OptimizerConfig::default())
        .map(|o| o.plan)
        .map_err(|e| CompileError::Script {
            rendered: format!("error: {name}: {e}"),
        })
}

fn codegen_error(script: &LoadedScript, error: &codegen::CodegenError) -> CompileError {
    CompileError::Script {
        rendered: error
            .to_diagnostic()
            .render(&script.display_name(), &script.parsed.source),
    }
}
