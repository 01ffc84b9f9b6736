//! `PigMap`: Pig's map, chararray keys to dynamically typed values.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Value;

/// Pig's `map`: chararray keys to [`Value`]s (a value may be `Value::Null`). Keys are kept sorted, which
/// makes iteration and the text form deterministic (Pig's order follows a Java `HashMap` and is
/// unspecified). Ordered as Pig's `DataType.compare` orders maps: a smaller map sorts first; maps of equal
/// size compare their sorted entries key first, then value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PigMap(pub BTreeMap<String, Value>);

impl PigMap {
    /// An empty map.
    pub fn new() -> Self {
        Self(BTreeMap::new())
    }

    /// The value under `key` (`m#'key'`); `None` when absent. A present key may hold `Value::Null`.
    #[inline]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// Sets `key` to `value`, returning the previous value.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) -> Option<Value> {
        self.0.insert(key.into(), value)
    }

    /// Number of entries (Pig's `SIZE` of a map).
    #[inline]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the map has no entries (Pig's `IsEmpty`).
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Entries in key order.
    pub fn iter(&self) -> std::collections::btree_map::Iter<'_, String, Value> {
        self.0.iter()
    }
}

impl PartialOrd for PigMap {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PigMap {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().cmp(other.0.iter()))
    }
}

impl FromIterator<(String, Value)> for PigMap {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}
