//! Command-line definitions (clap). One module per subcommand.

mod check;
mod compile;
mod explain;
mod run;

use clap::{Args, Parser, Subcommand};
use pigc::parse::Params;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "pigc",
    version,
    about = "Compile Pig Latin scripts into Rust crates"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check scripts for errors: syntax, and (unless --syntax-only) the later passes.
    Check(check::CheckArgs),
    /// Print the logical plan with every relation's schema (text, or Graphviz with --dot).
    Explain(explain::ExplainArgs),
    /// Compile a script into a standalone crate (batch over files, stream over Kafka).
    Compile(compile::CompileArgs),
    /// Compile a script into a cached crate, build it, and run it over files in this directory.
    Run(run::RunArgs),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Compile(args) => compile::run(&args),
        Command::Run(args) => run::run(&args),
    }
}

/// `-p` and `--param-file` options, as `pig` takes them.
#[derive(Debug, Clone, Default, Args)]
pub struct ParamArgs {
    /// Set a parameter, as `pig -p NAME=VALUE`.
    #[arg(short = 'p', long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// Read parameters from a file of `NAME=VALUE` lines, as `pig -param_file`.
    #[arg(long = "param-file", visible_alias = "param_file", value_name = "FILE")]
    pub param_files: Vec<PathBuf>,
}

impl ParamArgs {
    /// The parameters, files first and `-p` after (a `-p` wins over a file).
    pub fn load(&self) -> Result<Params, String> {
        let mut params = Params::new();
        for file in &self.param_files {
            let text = std::fs::read_to_string(file)
                .map_err(|e| format!("cannot read parameter file {}: {e}", file.display()))?;
            params
                .add_param_file(&text)
                .map_err(|e| format!("{}: {e}", file.display()))?;
        }
        for assignment in &self.params {
            params
                .set_assignment(assignment)
                .map_err(|e| e.to_string())?;
        }
        Ok(params)
    }
}
