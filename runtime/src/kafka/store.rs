//! Durable state of one task in a redb file under `--state-dir`.
//!
//! Why redb: pure Rust (no C++ toolchain, seconds to build where RocksDB takes minutes), ACID write
//! transactions with copy-on-write B-trees (a crash leaves the last committed checkpoint intact), and
//! ordered byte keys, which is all a checkpoint needs. One file per task lets instances of a group hand a
//! partition's state to each other through a shared state directory; redb's file lock guarantees that
//! only one instance holds a task at a time.
//!
//! A checkpoint is one write transaction holding the operators' changed state, the input offsets, the
//! repartition read marks, the output not yet emitted and, while an emission is in flight, its outbox.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};

use super::error::StreamError;
use super::job::{OutputChanges, SinkMode};
use super::output::{decode_pending_key, encode_pending_key, OutboxMessage, PendingOutput};
use super::repartition::ReadMarks;
use super::watermark::{Mark, SenderWatermarks};

/// Operator state: (operator id, key) → value.
const STATE: TableDefinition<(&str, &[u8]), &[u8]> = TableDefinition::new("state");
/// Source topic → next offset to read in this task's partition.
const OFFSETS: TableDefinition<&str, i64> = TableDefinition::new("offsets");
/// (repartition topic, sending task) → (epoch, seq) of the last message applied.
const MARKS: TableDefinition<(&str, &str), (u64, u64)> = TableDefinition::new("repartition_marks");
/// Counters: `epoch` (emissions started).
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
/// Output not yet emitted: encoded (sink, key, row) → net weight.
const PENDING: TableDefinition<&[u8], i64> = TableDefinition::new("pending");
/// The emission in flight: sequence → encoded message.
const OUTBOX: TableDefinition<u64, &[u8]> = TableDefinition::new("outbox");
/// (exchange, sending task) → the watermark it last promised ([`Mark::encode`]).
const SENDER_MARKS: TableDefinition<(u32, &str), &[u8]> = TableDefinition::new("sender_watermarks");
/// Event-time positions: `seen` (the largest event time the task's job saw) and `evicted_to` (the
/// watermark it evicted by).
const EVENT_TIME: TableDefinition<&str, i64> = TableDefinition::new("event_time");

const EPOCH: &str = "epoch";
const SEEN: &str = "seen";
const EVICTED_TO: &str = "evicted_to";

/// What a task's store held at its last checkpoint.
#[derive(Debug)]
pub struct Restored {
    /// Source topic → next offset.
    pub offsets: BTreeMap<String, i64>,
    /// Repartition messages applied.
    pub marks: ReadMarks,
    /// Emissions started so far.
    pub epoch: u64,
    /// Output not yet emitted.
    pub pending: PendingOutput,
    /// The emission that was in flight, if the job stopped during one.
    pub outbox: Vec<OutboxMessage>,
    /// What the task heard from its senders, and the watermark it evicted by.
    pub watermarks: SenderWatermarks,
    /// The largest event time the task's job saw.
    pub seen: Option<i64>,
}

/// An operator-state change gathered for a checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateChange {
    /// The key now holds this value.
    Put(String, Vec<u8>, Vec<u8>),
    /// The key is gone.
    Delete(String, Vec<u8>),
}

/// The content of one checkpoint.
pub struct Checkpoint<'a> {
    /// Operator state changed since the previous checkpoint.
    pub state: &'a [StateChange],
    /// Source topic → next offset.
    pub offsets: &'a BTreeMap<String, i64>,
    /// Repartition messages applied (replaces what the store held).
    pub marks: &'a ReadMarks,
    /// Output not yet emitted (replaces what the store held).
    pub pending: &'a PendingOutput,
    /// An emission to start: its epoch and messages.
    pub emission: Option<(u64, &'a [OutboxMessage])>,
    /// What the task heard from its senders (replaces what the store held).
    pub watermarks: &'a SenderWatermarks,
    /// The largest event time the task's job saw.
    pub seen: Option<i64>,
}

/// The redb file of one task.
pub struct TaskStore {
    db: Database,
    path: PathBuf,
}

impl TaskStore {
    /// Opens (or creates) the store of the task named `task` in `dir`.
    pub fn open(dir: &Path, task: &str) -> Result<Self, StreamError> {
        std::fs::create_dir_all(dir).map_err(|source| StreamError::Io {
            what: format!("cannot create state directory {}", dir.display()),
            source,
        })?;
        let path = dir.join(format!("task-{task}.redb"));
        if !path.exists() {
            create_atomically(dir, &path)?;
        }
        let db = Database::create(&path).map_err(|err| state_error(&path, err))?;
        let store = Self { db, path };
        store.write(|txn| {
            txn.open_table(STATE)?;
            txn.open_table(OFFSETS)?;
            txn.open_table(MARKS)?;
            txn.open_table(META)?;
            txn.open_table(PENDING)?;
            txn.open_table(OUTBOX)?;
            txn.open_table(SENDER_MARKS)?;
            txn.open_table(EVENT_TIME)?;
            Ok(())
        })?;
        Ok(store)
    }

    /// Size of the store's file in bytes.
    pub fn file_size(&self) -> u64 {
        std::fs::metadata(&self.path).map_or(0, |m| m.len())
    }

    /// Reads everything but operator state (see [`for_each_state`](Self::for_each_state)).
    pub fn restore(&self, modes: &[SinkMode]) -> Result<Restored, StreamError> {
        self.read(|txn| {
            let mut restored = Restored {
                offsets: BTreeMap::new(),
                marks: ReadMarks::default(),
                epoch: 0,
                pending: PendingOutput::new(modes.to_vec()),
                outbox: Vec::new(),
                watermarks: SenderWatermarks::default(),
                seen: None,
            };
            for entry in txn.open_table(OFFSETS)?.iter()? {
                let (topic, offset) = entry?;
                restored
                    .offsets
                    .insert(topic.value().to_owned(), offset.value());
            }
            let mut marks = Vec::new();
            for entry in txn.open_table(MARKS)?.iter()? {
                let (key, mark) = entry?;
                let (topic, sender) = key.value();
                marks.push(((topic.to_owned(), sender.to_owned()), mark.value()));
            }
            restored.marks = ReadMarks::from_entries(marks);
            restored.epoch = txn.open_table(META)?.get(EPOCH)?.map_or(0, |v| v.value());
            for entry in txn.open_table(PENDING)?.iter()? {
                let (key, weight) = entry?;
                let (sink, key, value) = decode_pending_key(key.value())
                    .ok_or_else(|| corrupt("a pending output entry"))?;
                let sink = usize::try_from(sink).map_err(|_| corrupt("a pending output entry"))?;
                restored.pending.change(sink, &key, &value, weight.value());
            }
            for entry in txn.open_table(OUTBOX)?.iter()? {
                let (_, bytes) = entry?;
                restored.outbox.push(
                    OutboxMessage::decode(bytes.value())
                        .ok_or_else(|| corrupt("an outbox message"))?,
                );
            }
            let mut heard = Vec::new();
            for entry in txn.open_table(SENDER_MARKS)?.iter()? {
                let (key, mark) = entry?;
                let (exchange, sender) = key.value();
                let mark = Mark::decode(mark.value()).ok_or_else(|| corrupt("a watermark"))?;
                heard.push(((exchange, sender.to_owned()), mark));
            }
            let event_time = txn.open_table(EVENT_TIME)?;
            restored.seen = event_time.get(SEEN)?.map(|v| v.value());
            let evicted_to = event_time.get(EVICTED_TO)?.map(|v| v.value());
            restored.watermarks = SenderWatermarks::from_entries(heard, evicted_to);
            Ok(restored)
        })
    }

    /// Calls `visit` with every operator-state entry, in (operator, key) order.
    pub fn for_each_state(
        &self,
        mut visit: impl FnMut(&str, &[u8], &[u8]) -> Result<(), StreamError>,
    ) -> Result<(), StreamError> {
        let txn = self
            .db
            .begin_read()
            .map_err(|e| state_error(&self.path, e))?;
        let table = txn
            .open_table(STATE)
            .map_err(|e| state_error(&self.path, e))?;
        for entry in table.iter().map_err(|e| state_error(&self.path, e))? {
            let (key, value) = entry.map_err(|e| state_error(&self.path, e))?;
            let (operator, key) = key.value();
            visit(operator, key, value.value())?;
        }
        Ok(())
    }

    /// Writes one checkpoint atomically.
    pub fn checkpoint(&self, checkpoint: &Checkpoint<'_>) -> Result<(), StreamError> {
        self.write(|txn| {
            {
                let mut state = txn.open_table(STATE)?;
                for change in checkpoint.state {
                    match change {
                        StateChange::Put(operator, key, value) => {
                            state.insert((operator.as_str(), key.as_slice()), value.as_slice())?;
                        }
                        StateChange::Delete(operator, key) => {
                            state.remove((operator.as_str(), key.as_slice()))?;
                        }
                    }
                }
            }
            {
                let mut offsets = txn.open_table(OFFSETS)?;
                for (topic, offset) in checkpoint.offsets {
                    offsets.insert(topic.as_str(), *offset)?;
                }
            }
            {
                let mut marks = txn.open_table(MARKS)?;
                for ((topic, sender), mark) in checkpoint.marks.entries() {
                    marks.insert((topic.as_str(), sender.as_str()), *mark)?;
                }
            }
            {
                let mut pending = txn.open_table(PENDING)?;
                pending.retain(|_, _| false)?;
                for (sink, key, value, weight) in checkpoint.pending.entries() {
                    pending.insert(encode_pending_key(sink, key, value).as_slice(), weight)?;
                }
            }
            {
                let mut marks = txn.open_table(SENDER_MARKS)?;
                for (exchange, sender, mark) in checkpoint.watermarks.entries() {
                    marks.insert((exchange, sender), mark.encode().as_slice())?;
                }
                let mut event_time = txn.open_table(EVENT_TIME)?;
                if let Some(seen) = checkpoint.seen {
                    event_time.insert(SEEN, seen)?;
                }
                if let Some(evicted_to) = checkpoint.watermarks.evicted_to() {
                    event_time.insert(EVICTED_TO, evicted_to)?;
                }
            }
            if let Some((epoch, messages)) = checkpoint.emission {
                txn.open_table(META)?.insert(EPOCH, epoch)?;
                let mut outbox = txn.open_table(OUTBOX)?;
                outbox.retain(|_, _| false)?;
                for (seq, message) in (0u64..).zip(messages) {
                    outbox.insert(seq, message.encode().as_slice())?;
                }
            }
            Ok(())
        })
    }

    /// Records that the emission in flight reached the broker. Not synced to disk by itself (the next
    /// checkpoint's commit makes it durable): losing it in a crash only makes the restarted job look for
    /// the emission's ids in the output topic and skip them all.
    pub fn finish_emission(&self) -> Result<(), StreamError> {
        self.write_with(redb::Durability::None, |txn| {
            txn.open_table(OUTBOX)?.retain(|_, _| false)?;
            Ok(())
        })
    }

    fn write(
        &self,
        body: impl FnOnce(&redb::WriteTransaction) -> Result<(), redb::Error>,
    ) -> Result<(), StreamError> {
        self.write_with(redb::Durability::Immediate, body)
    }

    fn write_with(
        &self,
        durability: redb::Durability,
        body: impl FnOnce(&redb::WriteTransaction) -> Result<(), redb::Error>,
    ) -> Result<(), StreamError> {
        let mut txn = self
            .db
            .begin_write()
            .map_err(|e| state_error(&self.path, e))?;
        txn.set_durability(durability)
            .map_err(|e| state_error(&self.path, e))?;
        body(&txn).map_err(|e| state_error(&self.path, e))?;
        txn.commit().map_err(|e| state_error(&self.path, e))
    }

    fn read<T>(
        &self,
        body: impl FnOnce(&redb::ReadTransaction) -> Result<T, redb::Error>,
    ) -> Result<T, StreamError> {
        let txn = self
            .db
            .begin_read()
            .map_err(|e| state_error(&self.path, e))?;
        body(&txn).map_err(|e| state_error(&self.path, e))
    }
}

/// Creates the store file at `path` so that a crash never leaves a half-written one (which redb would
/// refuse to open): the database is created aside and linked into place, which fails harmlessly if
/// another instance got there first.
fn create_atomically(dir: &Path, path: &Path) -> Result<(), StreamError> {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let draft = dir.join(format!(".{name}.{}.new", std::process::id()));
    let _ = std::fs::remove_file(&draft);
    drop(Database::create(&draft).map_err(|err| state_error(&draft, err))?);
    let linked = std::fs::hard_link(&draft, path);
    let _ = std::fs::remove_file(&draft);
    match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(StreamError::Io {
            what: format!("cannot create {}", path.display()),
            source,
        }),
    }
}

fn corrupt(what: &str) -> redb::Error {
    redb::Error::Corrupted(format!("{what} cannot be decoded"))
}

fn state_error(path: &Path, err: impl Into<redb::Error>) -> StreamError {
    StreamError::State {
        path: path.display().to_string(),
        reason: err.into().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("pigc-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_checkpoint_survives_reopening() {
        let dir = temp_dir("reopen");
        let offsets = BTreeMap::from([("in".to_owned(), 42i64)]);
        let modes = [SinkMode::Insert, SinkMode::Upsert];
        let mut pending = PendingOutput::new(modes.to_vec());
        pending.change(0, b"", b"row", 2);
        pending.change(1, b"k", b"k,1", 1);
        pending.change(1, b"gone", b"", -1);
        let mut outbox_source = pending.clone();
        let messages = outbox_source.take_messages("in.t.0", 1);
        let mut marks = ReadMarks::default();
        marks.accept("x", Some(b"in.t.1:3:4")).unwrap();
        let mut watermarks = SenderWatermarks::default();
        watermarks.observe(1, "in.t.1", Mark::At(42));
        watermarks.observe(0, "x.3", Mark::Idle(Some(7)));
        {
            let store = TaskStore::open(&dir, "in.t.0").unwrap();
            store
                .checkpoint(&Checkpoint {
                    state: &[
                        StateChange::Put("g".into(), b"a".to_vec(), b"1".to_vec()),
                        StateChange::Put("g".into(), b"b".to_vec(), b"2".to_vec()),
                        StateChange::Delete("g".into(), b"a".to_vec()),
                    ],
                    offsets: &offsets,
                    marks: &marks,
                    pending: &pending,
                    emission: Some((1, &messages)),
                    watermarks: &watermarks,
                    seen: Some(99),
                })
                .unwrap();
        }
        let store = TaskStore::open(&dir, "in.t.0").unwrap();
        let restored = store.restore(&modes).unwrap();
        assert_eq!(restored.offsets, offsets);
        assert_eq!(restored.marks, marks);
        assert_eq!(restored.epoch, 1);
        assert_eq!(restored.pending, pending);
        assert_eq!(restored.outbox, messages);
        assert_eq!(restored.watermarks, watermarks);
        assert_eq!(restored.seen, Some(99));
        let mut state = Vec::new();
        store
            .for_each_state(|op, k, v| {
                state.push((op.to_owned(), k.to_vec(), v.to_vec()));
                Ok(())
            })
            .unwrap();
        assert_eq!(state, vec![("g".to_owned(), b"b".to_vec(), b"2".to_vec())]);
        store.finish_emission().unwrap();
        assert!(store.restore(&modes).unwrap().outbox.is_empty());
        drop(store);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
