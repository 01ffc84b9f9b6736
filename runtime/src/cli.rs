//! The run contract of a generated binary (design.md §1). A generated `main.rs` is one line:
//!
//! ```no_run
//! # mod pipeline { pub fn build(_: &mut pigc_runtime::dataflow::Dataflow) {} }
//! fn main() -> std::process::ExitCode {
//!     pigc_runtime::cli::main(pipeline::build)
//! }
//! ```
//!
//! - `<bin> batch [--input LOCATION=PATH]... [--output LOCATION=PATH]... [--dead-letters DIR]`: runs over
//!   files (see [`crate::exec::batch`]). Exit 0 on success, 1 with a message on stderr otherwise.
//! - `<bin> stream --brokers HOST:PORT [--topic LOCATION=TOPIC]... [--group ID] [--state-dir DIR]
//!   [--set KEY=VALUE]... [--until-idle DURATION]`: runs over Kafka when the crate is built with the
//!   `kafka` feature (issue #7); without it, exits 2 saying so.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use thiserror::Error;

use crate::dataflow::Dataflow;
use crate::exec::batch::{run_batch, BatchConfig, BatchError, BatchReport};

/// A function that declares a job's circuit (generated `pipeline::build`).
pub type Build = fn(&mut Dataflow);

#[derive(Debug, Parser)]
#[command(
    about = "A Pig Latin script compiled by pigc: run it over files (batch) or Kafka (stream)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run over files to completion, as `pig -x local` would.
    Batch(BatchArgs),
    /// Run continuously over Kafka topics.
    Stream(StreamCommand),
}

/// Options of `<bin> batch`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct BatchArgs {
    /// Reads a LOAD's location from PATH (a file or a directory of part files); default: the location.
    #[arg(long = "input", value_name = "LOCATION=PATH", value_parser = parse_binding)]
    pub inputs: Vec<(String, PathBuf)>,
    /// Writes a STORE's location to the directory PATH; default: the location.
    #[arg(long = "output", value_name = "LOCATION=PATH", value_parser = parse_binding)]
    pub outputs: Vec<(String, PathBuf)>,
    /// Where malformed records go (default: `<first output>/_deadletter/`).
    #[arg(long = "dead-letters", value_name = "DIR")]
    pub dead_letters: Option<PathBuf>,
}

#[cfg(feature = "kafka")]
type StreamCommand = crate::kafka::StreamArgs;

/// Options of `<bin> stream` in a binary built without Kafka support: accepted, then refused.
#[cfg(not(feature = "kafka"))]
#[derive(Debug, Clone, clap::Args)]
struct StreamCommand {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    _args: Vec<String>,
}

fn parse_binding(text: &str) -> Result<(String, PathBuf), String> {
    match text.split_once('=') {
        Some((location, path)) if !location.is_empty() && !path.is_empty() => {
            Ok((location.to_owned(), PathBuf::from(path)))
        }
        _ => Err(format!("expected LOCATION=PATH, got `{text}`")),
    }
}

/// Why a run failed.
#[derive(Debug, Error)]
pub enum CliError {
    /// The batch run failed.
    #[error(transparent)]
    Batch(#[from] BatchError),
    /// The stream run failed.
    #[error("{0}")]
    Stream(String),
    /// `stream` in a binary built without the `kafka` feature.
    #[error("this binary was built without Kafka support; rebuild it with the `kafka` feature of pigc-runtime to use `stream`")]
    NoKafka,
}

/// Parses the command line and runs the job declared by `build`; the process's exit code.
pub fn main(build: Build) -> ExitCode {
    let cli = Cli::parse();
    match run_command(build, cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::NoKafka) => {
            eprintln!("error: {}", CliError::NoKafka);
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the job with explicit arguments (the first is the program name), as [`main`] does.
pub fn run<I, A>(build: Build, args: I) -> Result<(), CliError>
where
    I: IntoIterator<Item = A>,
    A: Into<OsString> + Clone,
{
    let cli = Cli::try_parse_from(args).map_err(|e| CliError::Stream(e.to_string()))?;
    run_command(build, cli.command)
}

fn run_command(build: Build, command: Command) -> Result<(), CliError> {
    match command {
        Command::Batch(args) => {
            let report = batch(build, &args)?;
            print_report(&report);
            Ok(())
        }
        Command::Stream(args) => stream(build, &args),
    }
}

/// Builds the job and runs it in batch mode.
pub fn batch(build: Build, args: &BatchArgs) -> Result<BatchReport, CliError> {
    let mut df = Dataflow::new();
    build(&mut df);
    let config = BatchConfig {
        inputs: args.inputs.iter().cloned().collect::<HashMap<_, _>>(),
        outputs: args.outputs.iter().cloned().collect::<HashMap<_, _>>(),
        dead_letter_dir: args.dead_letters.clone(),
    };
    Ok(run_batch(&mut df, &config)?)
}

fn print_report(report: &BatchReport) {
    for (location, n) in &report.records_in {
        eprintln!("read {n} records from {location}");
    }
    for (location, n) in &report.rows_out {
        eprintln!("wrote {n} rows to {location}");
    }
    if report.bad_fields > 0 {
        eprintln!(
            "warning: {} fields did not convert to their declared type and were read as null",
            report.bad_fields
        );
    }
    if let Some(file) = &report.dead_letter_file {
        eprintln!(
            "warning: {} malformed records were skipped and written to {}",
            report.dead_letters,
            file.display()
        );
    }
}

#[cfg(not(feature = "kafka"))]
fn stream(_build: Build, _args: &StreamCommand) -> Result<(), CliError> {
    Err(CliError::NoKafka)
}

#[cfg(feature = "kafka")]
fn stream(build: Build, args: &StreamCommand) -> Result<(), CliError> {
    let factory = crate::exec::stream_job::DataflowJobFactory::new(build);
    let emit_interval = factory.emit_interval().map_err(CliError::Stream)?;
    let summary = crate::kafka::run_stream(&factory, args, emit_interval)
        .map_err(|e| CliError::Stream(e.to_string()))?;
    eprintln!(
        "read {} records, wrote {} messages, {} malformed records to dead letters",
        summary.records_in, summary.messages_out, summary.dead_letters
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_parse_and_stream_without_kafka_is_refused() {
        assert_eq!(
            parse_binding("in.txt=/tmp/a=b").unwrap(),
            ("in.txt".to_owned(), PathBuf::from("/tmp/a=b"))
        );
        assert!(parse_binding("nolocation").is_err());
        assert!(parse_binding("=x").is_err());
        #[cfg(not(feature = "kafka"))]
        assert!(matches!(
            run(
                |_| {},
                [
                    "bin",
                    "stream",
                    "--brokers",
                    "127.0.0.1:9092",
                    "--until-idle",
                    "5s"
                ]
            ),
            Err(CliError::NoKafka)
        ));
        assert!(run(|_| {}, ["bin", "batch", "--input", "bad"]).is_err());
    }
}
