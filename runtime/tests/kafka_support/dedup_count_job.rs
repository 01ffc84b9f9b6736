//! A small job written by hand against the stream executor's contract, standing in for generated code:
//!
//! ```pig
//! events = LOAD 'events' USING PigStorage(',') AS (user:chararray, session:chararray, ts:long);
//! uniq   = DISTINCT events;
//! g      = GROUP uniq BY user;
//! counts = FOREACH g GENERATE group, COUNT(uniq);
//! STORE counts INTO 'counts';   -- upserts keyed by user
//! STORE uniq INTO 'uniq';       -- inserts
//! ```
//!
//! With a retention, DISTINCT entries and groups older than the watermark (largest `ts` seen) minus the
//! retention are evicted, as `SET pigc.event_time 'events.ts'; SET pigc.retention ...` asks.

use std::collections::{BTreeMap, HashMap, HashSet};

use pigc_runtime::format::DecodeError;
use pigc_runtime::kafka::{
    JobError, JobFactory, OutputChanges, RestoreError, SinkMode, SinkSpec, SourceSpec, StateSink,
    StreamJob,
};

/// Operator ids, as generated code would derive them from the plan.
const DISTINCT: &str = "uniq";
const GROUP: &str = "g";

/// The job's factory: locations and the optional retention in event-time units.
pub struct DedupCountFactory {
    /// Evict state older than the watermark minus this, if set.
    pub retention: Option<i64>,
}

impl JobFactory for DedupCountFactory {
    type Job = DedupCountJob;

    fn sources(&self) -> Vec<SourceSpec> {
        vec![SourceSpec {
            location: "events".into(),
        }]
    }

    fn sinks(&self) -> Vec<SinkSpec> {
        vec![
            SinkSpec {
                location: "counts".into(),
                mode: SinkMode::Upsert,
            },
            SinkSpec {
                location: "uniq".into(),
                mode: SinkMode::Insert,
            },
        ]
    }

    fn create(&self) -> DedupCountJob {
        DedupCountJob {
            retention: self.retention,
            ..DedupCountJob::default()
        }
    }
}

/// One task's instance of the job.
#[derive(Default)]
pub struct DedupCountJob {
    retention: Option<i64>,
    pending: Vec<(String, i64)>,
    /// DISTINCT's state: line → event time.
    seen: HashMap<String, i64>,
    /// GROUP's state: user → (count, latest event time).
    counts: HashMap<String, (i64, i64)>,
    watermark: i64,
    dirty_seen: HashSet<String>,
    dirty_counts: HashSet<String>,
}

/// Parses `user,session,ts`; the same function gives the batch answer in tests.
pub fn parse(payload: &[u8]) -> Result<(String, i64), DecodeError> {
    let line = std::str::from_utf8(payload).map_err(|_| DecodeError::new("not UTF-8"))?;
    let fields: Vec<&str> = line.split(',').collect();
    if fields.len() != 3 {
        return Err(DecodeError::new(format!(
            "expected 3 fields, found {}",
            fields.len()
        )));
    }
    let ts = fields[2]
        .parse()
        .map_err(|_| DecodeError::new(format!("ts {:?} is not a long", fields[2])))?;
    Ok((line.to_owned(), ts))
}

/// The batch answer over `lines`: user → number of distinct lines (malformed lines skipped).
pub fn batch_counts<'a>(lines: impl IntoIterator<Item = &'a [u8]>) -> BTreeMap<String, i64> {
    let distinct: HashSet<String> = lines
        .into_iter()
        .filter_map(|l| parse(l).ok())
        .map(|(line, _)| line)
        .collect();
    let mut counts = BTreeMap::new();
    for line in distinct {
        *counts.entry(user_of(&line).to_owned()).or_default() += 1;
    }
    counts
}

fn user_of(line: &str) -> &str {
    line.split(',').next().unwrap_or_default()
}

impl StreamJob for DedupCountJob {
    fn push(&mut self, source: usize, payload: &[u8]) -> Result<(), DecodeError> {
        assert_eq!(source, 0);
        self.pending.push(parse(payload)?);
        Ok(())
    }

    fn step(&mut self, output: &mut dyn OutputChanges) -> Result<(), JobError> {
        let mut changed_users = BTreeMap::new();
        for (line, ts) in std::mem::take(&mut self.pending) {
            self.watermark = self.watermark.max(ts);
            if self.seen.contains_key(&line) {
                continue; // the anti-join: a line already in DISTINCT's state changes nothing
            }
            self.seen.insert(line.clone(), ts);
            self.dirty_seen.insert(line.clone());
            output.change(1, b"", line.as_bytes(), 1);
            let user = user_of(&line).to_owned();
            let entry = self.counts.entry(user.clone()).or_insert((0, ts));
            entry.0 += 1;
            entry.1 = entry.1.max(ts);
            self.dirty_counts.insert(user.clone());
            changed_users.insert(user, entry.0);
        }
        for (user, count) in changed_users {
            output.change(0, user.as_bytes(), format!("{user},{count}").as_bytes(), 1);
        }
        if let Some(retention) = self.retention {
            let limit = self.watermark - retention;
            let dirty = &mut self.dirty_seen;
            self.seen.retain(|line, ts| {
                let keep = *ts >= limit;
                if !keep {
                    dirty.insert(line.clone());
                }
                keep
            });
            let dirty = &mut self.dirty_counts;
            self.counts.retain(|user, (_, ts)| {
                let keep = *ts >= limit;
                if !keep {
                    dirty.insert(user.clone());
                }
                keep
            });
        }
        Ok(())
    }

    fn export_state(&mut self, state: &mut dyn StateSink) -> Result<(), JobError> {
        for line in self.dirty_seen.drain() {
            match self.seen.get(&line) {
                Some(ts) => state.put(DISTINCT, line.as_bytes(), &ts.to_le_bytes()),
                None => state.delete(DISTINCT, line.as_bytes()),
            }
        }
        for user in self.dirty_counts.drain() {
            match self.counts.get(&user) {
                Some((count, ts)) => {
                    let mut value = count.to_le_bytes().to_vec();
                    value.extend_from_slice(&ts.to_le_bytes());
                    state.put(GROUP, user.as_bytes(), &value);
                }
                None => state.delete(GROUP, user.as_bytes()),
            }
        }
        Ok(())
    }

    fn restore_state(
        &mut self,
        operator: &str,
        key: &[u8],
        value: &[u8],
    ) -> Result<(), RestoreError> {
        let bad = |reason: &str| RestoreError {
            operator: operator.to_owned(),
            reason: reason.to_owned(),
        };
        let key = String::from_utf8(key.to_vec()).map_err(|_| bad("key is not UTF-8"))?;
        let long = |bytes: &[u8]| -> Result<i64, RestoreError> {
            Ok(i64::from_le_bytes(
                bytes.try_into().map_err(|_| bad("bad value"))?,
            ))
        };
        match operator {
            DISTINCT => {
                let ts = long(value)?;
                self.watermark = self.watermark.max(ts);
                self.seen.insert(key, ts);
            }
            GROUP if value.len() == 16 => {
                let ts = long(&value[8..])?;
                self.watermark = self.watermark.max(ts);
                self.counts.insert(key, (long(&value[..8])?, ts));
            }
            _ => return Err(bad("unknown operator or bad value")),
        }
        Ok(())
    }

    fn finish_restore(&mut self) {}

    fn state_entries(&self) -> usize {
        self.seen.len() + self.counts.len()
    }
}
