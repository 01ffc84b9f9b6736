//! The nesting check that runs before pest: the grammar recurses once per bracket, per nested CASE
//! and per `?` of a bincond chain, and pest is built without its native-stack probe (it cost a fifth
//! of the parse time), so input nested beyond these bounds is rejected here, where no recursion
//! happens. Strings (`'…'`, ending at the closing quote or the line's end, as the grammar reads them)
//! and comments are skipped, so their contents neither count nor hide real nesting.

use super::{MAX_NESTING, MAX_OPERATORS};

/// What is nested too deep, and where (a byte offset into the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TooDeep {
    /// Brackets `(`, `[`, `{` nested more than [`MAX_NESTING`] levels.
    Brackets(usize),
    /// CASE expressions nested more than [`MAX_NESTING`] levels.
    Case(usize),
    /// More than [`MAX_OPERATORS`] `?` (bincond) in one statement.
    Bincond(usize),
}

impl TooDeep {
    /// The byte offset of the construct that went over the bound.
    pub(crate) fn offset(self) -> usize {
        match self {
            TooDeep::Brackets(at) | TooDeep::Case(at) | TooDeep::Bincond(at) => at,
        }
    }

    /// The error message.
    pub(crate) fn message(self) -> String {
        match self {
            TooDeep::Brackets(_) => {
                format!("brackets are nested more than {MAX_NESTING} levels deep")
            }
            TooDeep::Case(_) => {
                format!("CASE expressions are nested more than {MAX_NESTING} levels deep")
            }
            TooDeep::Bincond(_) => {
                format!("this statement has more than {MAX_OPERATORS} `?` (bincond) operators")
            }
        }
    }
}

/// The first place where `text` nests deeper than the grammar may recurse, if any.
pub(crate) fn too_deep(text: &str) -> Option<TooDeep> {
    let bytes = text.as_bytes();
    let (mut brackets, mut cases, mut binconds) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\'' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'\'' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 1;
            }
            b'(' | b'[' | b'{' => {
                brackets += 1;
                if brackets > MAX_NESTING {
                    return Some(TooDeep::Brackets(i));
                }
            }
            b')' | b']' | b'}' => brackets = brackets.saturating_sub(1),
            b'?' => {
                binconds += 1;
                if binconds > MAX_OPERATORS {
                    return Some(TooDeep::Bincond(i));
                }
            }
            b';' if brackets == 0 => binconds = 0,
            _ if b.is_ascii_alphabetic() || b == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let word = &bytes[start..i];
                if word.eq_ignore_ascii_case(b"case") {
                    cases += 1;
                    if cases > MAX_NESTING {
                        return Some(TooDeep::Case(start));
                    }
                } else if word.eq_ignore_ascii_case(b"end") {
                    cases = cases.saturating_sub(1);
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_case_and_bincond_are_bounded() {
        let deep = "(".repeat(MAX_NESTING + 1);
        assert_eq!(too_deep(&deep), Some(TooDeep::Brackets(MAX_NESTING)));
        assert_eq!(too_deep(&"(".repeat(MAX_NESTING)), None);
        let cases = "CASE WHEN x THEN ".repeat(MAX_NESTING + 1);
        assert!(matches!(too_deep(&cases), Some(TooDeep::Case(_))));
        let flat = "CASE WHEN x THEN 1 END, ".repeat(MAX_NESTING * 4);
        assert_eq!(too_deep(&flat), None);
        let chain = "x ? 1 : ".repeat(MAX_OPERATORS + 1);
        assert!(matches!(too_deep(&chain), Some(TooDeep::Bincond(_))));
        let statements = "b = FOREACH a GENERATE (x ? 1 : 2);\n".repeat(MAX_OPERATORS + 1);
        assert_eq!(too_deep(&statements), None);
    }

    #[test]
    fn strings_and_comments_neither_count_nor_hide_nesting() {
        let hidden = "( ')' ".repeat(MAX_NESTING + 1);
        assert!(matches!(too_deep(&hidden), Some(TooDeep::Brackets(_))));
        let in_strings = "'(((( case ?' ".repeat(MAX_OPERATORS + 1);
        assert_eq!(too_deep(&in_strings), None);
        let in_comments = "-- ((((( case\n/* (((( ? end */".repeat(MAX_NESTING + 1);
        assert_eq!(too_deep(&in_comments), None);
        let ended = "CASE WHEN x == 'end' THEN ".repeat(MAX_NESTING + 1);
        assert!(matches!(too_deep(&ended), Some(TooDeep::Case(_))));
        assert_eq!(too_deep("'unterminated ((((\n x"), None);
    }
}
