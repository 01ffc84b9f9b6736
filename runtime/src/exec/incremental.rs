//! The in-process incremental executor: feeds payloads chunk by chunk, runs a step after each chunk, and
//! applies each sink's output changes to a materialized table. After any step, a sink's table equals what
//! the batch executor would write for the input consumed so far (design.md §4).

use std::collections::BTreeMap;

use crate::dataflow::{Dataflow, DataflowError, PushError};
use crate::io::sink::SinkMode;
use crate::record::Weight;
use crate::table::Table;

/// A sink's output applied as a changelog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MaterializedSink {
    /// Rows of an append sink, with multiplicities.
    Append(Table<Vec<u8>>),
    /// Current row per key of an upsert sink.
    Upsert(BTreeMap<Vec<u8>, Vec<u8>>),
}

impl MaterializedSink {
    /// The encoded rows, sorted, each repeated by its multiplicity.
    pub fn rows(&self) -> Vec<Vec<u8>> {
        match self {
            MaterializedSink::Append(t) => t.to_vec(),
            MaterializedSink::Upsert(m) => {
                let mut rows: Vec<_> = m.values().cloned().collect();
                rows.sort();
                rows
            }
        }
    }
}

/// One encoded output change of a step: `(key, row, weight)`, see
/// [`SinkPort::drain_changes`](crate::io::sink::SinkPort::drain_changes).
pub type EncodedChange = (Vec<u8>, Vec<u8>, Weight);

/// Runs a dataflow step by step over payloads pushed in chunks.
#[derive(Debug)]
pub struct IncrementalExecutor {
    df: Dataflow,
    sinks: Vec<(String, MaterializedSink)>,
}

impl IncrementalExecutor {
    /// Wraps a built dataflow.
    pub fn new(mut df: Dataflow) -> Result<Self, DataflowError> {
        df.validate()?;
        let sinks = df
            .sinks_mut()
            .iter()
            .map(|s| {
                let table = match s.mode() {
                    SinkMode::Append => MaterializedSink::Append(Table::new()),
                    SinkMode::Upsert => MaterializedSink::Upsert(BTreeMap::new()),
                };
                (s.location().to_owned(), table)
            })
            .collect();
        Ok(Self { df, sinks })
    }

    /// The dataflow (for state hooks and in-memory inputs).
    pub fn dataflow_mut(&mut self) -> &mut Dataflow {
        &mut self.df
    }

    /// Decodes a payload of source `source` and queues it for the next step.
    pub fn push(&mut self, source: usize, payload: &[u8]) -> Result<(), PushError> {
        self.df.push_raw(source, payload)
    }

    /// Runs one step; returns each sink's encoded changes (by sink index) and applies them to the sinks'
    /// materialized tables.
    pub fn step(&mut self) -> Vec<Vec<EncodedChange>> {
        self.df.step();
        let mut all = Vec::new();
        for (sink, (_, table)) in self.df.sinks_mut().iter_mut().zip(&mut self.sinks) {
            let mut changes: Vec<EncodedChange> = Vec::new();
            sink.drain_changes(&mut |key: &[u8], value: &[u8], weight: Weight| {
                changes.push((key.to_vec(), value.to_vec(), weight));
            });
            match table {
                MaterializedSink::Append(t) => {
                    t.apply(changes.iter().map(|(_, v, w)| (v.clone(), *w)));
                }
                MaterializedSink::Upsert(m) => {
                    for (k, v, w) in &changes {
                        if *w > 0 {
                            m.insert(k.clone(), v.clone());
                        } else {
                            m.remove(k);
                        }
                    }
                }
            }
            all.push(changes);
        }
        all
    }

    /// The materialized output of the sink at `location`.
    pub fn table(&self, location: &str) -> Option<&MaterializedSink> {
        self.sinks
            .iter()
            .find(|(l, _)| l == location)
            .map(|(_, t)| t)
    }
}
