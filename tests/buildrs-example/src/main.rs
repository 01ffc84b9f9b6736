//! A crate that embeds Pig scripts compiled by its build script (`build.rs`) and runs them with the
//! pigc runtime: `pigc-buildrs-example <word_counts|top_words> batch [--input LOCATION=PATH]…`.

use std::process::ExitCode;

/// `pig/word_counts.pig`, compiled by `build.rs` with `MIN_LENGTH=4`.
mod word_counts {
    include!(concat!(env!("OUT_DIR"), "/word_counts.rs"));
}

/// `pig/top_words.pig` (with the macro it IMPORTs from `pig/macros.pig`).
mod top_words {
    include!(concat!(env!("OUT_DIR"), "/top_words.rs"));
}

/// The job named `name`, as a function declaring its dataflow.
fn job(name: &str) -> Option<pigc_runtime::cli::Build> {
    match name {
        "word_counts" => Some(word_counts::build),
        "top_words" => Some(top_words::build),
        _ => None,
    }
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().collect();
    let Some(build) = args.get(1).and_then(|name| job(name)) else {
        eprintln!("usage: pigc-buildrs-example <word_counts|top_words> batch [--input LOCATION=PATH]… [--output LOCATION=PATH]…");
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

#[cfg(test)]
mod tests {
    use super::*;
    use pigc_runtime::cli::{batch, BatchArgs};
    use std::path::{Path, PathBuf};

    /// Runs a job over `data/lines.txt` into a temporary folder; the lines of its STORE `location`.
    fn run_job(name: &str, location: &str) -> Vec<String> {
        let out = tempfile::tempdir().expect("temp dir");
        let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lines.txt");
        let args = BatchArgs {
            inputs: vec![("lines.txt".to_owned(), input)],
            outputs: vec![(location.to_owned(), out.path().join(location))],
            dead_letters: None,
        };
        batch(job(name).expect("known job"), &args).expect("the job runs");
        let dir: PathBuf = out.path().join(location);
        assert!(
            dir.join("_SUCCESS").is_file(),
            "no _SUCCESS in {}",
            dir.display()
        );
        let mut parts: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("store dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("part-"))
            })
            .collect();
        parts.sort();
        parts
            .iter()
            .flat_map(|p| {
                std::fs::read_to_string(p)
                    .expect("part file")
                    .lines()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn parameterized_script_counts_long_words() {
        let mut lines = run_job("word_counts", "word_counts");
        lines.sort();
        assert_eq!(
            lines,
            [
                "brown,1",
                "jumps,1",
                "lazy,1",
                "over,1",
                "quick,2",
                "runs,1",
                "sleeps,1",
                "thinking:,1",
                "wins,1"
            ]
        );
    }

    #[test]
    fn imported_macro_gives_the_top_three_in_order() {
        assert_eq!(
            run_job("top_words", "top_words"),
            ["the,5", "fox,3", "dog,2"]
        );
    }

    #[test]
    fn unknown_job_is_refused() {
        assert!(job("nope").is_none());
    }
}
