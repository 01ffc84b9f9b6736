//! Errors of the Kafka stream executor.

use thiserror::Error;

use super::job::{JobError, RestoreError};

/// Why a stream job stopped with an error.
#[derive(Debug, Error)]
pub enum StreamError {
    /// Bad options or config file.
    #[error("configuration: {0}")]
    Config(String),
    /// The Kafka client failed.
    #[error("kafka: {what}: {source}")]
    Kafka {
        /// What the job was doing.
        what: String,
        /// The client's error.
        #[source]
        source: rdkafka::error::KafkaError,
    },
    /// Output could not be delivered to the broker.
    #[error("kafka: {0} output message(s) were not delivered (first error: {1})")]
    Delivery(u64, String),
    /// The state store failed.
    #[error("state store {path}: {reason}")]
    State {
        /// The store's file.
        path: String,
        /// The store's error.
        reason: String,
    },
    /// A checkpoint does not fit the job that reads it.
    #[error(transparent)]
    Restore(#[from] RestoreError),
    /// The job could not hand over its output or state.
    #[error(transparent)]
    Job(#[from] JobError),
    /// An operator reported that the job must stop (a violated ASSERT, a relation read as a scalar
    /// that has two rows, a DUMP that cannot write): the run ends without checkpointing the failing
    /// task past its last good checkpoint, so a restart fails again at the same input record.
    #[error("the job failed in task {task}: {reason} (nothing the task read since its last checkpoint was committed or sent: a restart resumes there and fails again at the same record)")]
    JobFailed {
        /// The task whose step failed ([`super::task::TaskId`]'s display, e.g. `in.orders.0`).
        task: String,
        /// The operator's reason.
        reason: String,
    },
    /// The script has constructs that cannot be maintained incrementally.
    #[error("this script cannot run as a stream (run it with `batch`): {0}")]
    BatchOnly(String),
    /// A file-system operation failed.
    #[error("{what}: {source}")]
    Io {
        /// What the job was doing.
        what: String,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
}

impl StreamError {
    /// Wraps a Kafka client error with what the job was doing.
    pub(crate) fn kafka(
        what: impl Into<String>,
    ) -> impl FnOnce(rdkafka::error::KafkaError) -> Self {
        let what = what.into();
        move |source| Self::Kafka { what, source }
    }
}
