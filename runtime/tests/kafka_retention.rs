//! State stays bounded with `pigc.retention` and grows without it (design.md §4), measured over a long
//! run of a real dataflow (DISTINCT after LOAD, then GROUP/COUNT) on the broker: every event has a new
//! session, so DISTINCT's state grows by one entry per event unless old entries are evicted.

mod kafka_support;

use pigc_runtime::exec::stream_job::DataflowJobFactory;
use pigc_runtime::format::{DecodeError, FieldReader, FieldWriter, PigStorage, TextRecord};
use pigc_runtime::kafka::{run_stream, StreamArgs, StreamSummary};
use pigc_runtime::prelude::*;
use serde::{Deserialize, Serialize};
use std::time::Duration;

use kafka_support::*;

const EVENTS: usize = 40_000;
/// Event time advances one second per event; the retention keeps one minute of it.
const RETENTION_MS: i64 = 60_000;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Event {
    user: Option<String>,
    session: Option<String>,
    ts: Option<i64>,
}

impl TextRecord for Event {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Event {
            user: r.chararray(),
            session: r.chararray(),
            ts: r.long(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.session);
        w.field(&self.ts);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct User {
    user: Option<String>,
}

impl TextRecord for User {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(User {
            user: r.chararray(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.user);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Count {
    user: Option<String>,
    n: i64,
}

impl TextRecord for Count {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Count {
            user: r.chararray(),
            n: r.long().unwrap_or(0),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.n);
    }
}

/// `uniq = DISTINCT events; g = GROUP uniq BY user; counts = FOREACH g GENERATE group, COUNT_STAR(uniq);`
fn pipeline(df: &mut Dataflow) {
    let time = |e: &Event| e.ts.unwrap_or(i64::MIN);
    let events = df
        .source::<Event, _>("events", PigStorage::new(b','))
        .event_time(time);
    events
        .distinct("uniq")
        .event_time(time)
        .key_by(|e| User {
            user: e.user.clone(),
        })
        .aggregate("g", count_star(), |user, n| Count {
            user: user.user.clone(),
            n,
        })
        .sink_upsert(
            "counts",
            PigStorage::new(b','),
            |row: &Count| User {
                user: row.user.clone(),
            },
            PigStorage::new(b','),
        );
}

fn with_retention(df: &mut Dataflow) {
    df.set_retention_ms(RETENTION_MS);
    pipeline(df);
}

fn run(build: fn(&mut Dataflow), name: &str, events_topic: &str) -> StreamSummary {
    let args = StreamArgs {
        brokers: Some(broker().to_owned()),
        topics: vec![
            format!("events={events_topic}"),
            format!("counts={}", unique(&format!("{name}-counts"))),
        ],
        state_dir: temp_dir(name),
        until_idle: Some(Duration::from_secs(2)),
        emit_interval: Some(Duration::from_millis(500)),
        checkpoint_interval: Duration::from_millis(500),
        log_interval: Duration::from_secs(5),
        ..StreamArgs::default()
    };
    run_stream(&DataflowJobFactory::new(build), &args, None).expect("stream run")
}

#[test]
fn state_stays_flat_with_retention_and_grows_without() {
    init_logging();
    let topic = unique("retention-events");
    create_topic(&topic, 4);
    let records: Vec<(i32, Vec<u8>)> = (0..EVENTS)
        .map(|i| {
            let line = format!("user{},s{i},{}", i % 100, i as i64 * 1000);
            ((i % 4) as i32, line.into_bytes())
        })
        .collect();
    produce(&topic, &records);
    let bounded = run(with_retention, "retention-on", &topic);
    let unbounded = run(pipeline, "retention-off", &topic);
    eprintln!(
        "state over {EVENTS} events: with retention peak {} / final {} entries, {} bytes on disk; \
         without retention peak {} / final {} entries, {} bytes on disk",
        bounded.peak_state_entries,
        bounded.final_state_entries,
        bounded.final_state_bytes,
        unbounded.peak_state_entries,
        unbounded.final_state_entries,
        unbounded.final_state_bytes,
    );
    assert_eq!(bounded.records_in, EVENTS as u64);
    assert_eq!(unbounded.records_in, EVENTS as u64);
    // Without retention DISTINCT keeps every event and GROUP every user.
    assert_eq!(unbounded.final_state_entries, EVENTS + 100);
    // With it, each task keeps about one minute of events (60 s over 4 tasks) plus the users seen in
    // that minute, however long the run: far below the event count, whatever the chunking.
    assert!(
        bounded.peak_state_entries < EVENTS / 10,
        "state grew with retention: peak {}",
        bounded.peak_state_entries
    );
    assert!(bounded.final_state_entries <= 4 * (60 + 100) + 8);
}
