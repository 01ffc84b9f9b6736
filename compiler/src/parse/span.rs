//! Source locations.

use std::cell::Cell;
use std::fmt;

/// A location in the (parameter-substituted) source text: a byte range plus the 1-based line and
/// column (in characters) of its first byte.
///
/// **Equality is location-insensitive**: `Span == Span` is always `true`, so that the derived
/// `PartialEq` of every AST node compares trees by structure only (a re-parsed pretty-printed AST
/// equals the original although every offset moved). Use [`Span::same_location`] to compare
/// locations.
#[derive(Clone, Copy, Default, Eq)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column (in characters) of `start`.
    pub col: u32,
}

impl Span {
    /// A span from its parts.
    pub fn new(start: usize, end: usize, line: u32, col: u32) -> Self {
        Span {
            start,
            end,
            line,
            col,
        }
    }

    /// Whether two spans denote the same bytes (the comparison `==` deliberately does not make).
    pub fn same_location(&self, other: &Span) -> bool {
        self.start == other.start && self.end == other.end
    }

    /// The smallest span covering both `self` and `other` (line/col from the earlier one).
    pub fn to(&self, other: Span) -> Span {
        let (first, _) = if self.start <= other.start {
            (*self, other)
        } else {
            (other, *self)
        };
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
            line: first.line,
            col: first.col,
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl PartialEq for Span {
    /// Always `true`: see the type's documentation.
    fn eq(&self, _other: &Span) -> bool {
        true
    }
}

impl std::hash::Hash for Span {
    /// Hashes nothing, consistent with the location-insensitive `Eq`.
    fn hash<H: std::hash::Hasher>(&self, _state: &mut H) {}
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "@{}:{}[{}..{}]",
            self.line, self.col, self.start, self.end
        )
    }
}

/// Maps byte offsets of one source text to 1-based line and column numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Whether the text is all ASCII, so that a column is a byte distance (no character count).
    ascii: bool,
    /// The line of the last lookup: consecutive lookups (the nodes of one statement) mostly fall
    /// on the same line, which then needs no search.
    last_line: Cell<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `source`.
    pub fn new(source: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            line_starts,
            ascii: source.is_ascii(),
            last_line: Cell::new(0),
        }
    }

    /// The 1-based (line, column) of byte `offset` in `source` (the text this index was built from).
    pub fn line_col(&self, source: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(source.len());
        let hint = self.last_line.get();
        let on_hinted_line = self.line_starts.get(hint).is_some_and(|&s| s <= offset)
            && self
                .line_starts
                .get(hint + 1)
                .is_none_or(|&next| offset < next);
        let line = if on_hinted_line {
            hint
        } else {
            let line = match self.line_starts.binary_search(&offset) {
                Ok(i) => i,
                Err(i) => i - 1,
            };
            self.last_line.set(line);
            line
        };
        let start = self.line_starts[line];
        let col = if self.ascii {
            offset - start
        } else {
            source
                .get(start..offset)
                .map_or(offset - start, |s| s.chars().count())
        };
        (line as u32 + 1, col as u32 + 1)
    }

    /// A [`Span`] for the byte range `start..end` of `source`.
    pub fn span(&self, source: &str, start: usize, end: usize) -> Span {
        let (line, col) = self.line_col(source, start);
        Span::new(start, end, line, col)
    }
}
