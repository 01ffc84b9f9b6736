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
//! Every write of a checkpoint goes through a [`Mirror`], which also appends it to the task's changelog
//! topic, flushed before the checkpoint's emission leaves, so an instance without this file (or with a
//! stale one) rebuilds it from the changelog (see [`super::changelog`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition, TableHandle};

use super::changelog::{
    choose, commit_record, new_lineage, release_record, ChangelogSink, Choice, Mirror, Position,
    Registry, Replica,
};
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

/// Every table a checkpoint writes: the changelog mirrors and restores exactly these, and a store file
/// holding another table (but [`POSITION`]) refuses to open. A table added to the checkpoint is added
/// here.
const TABLES: Registry = &[
    &STATE,
    &OFFSETS,
    &MARKS,
    &META,
    &PENDING,
    &OUTBOX,
    &SENDER_MARKS,
    &EVENT_TIME,
];

/// The local store's changelog position (`seq`, `lineage`): kept out of the changelog, whose commit
/// markers carry it.
const POSITION: TableDefinition<&str, u64> = TableDefinition::new("changelog_position");
const SEQ: &str = "seq";
const LINEAGE: &str = "lineage";

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

/// What opening a task did with its local store and its changelog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Synced {
    /// Which copy the task continues from.
    pub choice: Choice,
    /// The checkpoint it continues from.
    pub position: Position,
    /// Entries copied from the changelog into the local store (0 unless restored).
    pub restored_entries: usize,
}

/// The redb file of one task, mirrored to its changelog partition.
pub struct TaskStore {
    db: Database,
    path: PathBuf,
    /// Where the store's last checkpoint stands.
    position: Position,
    /// This writer's lineage, drawn when the store is synchronised with its changelog.
    lineage: u64,
    changelog: Option<Box<dyn ChangelogSink>>,
    /// The next checkpoint writes the whole store to the changelog (it does not continue the
    /// changelog's last complete checkpoint).
    snapshot_next: bool,
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
        let mut store = Self {
            db,
            path,
            position: Position::default(),
            lineage: 0,
            changelog: None,
            snapshot_next: true,
        };
        store.write(|txn| {
            for table in TABLES {
                table.create(txn)?;
            }
            txn.open_table(POSITION)?;
            for table in txn.list_tables()? {
                let name = table.name();
                if name != POSITION.name() && !TABLES.iter().any(|t| t.table_name() == name) {
                    return Err(redb::Error::Corrupted(format!(
                        "table {name} is not in the store's table registry (TABLES), so the \
                         changelog would not mirror it"
                    )));
                }
            }
            Ok(())
        })?;
        store.position = store.read(|txn| {
            let table = txn.open_table(POSITION)?;
            let get =
                |key| -> Result<u64, redb::Error> { Ok(table.get(key)?.map_or(0, |v| v.value())) };
            Ok(Position {
                seq: get(SEQ)?,
                lineage: get(LINEAGE)?,
            })
        })?;
        Ok(store)
    }

    /// Compares the store with its changelog's last complete checkpoint, rebuilds the store from the
    /// changelog when that one is newer (see [`choose`]), and from now on mirrors every checkpoint to
    /// `changelog`.
    pub fn sync(
        &mut self,
        changelog: Box<dyn ChangelogSink>,
        replica: &Replica,
    ) -> Result<Synced, StreamError> {
        let choice = choose(self.position, replica.position);
        let mut restored_entries = 0;
        if choice == Choice::Restore {
            self.write(|txn| {
                let empty = BTreeMap::new();
                for table in TABLES {
                    table.replace(
                        txn,
                        replica.tables.get(table.table_name()).unwrap_or(&empty),
                    )?;
                }
                if let Some(name) = replica
                    .tables
                    .keys()
                    .find(|name| !TABLES.iter().any(|t| t.table_name() == name.as_str()))
                {
                    return Err(redb::Error::Corrupted(format!(
                        "the changelog holds table {name}, which this job's store does not have"
                    )));
                }
                write_position(txn, replica.position)
            })?;
            self.position = replica.position;
            restored_entries = replica.entries();
        }
        let synced = Synced {
            choice,
            position: self.position,
            restored_entries,
        };
        self.snapshot_next = choice == Choice::KeepLocal || replica.torn;
        self.lineage = new_lineage();
        self.changelog = Some(changelog);
        if self.snapshot_next {
            // Level the changelog with the store before the task sends anything (an interrupted
            // emission's outbox) that a next owner would need to find there.
            self.write_mirrored(redb::Durability::Immediate, true, |_| Ok(()))?;
        }
        Ok(synced)
    }

    /// Tells the task's next owner that this one has written its last checkpoint.
    pub fn release(&self) -> Result<(), StreamError> {
        let changelog = self.changelog()?;
        changelog.append(&[release_record()])?;
        changelog.flush()
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

    /// Writes one checkpoint atomically to the local store, and queues it on the changelog; the caller
    /// flushes the changelog before anything the checkpoint's emission sends leaves.
    pub fn checkpoint(&mut self, checkpoint: &Checkpoint<'_>) -> Result<(), StreamError> {
        self.write_mirrored(redb::Durability::Immediate, false, |txn| {
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
                pending.clear()?;
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
                outbox.clear()?;
                for (seq, message) in (0u64..).zip(messages) {
                    outbox.insert(seq, message.encode().as_slice())?;
                }
            }
            Ok(())
        })
    }

    /// Records that the emission in flight reached the broker. Neither synced to disk nor flushed to
    /// the changelog by itself (the next checkpoint's commit and flush make it durable): losing it in a
    /// crash only makes the restarted job look for the emission's ids in the output topic and skip them
    /// all, and a local store left ahead of its changelog is kept (see [`choose`]).
    pub fn finish_emission(&mut self) -> Result<(), StreamError> {
        self.write_mirrored(redb::Durability::None, false, |txn| {
            txn.open_table(OUTBOX)?.clear()?;
            Ok(())
        })
    }

    fn changelog(&self) -> Result<&dyn ChangelogSink, StreamError> {
        self.changelog.as_deref().ok_or_else(|| StreamError::State {
            path: self.path.display().to_string(),
            reason: "written before it was synchronised with its changelog".into(),
        })
    }

    /// One checkpoint: `body`'s writes (or, after [`sync`](Self::sync) asked for one, a snapshot of the
    /// whole store) and a commit marker go to the changelog, which is flushed when `flush` is set, and
    /// then the redb transaction commits with `durability`.
    fn write_mirrored(
        &mut self,
        durability: redb::Durability,
        flush: bool,
        body: impl FnOnce(&Mirror<'_>) -> Result<(), redb::Error>,
    ) -> Result<(), StreamError> {
        let changelog = self.changelog()?;
        let mut txn = self
            .db
            .begin_write()
            .map_err(|e| state_error(&self.path, e))?;
        txn.set_durability(durability)
            .map_err(|e| state_error(&self.path, e))?;
        let position = Position {
            seq: self.position.seq + 1,
            lineage: self.lineage,
        };
        let mut records = {
            let mirror = Mirror::new(&txn, TABLES);
            body(&mirror).map_err(|e| state_error(&self.path, e))?;
            if self.snapshot_next {
                mirror.snapshot().map_err(|e| state_error(&self.path, e))?
            } else {
                mirror.into_records()
            }
        };
        records.push(commit_record(position));
        write_position(&txn, position).map_err(|e| state_error(&self.path, e))?;
        changelog.append(&records)?;
        if flush {
            changelog.flush()?;
        }
        txn.commit().map_err(|e| state_error(&self.path, e))?;
        self.position = position;
        self.snapshot_next = false;
        Ok(())
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

fn write_position(txn: &redb::WriteTransaction, position: Position) -> Result<(), redb::Error> {
    let mut table = txn.open_table(POSITION)?;
    table.insert(SEQ, position.seq)?;
    table.insert(LINEAGE, position.lineage)?;
    Ok(())
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
    use super::super::changelog::{MemorySink, Record};
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("pigc-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    const MODES: [SinkMode; 2] = [SinkMode::Insert, SinkMode::Upsert];

    /// Opens the store of task `in.t.0` in `dir`, synchronised with `sink`'s first `upto` records.
    fn open(dir: &Path, sink: &MemorySink, upto: usize) -> (TaskStore, Synced) {
        let mut store = TaskStore::open(dir, "in.t.0").unwrap();
        let synced = store
            .sync(Box::new(sink.clone()), &sink.replica(upto))
            .unwrap();
        (store, synced)
    }

    /// A checkpoint of operator state `g` and offset `offset`, with some pending output.
    fn checkpoint(store: &mut TaskStore, state: &[StateChange], offset: i64) {
        let offsets = BTreeMap::from([("in".to_owned(), offset)]);
        let mut pending = PendingOutput::new(MODES.to_vec());
        pending.change(1, b"k", format!("k,{offset}").as_bytes(), 1);
        // Watermark tables too, so that the changelog tests cover every table of the registry.
        let mut watermarks = SenderWatermarks::default();
        watermarks.observe(0, "in.t.1", Mark::At(offset));
        store
            .checkpoint(&Checkpoint {
                state,
                offsets: &offsets,
                marks: &ReadMarks::default(),
                pending: &pending,
                emission: None,
                watermarks: &watermarks,
                seen: Some(offset),
            })
            .unwrap();
    }

    /// Everything the store holds, for comparisons.
    fn content(store: &TaskStore) -> String {
        let mut state = Vec::new();
        store
            .for_each_state(|op, k, v| {
                state.push((op.to_owned(), k.to_vec(), v.to_vec()));
                Ok(())
            })
            .unwrap();
        format!("{:?} {state:?}", store.restore(&MODES).unwrap())
    }

    fn put(key: &str, value: &str) -> StateChange {
        StateChange::Put("g".into(), key.into(), value.into())
    }

    #[test]
    fn a_checkpoint_survives_reopening() {
        let dir = temp_dir("reopen");
        let offsets = BTreeMap::from([("in".to_owned(), 42i64)]);
        let mut pending = PendingOutput::new(MODES.to_vec());
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
        let sink = MemorySink::default();
        {
            let (mut store, _) = open(&dir, &sink, 0);
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
        let (mut store, synced) = open(&dir, &sink, sink.len());
        assert_eq!(synced.choice, Choice::UpToDate);
        let restored = store.restore(&MODES).unwrap();
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
        assert!(store.restore(&MODES).unwrap().outbox.is_empty());
        drop(store);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// An instance with an empty state dir rebuilds the store from the changelog alone; a stale copy of
    /// the store (a machine that lost the task, or a local commit lost after the changelog flush) loses
    /// to the changelog too.
    #[test]
    fn the_changelog_rebuilds_a_missing_or_stale_store() {
        let (dir, empty, stale) = (temp_dir("owner"), temp_dir("empty"), temp_dir("stale"));
        let sink = MemorySink::default();
        {
            let (mut store, synced) = open(&dir, &sink, 0);
            assert_eq!(synced.choice, Choice::KeepLocal, "a new changelog");
            checkpoint(&mut store, &[put("a", "1"), put("b", "1")], 10);
        }
        std::fs::create_dir_all(&stale).unwrap();
        std::fs::copy(dir.join("task-in.t.0.redb"), stale.join("task-in.t.0.redb")).unwrap();
        let (mut owner, synced) = open(&dir, &sink, sink.len());
        assert_eq!(synced.choice, Choice::UpToDate);
        checkpoint(&mut owner, &[put("a", "2"), put("c", "3")], 20);
        checkpoint(
            &mut owner,
            &[StateChange::Delete("g".into(), b"b".to_vec())],
            30,
        );
        let expected = content(&owner);
        drop(owner);
        for dir in [&empty, &stale] {
            let (store, synced) = open(dir, &sink, sink.len());
            assert_eq!(synced.choice, Choice::Restore, "{}", dir.display());
            assert_eq!(
                synced.position.seq, 4,
                "a snapshot when the changelog was new, then 3 checkpoints"
            );
            assert_eq!(
                synced.restored_entries, 6,
                "2 state, 1 offset, 1 pending, 1 sender watermark, 1 event time"
            );
            assert_eq!(content(&store), expected);
        }
        for dir in [dir, empty, stale] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    /// kill -9 in the middle of a checkpoint's changelog records: the reader stops at the last marker,
    /// and the next checkpoint is a snapshot, after which the changelog replays to the store's content.
    #[test]
    fn a_torn_checkpoint_is_ignored_and_repaired() {
        let dir = temp_dir("torn");
        let sink = MemorySink::default();
        let (mut store, _) = open(&dir, &sink, 0);
        checkpoint(&mut store, &[put("a", "1"), put("b", "1")], 10);
        let complete = sink.len();
        let before = content(&store);
        drop(store);
        // A checkpoint that reached the changelog only in part (its first records, no marker).
        let other = temp_dir("torn-writer");
        let (mut writer, _) = open(&other, &sink, complete);
        checkpoint(&mut writer, &[put("a", "torn"), put("z", "torn")], 99);
        drop(writer);
        let torn_records: Vec<Record> = sink.appended.lock().unwrap()[complete..].to_vec();
        sink.appended.lock().unwrap().truncate(complete);
        sink.appended
            .lock()
            .unwrap()
            .extend_from_slice(&torn_records[..torn_records.len() - 2]);
        let replica = sink.replica(sink.len());
        assert!(replica.torn);
        let empty = temp_dir("torn-empty");
        let (mut store, synced) = open(&empty, &sink, sink.len());
        assert_eq!((synced.choice, synced.position.seq), (Choice::Restore, 2));
        assert_eq!(content(&store), before);
        checkpoint(&mut store, &[put("c", "2")], 11);
        let after = content(&store);
        assert!(!after.contains("torn"));
        let fresh = temp_dir("torn-fresh");
        let (store, synced) = open(&fresh, &sink, sink.len());
        assert_eq!((synced.choice, synced.position.seq), (Choice::Restore, 4));
        assert_eq!(content(&store), after);
        for dir in [dir, other, empty, fresh] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    /// A local store ahead of its changelog (an unflushed `finish_emission`, or a new changelog topic)
    /// is kept, and its next checkpoint brings the changelog level with it.
    #[test]
    fn a_local_store_ahead_is_kept_and_snapshotted() {
        let dir = temp_dir("ahead");
        let sink = MemorySink::default();
        let (mut store, _) = open(&dir, &sink, 0);
        checkpoint(&mut store, &[put("a", "1")], 10);
        let first = sink.len();
        checkpoint(&mut store, &[put("b", "2")], 20);
        drop(store);
        let lost = MemorySink::default();
        lost.appended
            .lock()
            .unwrap()
            .extend_from_slice(&sink.appended.lock().unwrap()[..first]);
        let (mut store, synced) = open(&dir, &lost, first);
        assert_eq!((synced.choice, synced.position.seq), (Choice::KeepLocal, 3));
        checkpoint(&mut store, &[put("c", "3")], 30);
        let expected = content(&store);
        let fresh = temp_dir("ahead-fresh");
        let (store, synced) = open(&fresh, &lost, lost.len());
        assert_eq!((synced.choice, synced.position.seq), (Choice::Restore, 5));
        assert_eq!(content(&store), expected);
        for dir in [dir, fresh] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    /// A table the registry lacks cannot hide in the store: opening fails, and so does a checkpoint
    /// that writes one.
    #[test]
    fn every_table_is_registered() {
        let dir = temp_dir("unregistered");
        std::fs::create_dir_all(&dir).unwrap();
        {
            let db = Database::create(dir.join("task-in.t.0.redb")).unwrap();
            let txn = db.begin_write().unwrap();
            txn.open_table(TableDefinition::<&str, u64>::new("watermarks"))
                .unwrap();
            txn.commit().unwrap();
        }
        let err = TaskStore::open(&dir, "in.t.0").err().expect("an error");
        assert!(err.to_string().contains("watermarks"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
        let sink = MemorySink::default();
        let (mut store, _) = open(&dir, &sink, 0);
        let err = store
            .write_mirrored(redb::Durability::Immediate, true, |mirror| {
                mirror.open_table(TableDefinition::<&str, u64>::new("watermarks"))?;
                Ok(())
            })
            .unwrap_err();
        assert!(err.to_string().contains("registry"), "{err}");
        drop(store);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The pending output is cleared and written again by every checkpoint; unchanged rows cost no
    /// changelog record, and dropped rows become deletes.
    #[test]
    fn a_rewritten_table_costs_only_its_changes() {
        let dir = temp_dir("rewrite");
        let sink = MemorySink::default();
        let (mut store, _) = open(&dir, &sink, 0);
        checkpoint(&mut store, &[], 1);
        let write = |store: &mut TaskStore, rows: &[(&str, i64)]| {
            let before = sink.len();
            let mut pending = PendingOutput::new(MODES.to_vec());
            for (row, weight) in rows {
                pending.change(0, b"", row.as_bytes(), *weight);
            }
            store
                .checkpoint(&Checkpoint {
                    state: &[],
                    offsets: &BTreeMap::new(),
                    marks: &ReadMarks::default(),
                    pending: &pending,
                    emission: None,
                    watermarks: &SenderWatermarks::default(),
                    seen: None,
                })
                .unwrap();
            let records = sink.appended.lock().unwrap()[before..].to_vec();
            records.len()
        };
        // 3 new rows, a delete of the upsert `checkpoint` left pending, and the commit marker.
        assert_eq!(write(&mut store, &[("a", 1), ("b", 1), ("c", 1)]), 5);
        // b unchanged, a changed, c gone, d new: 3 records and the marker.
        assert_eq!(write(&mut store, &[("a", 2), ("b", 1), ("d", 1)]), 4);
        assert_eq!(write(&mut store, &[("a", 2), ("b", 1), ("d", 1)]), 1);
        let expected = content(&store);
        let fresh = temp_dir("rewrite-fresh");
        let (rebuilt, _) = open(&fresh, &sink, sink.len());
        assert_eq!(content(&rebuilt), expected);
        for dir in [dir, fresh] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[derive(Debug, Clone)]
    enum Op {
        /// A checkpoint of these state changes (key → value, `None` deletes).
        Checkpoint(Vec<(u8, Option<u8>)>),
        /// A checkpoint cut short by kill -9 after this many of its changelog records, before its
        /// local commit.
        Killed(Vec<(u8, Option<u8>)>, usize),
        /// A checkpoint committed locally, then kill -9 before the broker had more than this many of
        /// its changelog records; the task is opened again on the same machine or on an empty one.
        Unacknowledged(Vec<(u8, Option<u8>)>, usize, bool),
        /// The task is opened again, on the same machine or on one with an empty state dir.
        Reopen { fresh: bool },
    }

    fn ops() -> impl proptest::strategy::Strategy<Value = Vec<Op>> {
        use proptest::prelude::*;
        let changes = prop::collection::vec((0u8..6, prop::option::of(0u8..4)), 0..5);
        let op = prop_oneof![
            3 => changes.clone().prop_map(Op::Checkpoint),
            1 => (changes.clone(), 0usize..12).prop_map(|(c, n)| Op::Killed(c, n)),
            1 => (changes, 0usize..12, any::<bool>())
                .prop_map(|(c, n, same)| Op::Unacknowledged(c, n, same)),
            1 => any::<bool>().prop_map(|fresh| Op::Reopen { fresh }),
        ];
        prop::collection::vec(op, 1..12)
    }

    fn state_changes(changes: &[(u8, Option<u8>)]) -> Vec<StateChange> {
        changes
            .iter()
            .map(|&(key, value)| match value {
                Some(value) => StateChange::Put("g".into(), vec![key], vec![value]),
                None => StateChange::Delete("g".into(), vec![key]),
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(48))]

        /// Whatever checkpoints, kills and reopenings (on the same or an empty state dir) happen, a
        /// reopened store holds exactly the last checkpoint that committed, and so does a store rebuilt
        /// from the changelog, whole or compacted.
        #[test]
        fn reopened_stores_hold_the_last_committed_checkpoint(ops in ops()) {
            let root = temp_dir(&format!("prop-{}", new_lineage()));
            let reference_sink = MemorySink::default();
            let (mut reference, _) = open(&root.join("reference"), &reference_sink, 0);
            let sink = MemorySink::default();
            let mut dirs = 0;
            let mut dir = root.join("0");
            let (mut store, _) = open(&dir, &sink, 0);
            let mut offset = 0;
            for op in ops {
                match op {
                    Op::Checkpoint(changes) => {
                        offset += 1;
                        checkpoint(&mut store, &state_changes(&changes), offset);
                        checkpoint(&mut reference, &state_changes(&changes), offset);
                    }
                    Op::Killed(changes, budget) => {
                        *sink.budget.lock().unwrap() = Some(budget);
                        let offsets = BTreeMap::from([("in".to_owned(), offset + 1)]);
                        let result = store.checkpoint(&Checkpoint {
                            state: &state_changes(&changes),
                            offsets: &offsets,
                            marks: &ReadMarks::default(),
                            pending: &PendingOutput::new(MODES.to_vec()),
                            emission: None,
                            watermarks: &SenderWatermarks::default(),
                            seen: None,
                        });
                        *sink.budget.lock().unwrap() = None;
                        proptest::prop_assert!(result.is_err() || budget > 0);
                        if result.is_ok() {
                            // The budget sufficed: it was a checkpoint after all.
                            offset += 1;
                            reference.checkpoint(&Checkpoint {
                                state: &state_changes(&changes),
                                offsets: &offsets,
                                marks: &ReadMarks::default(),
                                pending: &PendingOutput::new(MODES.to_vec()),
                                emission: None,
                                watermarks: &SenderWatermarks::default(),
                                seen: None,
                            }).unwrap();
                        }
                        drop(store);
                        (store, _) = open(&dir, &sink, sink.len());
                        proptest::prop_assert_eq!(content(&store), content(&reference));
                    }
                    Op::Unacknowledged(changes, budget, same_dir) => {
                        let before = sink.len();
                        offset += 1;
                        checkpoint(&mut store, &state_changes(&changes), offset);
                        drop(store);
                        let complete = before + budget >= sink.len();
                        sink.appended.lock().unwrap().truncate(before + budget);
                        // The store that wins: the local one on the same machine, the changelog's
                        // last complete checkpoint on another.
                        if complete || same_dir {
                            checkpoint(&mut reference, &state_changes(&changes), offset);
                        }
                        if !same_dir {
                            dirs += 1;
                            dir = root.join(dirs.to_string());
                        }
                        (store, _) = open(&dir, &sink, sink.len());
                        proptest::prop_assert_eq!(content(&store), content(&reference));
                    }
                    Op::Reopen { fresh } => {
                        drop(store);
                        if fresh {
                            dirs += 1;
                            dir = root.join(dirs.to_string());
                        }
                        (store, _) = open(&dir, &sink, sink.len());
                        proptest::prop_assert_eq!(content(&store), content(&reference));
                    }
                }
            }
            // A last checkpoint repairs any torn tail; then the log, whole or compacted, rebuilds it.
            offset += 1;
            checkpoint(&mut store, &[], offset);
            checkpoint(&mut reference, &[], offset);
            let expected = content(&reference);
            proptest::prop_assert_eq!(content(&store), expected.clone());
            let (rebuilt, _) = open(&root.join("whole"), &sink, sink.len());
            proptest::prop_assert_eq!(content(&rebuilt), expected.clone());
            let log = sink.appended.lock().unwrap().clone();
            let mut latest = BTreeMap::new();
            for (position, record) in log.iter().enumerate() {
                latest.insert(record.key.clone(), position);
            }
            let compacted = MemorySink::default();
            compacted.appended.lock().unwrap().extend(
                log.iter()
                    .enumerate()
                    .filter(|(position, record)| latest[&record.key] == *position)
                    .map(|(_, record)| record.clone()),
            );
            let (rebuilt, _) = open(&root.join("compacted"), &compacted, compacted.len());
            proptest::prop_assert_eq!(content(&rebuilt), expected);
            drop((store, reference, rebuilt));
            std::fs::remove_dir_all(&root).unwrap();
        }
    }
}
