//! Executors: what binds a dataflow's locations to the outside and runs it.
//!
//! - [`batch`]: bounded inputs from files, run to completion as one step, outputs written as `part-*`
//!   directories. This is Pig's answer.
//! - [`incremental`]: the same circuit fed chunk by chunk in process, emitting output changes after each
//!   step and materializing them as tables; the Kafka executor (issue #7) drives the circuit the same way.

pub mod batch;
pub mod incremental;
#[cfg(feature = "kafka")]
pub mod stream_job;
