//! Changelog topics: a task's store mirrored to Kafka, so that any instance of a group can take the task
//! over with its state, whatever its local `--state-dir` holds (Kafka Streams' changelogs, issue #7).
//!
//! # Topics
//! One changelog topic per kind of task, one partition per task, as Kafka Streams has one changelog per
//! store with a partition per task: the input tasks of topic `T` write `<job id>-in.T-changelog`
//! (`T`'s partition count; task `in.T.p` owns partition `p`), the repartition tasks write
//! `<job id>-x-changelog` (the repartition topics' partition count; task `x.p` owns partition `p`). A
//! task's partition is its own, so restoring a task reads only its state; the partition counts are the
//! ones the tasks come from, so no mapping table is needed. The job creates the topics with
//! `cleanup.policy=compact`.
//!
//! # Records
//! Every write a checkpoint makes to the task's redb store goes through one function,
//! [`MirroredTable`]'s `insert`/`remove`/`clear`, which writes redb and appends a record to the
//! checkpoint's changelog batch, so a table added to the checkpoint later is mirrored by construction
//! (a write to a table missing from the store's table registry is an error, and so is a table in the
//! file that the registry lacks). Records are keyed so that compaction keeps the latest value per
//! (table, key):
//! - data `D|table|key` → the redb bytes of the value, or a tombstone (null) for a removed key;
//! - clear `C|table` → empty: every key of the table written before it is gone (snapshots write these;
//!   a checkpoint's own clear of a table becomes deletes of the rows it does not write again);
//! - commit `M` → (checkpoint sequence, writer lineage): everything before it is one complete checkpoint;
//! - release `R`: the owner checkpointed and let the task go (a rebalance or a clean stop);
//! - probe `E`: written by an instance that opens the task, to learn where the partition ends (Tansu's
//!   high watermarks may lag the last offset, so a reader reads up to its own probe instead).
//!
//! # Exactly-once and consistency
//! A checkpoint commits its redb transaction and queues its records, then its commit marker, on the
//! changelog; the executor waits for the broker's acknowledgement of every task's records (one flush per
//! checkpoint round) before any message of the checkpoints' emissions (sink output, repartition
//! messages) is sent. So whatever left a task is in its changelog, and an instance that continues the
//! task from the changelog re-sends an interrupted emission's outbox exactly as the dead one would
//! have. A local store left ahead of its changelog by a crash sent nothing from the checkpoints the
//! changelog lacks; it is kept where it is, and rebuilding elsewhere from the changelog is as if those
//! checkpoints never happened. A reader ([`Replay`]) applies records only up to the last commit
//! marker: a checkpoint cut short by kill -9 (records without their marker) is a
//! *torn tail* and is never applied. Records are sent by a producer that keeps order across retries
//! (one request in flight), so a retried batch repeats records right after themselves: re-applying a
//! put, a delete or a clear of the same checkpoint changes nothing, and a repeated marker commits
//! nothing new.
//!
//! A torn tail is followed, after a restart, by other checkpoints that do not undo its records (they
//! start again from the last complete checkpoint and may not touch the same keys). So the first
//! checkpoint after a torn tail is a **snapshot**: a clear of every table, then every row. Replayed in
//! order, the torn records are wiped by the snapshot's clears; under compaction, each torn record is
//! either superseded by the snapshot's row of its key or kept and then wiped by the (later) clear of its
//! table. That is also why only the latest commit marker needs to survive compaction: every record
//! before it is committed or repaired by a snapshot before it. The one case compaction can break is a
//! cleaner pass between a torn write and the next snapshot that drops the committed value a torn record
//! superseded; the topic's `min.compaction.lag.ms` (one day) keeps the cleaner off records that young,
//! and the crashed instance's local store, which wins while it is current, still holds that value.
//!
//! # Which copy wins
//! The local store records the (sequence, lineage) of its last checkpoint; a lineage is drawn at random
//! each time an instance opens a task, so two instances that both wrote a checkpoint `n` disagree. On
//! open ([`choose`]): equal positions → the local store is current; the changelog's complete
//! checkpoint at least as new but different (a missing local store, a stale one left on a machine that
//! lost the task long ago, a non-durable local commit of `finish_emission` lost) → the store is rebuilt
//! from the changelog in one redb transaction (a crash during it leaves the old store); the local store
//! ahead (records queued but not acknowledged when the instance died), or a changelog without a
//! complete checkpoint (a new topic) → the local store is kept and a snapshot brings the changelog level
//! with it before the task does anything else.
//!
//! # Handover
//! In a group the previous owner writes its final checkpoint after the rebalance, so a new owner waits
//! (up to [`HANDOVER_TIMEOUT`]) for the release record of a task whose changelog does not end with
//! one; an owner killed with kill -9 never releases, and its last complete checkpoint is restored once
//! the wait times out. An owner that is alive but stalled beyond the wait (a zombie) could still write
//! after the new owner took over; as with Kafka Streams without transactions, the group's session
//! timeout is what fences it.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::message::Message;
use rdkafka::producer::{BaseProducer, BaseRecord, DeliveryResult, Producer, ProducerContext};
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{ClientContext, Offset, TopicPartitionList};
use redb::{Key, ReadableTable, TableDefinition, TableHandle, Value, WriteTransaction};

use super::client::{client_config, ensure_topics_with, partition_count};
use super::config::StreamConfig;
use super::error::StreamError;
use super::task::TaskId;

/// How long a new owner waits for the previous owner of a task to release it after a rebalance.
pub const HANDOVER_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a checkpoint waits for the broker to acknowledge its changelog records.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(60);
/// How long a changelog read may go without a message before it gives up.
const READ_STALL_TIMEOUT: Duration = Duration::from_secs(30);
/// Compaction leaves records younger than this alone (see the module docs).
const MIN_COMPACTION_LAG_MS: &str = "86400000";

const DATA: u8 = b'D';
const CLEAR: u8 = b'C';
const COMMIT: u8 = b'M';
const RELEASE: u8 = b'R';
const PROBE: u8 = b'E';

/// One changelog message: its key and value (`None`: a tombstone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Message key.
    pub key: Vec<u8>,
    /// Message value.
    pub value: Option<Vec<u8>>,
}

/// Where a store stands: the sequence number of its last checkpoint (0: none) and the lineage (random
/// per open of the task) of the writer that made it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Position {
    /// Checkpoints so far.
    pub seq: u64,
    /// Who wrote the last one.
    pub lineage: u64,
}

/// What a changelog record says.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Put(String, Vec<u8>, Vec<u8>),
    Delete(String, Vec<u8>),
    Clear(String),
    Commit(Position),
    Release,
    Probe,
}

impl Entry {
    fn encode(&self) -> Record {
        let tagged = |tag: u8, table: &str, key: &[u8]| {
            let mut out = Vec::with_capacity(5 + table.len() + key.len());
            out.push(tag);
            out.extend_from_slice(&u32::try_from(table.len()).unwrap_or(u32::MAX).to_le_bytes());
            out.extend_from_slice(table.as_bytes());
            out.extend_from_slice(key);
            out
        };
        let (key, value) = match self {
            Self::Put(table, key, value) => (tagged(DATA, table, key), Some(value.clone())),
            Self::Delete(table, key) => (tagged(DATA, table, key), None),
            Self::Clear(table) => (tagged(CLEAR, table, &[]), Some(Vec::new())),
            Self::Commit(position) => {
                let mut value = position.seq.to_le_bytes().to_vec();
                value.extend_from_slice(&position.lineage.to_le_bytes());
                (vec![COMMIT], Some(value))
            }
            Self::Release => (vec![RELEASE], Some(Vec::new())),
            Self::Probe => (vec![PROBE], Some(Vec::new())),
        };
        Record { key, value }
    }

    fn decode(key: &[u8], value: Option<&[u8]>) -> Option<Self> {
        let (&tag, rest) = key.split_first()?;
        let table_and_key = || {
            let (len, rest) = rest.split_first_chunk::<4>()?;
            let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
            let (table, key) = rest.split_at_checked(len)?;
            Some((std::str::from_utf8(table).ok()?.to_owned(), key.to_vec()))
        };
        match (tag, value) {
            (DATA, Some(value)) => {
                let (table, key) = table_and_key()?;
                Some(Self::Put(table, key, value.to_vec()))
            }
            (DATA, None) => {
                let (table, key) = table_and_key()?;
                Some(Self::Delete(table, key))
            }
            (CLEAR, Some(_)) => {
                let (table, key) = table_and_key()?;
                key.is_empty().then_some(Self::Clear(table))
            }
            (COMMIT, Some(value)) if rest.is_empty() => {
                let (seq, lineage) = value.split_first_chunk::<8>()?;
                let lineage: &[u8; 8] = lineage.try_into().ok()?;
                Some(Self::Commit(Position {
                    seq: u64::from_le_bytes(*seq),
                    lineage: u64::from_le_bytes(*lineage),
                }))
            }
            (RELEASE, Some(_)) if rest.is_empty() => Some(Self::Release),
            (PROBE, Some(_)) if rest.is_empty() => Some(Self::Probe),
            _ => None,
        }
    }
}

/// The commit marker ending checkpoint `position`.
pub fn commit_record(position: Position) -> Record {
    Entry::Commit(position).encode()
}

/// The record by which an owner lets its task go.
pub fn release_record() -> Record {
    Entry::Release.encode()
}

/// One row of a table: its key and value in redb's encoding.
pub type Row = (Vec<u8>, Vec<u8>);

/// Tables of a changelog image: table → (redb key bytes → redb value bytes).
pub type Tables = BTreeMap<String, BTreeMap<Vec<u8>, Vec<u8>>>;

/// A task's changelog read from its start: the last complete checkpoint and what followed it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replica {
    /// Position of the last complete checkpoint (sequence 0: none).
    pub position: Position,
    /// The store's tables as of that checkpoint.
    pub tables: Tables,
    /// Records follow the last commit marker: a checkpoint was cut short.
    pub torn: bool,
    /// The last owner released the task (or nobody ever wrote it).
    pub released: bool,
    /// Messages read.
    pub records: u64,
    /// Bytes of their keys and values.
    pub bytes: u64,
}

impl Replica {
    /// Live entries of the image.
    pub fn entries(&self) -> usize {
        self.tables.values().map(BTreeMap::len).sum()
    }
}

/// Rebuilds a [`Replica`] from a changelog partition's messages, in offset order.
#[derive(Debug, Default)]
pub struct Replay {
    replica: Replica,
    /// Records since the last commit marker.
    pending: Vec<Entry>,
    /// Whether something was written since the last release.
    held: bool,
}

impl Replay {
    /// Applies the next message; an error if it is not a changelog record of pigc.
    pub fn push(&mut self, key: Option<&[u8]>, value: Option<&[u8]>) -> Result<(), String> {
        let entry = key
            .and_then(|key| Entry::decode(key, value))
            .ok_or_else(|| "a message that is not a pigc changelog record".to_owned())?;
        self.replica.records += 1;
        self.replica.bytes += (key.map_or(0, <[u8]>::len) + value.map_or(0, <[u8]>::len)) as u64;
        match entry {
            Entry::Probe => {}
            Entry::Release => self.held = false,
            Entry::Commit(position) => {
                self.held = true;
                for entry in std::mem::take(&mut self.pending) {
                    apply(&mut self.replica.tables, entry);
                }
                self.replica.position = position;
            }
            data => {
                self.held = true;
                self.pending.push(data);
            }
        }
        Ok(())
    }

    /// The replica as of the messages pushed so far.
    pub fn finish(mut self) -> Replica {
        self.replica.torn = !self.pending.is_empty();
        self.replica.released = !self.held;
        self.replica
    }

    fn released(&self) -> bool {
        !self.held
    }
}

fn apply(tables: &mut Tables, entry: Entry) {
    match entry {
        Entry::Put(table, key, value) => {
            tables.entry(table).or_default().insert(key, value);
        }
        Entry::Delete(table, key) => {
            if let Some(rows) = tables.get_mut(&table) {
                rows.remove(&key);
            }
        }
        Entry::Clear(table) => {
            tables.remove(&table);
        }
        Entry::Commit(_) | Entry::Release | Entry::Probe => {}
    }
}

/// What a task opened with a local store and its changelog does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Both hold the same checkpoint: keep the local store.
    UpToDate,
    /// The changelog's checkpoint is newer or the local one is not in its history: rebuild from it.
    Restore,
    /// The local store is ahead, or the changelog has no complete checkpoint: keep the local store and
    /// write a snapshot at the next checkpoint.
    KeepLocal,
}

/// Picks the copy a task continues from (see the module docs).
pub fn choose(local: Position, changelog: Position) -> Choice {
    if changelog.seq == 0 {
        Choice::KeepLocal
    } else if local == changelog {
        Choice::UpToDate
    } else if changelog.seq >= local.seq {
        Choice::Restore
    } else {
        Choice::KeepLocal
    }
}

/// A fresh writer lineage: random enough that two instances never draw the same.
pub fn new_lineage() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    static OPENED: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.write_u32(std::process::id());
    hasher.write_u64(OPENED.fetch_add(1, Ordering::Relaxed));
    hasher.finish().max(1)
}

/// A table of the task store as the changelog sees it: bytes in, bytes out, whatever its key and value
/// types (redb's own encoding of them).
pub trait StoreTable {
    /// The table's name.
    fn table_name(&self) -> &str;
    /// Creates the table if the file lacks it.
    fn create(&self, txn: &WriteTransaction) -> Result<(), redb::Error>;
    /// Replaces the table's content with `rows`.
    fn replace(
        &self,
        txn: &WriteTransaction,
        rows: &BTreeMap<Vec<u8>, Vec<u8>>,
    ) -> Result<(), redb::Error>;
    /// Every row, encoded.
    fn rows(&self, txn: &WriteTransaction) -> Result<Vec<Row>, redb::Error>;
}

impl<K: Key + 'static, V: Value + 'static> StoreTable for TableDefinition<'static, K, V> {
    fn table_name(&self) -> &str {
        self.name()
    }

    fn create(&self, txn: &WriteTransaction) -> Result<(), redb::Error> {
        txn.open_table(*self)?;
        Ok(())
    }

    fn replace(
        &self,
        txn: &WriteTransaction,
        rows: &BTreeMap<Vec<u8>, Vec<u8>>,
    ) -> Result<(), redb::Error> {
        let mut table = txn.open_table(*self)?;
        table.retain(|_, _| false)?;
        for (key, value) in rows {
            table.insert(K::from_bytes(key), V::from_bytes(value))?;
        }
        Ok(())
    }

    fn rows(&self, txn: &WriteTransaction) -> Result<Vec<Row>, redb::Error> {
        let table = txn.open_table(*self)?;
        let mut rows = Vec::new();
        for entry in table.iter()? {
            let (key, value) = entry?;
            rows.push((
                K::as_bytes(&key.value()).as_ref().to_vec(),
                V::as_bytes(&value.value()).as_ref().to_vec(),
            ));
        }
        Ok(rows)
    }
}

/// A store's registered tables.
pub type Registry = &'static [&'static dyn StoreTable];

/// A redb write transaction whose writes are also collected as changelog records: the one way a
/// checkpoint writes the store.
pub struct Mirror<'t> {
    txn: &'t WriteTransaction,
    tables: Registry,
    records: RefCell<Vec<Record>>,
}

impl<'t> Mirror<'t> {
    /// Mirrors writes to `tables` made in `txn`.
    pub fn new(txn: &'t WriteTransaction, tables: Registry) -> Self {
        Self {
            txn,
            tables,
            records: RefCell::new(Vec::new()),
        }
    }

    /// Opens a table for mirrored writes; an error if the registry lacks it (the changelog could not
    /// restore it).
    pub fn open_table<K: Key + 'static, V: Value + 'static>(
        &self,
        definition: TableDefinition<'static, K, V>,
    ) -> Result<MirroredTable<'_, K, V>, redb::Error> {
        let name = definition.name();
        if !self.tables.iter().any(|t| t.table_name() == name) {
            return Err(redb::Error::Corrupted(format!(
                "table {name} is written by a checkpoint but missing from the store's table \
                 registry, so its changelog could not restore it"
            )));
        }
        Ok(MirroredTable {
            table: self.txn.open_table(definition)?,
            name: name.to_owned(),
            records: &self.records,
            cleared: None,
        })
    }

    /// The records of the writes made so far.
    pub fn into_records(self) -> Vec<Record> {
        self.records.into_inner()
    }

    /// Records that rebuild the whole store as it stands in the transaction: per table a clear and every
    /// row.
    pub fn snapshot(self) -> Result<Vec<Record>, redb::Error> {
        let mut records = Vec::new();
        for table in self.tables {
            let name = table.table_name().to_owned();
            records.push(Entry::Clear(name.clone()).encode());
            for (key, value) in table.rows(self.txn)? {
                records.push(Entry::Put(name.clone(), key, value).encode());
            }
        }
        Ok(records)
    }
}

/// A table opened through a [`Mirror`]: every write goes to redb and to the changelog batch.
///
/// A table that a checkpoint clears and writes again (the pending output, every checkpoint) costs
/// records only for the rows that changed: [`clear`](Self::clear) keeps the rows it removed, an insert
/// of an unchanged row writes no record, and the rows not written again become deletes when the table
/// is dropped. The changelog then says the same as a clear and the inserts, in fewer records.
pub struct MirroredTable<'m, K: Key + 'static, V: Value + 'static> {
    table: redb::Table<'m, K, V>,
    name: String,
    records: &'m RefCell<Vec<Record>>,
    /// After a clear: the rows it removed and that were not written again since.
    cleared: Option<BTreeMap<Vec<u8>, Vec<u8>>>,
}

impl<K: Key + 'static, V: Value + 'static> MirroredTable<'_, K, V> {
    /// Sets `key` to `value`.
    pub fn insert<'k, 'v>(
        &mut self,
        key: impl std::borrow::Borrow<K::SelfType<'k>>,
        value: impl std::borrow::Borrow<V::SelfType<'v>>,
    ) -> Result<(), redb::Error> {
        let bytes = K::as_bytes(key.borrow()).as_ref().to_vec();
        let value_bytes = V::as_bytes(value.borrow()).as_ref().to_vec();
        let unchanged = self
            .cleared
            .as_mut()
            .and_then(|cleared| cleared.remove(&bytes))
            .is_some_and(|old| old == value_bytes);
        if !unchanged {
            let entry = Entry::Put(self.name.clone(), bytes, value_bytes);
            self.records.borrow_mut().push(entry.encode());
        }
        self.table.insert(key, value)?;
        Ok(())
    }

    /// Removes `key`.
    pub fn remove<'k>(
        &mut self,
        key: impl std::borrow::Borrow<K::SelfType<'k>>,
    ) -> Result<(), redb::Error> {
        let bytes = K::as_bytes(key.borrow()).as_ref().to_vec();
        if let Some(cleared) = self.cleared.as_mut() {
            cleared.remove(&bytes);
        }
        let entry = Entry::Delete(self.name.clone(), bytes);
        self.records.borrow_mut().push(entry.encode());
        self.table.remove(key)?;
        Ok(())
    }

    /// Removes every key.
    pub fn clear(&mut self) -> Result<(), redb::Error> {
        let mut cleared = self.cleared.take().unwrap_or_default();
        for entry in self.table.iter()? {
            let (key, value) = entry?;
            cleared.insert(
                K::as_bytes(&key.value()).as_ref().to_vec(),
                V::as_bytes(&value.value()).as_ref().to_vec(),
            );
        }
        self.table.retain(|_, _| false)?;
        self.cleared = Some(cleared);
        Ok(())
    }
}

impl<K: Key + 'static, V: Value + 'static> Drop for MirroredTable<'_, K, V> {
    fn drop(&mut self) {
        let mut records = self.records.borrow_mut();
        for key in self
            .cleared
            .take()
            .into_iter()
            .flat_map(BTreeMap::into_keys)
        {
            records.push(Entry::Delete(self.name.clone(), key).encode());
        }
    }
}

/// Where a task's changelog records go.
pub trait ChangelogSink: Send {
    /// Queues records, in order.
    fn append(&self, records: &[Record]) -> Result<(), StreamError>;
    /// Waits until every queued record is acknowledged.
    fn flush(&self) -> Result<(), StreamError>;
}

/// The job's changelog topics and the producer that writes them.
pub struct Changelog {
    config: StreamConfig,
    job: String,
    producer: Arc<ChangelogProducer>,
}

impl Changelog {
    /// Creates the changelog topics of the job's tasks that do not exist yet: one per input topic with
    /// its partition count, and one for the repartition tasks with `repartition_partitions` (0: the job
    /// has no exchange).
    pub fn create<C: ClientContext>(
        config: &StreamConfig,
        client: &rdkafka::client::Client<C>,
        input_partitions: &BTreeMap<String, i32>,
        repartition_partitions: i32,
    ) -> Result<Self, StreamError> {
        let job = super::repartition::job_id(&config.state_dir, config.group.as_deref())?;
        let mut wanted: Vec<(String, i32)> = input_partitions
            .iter()
            .map(|(topic, &count)| (topic_name(&job, &format!("in.{topic}")), count))
            .collect();
        if repartition_partitions > 0 {
            wanted.push((topic_name(&job, "x"), repartition_partitions));
        }
        create_topics(config, &wanted)?;
        for (topic, count) in &wanted {
            let actual = partition_count(client, topic)?;
            if actual < *count {
                return Err(StreamError::Config(format!(
                    "changelog topic {topic} has {actual} partitions, fewer than the {count} tasks \
                     that write it"
                )));
            }
        }
        tracing::info!(topics = ?wanted.iter().map(|(t, _)| t).collect::<Vec<_>>(), "changelog topics ready");
        Ok(Self {
            config: config.clone(),
            job,
            producer: Arc::new(ChangelogProducer::new(config)?),
        })
    }

    /// Waits until every changelog record queued so far, by any task, is acknowledged.
    pub fn flush(&self) -> Result<(), StreamError> {
        self.producer.flush()
    }

    /// The changelog partition that task `id` owns.
    pub fn partition_of(&self, id: &TaskId) -> (String, i32) {
        match id {
            TaskId::Input { topic, partition } => {
                (topic_name(&self.job, &format!("in.{topic}")), *partition)
            }
            TaskId::Repartition { partition } => (topic_name(&self.job, "x"), *partition),
        }
    }

    /// The sink of task `id`'s changelog records.
    pub fn sink(&self, id: &TaskId) -> Box<dyn ChangelogSink> {
        let (topic, partition) = self.partition_of(id);
        Box::new(KafkaSink {
            producer: Arc::clone(&self.producer),
            topic,
            partition,
        })
    }

    /// Reads the changelogs of `ids` from their start to their current end, waiting up to
    /// `handover` for the ones that are not released to be released by their previous owner.
    pub fn read(
        &self,
        ids: &[&TaskId],
        handover: Option<Duration>,
    ) -> Result<Vec<Replica>, StreamError> {
        let parts: Vec<(String, i32)> = ids.iter().map(|id| self.partition_of(id)).collect();
        let ends = self.producer.probe(&parts)?;
        let consumer: BaseConsumer = client_config(&self.config)
            .set("group.id", "pigc-changelog-restore")
            // A partition read to its end must not hold the next fetch for the default 500 ms.
            .set("fetch.wait.max.ms", "10")
            .set("enable.auto.commit", "false")
            .set("enable.partition.eof", "false")
            .create()
            .map_err(StreamError::kafka("cannot create the changelog reader"))?;
        let mut assignment = TopicPartitionList::new();
        for (topic, partition) in &parts {
            assignment
                .add_partition_offset(topic, *partition, Offset::Beginning)
                .map_err(StreamError::kafka("cannot build the changelog assignment"))?;
        }
        consumer
            .assign(&assignment)
            .map_err(StreamError::kafka("cannot assign the changelog reader"))?;
        let index: BTreeMap<(String, i32), usize> =
            (0..).zip(&parts).map(|(i, p)| (p.clone(), i)).collect();
        let mut replays: Vec<Replay> = parts.iter().map(|_| Replay::default()).collect();
        let mut reached = vec![false; parts.len()];
        let handover_deadline = handover.map(|wait| Instant::now() + wait);
        let mut last_message = Instant::now();
        loop {
            let waiting_release = handover_deadline.is_some_and(|deadline| {
                Instant::now() < deadline && replays.iter().any(|replay| !replay.released())
            });
            if reached.iter().all(|&r| r) && !waiting_release {
                break;
            }
            if !reached.iter().all(|&r| r) && last_message.elapsed() > READ_STALL_TIMEOUT {
                return Err(changelog_error(
                    &parts,
                    format!("no message for {READ_STALL_TIMEOUT:?} before the partitions' end"),
                ));
            }
            let Some(result) = consumer.poll(Duration::from_millis(100)) else {
                continue;
            };
            let message = result.map_err(StreamError::kafka("cannot read a changelog"))?;
            last_message = Instant::now();
            let part = (message.topic().to_owned(), message.partition());
            let Some(&i) = index.get(&part) else {
                continue;
            };
            if message.offset() >= ends[i] {
                reached[i] = true;
            }
            replays[i]
                .push(message.key(), message.payload())
                .map_err(|reason| StreamError::State {
                    path: format!("changelog {}/{}", part.0, part.1),
                    reason,
                })?;
        }
        let replicas: Vec<Replica> = replays.into_iter().map(Replay::finish).collect();
        for (id, replica) in ids.iter().zip(&replicas) {
            if handover.is_some() && !replica.released {
                tracing::warn!(
                    task = %id,
                    "the previous owner did not release the task in {HANDOVER_TIMEOUT:?} (killed?): \
                     continuing from its last complete checkpoint"
                );
            }
        }
        Ok(replicas)
    }
}

/// An error reading the changelog partitions `parts`.
fn changelog_error(parts: &[(String, i32)], reason: String) -> StreamError {
    let parts: Vec<String> = parts.iter().map(|(t, p)| format!("{t}/{p}")).collect();
    StreamError::State {
        path: format!("changelog {}", parts.join(", ")),
        reason,
    }
}

/// The changelog topic of a kind of task (`in.<topic>` or `x`) in job `job`.
pub fn topic_name(job: &str, kind: &str) -> String {
    format!("{job}-{kind}-changelog")
}

/// Creates the changelog topics of `topics` (name, partition count) that do not exist yet, compacted.
fn create_topics(config: &StreamConfig, topics: &[(String, i32)]) -> Result<(), StreamError> {
    let topics: Vec<(&str, i32)> = topics.iter().map(|(t, n)| (t.as_str(), *n)).collect();
    ensure_topics_with(
        config,
        &topics,
        &[
            ("cleanup.policy", "compact"),
            ("min.compaction.lag.ms", MIN_COMPACTION_LAG_MS),
        ],
    )
}

/// Delivery reports of the changelog producer: failures, and the offsets probes landed at.
#[derive(Default)]
struct ChangelogContext {
    failed: AtomicU64,
    first_error: Mutex<Option<String>>,
    probes: Mutex<BTreeMap<(String, i32), i64>>,
}

impl ClientContext for ChangelogContext {}

impl ProducerContext for ChangelogContext {
    type DeliveryOpaque = ();

    fn delivery(&self, result: &DeliveryResult<'_>, _: ()) {
        match result {
            Ok(message) if message.key() == Some(&[PROBE][..]) => {
                if let Ok(mut probes) = self.probes.lock() {
                    probes.insert(
                        (message.topic().to_owned(), message.partition()),
                        message.offset(),
                    );
                }
            }
            Ok(_) => {}
            Err((err, _)) => {
                self.failed.fetch_add(1, Ordering::Relaxed);
                if let Ok(mut first) = self.first_error.lock() {
                    first.get_or_insert_with(|| err.to_string());
                }
            }
        }
    }
}

/// A producer that keeps the order of records across retries (one request in flight per connection).
struct ChangelogProducer {
    producer: BaseProducer<ChangelogContext>,
}

impl ChangelogProducer {
    fn new(config: &StreamConfig) -> Result<Self, StreamError> {
        let mut client = ClientConfig::new();
        client
            .set("bootstrap.servers", &config.brokers)
            .set("acks", "all")
            .set("linger.ms", "1");
        for (key, value) in &config.properties {
            client.set(key, value);
        }
        client.set("max.in.flight.requests.per.connection", "1");
        let producer = client
            .create_with_context(ChangelogContext::default())
            .map_err(StreamError::kafka("cannot create the changelog producer"))?;
        Ok(Self { producer })
    }

    fn send(&self, topic: &str, partition: i32, record: &Record) -> Result<(), StreamError> {
        let mut message: BaseRecord<'_, [u8], [u8]> =
            BaseRecord::to(topic).partition(partition).key(&record.key);
        if let Some(value) = &record.value {
            message = message.payload(value);
        }
        loop {
            match self.producer.send(message) {
                Ok(()) => return Ok(()),
                Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), back)) => {
                    message = back;
                    self.producer.poll(Duration::from_millis(5));
                }
                Err((err, _)) => {
                    return Err(StreamError::Kafka {
                        what: format!("cannot queue a changelog record for {topic}"),
                        source: err,
                    })
                }
            }
        }
    }

    /// Waits for every queued record's acknowledgement. Not `Producer::flush`, which polls in steps of
    /// up to 100 ms once the queue looks busy: a checkpoint waits here for a few milliseconds.
    fn flush(&self) -> Result<(), StreamError> {
        let deadline = Instant::now() + FLUSH_TIMEOUT;
        while self.producer.in_flight_count() > 0 {
            if Instant::now() >= deadline {
                return Err(StreamError::Kafka {
                    what: "changelog records were not acknowledged in time".into(),
                    source: KafkaError::Flush(RDKafkaErrorCode::OperationTimedOut),
                });
            }
            self.producer.poll(Duration::from_millis(10));
        }
        let context = self.producer.context();
        let failed = context.failed.swap(0, Ordering::Relaxed);
        if failed > 0 {
            let first = context
                .first_error
                .lock()
                .ok()
                .and_then(|mut e| e.take())
                .unwrap_or_default();
            return Err(StreamError::Delivery(failed, first));
        }
        Ok(())
    }

    /// Writes a probe to each partition and returns the offsets they landed at: everything before is
    /// what the partitions held.
    fn probe(&self, parts: &[(String, i32)]) -> Result<Vec<i64>, StreamError> {
        let probe = Entry::Probe.encode();
        for (topic, partition) in parts {
            self.send(topic, *partition, &probe)?;
        }
        self.flush()?;
        let probes = self
            .producer
            .context()
            .probes
            .lock()
            .map_err(|_| changelog_error(parts, "the probe reports are poisoned".into()))?;
        parts
            .iter()
            .map(|part| {
                probes.get(part).copied().ok_or_else(|| {
                    changelog_error(
                        std::slice::from_ref(part),
                        "no delivery report for the probe".into(),
                    )
                })
            })
            .collect()
    }
}

struct KafkaSink {
    producer: Arc<ChangelogProducer>,
    topic: String,
    partition: i32,
}

impl ChangelogSink for KafkaSink {
    fn append(&self, records: &[Record]) -> Result<(), StreamError> {
        for record in records {
            self.producer.send(&self.topic, self.partition, record)?;
        }
        Ok(())
    }

    fn flush(&self) -> Result<(), StreamError> {
        self.producer.flush()
    }
}

/// A changelog partition in memory, for tests: what was appended and flushed.
#[cfg(test)]
#[derive(Clone, Default)]
pub struct MemorySink {
    /// Records appended, in order.
    pub appended: Arc<Mutex<Vec<Record>>>,
    /// How many of them were flushed.
    pub flushed: Arc<Mutex<usize>>,
    /// When set, how many more records reach the partition before the writer "dies" (appends fail).
    pub budget: Arc<Mutex<Option<usize>>>,
}

#[cfg(test)]
impl MemorySink {
    /// The flushed records, replayed.
    pub fn replica(&self, upto: usize) -> Replica {
        let records = self.appended.lock().unwrap();
        let mut replay = Replay::default();
        for record in &records[..upto] {
            replay
                .push(Some(&record.key), record.value.as_deref())
                .unwrap();
        }
        replay.finish()
    }

    /// Records appended so far.
    pub fn len(&self) -> usize {
        self.appended.lock().unwrap().len()
    }
}

#[cfg(test)]
impl ChangelogSink for MemorySink {
    fn append(&self, records: &[Record]) -> Result<(), StreamError> {
        let mut budget = self.budget.lock().unwrap();
        for record in records {
            match budget.as_mut() {
                Some(0) => return Err(StreamError::Config("killed".into())),
                Some(left) => *left -= 1,
                None => {}
            }
            self.appended.lock().unwrap().push(record.clone());
        }
        Ok(())
    }

    fn flush(&self) -> Result<(), StreamError> {
        *self.flushed.lock().unwrap() = self.appended.lock().unwrap().len();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(table: &str, key: &str, value: &str) -> Record {
        Entry::Put(table.into(), key.into(), value.into()).encode()
    }

    fn delete(table: &str, key: &str) -> Record {
        Entry::Delete(table.into(), key.into()).encode()
    }

    fn clear(table: &str) -> Record {
        Entry::Clear(table.into()).encode()
    }

    fn commit(seq: u64) -> Record {
        commit_record(Position { seq, lineage: 7 })
    }

    fn replay(records: &[Record]) -> Replica {
        let mut replay = Replay::default();
        for record in records {
            replay
                .push(Some(&record.key), record.value.as_deref())
                .unwrap();
        }
        replay.finish()
    }

    fn rows(replica: &Replica, table: &str) -> Vec<(String, String)> {
        replica
            .tables
            .get(table)
            .into_iter()
            .flatten()
            .map(|(k, v)| {
                (
                    String::from_utf8_lossy(k).into_owned(),
                    String::from_utf8_lossy(v).into_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn records_round_trip_and_keys_identify_table_and_key() {
        for entry in [
            Entry::Put("state".into(), b"k".to_vec(), b"v".to_vec()),
            Entry::Put("state".into(), Vec::new(), Vec::new()),
            Entry::Delete("pending".into(), b"\0\x01".to_vec()),
            Entry::Clear("outbox".into()),
            Entry::Commit(Position {
                seq: 9,
                lineage: u64::MAX,
            }),
            Entry::Release,
            Entry::Probe,
        ] {
            let record = entry.encode();
            assert_eq!(
                Entry::decode(&record.key, record.value.as_deref()),
                Some(entry)
            );
        }
        // A put and a delete of one key share the message key: compaction keeps the later.
        assert_eq!(put("t", "k", "v").key, delete("t", "k").key);
        assert_ne!(put("t", "k", "v").key, put("tk", "", "v").key);
        assert_eq!(Entry::decode(b"Z", Some(b"")), None);
        assert_eq!(Entry::decode(b"D\x09\0\0\0ab", Some(b"")), None);
        assert_eq!(Entry::decode(&[COMMIT], Some(b"short")), None);
        let mut replay = Replay::default();
        assert!(replay.push(None, Some(b"x")).is_err());
    }

    #[test]
    fn only_complete_checkpoints_are_applied() {
        let log = [
            put("s", "a", "1"),
            put("s", "b", "1"),
            commit(1),
            put("s", "a", "2"),
            delete("s", "b"),
            // kill -9: no marker for checkpoint 2
        ];
        let replica = replay(&log);
        assert_eq!(replica.position.seq, 1);
        assert!(replica.torn);
        assert!(!replica.released);
        assert_eq!(
            rows(&replica, "s"),
            [("a".into(), "1".into()), ("b".into(), "1".into())]
        );
        assert_eq!(replica.records, 5);
        assert!(replay(&[]).released, "an empty changelog holds nothing");
        let mut released = log.to_vec();
        released.extend([commit(2), release_record()]);
        let replica = replay(&released);
        assert!(replica.released && !replica.torn);
        assert_eq!(rows(&replica, "s"), [("a".into(), "2".into())]);
    }

    #[test]
    fn duplicated_records_and_markers_are_harmless() {
        // A retried batch is written again right after itself (one request in flight).
        let once = [
            put("s", "a", "1"),
            clear("p"),
            put("p", "x", "1"),
            commit(1),
            delete("s", "a"),
            put("s", "b", "2"),
            commit(2),
        ];
        let twice = [
            put("s", "a", "1"),
            clear("p"),
            clear("p"),
            put("p", "x", "1"),
            put("p", "x", "1"),
            commit(1),
            commit(1),
            delete("s", "a"),
            put("s", "b", "2"),
            delete("s", "a"),
            put("s", "b", "2"),
            commit(2),
            commit(2),
        ];
        let (a, b) = (replay(&once), replay(&twice));
        assert_eq!((a.position, &a.tables), (b.position, &b.tables));
    }

    /// A torn checkpoint, then after the restart a snapshot: replayed whole or compacted (the latest
    /// record per key, in offset order), the log gives the snapshot's state.
    #[test]
    fn a_snapshot_repairs_a_torn_tail_also_under_compaction() {
        let log = [
            put("s", "a", "1"),
            put("s", "b", "1"),
            put("p", "x", "1"),
            commit(1),
            // torn checkpoint 2 (a crash): it touched a, c and cleared p
            put("s", "a", "torn"),
            put("s", "c", "torn"),
            clear("p"),
            // the restarted writer continues from checkpoint 1, writes a snapshot as checkpoint 2
            clear("s"),
            put("s", "a", "1"),
            put("s", "b", "3"),
            clear("p"),
            put("p", "x", "1"),
            commit(2),
        ];
        let whole = replay(&log);
        assert!(!whole.torn);
        assert_eq!(
            rows(&whole, "s"),
            [("a".into(), "1".into()), ("b".into(), "3".into())]
        );
        assert_eq!(rows(&whole, "p"), [("x".into(), "1".into())]);
        let mut latest: BTreeMap<Vec<u8>, usize> = BTreeMap::new();
        for (offset, record) in log.iter().enumerate() {
            latest.insert(record.key.clone(), offset);
        }
        let compacted: Vec<Record> = log
            .iter()
            .enumerate()
            .filter(|(offset, record)| latest[&record.key] == *offset)
            .map(|(_, record)| record.clone())
            .collect();
        assert!(compacted.len() < log.len());
        let compacted = replay(&compacted);
        assert_eq!(compacted.tables, whole.tables);
        assert_eq!(compacted.position, whole.position);
    }

    #[test]
    fn the_newer_copy_wins() {
        let at = |seq, lineage| Position { seq, lineage };
        // Same checkpoint on both sides.
        assert_eq!(choose(at(4, 1), at(4, 1)), Choice::UpToDate);
        // No local store (an empty state dir) or a stale one from a machine that lost the task.
        assert_eq!(choose(at(0, 0), at(4, 1)), Choice::Restore);
        assert_eq!(choose(at(2, 9), at(4, 1)), Choice::Restore);
        // The changelog was flushed but the local commit lost.
        assert_eq!(choose(at(3, 1), at(4, 1)), Choice::Restore);
        // Two writers reached the same sequence: the changelog's is the one that counts.
        assert_eq!(choose(at(4, 2), at(4, 1)), Choice::Restore);
        // The local store is ahead (unflushed records lost) or the changelog is new.
        assert_eq!(choose(at(5, 1), at(4, 1)), Choice::KeepLocal);
        assert_eq!(choose(at(5, 1), at(0, 0)), Choice::KeepLocal);
        assert_eq!(choose(at(0, 0), at(0, 0)), Choice::KeepLocal);
        assert_ne!(new_lineage(), new_lineage());
    }
}
