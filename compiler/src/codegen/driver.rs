//! Script text to generated code in one call: parse → plan → optimize → physical plan → codegen.

use super::{generate_crate, generate_module, CodegenOptions, GeneratedCrate, GeneratedModule};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::optimize::{optimize, OptimizerConfig};
use crate::parse::{parse_script, Params};
use crate::physical::{plan_physical, Mode};
use crate::plan::build_plan;

/// The result of compiling a script.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The pipeline module.
    pub module: GeneratedModule,
    /// The standalone crate around it.
    pub krate: GeneratedCrate,
    /// Warnings from every pass.
    pub warnings: Diagnostics,
    /// The parameter-substituted script text that diagnostics' spans index into.
    pub source: String,
}

/// Why a script did not compile: the diagnostics (with spans into `text`) and the text they refer
/// to. Render with `diagnostics.render(file, &text)`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the script has {} error(s)", .diagnostics.len())]
pub struct CompileError {
    /// Every error found (and the warnings before them).
    pub diagnostics: Diagnostics,
    /// The parameter-substituted script text.
    pub text: String,
}

/// Compiles Pig Latin `source` (the file `file`, with parameters `params`) into a module and a crate,
/// with the default optimizer rules (as `pigc compile` without `--no-optimize`).
pub fn compile_source(
    source: &str,
    file: &str,
    params: &Params,
    opts: &CodegenOptions,
) -> Result<Compiled, CompileError> {
    let parsed = parse_script(source, file, params);
    let text = parsed.source.clone();
    let mut warnings = Diagnostics::new();
    let fail = |diagnostics: Diagnostics| CompileError {
        diagnostics,
        text: text.clone(),
    };
    let script = parsed.into_result().map_err(fail)?;
    let planned = build_plan(&script, file).map_err(fail)?;
    warnings.extend(planned.warnings);
    let optimized = optimize(planned.plan, &OptimizerConfig::default()).map_err(|e| {
        let mut all = warnings.clone();
        all.push(Diagnostic::error_without_span(format!("optimizer: {e}")));
        fail(all)
    })?;
    let physical = plan_physical(&optimized.plan, Mode::Both).map_err(|d| {
        let mut all = warnings.clone();
        all.extend(d);
        fail(all)
    })?;
    warnings.extend(physical.warnings.clone());
    let module = generate_module(&physical, opts).map_err(|e| {
        let mut d = warnings.clone();
        d.push(e.to_diagnostic());
        fail(d)
    })?;
    let krate = generate_crate(&module, opts);
    Ok(Compiled {
        module,
        krate,
        warnings,
        source: text,
    })
}
