//! Every e2e fixture compiled without the optimizer (see `build.rs`):
//! `pigc-e2e-unoptimized <fixture> batch [--input LOCATION=PATH]… [--output LOCATION=PATH]…`.
//! The e2e test runs it next to the optimized crates of `generated/` and expects the same outputs.

use std::process::ExitCode;

include!(concat!(env!("OUT_DIR"), "/jobs.rs"));

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().collect();
    let job = args
        .get(1)
        .and_then(|name| JOBS.iter().find(|(fixture, _)| fixture == name));
    let Some(&(_, build)) = job else {
        let names: Vec<&str> = JOBS.iter().map(|(name, _)| *name).collect();
        eprintln!(
            "usage: pigc-e2e-unoptimized <fixture> batch [ARGS…]; fixtures: {}",
            names.join(", ")
        );
        return ExitCode::from(2);
    };
    args.remove(1);
    match pigc_runtime::cli::run(build, args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
