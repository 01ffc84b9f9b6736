//! `Bag<T>`: Pig's bag, a multiset of tuples kept in insertion order.

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};

/// Pig's `bag`: a multiset of tuples. Iteration yields tuples in insertion order (what Pig's default bag
/// does), but comparison, equality and hashing treat the bag as a multiset, as Pig's
/// `DefaultAbstractBag.compareTo` does: a smaller bag sorts first; bags of equal size compare their sorted
/// tuples pairwise.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Bag<T> {
    tuples: Vec<T>,
}

impl<T> Bag<T> {
    /// An empty bag.
    pub const fn new() -> Self {
        Self { tuples: Vec::new() }
    }

    /// A bag holding `tuples` in this order.
    pub fn from_vec(tuples: Vec<T>) -> Self {
        Self { tuples }
    }

    /// Adds a tuple.
    #[inline]
    pub fn push(&mut self, tuple: T) {
        self.tuples.push(tuple);
    }

    /// Number of tuples (Pig's `SIZE` / `COUNT_STAR` of a bag).
    #[inline]
    pub fn len(&self) -> usize {
        self.tuples.len()
    }

    /// Whether the bag has no tuples (Pig's `IsEmpty`).
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.tuples.is_empty()
    }

    /// The tuples in insertion order.
    #[inline]
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.tuples.iter()
    }

    /// The tuples as a slice, in insertion order.
    #[inline]
    pub fn as_slice(&self) -> &[T] {
        &self.tuples
    }

    /// The tuples, consuming the bag.
    pub fn into_vec(self) -> Vec<T> {
        self.tuples
    }

    /// Sorts the tuples in place (used by nested ORDER and by TOP).
    pub fn sort_by<F: FnMut(&T, &T) -> Ordering>(&mut self, compare: F) {
        self.tuples.sort_by(compare);
    }
}

impl<T> Default for Bag<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Ord> Bag<T> {
    fn sorted_refs(&self) -> Vec<&T> {
        let mut refs: Vec<&T> = self.tuples.iter().collect();
        refs.sort();
        refs
    }
}

impl<T: Ord> PartialEq for Bag<T> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<T: Ord> Eq for Bag<T> {}

impl<T: Ord> PartialOrd for Bag<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T: Ord> Ord for Bag<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.len()
            .cmp(&other.len())
            .then_with(|| self.sorted_refs().cmp(&other.sorted_refs()))
    }
}

impl<T: Hash> Hash for Bag<T> {
    /// Order-independent: the wrapping sum of each tuple's own hash, so equal multisets hash equally.
    fn hash<H: Hasher>(&self, state: &mut H) {
        let sum = self.tuples.iter().fold(0u64, |acc, t| {
            let mut h = DefaultHasher::new();
            t.hash(&mut h);
            acc.wrapping_add(h.finish())
        });
        self.tuples.len().hash(state);
        sum.hash(state);
    }
}

impl<T> FromIterator<T> for Bag<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self {
            tuples: iter.into_iter().collect(),
        }
    }
}

impl<T> IntoIterator for Bag<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.tuples.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Bag<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.tuples.iter()
    }
}

impl<T> Extend<T> for Bag<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        self.tuples.extend(iter);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn bags_are_multisets() {
        let a: Bag<i32> = [1, 2, 2].into_iter().collect();
        let b: Bag<i32> = [2, 1, 2].into_iter().collect();
        let c: Bag<i32> = [1, 1, 2].into_iter().collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        let set: HashSet<Bag<i32>> = [a.clone(), b, c].into_iter().collect();
        assert_eq!(set.len(), 2);
        assert_eq!(a.iter().copied().collect::<Vec<_>>(), vec![1, 2, 2]);
    }

    #[test]
    fn smaller_bags_sort_first_then_sorted_contents() {
        let small: Bag<i32> = [9].into_iter().collect();
        let big: Bag<i32> = [1, 1].into_iter().collect();
        let big2: Bag<i32> = [2, 0].into_iter().collect();
        assert!(small < big);
        assert!(big2 < big);
    }
}
