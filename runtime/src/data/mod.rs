//! Pig's data model in Rust (design.md §3).
//!
//! | Pig         | Rust                                  |
//! |-------------|---------------------------------------|
//! | int         | `i32`                                 |
//! | long        | `i64`                                 |
//! | float       | [`Float`] (total order over `f32`)    |
//! | double      | [`Double`] (total order over `f64`)   |
//! | chararray   | `String`                              |
//! | bytearray   | [`Bytes`]                             |
//! | boolean     | `bool`                                |
//! | datetime    | [`DateTime`] (`chrono::DateTime<FixedOffset>`) |
//! | biginteger  | `num_bigint::BigInt`                  |
//! | bigdecimal  | `bigdecimal::BigDecimal`              |
//! | tuple       | a generated struct, or [`Tuple`] when untyped |
//! | bag         | [`Bag<T>`]                            |
//! | map         | [`PigMap`] (chararray → [`Value`])    |
//! | unknown     | [`Value`]                             |
//!
//! Choices: chararray is a plain `String` — records are mostly built once and moved, rarely shared, so
//! `Arc<str>` would add a reference count to every string without saving copies on the hot paths
//! (decode → filter → project); strings order by Unicode code point, which equals Java's UTF-16
//! `compareTo` except between characters above U+FFFF and those in U+E000–U+FFFF. biginteger and
//! bigdecimal use `num-bigint` and `bigdecimal` (the maintained numeric crates of the `num` family, with
//! serde; `BigDecimal` compares and hashes by value, `2.0 == 2.00`, as Java's `compareTo`).
//!
//! A field that may be null is an `Option<T>`. Every type is `Ord + Eq + Hash + Clone + Debug` with Pig's
//! order and equality, and serde-serializable for state checkpoints. Null semantics for expressions are
//! in [`ops`], casts in [`cast`], text forms in [`text`] and [`nested`], Java regexes in [`pattern`].

mod bag;
mod bytes;
pub mod cast;
pub mod datetime;
mod float;
mod map;
pub mod nested;
pub mod ops;
pub mod pattern;
mod serde_impls;
pub mod text;
mod tuple;
mod value;

pub use bag::Bag;
pub use bigdecimal::BigDecimal;
pub use bytes::Bytes;
pub use cast::FromValue;
pub use datetime::DateTime;
pub use float::{Double, Float};
pub use map::PigMap;
pub use num_bigint::BigInt;
pub use serde_impls::from_json;
pub use text::PigText;
pub use tuple::Tuple;
pub use value::{PigType, Value};
