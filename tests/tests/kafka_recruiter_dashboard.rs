//! Issue #7 "How we will know": the generated recruiter-dashboard crate (`generated/recruiter_dashboard`,
//! compiled by pigc from `fixtures/e2e/recruiter_dashboard/script.pig`) over the real broker.
//!
//! The fixture's event log (2 % duplicates) is produced into 4 partitions picked at random, so neither
//! GROUP key (recruiter and day, recruiter) nor DISTINCT's (the whole record) matches the input
//! partitioning: every keyed operator is fed through a repartition topic. The binary's `stream` runs
//! with `--until-idle` after two SIGKILLs at random points (and, separately, as two instances in one
//! group, one of them killed and restarted); each output topic, applied as an upsert changelog, must
//! equal the rows that the same binary's `batch` writes over the same log as a file: zero differing rows.
//!
//! The runs keep the script's retention: DISTINCT and the daily GROUP evict state 2 days of event time
//! behind the watermark, and the log spans 3.6 days. A repartition task's watermark is the minimum over
//! the tasks that feed it (`kafka::watermark`), and the log's duplicates and out-of-order records are
//! minutes from their neighbours, so nothing a later record still needs is evicted: equal to batch,
//! which never evicts. `runtime/tests/kafka_retention.rs` tests eviction itself.
//!
//! Partitions and kill points come from a seed printed by each test; `PIGC_KAFKA_SEED=<seed>` replays it.

#[path = "../../runtime/tests/kafka_support/mod.rs"]
mod kafka_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use kafka_support::{
    apply_upserts, broker, create_topic, kill_9, produce, read_all, temp_dir, unique, Rng,
};

const PACKAGE: &str = "pig_recruiter_dashboard";
const LOAD: &str = "events.txt";
const STORES: [&str; 2] = ["out_daily_usage", "out_active_days"];

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is inside the workspace")
        .to_path_buf()
}

fn fixture() -> PathBuf {
    workspace_root().join("fixtures/e2e/recruiter_dashboard")
}

/// Builds the generated crate with the cargo running the tests, into the tests' target directory, and
/// returns its binary.
fn binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable");
    let profile = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test runs from <target>/<profile>/deps")
        .to_path_buf();
    let target = profile.parent().expect("target directory").to_path_buf();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args(["build", "--quiet", "-p", PACKAGE])
        .arg("--manifest-path")
        .arg(workspace_root().join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target);
    if profile.file_name().is_some_and(|n| n == "release") {
        command.arg("--release");
    }
    let output = command.output().expect("run cargo build");
    assert!(
        output.status.success(),
        "the generated crate {PACKAGE} does not build:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    profile.join(format!("{PACKAGE}{}", std::env::consts::EXE_SUFFIX))
}

/// The event log with each line's partition, picked at random: unrelated to every key the script
/// groups or dedupes by, and a duplicate delivery usually lands in another partition than its original.
fn event_log(rng: &mut Rng) -> Vec<(i32, Vec<u8>)> {
    let text = std::fs::read_to_string(fixture().join(LOAD)).expect("fixture event log");
    text.lines()
        .map(|line| (rng.between(0, 4) as i32, line.as_bytes().to_vec()))
        .collect()
}

fn sorted(mut rows: Vec<String>) -> Vec<String> {
    rows.sort();
    rows
}

/// Each store's rows from the binary's `batch` over the log.
fn batch_rows(bin: &Path) -> BTreeMap<&'static str, Vec<String>> {
    let out = temp_dir("dashboard-batch");
    let mut command = Command::new(bin);
    command
        .arg("batch")
        .arg("--input")
        .arg(format!("{LOAD}={}", fixture().join(LOAD).display()))
        .env("TZ", "UTC");
    for store in STORES {
        command
            .arg("--output")
            .arg(format!("{store}={}", out.join(store).display()));
    }
    let status = command.status().expect("run batch");
    assert!(status.success(), "batch failed: {status}");
    STORES
        .into_iter()
        .map(|store| {
            let mut parts: Vec<PathBuf> = std::fs::read_dir(out.join(store))
                .expect("store directory")
                .map(|e| e.expect("directory entry").path())
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("part-"))
                })
                .collect();
            parts.sort();
            let rows = parts
                .iter()
                .flat_map(|p| {
                    std::fs::read_to_string(p)
                        .expect("part file")
                        .lines()
                        .map(str::to_owned)
                        .collect::<Vec<_>>()
                })
                .collect();
            (store, sorted(rows))
        })
        .collect()
}

struct StreamSetup {
    events: String,
    outputs: BTreeMap<&'static str, String>,
    state_dir: PathBuf,
}

impl StreamSetup {
    fn new(name: &str) -> Self {
        let events = unique(&format!("{name}-events"));
        create_topic(&events, 4);
        Self {
            events,
            outputs: STORES
                .into_iter()
                .map(|s| (s, unique(&format!("{name}-{s}"))))
                .collect(),
            state_dir: temp_dir(name),
        }
    }

    fn spawn(&self, bin: &Path, extra: &[&str]) -> Child {
        self.spawn_in(&self.state_dir, bin, extra)
    }

    fn spawn_in(&self, state_dir: &Path, bin: &Path, extra: &[&str]) -> Child {
        self.spawn_logging(state_dir, bin, extra, Stdio::null())
    }

    fn spawn_logging(&self, state_dir: &Path, bin: &Path, extra: &[&str], stderr: Stdio) -> Child {
        let mut command = Command::new(bin);
        command
            .arg("stream")
            .args(["--brokers", broker()])
            .arg("--topic")
            .arg(format!("{LOAD}={}", self.events))
            .arg("--state-dir")
            .arg(state_dir)
            .args(["--set", "fetch.wait.max.ms=50"])
            .args(extra)
            .env("TZ", "UTC")
            .stdout(Stdio::null())
            .stderr(stderr);
        for (store, topic) in &self.outputs {
            command.arg("--topic").arg(format!("{store}={topic}"));
        }
        command.spawn().expect("spawn the stream job")
    }

    /// Each store's rows after applying its output topic as an upsert changelog.
    fn applied(&self) -> BTreeMap<&'static str, Vec<String>> {
        self.outputs
            .iter()
            .map(|(store, topic)| {
                let rows = apply_upserts(&read_all(topic))
                    .into_values()
                    .map(|row| String::from_utf8(row).expect("UTF-8 row"))
                    .collect();
                (*store, sorted(rows))
            })
            .collect()
    }
}

fn wait_ok(mut child: Child) {
    let status = child.wait().expect("wait for the stream job");
    assert!(status.success(), "the stream job failed: {status}");
}

/// Compares each store's applied changelog with batch, naming the rows that differ; checks that the
/// keyed operators were fed through repartition topics (the state of their tasks is in `state_dirs`).
fn assert_equals_batch(setup: &StreamSetup, bin: &Path, state_dirs: &[&Path]) {
    let repartition_tasks: std::collections::BTreeSet<String> = state_dirs
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("state directory"))
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|name| name.starts_with("task-x."))
        .collect();
    assert_eq!(
        repartition_tasks.len(),
        4,
        "one repartition task per partition"
    );
    let batch = batch_rows(bin);
    let stream = setup.applied();
    for (store, expected) in &batch {
        let got = &stream[store];
        let missing: Vec<_> = expected.iter().filter(|r| !got.contains(r)).collect();
        let extra: Vec<_> = got.iter().filter(|r| !expected.contains(r)).collect();
        eprintln!(
            "{store}: {} batch rows, {} stream rows, {} missing, {} extra",
            expected.len(),
            got.len(),
            missing.len(),
            extra.len()
        );
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{store}: stream differs from batch\nmissing: {missing:?}\nextra: {extra:?}"
        );
        assert!(!expected.is_empty(), "{store}: batch wrote nothing");
    }
    assert_eq!(stream, batch);
}

#[test]
fn stream_with_kill_9_and_restart_equals_batch() {
    let bin = binary();
    let mut rng = Rng::new("stream_with_kill_9_and_restart_equals_batch");
    let setup = StreamSetup::new("dashboard-kill9");
    let log = event_log(&mut rng);
    // The log arrives in 20 bursts while the job runs; the job is killed twice mid-stream.
    let producer = {
        let events = setup.events.clone();
        std::thread::spawn(move || {
            for burst in log.chunks(log.len() / 20 + 1) {
                produce(&events, burst);
                std::thread::sleep(Duration::from_millis(150));
            }
        })
    };
    let args = ["--emit-interval", "200ms", "--checkpoint-interval", "100ms"];
    for _ in 0..2 {
        let kill_after_ms = rng.between(300, 2500);
        eprintln!("kill -9 after {kill_after_ms} ms");
        let mut child = setup.spawn(&bin, &args);
        std::thread::sleep(Duration::from_millis(kill_after_ms));
        kill_9(&mut child);
    }
    producer.join().expect("producer thread");
    let mut final_args = args.to_vec();
    final_args.extend(["--until-idle", "3s"]);
    wait_ok(setup.spawn(&bin, &final_args));
    assert_equals_batch(&setup, &bin, &[&setup.state_dir]);
}

/// Two instances in one group, each with a state directory of its own, share the input and repartition
/// partitions; one is killed at a random point and a third starts on an empty state directory (a new
/// member: the group hands the dead one's partitions over once its session times out, and their state
/// comes back from the changelog topics).
#[test]
fn two_instances_with_a_kill_9_equal_batch() {
    let bin = binary();
    let mut rng = Rng::new("two_instances_with_a_kill_9_equal_batch");
    let setup = StreamSetup::new("dashboard-group");
    produce(&setup.events, &event_log(&mut rng));
    let group = unique("dashboard-group");
    let args = [
        "--group",
        group.as_str(),
        "--until-idle",
        "10s",
        "--checkpoint-interval",
        "200ms",
        "--set",
        "session.timeout.ms=6000",
    ];
    let dirs = [
        temp_dir("dashboard-a"),
        temp_dir("dashboard-b"),
        temp_dir("dashboard-c"),
    ];
    let first = setup.spawn_in(&dirs[0], &bin, &args);
    let mut second = setup.spawn_in(&dirs[1], &bin, &args);
    let started = Instant::now();
    let kill_after_ms = rng.between(500, 8000);
    eprintln!("kill -9 of the second instance after {kill_after_ms} ms");
    std::thread::sleep(Duration::from_millis(kill_after_ms));
    kill_9(&mut second);
    let replacement = setup.spawn_in(&dirs[2], &bin, &args);
    wait_ok(first);
    wait_ok(replacement);
    eprintln!("both instances stopped after {:?}", started.elapsed());
    let dirs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
    assert_equals_batch(&setup, &bin, &dirs);
}
