//! Output between two emissions: the job's weighted changes, consolidated, and the Kafka messages they
//! become at an emission (design.md §4's wire format).

use std::collections::BTreeMap;

use super::job::{OutputChanges, SinkMode};
use super::repartition::PendingRepartition;

/// Output changes since the last emission, consolidated: per upsert-sink key the last write (a row or a
/// delete), per insert-sink row its net weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingOutput {
    modes: Vec<SinkMode>,
    /// (sink, key) → the row now under the key, or `None` for a delete.
    upserts: BTreeMap<(u32, Vec<u8>), Option<Vec<u8>>>,
    /// (sink, row) → net weight.
    inserts: BTreeMap<(u32, Vec<u8>), i64>,
    /// Changes leaving through exchanges, sent at every checkpoint (never stored as pending).
    repartition: PendingRepartition,
}

impl OutputChanges for PendingOutput {
    fn change(&mut self, sink: usize, key: &[u8], value: &[u8], weight: i64) {
        if weight == 0 {
            return;
        }
        let mode = self.modes.get(sink).copied().unwrap_or(SinkMode::Insert);
        let sink = u32::try_from(sink).unwrap_or(u32::MAX);
        match mode {
            SinkMode::Upsert => {
                let row = (weight > 0).then(|| value.to_vec());
                self.upserts.insert((sink, key.to_vec()), row);
            }
            SinkMode::Insert => {
                let entry = (sink, value.to_vec());
                let net = self.inserts.get(&entry).copied().unwrap_or(0) + weight;
                if net == 0 {
                    self.inserts.remove(&entry);
                } else {
                    self.inserts.insert(entry, net);
                }
            }
        }
    }

    fn exchange(&mut self, exchange: usize, key_hash: u64, payload: &[u8]) {
        self.repartition.push(exchange, key_hash, payload);
    }
}

impl PendingOutput {
    /// An empty buffer for sinks of the given modes (by sink index).
    pub fn new(modes: Vec<SinkMode>) -> Self {
        Self {
            modes,
            upserts: BTreeMap::new(),
            inserts: BTreeMap::new(),
            repartition: PendingRepartition::default(),
        }
    }

    /// True when no sink output is waiting for the next emission.
    pub fn is_empty(&self) -> bool {
        self.upserts.is_empty() && self.inserts.is_empty()
    }

    /// True when changes wait to leave through exchanges.
    pub fn has_repartition(&self) -> bool {
        !self.repartition.is_empty()
    }

    /// The changes waiting to leave through exchanges.
    pub fn repartition(&mut self) -> &mut PendingRepartition {
        &mut self.repartition
    }

    /// Every pending change as (sink, key, row, weight) in a stable order, in the form
    /// [`OutputChanges::change`] takes back: an upsert is weight 1, a delete weight −1 with an empty row,
    /// an insert-sink row has an empty key and its net weight.
    pub fn entries(&self) -> impl Iterator<Item = (u32, &[u8], &[u8], i64)> + '_ {
        let upserts = self.upserts.iter().map(|((sink, key), row)| match row {
            Some(row) => (*sink, key.as_slice(), row.as_slice(), 1),
            None => (*sink, key.as_slice(), &[][..], -1),
        });
        let inserts = self
            .inserts
            .iter()
            .map(|((sink, row), weight)| (*sink, &[][..], row.as_slice(), *weight));
        upserts.chain(inserts)
    }

    /// Turns the pending changes into the messages of one emission and empties the buffer.
    ///
    /// Upsert sinks get, per key, the last row written under it or a tombstone. Insert sinks get one
    /// message per unit of weight, keyed by the deterministic id `TASK:EPOCH:SEQ` ([`record_id`]), which
    /// is what lets a restarted job skip the messages a crashed run already wrote.
    pub fn take_messages(&mut self, task: &str, epoch: u64) -> Vec<OutboxMessage> {
        let mut messages = Vec::new();
        for ((sink, key), row) in std::mem::take(&mut self.upserts) {
            messages.push(OutboxMessage {
                sink,
                op: if row.is_some() {
                    OutputOp::Upsert
                } else {
                    OutputOp::Delete
                },
                key,
                value: row.unwrap_or_default(),
            });
        }
        let mut seq = 0u64;
        for ((sink, row), weight) in std::mem::take(&mut self.inserts) {
            let op = if weight > 0 {
                OutputOp::Insert
            } else {
                OutputOp::Retract
            };
            for _ in 0..weight.unsigned_abs() {
                messages.push(OutboxMessage {
                    sink,
                    op,
                    key: record_id(task, epoch, seq),
                    value: row.clone(),
                });
                seq += 1;
            }
        }
        messages
    }
}

/// The deterministic id of the `seq`-th message of a kind that task `task` sends in emission `epoch`:
/// `TASK:EPOCH:SEQ`. Task names hold no `:` (see [`parse_record_id`]).
pub fn record_id(task: &str, epoch: u64, seq: u64) -> Vec<u8> {
    format!("{task}:{epoch}:{seq}").into_bytes()
}

/// Splits a [`record_id`] into task, epoch and sequence number.
pub fn parse_record_id(id: &[u8]) -> Option<(&str, u64, u64)> {
    let text = std::str::from_utf8(id).ok()?;
    let mut parts = text.rsplitn(3, ':');
    let seq = parts.next()?.parse().ok()?;
    let epoch = parts.next()?.parse().ok()?;
    Some((parts.next()?, epoch, seq))
}

/// The `pigc.op` header value of a watermark message on a repartition topic.
pub const WATERMARK_HEADER: &str = "watermark";

/// What one output message does to the output table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputOp {
    /// Upsert sink: the key now maps to the value.
    Upsert,
    /// Upsert sink: the key is gone (tombstone, null value).
    Delete,
    /// Insert sink: one more copy of the row (header `pigc.op: insert`).
    Insert,
    /// Insert sink: one copy of the row less (header `pigc.op: retract`).
    Retract,
    /// A change leaving through an exchange (the message's `sink` is the exchange index), for this
    /// partition of its repartition topic.
    Repartition(i32),
    /// The sending task's event-time watermark on an exchange's topic, for this partition (header
    /// `pigc.op: watermark`; see [`super::watermark`]).
    Watermark(i32),
}

impl OutputOp {
    fn tag(self) -> u8 {
        match self {
            Self::Upsert => 0,
            Self::Delete => 1,
            Self::Insert => 2,
            Self::Retract => 3,
            Self::Repartition(_) => 4,
            Self::Watermark(_) => 5,
        }
    }

    /// The `pigc.op` header of an insert sink's message or a watermark.
    pub fn header(self) -> Option<&'static str> {
        match self {
            Self::Insert => Some("insert"),
            Self::Retract => Some("retract"),
            Self::Watermark(_) => Some(WATERMARK_HEADER),
            Self::Upsert | Self::Delete | Self::Repartition(_) => None,
        }
    }

    /// The repartition-topic partition a change or watermark goes to.
    pub fn partition(self) -> Option<i32> {
        match self {
            Self::Repartition(partition) | Self::Watermark(partition) => Some(partition),
            Self::Upsert | Self::Delete | Self::Insert | Self::Retract => None,
        }
    }
}

/// One message of an emission, kept in the checkpoint's outbox until the broker has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    /// Sink index.
    pub sink: u32,
    /// What it does.
    pub op: OutputOp,
    /// Message key: the group key (upsert) or the record id (insert, repartition).
    pub key: Vec<u8>,
    /// Message value (empty and sent as null for a delete).
    pub value: Vec<u8>,
}

impl OutboxMessage {
    /// Length-prefixed bytes for the state store.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(13 + self.key.len() + self.value.len());
        out.extend_from_slice(&self.sink.to_le_bytes());
        out.push(self.op.tag());
        if let Some(partition) = self.op.partition() {
            out.extend_from_slice(&partition.to_le_bytes());
        }
        put_bytes(&mut out, &self.key);
        put_bytes(&mut out, &self.value);
        out
    }

    /// Reads bytes written by [`encode`](Self::encode); `None` if they are not such bytes.
    pub fn decode(bytes: &[u8]) -> Option<Self> {
        let (sink, rest) = take_u32(bytes)?;
        let (&tag, rest) = rest.split_first()?;
        let (op, rest) = match tag {
            0 => (OutputOp::Upsert, rest),
            1 => (OutputOp::Delete, rest),
            2 => (OutputOp::Insert, rest),
            3 => (OutputOp::Retract, rest),
            4 => {
                let (partition, rest) = take_u32(rest)?;
                (OutputOp::Repartition(partition as i32), rest)
            }
            5 => {
                let (partition, rest) = take_u32(rest)?;
                (OutputOp::Watermark(partition as i32), rest)
            }
            _ => return None,
        };
        let (key, rest) = take_bytes(rest)?;
        let (value, rest) = take_bytes(rest)?;
        rest.is_empty().then(|| Self {
            sink,
            op,
            key: key.to_vec(),
            value: value.to_vec(),
        })
    }
}

/// Encodes a pending entry's (sink, key, row) as one store key.
pub fn encode_pending_key(sink: u32, key: &[u8], value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(12 + key.len() + value.len());
    out.extend_from_slice(&sink.to_le_bytes());
    put_bytes(&mut out, key);
    put_bytes(&mut out, value);
    out
}

/// Reads a store key written by [`encode_pending_key`].
pub fn decode_pending_key(bytes: &[u8]) -> Option<(u32, Vec<u8>, Vec<u8>)> {
    let (sink, rest) = take_u32(bytes)?;
    let (key, rest) = take_bytes(rest)?;
    let (value, rest) = take_bytes(rest)?;
    rest.is_empty()
        .then(|| (sink, key.to_vec(), value.to_vec()))
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(bytes);
}

fn take_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (head, rest) = bytes.split_first_chunk::<4>()?;
    Some((u32::from_le_bytes(*head), rest))
}

fn take_bytes(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, rest) = take_u32(bytes)?;
    let len = usize::try_from(len).ok()?;
    (rest.len() >= len).then(|| rest.split_at(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upsert_keeps_the_last_write_per_key() {
        let mut pending = PendingOutput::new(vec![SinkMode::Upsert]);
        pending.change(0, b"a", b"a,9", 1);
        pending.change(0, b"a", b"a,2", 1);
        pending.change(0, b"b", b"b,7", -1);
        let messages = pending.take_messages("t", 1);
        assert!(pending.is_empty());
        let ops: Vec<_> = messages
            .iter()
            .map(|m| (m.key.as_slice(), m.op, m.value.as_slice()))
            .collect();
        assert_eq!(
            ops,
            vec![
                (&b"a"[..], OutputOp::Upsert, &b"a,2"[..]),
                (&b"b"[..], OutputOp::Delete, &b""[..]),
            ]
        );
    }

    #[test]
    fn inserts_get_one_message_per_unit_with_distinct_ids() {
        let mut pending = PendingOutput::new(vec![SinkMode::Insert]);
        pending.change(0, b"", b"x", 2);
        pending.change(0, b"", b"y", -1);
        pending.change(0, b"", b"z", 1);
        pending.change(0, b"", b"z", -1);
        let messages = pending.take_messages("in.events.3", 9);
        let keys: Vec<_> = messages
            .iter()
            .map(|m| String::from_utf8_lossy(&m.key).into_owned())
            .collect();
        assert_eq!(
            keys,
            ["in.events.3:9:0", "in.events.3:9:1", "in.events.3:9:2"]
        );
        assert_eq!(
            parse_record_id(&messages[1].key),
            Some(("in.events.3", 9, 1))
        );
        assert_eq!(parse_record_id(b"9:1"), None);
        assert_eq!(parse_record_id(b"t:x:1"), None);
        assert_eq!(messages[2].op, OutputOp::Retract);
    }

    #[test]
    fn outbox_messages_and_pending_keys_round_trip() {
        let message = OutboxMessage {
            sink: 2,
            op: OutputOp::Retract,
            key: b"1:2:3".to_vec(),
            value: b"row".to_vec(),
        };
        assert_eq!(OutboxMessage::decode(&message.encode()), Some(message));
        let repartition = OutboxMessage {
            sink: 1,
            op: OutputOp::Repartition(7),
            key: b"x.1:2:3".to_vec(),
            value: vec![0, 1, 2],
        };
        assert_eq!(
            OutboxMessage::decode(&repartition.encode()),
            Some(repartition)
        );
        assert_eq!(OutboxMessage::decode(b"\x01\x00"), None);
        let key = encode_pending_key(1, b"k", b"v");
        assert_eq!(
            decode_pending_key(&key),
            Some((1, b"k".to_vec(), b"v".to_vec()))
        );
    }
}
