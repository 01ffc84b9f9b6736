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
use super::output::{parse_record_id, record_id, OutboxMessage, OutputOp, PendingOutput};
use super::repartition::{unpack, ReadMarks, RepartitionTopics};
use super::store::{Checkpoint, StateChange, TaskStore};
use super::watermark::{Mark, SenderWatermarks};

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
    /// The name of every task of the job, all of which send watermarks on the repartition topics
    /// (see [`super::watermark`]).
    pub tasks: Vec<String>,
}

impl OutputTopics {
    fn topic_of(&self, message: &OutboxMessage) -> Result<&str, StreamError> {
        let (topics, what) = match message.op.partition() {
            Some(_) => (&self.repartition.topics, "exchange"),
            None => (&self.sinks, "sink"),
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
    /// Which partitions it reads.
    id: TaskId,
    /// Whether the tasks exchange watermarks: the job evicts by event time and has exchanges.
    watermarking: bool,
    /// What the task heard from its senders.
    watermarks: SenderWatermarks,
    /// A watermark message arrived since the last step (repartition tasks).
    marks_heard: bool,
    /// Exchange → the mark last sent on its topic.
    sent_marks: BTreeMap<usize, Mark>,
    /// No input record was pushed since the last emission.
    quiet: bool,
    /// The messages of the emission begun, until [`send_emission`](Self::send_emission).
    unsent: Vec<OutboxMessage>,
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
        mut store: TaskStore,
        config: &StreamConfig,
        outputs: &OutputTopics,
        modes: &[SinkMode],
        producer: &OutputProducer,
    ) -> Result<Self, StreamError> {
        let name = id.to_string();
        store
            .for_each_state(|operator, key, value| Ok(job.restore_state(operator, key, value)?))?;
        job.finish_restore();
        let mut restored = store.restore(modes)?;
        let watermarking = job.has_retention() && !outputs.repartition.topics.is_empty();
        if let Some(seen) = restored.seen {
            job.restore_watermark(seen);
        }
        if watermarking {
            restored
                .watermarks
                .set_senders(outputs.tasks.clone(), outputs.repartition.topics.len());
            if matches!(id, TaskId::Repartition { .. }) {
                job.follow_external_watermark();
            }
        }
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
            id: id.clone(),
            watermarking,
            watermarks: restored.watermarks,
            marks_heard: false,
            sent_marks: BTreeMap::new(),
            quiet: true,
            unsent: Vec::new(),
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
        self.quiet = false;
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

    /// Feeds one message of exchange `exchange`'s repartition topic to the job, or takes note of a
    /// sender's watermark (`watermark`: the message has the header `pigc.op: watermark`); a message
    /// before the stored position or already applied (re-sent by a restarted sender) is skipped. A
    /// message that is not a change of this job is an error: the topic belongs to another program.
    pub fn push_exchange(
        &mut self,
        (topic, offset, exchange): (&str, i64, usize),
        key: Option<&[u8]>,
        payload: Option<&[u8]>,
        watermark: bool,
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
        if watermark {
            let sender = key.and_then(parse_record_id).map(|(sender, _, _)| sender);
            let mark = Mark::decode(payload);
            let (Some(sender), Some(mark)) = (sender, mark) else {
                return Err(foreign("a watermark message that cannot be read".into()));
            };
            self.watermarks.observe(exchange, sender, mark);
            self.marks_heard = true;
            return Ok(PushOutcome::Pushed);
        }
        for change in unpack(payload) {
            let change = change.map_err(|e| foreign(e.to_string()))?;
            self.job
                .push_exchange(exchange, change)
                .map_err(|e| foreign(e.reason))?;
        }
        self.unstepped = true;
        Ok(PushOutcome::Pushed)
    }

    /// Runs the job over the records pushed since the last step; a repartition task then evicts by
    /// the minimum of its senders' watermarks, when a watermark message made it grow. Fails with
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
        if std::mem::take(&mut self.marks_heard) {
            if let Some(watermark) = self.watermarks.advance() {
                let evicted = self.job.advance_watermark(watermark);
                tracing::debug!(task = %self.name, watermark, evicted, "evicted state");
            }
        }
        Ok(())
    }

    /// True when no input record was pushed since the last emission.
    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    /// Which partitions the task reads.
    pub fn id(&self) -> &TaskId {
        &self.id
    }

    fn reads_repartition(&self) -> bool {
        matches!(self.id, TaskId::Repartition { .. })
    }

    /// Appends to `messages` the watermark messages of emission `epoch`: for every exchange whose mark
    /// changed since it was last sent, one per partition of its topic, numbered after the emission's
    /// `first_seq` changes. Returns the marks they carry, by exchange.
    fn watermark_messages(
        &self,
        (idle, epoch, first_seq): (bool, u64, u64),
        outputs: &OutputTopics,
        messages: &mut Vec<OutboxMessage>,
    ) -> Vec<(usize, Mark)> {
        if !self.watermarking {
            return Vec::new();
        }
        let mut seq = first_seq;
        let mut changed = Vec::new();
        let exchanges = outputs.repartition.topics.len();
        for exchange in 0..exchanges {
            let mark = if self.reads_repartition() {
                self.watermarks.forward(exchange)
            } else if idle {
                Some(Mark::Idle(self.job.watermark()))
            } else {
                self.job.watermark().map(Mark::At)
            };
            let Some(mark) = mark else { continue };
            if self.sent_marks.get(&exchange) == Some(&mark) {
                continue;
            }
            for partition in 0..outputs.repartition.partitions {
                messages.push(OutboxMessage {
                    sink: u32::try_from(exchange).unwrap_or(u32::MAX),
                    op: OutputOp::Watermark(partition),
                    key: record_id(&self.name, epoch, seq),
                    value: mark.encode(),
                });
                seq += 1;
            }
            changed.push((exchange, mark));
        }
        changed
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
    /// and read marks they result from. Changes for repartition topics are always sent; sink output only
    /// when `sinks` is true (an emission, not just a checkpoint). The caller flushes the changelog, calls
    /// [`send_emission`](Self::send_emission), flushes the producer and then calls
    /// [`finish_emission`](Self::finish_emission); a crash in between is repaired by [`Task::open`].
    ///
    /// `idle` says that an input task has caught up with its partition and read nothing since the
    /// last emission: its watermark becomes [`Mark::Idle`] (see [`super::watermark`]).
    pub fn begin_emission(
        &mut self,
        outputs: &OutputTopics,
        sinks: bool,
        idle: bool,
    ) -> Result<Emitted, StreamError> {
        self.step()?;
        self.quiet = true;
        let state = self.export_state()?;
        let seen = self.job.watermark();
        let send_sinks = sinks && !self.pending.is_empty();
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
        let changes = messages.len() - to_sinks;
        let marks = self.watermark_messages((idle, epoch, changes as u64), outputs, &mut messages);
        let checkpoint = Checkpoint {
            state: &state,
            offsets: &self.offsets,
            marks: &self.marks,
            pending: &self.pending,
            emission: None,
            watermarks: &self.watermarks,
            seen,
        };
        if messages.is_empty() {
            return self
                .store
                .checkpoint(&checkpoint)
                .map(|()| Emitted::default());
        }
        self.store.checkpoint(&Checkpoint {
            emission: Some((epoch, &messages)),
            ..checkpoint
        })?;
        self.epoch = epoch;
        self.in_flight = true;
        self.sent_marks.extend(marks);
        let emitted = Emitted {
            messages: to_sinks as u64,
            repartitioned: changes as u64,
        };
        self.unsent = messages;
        Ok(emitted)
    }

    /// Queues the messages of the emission begun on the producer: only once the changelog holds its
    /// checkpoint, so that whatever instance continues the task has the outbox of what left.
    pub fn send_emission(
        &mut self,
        outputs: &OutputTopics,
        producer: &OutputProducer,
    ) -> Result<(), StreamError> {
        for message in std::mem::take(&mut self.unsent) {
            producer.send_output(outputs.topic_of(&message)?, &message)?;
        }
        Ok(())
    }

    /// Tells the task's next owner, through the changelog, that this instance checkpointed it for the
    /// last time.
    pub fn release(&self) -> Result<(), StreamError> {
        self.store.release()
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
