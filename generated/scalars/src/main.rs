//! script.pig compiled by pigc: `batch` runs it over files, `stream` over Kafka (see `--help`).

// Formatted by prettyplease when generated; `cargo fmt` leaves it as generated.
#[rustfmt::skip]
mod pipeline;

fn main() -> std::process::ExitCode {
    pigc_runtime::cli::main(pipeline::build)
}
