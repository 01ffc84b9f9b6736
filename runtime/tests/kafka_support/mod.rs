//! Helpers shared by the Kafka tests: the broker (started through `tests/kafka-broker`), topic creation,
//! a producer and a reader over rdkafka, applying an output changelog, and running a job in a child
//! process that can be killed with SIGKILL.
#![allow(dead_code)]

pub mod dedup_count_job;
pub mod recruiter;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{Headers, Message};
use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use rdkafka::{Offset, TopicPartitionList};

/// Address of the test broker, started once per test binary through `tests/kafka-broker start`.
/// Panics with the script's output if it cannot start: Kafka tests must run, never skip.
pub fn broker() -> &'static str {
    static BROKER: OnceLock<String> = OnceLock::new();
    BROKER.get_or_init(|| {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/kafka-broker");
        let output = Command::new("bash")
            .arg(&script)
            .arg("start")
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
        let stdout = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        assert!(
            output.status.success() && stdout.starts_with("127.0.0.1:"),
            "the Kafka test broker did not start: {}\n{}",
            stdout,
            String::from_utf8_lossy(&output.stderr)
        );
        stdout
    })
}

/// A name unique to this test run (topics, groups and state directories must never be shared).
pub fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{prefix}-{}-{nanos}", std::process::id())
}

/// A fresh, empty temporary directory.
pub fn temp_dir(prefix: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(unique(prefix));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn client() -> ClientConfig {
    let mut config = ClientConfig::new();
    config.set("bootstrap.servers", broker());
    config
}

/// Creates a topic with `partitions` partitions.
pub fn create_topic(topic: &str, partitions: i32) {
    let admin: AdminClient<DefaultClientContext> = client().create().expect("admin client");
    let results = futures_executor::block_on(admin.create_topics(
        &[NewTopic::new(topic, partitions, TopicReplication::Fixed(1))],
        &AdminOptions::new(),
    ))
    .expect("create topic");
    for result in results {
        result.unwrap_or_else(|(t, e)| panic!("cannot create topic {t}: {e}"));
    }
}

/// Writes `(partition, value)` records to `topic` and waits for every acknowledgement.
pub fn produce(topic: &str, records: &[(i32, Vec<u8>)]) {
    let producer: BaseProducer = client().set("linger.ms", "5").create().expect("producer");
    for (partition, value) in records {
        let mut record = BaseRecord::<(), [u8]>::to(topic)
            .partition(*partition)
            .payload(value.as_slice());
        loop {
            match producer.send(record) {
                Ok(()) => break,
                Err((_, back)) => {
                    record = back;
                    producer.poll(Duration::from_millis(10));
                }
            }
        }
        producer.poll(Duration::ZERO);
    }
    producer.flush(Duration::from_secs(30)).expect("flush");
}

/// One message read back from a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadMessage {
    /// The message key.
    pub key: Option<Vec<u8>>,
    /// The message value (`None` for a tombstone).
    pub value: Option<Vec<u8>>,
    /// The `pigc.op` header, if any.
    pub op: Option<String>,
    /// The `pigc.error` header, if any.
    pub error: Option<String>,
}

/// Reads every message of every partition of `topic`, in offset order per partition and partition order
/// overall. The read ends after 2 s without a message: Tansu's high watermarks can lag the last offset,
/// so they cannot say where a topic ends.
pub fn read_all(topic: &str) -> Vec<ReadMessage> {
    let consumer: BaseConsumer = client()
        .set("group.id", unique("reader"))
        .set("enable.auto.commit", "false")
        .create()
        .expect("consumer");
    let metadata = consumer
        .fetch_metadata(Some(topic), Duration::from_secs(10))
        .expect("metadata");
    let partitions = metadata
        .topics()
        .iter()
        .find(|t| t.name() == topic)
        .map_or(0, |t| t.partitions().len() as i32);
    let mut assignment = TopicPartitionList::new();
    for partition in 0..partitions {
        assignment
            .add_partition_offset(topic, partition, Offset::Beginning)
            .expect("assignment");
    }
    consumer.assign(&assignment).expect("assign");
    let mut by_partition: BTreeMap<i32, Vec<ReadMessage>> = BTreeMap::new();
    let mut last_message = Instant::now();
    while last_message.elapsed() < Duration::from_secs(2) {
        let Some(result) = consumer.poll(Duration::from_millis(100)) else {
            continue;
        };
        last_message = Instant::now();
        let message = result.expect("read message");
        let header = |name: &str| {
            message.headers().and_then(|headers| {
                headers
                    .iter()
                    .find(|h| h.key == name)
                    .and_then(|h| h.value)
                    .map(|v| String::from_utf8_lossy(v).into_owned())
            })
        };
        by_partition
            .entry(message.partition())
            .or_default()
            .push(ReadMessage {
                key: message.key().map(<[u8]>::to_vec),
                value: message.payload().map(<[u8]>::to_vec),
                op: header("pigc.op"),
                error: header("pigc.error"),
            });
    }
    by_partition.into_values().flatten().collect()
}

/// Applies an upsert changelog: the last value per key, tombstones delete. Returns the rows.
pub fn apply_upserts(messages: &[ReadMessage]) -> BTreeMap<Vec<u8>, Vec<u8>> {
    let mut table = BTreeMap::new();
    for message in messages {
        let key = message.key.clone().expect("upsert messages have keys");
        match &message.value {
            Some(value) => table.insert(key, value.clone()),
            None => table.remove(&key),
        };
    }
    table
}

/// Applies an insert changelog (`pigc.op` insert/retract): row → multiplicity, zero rows dropped.
/// Panics on a duplicated record id, which exactly-once output must never produce.
pub fn apply_inserts(messages: &[ReadMessage]) -> BTreeMap<Vec<u8>, i64> {
    let mut ids = std::collections::HashSet::new();
    let mut table: BTreeMap<Vec<u8>, i64> = BTreeMap::new();
    for message in messages {
        let key = message.key.clone().expect("insert messages have ids");
        assert!(
            ids.insert(key.clone()),
            "record id {} written twice",
            String::from_utf8_lossy(&key)
        );
        let weight = match message.op.as_deref() {
            Some("insert") => 1,
            Some("retract") => -1,
            other => panic!("unexpected pigc.op header {other:?}"),
        };
        let row = message.value.clone().expect("insert messages have values");
        *table.entry(row).or_default() += weight;
    }
    table.retain(|_, n| *n != 0);
    table
}

/// Environment variable that turns the child-process entry test into a job run.
pub const CHILD_ENV: &str = "PIGC_KAFKA_CHILD_ARGS";

/// Starts this test binary again as a child that runs only `entry_test` with `args` (the entry test
/// reads them from [`CHILD_ENV`]), so that the job runs in a process the test can SIGKILL.
pub fn spawn_child(entry_test: &str, args: &[String]) -> Child {
    let exe = std::env::current_exe().expect("current test binary");
    Command::new(exe)
        .args([entry_test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, args.join("\u{1f}"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn the job process")
}

/// The records a finished child read, from the `records_in=N` line it prints.
pub fn child_records_in(child: Child) -> u64 {
    let output = child.wait_with_output().expect("wait for the job process");
    assert!(
        output.status.success(),
        "the job process failed: {}",
        output.status
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.split_once("records_in=")?.1.trim().parse().ok())
        .expect("the job process printed records_in=N")
}

/// The arguments given to a child by [`spawn_child`], or `None` in a normal test run.
pub fn child_args() -> Option<Vec<String>> {
    std::env::var(CHILD_ENV)
        .ok()
        .map(|args| args.split('\u{1f}').map(str::to_owned).collect())
}

/// A seeded generator (splitmix64) for kill points and partitions: each run tries other points, and the
/// seed it prints replays a failure (`PIGC_KAFKA_SEED=<seed>`).
pub struct Rng(u64);

impl Rng {
    /// Seeded from `PIGC_KAFKA_SEED` or the clock; prints the seed with the test's name.
    pub fn new(test: &str) -> Self {
        let seed = std::env::var("PIGC_KAFKA_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos() as u64)
            });
        eprintln!("{test}: seed {seed} (replay with PIGC_KAFKA_SEED={seed})");
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `low..high`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low)
    }

    /// A generator of its own, seeded from this one (for work done in parallel, in a replayable way).
    pub fn fork(&mut self) -> Rng {
        Rng(self.next())
    }
}

/// Kills a child with SIGKILL and reaps it.
pub fn kill_9(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// Logs to stderr when `RUST_LOG` asks for it.
pub fn init_logging() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .try_init();
}
