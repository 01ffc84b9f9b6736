//! `pigc check FILE… [--syntax-only] [-p K=V]… [--param-file F]…`
//!
//! Parses every file (after parameter substitution) and, unless `--syntax-only`, runs the
//! later passes on it ([`later_passes`]). Diagnostics go to stderr; the exit code is 0 when every
//! file passes and 1 when any has an error.

use super::ParamArgs;
use clap::Args;
use pigc::diagnostics::{Diagnostic, Diagnostics};
use pigc::parse::{parse_script, ParseOutput};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `pigc check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Pig Latin scripts to check.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Stop after parsing (no planning or type checking).
    #[arg(long)]
    pub syntax_only: bool,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// Runs `pigc check`.
pub fn run(args: &CheckArgs) -> ExitCode {
    let params = match args.params.load() {
        Ok(p) => p,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let mut failed = false;
    for file in &args.files {
        let name = file.display().to_string();
        let source = match std::fs::read(file) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                eprint!(
                    "{}",
                    Diagnostic::error_without_span(format!("cannot read the file: {e}"))
                        .render(&name, "")
                );
                failed = true;
                continue;
            }
        };
        let parsed = parse_script(&source, &name, &params);
        let mut diagnostics = parsed.diagnostics.clone();
        if !args.syntax_only && !diagnostics.has_errors() {
            diagnostics.extend(later_passes(&parsed));
        }
        if !diagnostics.is_empty() {
            eprintln!("{}", diagnostics.render(&name, &parsed.source));
        }
        failed |= diagnostics.has_errors();
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The passes after parsing, run on a script without syntax errors: logical planning (#3), which
/// also prints what the script's DESCRIBE statements show.
fn later_passes(parsed: &ParseOutput) -> Diagnostics {
    match pigc::plan::build_plan(&parsed.script, &parsed.file) {
        Ok(planned) => {
            for line in &planned.plan.describes {
                println!("{line}");
            }
            planned.warnings
        }
        Err(diagnostics) => diagnostics,
    }
}
