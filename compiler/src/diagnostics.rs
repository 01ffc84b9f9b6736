//! Diagnostics shared by every pass: a message, a primary span, labels and notes, rendered with
//! file:line:column, the source line and a caret.
//!
//! ```text
//! metrics.pig:3:14: error: expected `;`, found `foo`
//!   |
//! 3 | a = load 'x' foo
//!   |              ^^^ expected `;`
//!   = help: every statement ends with `;`
//! ```

use crate::parse::span::{LineIndex, Span};
use std::fmt::{self, Write as _};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A secondary location with a short message.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One message for the user, optionally anchored at a span of the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Where the problem is; `None` for problems of the whole input (an unreadable file).
    pub span: Option<Span>,
    /// Text shown under the caret of the primary span.
    pub primary_label: Option<String>,
    /// Further locations (shown each with its own source line and caret).
    pub labels: Vec<Label>,
    /// `= note: …` lines.
    pub notes: Vec<String>,
    /// `= help: …` lines.
    pub help: Vec<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(message: impl Into<String>, span: Span) -> Self {
        Diagnostic::new(Severity::Error, message, Some(span))
    }

    /// A warning at `span`.
    pub fn warning(message: impl Into<String>, span: Span) -> Self {
        Diagnostic::new(Severity::Warning, message, Some(span))
    }

    /// An error about the input as a whole.
    pub fn error_without_span(message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Error, message, None)
    }

    fn new(severity: Severity, message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic {
            severity,
            message: message.into(),
            span,
            primary_label: None,
            labels: Vec::new(),
            notes: Vec::new(),
            help: Vec::new(),
        }
    }

    /// Sets the text under the primary caret.
    pub fn with_primary_label(mut self, label: impl Into<String>) -> Self {
        self.primary_label = Some(label.into());
        self
    }

    /// Adds a secondary location.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a `note:` line.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// Whether this is an error (as opposed to a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic as plain text against `source`, the text the spans index into,
    /// naming it `file`.
    pub fn render(&self, file: &str, source: &str) -> String {
        let index = LineIndex::new(source);
        let mut out = String::new();
        match self.span {
            Some(span) => {
                let (line, col) = index.line_col(source, span.start);
                let _ = writeln!(
                    out,
                    "{file}:{line}:{col}: {}: {}",
                    self.severity, self.message
                );
                render_snippet(
                    &mut out,
                    source,
                    &index,
                    span,
                    self.primary_label.as_deref(),
                );
            }
            None => {
                let _ = writeln!(out, "{file}: {}: {}", self.severity, self.message);
            }
        }
        for label in &self.labels {
            let (line, col) = index.line_col(source, label.span.start);
            let _ = writeln!(out, "  --> {file}:{line}:{col}");
            render_snippet(&mut out, source, &index, label.span, Some(&label.message));
        }
        for note in &self.notes {
            let _ = writeln!(out, "  = note: {note}");
        }
        for help in &self.help {
            let _ = writeln!(out, "  = help: {help}");
        }
        out
    }
}

/// Writes the source line holding `span.start` with a caret run under the span.
fn render_snippet(
    out: &mut String,
    source: &str,
    index: &LineIndex,
    span: Span,
    label: Option<&str>,
) {
    let (line, col) = index.line_col(source, span.start);
    let start = span.start.min(source.len());
    let line_start = source[..floor_char_boundary(source, start)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = source[line_start..]
        .find('\n')
        .map_or(source.len(), |i| line_start + i);
    let text = source[line_start..line_end].trim_end_matches('\r');
    let gutter = line.to_string();
    let pad = " ".repeat(gutter.len());
    let caret_start = (col as usize).saturating_sub(1);
    let visible_end = span.end.min(line_end).max(start);
    let width = source
        .get(start..visible_end)
        .map_or(1, |s| s.chars().count())
        .max(1);
    let shown: String = text
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{gutter} | {shown}");
    let _ = write!(
        out,
        "{pad} | {}{}",
        " ".repeat(caret_start),
        "^".repeat(width)
    );
    match label {
        Some(label) => {
            let _ = writeln!(out, " {label}");
        }
        None => out.push('\n'),
    }
}

/// The largest char boundary of `s` not after `i`.
fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// An ordered collection of diagnostics from one or more passes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Diagnostics::default()
    }

    /// Appends one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Appends all of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Whether there are no diagnostics at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The number of diagnostics.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The diagnostics in the order they were reported.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    /// Renders every diagnostic (see [`Diagnostic::render`]), separated by blank lines.
    pub fn render(&self, file: &str, source: &str) -> String {
        self.items
            .iter()
            .map(|d| d.render(file, source))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics {
            items: vec![diagnostic],
        }
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_line_and_caret() {
        let source = "a = load 'x';\nb = filter a byy x;\n";
        let start = source.find("byy").unwrap_or(0);
        let index = LineIndex::new(source);
        let span = index.span(source, start, start + 3);
        let d = Diagnostic::error("expected `BY`, found `byy`", span)
            .with_primary_label("expected `BY`")
            .with_help("FILTER needs a condition after BY");
        assert_eq!(
            d.render("t.pig", source),
            "t.pig:2:14: error: expected `BY`, found `byy`\n  |\n2 | b = filter a byy x;\n  |              ^^^ expected `BY`\n  = help: FILTER needs a condition after BY\n"
        );
    }
}
