//! A materialized relation: the result of applying a changelog to an empty table.

use std::collections::BTreeMap;

use crate::record::Weight;

/// A multiset of records kept sorted, built by applying changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table<T: Ord> {
    rows: BTreeMap<T, Weight>,
}

impl<T: Ord> Default for Table<T> {
    fn default() -> Self {
        Self {
            rows: BTreeMap::new(),
        }
    }
}

impl<T: Ord + Clone> Table<T> {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies a batch of changes.
    pub fn apply(&mut self, changes: impl IntoIterator<Item = (T, Weight)>) {
        for (row, w) in changes {
            let entry = self.rows.entry(row.clone()).or_insert(0);
            *entry += w;
            if *entry == 0 {
                self.rows.remove(&row);
            }
        }
    }

    /// The rows with their multiplicities, sorted. A negative multiplicity means more retractions than
    /// insertions reached the table (a bug upstream).
    pub fn rows(&self) -> impl Iterator<Item = (&T, Weight)> {
        self.rows.iter().map(|(r, w)| (r, *w))
    }

    /// Number of distinct rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows sorted, each repeated by its multiplicity.
    pub fn to_vec(&self) -> Vec<T> {
        let mut out = Vec::new();
        for (row, w) in &self.rows {
            for _ in 0..(*w).max(0) {
                out.push(row.clone());
            }
        }
        out
    }
}

impl<T: Ord + Clone> FromIterator<(T, Weight)> for Table<T> {
    fn from_iter<I: IntoIterator<Item = (T, Weight)>>(iter: I) -> Self {
        let mut t = Table::new();
        t.apply(iter);
        t
    }
}
