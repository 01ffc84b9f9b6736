//! Command-line definitions (clap). One module per subcommand.

mod check;
mod compile;
mod explain;
mod run;

use clap::{Parser, Subcommand};
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
