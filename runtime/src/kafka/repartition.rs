//! Repartition topics: how changes cross a job's exchanges between tasks (design.md §4, as Kafka Streams
//! and Samza's `partitionBy` do it).
//!
//! # Topics
//! Every exchange of the job ([`Stream::exchange`](crate::dataflow::Stream::exchange), placed by the
//! physical plan before a GROUP/JOIN/COGROUP/DISTINCT whose key differs from its input's partitioning)
//! gets an internal topic `<job id>-<exchange operator id>-repartition`, created by the job (and so do
//! the changelog topics, see [`super::changelog`]). See [`job_id`] for the job id. All repartition topics of a job have the same partition count:
//! `--set pigc.repartition.partitions=N`, by default the largest partition count of its input topics.
//! A repartition task reads partition q of every repartition topic; in a group, the range assignor
//! (which the job's consumer uses) gives all of them to one member.
//!
//! # Writer
//! A task collects the changes leaving its exchanges ([`PendingRepartition`]). At every checkpoint they
//! become messages of the task's outbox, committed in the same store transaction as the operator state
//! and input offsets they result from, then sent; the outbox is cleared once the producer has them all
//! (the same outbox the sinks use, see [`super::task`]). A change goes to partition
//! `key hash mod partitions`, as `(record, weight)` in postcard, so retractions survive the trip. The
//! changes of one checkpoint for one partition are packed, length-prefixed, into messages of up to
//! [`MAX_MESSAGE_BYTES`] ([`unpack`] splits them again); a message's key is the record id
//! `TASK:EPOCH:SEQ` ([`super::output::record_id`]).
//!
//! # Reader and exactly-once
//! A crash between the commit and the broker's acknowledgement makes the restarted task send the outbox
//! again, so a repartition topic may hold a message twice, never lose one. The reading task dedupes with
//! [`ReadMarks`]: per (topic, sending task) the highest (epoch, seq) applied, stored in the reading
//! task's checkpoint together with its offsets and state. Messages of one sending task reach one
//! partition in (epoch, seq) order: an emission's messages are sent in sequence order by a producer that
//! keeps order across retries (one request in flight per connection), and an epoch is only started after
//! the previous one was acknowledged. A re-sent emission repeats messages of an epoch already seen, at or
//! below the mark, which are skipped; so each change is applied exactly once.

use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hasher};
use std::path::Path;

use super::client::{ensure_topics, partition_count};
use super::config::StreamConfig;
use super::error::StreamError;
use super::output::{parse_record_id, record_id, OutboxMessage, OutputOp};

/// The file in the state directory that holds the job id.
const JOB_ID_FILE: &str = "job-id";

/// The job's id, which names its repartition and changelog topics.
///
/// In a group (`--group G`) it is derived from the group id alone, `<G>.<FNV-1a hash of G>` (the hash
/// tells apart group ids that differ only in characters a topic name cannot hold): every member, on
/// any machine and with any state directory, agrees on it, so a member with an empty state directory
/// restores its tasks from the changelog topics instead of starting afresh. To start a group's job
/// afresh, give it a new group id.
///
/// Without a group it is `pigc.<8 random hex digits>`, drawn on first start and kept in
/// `<state_dir>/job-id`: a standalone job started on an empty state directory (which reads its inputs
/// from the beginning again) gets fresh topics instead of re-reading what an earlier incarnation wrote.
pub fn job_id(state_dir: &Path, group: Option<&str>) -> Result<String, StreamError> {
    if let Some(group) = group {
        return Ok(format!(
            "{}.{:08x}",
            sanitize(group),
            fnv1a(group.as_bytes())
        ));
    }
    let path = state_dir.join(JOB_ID_FILE);
    let io = |what: &str| {
        let what = format!("{what} {}", path.display());
        move |source| StreamError::Io { what, source }
    };
    if !path.exists() {
        std::fs::create_dir_all(state_dir).map_err(io("cannot create the directory of"))?;
        let random = std::collections::hash_map::RandomState::new().build_hasher();
        let mut random = random;
        random.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        random.write_u32(std::process::id());
        let id = format!("pigc.{:08x}", random.finish() as u32);
        // Written aside and linked into place, which fails if another instance got there first: every
        // instance then reads the same id.
        let draft = state_dir.join(format!("{JOB_ID_FILE}.{}", std::process::id()));
        std::fs::write(&draft, &id).map_err(io("cannot write"))?;
        let linked = std::fs::hard_link(&draft, &path);
        let _ = std::fs::remove_file(&draft);
        match linked {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io("cannot create")(e)),
        }
    }
    let id = std::fs::read_to_string(&path).map_err(io("cannot read"))?;
    let id = id.trim();
    if id.is_empty() {
        return Err(StreamError::Config(format!(
            "{} is empty; remove it to start the job afresh",
            path.display()
        )));
    }
    Ok(id.to_owned())
}

/// 32-bit FNV-1a: a hash that stays the same across Rust versions and machines (std's does not promise
/// to).
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// The repartition topic of exchange `exchange` (its operator id) in job `job_id`.
pub fn topic_name(job_id: &str, exchange: &str) -> String {
    format!("{job_id}-{}-repartition", sanitize(exchange))
}

/// Keeps the characters Kafka allows in topic names (`[a-zA-Z0-9._-]`), replacing others with `_`.
fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A job's repartition topics, by exchange index, and their common partition count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepartitionTopics {
    /// Topic of each exchange.
    pub topics: Vec<String>,
    /// Partitions of every one of them.
    pub partitions: i32,
}

impl RepartitionTopics {
    /// Creates the repartition topics of `exchanges` (operator ids) that do not exist yet, with
    /// `pigc.repartition.partitions` or else `default_partitions` partitions, and checks that they all
    /// have the same count.
    pub fn create<C: rdkafka::ClientContext>(
        config: &StreamConfig,
        client: &rdkafka::client::Client<C>,
        exchanges: &[String],
        default_partitions: i32,
    ) -> Result<Self, StreamError> {
        if exchanges.is_empty() {
            return Ok(Self {
                topics: Vec::new(),
                partitions: 0,
            });
        }
        let job = job_id(&config.state_dir, config.group.as_deref())?;
        let topics: Vec<String> = exchanges.iter().map(|x| topic_name(&job, x)).collect();
        let wanted = config.repartition_partitions.unwrap_or(default_partitions);
        let names: Vec<&str> = topics.iter().map(String::as_str).collect();
        ensure_topics(config, &names, wanted)?;
        let mut partitions = None;
        for topic in &topics {
            let count = partition_count(client, topic)?;
            match partitions {
                Some(p) if p != count => {
                    return Err(StreamError::Config(format!(
                        "repartition topics must have the same number of partitions: {} has {p}, \
                         {topic} has {count}",
                        topics[0]
                    )))
                }
                _ => partitions = Some(count),
            }
        }
        tracing::info!(topics = ?topics, partitions = ?partitions, "repartition topics ready");
        Ok(Self {
            topics,
            partitions: partitions.unwrap_or(wanted),
        })
    }
}

/// The partition of a repartition topic with `partitions` partitions that a key hash goes to.
pub fn partition_of(key_hash: u64, partitions: i32) -> i32 {
    let partitions = u64::try_from(partitions.max(1)).unwrap_or(1);
    i32::try_from(key_hash % partitions).unwrap_or(0)
}

/// Changes that left a task's exchanges and wait for the next checkpoint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PendingRepartition {
    /// (exchange index, key hash, encoded change), in the order the job produced them.
    records: Vec<(u32, u64, Vec<u8>)>,
}

impl PendingRepartition {
    /// Adds a change leaving through exchange `exchange`.
    pub fn push(&mut self, exchange: usize, key_hash: u64, payload: &[u8]) {
        let exchange = u32::try_from(exchange).unwrap_or(u32::MAX);
        self.records.push((exchange, key_hash, payload.to_vec()));
    }

    /// True when no change waits.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Turns the waiting changes into outbox messages of emission `epoch` of task `task` and empties
    /// the buffer. Each change goes to the partition its key hash picks among `partitions`; the changes
    /// for one (exchange, partition) are packed, in the order the job produced them, into messages of
    /// about [`MAX_MESSAGE_BYTES`] (see [`unpack`]). Sequence numbers follow the returned order, which
    /// is the send order, so they increase along every partition.
    pub fn take_messages(&mut self, task: &str, epoch: u64, partitions: i32) -> Vec<OutboxMessage> {
        let mut open: BTreeMap<(u32, i32), Vec<u8>> = BTreeMap::new();
        let mut packed: Vec<((u32, i32), Vec<u8>)> = Vec::new();
        for (exchange, key_hash, payload) in std::mem::take(&mut self.records) {
            let destination = (exchange, partition_of(key_hash, partitions));
            let batch = open.entry(destination).or_default();
            if !batch.is_empty() && batch.len() + FRAME_HEADER + payload.len() > MAX_MESSAGE_BYTES {
                packed.push((destination, std::mem::take(batch)));
            }
            pack(batch, &payload);
        }
        packed.extend(open);
        (0u64..)
            .zip(packed)
            .map(|(seq, ((exchange, partition), value))| OutboxMessage {
                sink: exchange,
                op: OutputOp::Repartition(partition),
                key: record_id(task, epoch, seq),
                value,
            })
            .collect()
    }
}

/// Size past which a repartition message takes no more changes (a single larger change still gets a
/// message of its own). Packing changes spares the broker, the outbox and both clients a record, a
/// record id and a dedupe check per change.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024;

/// Bytes before each change in a repartition message: its length, as a little-endian `u32`.
const FRAME_HEADER: usize = 4;

/// Appends one change to a repartition message's value.
fn pack(value: &mut Vec<u8>, change: &[u8]) {
    let len = u32::try_from(change.len()).unwrap_or(u32::MAX);
    value.extend_from_slice(&len.to_le_bytes());
    value.extend_from_slice(&change[..len as usize]);
}

/// A repartition message whose value does not split into changes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a repartition message whose value is not a sequence of length-prefixed changes")]
pub struct TruncatedMessage;

/// The changes packed into a repartition message's value by [`PendingRepartition::take_messages`], in
/// order.
pub fn unpack(value: &[u8]) -> impl Iterator<Item = Result<&[u8], TruncatedMessage>> + '_ {
    let mut rest = value;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let change = rest
            .split_first_chunk::<FRAME_HEADER>()
            .and_then(|(len, tail)| {
                let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
                (len <= tail.len()).then(|| tail.split_at(len))
            });
        match change {
            Some((change, tail)) => {
                rest = tail;
                Some(Ok(change))
            }
            None => {
                rest = &[];
                Some(Err(TruncatedMessage))
            }
        }
    })
}

/// Per (repartition topic, sending task), the highest (epoch, seq) a reading task applied: what lets it
/// skip the messages a restarted sender delivered twice (see the [module docs](self)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadMarks {
    marks: BTreeMap<(String, String), (u64, u64)>,
}

/// A repartition message whose key is not a record id: the topic holds messages of another program.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("repartition topic {topic}: a message without a pigc record id as key")]
pub struct ForeignMessage {
    /// The topic.
    pub topic: String,
}

impl ReadMarks {
    /// Marks as stored in a checkpoint.
    pub fn from_entries(entries: impl IntoIterator<Item = ((String, String), (u64, u64))>) -> Self {
        Self {
            marks: entries.into_iter().collect(),
        }
    }

    /// Every mark: ((topic, sending task), (epoch, seq)).
    pub fn entries(&self) -> impl Iterator<Item = (&(String, String), &(u64, u64))> + '_ {
        self.marks.iter()
    }

    /// Whether the message of `topic` keyed `key` is new (and then marks it applied) or a repeat.
    pub fn accept(&mut self, topic: &str, key: Option<&[u8]>) -> Result<bool, ForeignMessage> {
        let (sender, epoch, seq) = key
            .and_then(parse_record_id)
            .ok_or_else(|| ForeignMessage {
                topic: topic.to_owned(),
            })?;
        let id = (topic.to_owned(), sender.to_owned());
        match self.marks.get(&id) {
            Some(&mark) if (epoch, seq) <= mark => Ok(false),
            _ => {
                self.marks.insert(id, (epoch, seq));
                Ok(true)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(message: &OutboxMessage) -> Vec<Vec<u8>> {
        unpack(&message.value)
            .map(|change| change.map(<[u8]>::to_vec))
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn changes_are_packed_per_partition_by_key_hash_with_increasing_ids() {
        let mut pending = PendingRepartition::default();
        for hash in [0u64, 5, 6, 7] {
            pending.push(1, hash, &hash.to_le_bytes());
        }
        pending.push(0, 3, b"");
        let messages = pending.take_messages("in.events.0", 4, 3);
        assert!(pending.is_empty());
        let routed: Vec<_> = messages
            .iter()
            .map(|m| {
                let id = String::from_utf8_lossy(&m.key).into_owned();
                let changes: Vec<u64> = changes(m)
                    .iter()
                    .map(|c| c.as_slice().try_into().map_or(u64::MAX, u64::from_le_bytes))
                    .collect();
                (m.sink, m.op, id, changes)
            })
            .collect();
        assert_eq!(
            routed,
            [
                (
                    0,
                    OutputOp::Repartition(0),
                    "in.events.0:4:0".into(),
                    vec![u64::MAX]
                ),
                (
                    1,
                    OutputOp::Repartition(0),
                    "in.events.0:4:1".into(),
                    vec![0, 6]
                ),
                (
                    1,
                    OutputOp::Repartition(1),
                    "in.events.0:4:2".into(),
                    vec![7]
                ),
                (
                    1,
                    OutputOp::Repartition(2),
                    "in.events.0:4:3".into(),
                    vec![5]
                ),
            ]
        );
    }

    /// A partition's changes fill messages of up to `MAX_MESSAGE_BYTES` in order: the full ones are
    /// sent first, so sequence numbers increase along the partition.
    #[test]
    fn a_partitions_changes_fill_messages_in_order() {
        let mut pending = PendingRepartition::default();
        let big = vec![7u8; MAX_MESSAGE_BYTES / 3];
        for n in 0u8..7 {
            let mut change = big.clone();
            change[0] = n;
            pending.push(0, 0, &change);
        }
        pending.push(0, 1, b"other partition");
        let messages = pending.take_messages("x.0", 1, 2);
        let firsts: Vec<(String, Vec<u8>)> = messages
            .iter()
            .map(|m| {
                let id = String::from_utf8_lossy(&m.key).into_owned();
                (id, changes(m).iter().map(|c| c[0]).collect())
            })
            .collect();
        assert_eq!(
            firsts,
            [
                ("x.0:1:0".to_owned(), vec![0, 1]),
                ("x.0:1:1".to_owned(), vec![2, 3]),
                ("x.0:1:2".to_owned(), vec![4, 5]),
                ("x.0:1:3".to_owned(), vec![6]),
                ("x.0:1:4".to_owned(), b"o".to_vec()),
            ]
        );
        assert!(messages.iter().all(|m| m.value.len() <= MAX_MESSAGE_BYTES));
        assert_eq!(
            unpack(&[3, 0, 0, 0, 1, 2]).collect::<Vec<_>>(),
            [Err(TruncatedMessage)]
        );
        assert_eq!(unpack(&[1, 0]).collect::<Vec<_>>(), [Err(TruncatedMessage)]);
        assert_eq!(unpack(&[]).count(), 0);
    }

    /// A sender crashed after part of epoch 2 reached the topic and sent all of epoch 2 again: the
    /// reader applies every message once.
    #[test]
    fn a_resent_emission_is_applied_once() {
        let mut marks = ReadMarks::default();
        let delivered: [&[u8]; 7] = [
            b"a:1:0", b"a:1:1", b"a:2:0", // first attempt at epoch 2, cut short
            b"a:2:0", b"a:2:1", b"a:2:2", // epoch 2 again
            b"a:3:0",
        ];
        let mut applied = Vec::new();
        for key in delivered {
            if marks.accept("t", Some(key)).unwrap() {
                applied.push(key);
            }
        }
        assert_eq!(
            applied,
            [
                &b"a:1:0"[..],
                b"a:1:1",
                b"a:2:0",
                b"a:2:1",
                b"a:2:2",
                b"a:3:0"
            ]
        );
        // Senders and topics are tracked apart; marks survive a checkpoint round trip.
        assert!(marks.accept("t", Some(b"b:1:0")).unwrap());
        assert!(marks.accept("u", Some(b"a:1:0")).unwrap());
        let restored = ReadMarks::from_entries(marks.entries().map(|(k, v)| (k.clone(), *v)));
        assert_eq!(restored, marks);
        assert!(marks.accept("t", None).is_err());
        assert!(marks.accept("t", Some(b"not an id")).is_err());
    }

    #[test]
    fn job_ids_are_drawn_once_per_state_dir() {
        let dir = std::env::temp_dir().join(format!("pigc-job-id-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let first = job_id(&dir, None).unwrap();
        assert!(first.starts_with("pigc."), "{first}");
        assert_eq!(job_id(&dir, None).unwrap(), first);
        assert_eq!(
            topic_name(&first, "g.exchange.1f"),
            format!("{first}-g.exchange.1f-repartition")
        );
        std::fs::remove_dir_all(&dir).unwrap();
        assert_ne!(job_id(&dir, None).unwrap(), first);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(partition_of(u64::MAX, 4), 3);
    }

    #[test]
    fn group_job_ids_depend_on_the_group_only() {
        let dir = std::env::temp_dir().join(format!("pigc-group-job-id-{}", std::process::id()));
        let other = dir.join("other");
        let id = job_id(&dir, Some("my group")).unwrap();
        assert_eq!(id, job_id(&other, Some("my group")).unwrap());
        assert!(!dir.join(JOB_ID_FILE).exists(), "nothing to keep");
        assert_eq!(id, format!("my_group.{:08x}", fnv1a(b"my group")));
        assert_ne!(id, job_id(&dir, Some("my_group")).unwrap());
        // FNV-1a's published test vectors: the id must never change between builds.
        assert_eq!(fnv1a(b""), 0x811c_9dc5);
        assert_eq!(fnv1a(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a(b"foobar"), 0xbf9c_f968);
        assert_eq!(partition_of(9, 0), 0);
    }
}
