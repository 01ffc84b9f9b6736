//! Record formats: how one line of a file or one Kafka message value becomes a typed record and back.
//!
//! Generated code implements the per-schema parts (which field has which type); this module holds the
//! format-independent contract and the formats themselves (PigStorage, TextLoader, JSON lines, CSV).

use thiserror::Error;

pub mod csv;
mod field;
pub mod json;
pub mod pig_storage;
pub mod text_loader;

pub use self::csv::Csv;
pub use field::{FieldReader, FieldWriter, TextRecord};
pub use json::JsonLines;
pub use pig_storage::{BadDelimiter, PigStorage};
pub use text_loader::TextLoader;

/// Why a payload could not be decoded into a record. The record goes to the dead-letter sink with this
/// reason; the job goes on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{reason}")]
pub struct DecodeError {
    /// Human-readable reason, e.g. `expected 3 fields, found 2`.
    pub reason: String,
}

impl DecodeError {
    /// A decode error with the given reason.
    pub fn new(reason: impl Into<String>) -> Self {
        Self {
            reason: reason.into(),
        }
    }
}

/// Non-fatal problems met while decoding, as Pig counts them: a field that does not parse as its declared
/// type becomes null and is counted here.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DecodeWarnings {
    /// Fields that failed to convert to their declared type and were read as null.
    pub bad_fields: u64,
}

/// A format for records of type `T`: decodes one payload (a line without its terminator, or a message
/// value) and encodes one record (without a line terminator).
pub trait Format<T>: Send + Sync {
    /// Decodes one payload, counting recoverable problems in `warnings`.
    fn decode(&self, payload: &[u8], warnings: &mut DecodeWarnings) -> Result<T, DecodeError>;
    /// Appends the encoding of `record` to `out`.
    fn encode(&self, record: &T, out: &mut Vec<u8>);
}
