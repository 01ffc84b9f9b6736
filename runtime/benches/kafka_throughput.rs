//! Throughput of stream jobs against a consume-only loop with the same client on the same broker, in
//! one run (issue #7: goal ≥ 80 %). All read the same 4-partition topic of `RECORDS` PigStorage-like
//! lines `user,session,ts` from the start; criterion reports records/s for each, and a last table gives
//! every job's median records/s as a ratio to the consume-only median of the same run.
//!
//! - `stream_group_count`: a hand-written job against the executor's contract: parses every line,
//!   groups by user and counts (upserts keyed by user).
//! - `dataflow_group_by_partition_key`: the same query as a runtime [`Dataflow`], as generated code
//!   builds it, grouping by user. Users are partitioned like the input (partition = record number mod 4,
//!   user = record number mod 1000), so no exchange is needed.
//! - `dataflow_group_with_repartition`: the same dataflow grouping by session instead, whose records
//!   are spread over every input partition: the GROUP goes through [`Stream::exchange`], so every change
//!   is written to the job's repartition topic (packed into messages), read back by a repartition task
//!   and deduplicated by its read marks. Sessions and users have the same count (1000), so state and
//!   output are the same size as in the previous case and the difference between the two is the cost
//!   of the repartition hop.
//!
//! Every job checkpoints and emits every second (production emits every 10 minutes), with exactly-once
//! output as in production. `--until-idle` ends a run; its idle wait is subtracted from the time, and so
//! is the job's startup (clients, topics, restoring every task from its store or changelog:
//! [`StreamSummary::startup`](pigc_runtime::kafka::StreamSummary)), as the consume-only loop's clock
//! starts at its assignment; the closing table prints the median startup of each job apart. A job
//! with an exchange may wait up to one more idle period (or until its next emission) before it sends
//! its last repartition messages, and its read-back then pays the broker's fetch wait once more; both
//! are counted, which makes its figure a lower bound. Every client keeps librdkafka's defaults.
//!
//! Run: `cargo bench -p pigc-runtime --features kafka --bench kafka_throughput` (starts the test broker
//! through `tests/kafka-broker`; about 3 minutes). `RUST_LOG=pigc_runtime=debug` logs how long each
//! emission takes. The first run of each job also checks, untimed, that its output counts every record
//! once.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pigc_runtime::dataflow::{Dataflow, Stream};
use pigc_runtime::exec::stream_job::DataflowJobFactory;
use pigc_runtime::format::{DecodeError, FieldReader, FieldWriter, PigStorage, TextRecord};
use pigc_runtime::kafka::{
    run_stream, JobError, JobFactory, OutputChanges, RestoreError, SinkMode, SinkSpec, SourceSpec,
    StateSink, StreamArgs, StreamJob,
};
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::Message;
use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use rdkafka::{Offset, TopicPartitionList};
use serde::{Deserialize, Serialize};

const RECORDS: usize = 400_000;
const PARTITIONS: i32 = 4;
const IDLE: Duration = Duration::from_millis(500);

fn broker() -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/kafka-broker");
    let output = Command::new("bash")
        .arg(&script)
        .arg("start")
        .output()
        .expect("run tests/kafka-broker");
    assert!(output.status.success(), "the test broker did not start");
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{prefix}-{}-{nanos}", std::process::id())
}

fn fill_topic(brokers: &str, topic: &str) {
    let admin: AdminClient<DefaultClientContext> = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .expect("admin client");
    let created = futures_executor::block_on(admin.create_topics(
        &[NewTopic::new(topic, PARTITIONS, TopicReplication::Fixed(1))],
        &AdminOptions::new(),
    ))
    .expect("create topic");
    assert!(created.iter().all(Result::is_ok), "cannot create {topic}");
    let producer: BaseProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("linger.ms", "20")
        .set("batch.num.messages", "10000")
        .create()
        .expect("producer");
    for i in 0..RECORDS {
        let line = format!(
            "user{},session{},{}",
            i % 1000,
            (i / 7) % 1000,
            1_700_000_000_000u64 + i as u64
        );
        let mut record = BaseRecord::<(), str>::to(topic)
            .partition((i % 4) as i32)
            .payload(line.as_str());
        while let Err((_, back)) = producer.send(record) {
            record = back;
            producer.poll(Duration::from_millis(5));
        }
    }
    producer.flush(Duration::from_secs(120)).expect("flush");
}

fn consume_only(brokers: &str, topic: &str) -> Duration {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", unique("consume-only"))
        .set("enable.auto.commit", "false")
        .create()
        .expect("consumer");
    let mut assignment = TopicPartitionList::new();
    for partition in 0..PARTITIONS {
        assignment
            .add_partition_offset(topic, partition, Offset::Beginning)
            .expect("assignment");
    }
    let start = Instant::now();
    consumer.assign(&assignment).expect("assign");
    let mut read = 0usize;
    let mut bytes = 0usize;
    while read < RECORDS {
        if let Some(message) = consumer.poll(Duration::from_millis(100)) {
            let message = message.expect("message");
            bytes += message.payload().map_or(0, <[u8]>::len);
            read += 1;
        }
    }
    std::hint::black_box(bytes);
    start.elapsed()
}

/// Runs a job over the input topic; with `verify`, then checks (untimed) that its output counts every
/// record once.
/// Returns the run's time without its idle wait and startup, and the startup.
fn stream_job<F: JobFactory>(
    factory: &F,
    brokers: &str,
    topic: &str,
    verify: bool,
) -> (Duration, Duration) {
    let state_dir = std::env::temp_dir().join(unique("bench-state"));
    let counts = unique("counts");
    let args = StreamArgs {
        brokers: Some(brokers.to_owned()),
        topics: vec![format!("events={topic}"), format!("counts={counts}")],
        state_dir: state_dir.clone(),
        until_idle: Some(IDLE),
        emit_interval: Some(Duration::from_secs(1)),
        checkpoint_interval: Duration::from_secs(10),
        log_interval: Duration::from_secs(60),
        ..StreamArgs::default()
    };
    let start = Instant::now();
    let summary = run_stream(factory, &args, None).expect("stream run");
    let elapsed = start
        .elapsed()
        .saturating_sub(IDLE)
        .saturating_sub(summary.startup);
    assert_eq!(summary.records_in, RECORDS as u64);
    let _ = std::fs::remove_dir_all(state_dir);
    if verify {
        assert_eq!(counted(brokers, &counts), RECORDS as i64, "records counted");
    }
    (elapsed, summary.startup)
}

/// The sum of the counts in an upsert topic of `group,count` rows (the last row per key).
fn counted(brokers: &str, topic: &str) -> i64 {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", unique("verify"))
        .set("enable.auto.commit", "false")
        .create()
        .expect("consumer");
    let metadata = consumer
        .fetch_metadata(Some(topic), Duration::from_secs(10))
        .expect("metadata");
    let mut assignment = TopicPartitionList::new();
    for partition in metadata.topics().iter().flat_map(|t| t.partitions()) {
        assignment
            .add_partition_offset(topic, partition.id(), Offset::Beginning)
            .expect("assignment");
    }
    consumer.assign(&assignment).expect("assign");
    let mut rows: HashMap<Vec<u8>, i64> = HashMap::new();
    let mut last_message = Instant::now();
    // The topic is complete once quiet (Tansu's high watermarks cannot say where it ends).
    while last_message.elapsed() < Duration::from_secs(2) {
        let Some(message) = consumer.poll(Duration::from_millis(100)) else {
            continue;
        };
        let message = message.expect("message");
        last_message = Instant::now();
        let count = message
            .payload()
            .and_then(|row| {
                std::str::from_utf8(row)
                    .ok()?
                    .rsplit(',')
                    .next()?
                    .parse()
                    .ok()
            })
            .expect("a `group,count` row");
        rows.insert(message.key().unwrap_or_default().to_vec(), count);
    }
    rows.values().sum()
}

/// The measured run times of every case, and the jobs' startups, for the closing table.
#[derive(Default)]
struct Timings(
    RefCell<BTreeMap<&'static str, Vec<Duration>>>,
    RefCell<BTreeMap<&'static str, Vec<Duration>>>,
);

impl Timings {
    /// Runs `run` `iters` times, keeping each time; `run`'s argument is true for the case's first run.
    fn measure(&self, case: &'static str, iters: u64, run: impl Fn(bool) -> Duration) -> Duration {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            let first = !self.0.borrow().contains_key(case);
            let elapsed = run(first);
            self.0.borrow_mut().entry(case).or_default().push(elapsed);
            total += elapsed;
        }
        total
    }

    /// Runs a stream job `iters` times, keeping each time and startup.
    fn measure_job(
        &self,
        case: &'static str,
        iters: u64,
        run: impl Fn(bool) -> (Duration, Duration),
    ) -> Duration {
        self.measure(case, iters, |verify| {
            let (elapsed, startup) = run(verify);
            self.1.borrow_mut().entry(case).or_default().push(startup);
            elapsed
        })
    }

    /// Median records/s of `case`.
    fn median_rate(&self, case: &str) -> Option<f64> {
        let mut times = self.0.borrow().get(case)?.clone();
        times.sort();
        let median = times.get(times.len() / 2)?;
        Some(RECORDS as f64 / median.as_secs_f64())
    }

    fn print_ratios(&self) {
        let Some(baseline) = self.median_rate(CONSUME_ONLY) else {
            return;
        };
        eprintln!("\nmedian records/s, as a ratio to {CONSUME_ONLY} of this run:");
        for case in self.0.borrow().keys() {
            if let Some(rate) = self.median_rate(case) {
                let startup = self.1.borrow().get(case).and_then(|times| {
                    let mut times = times.clone();
                    times.sort();
                    times.get(times.len() / 2).copied()
                });
                let startup = startup.map_or_else(String::new, |d| format!("  (startup {d:.2?})"));
                eprintln!(
                    "  {case:<34} {rate:>12.0} rec/s  {:>6.1} %{startup}",
                    100.0 * rate / baseline
                );
            }
        }
    }
}

const CONSUME_ONLY: &str = "consume_only";

fn throughput(c: &mut Criterion) {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .try_init();
    let brokers = broker();
    let topic = unique("bench-events");
    fill_topic(&brokers, &topic);
    let timings = Timings::default();
    let by_user = DataflowJobFactory::new(count_by_user);
    let by_session = DataflowJobFactory::new(count_by_session);
    let mut group = c.benchmark_group("kafka_records");
    // One warm-up run per case (each takes seconds) and the fewest samples criterion takes.
    group.sample_size(10).warm_up_time(Duration::from_millis(1));
    group.throughput(Throughput::Elements(RECORDS as u64));
    group.bench_function(CONSUME_ONLY, |b| {
        b.iter_custom(|iters| {
            timings.measure(CONSUME_ONLY, iters, |_| consume_only(&brokers, &topic))
        })
    });
    group.bench_function("stream_group_count", |b| {
        b.iter_custom(|iters| {
            timings.measure_job("stream_group_count", iters, |verify| {
                stream_job(&CountFactory, &brokers, &topic, verify)
            })
        })
    });
    group.bench_function("dataflow_group_by_partition_key", |b| {
        b.iter_custom(|iters| {
            timings.measure_job("dataflow_group_by_partition_key", iters, |verify| {
                stream_job(&by_user, &brokers, &topic, verify)
            })
        })
    });
    group.bench_function("dataflow_group_with_repartition", |b| {
        b.iter_custom(|iters| {
            timings.measure_job("dataflow_group_with_repartition", iters, |verify| {
                stream_job(&by_session, &brokers, &topic, verify)
            })
        })
    });
    group.finish();
    timings.print_ratios();
}

criterion_group!(benches, throughput);
criterion_main!(benches);

/// A line of the input topic.
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

/// A group and its count; [`GroupKey`] is its upsert key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct GroupCount {
    group: Option<String>,
    events: i64,
}

impl TextRecord for GroupCount {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(GroupCount {
            group: r.chararray(),
            events: r.long().unwrap_or(0),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.group);
        w.field(&self.events);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct GroupKey {
    group: Option<String>,
}

impl TextRecord for GroupKey {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(GroupKey {
            group: r.chararray(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.group);
    }
}

/// `g = GROUP events BY key; counts = FOREACH g GENERATE group, COUNT_STAR(events);` stored as upserts.
fn count_groups(grouped: Stream<'_, Event>, key: fn(&Event) -> Option<String>) {
    grouped
        .key_by(key)
        .aggregate(
            "counts.aggregate",
            pigc_runtime::operators::count_star(),
            |group, events| GroupCount {
                group: group.clone(),
                events,
            },
        )
        .sink_upsert(
            "counts",
            PigStorage::new(b','),
            |c: &GroupCount| GroupKey {
                group: c.group.clone(),
            },
            PigStorage::new(b','),
        );
}

/// Grouped by user, which partitions the input: no exchange.
fn count_by_user(df: &mut Dataflow) {
    let events = df.source::<Event, _>("events", PigStorage::new(b','));
    count_groups(events, |e| e.user.clone());
}

/// Grouped by session, spread over the input partitions: through an exchange.
fn count_by_session(df: &mut Dataflow) {
    let events = df
        .source::<Event, _>("events", PigStorage::new(b','))
        .exchange("events.exchange", |e| (e.session.clone(),));
    count_groups(events, |e| e.session.clone());
}

/// `GROUP events BY user; FOREACH g GENERATE group, COUNT(events);` written against the executor's
/// contract, as generated code would be.
struct CountFactory;

impl JobFactory for CountFactory {
    type Job = CountJob;

    fn sources(&self) -> Vec<SourceSpec> {
        vec![SourceSpec {
            location: "events".into(),
        }]
    }

    fn sinks(&self) -> Vec<SinkSpec> {
        vec![SinkSpec {
            location: "counts".into(),
            mode: SinkMode::Upsert,
        }]
    }

    fn create(&self) -> CountJob {
        CountJob::default()
    }
}

#[derive(Default)]
struct CountJob {
    pending: Vec<String>,
    counts: HashMap<String, i64>,
    dirty: Vec<String>,
}

impl StreamJob for CountJob {
    fn push(&mut self, _source: usize, payload: &[u8]) -> Result<(), DecodeError> {
        let line = std::str::from_utf8(payload).map_err(|_| DecodeError::new("not UTF-8"))?;
        let user = line
            .split(',')
            .next()
            .ok_or_else(|| DecodeError::new("no user field"))?;
        self.pending.push(user.to_owned());
        Ok(())
    }

    fn step(&mut self, output: &mut dyn OutputChanges) -> Result<(), JobError> {
        let mut changed = HashMap::new();
        for user in self.pending.drain(..) {
            let count = self.counts.entry(user.clone()).or_default();
            *count += 1;
            changed.insert(user, *count);
        }
        for (user, count) in changed {
            output.change(0, user.as_bytes(), format!("{user},{count}").as_bytes(), 1);
            self.dirty.push(user);
        }
        Ok(())
    }

    fn export_state(&mut self, state: &mut dyn StateSink) -> Result<(), JobError> {
        for user in self.dirty.drain(..) {
            if let Some(count) = self.counts.get(&user) {
                state.put("g", user.as_bytes(), &count.to_le_bytes());
            }
        }
        Ok(())
    }

    fn restore_state(&mut self, _: &str, key: &[u8], value: &[u8]) -> Result<(), RestoreError> {
        let bad = || RestoreError {
            operator: "g".into(),
            reason: "bad entry".into(),
        };
        let count = i64::from_le_bytes(value.try_into().map_err(|_| bad())?);
        let user = String::from_utf8(key.to_vec()).map_err(|_| bad())?;
        self.counts.insert(user, count);
        Ok(())
    }

    fn finish_restore(&mut self) {}

    fn state_entries(&self) -> usize {
        self.counts.len()
    }
}
