//! Pig's builtin functions as plain, typed Rust functions that generated code calls directly.
//!
//! Naming: the Pig name in snake_case (`LAST_INDEX_OF` → `last_index_of`, `EqualsIgnoreCase` →
//! `equals_ignore_case`, `GetMilliSecond` → `get_millisecond`); where Pig overloads a name by argument
//! type, a suffix names the type (`abs_int`, `abs_double`, `round_float`, `size_bag`, `to_date_iso`,
//! `to_date_format_zone`); `_compiled` variants take a regex built once for a literal pattern.
//!
//! Nulls: almost every Pig builtin returns null when an argument is null, so these functions take
//! non-null arguments and generated code short-circuits nulls around the call
//! (`x.as_deref().map(string::upper)`); a function returns `Option` only when it can produce null from
//! non-null arguments (SUBSTRING out of range, REGEX_EXTRACT without a match, an unparsable ToDate, …).
//! Functions whose handling of null arguments is part of their meaning (TOBAG, TOMAP, BagToString, the
//! aggregates) take `Option`s or `Value`s.
//!
//! Behaviour follows Pig 0.17's `org.apache.pig.builtin` sources and the Pig Latin reference; each
//! function's doc says what it does on the edge cases.

pub mod aggregate;
pub mod collection;
pub mod datetime;
pub mod math;
pub mod string;
