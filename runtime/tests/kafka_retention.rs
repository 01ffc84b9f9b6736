//! State stays bounded with `pigc.retention` and grows without it (design.md §4), measured over a long
//! run of a real dataflow (DISTINCT after LOAD, then GROUP/COUNT) on the broker: every event has a new
//! session, so DISTINCT's state grows by one entry per event unless old entries are evicted.
//!
//! With the keyed operators behind repartition topics, a repartition task evicts by the minimum of the
//! watermarks of the tasks that feed it (`kafka::watermark`): state stays bounded, and no group is
//! evicted while a slower partition still feeds it, even when another partition runs far ahead in
//! event time. Both are checked against exact counts.

mod kafka_support;

use pigc_runtime::exec::stream_job::DataflowJobFactory;
use pigc_runtime::format::{DecodeError, FieldReader, FieldWriter, PigStorage, TextRecord};
use pigc_runtime::kafka::{run_stream, StreamArgs, StreamSummary};
use pigc_runtime::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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

/// The same script as the Kafka executor runs it when the input is not partitioned by either key: DISTINCT
/// and GROUP behind exchanges (repartition topics).
fn repartitioned(df: &mut Dataflow, retention_ms: i64) {
    df.set_retention_ms(retention_ms);
    let time = |e: &Event| e.ts.unwrap_or(i64::MIN);
    df.source::<Event, _>("events", PigStorage::new(b','))
        .event_time(time)
        .exchange("events.exchange", |e| e.clone())
        .distinct("uniq")
        .event_time(time)
        .exchange("uniq.exchange", |e| (e.user.clone(),))
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

/// Retention 200 s: twice the event time between two events of one user in [`many_users`].
fn repartitioned_200s(df: &mut Dataflow) {
    repartitioned(df, 200_000);
}

/// Retention 1 h: [`a_partition_running_ahead`]'s users get an event every 100 s.
fn repartitioned_1h(df: &mut Dataflow) {
    repartitioned(df, 3_600_000);
}

fn with_retention(df: &mut Dataflow) {
    df.set_retention_ms(RETENTION_MS);
    pipeline(df);
}

fn run(build: fn(&mut Dataflow), name: &str, events_topic: &str) -> StreamSummary {
    run_into(
        build,
        name,
        events_topic,
        &unique(&format!("{name}-counts")),
    )
}

fn run_into(
    build: fn(&mut Dataflow),
    name: &str,
    events_topic: &str,
    counts_topic: &str,
) -> StreamSummary {
    let args = StreamArgs {
        brokers: Some(broker().to_owned()),
        topics: vec![
            format!("events={events_topic}"),
            format!("counts={counts_topic}"),
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

/// The counts topic applied as an upsert changelog: user → count.
fn applied_counts(topic: &str) -> BTreeMap<String, i64> {
    apply_upserts(&read_all(topic))
        .into_values()
        .map(|row| {
            let row = String::from_utf8(row).expect("utf-8 rows");
            let (user, n) = row.split_once(',').expect("user,count");
            (user.to_owned(), n.parse().expect("a count"))
        })
        .collect()
}

/// 40,000 events of 100 users spread over 4 partitions in runs of 7, so that a user's events come
/// from every partition; event time advances one second per event, so a user has an event every
/// 100 s and DISTINCT an entry per event.
fn many_users() -> Vec<(i32, Vec<u8>)> {
    (0..EVENTS)
        .map(|i| {
            let line = format!("user{},s{i},{}", i % 100, i as i64 * 1000);
            (((i / 7) % 4) as i32, line.into_bytes())
        })
        .collect()
}

#[test]
fn repartitioned_state_stays_bounded_and_counts_stay_exact() {
    init_logging();
    let topic = unique("watermark-events");
    create_topic(&topic, 4);
    let events = many_users();
    let counts = unique("watermark-counts");
    // The events arrive in 40 bursts while the job runs, as a stream does.
    produce(&topic, &events[..1_000]);
    let job = {
        let (topic, counts) = (topic.clone(), counts.clone());
        std::thread::spawn(move || run_into(repartitioned_200s, "watermark", &topic, &counts))
    };
    for burst in events[1_000..].chunks(1_000) {
        std::thread::sleep(Duration::from_millis(300));
        produce(&topic, burst);
    }
    let summary = job.join().expect("the job thread");
    eprintln!(
        "repartitioned, retention 200 s, {EVENTS} events: state peak {} / final {} entries \
         (without retention: {} at the end)",
        summary.peak_state_entries,
        summary.final_state_entries,
        EVENTS + 100,
    );
    assert_eq!(summary.records_in, EVENTS as u64);
    // No user goes 200 s of event time without an event, and no task evicts past a partition that
    // has not caught up: every group keeps its whole count.
    let expected: BTreeMap<String, i64> = (0..100).map(|u| (format!("user{u}"), 400)).collect();
    assert_eq!(applied_counts(&counts), expected);
    // Evicted as the slowest partition advances, a few checkpoints behind the newest events: state
    // stays far below the event count, and at the end DISTINCT keeps about 200 s of events.
    assert!(
        summary.peak_state_entries < EVENTS / 4,
        "state peak: {}",
        summary.peak_state_entries
    );
    assert!(
        summary.final_state_entries < 1_000,
        "state at the end: {}",
        summary.final_state_entries
    );
}

/// Partition 1 holds 50 events of one user spread over 10 hours of event time and is read at once;
/// partition 0 holds 3,000 events of 10 users over 8.3 hours, produced in bursts while the job runs.
/// A repartition task that evicted by the newest event time it saw (10 h) would drop the groups
/// partition 0 is still feeding and restart their counts; the minimum over partitions does not.
#[test]
fn a_partition_running_ahead() {
    init_logging();
    let topic = unique("ahead-events");
    create_topic(&topic, 2);
    let ahead: Vec<(i32, Vec<u8>)> = (0..50)
        .map(|i| (1, format!("ahead,a{i},{}", i * 720_000).into_bytes()))
        .collect();
    let behind: Vec<(i32, Vec<u8>)> = (0..3_000)
        .map(|i| {
            (
                0,
                format!("user{},b{i},{}", i % 10, i * 10_000).into_bytes(),
            )
        })
        .collect();
    produce(&topic, &ahead);
    produce(&topic, &behind[..300]);
    let counts = unique("ahead-counts");
    let job = {
        let (topic, counts) = (topic.clone(), counts.clone());
        std::thread::spawn(move || run_into(repartitioned_1h, "ahead", &topic, &counts))
    };
    for burst in behind[300..].chunks(300) {
        std::thread::sleep(Duration::from_millis(700));
        produce(&topic, burst);
    }
    let summary = job.join().expect("the job thread");
    assert_eq!(summary.records_in, 3_050);
    let mut expected: BTreeMap<String, i64> = (0..10).map(|u| (format!("user{u}"), 300)).collect();
    expected.insert("ahead".to_owned(), 50);
    assert_eq!(applied_counts(&counts), expected);
}
