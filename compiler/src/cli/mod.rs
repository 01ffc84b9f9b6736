//! Command-line definitions (clap). One module per subcommand.

mod check;
mod explain;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "pigc", version, about = "Compile Pig Latin scripts into Rust crates")]
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
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Explain(args) => explain::run(&args),
    }
}
