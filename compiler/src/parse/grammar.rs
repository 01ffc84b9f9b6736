//! The pest parser generated from `pig.pest`.

use pest_derive::Parser;

/// Parser for Pig Latin; see `pig.pest` for the grammar.
#[derive(Parser)]
#[grammar = "parse/pig.pest"]
pub struct PigParser;
