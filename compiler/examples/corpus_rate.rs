//! Measures how much of the Apache Pig e2e corpus pigc accepts.
//!
//! ```text
//! cargo run -p pigc --example corpus_rate -- /work/shared/corpus [--mode syntax|full] [--quiet]
//! ```
//!
//! For every `pig-e2e/**/*.pig` it replaces the harness placeholders (`:INPATH:`, `:OUTPATH:`,
//! `:FUNCPATH:`, …) with a path, applies the test's `-p` parameters from `manifest.jsonl`, checks
//! the script, prints the acceptance rate and lists the failures with their first diagnostic.
//! It then checks that every negative script whose `negative_kind` is `syntax` is rejected.
//!
//! Modes: `syntax` stops after parsing; `full` also runs the later passes ([`full_check`]).
//! The corpus is not part of the product, so this is a script, not a test CI depends on.

use pigc::diagnostics::Diagnostics;
use pigc::parse::{parse_script, parse_text, print_script, Params, ParseOutput};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Replaces `:NAME:` harness placeholders (upper-case letters and `_`) with this path.
const PLACEHOLDER_PATH: &str = "/tmp/pigc-corpus";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Syntax,
    Full,
}

struct Options {
    corpus: PathBuf,
    mode: Mode,
    quiet: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut corpus = None;
    let mut mode = Mode::Syntax;
    let mut quiet = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--mode" => {
                mode = match args.next().as_deref() {
                    Some("syntax") => Mode::Syntax,
                    Some("full") => Mode::Full,
                    other => return Err(format!("--mode takes syntax or full, got {other:?}")),
                }
            }
            "--quiet" => quiet = true,
            _ if corpus.is_none() => corpus = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    Ok(Options {
        corpus: corpus.ok_or("usage: corpus_rate CORPUS_DIR [--mode syntax|full] [--quiet]")?,
        mode,
        quiet,
    })
}

/// Runs the passes after parsing: logical planning (#3). Errors about Java UDFs from Pig's test jar
/// are put last, so that a script is counted under that cause only when it has no other error.
fn full_check(parsed: &ParseOutput) -> Result<Diagnostics, String> {
    let diagnostics = pigc::plan::build_plan(&parsed.script, &parsed.file)
        .map(|planned| planned.warnings)
        .unwrap_or_else(|errors| errors);
    let (test_jar, others): (Vec<_>, Vec<_>) = diagnostics
        .into_iter()
        .partition(|d| d.message.contains("Pig's test jar"));
    Ok(others.into_iter().chain(test_jar).collect())
}

/// The cause of a full-mode failure, from its first error's message: the message with quoted names
/// left out, or a named group for what pigc does not support by design.
fn failure_cause(error: &str) -> String {
    let message = error
        .lines()
        .next()
        .and_then(|l| l.split_once(": error: "))
        .map_or(error, |(_, m)| m);
    let groups = [
        (
            "test UDF from Pig's test jar",
            "Java UDF from Pig's test jar (org.apache.pig.test.*)",
        ),
        ("Java UDF", "other Java UDF"),
        (
            "scripting UDF",
            "scripting UDF (jython, jruby, streaming_python, …)",
        ),
        ("STREAM", "STREAM … THROUGH (not supported)"),
        ("MAPREDUCE", "MAPREDUCE (not supported)"),
        (
            "load function",
            "unsupported load function (BinStorage, OrcStorage, …)",
        ),
        (
            "store function",
            "unsupported store function (BinStorage, OrcStorage, …)",
        ),
        ("expected", "syntax error"),
    ];
    if let Some((_, group)) = groups.iter().find(|(needle, _)| message.contains(needle)) {
        return group.to_string();
    }
    let message = message.split(" (DEFINE ").next().unwrap_or(message);
    let mut cause = String::new();
    let mut quoted = false;
    for c in message.chars() {
        if c == '`' {
            quoted = !quoted;
            cause.push_str(if quoted { "`…" } else { "`" });
        } else if !quoted {
            cause.push(c);
        }
    }
    cause
}

/// Prints the full-mode failures grouped by cause, largest group first, and the scripts that fail
/// only because they call Java UDFs from Pig's test jar.
fn print_causes(failures: &[(String, String)]) {
    let mut causes: HashMap<String, Vec<&str>> = HashMap::new();
    for (file, error) in failures {
        causes.entry(failure_cause(error)).or_default().push(file);
    }
    let mut causes: Vec<_> = causes.into_iter().collect();
    causes.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    println!("failures by cause:");
    for (cause, files) in &causes {
        println!("{:5}  {cause}", files.len());
    }
    let test_jar = causes
        .iter()
        .find(|(c, _)| c.starts_with("Java UDF from Pig's test jar"))
        .map(|(_, f)| f.join(", "));
    if let Some(files) = test_jar {
        println!("scripts failing only because they call Java UDFs from Pig's test jar: {files}");
    }
}

/// One manifest entry: the test's parameters and negative classification.
#[derive(Default)]
struct Entry {
    params: Vec<(String, String)>,
    negative_kind: Option<String>,
    /// The Pig harness skips the test (its expectation predates Pig 0.17).
    ignored: bool,
}

fn read_manifest(corpus: &Path) -> Result<HashMap<String, Entry>, String> {
    let path = corpus.join("manifest.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut entries = HashMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("manifest: {e}"))?;
        let Some(file) = value.get("file").and_then(|f| f.as_str()) else {
            continue;
        };
        let mut entry = Entry {
            negative_kind: value
                .get("negative_kind")
                .and_then(|k| k.as_str())
                .map(str::to_string),
            ignored: value.get("ignore").is_some_and(|i| i.as_i64() != Some(0)),
            ..Entry::default()
        };
        if let Some(args) = value.get("pig_params").and_then(|p| p.as_array()) {
            let args: Vec<&str> = args.iter().filter_map(|a| a.as_str()).collect();
            for pair in args.windows(2) {
                if pair[0] == "-p" || pair[0] == "-param" {
                    if let Some((k, v)) = pair[1].split_once('=') {
                        let v = v.trim_matches('\'').trim_matches('"');
                        entry.params.push((k.to_string(), v.to_string()));
                    }
                }
            }
        }
        entries.insert(file.to_string(), entry);
    }
    Ok(entries)
}

fn replace_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(':') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_uppercase() || c == '_'))
            .unwrap_or(after.len());
        if name_len > 0 && after[name_len..].starts_with(':') {
            out.push_str(PLACEHOLDER_PATH);
            rest = &after[name_len + 1..];
        } else {
            out.push(':');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn pig_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            pig_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "pig") {
            out.push(path);
        }
    }
    Ok(())
}

/// Checks one file: `Ok(None)` if accepted, `Ok(Some(first error rendered))` if rejected,
/// `Err` if the check itself cannot run.
fn check(
    path: &Path,
    relative: &str,
    entry: Option<&Entry>,
    mode: Mode,
) -> Result<Option<String>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = replace_placeholders(&String::from_utf8_lossy(&bytes));
    let mut params = Params::new();
    for (k, v) in entry.map(|e| e.params.as_slice()).unwrap_or_default() {
        params.set(k.clone(), v.clone());
    }
    let parsed = parse_script(&text, relative, &params);
    if !parsed.has_errors() {
        let printed = print_script(&parsed.script);
        let (reparsed, errors) = parse_text(&printed);
        if errors.has_errors() || reparsed != parsed.script {
            return Ok(Some(format!(
                "{relative}: pretty-printed script does not parse back to the same AST:\n{printed}\n{}",
                errors.render(relative, &printed)
            )));
        }
    }
    let mut diagnostics = parsed.diagnostics.clone();
    if mode == Mode::Full && !diagnostics.has_errors() {
        diagnostics.extend(full_check(&parsed)?);
    }
    Ok(diagnostics
        .iter()
        .find(|d| d.is_error())
        .map(|first| first.render(relative, &parsed.source)))
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let manifest = match read_manifest(&options.corpus) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut files = Vec::new();
    if let Err(e) = pig_files(&options.corpus.join("pig-e2e"), &mut files) {
        eprintln!("reading pig-e2e: {e}");
        return ExitCode::from(2);
    }
    files.sort();
    let mut failures = Vec::new();
    for path in &files {
        let relative = path
            .strip_prefix(&options.corpus)
            .unwrap_or(path)
            .to_string_lossy()
            .to_string();
        match check(path, &relative, manifest.get(&relative), options.mode) {
            Ok(None) => {}
            Ok(Some(error)) => failures.push((relative, error)),
            Err(fatal) => {
                eprintln!("{fatal}");
                return ExitCode::from(2);
            }
        }
    }
    if !options.quiet {
        for (file, error) in &failures {
            println!("FAIL {file}\n{error}");
        }
    }
    if options.mode == Mode::Full {
        print_causes(&failures);
    }
    let accepted = files.len() - failures.len();
    let rate = 100.0 * accepted as f64 / files.len().max(1) as f64;
    println!(
        "pig-e2e ({:?} mode): accepted {accepted} of {} scripts = {rate:.1} %",
        options.mode,
        files.len()
    );

    let syntax_negatives = manifest
        .iter()
        .filter(|(_, e)| e.negative_kind.as_deref() == Some("syntax"));
    let (ignored, mut negatives): (Vec<_>, Vec<_>) = syntax_negatives.partition(|(_, e)| e.ignored);
    negatives.sort_by_key(|(f, _)| *f);
    let negatives: Vec<&String> = negatives.into_iter().map(|(f, _)| f).collect();
    let mut wrongly_accepted = 0;
    for file in &negatives {
        let path = options.corpus.join(file);
        match check(&path, file, manifest.get(*file), Mode::Syntax) {
            Ok(None) => {
                wrongly_accepted += 1;
                println!("NEGATIVE ACCEPTED {file}");
            }
            Ok(Some(error)) if !options.quiet => println!("negative rejected {file}\n{error}"),
            Ok(Some(_)) => {}
            Err(fatal) => {
                eprintln!("{fatal}");
                return ExitCode::from(2);
            }
        }
    }
    println!(
        "pig-e2e-negative (syntax): rejected {} of {} ({} more are marked `ignore` in the \
         manifest because Pig 0.17 accepts them; not counted)",
        negatives.len() - wrongly_accepted,
        negatives.len(),
        ignored.len()
    );
    if rate >= 95.0 && wrongly_accepted == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
