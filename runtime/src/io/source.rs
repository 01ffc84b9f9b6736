//! Sources: where records enter the dataflow. A LOAD is a location string plus a [`Format`]; executors
//! bind the location to files or a topic and push raw payloads, which the source decodes.

use std::sync::Arc;

use crate::dataflow::{Cell, Node};
use crate::format::{DecodeError, DecodeWarnings, Format};
use crate::record::{Record, Weight};

/// Where a raw record came from: enough to find it again and to derive a deterministic record id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Origin {
    /// Index of the source in the dataflow (declaration order).
    pub source: u32,
    /// Partition: the file index for file inputs, the Kafka partition for topics.
    pub partition: u32,
    /// Position: the byte offset of the line in its file, the Kafka offset for topics.
    pub offset: u64,
}

/// The type-erased face of a declared source, as executors see it.
pub trait SourcePort: Send {
    /// The location string of the LOAD.
    fn location(&self) -> &str;
    /// Decodes one payload and queues the record (weight +1) for the next step.
    fn push(&mut self, payload: &[u8]) -> Result<(), DecodeError>;
    /// Decodes payloads and queues their records in order, splitting a large batch over two threads.
    /// Returns the index and error of every payload that did not decode.
    fn push_batch(&mut self, payloads: &[&[u8]]) -> Vec<(usize, DecodeError)>;
    /// Bad fields read as null so far.
    fn warnings(&self) -> DecodeWarnings;
}

pub(crate) struct TypedSource<T, F> {
    location: String,
    format: F,
    pending: Cell<T>,
    warnings: DecodeWarnings,
}

impl<T, F> TypedSource<T, F> {
    pub(crate) fn new(location: &str, format: F, pending: Cell<T>) -> Self {
        Self {
            location: location.to_owned(),
            format,
            pending,
            warnings: DecodeWarnings::default(),
        }
    }
}

impl<T: Record, F: Format<T>> SourcePort for TypedSource<T, F> {
    fn location(&self) -> &str {
        &self.location
    }

    fn push(&mut self, payload: &[u8]) -> Result<(), DecodeError> {
        let record = self.format.decode(payload, &mut self.warnings)?;
        self.pending.lock().push((record, 1));
        Ok(())
    }

    fn push_batch(&mut self, payloads: &[&[u8]]) -> Vec<(usize, DecodeError)> {
        let parallel = payloads.len() >= PARALLEL_BATCH
            && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
        let (first, second) = if parallel {
            let (a, b) = payloads.split_at(payloads.len() / 2);
            let format = &self.format;
            let (first, second) = std::thread::scope(|scope| {
                let helper = scope.spawn(move || decode_all(format, b));
                (decode_all(format, a), helper.join())
            });
            match second {
                Ok(second) => (first, Some(second)),
                // A panicking `Format` is a bug in generated code: let it surface as the panic it is.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        } else {
            (decode_all(&self.format, payloads), None)
        };
        let mut errors = Vec::new();
        let mut pending = self.pending.lock();
        let mut offset = 0;
        for part in std::iter::once(first).chain(second) {
            pending.extend(part.records);
            errors.extend(part.errors.into_iter().map(|(i, e)| (i + offset, e)));
            self.warnings.bad_fields += part.warnings.bad_fields;
            offset += part.count;
        }
        errors
    }

    fn warnings(&self) -> DecodeWarnings {
        self.warnings
    }
}

/// Batches at least this large are decoded on two threads (measured: below it the thread costs more
/// than it saves).
const PARALLEL_BATCH: usize = 1 << 14;

/// The records and errors of decoding a run of payloads.
struct Decoded<T> {
    records: Vec<(T, Weight)>,
    errors: Vec<(usize, DecodeError)>,
    warnings: DecodeWarnings,
    count: usize,
}

fn decode_all<T, F: Format<T>>(format: &F, payloads: &[&[u8]]) -> Decoded<T> {
    let mut warnings = DecodeWarnings::default();
    let mut records = Vec::with_capacity(payloads.len());
    let mut errors = Vec::new();
    for (i, payload) in payloads.iter().enumerate() {
        match format.decode(payload, &mut warnings) {
            Ok(record) => records.push((record, 1)),
            Err(e) => errors.push((i, e)),
        }
    }
    Decoded {
        records,
        errors,
        warnings,
        count: payloads.len(),
    }
}

/// Moves the changes queued since the last step into the stream.
pub(crate) struct SourceNode<T> {
    pending: Cell<T>,
    output: Cell<T>,
}

impl<T> SourceNode<T> {
    pub(crate) fn new(pending: Cell<T>, output: Cell<T>) -> Self {
        Self { pending, output }
    }
}

impl<T: Send> Node for SourceNode<T> {
    fn step(&mut self, _step: u64) {
        let mut pending = self.pending.lock();
        let mut out = self.output.lock();
        out.clear();
        std::mem::swap(&mut *pending, &mut *out);
    }
}

/// Feeds typed changes into an in-memory input (see [`crate::dataflow::Dataflow::input`]).
#[derive(Clone)]
pub struct InputHandle<T> {
    name: Arc<str>,
    pending: Cell<T>,
}

impl<T> InputHandle<T> {
    pub(crate) fn new(name: &str, pending: Cell<T>) -> Self {
        Self {
            name: name.into(),
            pending,
        }
    }

    /// The input's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Queues one change for the next step.
    pub fn push(&self, record: T, weight: Weight) {
        self.pending.lock().push((record, weight));
    }

    /// Queues changes for the next step.
    pub fn push_all(&self, changes: impl IntoIterator<Item = (T, Weight)>) {
        self.pending.lock().extend(changes);
    }

    /// Queues one insertion of each record for the next step.
    pub fn insert_all(&self, records: impl IntoIterator<Item = T>) {
        self.pending
            .lock()
            .extend(records.into_iter().map(|r| (r, 1)));
    }
}
