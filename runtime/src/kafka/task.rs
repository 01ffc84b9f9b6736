//! A task: one input partition number, with the job instance that owns its state, the task's store, its
//! input offsets and its output waiting for the next emission (Samza's task model).

use std::collections::BTreeMap;

use super::client::{keys_written_since, OutputProducer};
use super::config::StreamConfig;
use super::error::StreamError;
use super::job::{SinkMode, StateSink, StreamJob};
use super::output::{OutputOp, PendingOutput};
use super::store::{Checkpoint, StateChange, TaskStore};

/// One task of the running job.
pub struct Task<J> {
    /// The partition number of every input topic this task reads.
    pub id: i32,
    job: J,
    store: TaskStore,
    /// Source topic → next offset to read.
    offsets: BTreeMap<String, i64>,
    pending: PendingOutput,
    epoch: u64,
    /// Records pushed since the last step.
    unstepped: bool,
    /// An emission was queued and its outbox is not cleared yet.
    in_flight: bool,
}

/// What an emission wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Emitted {
    /// Output messages sent.
    pub messages: u64,
}

impl<J: StreamJob> Task<J> {
    /// Opens the task's store, restores `job` from it and finishes an emission a crash interrupted.
    pub fn open(
        id: i32,
        mut job: J,
        store: TaskStore,
        config: &StreamConfig,
        sink_topics: &[String],
        modes: &[SinkMode],
        producer: &OutputProducer,
    ) -> Result<Self, StreamError> {
        store
            .for_each_state(|operator, key, value| Ok(job.restore_state(operator, key, value)?))?;
        job.finish_restore();
        let restored = store.restore(modes)?;
        if !restored.outbox.is_empty() {
            // The job stopped between committing an emission and hearing that the broker had all of it:
            // send again what the output topics do not hold yet. Upserts are idempotent by key; inserts
            // are recognised by their deterministic ids.
            let id_prefix = format!("{id}:{}:", restored.epoch);
            let written = keys_written_since(config, sink_topics, id_prefix.as_bytes())?;
            let mut resent = 0usize;
            for message in &restored.outbox {
                let is_insert = matches!(message.op, OutputOp::Insert | OutputOp::Retract);
                if is_insert && written.contains(&message.key) {
                    continue;
                }
                producer.send_output(topic_of_sink(sink_topics, message.sink)?, message)?;
                resent += 1;
            }
            producer.flush()?;
            store.finish_emission()?;
            tracing::info!(
                task = id,
                epoch = restored.epoch,
                resent,
                skipped = restored.outbox.len() - resent,
                "finished an interrupted emission"
            );
        }
        Ok(Self {
            id,
            job,
            store,
            offsets: restored.offsets,
            pending: restored.pending,
            epoch: restored.epoch,
            unstepped: false,
            in_flight: false,
        })
    }

    /// The next offset to read from `topic` in this task's partition, if the task has read it before.
    pub fn next_offset(&self, topic: &str) -> Option<i64> {
        self.offsets.get(topic).copied()
    }

    /// Feeds one consumed record to the job's sources; a record before the stored position (re-read
    /// after a seek or a rebalance) is skipped. Returns the decode error of a malformed record.
    pub fn push(
        &mut self,
        topic: &str,
        offset: i64,
        sources: &[usize],
        payload: Option<&[u8]>,
    ) -> PushOutcome {
        match self.offsets.get_mut(topic) {
            Some(next) if offset < *next => return PushOutcome::AlreadyRead,
            Some(next) => *next = offset + 1,
            None => {
                self.offsets.insert(topic.to_owned(), offset + 1);
            }
        }
        let Some(payload) = payload else {
            return PushOutcome::Malformed("the message has no value (a tombstone)".into());
        };
        for &source in sources {
            if let Err(err) = self.job.push(source, payload) {
                return PushOutcome::Malformed(err.reason);
            }
            self.unstepped = true;
        }
        PushOutcome::Pushed
    }

    /// Runs the job over the records pushed since the last step.
    pub fn step(&mut self) {
        if self.unstepped {
            self.job.step(&mut self.pending);
            self.unstepped = false;
        }
    }

    /// Live state entries of the job.
    pub fn state_entries(&self) -> usize {
        self.job.state_entries()
    }

    /// Size of the task's store file.
    pub fn store_bytes(&self) -> u64 {
        self.store.file_size()
    }

    /// Writes a checkpoint without emitting.
    pub fn checkpoint(&mut self) -> Result<(), StreamError> {
        self.step();
        let state = self.export_state();
        self.store.checkpoint(&Checkpoint {
            state: &state,
            offsets: &self.offsets,
            pending: &self.pending,
            emission: None,
        })
    }

    /// Starts an emission: commits the pending output as an outbox together with the state and offsets
    /// it results from, then queues it on the producer. The caller flushes the producer and then calls
    /// [`finish_emission`](Self::finish_emission); a crash in between is repaired by [`Task::open`].
    pub fn begin_emission(
        &mut self,
        sink_topics: &[String],
        producer: &OutputProducer,
    ) -> Result<Emitted, StreamError> {
        self.step();
        let state = self.export_state();
        if self.pending.is_empty() {
            self.store.checkpoint(&Checkpoint {
                state: &state,
                offsets: &self.offsets,
                pending: &self.pending,
                emission: None,
            })?;
            return Ok(Emitted::default());
        }
        let epoch = self.epoch + 1;
        let messages = self.pending.take_messages(self.id, epoch);
        self.store.checkpoint(&Checkpoint {
            state: &state,
            offsets: &self.offsets,
            pending: &self.pending,
            emission: Some((epoch, &messages)),
        })?;
        self.epoch = epoch;
        self.in_flight = true;
        for message in &messages {
            producer.send_output(topic_of_sink(sink_topics, message.sink)?, message)?;
        }
        Ok(Emitted {
            messages: messages.len() as u64,
        })
    }

    /// Ends an emission once the producer has delivered it: clears the outbox.
    pub fn finish_emission(&mut self) -> Result<(), StreamError> {
        if std::mem::take(&mut self.in_flight) {
            self.store.finish_emission()?;
        }
        Ok(())
    }

    fn export_state(&mut self) -> Vec<StateChange> {
        let mut changes = StateChanges::default();
        self.job.export_state(&mut changes);
        changes.0
    }
}

/// What became of one consumed record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushOutcome {
    /// The job took it.
    Pushed,
    /// It lies before the stored position and was read already.
    AlreadyRead,
    /// It could not be decoded, for this reason.
    Malformed(String),
}

#[derive(Default)]
struct StateChanges(Vec<StateChange>);

impl StateSink for StateChanges {
    fn put(&mut self, operator: &str, key: &[u8], value: &[u8]) {
        self.0.push(StateChange::Put(
            operator.to_owned(),
            key.to_vec(),
            value.to_vec(),
        ));
    }

    fn delete(&mut self, operator: &str, key: &[u8]) {
        self.0
            .push(StateChange::Delete(operator.to_owned(), key.to_vec()));
    }
}

fn topic_of_sink(sink_topics: &[String], sink: u32) -> Result<&str, StreamError> {
    sink_topics
        .get(sink as usize)
        .map(String::as_str)
        .ok_or_else(|| {
            StreamError::Config(format!(
                "the job wrote to sink {sink}, which it does not declare"
            ))
        })
}
