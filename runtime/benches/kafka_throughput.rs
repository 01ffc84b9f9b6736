//! Throughput of a stream job against a consume-only loop with the same client on the same broker, in
//! one run (issue #7: goal ≥ 80 %). Both read the same 4-partition topic of `RECORDS` PigStorage-like
//! lines from the start; criterion reports records/s for each.
//!
//! The job parses every line, groups by user and counts (upserts keyed by user), with checkpoints and
//! emissions as in production. `--until-idle` ends a run; its idle wait is subtracted from the time.
//!
//! Run: `cargo bench -p pigc-runtime --features kafka --bench kafka_throughput` (starts the test broker
//! through `tests/kafka-broker`).

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pigc_runtime::format::DecodeError;
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

const RECORDS: usize = 1_000_000;
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
            i / 7,
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

fn stream_job(brokers: &str, topic: &str) -> Duration {
    let state_dir = std::env::temp_dir().join(unique("bench-state"));
    let args = StreamArgs {
        brokers: Some(brokers.to_owned()),
        topics: vec![
            format!("events={topic}"),
            format!("counts={}", unique("counts")),
        ],
        state_dir: state_dir.clone(),
        until_idle: Some(IDLE),
        emit_interval: Some(Duration::from_secs(1)),
        checkpoint_interval: Duration::from_secs(10),
        log_interval: Duration::from_secs(60),
        ..StreamArgs::default()
    };
    let start = Instant::now();
    let summary = run_stream(&CountFactory, &args, None).expect("stream run");
    let elapsed = start.elapsed().saturating_sub(IDLE);
    assert_eq!(summary.records_in, RECORDS as u64);
    let _ = std::fs::remove_dir_all(state_dir);
    elapsed
}

fn throughput(c: &mut Criterion) {
    let brokers = broker();
    let topic = unique("bench-events");
    fill_topic(&brokers, &topic);
    let mut group = c.benchmark_group("kafka_records");
    group.sample_size(10);
    group.throughput(Throughput::Elements(RECORDS as u64));
    group.bench_function("consume_only", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| consume_only(&brokers, &topic)).sum())
    });
    group.bench_function("stream_group_count", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| stream_job(&brokers, &topic)).sum())
    });
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);

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
