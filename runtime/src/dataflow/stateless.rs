//! Stateless operators: each record's change maps to changes of its own, weights pass through.

use std::sync::{Arc, Mutex, PoisonError};

use super::{Cell, Node, Stream};
use crate::record::{Record, Weight};

struct Map<T, U, F> {
    input: Cell<T>,
    output: Cell<U>,
    f: F,
}

impl<T, U, F> Node for Map<T, U, F>
where
    T: Send,
    U: Send,
    F: FnMut(&T, Weight, &mut Vec<(U, Weight)>) + Send,
{
    fn step(&mut self, _step: u64) {
        let input = self.input.lock();
        let mut out = self.output.lock();
        out.clear();
        for (record, weight) in input.iter() {
            (self.f)(record, *weight, &mut out);
        }
    }
}

struct Union<T> {
    inputs: Vec<Cell<T>>,
    output: Cell<T>,
}

impl<T: Clone + Send> Node for Union<T> {
    fn step(&mut self, _step: u64) {
        let mut out = self.output.lock();
        out.clear();
        for input in &self.inputs {
            out.extend_from_slice(&input.lock());
        }
    }
}

struct Split<T, F, const N: usize> {
    input: Cell<T>,
    outputs: [Cell<T>; N],
    f: F,
}

impl<T, F, const N: usize> Node for Split<T, F, N>
where
    T: Clone + Send,
    F: Fn(&T) -> [bool; N] + Send,
{
    fn step(&mut self, _step: u64) {
        let input = self.input.lock();
        let mut outs: Vec<_> = self.outputs.iter().map(|c| c.lock()).collect();
        for out in &mut outs {
            out.clear();
        }
        for (record, weight) in input.iter() {
            for (out, keep) in outs.iter_mut().zip((self.f)(record)) {
                if keep {
                    out.push((record.clone(), *weight));
                }
            }
        }
    }
}

/// Appends every change of its input to a shared buffer (see [`Stream::output`]).
pub(super) struct Collect<T> {
    pub(super) input: Cell<T>,
    pub(super) buffer: Arc<Mutex<Vec<(T, Weight)>>>,
}

impl<T: Clone + Send> Node for Collect<T> {
    fn step(&mut self, _step: u64) {
        let input = self.input.lock();
        if !input.is_empty() {
            let mut buffer = self.buffer.lock().unwrap_or_else(PoisonError::into_inner);
            buffer.extend_from_slice(&input);
        }
    }
}

impl<'a, T: Record> Stream<'a, T> {
    fn push_map<U: Record>(
        &self,
        f: impl FnMut(&T, Weight, &mut Vec<(U, Weight)>) + Send + 'static,
    ) -> Stream<'a, U> {
        let output = Cell::new();
        self.dataflow().add_node(Box::new(Map {
            input: self.cell().clone(),
            output: output.clone(),
            f,
        }));
        Stream::from_cell(self.dataflow(), output)
    }

    /// `FOREACH … GENERATE` without flattening: one output record per input record.
    pub fn map<U: Record>(&self, f: impl Fn(&T) -> U + Send + 'static) -> Stream<'a, U> {
        self.push_map(move |r, w, out| out.push((f(r), w)))
    }

    /// `FILTER … BY`: keeps the records for which `f` is true (Pig: a null condition drops the record).
    pub fn filter(&self, f: impl Fn(&T) -> bool + Send + 'static) -> Stream<'a, T> {
        let stream = self.push_map(move |r, w, out| {
            if f(r) {
                out.push((r.clone(), w));
            }
        });
        self.keep_event_time(stream)
    }

    /// A fused filter and projection: keeps `Some` results. Cheaper than `filter` then `map`.
    pub fn filter_map<U: Record>(
        &self,
        f: impl Fn(&T) -> Option<U> + Send + 'static,
    ) -> Stream<'a, U> {
        self.push_map(move |r, w, out| {
            if let Some(u) = f(r) {
                out.push((u, w));
            }
        })
    }

    /// `FOREACH … GENERATE FLATTEN(…)`: any number of output records per input record.
    pub fn flat_map<U: Record, I: IntoIterator<Item = U>>(
        &self,
        f: impl Fn(&T) -> I + Send + 'static,
    ) -> Stream<'a, U> {
        self.push_map(move |r, w, out| out.extend(f(r).into_iter().map(|u| (u, w))))
    }

    /// `UNION`: the changes of both streams (a bag union: duplicates are kept).
    pub fn union(&self, other: &Stream<'a, T>) -> Stream<'a, T> {
        self.union_many([other])
    }

    /// `UNION` of this stream and any number of others.
    pub fn union_many<'s>(
        &self,
        others: impl IntoIterator<Item = &'s Stream<'a, T>>,
    ) -> Stream<'a, T>
    where
        'a: 's,
    {
        let mut inputs = vec![self.cell().clone()];
        inputs.extend(others.into_iter().map(|s| s.cell().clone()));
        let output = Cell::new();
        self.dataflow().add_node(Box::new(Union {
            inputs,
            output: output.clone(),
        }));
        Stream::from_cell(self.dataflow(), output)
    }

    /// `SPLIT … INTO a IF c1, b IF c2, …`: evaluates the `N` conditions once per record and returns one
    /// stream per condition (a record goes to every branch whose condition is true; `OTHERWISE` is the
    /// negation of the others, computed by the caller).
    pub fn split<const N: usize>(
        &self,
        f: impl Fn(&T) -> [bool; N] + Send + 'static,
    ) -> [Stream<'a, T>; N] {
        let outputs: [Cell<T>; N] = std::array::from_fn(|_| Cell::new());
        self.dataflow().add_node(Box::new(Split {
            input: self.cell().clone(),
            outputs: outputs.clone(),
            f,
        }));
        outputs.map(|cell| self.keep_event_time(Stream::from_cell(self.dataflow(), cell)))
    }

    /// `SAMPLE … p`: keeps a record when a deterministic hash of its content falls below `fraction`, so
    /// batch and streaming runs (and reruns) keep exactly the same records; equal records are all kept or
    /// all dropped.
    pub fn sample(&self, fraction: f64) -> Stream<'a, T> {
        let stream = self.push_map(move |r, w, out| {
            if crate::hash::unit_interval(r) < fraction {
                out.push((r.clone(), w));
            }
        });
        self.keep_event_time(stream)
    }

    fn keep_event_time(&self, mut stream: Stream<'a, T>) -> Stream<'a, T> {
        stream.event_time = self.event_time_fn();
        stream
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn stateless_operators_pass_weights_through() {
        let mut df = Dataflow::new();
        let (s, input) = df.input::<i64>("s");
        let mapped = s.map(|x| x * 10).output();
        let filtered = s.filter(|x| x % 2 == 0).output();
        let flat = s.flat_map(|x| vec![*x; 2]).output();
        let fm = s.filter_map(|x| (*x > 1).then_some(*x)).output();
        let u = s.union(&s.map(|x| -x)).output();
        let [a, b] = s.split(|x| [*x > 1, *x <= 2]);
        let (a, b) = (a.output(), b.output());
        input.push_all([(1, 1), (2, -1), (3, 2)]);
        df.step();
        assert_eq!(mapped.take(), vec![(10, 1), (20, -1), (30, 2)]);
        assert_eq!(filtered.take(), vec![(2, -1)]);
        assert_eq!(
            flat.take(),
            vec![(1, 1), (1, 1), (2, -1), (2, -1), (3, 2), (3, 2)]
        );
        assert_eq!(fm.take(), vec![(2, -1), (3, 2)]);
        assert_eq!(
            u.take(),
            vec![(1, 1), (2, -1), (3, 2), (-1, 1), (-2, -1), (-3, 2)]
        );
        assert_eq!(a.take(), vec![(2, -1), (3, 2)]);
        assert_eq!(b.take(), vec![(1, 1), (2, -1)]);
        df.step();
        assert!(mapped.take().is_empty());
    }

    #[test]
    fn sample_is_deterministic_and_roughly_proportional() {
        let run = || {
            let mut df = Dataflow::new();
            let (s, input) = df.input::<i64>("s");
            let out = s.sample(0.3).output();
            input.push_all((0..10_000).map(|x| (x, 1)));
            df.step();
            out.take()
        };
        let first = run();
        assert_eq!(first, run());
        assert!((2_500..3_500).contains(&first.len()), "{}", first.len());
    }
}
