//! Exchange points: where a stream is repartitioned by a key before a keyed operator (design.md §4).
//!
//! Generated code marks every repartition with [`Stream::exchange`]. In one process (batch, the
//! in-process incremental executor) every key is already in the one instance, so the exchange is the
//! identity and costs nothing. A dataflow built with [`Dataflow::with_cut_exchanges`] (the Kafka
//! executor's) is cut there instead: each step, the changes entering the exchange are encoded with the
//! stable hash of their key and handed to the executor ([`Dataflow::drain_exchange`]), which writes them
//! to a repartition topic partitioned by that hash; what the executor reads back from the topic is pushed
//! into the exchange ([`Dataflow::push_exchange`]) and comes out of it at the next step. All changes of
//! one key thus meet in one task, whichever input partition they were read from.
//!
//! A change crosses the exchange as the postcard encoding of `(record, weight)`, so retractions survive
//! the trip.

use std::sync::{Arc, Mutex, PoisonError};

use serde::Serialize;

use super::{Cell, Dataflow, EventTimeFn, Node, Stream};
use crate::format::DecodeError;
use crate::hash::stable_hash;
use crate::record::{consolidate, Record, Weight};

/// One encoded change leaving an exchange: the stable hash of its key and `(record, weight)` in postcard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeRecord {
    /// [`stable_hash`] of the record's exchange key: the same in every process and build.
    pub key_hash: u64,
    /// The change, postcard-encoded as `(record, weight)`.
    pub payload: Vec<u8>,
}

/// Why a change could not cross an exchange.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("exchange `{id}`: cannot encode a change: {reason}")]
pub struct ExchangeError {
    /// The exchange's operator id.
    pub id: String,
    /// The encoder's message.
    pub reason: String,
}

/// The changes leaving an exchange since the last drain, and the first encoding error, if any.
#[derive(Default)]
struct Outlet {
    records: Vec<ExchangeRecord>,
    error: Option<String>,
}

/// The type-erased face of a cut exchange, as the executor sees it.
pub(crate) trait ExchangePort: Send {
    /// The exchange's deterministic operator id.
    fn id(&self) -> &str;
    /// Takes the changes that entered the exchange since the last call.
    fn drain(&mut self) -> Result<Vec<ExchangeRecord>, ExchangeError>;
    /// Decodes one change written by [`drain`](Self::drain) and queues it as output of the next step.
    fn push(&mut self, payload: &[u8]) -> Result<(), DecodeError>;
}

struct TypedExchange<T> {
    id: String,
    outlet: Arc<Mutex<Outlet>>,
    inlet: Cell<T>,
}

impl<T: Record> ExchangePort for TypedExchange<T> {
    fn id(&self) -> &str {
        &self.id
    }

    fn drain(&mut self) -> Result<Vec<ExchangeRecord>, ExchangeError> {
        let mut outlet = self.outlet.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(reason) = outlet.error.take() {
            outlet.records.clear();
            return Err(ExchangeError {
                id: self.id.clone(),
                reason,
            });
        }
        Ok(std::mem::take(&mut outlet.records))
    }

    fn push(&mut self, payload: &[u8]) -> Result<(), DecodeError> {
        let change: (T, Weight) = postcard::from_bytes(payload).map_err(|e| {
            DecodeError::new(format!(
                "exchange `{}`: not a change of this script: {e}",
                self.id
            ))
        })?;
        self.inlet.lock().push(change);
        Ok(())
    }
}

/// The node of a cut exchange: sends its input out through the outlet and emits what came in.
struct CutExchange<T, K> {
    input: Cell<T>,
    output: Cell<T>,
    key: K,
    /// The input's event time: reading it makes the dataflow's watermark cover what was sent.
    event_time: Option<EventTimeFn<T>>,
    outlet: Arc<Mutex<Outlet>>,
    inlet: Cell<T>,
}

impl<T, K, KV> Node for CutExchange<T, K>
where
    T: Record,
    K: Fn(&T) -> KV + Send,
    KV: Serialize,
{
    fn step(&mut self, _step: u64) {
        let mut changes = self.input.lock().clone();
        consolidate(&mut changes);
        if !changes.is_empty() {
            let mut outlet = self.outlet.lock().unwrap_or_else(PoisonError::into_inner);
            for change in &changes {
                if let Some(event_time) = &self.event_time {
                    event_time(&change.0);
                }
                match postcard::to_stdvec(change) {
                    Ok(payload) => outlet.records.push(ExchangeRecord {
                        key_hash: stable_hash(&(self.key)(&change.0)),
                        payload,
                    }),
                    Err(e) => {
                        outlet.error.get_or_insert_with(|| e.to_string());
                    }
                }
            }
        }
        let mut output = self.output.lock();
        output.clear();
        output.append(&mut self.inlet.lock());
    }
}

impl<'a, T: Record> Stream<'a, T> {
    /// Repartition by `key` in front of a keyed operator (the physical plan's Exchange, named by its
    /// deterministic operator `id`). The identity unless the dataflow was built with
    /// [`Dataflow::with_cut_exchanges`]; see the [module docs](self).
    ///
    /// Operators whose inputs must meet (both sides of a JOIN or COGROUP) must derive keys that are equal
    /// values of the same type for matching rows, so that their hashes agree.
    ///
    /// A stream with an event time ([`Stream::event_time`]) keeps it across the exchange; in a cut
    /// exchange, the event times of what it sends count towards the sending task's watermark, which
    /// the Kafka executor passes on to the tasks it feeds (see `kafka::watermark`).
    pub fn exchange<KV: Serialize>(
        &self,
        id: &str,
        key: impl Fn(&T) -> KV + Send + 'static,
    ) -> Stream<'a, T> {
        let df = self.dataflow();
        if !df.graph.borrow().cut_exchanges {
            return self.clone();
        }
        let output = Cell::new();
        let inlet = Cell::new();
        let outlet = Arc::new(Mutex::new(Outlet::default()));
        df.add_node(Box::new(CutExchange {
            input: self.cell().clone(),
            output: output.clone(),
            key,
            event_time: self.event_time_fn(),
            outlet: Arc::clone(&outlet),
            inlet: inlet.clone(),
        }));
        df.graph
            .borrow_mut()
            .exchanges
            .push(Box::new(TypedExchange {
                id: id.to_owned(),
                outlet,
                inlet,
            }));
        Stream::from_cell(df, output).with_event_time(self.event_time_fn())
    }
}

impl Dataflow {
    /// An empty dataflow whose exchanges ([`Stream::exchange`]) will be cut: a distributed executor
    /// moves the changes across them (see [`Dataflow::drain_exchange`]).
    pub fn with_cut_exchanges() -> Self {
        let df = Self::new();
        df.graph.borrow_mut().cut_exchanges = true;
        df
    }

    /// Ids of the cut exchanges in declaration order; an exchange's index is its position here. Empty
    /// unless the dataflow was built with [`Dataflow::with_cut_exchanges`].
    pub fn exchange_ids(&self) -> Vec<String> {
        let g = self.graph.borrow();
        g.exchanges.iter().map(|x| x.id().to_owned()).collect()
    }

    /// Takes the changes that entered exchange `index` during the steps since the last call.
    pub fn drain_exchange(&mut self, index: usize) -> Result<Vec<ExchangeRecord>, ExchangeError> {
        match self.graph.get_mut().exchanges.get_mut(index) {
            Some(x) => x.drain(),
            None => Ok(Vec::new()),
        }
    }

    /// Queues a change read back from exchange `index`'s repartition topic as the exchange's output at
    /// the next step.
    pub fn push_exchange(&mut self, index: usize, payload: &[u8]) -> Result<(), DecodeError> {
        let exchanges = &mut self.graph.get_mut().exchanges;
        let count = exchanges.len();
        match exchanges.get_mut(index) {
            Some(x) => x.push(payload),
            None => Err(DecodeError::new(format!(
                "no exchange {index} (the dataflow has {count})"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    type Row = (String, i64);

    fn build(df: &Dataflow) -> (InputHandle<Row>, OutputHandle<Row>) {
        let (s, input) = df.input::<Row>("s");
        let out = s
            .exchange("x", |r| r.0.clone())
            .key_by(|r| r.0.clone())
            .aggregate("sum", sum(|r: &Row| Some(r.1)), |k, v| {
                (k.clone(), v.unwrap_or(0))
            })
            .output();
        (input, out)
    }

    #[test]
    fn an_exchange_is_the_identity_unless_cut() {
        let mut df = Dataflow::new();
        let (input, out) = build(&df);
        assert!(df.exchange_ids().is_empty());
        input.push_all([(("a".into(), 2), 1), (("a".into(), 3), 1)]);
        df.step();
        assert_eq!(out.take(), vec![(("a".to_owned(), 5), 1)]);
    }

    /// Two cut instances stand for two tasks: what one drains, routed by key hash and pushed into the
    /// other, gives the uncut answer, retractions included.
    #[test]
    fn a_cut_exchange_moves_changes_and_their_weights_by_key_hash() {
        let mut upstream = Dataflow::with_cut_exchanges();
        let (input, upstream_out) = build(&upstream);
        let mut downstream = Dataflow::with_cut_exchanges();
        let (_, out) = build(&downstream);
        assert_eq!(upstream.exchange_ids(), ["x"]);
        input.push_all([
            (("a".into(), 2), 1),
            (("b".into(), 7), 1),
            (("a".into(), 3), 1),
            (("a".into(), 3), -1),
        ]);
        upstream.step();
        assert!(upstream_out.take().is_empty(), "nothing crosses in-process");
        let records = upstream.drain_exchange(0).unwrap();
        assert_eq!(records.len(), 2, "consolidated: +a2, +b7");
        assert_eq!(
            records[0].key_hash,
            crate::hash::stable_hash(&"a".to_owned())
        );
        assert!(upstream.drain_exchange(0).unwrap().is_empty());
        for r in &records {
            downstream.push_exchange(0, &r.payload).unwrap();
        }
        downstream.step();
        let mut got = out.take();
        got.sort();
        assert_eq!(
            got,
            vec![(("a".to_owned(), 2), 1), (("b".to_owned(), 7), 1)]
        );
        assert!(downstream.push_exchange(0, b"\xff\xff\xff").is_err());
        assert!(downstream.push_exchange(3, b"").is_err());
    }
}
