//! Parsing: pest grammar → AST with spans; parameter substitution; syntax diagnostics.
//!
//! Entry points:
//! - [`parse_script`]: substitute parameters, then parse; returns a [`ParseOutput`] holding the
//!   script (every statement that parsed), the substituted text and the diagnostics.
//! - [`parse_text`]: parse text that needs no parameter substitution.
//! - [`print_script`]: the pretty-printer (AST → Pig Latin); `parse(print(ast)) == ast`.
//!
//! Architecture invariant: parsing never panics and never stops at the first error. Each
//! statement is parsed on its own; after a syntax error the parser skips to the next `;` (at
//! brace depth 0) and goes on, so one run reports every broken statement.

pub mod ast;
mod build;
mod depth;
mod expected;
mod expr;
mod grammar;
pub mod params;
mod printer;
pub mod span;

pub use params::{ParamError, Params};
pub use printer::{print_expr, print_script};
pub use span::{LineIndex, Span};

use crate::diagnostics::{Diagnostic, Diagnostics};
use ast::{Script, Statement};
use build::Builder;
use grammar::{PigParser, Rule};
use pest::Parser as _;

/// Deepest bracket nesting accepted; deeper input is rejected before parsing so that no pass
/// can overflow the stack.
pub const MAX_NESTING: usize = 128;

/// Most operators accepted in one statement. A chain of operators is a tree as deep as it is long,
/// and every later pass walks it recursively; this bounds that depth (the `pigc` binary and
/// [`crate::Config`] run the passes on a thread with [`crate::STACK_SIZE`] bytes of stack).
pub const MAX_OPERATORS: usize = 5_000;

/// The result of parsing one file.
#[derive(Debug, Clone)]
pub struct ParseOutput {
    /// The file name used in diagnostics.
    pub file: String,
    /// The text that was parsed (after parameter substitution); spans index into it.
    pub source: String,
    /// Every statement that parsed, in order (statements with syntax errors are left out).
    pub script: Script,
    /// Syntax and parameter errors, and warnings.
    pub diagnostics: Diagnostics,
}

impl ParseOutput {
    /// Whether any error was reported.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.has_errors()
    }

    /// Renders all diagnostics against the parsed text.
    pub fn render_diagnostics(&self) -> String {
        self.diagnostics.render(&self.file, &self.source)
    }

    /// The script if there were no errors, else the diagnostics.
    pub fn into_result(self) -> Result<Script, Diagnostics> {
        if self.diagnostics.has_errors() {
            Err(self.diagnostics)
        } else {
            Ok(self.script)
        }
    }
}

/// Substitutes `params` (and the script's `%declare`/`%default`) into `source`, then parses it.
/// `file` names the script in diagnostics.
pub fn parse_script(source: &str, file: &str, params: &Params) -> ParseOutput {
    let (text, mut diagnostics) = params::substitute(source, params);
    let (script, parse_diagnostics) = parse_text(&text);
    diagnostics.extend(parse_diagnostics);
    ParseOutput {
        file: file.to_string(),
        source: text,
        script,
        diagnostics,
    }
}

/// Parses Pig Latin text as is (no parameter substitution). Returns the statements that parsed
/// and the diagnostics; never panics.
pub fn parse_text(text: &str) -> (Script, Diagnostics) {
    let index = LineIndex::new(text);
    let mut diagnostics = Diagnostics::new();
    let whole = index.span(text, 0, text.len());
    if let Some(deep) = depth::too_deep(text) {
        let at = deep.offset();
        diagnostics.push(
            Diagnostic::error(deep.message(), index.span(text, at, at + 1))
                .with_help("split the expression into several statements"),
        );
        return (
            Script {
                statements: Vec::new(),
                span: whole,
            },
            diagnostics,
        );
    }
    let mut statements = Vec::new();
    let mut pos = skip_trivia(text, 0);
    while pos < text.len() {
        match parse_statement(text, &index, pos) {
            Ok((statement, end, problems)) => {
                statements.extend(statement);
                problems.into_iter().for_each(|d| diagnostics.push(d));
                pos = skip_trivia(text, end);
            }
            Err((diagnostic, error_at)) => {
                diagnostics.push(*diagnostic);
                pos = skip_trivia(text, recover(text, pos, error_at));
            }
        }
    }
    (
        Script {
            statements,
            span: whole,
        },
        diagnostics,
    )
}

/// A statement (`None` if it parsed but could not be built), the offset after it and the
/// problems found while building it.
type StatementResult = (Option<Statement>, usize, Vec<Diagnostic>);

/// Parses one statement at `pos`; on a syntax error returns the diagnostic and the offset of
/// the error.
fn parse_statement(
    text: &str,
    index: &LineIndex,
    pos: usize,
) -> Result<StatementResult, (Box<Diagnostic>, usize)> {
    // Parse only up to the statement's `;` (at brace depth 0): pest indexes the lines of the
    // whole input it is given, so handing it the rest of the file would make parsing quadratic.
    // Statements that end without `;` (Grunt commands, FOREACH blocks) end earlier anyway.
    let rest = &text[pos..recover(text, pos, pos)];
    match PigParser::parse(Rule::statement_only, rest) {
        Ok(mut pairs) => {
            let whole = index.span(text, pos, text.len());
            let pair = pairs
                .next()
                .ok_or_else(|| (build::shape_error("statement", whole), pos))?;
            let end = pos + pair.as_span().end();
            let mut builder = Builder {
                source: text,
                index,
                offset: pos,
                macro_depth: 0,
                problems: Vec::new(),
                operators: 0,
            };
            match builder.statement_only(pair) {
                Ok(statement) => Ok((Some(statement), end, builder.problems)),
                Err(diagnostic) => {
                    builder.problems.push(*diagnostic);
                    Ok((None, end, builder.problems))
                }
            }
        }
        Err(error) => Err(syntax_error(text, index, pos, &error)),
    }
}

/// Builds the diagnostic for a pest error in the statement starting at `pos`.
fn syntax_error(
    text: &str,
    index: &LineIndex,
    pos: usize,
    error: &pest::error::Error<Rule>,
) -> (Box<Diagnostic>, usize) {
    let at = pos
        + match error.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((start, _)) => start,
        };
    let mut at = at.min(text.len());
    let at_end = text[at..].trim().is_empty();
    if at_end {
        // Point just after the last token rather than at an empty line.
        at = text[..at].trim_end().len().max(pos);
    }
    let found = if at_end { "" } else { token_at(text, at) };
    let span = index.span(text, at, (at + found.len()).min(text.len()));
    let (positives, negatives) = match &error.variant {
        pest::error::ErrorVariant::ParsingError {
            positives,
            negatives,
        } => (positives.clone(), negatives.clone()),
        pest::error::ErrorVariant::CustomError { .. } => (Vec::new(), Vec::new()),
    };
    let expected = expected::describe_all(&positives);
    let found_words = if found.is_empty() {
        "end of input".to_string()
    } else {
        format!("`{found}`")
    };
    let message = if expected.is_empty() {
        format!("unexpected {found_words}")
    } else {
        format!(
            "expected {}, found {found_words}",
            expected::join_alternatives(&expected)
        )
    };
    if let Some(diagnostic) = special_syntax_error(text, index, pos, at, found) {
        return (Box::new(diagnostic), at);
    }
    let mut diagnostic = Diagnostic::error(message, span);
    if !expected.is_empty() {
        diagnostic = diagnostic.with_primary_label(format!(
            "expected {}",
            expected::join_alternatives(&expected)
        ));
    }
    let name_expected = expected.iter().any(|e| {
        matches!(
            e.as_str(),
            "an alias" | "a relation alias" | "a field name" | "a schema field" | "a macro name"
        )
    });
    if name_expected && (negatives.contains(&Rule::reserved) || is_reserved_word(found)) {
        diagnostic = diagnostic.with_note(format!(
            "`{found}` is a reserved word and cannot be used as a name"
        ));
    }
    if found.is_empty() && !expected.is_empty() && expected.iter().any(|e| e == "`;`") {
        diagnostic = diagnostic.with_help("every statement ends with `;`");
    }
    (Box::new(diagnostic), at)
}

/// Clearer messages for two common mistakes: a reserved word used as an alias, and a string
/// literal that is not closed on its line.
fn special_syntax_error(
    text: &str,
    index: &LineIndex,
    pos: usize,
    at: usize,
    found: &str,
) -> Option<Diagnostic> {
    if found.starts_with('\'') && (found.len() == 1 || !found.ends_with('\'')) {
        return Some(
            Diagnostic::error(
                "string literal is not closed",
                index.span(text, at, at + found.len()),
            )
            .with_primary_label("no closing `'` on this line")
            .with_help("strings end with `'` on the same line; write `\\'` for a quote inside"),
        );
    }
    let statement = &text[pos..];
    let word_len = statement
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(statement.len());
    let word = &statement[..word_len];
    let after = statement[word_len..].trim_start();
    if is_reserved_word(word) && after.starts_with('=') && !after.starts_with("==") {
        return Some(
            Diagnostic::error(
                format!("`{word}` is a reserved word and cannot be used as an alias"),
                index.span(text, pos, pos + word_len),
            )
            .with_primary_label("reserved word")
            .with_help("choose another name for the relation"),
        );
    }
    None
}

fn is_reserved_word(word: &str) -> bool {
    !word.is_empty()
        && PigParser::parse(Rule::reserved, word)
            .map(|mut pairs| pairs.next().is_some_and(|p| p.as_str().len() == word.len()))
            .unwrap_or(false)
}

/// The token starting at `at`, for "found `x`" (empty at end of input).
fn token_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let Some(first) = rest.chars().next() else {
        return "";
    };
    let len = if first.is_alphanumeric() || first == '_' || first == '$' {
        rest.char_indices()
            .skip(1)
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(rest.len(), |(i, _)| i)
    } else if first == '\'' || first == '`' {
        rest.char_indices()
            .skip(1)
            .find(|(_, c)| *c == first || *c == '\n')
            .map_or(rest.len(), |(i, c)| if c == first { i + 1 } else { i })
    } else {
        first.len_utf8()
    };
    let token = &rest[..len];
    match token.char_indices().nth(40) {
        Some((cut, _)) => &token[..cut],
        None => token,
    }
}

/// Skips whitespace, comments and empty statements (a lone `;`) from `pos`.
fn skip_trivia(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while pos < bytes.len() && matches!(bytes[pos], b' ' | b'\t' | b'\r' | b'\n' | 0x0C | b';')
        {
            pos += 1;
        }
        if text[pos..].starts_with('\u{FEFF}') {
            pos += '\u{FEFF}'.len_utf8();
        } else if bytes[pos..].starts_with(b"--") {
            pos = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        } else if bytes[pos..].starts_with(b"/*") {
            pos = text[pos + 2..]
                .find("*/")
                .map_or(text.len(), |i| pos + 2 + i + 2);
        } else {
            return pos;
        }
    }
}

/// Where to resume after a syntax error at `error_at` in the statement starting at `start`:
/// just after the first `;` at brace depth 0 (relative to the statement) at or after the error,
/// skipping quoted text (up to the end of its line), backquoted commands and comments. Always
/// moves forward. With `error_at == start` this is where the statement's text ends at the latest.
fn recover(text: &str, start: usize, error_at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut depth: i64 = 0;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'`' | b'"' => {
                let quote = bytes[i];
                i += 1;
                while i < bytes.len() && bytes[i] != quote && bytes[i] != b'\n' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'-' if bytes[i..].starts_with(b"--") => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes[i..].starts_with(b"/*") => {
                i += 2;
                while i < bytes.len() && !bytes[i..].starts_with(b"*/") {
                    i += 1;
                }
                i += 1;
            }
            b'{' => depth += 1,
            b'}' => depth -= 1,
            b';' if depth <= 0 && i >= error_at => return i + 1,
            _ => {}
        }
        i += 1;
    }
    text.len().max(start + 1)
}
