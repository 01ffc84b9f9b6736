//! `Tuple`: a tuple of dynamically typed fields, for data whose schema is unknown at compile time (map
//! values, fields read without a schema, tuples parsed from text). Tuples with a known schema are
//! generated structs instead.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::Value;

/// A tuple of [`Value`]s. Ordered as Pig's `DefaultTuple.compareTo`: a tuple with fewer fields sorts
/// first; tuples of equal arity compare field by field with Pig's cross-type order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tuple(pub Vec<Value>);

impl Tuple {
    /// A tuple of these fields.
    pub fn new(fields: Vec<Value>) -> Self {
        Self(fields)
    }

    /// Number of fields.
    #[inline]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the tuple has no fields.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Field `i` (`$i`), or `None` past the end.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.0.get(i)
    }

    /// The fields.
    #[inline]
    pub fn fields(&self) -> &[Value] {
        &self.0
    }
}

impl PartialOrd for Tuple {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Tuple {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.cmp(&other.0))
    }
}

impl From<Vec<Value>> for Tuple {
    fn from(fields: Vec<Value>) -> Self {
        Self(fields)
    }
}

impl FromIterator<Value> for Tuple {
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}
