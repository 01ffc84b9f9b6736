//! Pig's aggregate functions as incremental accumulators over weighted changes.
//!
//! Additive functions (COUNT, COUNT_STAR, SUM, AVG) keep sums and counts; MIN, MAX, COUNT(DISTINCT …)
//! and the general per-group [`bag`] function keep an exact multiset, so any retraction is exact.
//! Several accumulators over one group combine as a tuple, `(count_star(), sum(…), max(…))`, whose
//! output is the tuple of their outputs.

use std::collections::BTreeMap;
use std::hash::Hash;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::data::{BigDecimal, BigInt, Double};
use crate::record::Weight;

/// An incremental aggregate over records of type `T`.
pub trait Aggregate<T>: Send + 'static {
    /// The per-group state; checkpointed with the group.
    type State: Default + Serialize + DeserializeOwned + Send + 'static;
    /// The aggregate's value for a group.
    type Output;
    /// Applies one change to the group's state.
    fn update(&self, state: &mut Self::State, record: &T, weight: Weight);
    /// The aggregate's value for a non-empty group.
    fn output(&self, state: &Self::State) -> Self::Output;
}

/// `COUNT(bag)`: tuples whose first field is not null (`counted` says whether a record counts).
pub struct Count<F>(F);

/// `COUNT(bag)`; `counted(r)` is "the first field of `r` is not null".
pub fn count<T, F: Fn(&T) -> bool + Send + 'static>(counted: F) -> Count<F> {
    Count(counted)
}

impl<T, F: Fn(&T) -> bool + Send + 'static> Aggregate<T> for Count<F> {
    type State = i64;
    type Output = i64;
    #[inline]
    fn update(&self, state: &mut i64, record: &T, weight: Weight) {
        if (self.0)(record) {
            *state += weight;
        }
    }
    fn output(&self, state: &i64) -> i64 {
        *state
    }
}

/// `COUNT_STAR(bag)`: every tuple, nulls included.
pub struct CountStar;

/// `COUNT_STAR(bag)`.
pub fn count_star() -> CountStar {
    CountStar
}

impl<T> Aggregate<T> for CountStar {
    type State = i64;
    type Output = i64;
    #[inline]
    fn update(&self, state: &mut i64, _record: &T, weight: Weight) {
        *state += weight;
    }
    fn output(&self, state: &i64) -> i64 {
        *state
    }
}

/// A type SUM and AVG can accumulate. Pig sums int and long as long (`i64`), float and double as double
/// (`f64` or [`Double`]), biginteger and bigdecimal exactly ([`BigInt`], [`BigDecimal`]).
pub trait Summable:
    Clone + Default + PartialEq + Serialize + DeserializeOwned + Send + 'static
{
    /// Adds `value` `weight` times.
    fn add_weighted(&mut self, value: Self, weight: Weight);
    /// The value as a double (for AVG).
    fn to_f64(&self) -> f64;
}

impl Summable for i64 {
    #[inline]
    fn add_weighted(&mut self, value: i64, weight: Weight) {
        *self = self.wrapping_add(value.wrapping_mul(weight));
    }
    fn to_f64(&self) -> f64 {
        *self as f64
    }
}

impl Summable for f64 {
    #[inline]
    fn add_weighted(&mut self, value: f64, weight: Weight) {
        *self += value * weight as f64;
    }
    fn to_f64(&self) -> f64 {
        *self
    }
}

impl Summable for Double {
    #[inline]
    fn add_weighted(&mut self, value: Double, weight: Weight) {
        self.0 += value.0 * weight as f64;
    }
    fn to_f64(&self) -> f64 {
        self.0
    }
}

impl Summable for BigInt {
    fn add_weighted(&mut self, value: BigInt, weight: Weight) {
        *self += value * weight;
    }
    fn to_f64(&self) -> f64 {
        num_traits::ToPrimitive::to_f64(self).unwrap_or(f64::NAN)
    }
}

impl Summable for BigDecimal {
    fn add_weighted(&mut self, value: BigDecimal, weight: Weight) {
        *self += value * BigDecimal::from(weight);
    }
    fn to_f64(&self) -> f64 {
        num_traits::ToPrimitive::to_f64(self).unwrap_or(f64::NAN)
    }
}

/// SUM/AVG state: the sum of non-null values and how many there are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SumState<S> {
    /// Sum of the non-null values.
    pub sum: S,
    /// Number of non-null values.
    pub count: i64,
}

/// `SUM(bag.field)`: null when every value is null.
pub struct Sum<F>(F);

/// `SUM(bag.field)`; `value(r)` is the field widened to long or double, `None` when null.
pub fn sum<T, S: Summable, F: Fn(&T) -> Option<S> + Send + 'static>(value: F) -> Sum<F> {
    Sum(value)
}

impl<T, S: Summable, F: Fn(&T) -> Option<S> + Send + 'static> Aggregate<T> for Sum<F> {
    type State = SumState<S>;
    type Output = Option<S>;
    #[inline]
    fn update(&self, state: &mut SumState<S>, record: &T, weight: Weight) {
        if let Some(v) = (self.0)(record) {
            state.sum.add_weighted(v, weight);
            state.count += weight;
        }
    }
    fn output(&self, state: &SumState<S>) -> Option<S> {
        (state.count > 0).then(|| state.sum.clone())
    }
}

/// `AVG(bag.field)`: a double, null when every value is null.
pub struct Avg<F>(F);

/// `AVG(bag.field)`; `value(r)` is the field, `None` when null.
pub fn avg<T, S: Summable, F: Fn(&T) -> Option<S> + Send + 'static>(value: F) -> Avg<F> {
    Avg(value)
}

impl<T, S: Summable, F: Fn(&T) -> Option<S> + Send + 'static> Aggregate<T> for Avg<F> {
    type State = SumState<S>;
    type Output = Option<f64>;
    #[inline]
    fn update(&self, state: &mut SumState<S>, record: &T, weight: Weight) {
        if let Some(v) = (self.0)(record) {
            state.sum.add_weighted(v, weight);
            state.count += weight;
        }
    }
    fn output(&self, state: &SumState<S>) -> Option<f64> {
        (state.count > 0).then(|| state.sum.to_f64() / state.count as f64)
    }
}

/// Adds `weight` copies of `value` to a multiset, dropping it at zero.
fn add_to_multiset<V: Ord>(set: &mut BTreeMap<V, Weight>, value: V, weight: Weight) {
    use std::collections::btree_map::Entry;
    match set.entry(value) {
        Entry::Occupied(mut e) => {
            *e.get_mut() += weight;
            if *e.get() == 0 {
                e.remove();
            }
        }
        Entry::Vacant(e) => {
            if weight != 0 {
                e.insert(weight);
            }
        }
    }
}

/// `MIN(bag.field)`: null when every value is null.
pub struct Min<F>(F);

/// `MIN(bag.field)`; `value(r)` is the field, `None` when null.
pub fn min<T, V, F: Fn(&T) -> Option<V> + Send + 'static>(value: F) -> Min<F> {
    Min(value)
}

impl<T, V, F> Aggregate<T> for Min<F>
where
    V: Ord + Clone + Serialize + DeserializeOwned + Send + 'static,
    F: Fn(&T) -> Option<V> + Send + 'static,
{
    type State = BTreeMap<V, Weight>;
    type Output = Option<V>;
    fn update(&self, state: &mut Self::State, record: &T, weight: Weight) {
        if let Some(v) = (self.0)(record) {
            add_to_multiset(state, v, weight);
        }
    }
    fn output(&self, state: &Self::State) -> Option<V> {
        state.iter().find(|(_, w)| **w > 0).map(|(v, _)| v.clone())
    }
}

/// `MAX(bag.field)`: null when every value is null.
pub struct Max<F>(F);

/// `MAX(bag.field)`; `value(r)` is the field, `None` when null.
pub fn max<T, V, F: Fn(&T) -> Option<V> + Send + 'static>(value: F) -> Max<F> {
    Max(value)
}

impl<T, V, F> Aggregate<T> for Max<F>
where
    V: Ord + Clone + Serialize + DeserializeOwned + Send + 'static,
    F: Fn(&T) -> Option<V> + Send + 'static,
{
    type State = BTreeMap<V, Weight>;
    type Output = Option<V>;
    fn update(&self, state: &mut Self::State, record: &T, weight: Weight) {
        if let Some(v) = (self.0)(record) {
            add_to_multiset(state, v, weight);
        }
    }
    fn output(&self, state: &Self::State) -> Option<V> {
        state
            .iter()
            .rev()
            .find(|(_, w)| **w > 0)
            .map(|(v, _)| v.clone())
    }
}

/// `COUNT(DISTINCT bag.field)` (Pig: `d = DISTINCT b.f; GENERATE COUNT(d)`): distinct non-null values.
pub struct CountDistinct<F>(F);

/// `COUNT(DISTINCT bag.field)`; `value(r)` is the field, `None` when null (not counted, as COUNT skips
/// tuples whose first field is null).
pub fn count_distinct<T, V, F: Fn(&T) -> Option<V> + Send + 'static>(value: F) -> CountDistinct<F> {
    CountDistinct(value)
}

impl<T, V, F> Aggregate<T> for CountDistinct<F>
where
    V: Eq + Hash + Serialize + DeserializeOwned + Send + 'static,
    F: Fn(&T) -> Option<V> + Send + 'static,
{
    type State = hashbrown::HashMap<V, Weight>;
    type Output = i64;
    #[inline]
    fn update(&self, state: &mut Self::State, record: &T, weight: Weight) {
        if let Some(v) = (self.0)(record) {
            match state.entry(v) {
                hashbrown::hash_map::Entry::Occupied(mut e) => {
                    *e.get_mut() += weight;
                    if *e.get() == 0 {
                        e.remove();
                    }
                }
                hashbrown::hash_map::Entry::Vacant(e) => {
                    if weight != 0 {
                        e.insert(weight);
                    }
                }
            }
        }
    }
    fn output(&self, state: &Self::State) -> i64 {
        state.values().filter(|w| **w > 0).count() as i64
    }
}

/// A per-group bag function: nested `DISTINCT`, `FILTER`, `ORDER`, `LIMIT`, a bag-valued field, or any
/// function of the whole bag.
pub struct Bag<P, G>(P, G);

/// A per-group bag function: `project(r)` is the bag element kept for each record (`None` skips it, as a
/// nested FILTER does); `apply(bag)` computes the result from the group's whole bag, given sorted, with
/// duplicates repeated.
pub fn bag<T, V, O, P, G>(project: P, apply: G) -> Bag<P, G>
where
    P: Fn(&T) -> Option<V> + Send + 'static,
    G: Fn(&[V]) -> O + Send + 'static,
{
    Bag(project, apply)
}

impl<T, V, O, P, G> Aggregate<T> for Bag<P, G>
where
    V: Ord + Clone + Serialize + DeserializeOwned + Send + 'static,
    P: Fn(&T) -> Option<V> + Send + 'static,
    G: Fn(&[V]) -> O + Send + 'static,
{
    type State = BTreeMap<V, Weight>;
    type Output = O;
    fn update(&self, state: &mut Self::State, record: &T, weight: Weight) {
        if let Some(v) = (self.0)(record) {
            add_to_multiset(state, v, weight);
        }
    }
    fn output(&self, state: &Self::State) -> O {
        let mut items = Vec::new();
        for (v, w) in state {
            for _ in 0..(*w).max(0) {
                items.push(v.clone());
            }
        }
        (self.1)(&items)
    }
}

macro_rules! tuple_aggregate {
    ($($name:ident $idx:tt),+) => {
        impl<T, $($name: Aggregate<T>),+> Aggregate<T> for ($($name,)+) {
            type State = ($($name::State,)+);
            type Output = ($($name::Output,)+);
            #[inline]
            fn update(&self, state: &mut Self::State, record: &T, weight: Weight) {
                $(self.$idx.update(&mut state.$idx, record, weight);)+
            }
            fn output(&self, state: &Self::State) -> Self::Output {
                ($(self.$idx.output(&state.$idx),)+)
            }
        }
    };
}

tuple_aggregate!(A 0);
tuple_aggregate!(A 0, B 1);
tuple_aggregate!(A 0, B 1, C 2);
tuple_aggregate!(A 0, B 1, C 2, D 3);
tuple_aggregate!(A 0, B 1, C 2, D 3, E 4);
tuple_aggregate!(A 0, B 1, C 2, D 3, E 4, F 5);
tuple_aggregate!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_aggregate!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
tuple_aggregate!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
tuple_aggregate!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
tuple_aggregate!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
tuple_aggregate!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);

#[cfg(test)]
mod tests {
    use super::*;

    fn run<A: Aggregate<T>, T>(agg: &A, changes: &[(T, Weight)]) -> A::Output {
        let mut state = A::State::default();
        for (r, w) in changes {
            agg.update(&mut state, r, *w);
        }
        agg.output(&state)
    }

    #[test]
    fn count_skips_null_first_field_and_count_star_does_not() {
        let rows = [(None, 1), (Some(1), 1), (Some(2), 1), (Some(2), -1)];
        assert_eq!(run(&count(|r: &Option<i32>| r.is_some()), &rows), 1);
        assert_eq!(run(&count_star(), &rows), 2);
    }

    #[test]
    fn sum_avg_skip_nulls_and_are_null_when_all_null() {
        let f = |r: &Option<i64>| *r;
        assert_eq!(run(&sum(f), &[(None, 1)]), None);
        assert_eq!(
            run(&sum(f), &[(Some(3), 2), (None, 1), (Some(4), 1)]),
            Some(10)
        );
        assert_eq!(
            run(&avg(f), &[(Some(3), 2), (None, 1), (Some(6), 1)]),
            Some(4.0)
        );
        assert_eq!(run(&avg(f), &[(Some(3), 1), (Some(3), -1)]), None);
    }

    #[test]
    fn sums_of_doubles_and_big_numbers() {
        let d = |r: &Option<f64>| r.map(Double);
        assert_eq!(
            run(&sum(d), &[(Some(1.5), 2), (None, 1)]),
            Some(Double(3.0))
        );
        let b = |r: &i64| Some(BigDecimal::from(*r) / BigDecimal::from(10));
        assert_eq!(
            run(&sum(b), &[(11, 1), (22, 3), (11, -1)]),
            Some(BigDecimal::from(66) / BigDecimal::from(10))
        );
        let i = |r: &i64| Some(BigInt::from(*r));
        assert_eq!(run(&avg(i), &[(1, 1), (4, 1)]), Some(2.5));
    }

    #[test]
    fn min_max_survive_retraction_of_the_extreme() {
        let f = |r: &Option<i64>| *r;
        let rows = [
            (Some(5), 1),
            (Some(1), 1),
            (Some(9), 1),
            (None, 1),
            (Some(1), -1),
            (Some(9), -1),
        ];
        assert_eq!(run(&min(f), &rows), Some(5));
        assert_eq!(run(&max(f), &rows), Some(5));
        assert_eq!(run(&max(f), &[(None, 1)]), None);
    }

    #[test]
    fn count_distinct_and_bag() {
        let f = |r: &Option<i64>| *r;
        let rows = [
            (Some(1), 1),
            (Some(1), 1),
            (Some(2), 1),
            (None, 1),
            (Some(2), -1),
        ];
        assert_eq!(run(&count_distinct(f), &rows), 1);
        let top2 = bag(f, |b: &[i64]| {
            b.iter().rev().take(2).copied().collect::<Vec<_>>()
        });
        assert_eq!(
            run(&top2, &[(Some(1), 2), (Some(7), 1), (Some(3), 1)]),
            vec![7, 3]
        );
        assert_eq!(run(&(count_star(), sum(f)), &rows), (3, Some(2)));
    }
}
