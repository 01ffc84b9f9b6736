//! `pigc explain FILE [--dot] [--physical] [--trace-rules] [--no-optimize] [-p K=V]… [--param-file F]…`
//!
//! Parses and plans the script and prints its logical plan: indented text with every node's schema
//! in Pig's DESCRIBE format, or Graphviz dot with `--dot` (`pigc explain x.pig --dot | dot -Tsvg`).
//! `--physical` and `--trace-rules` are handled in `explain/physical.rs`.
//! Diagnostics go to stderr; the exit code is 1 when the script has errors.

mod physical;

use super::ParamArgs;
use clap::Args;
use pigc::diagnostics::Diagnostic;
use pigc::parse::parse_script;
use pigc::plan::build_plan;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `pigc explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The Pig Latin script.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Print Graphviz dot instead of text.
    #[arg(long)]
    pub dot: bool,
    /// Print the physical plan (stream operators, keys, state, operator ids) of the optimized plan.
    #[arg(long)]
    pub physical: bool,
    /// Print which optimizer rule fired where, then the optimized logical plan (or, with
    /// --physical, the physical plan).
    #[arg(long = "trace-rules")]
    pub trace_rules: bool,
    /// Skip the optimizer (with --physical: plan the script as written).
    #[arg(long = "no-optimize")]
    pub no_optimize: bool,
    #[command(flatten)]
    pub params: ParamArgs,
}

/// Runs `pigc explain`.
pub fn run(args: &ExplainArgs) -> ExitCode {
    let name = args.file.display().to_string();
    let params = match args.params.load() {
        Ok(p) => p,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let source = match std::fs::read(&args.file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            let d = Diagnostic::error_without_span(format!("cannot read the file: {e}"));
            eprint!("{}", d.render(&name, ""));
            return ExitCode::FAILURE;
        }
    };
    let parsed = parse_script(&source, &name, &params);
    if parsed.has_errors() {
        eprintln!("{}", parsed.render_diagnostics());
        return ExitCode::FAILURE;
    }
    match build_plan(&parsed.script, &name) {
        Ok(planned) => {
            let mut warnings = parsed.diagnostics.clone();
            warnings.extend(planned.warnings);
            if !warnings.is_empty() {
                eprintln!("{}", warnings.render(&name, &parsed.source));
            }
            if args.physical || args.trace_rules {
                return physical::run(args, planned.plan, &name, &parsed.source);
            }
            if args.dot {
                print!("{}", planned.plan.to_dot());
            } else {
                for d in &planned.plan.describes {
                    println!("{d}");
                }
                print!("{}", planned.plan);
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            eprintln!("{}", diagnostics.render(&name, &parsed.source));
            ExitCode::FAILURE
        }
    }
}
