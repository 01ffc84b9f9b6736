//! The contract between the stream executor and a job: what the executor feeds in, what it gets out, and
//! how a job's operator state is checkpointed.
//!
//! The boundary is in bytes on purpose: the job (generated code over the runtime's typed operators) decodes
//! payloads with its LOADs' formats and encodes output rows with its STOREs' formats, so the executor that
//! moves bytes between Kafka, the state store and the job is not generic over record types.

use crate::format::DecodeError;

/// A LOAD of the script, as the stream executor sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSpec {
    /// The LOAD's location string; `--topic LOCATION=TOPIC` binds it to a topic.
    pub location: String,
}

/// How a STORE's changes are written to Kafka (design.md §4, wire format kept stable).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SinkMode {
    /// Keyed by the group key: the message value is the row, a delete is a tombstone (null value).
    Upsert,
    /// Keyed by a deterministic record id; header `pigc.op` is `insert` or `retract`.
    Insert,
}

/// A STORE of the script, as the stream executor sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SinkSpec {
    /// The STORE's location string; `--topic LOCATION=TOPIC` binds it to a topic.
    pub location: String,
    /// Upsert or insert output.
    pub mode: SinkMode,
}

/// Output changes of one step, encoded in the sinks' formats.
pub trait OutputChanges {
    /// Records a change of sink `sink`. For an upsert sink, `key` is the encoded group key and
    /// `weight > 0` means "the row under `key` is now `value`", `weight < 0` "delete `key`". For an insert
    /// sink, `key` is empty and `value` is a row whose multiplicity changes by `weight`.
    fn change(&mut self, sink: usize, key: &[u8], value: &[u8], weight: i64);

    /// Records a change that leaves the job through exchange `exchange` (see
    /// [`Stream::exchange`](crate::dataflow::Stream::exchange)): `payload` goes to the repartition topic's
    /// partition chosen by `key_hash`.
    fn exchange(&mut self, exchange: usize, key_hash: u64, payload: &[u8]);
}

/// Receives a job's changed operator state at a checkpoint.
pub trait StateSink {
    /// Operator `operator` (its deterministic id) now holds `value` under `key`.
    fn put(&mut self, operator: &str, key: &[u8], value: &[u8]);
    /// Operator `operator` no longer holds anything under `key` (removed or evicted).
    fn delete(&mut self, operator: &str, key: &[u8]);
}

/// Why a job could not take back its checkpointed state.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot restore the state of operator `{operator}`: {reason}")]
pub struct RestoreError {
    /// The operator whose entry was rejected.
    pub operator: String,
    /// What was wrong with it.
    pub reason: String,
}

/// Why a job could not hand over its output changes or its state.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what}: {reason}")]
pub struct JobError {
    /// What the job was doing.
    pub what: String,
    /// What went wrong.
    pub reason: String,
}

/// One instance of a job's dataflow, owning the state of one task (one input partition, design.md §4).
///
/// The executor calls [`push`](StreamJob::push) for every consumed record, then [`step`](StreamJob::step)
/// to run the operators over them; between steps it may checkpoint with
/// [`export_state`](StreamJob::export_state). A new instance is brought back with
/// [`restore_state`](StreamJob::restore_state) once per stored entry before the first push.
pub trait StreamJob {
    /// Decodes `payload` with source `source`'s format and queues it for the next step. A malformed
    /// payload is reported and goes to the dead-letter topic; the job goes on.
    fn push(&mut self, source: usize, payload: &[u8]) -> Result<(), DecodeError>;

    /// Queues a change read back from exchange `exchange`'s repartition topic for the next step. Jobs
    /// without exchanges (see [`JobFactory::exchanges`]) never get one.
    fn push_exchange(&mut self, exchange: usize, payload: &[u8]) -> Result<(), DecodeError> {
        let _ = payload;
        Err(DecodeError::new(format!(
            "the job has no exchange {exchange}"
        )))
    }

    /// Runs the operators over everything pushed since the last step and reports the output changes
    /// (sink changes and changes leaving through exchanges).
    fn step(&mut self, output: &mut dyn OutputChanges) -> Result<(), JobError>;

    /// Why the job must stop, once one of its operators reported a reason after a
    /// [`step`](StreamJob::step) that no later input can undo (a violated ASSERT, a DUMP that cannot
    /// write; not a relation read as a scalar that has two rows at this point of the stream). The executor checks it after every step and then ends the run with
    /// [`StreamError::JobFailed`](super::StreamError::JobFailed) before that step's output or offsets
    /// are checkpointed. Jobs whose operators cannot fail keep the default, `None`.
    fn failure(&self) -> Option<String> {
        None
    }

    /// Reports every state entry changed (or evicted) since the last export.
    fn export_state(&mut self, state: &mut dyn StateSink) -> Result<(), JobError>;

    /// Takes back one checkpointed entry of operator `operator`.
    fn restore_state(
        &mut self,
        operator: &str,
        key: &[u8],
        value: &[u8],
    ) -> Result<(), RestoreError>;

    /// Overrides the retention the job declares (`--set pigc.retention=…`), before its first step.
    fn set_retention_ms(&mut self, retention_ms: i64) -> Result<(), JobError> {
        Err(JobError {
            what: format!("cannot set a retention of {retention_ms} ms"),
            reason: "this job has no event-time retention".into(),
        })
    }

    /// Completes a restore, after the last [`restore_state`](StreamJob::restore_state).
    fn finish_restore(&mut self);

    /// Whether the job evicts state by event time (it declares or was given a retention): only then do
    /// its tasks exchange watermarks (see [`super::watermark`]).
    fn has_retention(&self) -> bool {
        false
    }

    /// The largest event time of the records the job has seen so far (operators that keep state by
    /// event time, and exchanges), if any: the watermark of an input task.
    fn watermark(&self) -> Option<i64> {
        None
    }

    /// Takes `millis` as seen, restoring [`watermark`](StreamJob::watermark) after a restart.
    fn restore_watermark(&mut self, millis: i64) {
        let _ = millis;
    }

    /// Makes the job evict only by the watermarks given to
    /// [`advance_watermark`](StreamJob::advance_watermark), not by the event times it sees: a
    /// repartition task's watermark is the minimum over the tasks that feed it.
    fn follow_external_watermark(&mut self) {}

    /// Evicts the state entries older than `watermark_ms` minus the retention; returns how many.
    fn advance_watermark(&mut self, watermark_ms: i64) -> usize {
        let _ = watermark_ms;
        0
    }

    /// Number of live state entries over all operators (for the progress log and the retention check).
    fn state_entries(&self) -> usize;
}

/// Describes a job and makes one instance of it per task.
pub trait JobFactory {
    /// The job instances this factory makes.
    type Job: StreamJob;

    /// The script's LOADs, in source-index order.
    fn sources(&self) -> Vec<SourceSpec>;

    /// The script's STOREs, in sink-index order.
    fn sinks(&self) -> Vec<SinkSpec>;

    /// The job's exchanges (repartitions before keyed operators), by their deterministic operator
    /// ids, in exchange-index order. Each gets a repartition topic.
    fn exchanges(&self) -> Vec<String> {
        Vec::new()
    }

    /// Why the job cannot run as a stream (constructs such as ORDER without LIMIT), if it cannot.
    fn batch_only(&self) -> Option<String> {
        None
    }

    /// A fresh instance with empty state.
    fn create(&self) -> Self::Job;
}
