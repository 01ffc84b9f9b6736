//! Rust identifiers for names taken from scripts (aliases, field names).
//!
//! Every identifier in generated code goes through here: a script name becomes a valid Rust identifier
//! (non-ASCII and punctuation are spelled out, keywords get a raw identifier or a trailing `_`), and a
//! [`NameSet`] keeps the identifiers of one scope distinct. Nothing from a script is ever pasted into
//! generated code as text.

use proc_macro2::{Ident, Span};
use std::collections::HashSet;

/// Words that cannot be raw identifiers (`r#self` is not valid Rust).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// The characters of `name` kept as identifier characters; everything else becomes `_` or, for
/// non-ASCII letters, `uXXXX` so that distinct names stay distinct.
fn ascii_word(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if c.is_alphanumeric() {
            out.push_str(&format!("u{:04x}", u32::from(c)));
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out
}

/// `snake_case` form of a script name (`a::x` → `a_x`, `Événement` → `u00c9v…`).
pub fn snake(name: &str) -> String {
    let word = ascii_word(name).trim_matches('_').to_ascii_lowercase();
    if word.is_empty() {
        "field".to_owned()
    } else if word.starts_with(|c: char| c.is_ascii_digit()) {
        format!("f{word}")
    } else {
        word
    }
}

/// `CamelCase` form of a script name (`by_region` → `ByRegion`).
pub fn camel(name: &str) -> String {
    let mut out = String::new();
    for part in ascii_word(name).split('_').filter(|p| !p.is_empty()) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    if out.is_empty() {
        "Record".to_owned()
    } else if out.starts_with(|c: char| c.is_ascii_digit()) {
        format!("R{out}")
    } else {
        out
    }
}

/// An identifier for `word` (already ASCII): itself, a raw identifier for a keyword, or `word_` for the
/// few keywords that cannot be raw.
pub fn ident(word: &str) -> Ident {
    if NOT_RAW.contains(&word) {
        return Ident::new(&format!("{word}_"), Span::call_site());
    }
    match syn::parse_str::<Ident>(word) {
        Ok(id) => id,
        Err(_) => Ident::new_raw(word, Span::call_site()),
    }
}

/// Identifiers handed out in one scope (the fields of a struct, the structs of a module): each new
/// name gets a numeric suffix if it is taken.
#[derive(Debug, Default, Clone)]
pub struct NameSet {
    taken: HashSet<String>,
}

impl NameSet {
    /// A scope in which `reserved` are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        NameSet {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// A fresh word based on `word` (`word`, `word_2`, `word_3`, …; `Word2`, `Word3` for a `CamelCase`
    /// word), marked as taken.
    pub fn fresh(&mut self, word: &str) -> String {
        let camel = word.starts_with(|c: char| c.is_ascii_uppercase());
        let mut candidate = word.to_owned();
        let mut n = 2;
        // Compared as the identifiers they become (`self` and `self_` are both `self_`).
        while self.taken.contains(&ident(&candidate).to_string()) {
            candidate = if camel {
                format!("{word}{n}")
            } else {
                format!("{word}_{n}")
            };
            n += 1;
        }
        self.taken.insert(ident(&candidate).to_string());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_valid_distinct_identifiers() {
        assert_eq!(snake("a::x"), "a_x");
        assert_eq!(snake("Type"), "type");
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("self").to_string(), "self_");
        assert_eq!(camel("by_region"), "ByRegion");
        assert_eq!(camel("self"), "Self");
        assert_eq!(ident("Self").to_string(), "Self_");
        assert_eq!(snake("é"), "u00e9");
        assert_eq!(snake("1st"), "f1st");
        assert_eq!(snake("*/\"#"), "field");
        let mut set = NameSet::with_reserved(&["rt"]);
        assert_eq!(set.fresh("rt"), "rt_2");
        assert_eq!(ident(&set.fresh("self")).to_string(), "self_");
        assert_eq!(ident(&set.fresh("self_")).to_string(), "self__2");
        assert_eq!(set.fresh("x"), "x");
        assert_eq!(set.fresh("x"), "x_2");
    }

    proptest::proptest! {
        /// Any script name becomes an identifier Rust accepts, in both cases, and a scope never hands
        /// out the same identifier twice.
        #[test]
        fn any_name_is_a_valid_identifier(names in proptest::collection::vec(".{0,12}", 1..8)) {
            let mut set = NameSet::with_reserved(&["rt"]);
            let mut seen = HashSet::new();
            for name in &names {
                for word in [snake(name), camel(name)] {
                    let id = ident(&set.fresh(&word));
                    let text = id.to_string();
                    proptest::prop_assert!(syn::parse_str::<syn::Ident>(&text).is_ok(), "{text}");
                    proptest::prop_assert!(seen.insert(text.clone()), "{text} twice");
                    proptest::prop_assert!(text != "rt");
                }
            }
        }

        /// A comment never spans lines, whatever the script text.
        #[test]
        fn comments_stay_on_one_line(text in ".{0,200}") {
            let c = super::super::comment_text(&text);
            proptest::prop_assert!(!c.chars().any(char::is_control), "{c:?}");
        }
    }
}
