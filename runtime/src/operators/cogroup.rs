//! `COGROUP a BY k, b BY k`: per key, both bags; emits the change of the `(group, bag_a, bag_b)` rows of
//! the keys a step touched.
//!
//! Pig groups null keys together within one input but not across inputs; a code generator gets that by
//! keying each side with `(key, None)` for non-null keys and `(key, Some(input_index))` for null ones.
//! More than two inputs: union the inputs as a generated enum and use [`super::bag`] on one keyed stream.

use std::collections::BTreeMap;

use hashbrown::hash_map::Entry;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::aggregate::unknown_entry;
use super::KeyedStream;
use crate::dataflow::{Cell, EventTimeFn, Node, Stream};
use crate::record::{Record, Weight};
use crate::state::{raise_bucket, Bucketed, KeyedState, OperatorState, StateError, StateVisitor};

#[derive(Serialize, Deserialize)]
#[serde(bound(
    serialize = "A: Serialize, B: Serialize",
    deserialize = "A: DeserializeOwned + Ord, B: DeserializeOwned + Ord"
))]
struct CoGroup<A, B> {
    a: BTreeMap<A, Weight>,
    b: BTreeMap<B, Weight>,
    bucket: Option<i64>,
    #[serde(skip)]
    step: u64,
}

impl<A, B> Bucketed for CoGroup<A, B> {
    fn bucket(&self) -> Option<i64> {
        self.bucket
    }
}

fn expand<V: Clone>(bag: &BTreeMap<V, Weight>) -> Vec<V> {
    let mut items = Vec::new();
    for (v, w) in bag {
        for _ in 0..(*w).max(0) {
            items.push(v.clone());
        }
    }
    items
}

fn add<V: Ord + Clone>(bag: &mut BTreeMap<V, Weight>, v: &V, w: Weight) {
    match bag.get_mut(v) {
        Some(c) => {
            *c += w;
            if *c == 0 {
                bag.remove(v);
            }
        }
        None => {
            if w != 0 {
                bag.insert(v.clone(), w);
            }
        }
    }
}

struct CoGroupNode<A, B, K, O, KA, KB, F> {
    id: String,
    a_input: Cell<A>,
    b_input: Cell<B>,
    output: Cell<O>,
    a_key: KA,
    b_key: KB,
    finish: F,
    a_time: Option<EventTimeFn<A>>,
    b_time: Option<EventTimeFn<B>>,
    groups: KeyedState<K, CoGroup<A, B>>,
    touched: Vec<(K, Option<O>)>,
}

impl<A, B, K, O, KA, KB, F> CoGroupNode<A, B, K, O, KA, KB, F>
where
    A: Record,
    B: Record,
    K: Record,
    O: Record,
    F: Fn(&K, &[A], &[B]) -> O,
{
    fn output_of(finish: &F, key: &K, g: &CoGroup<A, B>) -> Option<O> {
        let a = expand(&g.a);
        let b = expand(&g.b);
        (!a.is_empty() || !b.is_empty()).then(|| finish(key, &a, &b))
    }

    /// The group under `key`, recording its output before the step on first touch.
    fn touch(&mut self, key: K, step: u64) -> &mut CoGroup<A, B> {
        let group = match self.groups.map.entry(key) {
            Entry::Occupied(e) => {
                if e.get().step != step {
                    let old = Self::output_of(&self.finish, e.key(), e.get());
                    self.touched.push((e.key().clone(), old));
                }
                e.into_mut()
            }
            Entry::Vacant(e) => {
                self.touched.push((e.key().clone(), None));
                e.insert(CoGroup {
                    a: BTreeMap::new(),
                    b: BTreeMap::new(),
                    bucket: None,
                    step,
                })
            }
        };
        group.step = step;
        group
    }
}

impl<A, B, K, O, KA, KB, F> Node for CoGroupNode<A, B, K, O, KA, KB, F>
where
    A: Record,
    B: Record,
    K: Record,
    O: Record,
    KA: Fn(&A) -> K + Send,
    KB: Fn(&B) -> K + Send,
    F: Fn(&K, &[A], &[B]) -> O + Send,
{
    fn step(&mut self, step: u64) {
        let a_input = self.a_input.clone();
        for (a, w) in a_input.lock().iter() {
            let time = self.a_time.as_ref().map(|f| f(a));
            let group = self.touch((self.a_key)(a), step);
            add(&mut group.a, a, *w);
            raise_bucket(&mut group.bucket, time);
        }
        let b_input = self.b_input.clone();
        for (b, w) in b_input.lock().iter() {
            let time = self.b_time.as_ref().map(|f| f(b));
            let group = self.touch((self.b_key)(b), step);
            add(&mut group.b, b, *w);
            raise_bucket(&mut group.bucket, time);
        }
        let mut out = self.output.lock();
        out.clear();
        for (key, old) in self.touched.drain(..) {
            let new = match self.groups.map.get(&key) {
                Some(g) if g.a.is_empty() && g.b.is_empty() => {
                    self.groups.map.remove(&key);
                    None
                }
                Some(g) => Self::output_of(&self.finish, &key, g),
                None => None,
            };
            self.groups.mark_dirty(&key);
            if old != new {
                if let Some(old) = old {
                    out.push((old, -1));
                }
                if let Some(new) = new {
                    out.push((new, 1));
                }
            }
        }
    }

    fn state(&mut self) -> Option<&mut dyn OperatorState> {
        Some(self)
    }

    fn state_ref(&self) -> Option<&dyn OperatorState> {
        Some(self)
    }
}

impl<A, B, K, O, KA, KB, F> OperatorState for CoGroupNode<A, B, K, O, KA, KB, F>
where
    A: Record,
    B: Record,
    K: Record,
    O: Record,
    KA: Fn(&A) -> K + Send,
    KB: Fn(&B) -> K + Send,
    F: Fn(&K, &[A], &[B]) -> O + Send,
{
    fn id(&self) -> &str {
        &self.id
    }
    fn len(&self) -> usize {
        self.groups.map.len()
    }
    fn set_track_changes(&mut self, on: bool) {
        self.groups.set_track(on);
    }
    fn export_changes(&mut self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        self.groups.export_changes(&self.id, out)
    }
    fn export_all(&self, out: &mut dyn StateVisitor) -> Result<(), StateError> {
        self.groups.export_all(&self.id, out)
    }
    fn restore_entry(&mut self, key: &[u8], value: &[u8]) -> Result<(), StateError> {
        if self.groups.restore_entry(&self.id, key, value)? {
            Ok(())
        } else {
            Err(unknown_entry(&self.id))
        }
    }
    fn evict_before(&mut self, limit: i64) -> usize {
        self.groups.evict_before(limit)
    }
}

impl<'a, A, K, KA> KeyedStream<'a, A, K, KA>
where
    A: Record,
    K: Record,
    KA: Fn(&A) -> K + Send + 'static,
{
    /// `COGROUP a BY k, b BY k`: one row `finish(key, bag_a, bag_b)` per key present in either input;
    /// bags are sorted, duplicates repeated, and may be empty.
    pub fn cogroup<B, KB, O, F>(
        self,
        id: &str,
        other: KeyedStream<'a, B, K, KB>,
        finish: F,
    ) -> Stream<'a, O>
    where
        B: Record,
        KB: Fn(&B) -> K + Send + 'static,
        O: Record,
        F: Fn(&K, &[A], &[B]) -> O + Send + 'static,
    {
        let output = Cell::new();
        let df = self.stream.dataflow();
        df.add_node(Box::new(CoGroupNode {
            id: id.to_owned(),
            a_input: self.stream.cell().clone(),
            b_input: other.stream.cell().clone(),
            output: output.clone(),
            a_key: self.key,
            b_key: other.key,
            finish,
            a_time: self.stream.event_time_fn(),
            b_time: other.stream.event_time_fn(),
            groups: KeyedState::new(0),
            touched: Vec::new(),
        }));
        Stream::from_cell(df, output)
    }
}
