//! Parameter substitution, done on the text before parsing as Pig does it.
//!
//! Sources of values, from highest precedence to lowest (Pig's documented order):
//! `%declare` in the script, `-p NAME=VALUE` on the command line, `--param-file` files, `%default`
//! in the script. `$name` is replaced everywhere except in comments (also inside quoted strings);
//! `\$name` is left alone. Undefined `$name` references are left in the text: inside a macro body
//! they are the macro's parameters, elsewhere the parser reports them.
//!
//! `%declare`/`%default` lines are turned into `--` comments (not removed), so line numbers stay
//! those of the file and diagnostics can show the directive.
//! Values written in quotes lose one level of quotes. Backtick command values (Pig runs them in a
//! shell) are rejected with a clear error: a compiler must not run commands.

use super::span::{LineIndex, Span};
use crate::diagnostics::{Diagnostic, Diagnostics};
use std::collections::HashMap;
use thiserror::Error;

/// Parameters supplied from outside the script (`-p` and parameter files).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    /// From `-p NAME=VALUE`, in order (a later one wins).
    command_line: Vec<(String, String)>,
    /// From `--param-file` files, in order (a later one wins).
    file: Vec<(String, String)>,
}

/// A malformed parameter given from outside the script.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParamError {
    #[error("parameter `{0}` is not of the form NAME=VALUE")]
    NotAnAssignment(String),
    #[error(
        "`{0}` is not a valid parameter name (letters, digits and `_`, not starting with a digit)"
    )]
    BadName(String),
    #[error("parameter `{name}` has a backtick command value `{value}`; pigc does not run shell commands for parameters, give the value itself")]
    CommandValue { name: String, value: String },
    #[error("line {line} of the parameter file: {source}")]
    InFile {
        line: usize,
        #[source]
        source: Box<ParamError>,
    },
}

impl Params {
    /// No parameters.
    pub fn new() -> Self {
        Params::default()
    }

    /// Adds a `-p NAME=VALUE` parameter (command-line precedence).
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.command_line.push((name.into(), value.into()));
    }

    /// Parses and adds a `-p` argument `NAME=VALUE`.
    pub fn set_assignment(&mut self, assignment: &str) -> Result<(), ParamError> {
        let (name, value) = parse_assignment(assignment)?;
        self.command_line.push((name, value));
        Ok(())
    }

    /// Adds the contents of a parameter file: `NAME=VALUE` lines, `#` comments and blank lines.
    pub fn add_param_file(&mut self, text: &str) -> Result<(), ParamError> {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, value) = parse_assignment(line).map_err(|e| ParamError::InFile {
                line: i + 1,
                source: Box::new(e),
            })?;
            self.file.push((name, value));
        }
        Ok(())
    }
}

fn parse_assignment(text: &str) -> Result<(String, String), ParamError> {
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| ParamError::NotAnAssignment(text.to_string()))?;
    let name = name.trim();
    if !is_param_name(name) {
        return Err(ParamError::BadName(name.to_string()));
    }
    let value = value.trim();
    if value.starts_with('`') {
        return Err(ParamError::CommandValue {
            name: name.to_string(),
            value: value.to_string(),
        });
    }
    Ok((name.to_string(), unquote(value).to_string()))
}

fn is_param_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Strips one level of matching single or double quotes.
fn unquote(value: &str) -> &str {
    for q in ['\'', '"'] {
        if value.len() >= 2 && value.starts_with(q) && value.ends_with(q) {
            return &value[1..value.len() - 1];
        }
    }
    value
}

/// Where a value came from; a lower rank wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Precedence {
    Declare,
    CommandLine,
    File,
    Default,
}

/// The values in scope while substituting.
struct Scope {
    values: HashMap<String, (String, Precedence)>,
}

impl Scope {
    fn define(&mut self, name: &str, value: String, precedence: Precedence) {
        match self.values.get(name) {
            Some((_, existing)) if *existing < precedence => {}
            _ => {
                self.values.insert(name.to_string(), (value, precedence));
            }
        }
    }
}

/// Substitutes parameters in `source`; returns the text to parse and any errors (reported against
/// `source`, whose line numbers the result keeps).
pub fn substitute(source: &str, params: &Params) -> (String, Diagnostics) {
    let mut scope = Scope {
        values: HashMap::new(),
    };
    for (name, value) in &params.file {
        scope.define(name, value.clone(), Precedence::File);
    }
    for (name, value) in &params.command_line {
        scope.define(name, value.clone(), Precedence::CommandLine);
    }
    let index = LineIndex::new(source);
    let mut diagnostics = Diagnostics::new();
    let mut out = String::with_capacity(source.len());
    let mut in_block_comment = false;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = &line[body.len()..];
        let trimmed = body.trim_start();
        let directive = if in_block_comment {
            None
        } else {
            directive_of(trimmed)
        };
        match directive {
            Some(kind) => {
                let indent = &body[..body.len() - trimmed.len()];
                // The directive stays in the output behind `--`; its span points there.
                let (line, _) = index.line_col(source, offset);
                let start = out.len() + indent.len() + 2;
                let span = Span::new(
                    start,
                    start + trimmed.len(),
                    line,
                    indent.chars().count() as u32 + 3,
                );
                out.push_str(indent);
                out.push_str("--");
                out.push_str(trimmed);
                match parse_directive(trimmed, kind) {
                    Ok((name, raw_value)) => {
                        if raw_value.starts_with('`') {
                            diagnostics.push(
                                Diagnostic::error(
                                    format!("parameter `{name}` has a backtick command value"),
                                    span,
                                )
                                .with_primary_label("command values are not supported")
                                .with_help(
                                    "pigc does not run shell commands; give the value itself or pass it with -p",
                                ),
                            );
                        } else {
                            let (value, _) =
                                substitute_text(unquote(raw_value), &scope, &mut false);
                            let precedence = match kind {
                                Directive::Declare => Precedence::Declare,
                                Directive::Default => Precedence::Default,
                            };
                            scope.define(name, value, precedence);
                        }
                    }
                    Err(message) => diagnostics.push(Diagnostic::error(message, span)),
                }
                out.push_str(ending);
            }
            None => {
                let (text, still_in_comment) = substitute_text(body, &scope, &mut in_block_comment);
                in_block_comment = still_in_comment;
                out.push_str(&text);
                out.push_str(ending);
            }
        }
        offset += line.len();
    }
    (out, diagnostics)
}

#[derive(Debug, Clone, Copy)]
enum Directive {
    Declare,
    Default,
}

fn directive_of(line: &str) -> Option<Directive> {
    let word: String = line
        .chars()
        .take_while(|c| *c == '%' || c.is_ascii_alphabetic())
        .collect();
    match word.to_ascii_lowercase().as_str() {
        "%declare" => Some(Directive::Declare),
        "%default" => Some(Directive::Default),
        _ => None,
    }
}

/// Splits `%declare NAME VALUE` into name and raw value (comments and a trailing `;` removed).
fn parse_directive(line: &str, kind: Directive) -> Result<(&str, &str), String> {
    let keyword = match kind {
        Directive::Declare => "%declare",
        Directive::Default => "%default",
    };
    let rest = line[keyword.len()..].trim_start();
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let name = &rest[..name_len];
    if !is_param_name(name) {
        return Err(format!("expected a parameter name after `{keyword}`"));
    }
    let value = strip_line_comment(rest[name_len..].trim());
    let value = value.strip_suffix(';').unwrap_or(value).trim_end();
    if value.is_empty() {
        return Err(format!("`{keyword} {name}` needs a value"));
    }
    Ok((name, value))
}

/// Removes a trailing `-- comment` that is outside quotes.
fn strip_line_comment(value: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = '\0';
    for (i, c) in value.char_indices() {
        match quote {
            Some(q) if c == q && prev != '\\' => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' || c == '`' => quote = Some(c),
            None if c == '-' && prev == '-' => return value[..i - 1].trim_end(),
            None => {}
        }
        prev = c;
    }
    value
}

/// Replaces `$name` references outside comments. `in_block_comment` carries `/* … */` state
/// across lines; the returned flag is the state at the end of `text`.
fn substitute_text(text: &str, scope: &Scope, in_block_comment: &mut bool) -> (String, bool) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    let mut in_comment = *in_block_comment;
    while i < bytes.len() {
        if in_comment {
            if bytes[i..].starts_with(b"*/") {
                in_comment = false;
                i += 2;
            } else {
                i += 1;
            }
            continue;
        }
        match bytes[i] {
            b'-' if bytes[i..].starts_with(b"--") => break,
            b'/' if bytes[i..].starts_with(b"/*") => {
                in_comment = true;
                i += 2;
            }
            b'\\' => i += 2,
            b'$' => {
                let name_len = text[i + 1..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(text.len() - i - 1);
                let name = &text[i + 1..i + 1 + name_len];
                match scope.values.get(name) {
                    Some((value, _)) if is_param_name(name) => {
                        out.push_str(&text[copied..i]);
                        out.push_str(value);
                        i += 1 + name_len;
                        copied = i;
                    }
                    _ => i += 1 + name_len,
                }
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[copied.min(text.len())..]);
    *in_block_comment = in_comment;
    (out, in_comment)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(source: &str, params: &Params) -> String {
        let (text, diagnostics) = substitute(source, params);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        text
    }

    #[test]
    fn declare_default_and_command_line_precedence() {
        let mut params = Params::new();
        params.set("A", "cli");
        params.set("B", "cli");
        let source =
            "%default A 'dflt'\n%declare B decl\n%default C \"c c\"\nx = load '$A/$B/$C';\n";
        assert_eq!(
            run(source, &params),
            "--%default A 'dflt'\n--%declare B decl\n--%default C \"c c\"\nx = load 'cli/decl/c c';\n"
        );
    }

    #[test]
    fn comments_escapes_and_undefined_are_left_alone() {
        let mut params = Params::new();
        params.set("p", "v");
        let source = "-- $p\na = foreach b generate $0, $q, '\\$p', '$p'; /* $p\n $p */ $p\n";
        assert_eq!(
            run(source, &params),
            "-- $p\na = foreach b generate $0, $q, '\\$p', 'v'; /* $p\n $p */ v\n"
        );
    }

    #[test]
    fn declare_values_see_earlier_parameters() {
        let source = "%declare A x\n%declare B '$A/y'\nstore a into '$B';";
        assert_eq!(
            run(source, &Params::new()),
            "--%declare A x\n--%declare B '$A/y'\nstore a into 'x/y';"
        );
    }

    #[test]
    fn backtick_values_are_rejected() {
        let (_, diagnostics) = substitute("%declare D `date`\n", &Params::new());
        assert!(diagnostics.has_errors());
        let mut params = Params::new();
        assert!(matches!(
            params.set_assignment("D=`date`"),
            Err(ParamError::CommandValue { .. })
        ));
    }

    #[test]
    fn param_files_parse_and_rank_below_command_line() {
        let mut params = Params::new();
        params
            .add_param_file("# comment\nA = 'file'\nB=file\n")
            .map_err(|e| e.to_string())
            .unwrap_or_else(|e| panic!("{e}"));
        params.set("A", "cli");
        assert_eq!(run("$A $B", &params), "cli file");
        assert!(params.add_param_file("oops").is_err());
    }
}
