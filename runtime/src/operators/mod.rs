//! Stateful operators: each keeps keyed state (see [`crate::state`]) and emits the change of its output.
//!
//! | Pig | method | state |
//! |---|---|---|
//! | `GROUP … BY k; FOREACH … GENERATE group, AGG(…)` | [`KeyedStream::aggregate`] | per key: record count + accumulator states |
//! | `DISTINCT` | [`Stream::distinct`](crate::dataflow::Stream::distinct) | per record: multiplicity |
//! | `JOIN` (inner, left, right, full outer) | [`KeyedStream::join_inner`] … | per key and side: multiset of rows |
//! | `COGROUP a BY k, b BY k` | [`KeyedStream::cogroup`] | per key: both bags |
//! | `CROSS` | [`Stream::cross`](crate::dataflow::Stream::cross) | both inputs |
//! | `ORDER … LIMIT n`, `LIMIT n` | [`Stream::top_n`](crate::dataflow::Stream::top_n), [`Stream::limit`](crate::dataflow::Stream::limit) | all rows, sorted |
//! | `CUBE … BY CUBE(…), ROLLUP(…)` | [`Stream::cube`](crate::dataflow::Stream::cube) | per grouping set and key: the bag |
//! | `RANK … [BY …]` (batch only) | [`Stream::rank`](crate::dataflow::Stream::rank), [`Stream::row_number`](crate::dataflow::Stream::row_number) | all rows |
//! | `x.f` of a one-row relation `x` (a scalar); `LIMIT`/`SAMPLE` by one | [`Stream::with_scalar`](crate::dataflow::Stream::with_scalar), [`Stream::top_n_scalar`](crate::dataflow::Stream::top_n_scalar), [`Stream::limit_scalar`](crate::dataflow::Stream::limit_scalar), [`Stream::sample_scalar`](crate::dataflow::Stream::sample_scalar) | the input's rows and the scalar's row |
//! | `ASSERT … BY` | [`Stream::assert`](crate::dataflow::Stream::assert) | the first violation |
//!
//! Nested `DISTINCT`/`FILTER`/`ORDER`/`LIMIT` inside a `FOREACH` over a group are per-group bag functions:
//! [`bag`] gives the closure the group's whole bag, sorted, and its result is maintained like any other
//! accumulator.

mod accumulators;
mod aggregate;
mod assert;
mod cogroup;
mod cube;
mod distinct;
mod join;
mod rank;
mod scalar;
mod topn;

use std::marker::PhantomData;

pub use accumulators::{
    avg, bag, count, count_distinct, count_star, max, min, sum, Aggregate, Avg, Bag, Count,
    CountDistinct, CountStar, Max, Min, Sum, SumState, Summable,
};
pub use scalar::WithScalar;

use crate::dataflow::Stream;
use crate::record::Record;

/// A stream with a key extractor, ready for a keyed operator (aggregate, join, cogroup).
pub struct KeyedStream<'a, T, K, KF> {
    stream: Stream<'a, T>,
    key: KF,
    _key: PhantomData<fn() -> K>,
}

impl<'a, T: Record> Stream<'a, T> {
    /// Keys the stream by `key` (`GROUP … BY`, `JOIN … BY`). Keys compare with Pig's semantics through
    /// their types: nulls are `None` and group together.
    pub fn key_by<K: Record, KF: Fn(&T) -> K + Send + 'static>(
        &self,
        key: KF,
    ) -> KeyedStream<'a, T, K, KF> {
        KeyedStream {
            stream: self.clone(),
            key,
            _key: PhantomData,
        }
    }
}
