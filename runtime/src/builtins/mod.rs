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
//! | Pig call (argument types after the planner's casts) | Rust |
//! |---|---|
//! | `CONCAT(chararray…)` / `CONCAT(bytearray…)` | [`string::concat`] / [`string::concat_bytes`] |
//! | `UPPER`, `LOWER`, `UCFIRST`, `LCFIRST`, `TRIM`, `LTRIM`, `RTRIM` | [`string::upper`] … [`string::rtrim`] |
//! | `SUBSTRING(s, b, e)` | [`string::substring`] → `Option` |
//! | `INDEXOF(s, t [, from = 0])`, `LAST_INDEX_OF(s, t)` | [`string::indexof`], [`string::last_index_of`] |
//! | `REPLACE(s, re, rep)` | [`string::replace`] / [`string::replace_compiled`] |
//! | `STRSPLIT(s [, re = \s [, limit = 0]])` | [`string::strsplit`] / [`string::strsplit_compiled`] |
//! | `STRSPLITTOBAG(s [, re [, limit]])` | [`string::strsplittobag`] |
//! | `TOKENIZE(s [, delims])` | [`string::tokenize`] with [`string::TOKENIZE_DELIMITERS`] by default |
//! | `REGEX_EXTRACT(s, re, i)`, `REGEX_EXTRACT_ALL(s, re)` | [`string::regex_extract`], [`string::regex_extract_all`] (+ `_compiled`) |
//! | `s MATCHES re` | [`crate::data::pattern::FullMatch`] / [`crate::data::pattern::matches_dynamic`] |
//! | `STARTSWITH`, `ENDSWITH`, `EqualsIgnoreCase` | [`string::startswith`], [`string::endswith`], [`string::equals_ignore_case`] |
//! | `SIZE(x)` | [`string::size_chararray`], [`collection::size_bytearray`], [`collection::size_bag`], [`collection::size_map`], [`collection::size_tuple`], [`collection::size_scalar`], [`collection::size_value`] |
//! | `IsEmpty(bag / map / bytearray / untyped)` | [`collection::is_empty_bag`], [`collection::is_empty_map`], [`collection::is_empty_bytearray`], [`collection::is_empty_value`] |
//! | `ABS(int / long / float / double / biginteger / bigdecimal)` | [`math::abs_int`] … [`math::abs_bigdecimal`] |
//! | `CEIL`, `FLOOR` (double / float / bigdecimal) | [`math::ceil`], [`math::ceil_float`], [`math::ceil_bigdecimal`] (same for floor) |
//! | `ROUND(double) → long`, `ROUND(float) → int`, `ROUND(bigdecimal)` | [`math::round_double`], [`math::round_float`], [`math::round_bigdecimal`] |
//! | `ROUND_TO(x, digits [, mode = 6])` | [`math::round_to_double`], [`math::round_to_float`] ([`math::ROUND_TO_DEFAULT_MODE`]) |
//! | `SQRT`, `CBRT`, `EXP`, `LOG`, `LOG10` | [`math::sqrt`] … [`math::log10`] |
//! | `RANDOM()` | [`math::random`] (deterministic: seed, call site and row) |
//! | `ToDate(long)`, `ToDate(iso)`, `ToDate(s, fmt)`, `ToDate(s, fmt, zone)` | [`datetime::to_date_millis`], [`datetime::to_date_iso`], [`datetime::to_date_format`], [`datetime::to_date_format_zone`] |
//! | `ToString(dt [, fmt])` | [`datetime::to_string`], [`datetime::to_string_format`] |
//! | `ToUnixTime`, `ToMilliSeconds`, `CurrentTime()` | [`datetime::to_unix_time`], [`datetime::to_milliseconds`], [`datetime::current_time`] |
//! | `GetYear` … `GetMilliSecond`, `GetWeek`, `GetWeekYear` | [`datetime::get_year`] … [`datetime::get_week_year`] |
//! | `YearsBetween` … `MilliSecondsBetween` | [`datetime::years_between`] … [`datetime::milliseconds_between`] |
//! | `AddDuration`, `SubtractDuration` | [`datetime::add_duration`], [`datetime::subtract_duration`] |
//! | `TOBAG`, `TOTUPLE`, `TOMAP` | [`collection::to_bag`] / [`collection::to_bag_values`], [`collection::to_tuple`] (or a struct literal), [`collection::to_map`] / [`collection::to_map_from_bag`] |
//! | `TOP(n, col, bag)` | [`collection::top`] (key closure), [`collection::top_by`] (comparator) / [`collection::top_values`] |
//! | `BagToString(bag [, delim = "_"])`, `BagToTuple(bag)` | [`collection::bag_to_string`] / [`collection::FieldJoiner`], [`collection::bag_to_tuple`] / [`collection::bag_to_tuple_fields`] |
//! | `DIFF(bag, bag)` | [`collection::diff`] / [`collection::diff_values`] |
//! | `SUM`, `AVG`, `MIN`, `MAX`, `COUNT` over a bag held in a field | [`aggregate`] |
//!
//! Behaviour follows Pig 0.17's `org.apache.pig.builtin` sources and the Pig Latin reference; each
//! function's doc says what it does on the edge cases.

pub mod aggregate;
pub mod collection;
pub mod datetime;
pub mod math;
pub mod string;
