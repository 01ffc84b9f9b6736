//! Streaming over Apache Kafka (design.md §4, issue #7): the `stream` command of a generated binary.
//!
//! Each LOAD reads a topic and each STORE writes one. Work is split into tasks, one per input partition
//! number, as Samza does: a task owns a job instance (the dataflow with its operator state), a redb store
//! under `--state-dir`, its input offsets, and the output waiting for the next emission.
//!
//! Exactly-once output without broker transactions: an emission is first committed to the task's store as
//! an outbox, in the same transaction as the operator state and input offsets it results from; then it is
//! sent; then the outbox is cleared. A job restarted after a crash restores the last checkpoint, and if an
//! outbox is still there it sends again what the output topic does not hold yet: upserts are idempotent by
//! key, and inserts carry deterministic ids (`TASK:EPOCH:SEQ`) that it looks for in the topic.
//!
//! Every checkpoint is also written to the task's partition of a changelog topic, before the local
//! commit, so that any instance of a group can take a task over with its state (`changelog.rs`).

mod changelog;
mod client;
pub mod config;
mod error;
mod executor;
pub mod job;
mod metrics;
pub mod output;
pub mod repartition;
mod store;
mod task;
pub mod watermark;

pub use client::ensure_topics;
pub use config::{parse_duration, ConfigFile, StreamArgs, StreamConfig};
pub use error::StreamError;
pub use executor::{run_stream, StreamSummary};
pub use job::{
    JobError, JobFactory, OutputChanges, RestoreError, SinkMode, SinkSpec, SourceSpec, StateSink,
    StreamJob,
};
