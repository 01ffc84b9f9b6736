//! Code generation: plan → Rust tokens (quote) → `syn::File` → prettyplease.
//!
//! # Entry points
//! - [`generate_module`]: the pipeline module of one script as formatted Rust source. It defines one
//!   struct per record schema and `pub fn build(df: &mut rt::dataflow::Dataflow)`, which declares the
//!   script's circuit (sources, operators, sinks) — the function `pigc_runtime::cli::main` runs. The
//!   module has no inner attributes, so it can be a crate's `src/pipeline.rs` or be `include!`d from
//!   `OUT_DIR` by a build script. It needs the crates `pigc_runtime` and `serde` (with `derive`).
//!   Input: the physical plan ([`crate::physical::plan_physical`], usually of the optimized plan).
//! - [`generate_crate`]: a standalone crate: `Cargo.toml`, `src/main.rs` (the run contract of
//!   design.md §1, `pigc_runtime::cli::main(pipeline::build)`) and `src/pipeline.rs`.
//! - [`compile_source`] (in `driver.rs`): script text → parse → plan → codegen, for the CLI and build
//!   scripts.
//!
//! # Shape of the generated code
//! One struct per record schema (derives the bounds of `pigc_runtime::record::Record`, serde for JSON,
//! `TextRecord`/`PigText`/`FromValue` for the text formats), then `build`: one `let` per relation,
//! each a fluent chain of runtime operators preceded by a `//` comment naming the Pig line it comes
//! from. Expressions are plain Rust with Pig's null semantics inlined (`Option` only where a value can
//! be null). Script names become identifiers through `names.rs` and script literals become `LitStr`s,
//! so no script text is ever pasted into code; comments are sanitized to one line.
//!
//! # What is translated
//! Every physical operator but RANK, CUBE/ROLLUP, ASSERT and DUMP: LOAD (PigStorage, TextLoader,
//! JsonLoader, CSV; pruned columns are skipped unparsed), FOREACH (plain, FLATTEN of bags and
//! tuples, untyped rows when a FLATTENed bag has no schema, nested FILTER/DISTINCT/ORDER/LIMIT/CROSS
//! and FOREACH (also with FLATTEN) and `x = expr`), FILTER, GROUP fused with its
//! FOREACH into the runtime's accumulators (COUNT, COUNT_STAR, SUM, AVG, MIN, MAX, COUNT of a
//! nested DISTINCT, the whole bag otherwise), two-input COGROUP (null keys of different inputs stay
//! apart, INNER), binary JOIN (inner and outer; chains for more inputs), CROSS, DISTINCT, UNION
//! (also ONSCHEMA, and inputs of different types, cast), SPLIT (incl. OTHERWISE), ORDER + LIMIT
//! (top-n), ORDER before a STORE (sorted sink), LIMIT, SAMPLE, STORE (append, upsert by group key,
//! sorted). Expressions: columns, literals, arithmetic with Pig's promotion (wrapping integers,
//! division by zero is null), comparisons, three-valued AND/OR/NOT, IS NULL, IN, casts (numeric,
//! text parsing, bytearray, dynamic values), bincond and CASE (null condition gives null, as Pig's
//! nested bincond), MATCHES (a literal pattern is compiled once in a `static`), tuple/bag
//! projections, map lookup, tuple/bag/map constructors, the builtins of `pigc_runtime::builtins`
//! (bag/tuple builtins and RANDOM in `exprs/collection.rs`; RANDOM is seeded by `pigc.seed`),
//! and Rust UDFs (`DEFINE f rust('path', 'sig')`: called as `path(Option<A>, …) -> Option<R>`).
//!
//! Not yet (each a [`CodegenError::Unsupported`] naming the statement): RANK, CUBE/ROLLUP, ASSERT,
//! DUMP, relations used as scalars, COGROUP of more than two relations or `ALL`, LIMIT/SAMPLE with a
//! non-constant count, more than 12 aggregates in one GROUP.
//!
//! Architecture invariant: generation never panics and never emits code it knows to be wrong; a
//! construct it cannot translate yet is a [`CodegenError::Unsupported`] with the script span.

mod crate_files;
mod driver;
mod exprs;
mod names;
mod pipeline;
mod records;

pub use crate_files::generate_crate;
pub use driver::{compile_source, CompileError, Compiled};

use crate::diagnostics::Diagnostic;
use crate::parse::Span;
use crate::physical::PhysicalPlan;
use std::path::PathBuf;

/// How a generated crate depends on `pigc-runtime`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeDependency {
    /// `pigc-runtime = { path = "…" }` (absolute, or relative to the generated crate's directory).
    Path(PathBuf),
    /// `pigc-runtime = "…"` from a registry.
    Version(String),
}

/// Options of code generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodegenOptions {
    /// The script's file name as comments cite it (`events.pig` in `// events.pig:12: …`).
    pub script_name: String,
    /// The package name of a generated crate (also the binary's name).
    pub crate_name: String,
    /// How the generated crate depends on the runtime.
    pub runtime: RuntimeDependency,
    /// Whether the generated crate enables the runtime's `kafka` feature (the `stream` subcommand).
    pub kafka: bool,
    /// Extra lines for the generated `Cargo.toml` (e.g. `[workspace]` to keep the crate out of an
    /// enclosing workspace); written verbatim after the dependencies.
    pub cargo_toml_extra: String,
}

impl Default for CodegenOptions {
    fn default() -> Self {
        CodegenOptions {
            script_name: "script.pig".to_owned(),
            crate_name: "pig-job".to_owned(),
            runtime: RuntimeDependency::Version(env!("CARGO_PKG_VERSION").to_owned()),
            kafka: false,
            cargo_toml_extra: String::new(),
        }
    }
}

/// A generated pipeline module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedModule {
    /// The formatted Rust source (`src/pipeline.rs`).
    pub source: String,
}

/// A generated standalone crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedCrate {
    /// Files relative to the crate root, in a fixed order: `Cargo.toml`, `src/main.rs`,
    /// `src/pipeline.rs`.
    pub files: Vec<(PathBuf, String)>,
}

/// Why code could not be generated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CodegenError {
    /// The script uses a construct code generation does not support yet.
    #[error("{what} is not supported by code generation yet")]
    Unsupported {
        /// What, in the user's terms (`RANK`, `the UDF my_udf`, …).
        what: String,
        /// Where in the script.
        span: Span,
    },
    /// A script value that cannot be compiled (an invalid delimiter, a bad LIMIT count, …).
    #[error("{message}")]
    Invalid {
        /// What is wrong.
        message: String,
        /// Where in the script.
        span: Span,
    },
    /// The generated tokens did not parse as a Rust file: a bug in pigc.
    #[error("internal error: generated code does not parse ({0}); please report this")]
    Internal(String),
}

impl CodegenError {
    /// The error as a diagnostic at its script span.
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            CodegenError::Unsupported { span, .. } => Diagnostic::error(self.to_string(), *span)
                .with_help("rewrite the statement with supported operators, or see README.md (supported Pig Latin)"),
            CodegenError::Invalid { span, .. } => Diagnostic::error(self.to_string(), *span),
            CodegenError::Internal(_) => Diagnostic::error_without_span(self.to_string()),
        }
    }

    fn unsupported(what: impl Into<String>, span: Span) -> Self {
        CodegenError::Unsupported {
            what: what.into(),
            span,
        }
    }
}

/// Generates the pipeline module of a planned script (see the module docs for its shape).
pub fn generate_module(
    plan: &PhysicalPlan,
    opts: &CodegenOptions,
) -> Result<GeneratedModule, CodegenError> {
    let tokens = pipeline::generate(plan, opts)?;
    Ok(GeneratedModule {
        source: format_tokens(tokens.tokens, &tokens.comments)?,
    })
}

/// Formats generated tokens with prettyplease and replaces comment markers by `//` comments: a
/// marker statement `__pigc_comment!(n);` becomes a comment line, and an in-chain marker
/// `.__pigc_comment(n)` ends the line there and puts the comment before the rest of the chain.
fn format_tokens(
    tokens: proc_macro2::TokenStream,
    comments: &[String],
) -> Result<String, CodegenError> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| CodegenError::Internal(e.to_string()))?;
    let text = prettyplease::unparse(&file);
    let comment = |index: usize| comments.get(index).map_or("", String::as_str);
    let mut out = String::with_capacity(text.len());
    // Extra indentation for the rest of a statement whose chain was broken at an in-chain marker.
    let mut shift: Option<(usize, &str)> = None;
    for line in text.lines() {
        let indent_len = line.len() - line.trim_start().len();
        let extra = match shift {
            Some((depth, extra)) if indent_len >= depth => {
                if indent_len == depth {
                    shift = None;
                }
                extra
            }
            _ => {
                shift = None;
                ""
            }
        };
        if let Some((indent, index)) = comment_marker(line) {
            push_line(&mut out, &[extra, indent, "// ", comment(index)]);
            continue;
        }
        let mut line = line.to_owned();
        while let Some((start, end, index)) = chain_marker(&line) {
            let indent_len = line.len() - line.trim_start().len();
            let (indent, code) = line.split_at(indent_len);
            let before = code[..start - indent_len].trim_end();
            let after = &line[end..];
            let continued = if before.is_empty() || before.starts_with('.') {
                ""
            } else {
                "    "
            };
            if !before.is_empty() {
                push_line(&mut out, &[extra, indent, before]);
            }
            push_line(&mut out, &[extra, indent, continued, "// ", comment(index)]);
            let rest = format!("{indent}{continued}{}", after.trim_start());
            if !continued.is_empty() && !rest.trim_end().ends_with(';') {
                shift = Some((indent.len(), "    "));
            }
            line = rest;
        }
        if !line.trim().is_empty() {
            push_line(&mut out, &[extra, &line]);
        }
    }
    Ok(out)
}

fn push_line(out: &mut String, parts: &[&str]) {
    for p in parts {
        out.push_str(p);
    }
    out.push('\n');
}

/// The name of the macro-call statement that marks where a `//` comment goes in generated code.
const COMMENT_MARKER: &str = "__pigc_comment";

/// `(indentation, comment index)` when `line` is a comment marker statement.
fn comment_marker(line: &str) -> Option<(&str, usize)> {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    let rest = trimmed
        .strip_prefix(COMMENT_MARKER)?
        .strip_prefix("!(")?
        .strip_suffix(");")?;
    Some((indent, rest.parse().ok()?))
}

/// The first in-chain marker `.__pigc_comment(n)` in `line` outside string and character literals
/// and comments: `(start, end, n)` with `start..end` the marker's bytes.
fn chain_marker(line: &str) -> Option<(usize, usize, usize)> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' => {
                // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
                if bytes.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while i < bytes.len() && bytes[i] != b'\'' {
                        i += 1;
                    }
                } else if let Some(len) = line[i + 1..].chars().next().map(char::len_utf8) {
                    if bytes.get(i + 1 + len) == Some(&b'\'') {
                        i += 1 + len;
                    }
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => return None,
            b'.' => {
                let rest = &line[i + 1..];
                if let Some(args) = rest
                    .strip_prefix(COMMENT_MARKER)
                    .and_then(|r| r.strip_prefix('('))
                {
                    let close = args.find(')')?;
                    let index = args[..close].parse().ok()?;
                    let end = line.len() - args.len() + close + 1;
                    return Some((i, end, index));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A single line of text safe in a `//` comment or a doc attribute: control characters (line breaks
/// included) become spaces, and the text is trimmed and shortened to a readable length.
pub(crate) fn comment_text(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let squeezed = one_line.split_whitespace().collect::<Vec<_>>().join(" ");
    const MAX: usize = 160;
    if squeezed.chars().count() > MAX {
        let cut: String = squeezed.chars().take(MAX).collect();
        format!("{cut} …")
    } else {
        squeezed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_one_sanitized_line() {
        assert_eq!(
            comment_text("a = FILTER b\n BY x;\r\n"),
            "a = FILTER b BY x;"
        );
        assert_eq!(comment_text("*/ \u{0} x"), "*/ x");
        assert_eq!(
            comment_marker("    __pigc_comment!(12);"),
            Some(("    ", 12))
        );
        assert_eq!(comment_marker("let x = 1;"), None);
        assert_eq!(
            chain_marker("let a = b.__pigc_comment(3).map(|r| r.x);"),
            Some((9, 27, 3))
        );
        assert_eq!(chain_marker(r#"f(".__pigc_comment(3)", '"').x"#), None);
        assert_eq!(chain_marker(r#"f('"', "\".__pigc_comment(3)")"#), None);
    }

    #[test]
    fn in_chain_markers_become_comment_lines_before_the_rest_of_the_chain() {
        let tokens = quote::quote! {
            fn build() {
                let a = b.__pigc_comment(0).map(|r| r.x);
                let c = d.__pigc_comment(1).map(|r| Long { x: r.x, y: r.y, zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz: r.zzzzzzzzzzzzzzzzzzzzz });
                e.__pigc_comment(0).f();
            }
        };
        let text = format_tokens(tokens, &["zero".into(), "one".into()]).unwrap();
        assert_eq!(
            text,
            "fn build() {\n    let a = b\n        // zero\n        .map(|r| r.x);\n    let c = d\n        // one\n        .map(|r| Long {\n            x: r.x,\n            y: r.y,\n            zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz: r.zzzzzzzzzzzzzzzzzzzzz,\n        });\n    e\n        // zero\n        .f();\n}\n"
        );
    }
}
