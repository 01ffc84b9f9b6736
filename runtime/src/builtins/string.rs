//! Pig's string functions (`org.apache.pig.builtin`: CONCAT, UPPER, … REGEX_EXTRACT_ALL).
//!
//! Indices are counted in characters (Unicode scalar values). Java counts UTF-16 code units, so results
//! differ from Pig only for characters outside the Basic Multilingual Plane (e.g. emoji).
//! Regular expressions follow [`crate::data::pattern`]; a pattern that is not a literal in the script is
//! compiled once per thread and cached; an invalid pattern gives null (Pig logs a warning and returns
//! null, or fails the job for REGEX_EXTRACT_ALL; we never fail the job).

use regex::Regex;

use crate::data::pattern::{self, FullMatch};
use crate::data::{Bag, Bytes, Tuple, Value};

/// Byte offset of character index `ci` in `s` (`s.len()` for `ci == char count`); `None` past the end.
fn byte_at(s: &str, ci: usize) -> Option<usize> {
    if s.is_ascii() {
        return (ci <= s.len()).then_some(ci);
    }
    s.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(s.len()))
        .nth(ci)
}

/// Character index of byte offset `b` (a char boundary) in `s`.
fn char_index(s: &str, b: usize) -> i32 {
    let n = if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    };
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// `CONCAT(a, b, …)` on chararrays: the concatenation; Pig returns null if any argument is null (the caller
/// checks that, this takes the non-null values).
pub fn concat(parts: &[&str]) -> String {
    parts.concat()
}

/// `CONCAT(a, b, …)` on bytearrays.
pub fn concat_bytes(parts: &[&[u8]]) -> Bytes {
    Bytes(parts.concat())
}

/// `UPPER(s)`: `String.toUpperCase()` (Unicode case mapping).
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// `LOWER(s)`: `String.toLowerCase()`.
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// `UCFIRST(s)`: the first character upper-cased, the rest unchanged; `""` stays `""`.
pub fn ucfirst(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `LCFIRST(s)`: the first character lower-cased, the rest unchanged.
pub fn lcfirst(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `SUBSTRING(s, begin, end)`: characters `[begin, min(end, length))`. Null when out of range
/// (`begin < 0`, `begin > length` or `begin > min(end, length)`): Java's `substring` throws
/// `StringIndexOutOfBoundsException`, which Pig turns into null with a warning.
pub fn substring(s: &str, begin: i32, end: i32) -> Option<String> {
    let len = char_index(s, s.len());
    let end = end.min(len);
    if begin < 0 || begin > end {
        return None;
    }
    let b = byte_at(s, usize::try_from(begin).ok()?)?;
    let e = byte_at(s, usize::try_from(end).ok()?)?;
    Some(s[b..e].to_owned())
}

/// `INDEXOF(s, search, from)`: index of the first occurrence of `search` at or after `from`
/// (`String.indexOf(search, from)`: a negative `from` is 0), or -1. Pig's default `from` is 0.
pub fn indexof(s: &str, search: &str, from: i32) -> i32 {
    let from = usize::try_from(from.max(0)).unwrap_or(0);
    let Some(start) = byte_at(s, from) else {
        return if search.is_empty() {
            char_index(s, s.len())
        } else {
            -1
        };
    };
    s[start..]
        .find(search)
        .map_or(-1, |b| char_index(s, start + b))
}

/// `LAST_INDEX_OF(s, search)`: index of the last occurrence of `search`, or -1.
pub fn last_index_of(s: &str, search: &str) -> i32 {
    s.rfind(search).map_or(-1, |b| char_index(s, b))
}

/// Java's replacement-string syntax (`$1`, `${name}`, `\$`) to the `regex` crate's (`${1}`, `${name}`,
/// `$$`). `None` for a reference Java would reject (a lone `$`, a trailing `\`).
fn java_replacement(rep: &str) -> Option<String> {
    let mut out = String::with_capacity(rep.len() + 4);
    let mut chars = rep.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next()?;
                if next == '$' {
                    out.push_str("$$");
                } else {
                    out.push(next);
                }
            }
            '$' => match chars.peek() {
                Some('{') => {
                    chars.next();
                    let name: String = chars.by_ref().take_while(|c| *c != '}').collect();
                    out.push_str("${");
                    out.push_str(&name);
                    out.push('}');
                }
                Some(d) if d.is_ascii_digit() => {
                    let mut digits = String::new();
                    while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                        digits.push(*d);
                        chars.next();
                    }
                    out.push_str("${");
                    out.push_str(&digits);
                    out.push('}');
                }
                _ => return None,
            },
            other => out.push(other),
        }
    }
    Some(out)
}

/// `REPLACE(s, regex, replacement)`: `String.replaceAll` — every match of the Java regex replaced, with
/// `$1`/`${name}` group references and `\$` for a literal dollar. Null when the regex or the replacement
/// is invalid.
pub fn replace(s: &str, regex: &str, replacement: &str) -> Option<String> {
    let rep = java_replacement(replacement)?;
    pattern::with_cached(regex, |re| {
        re.map(|re| re.replace_all(s, rep.as_str()).into_owned())
    })
}

/// `REPLACE` with a regex compiled once (for a literal pattern).
pub fn replace_compiled(s: &str, regex: &Regex, replacement: &str) -> Option<String> {
    let rep = java_replacement(replacement)?;
    Some(regex.replace_all(s, rep.as_str()).into_owned())
}

/// `TRIM(s)`: Java's `String.trim()`, removing chars ≤ U+0020 at both ends.
pub fn trim(s: &str) -> String {
    s.trim_matches(|c: char| c <= ' ').to_owned()
}

/// Java's `\s`: space, tab, newline, vertical tab, form feed, carriage return.
fn is_java_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r')
}

/// `LTRIM(s)`: `s.replaceAll("^\\s+", "")`.
pub fn ltrim(s: &str) -> String {
    s.trim_start_matches(is_java_space).to_owned()
}

/// `RTRIM(s)`: `s.replaceAll("\\s+$", "")`.
pub fn rtrim(s: &str) -> String {
    s.trim_end_matches(is_java_space).to_owned()
}

/// Java's `String.split(regex, limit)`: with `limit > 0` at most `limit` pieces (the last holds the rest);
/// with `limit == 0` trailing empty strings are removed; with `limit < 0` all pieces are kept. A zero-width
/// match at the very start yields no leading empty string (Java 8+), and an input with no match is
/// itself the only piece.
pub fn java_split<'s>(s: &'s str, re: &Regex, limit: i32) -> Vec<&'s str> {
    if s.is_empty() {
        return vec![s];
    }
    let mut pieces = Vec::new();
    let mut last = 0;
    for m in re.find_iter(s) {
        if limit > 0 && pieces.len() + 1 >= limit as usize {
            break;
        }
        if m.end() == 0 {
            // Zero-width match at index 0: Java skips it.
            continue;
        }
        if m.start() == m.end() && m.start() >= s.len() {
            break;
        }
        pieces.push(&s[last..m.start()]);
        last = m.end();
    }
    pieces.push(&s[last..]);
    if limit == 0 {
        while pieces.len() > 1 && pieces.last().is_some_and(|p| p.is_empty()) {
            pieces.pop();
        }
        if pieces.len() == 1 && pieces[0].is_empty() && !s.is_empty() {
            pieces.clear();
        }
    }
    pieces
}

/// STRSPLIT's and STRSPLITTOBAG's default regex, Java's `\s` (one whitespace character).
pub const STRSPLIT_DEFAULT_REGEX: &str = "\\s";

/// STRSPLIT's default limit: 0 (all pieces, trailing empty strings removed).
pub const STRSPLIT_DEFAULT_LIMIT: i32 = 0;

/// `STRSPLIT(s, regex, limit)`: the pieces of [`java_split`] as a tuple of chararrays. Pig's defaults:
/// regex `\s`, limit 0. Null when the regex is invalid.
pub fn strsplit(s: &str, regex: &str, limit: i32) -> Option<Tuple> {
    pattern::with_cached(regex, |re| {
        re.map(|re| {
            java_split(s, re, limit)
                .into_iter()
                .map(|p| Value::Chararray(p.to_owned()))
                .collect()
        })
    })
}

/// `STRSPLIT` with a regex compiled once (for a literal pattern).
pub fn strsplit_compiled(s: &str, re: &Regex, limit: i32) -> Tuple {
    java_split(s, re, limit)
        .into_iter()
        .map(|p| Value::Chararray(p.to_owned()))
        .collect()
}

/// `STRSPLITTOBAG(s, regex, limit)`: the pieces of [`java_split`] as a bag of one-field tuples.
pub fn strsplittobag(s: &str, regex: &str, limit: i32) -> Option<Bag<Tuple>> {
    pattern::with_cached(regex, |re| {
        re.map(|re| {
            java_split(s, re, limit)
                .into_iter()
                .map(|p| Tuple(vec![Value::Chararray(p.to_owned())]))
                .collect()
        })
    })
}

/// TOKENIZE's default delimiters: space, double quote, comma, parentheses, star.
pub const TOKENIZE_DELIMITERS: &str = " \",()*";

/// `TOKENIZE(s [, delimiters])`: Java's `StringTokenizer(s, delimiters)` — each character of
/// `delimiters` separates tokens, empty tokens are dropped — as a bag of one-field tuples.
pub fn tokenize(s: &str, delimiters: &str) -> Bag<Tuple> {
    s.split(|c: char| delimiters.contains(c))
        .filter(|t| !t.is_empty())
        .map(|t| Tuple(vec![Value::Chararray(t.to_owned())]))
        .collect()
}

/// `REGEX_EXTRACT(s, regex, index)`: group `index` (0 = the whole match) of the first match found
/// anywhere in `s` (`Matcher.find()`); null when nothing matches, the group does not exist or did not
/// take part in the match, or the regex is invalid.
pub fn regex_extract(s: &str, regex: &str, index: i32) -> Option<String> {
    pattern::with_cached(regex, |re| regex_extract_compiled(s, re?, index))
}

/// `REGEX_EXTRACT` with a regex compiled once.
pub fn regex_extract_compiled(s: &str, re: &Regex, index: i32) -> Option<String> {
    let caps = re.captures(s)?;
    let group = caps.get(usize::try_from(index).ok()?)?;
    Some(group.as_str().to_owned())
}

/// `REGEX_EXTRACT_ALL(s, regex)`: when the regex matches all of `s` (`Matcher.matches()`), a tuple of its
/// groups 1..n (a group that did not take part is null); else null.
pub fn regex_extract_all(s: &str, regex: &str) -> Option<Tuple> {
    let m = FullMatch::new(regex).ok()?;
    regex_extract_all_compiled(s, &m)
}

/// `REGEX_EXTRACT_ALL` with a pattern compiled once.
pub fn regex_extract_all_compiled(s: &str, m: &FullMatch) -> Option<Tuple> {
    let caps = m.regex().captures(s)?;
    Some(
        caps.iter()
            .skip(1)
            .map(|g| g.map_or(Value::Null, |g| Value::Chararray(g.as_str().to_owned())))
            .collect(),
    )
}

/// `STARTSWITH(s, prefix)`.
pub fn startswith(s: &str, prefix: &str) -> bool {
    s.starts_with(prefix)
}

/// `ENDSWITH(s, suffix)`.
pub fn endswith(s: &str, suffix: &str) -> bool {
    s.ends_with(suffix)
}

/// `EqualsIgnoreCase(a, b)`: `String.equalsIgnoreCase` (per-character case folding).
pub fn equals_ignore_case(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a.chars().zip(b.chars()).all(|(x, y)| {
            x == y || x.to_uppercase().eq(y.to_uppercase()) || x.to_lowercase().eq(y.to_lowercase())
        })
}

/// `SIZE(s)` of a chararray: its length in characters.
pub fn size_chararray(s: &str) -> i64 {
    s.chars().count() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(t: &Tuple) -> Vec<String> {
        t.fields()
            .iter()
            .map(|v| v.to_chararray().unwrap_or_default())
            .collect()
    }

    #[test]
    fn case_functions() {
        assert_eq!(upper("abc é"), "ABC É");
        assert_eq!(lower("ABC"), "abc");
        assert_eq!(ucfirst("hello world"), "Hello world");
        assert_eq!(lcfirst("Hello"), "hello");
        assert_eq!(ucfirst(""), "");
        assert_eq!(concat(&["a", "b", "c"]), "abc");
    }

    #[test]
    fn substring_edges() {
        assert_eq!(substring("hello", 1, 3).as_deref(), Some("el"));
        assert_eq!(substring("hello", 1, 100).as_deref(), Some("ello"));
        assert_eq!(substring("hello", 5, 7).as_deref(), Some(""));
        assert_eq!(substring("hello", 6, 7), None);
        assert_eq!(substring("hello", -1, 2), None);
        assert_eq!(substring("hello", 3, 2), None);
        assert_eq!(substring("héllo", 1, 2).as_deref(), Some("é"));
    }

    #[test]
    fn index_functions() {
        assert_eq!(indexof("hello", "l", 0), 2);
        assert_eq!(indexof("hello", "l", 3), 3);
        assert_eq!(indexof("hello", "z", 0), -1);
        assert_eq!(indexof("hello", "h", -5), 0);
        assert_eq!(indexof("hello", "h", 50), -1);
        assert_eq!(last_index_of("hello", "l"), 3);
        assert_eq!(last_index_of("héllo", "l"), 3);
    }

    #[test]
    fn replace_uses_java_regex_and_group_refs() {
        assert_eq!(
            replace("open source", "o", "0").as_deref(),
            Some("0pen s0urce")
        );
        assert_eq!(
            replace("2024-01-15", r"(\d+)-(\d+)-(\d+)", "$3/$2/$1").as_deref(),
            Some("15/01/2024")
        );
        assert_eq!(replace("a.b", r"\.", "\\$").as_deref(), Some("a$b"));
        assert_eq!(replace("ab", "(", "x"), None);
        assert_eq!(replace("ab", "a", "$"), None);
    }

    #[test]
    fn trims() {
        assert_eq!(trim("  a b \t"), "a b");
        assert_eq!(ltrim("  a "), "a ");
        assert_eq!(rtrim("  a \n"), "  a");
    }

    #[test]
    fn strsplit_follows_java_split() {
        let t = strsplit("a,b,,c,,", ",", 0).unwrap();
        assert_eq!(strs(&t), ["a", "b", "", "c"]);
        let t = strsplit("a,b,,c,,", ",", -1).unwrap();
        assert_eq!(strs(&t), ["a", "b", "", "c", "", ""]);
        let t = strsplit("a,b,c", ",", 2).unwrap();
        assert_eq!(strs(&t), ["a", "b,c"]);
        let t = strsplit("a b  c", r"\s", 0).unwrap();
        assert_eq!(strs(&t), ["a", "b", "", "c"]);
        let t = strsplit("abc", ",", 0).unwrap();
        assert_eq!(strs(&t), ["abc"]);
        let t = strsplit("", ",", 0).unwrap();
        assert_eq!(strs(&t), [""]);
        let t = strsplit(",,", ",", 0).unwrap();
        assert_eq!(t.len(), 0);
        assert_eq!(strsplittobag("x:y", ":", 0).unwrap().len(), 2);
        let re = pattern::compile("-").unwrap();
        assert_eq!(strs(&strsplit_compiled("a-b-", &re, 0)), ["a", "b"]);
    }

    #[test]
    fn tokenize_default_and_custom_delimiters() {
        let b = tokenize("a (b,c) \"d\"*e", TOKENIZE_DELIMITERS);
        let tokens: Vec<String> = b.iter().map(|t| t.0[0].to_chararray().unwrap()).collect();
        assert_eq!(tokens, ["a", "b", "c", "d", "e"]);
        let b = tokenize("a|b||c", "|");
        assert_eq!(b.len(), 3);
        assert_eq!(tokenize("", TOKENIZE_DELIMITERS).len(), 0);
    }

    #[test]
    fn regex_extracts() {
        assert_eq!(
            regex_extract("192.168.1.5:8020", r"(.*):(.*)", 1).as_deref(),
            Some("192.168.1.5")
        );
        assert_eq!(
            regex_extract("abc123def", r"\d+", 0).as_deref(),
            Some("123")
        );
        assert_eq!(regex_extract("abc", r"\d+", 0), None);
        assert_eq!(regex_extract("abc", r"(a)", 2), None);
        let t = regex_extract_all("192.168.1.5:8020", r"(.*)\:(.*)").unwrap();
        assert_eq!(strs(&t), ["192.168.1.5", "8020"]);
        assert_eq!(
            regex_extract_all("x192.168.1.5:8020", r"(\d.*)\:(.*)"),
            None
        );
        let t = regex_extract_all("ab", "(a)(z)?b").unwrap();
        assert_eq!(t.0[1], Value::Null);
    }

    #[test]
    fn predicates() {
        assert!(startswith("hello", "he"));
        assert!(!endswith("hello", "he"));
        assert!(equals_ignore_case("HeLLo", "hello"));
        assert!(!equals_ignore_case("hello", "hell"));
        assert_eq!(size_chararray("héllo"), 5);
    }
}
