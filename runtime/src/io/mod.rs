//! Sources, sinks, and their binding to files: reading inputs, writing `part-*` output directories, and
//! dead letters.

pub mod deadletter;
pub mod files;
pub mod sink;
pub mod source;
