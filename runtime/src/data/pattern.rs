//! Java regular expressions as Pig uses them (MATCHES, REGEX_EXTRACT, REPLACE, STRSPLIT, …), on the
//! `regex` crate.
//!
//! Differences from `java.util.regex`: no backreferences and no look-around (such a pattern is a compile
//! error here, reported when the pattern is built). `\d`, `\w`, `\s` are Unicode-aware in the `regex`
//! crate but ASCII-only in Java, so they are rewritten to Java's ASCII classes before compiling.

use std::cell::RefCell;
use std::collections::HashMap;

use regex::{Regex, RegexBuilder};

/// Compiles a Java-style pattern for searching (`find` semantics).
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(&ascii_classes(pattern)).build()
}

/// Rewrites `\d \D \w \W \s \S` to the ASCII classes Java gives them (the `regex` crate's are Unicode).
/// Nested classes are valid in the `regex` crate, so a rewrite inside `[...]` keeps its meaning.
fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('d') => out.push_str("[0-9]"),
            Some('D') => out.push_str("[^0-9]"),
            Some('w') => out.push_str("[0-9A-Za-z_]"),
            Some('W') => out.push_str("[^0-9A-Za-z_]"),
            Some('s') => out.push_str("[ \\t\\n\\x0B\\f\\r]"),
            Some('S') => out.push_str("[^ \\t\\n\\x0B\\f\\r]"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A pattern compiled once for Pig's `MATCHES`, which is a *full* match (Java's `Matcher.matches()`):
/// `'abc' MATCHES 'b'` is false, `'abc' MATCHES '.*b.*'` is true. Generated code builds one per literal
/// pattern, once, and calls [`FullMatch::is_match`] per record.
#[derive(Debug, Clone)]
pub struct FullMatch {
    regex: Regex,
}

impl FullMatch {
    /// Compiles `pattern` anchored at both ends.
    pub fn new(pattern: &str) -> Result<Self, regex::Error> {
        Ok(Self {
            regex: compile(&format!(r"\A(?:{pattern})\z"))?,
        })
    }

    /// The anchored regex (for capture groups).
    pub fn regex(&self) -> &Regex {
        &self.regex
    }

    /// Whether all of `s` matches.
    #[inline]
    pub fn is_match(&self, s: &str) -> bool {
        self.regex.is_match(s)
    }

    /// `s MATCHES pattern` over a possibly-null operand.
    #[inline]
    pub fn matches(&self, s: Option<&str>) -> Option<bool> {
        s.map(|s| self.is_match(s))
    }
}

/// Most patterns kept per thread by [`with_cached`].
const CACHE_LIMIT: usize = 256;

thread_local! {
    static CACHE: RefCell<HashMap<String, Option<Regex>>> = RefCell::new(HashMap::new());
}

/// Runs `f` with the compiled search regex for `pattern` (compiled once per thread, up to 256 patterns,
/// then the cache is cleared); `None` when the pattern does not compile. For patterns that are not
/// literals in the script (e.g. read from a field).
pub fn with_cached<R>(pattern: &str, f: impl FnOnce(Option<&Regex>) -> R) -> R {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if !cache.contains_key(pattern) {
            if cache.len() >= CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(pattern.to_owned(), compile(pattern).ok());
        }
        f(cache.get(pattern).and_then(Option::as_ref))
    })
}

/// `s MATCHES pattern` where the pattern is not a literal; null for a null operand or an invalid pattern.
pub fn matches_dynamic(s: Option<&str>, pattern: Option<&str>) -> Option<bool> {
    let (s, pattern) = (s?, pattern?);
    with_cached(&format!(r"\A(?:{pattern})\z"), |re| {
        re.map(|re| re.is_match(s))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_is_a_full_match() {
        let m = FullMatch::new("b").unwrap();
        assert!(!m.is_match("abc"));
        assert!(m.is_match("b"));
        let m = FullMatch::new(".*b.*").unwrap();
        assert!(m.is_match("abc"));
        let alternation = FullMatch::new("a|ab").unwrap();
        assert!(alternation.is_match("ab"));
        assert_eq!(m.matches(None), None);
    }

    #[test]
    fn digit_class_is_ascii_as_in_java() {
        let m = FullMatch::new(r"\d+").unwrap();
        assert!(m.is_match("123"));
        assert!(!m.is_match("١٢٣"));
    }

    #[test]
    fn dynamic_patterns_are_cached_and_invalid_ones_give_null() {
        assert_eq!(matches_dynamic(Some("abc"), Some("a.c")), Some(true));
        assert_eq!(matches_dynamic(Some("abc"), Some("(")), None);
        assert_eq!(matches_dynamic(None, Some("a")), None);
    }
}
