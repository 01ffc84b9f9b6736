//! The `pigc` command line. Each subcommand lives in its own module under `cli/`.

mod cli;

fn main() -> std::process::ExitCode {
    pigc::with_large_stack(cli::main).unwrap_or(std::process::ExitCode::FAILURE)
}
