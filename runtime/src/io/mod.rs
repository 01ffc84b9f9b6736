//! Sources, sinks, and their binding to files: reading inputs, writing `part-*` output directories, and
//! dead letters.

pub mod sink;
pub mod source;
