//! script.pig compiled by pigc: `batch` runs it over files, `stream` over Kafka (see `--help`).

mod pipeline;

fn main() -> std::process::ExitCode {
    pigc_runtime::cli::main(pipeline::build)
}
