//! A task: a unit of partitions with the job instance that owns their state, the task's store, its
//! input offsets and its output waiting for the next emission (Samza's task model). An input task reads
//! one partition of one input topic and runs the dataflow up to its exchanges; a repartition task reads
//! one partition of every repartition topic and runs the dataflow after them (see [`super::repartition`]).

use std::collections::BTreeMap;
use std::fmt;

use super::client::{keys_written_since, OutputProducer};
use super::config::StreamConfig;
use super::error::StreamError;
use super::job::{SinkMode, StateSink, StreamJob};
use super::output::{OutboxMessage, OutputOp, PendingOutput};
use super::repartition::{unpack, ReadMarks, RepartitionTopics};
use super::store::{Checkpoint, StateChange, TaskStore};

/// Which partitions a task reads.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TaskId {
    /// One partition of one input topic.
    Input {
        /// The input topic.
        topic: String,
        /// Its partition.
        partition: i32,
    },
    /// The same partition of every repartition topic.
    Repartition {
        /// The partition.
        partition: i32,
    },
}

impl fmt::Display for TaskId {
    /// The task's name, used in record ids and its store's file name: `in.<topic>.<partition>` or
    /// `x.<partition>` (Kafka topic names hold no `:` or `/`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Input { topic, partition } => write!(f, "in.{topic}.{partition}"),
            Self::Repartition { partition } => write!(f, "x.{partition}"),
        }
    }
}

/// Where a task's messages go: the sinks' topics and the repartition topics.
pub struct OutputTopics {
    /// Sink index → topic.
    pub sinks: Vec<String>,
    /// Exchange index → repartition topic, and their partition count.
    pub repartition: RepartitionTopics,
}

impl OutputTopics {
    fn topic_of(&self, message: &OutboxMessage) -> Result<&str, StreamError> {
        let (topics, what) = match message.op {
            OutputOp::Repartition(_) => (&self.repartition.topics, "exchange"),
            _ => (&self.sinks, "sink"),
        };
        topics
            .get(message.sink as usize)
            .map(String::as_str)
            .ok_or_else(|| {
                StreamError::Config(format!(
                    "the job wrote to {what} {}, which it does not declare",
                    message.sink
                ))
            })
    }
}

/// One task of the running job.
pub struct Task<J> {
    /// The task's name ([`TaskId`]'s display).
    name: String,
    job: J,
    store: TaskStore,
    /// Topic → next offset to read in this task's partition.
    offsets: BTreeMap<String, i64>,
    marks: ReadMarks,
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
    /// Output messages sent to sinks.
    pub messages: u64,
    /// Messages sent to repartition topics.
    pub repartitioned: u64,
}

impl<J: StreamJob> Task<J> {
    /// Opens the task's store, restores `job` from it and finishes an emission a crash interrupted.
    pub fn open(
        id: &TaskId,
        mut job: J,
        store: TaskStore,
        config: &StreamConfig,
        outputs: &OutputTopics,
        modes: &[SinkMode],
        producer: &OutputProducer,
    ) -> Result<Self, StreamError> {
        let name = id.to_string();
        store
            .for_each_state(|operator, key, value| Ok(job.restore_state(operator, key, value)?))?;
        job.finish_restore();
        let restored = store.restore(modes)?;
        if !restored.outbox.is_empty() {
            // The job stopped between committing an emission and hearing that the broker had all of it:
            // send again what the output topics do not hold yet. Upserts are idempotent by key; inserts
            // are recognised by their deterministic ids; repartition readers skip what they applied.
            let is_insert =
                |m: &OutboxMessage| matches!(m.op, OutputOp::Insert | OutputOp::Retract);
            let written = if restored.outbox.iter().any(is_insert) {
                let id_prefix = format!("{name}:{}:", restored.epoch);
                keys_written_since(config, &outputs.sinks, id_prefix.as_bytes())?
            } else {
                Default::default()
            };
            let mut resent = 0usize;
            for message in &restored.outbox {
                if is_insert(message) && written.contains(&message.key) {
                    continue;
                }
                producer.send_output(outputs.topic_of(message)?, message)?;
                resent += 1;
            }
            producer.flush()?;
            store.finish_emission()?;
            tracing::info!(
                task = %name,
                epoch = restored.epoch,
                resent,
                skipped = restored.outbox.len() - resent,
                "finished an interrupted emission"
            );
        }
        Ok(Self {
            name,
            job,
            store,
            offsets: restored.offsets,
            marks: restored.marks,
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

    /// Advances the position in `topic`; false if `offset` lies before it (re-read after a seek or a
    /// rebalance).
    fn advance(&mut self, topic: &str, offset: i64) -> bool {
        match self.offsets.get_mut(topic) {
            Some(next) if offset < *next => false,
            Some(next) => {
                *next = offset + 1;
                true
            }
            None => {
                self.offsets.insert(topic.to_owned(), offset + 1);
                true
            }
        }
    }

    /// Feeds one consumed input record to the job's sources; a record before the stored position is
    /// skipped. Returns the decode error of a malformed record.
    pub fn push(
        &mut self,
        topic: &str,
        offset: i64,
        sources: &[usize],
        payload: Option<&[u8]>,
    ) -> PushOutcome {
        if !self.advance(topic, offset) {
            return PushOutcome::AlreadyRead;
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

    /// Feeds one message of exchange `exchange`'s repartition topic to the job; a message before the
    /// stored position or already applied (re-sent by a restarted sender) is skipped. A message that
    /// is not a change of this job is an error: the topic belongs to another program.
    pub fn push_exchange(
        &mut self,
        topic: &str,
        offset: i64,
        exchange: usize,
        key: Option<&[u8]>,
        payload: Option<&[u8]>,
    ) -> Result<PushOutcome, StreamError> {
        if !self.advance(topic, offset) {
            return Ok(PushOutcome::AlreadyRead);
        }
        let foreign = |reason: String| StreamError::Config(format!("{topic}: {reason}"));
        if !self
            .marks
            .accept(topic, key)
            .map_err(|e| foreign(e.to_string()))?
        {
            return Ok(PushOutcome::AlreadyRead);
        }
        let payload = payload.ok_or_else(|| foreign("a message without a value".into()))?;
        for change in unpack(payload) {
            let change = change.map_err(|e| foreign(e.to_string()))?;
            self.job
                .push_exchange(exchange, change)
                .map_err(|e| foreign(e.reason))?;
        }
        self.unstepped = true;
        Ok(PushOutcome::Pushed)
    }

    /// Runs the job over the records pushed since the last step. Fails with
    /// [`StreamError::JobFailed`] when an operator reports that the job must stop (see
    /// [`StreamJob::failure`]): the step's output then stays in memory, and since the task is never
    /// checkpointed again, neither it nor the offsets of the records that caused it are ever committed.
    pub fn step(&mut self) -> Result<(), StreamError> {
        if self.unstepped {
            self.job.step(&mut self.pending)?;
            self.unstepped = false;
            if let Some(reason) = self.job.failure() {
                return Err(StreamError::JobFailed {
                    task: self.name.clone(),
                    reason,
                });
            }
        }
        Ok(())
    }

    /// True when changes wait to be sent to repartition topics (at the next checkpoint).
    pub fn has_repartition_output(&self) -> bool {
        self.pending.has_repartition()
    }

    /// Live state entries of the job.
    pub fn state_entries(&self) -> usize {
        self.job.state_entries()
    }

    /// Size of the task's store file.
    pub fn store_bytes(&self) -> u64 {
        self.store.file_size()
    }

    /// Starts an emission: commits the messages it sends as an outbox, together with the state, offsets
    /// and read marks they result from, then queues them on the producer. Changes for repartition topics
    /// are always sent; sink output only when `sinks` is true (an emission, not just a checkpoint). The
    /// caller flushes the producer and then calls [`finish_emission`](Self::finish_emission); a crash in
    /// between is repaired by [`Task::open`].
    pub fn begin_emission(
        &mut self,
        outputs: &OutputTopics,
        producer: &OutputProducer,
        sinks: bool,
    ) -> Result<Emitted, StreamError> {
        self.step()?;
        let state = self.export_state()?;
        let send_sinks = sinks && !self.pending.is_empty();
        if !send_sinks && !self.pending.has_repartition() {
            return self
                .store
                .checkpoint(&Checkpoint {
                    state: &state,
                    offsets: &self.offsets,
                    marks: &self.marks,
                    pending: &self.pending,
                    emission: None,
                })
                .map(|()| Emitted::default());
        }
        let epoch = self.epoch + 1;
        let mut messages = if send_sinks {
            self.pending.take_messages(&self.name, epoch)
        } else {
            Vec::new()
        };
        let to_sinks = messages.len();
        messages.extend(self.pending.repartition().take_messages(
            &self.name,
            epoch,
            outputs.repartition.partitions,
        ));
        self.store.checkpoint(&Checkpoint {
            state: &state,
            offsets: &self.offsets,
            marks: &self.marks,
            pending: &self.pending,
            emission: Some((epoch, &messages)),
        })?;
        self.epoch = epoch;
        self.in_flight = true;
        for message in &messages {
            producer.send_output(outputs.topic_of(message)?, message)?;
        }
        Ok(Emitted {
            messages: to_sinks as u64,
            repartitioned: (messages.len() - to_sinks) as u64,
        })
    }

    /// Ends an emission once the producer has delivered it: clears the outbox.
    pub fn finish_emission(&mut self) -> Result<(), StreamError> {
        if std::mem::take(&mut self.in_flight) {
            self.store.finish_emission()?;
        }
        Ok(())
    }

    fn export_state(&mut self) -> Result<Vec<StateChange>, StreamError> {
        let mut changes = StateChanges::default();
        self.job.export_state(&mut changes)?;
        Ok(changes.0)
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
