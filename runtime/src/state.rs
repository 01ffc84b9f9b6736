//! Operator state: keyed maps with dirty-key tracking, checkpoint hooks and event-time eviction.
//!
//! Every stateful operator has a deterministic id (a string chosen by generated code from the plan, so
//! state survives a rebuild of an unchanged script) and keeps its state in memory in keyed maps. A durable
//! executor persists it through [`OperatorState`]: after a step it exports the entries changed since the
//! last export (a deletion for entries that were removed or evicted) and writes them, together with the
//! input offsets, in one atomic commit; on start it restores every stored entry before the first step.
//!
//! Entries are encoded with [`postcard`]: a compact, deterministic serde format with a stable, documented
//! wire format (equal keys encode to equal bytes, so encoded keys can be the keys of an embedded store).
//!
//! Eviction (design.md §4): an entry may carry an event-time bucket, the largest event time of the records
//! that reached it. [`OperatorState::evict_before`] drops entries whose bucket is older than the limit
//! without emitting retractions: evicted groups simply stop being maintained.

use std::hash::Hash;

use hashbrown::{HashMap, HashSet};
use serde::de::DeserializeOwned;
use serde::Serialize;
use thiserror::Error;

/// Why state could not be exported or restored.
#[derive(Debug, Error)]
pub enum StateError {
    /// An entry could not be encoded.
    #[error("cannot encode the state of operator `{operator}`: {source}")]
    Encode {
        /// The operator's id.
        operator: String,
        /// The encoder's error.
        source: postcard::Error,
    },
    /// A stored entry does not decode as this operator's state (the plan changed, or the store is corrupt).
    #[error("cannot restore the state of operator `{operator}`: {reason}")]
    Restore {
        /// The operator's id.
        operator: String,
        /// What was wrong with the entry.
        reason: String,
    },
}

/// Receives exported state entries.
pub trait StateVisitor {
    /// The operator now holds `value` under `key`.
    fn put(&mut self, key: &[u8], value: &[u8]);
    /// The operator no longer holds anything under `key` (removed or evicted).
    fn delete(&mut self, key: &[u8]);
}

/// The checkpoint and eviction hooks of one stateful operator.
pub trait OperatorState: Send {
    /// The operator's deterministic id.
    fn id(&self) -> &str;
    /// Number of live entries.
    fn len(&self) -> usize;
    /// Whether the operator holds no entries.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Turns dirty-key tracking on or off (off by default: a batch run never checkpoints).
    fn set_track_changes(&mut self, on: bool);
    /// Reports every entry changed, removed or evicted since the last export, and forgets them.
    fn export_changes(&mut self, out: &mut dyn StateVisitor) -> Result<(), StateError>;
    /// Reports every live entry (a full snapshot).
    fn export_all(&self, out: &mut dyn StateVisitor) -> Result<(), StateError>;
    /// Takes back one exported entry. Call before the first step, then [`finish_restore`](Self::finish_restore).
    fn restore_entry(&mut self, key: &[u8], value: &[u8]) -> Result<(), StateError>;
    /// Rebuilds whatever is derived from the restored entries (e.g. the emitted top-n).
    fn finish_restore(&mut self) {}
    /// Drops every entry whose event-time bucket is older than `limit`, without emitting retractions.
    /// Returns how many entries were evicted.
    fn evict_before(&mut self, limit: i64) -> usize;
}

/// A value held in a [`KeyedState`] that may carry an event-time bucket.
pub(crate) trait Bucketed {
    /// The largest event time of the records that reached this entry, if event time is tracked.
    fn bucket(&self) -> Option<i64>;
}

/// A keyed in-memory map with dirty-key tracking and postcard export, the building block of every
/// stateful operator. `tag` prefixes exported keys so that one operator can hold several maps.
pub(crate) struct KeyedState<K, V> {
    pub(crate) map: HashMap<K, V>,
    dirty: HashSet<K>,
    track: bool,
    tag: u8,
}

impl<K, V> KeyedState<K, V>
where
    K: Eq + Hash + Clone + Serialize + DeserializeOwned,
    V: Serialize + DeserializeOwned + Bucketed,
{
    pub(crate) fn new(tag: u8) -> Self {
        Self {
            map: HashMap::new(),
            dirty: HashSet::new(),
            track: false,
            tag,
        }
    }

    pub(crate) fn set_track(&mut self, on: bool) {
        self.track = on;
        if !on {
            self.dirty.clear();
        }
    }

    /// Records that the entry under `key` changed (or was removed) since the last export.
    #[inline]
    pub(crate) fn mark_dirty(&mut self, key: &K) {
        if self.track && !self.dirty.contains(key) {
            self.dirty.insert(key.clone());
        }
    }

    fn encode_key(&self, id: &str, key: &K, buf: &mut Vec<u8>) -> Result<(), StateError> {
        buf.clear();
        buf.push(self.tag);
        postcard::to_io(key, &mut *buf).map_err(|source| StateError::Encode {
            operator: id.to_owned(),
            source,
        })?;
        Ok(())
    }

    pub(crate) fn export_changes(
        &mut self,
        id: &str,
        out: &mut dyn StateVisitor,
    ) -> Result<(), StateError> {
        let mut key_buf = Vec::new();
        let dirty = std::mem::take(&mut self.dirty);
        for key in &dirty {
            self.encode_key(id, key, &mut key_buf)?;
            match self.map.get(key) {
                Some(value) => {
                    let bytes = encode(id, value)?;
                    out.put(&key_buf, &bytes);
                }
                None => out.delete(&key_buf),
            }
        }
        Ok(())
    }

    pub(crate) fn export_all(
        &self,
        id: &str,
        out: &mut dyn StateVisitor,
    ) -> Result<(), StateError> {
        let mut key_buf = Vec::new();
        for (key, value) in &self.map {
            self.encode_key(id, key, &mut key_buf)?;
            out.put(&key_buf, &encode(id, value)?);
        }
        Ok(())
    }

    /// Restores an entry whose exported key starts with this map's tag; returns false if it does not.
    pub(crate) fn restore_entry(
        &mut self,
        id: &str,
        key: &[u8],
        value: &[u8],
    ) -> Result<bool, StateError> {
        match key.split_first() {
            Some((tag, rest)) if *tag == self.tag => {
                let k: K = decode(id, rest)?;
                let v: V = decode(id, value)?;
                self.map.insert(k, v);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    pub(crate) fn evict_before(&mut self, limit: i64) -> usize {
        let before = self.map.len();
        let track = self.track;
        let dirty = &mut self.dirty;
        self.map.retain(|k, v| {
            let keep = v.bucket().is_none_or(|b| b >= limit);
            if !keep && track {
                dirty.insert(k.clone());
            }
            keep
        });
        before - self.map.len()
    }
}

fn encode<V: Serialize>(id: &str, value: &V) -> Result<Vec<u8>, StateError> {
    postcard::to_stdvec(value).map_err(|source| StateError::Encode {
        operator: id.to_owned(),
        source,
    })
}

fn decode<V: DeserializeOwned>(id: &str, bytes: &[u8]) -> Result<V, StateError> {
    postcard::from_bytes(bytes).map_err(|e| StateError::Restore {
        operator: id.to_owned(),
        reason: e.to_string(),
    })
}

/// Raises an entry's bucket to `time` (buckets hold the largest event time seen).
#[inline]
pub(crate) fn raise_bucket(bucket: &mut Option<i64>, time: Option<i64>) {
    if let Some(t) = time {
        *bucket = Some(bucket.map_or(t, |b| b.max(t)));
    }
}

/// Receives the exported state of a whole dataflow: like [`StateVisitor`], with the operator's
/// deterministic id.
pub trait CheckpointVisitor {
    /// Operator `operator` now holds `value` under `key`.
    fn put(&mut self, operator: &str, key: &[u8], value: &[u8]);
    /// Operator `operator` no longer holds anything under `key`.
    fn delete(&mut self, operator: &str, key: &[u8]);
}

/// Adapts a [`CheckpointVisitor`] to one operator's [`StateVisitor`].
pub(crate) struct ForOperator<'v> {
    pub(crate) operator: String,
    pub(crate) visitor: &'v mut dyn CheckpointVisitor,
}

impl StateVisitor for ForOperator<'_> {
    fn put(&mut self, key: &[u8], value: &[u8]) {
        self.visitor.put(&self.operator, key, value);
    }
    fn delete(&mut self, key: &[u8]) {
        self.visitor.delete(&self.operator, key);
    }
}

/// A checkpoint visitor that collects entries in memory: for tests and for simple stores.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CollectedState {
    /// `(operator, key, value)` entries put, in export order.
    pub puts: Vec<(String, Vec<u8>, Vec<u8>)>,
    /// `(operator, key)` entries deleted, in export order.
    pub deletes: Vec<(String, Vec<u8>)>,
}

impl CheckpointVisitor for CollectedState {
    fn put(&mut self, operator: &str, key: &[u8], value: &[u8]) {
        self.puts
            .push((operator.to_owned(), key.to_vec(), value.to_vec()));
    }
    fn delete(&mut self, operator: &str, key: &[u8]) {
        self.deletes.push((operator.to_owned(), key.to_vec()));
    }
}
