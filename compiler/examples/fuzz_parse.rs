//! A mutation fuzzer for the front end that runs on stable Rust, without instrumentation.
//!
//! ```text
//! cargo run --release -p pigc --example fuzz_parse -- [--runs N] [--seed S] DIR_OR_FILE...
//! ```
//!
//! It reads seed scripts (`*.pig` under the given paths), then for `--runs` executions picks a
//! seed, applies 1–8 random mutations (byte flips, deletions, duplications, Pig keyword and
//! punctuation insertions, splices with another seed) and checks the same properties as the
//! cargo-fuzz target `compiler/fuzz/fuzz_targets/parse.rs`: parsing never panics, diagnostics
//! render, and every accepted script pretty-prints to text that parses back to the same AST.
//! A failing input is written to `fuzz_parse-failure-<run>.pig` and the run stops with exit 1.
//!
//! `--record FILE` also writes one line per execution (input hash, AST hash, rendered
//! diagnostics): run it before and after a grammar change with the same seed and diff the two
//! files to see every input whose parse result changed; `--save-run N` then writes the input of
//! execution N to `fuzz_parse-run-<N>.pig` and prints its AST.

use pigc::parse::{parse_script, parse_text, print_script, Params};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Tokens worth inserting: keywords, operators and punctuation of Pig Latin.
const TOKENS: &[&str] = &[
    "load ",
    "store ",
    "into ",
    "using ",
    "as ",
    "filter ",
    "by ",
    "foreach ",
    "generate ",
    "group ",
    "cogroup ",
    "join ",
    "left ",
    "outer ",
    "all ",
    "order ",
    "desc ",
    "limit ",
    "distinct ",
    "union ",
    "onschema ",
    "split ",
    "if ",
    "otherwise ",
    "cross ",
    "rank ",
    "dense ",
    "cube ",
    "rollup ",
    "assert ",
    "stream ",
    "through ",
    "mapreduce ",
    "define ",
    "returns ",
    "void ",
    "import ",
    "register ",
    "set ",
    "fs ",
    "sh ",
    "dump ",
    "describe ",
    "explain ",
    "flatten(",
    "case ",
    "when ",
    "then ",
    "else ",
    "end ",
    "is ",
    "not ",
    "null ",
    "in ",
    "matches ",
    "and ",
    "or ",
    "true ",
    "tuple(",
    "bag{",
    "map[",
    "int",
    "chararray",
    ";",
    ",",
    "=",
    "==",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ":",
    "::",
    "?",
    "#",
    ".",
    "..",
    "*",
    "@",
    "+",
    "-",
    "/",
    "%",
    "<=",
    ">",
    "$0",
    "$x",
    "'s'",
    "'",
    "`cmd`",
    "`",
    "--",
    "/*",
    "*/",
    "%declare p 1\n",
    "%default q 'v'\n",
    "\n",
    " ",
    "1L",
    "1.5F",
    "2e3",
    "7BI",
    "1.5BD",
    "\\",
    "\\u00",
    "é",
    "\u{FEFF}",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn collect(path: &Path, out: &mut Vec<Vec<u8>>) -> std::io::Result<()> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)? {
            collect(&entry?.path(), out)?;
        }
    } else if path.extension().is_some_and(|e| e == "pig") {
        out.push(std::fs::read(path)?);
    }
    Ok(())
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    for _ in 0..1 + rng.below(8) {
        let len = input.len();
        let at = rng.below(len + 1);
        match rng.below(6) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let end = (at + 1 + rng.below(16)).min(len);
                input.drain(at.min(end)..end);
            }
            2 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(32)).min(len);
                let piece = input[start..end].to_vec();
                input.splice(at..at, piece);
            }
            3 | 4 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                input.splice(at..at, token.iter().copied());
            }
            _ => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(200)).min(other.len());
                    input.splice(at..at, other[start..end].iter().copied());
                }
            }
        }
        input.truncate(8192);
    }
}

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Checks one input: `Ok(accepted)`, or `Err` describing a violated property. With `record`,
/// appends the input's line for `--record` to it.
fn check(data: &[u8], params: &Params, record: Option<&mut String>) -> Result<bool, String> {
    let text = String::from_utf8_lossy(data);
    let parsed = parse_script(&text, "fuzz.pig", params);
    let rendered = parsed.render_diagnostics();
    if let Some(record) = record {
        let ast = format!("{:?}", parsed.script);
        record.push_str(&format!(
            "{:016x} {:016x} {}\n",
            hash_of(data),
            hash_of(ast),
            rendered.replace('\n', "\\n")
        ));
    }
    if parsed.has_errors() {
        return Ok(false);
    }
    let printed = print_script(&parsed.script);
    let (reparsed, diagnostics) = parse_text(&printed);
    if diagnostics.has_errors() {
        return Err(format!(
            "printed script does not parse:\n{printed}\n{}",
            diagnostics.render("printed.pig", &printed)
        ));
    }
    if reparsed != parsed.script {
        return Err(format!("round trip changed the AST:\n{printed}"));
    }
    Ok(true)
}

fn main() -> ExitCode {
    let mut runs: u64 = 1_000_000;
    let mut seed: u64 = 0x5eed_1234_abcd_0001;
    let mut paths = Vec::new();
    let mut record_path = None;
    let mut save_run = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).unwrap_or(runs),
            "--seed" => {
                seed = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(seed)
                    .max(1)
            }
            "--record" => record_path = args.next().map(PathBuf::from),
            "--save-run" => save_run = args.next().and_then(|v| v.parse::<u64>().ok()),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let mut seeds = Vec::new();
    for path in &paths {
        if let Err(e) = collect(path, &mut seeds) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    if seeds.is_empty() {
        eprintln!("usage: fuzz_parse [--runs N] [--seed S] DIR_OR_FILE... (no *.pig seeds found)");
        return ExitCode::from(2);
    }
    std::panic::set_hook(Box::new(|_| {}));
    let mut params = Params::new();
    params.set("input", "in/data");
    let mut record = match &record_path {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Some(std::io::BufWriter::new(file)),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let mut line = String::new();
    let mut rng = Rng(seed);
    let mut accepted = 0u64;
    let started = std::time::Instant::now();
    for run in 0..runs {
        let mut input = seeds[rng.below(seeds.len())].clone();
        mutate(&mut rng, &mut input, &seeds);
        if save_run == Some(run) {
            let file = format!("fuzz_parse-run-{run}.pig");
            if let Err(e) = std::fs::write(&file, &input) {
                eprintln!("{file}: {e}");
                return ExitCode::from(2);
            }
            let parsed = parse_script(&String::from_utf8_lossy(&input), "fuzz.pig", &params);
            println!("{:#?}", parsed.script);
        }
        line.clear();
        let wanted = record.as_ref().map(|_| &mut line);
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&input, &params, wanted)))
            .unwrap_or_else(|_| Err("panic".to_string()));
        if let Some(out) = record.as_mut() {
            if let Err(e) = out.write_all(line.as_bytes()) {
                eprintln!("writing the record: {e}");
                return ExitCode::from(2);
            }
        }
        match outcome {
            Ok(was_accepted) => accepted += u64::from(was_accepted),
            Err(problem) => {
                let file = format!("fuzz_parse-failure-{run}.pig");
                let _ = std::fs::write(&file, &input);
                eprintln!("run {run}: {problem}\ninput saved to {file}");
                return ExitCode::FAILURE;
            }
        }
        if run > 0 && run % 100_000 == 0 {
            eprintln!("{run} runs, {:.0?}", started.elapsed());
        }
    }
    if let Some(Err(e)) = record.as_mut().map(|out| out.flush()) {
        eprintln!("writing the record: {e}");
        return ExitCode::from(2);
    }
    println!(
        "{runs} executions from {} seeds without a failure ({accepted} inputs accepted), {:.1?}",
        seeds.len(),
        started.elapsed()
    );
    ExitCode::SUCCESS
}
