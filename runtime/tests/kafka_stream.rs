//! The stream executor over a real broker (Tansu on 127.0.0.1, started through `tests/kafka-broker`):
//! output applied as a changelog equals the batch answer, malformed records go to the dead-letter topic,
//! and SIGKILL at arbitrary points changes nothing in the applied output.

mod kafka_support;

use std::collections::BTreeMap;
use std::process::Command;
use std::time::Duration;

use clap::Parser;
use kafka_support::dedup_count_job::{batch_counts, DedupCountFactory};
use kafka_support::*;
use pigc_runtime::kafka::{run_stream, StreamArgs};

/// Parses `stream` options as the generated binary would.
#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    stream: StreamArgs,
}

fn stream_args(args: &[String]) -> StreamArgs {
    Cli::parse_from(std::iter::once("job".to_owned()).chain(args.iter().cloned())).stream
}

struct Scenario {
    events: String,
    counts: String,
    uniq: String,
    state_dir: std::path::PathBuf,
}

impl Scenario {
    fn new(name: &str) -> Self {
        let events = unique(&format!("{name}-events"));
        create_topic(&events, 4);
        Self {
            counts: unique(&format!("{name}-counts")),
            uniq: unique(&format!("{name}-uniq")),
            state_dir: temp_dir(name),
            events,
        }
    }

    fn args(&self, extra: &[&str]) -> Vec<String> {
        let mut args = vec![
            "--brokers".to_owned(),
            broker().to_owned(),
            "--topic".to_owned(),
            format!("events={}", self.events),
            "--topic".to_owned(),
            format!("counts={}", self.counts),
            "--topic".to_owned(),
            format!("uniq={}", self.uniq),
            "--state-dir".to_owned(),
            self.state_dir.display().to_string(),
            "--set".to_owned(),
            "fetch.wait.max.ms=50".to_owned(),
        ];
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        args
    }

    /// Checks the applied output against the batch answer over `lines`.
    fn assert_matches_batch(&self, lines: &[Vec<u8>]) {
        let expected = batch_counts(lines.iter().map(Vec::as_slice));
        let counts: BTreeMap<String, i64> = apply_upserts(&read_all(&self.counts))
            .into_iter()
            .map(|(key, value)| {
                let key = String::from_utf8(key).unwrap();
                let value = String::from_utf8(value).unwrap();
                let (user, count) = value.split_once(',').unwrap();
                assert_eq!(user, key, "upsert key is the group key");
                (key, count.parse().unwrap())
            })
            .collect();
        assert_eq!(
            counts, expected,
            "applied upserts differ from the batch answer"
        );
        let uniq = apply_inserts(&read_all(&self.uniq));
        let distinct: usize = expected.values().map(|n| *n as usize).sum();
        assert_eq!(
            uniq.len(),
            distinct,
            "distinct rows differ from the batch answer"
        );
        assert!(
            uniq.values().all(|n| *n == 1),
            "a distinct row was inserted twice"
        );
    }
}

/// `n` events over 40 users with 2 % duplicated (an at-least-once producer's retries land in the same
/// partition), spread over 4 partitions by user, so that each user's records meet in one task.
fn events(n: usize, first_ts: i64) -> Vec<(i32, Vec<u8>)> {
    let mut records = Vec::new();
    for i in 0..n {
        let ts = first_ts + i as i64;
        let line = format!("user{},s{},{ts}", i % 40, i / 3).into_bytes();
        let partition = (i % 4) as i32;
        if i % 50 == 7 {
            records.push((partition, line.clone()));
        }
        records.push((partition, line));
    }
    records
}

#[test]
fn stream_until_idle_matches_batch_and_dead_letters_malformed_records() {
    init_logging();
    let scenario = Scenario::new("idle");
    let mut records = events(3000, 0);
    records.push((2, b"only,two".to_vec()));
    records.push((3, b"user1,s1,not-a-number".to_vec()));
    produce(&scenario.events, &records);
    let args = stream_args(&scenario.args(&["--until-idle", "2s", "--emit-interval", "300ms"]));
    let summary =
        run_stream(&DedupCountFactory { retention: None }, &args, None).expect("stream run");
    assert_eq!(summary.records_in, records.len() as u64 - 2);
    assert_eq!(summary.dead_letters, 2);
    let lines: Vec<Vec<u8>> = records.into_iter().map(|(_, l)| l).collect();
    scenario.assert_matches_batch(&lines);
    let dead = read_all(&format!("{}.dead-letter", scenario.events));
    assert_eq!(dead.len(), 2);
    assert!(dead
        .iter()
        .any(|m| m.error.as_deref() == Some("expected 3 fields, found 2")));

    // A second run resumes from the checkpoint: it reads only the new records.
    let more = events(500, 10_000);
    produce(&scenario.events, &more);
    let summary =
        run_stream(&DedupCountFactory { retention: None }, &args, None).expect("second run");
    assert_eq!(summary.records_in, more.len() as u64);
    let all: Vec<Vec<u8>> = lines
        .into_iter()
        .chain(more.into_iter().map(|(_, l)| l))
        .collect();
    scenario.assert_matches_batch(&all);
}

#[test]
fn write_config_writes_bindings_that_config_reads_back() {
    let dir = temp_dir("write-config");
    let path = dir.join("stream.toml");
    let args = stream_args(&["--write-config".to_owned(), path.display().to_string()]);
    let summary = run_stream(&DedupCountFactory { retention: None }, &args, None).expect("write");
    assert_eq!(summary.records_in, 0);
    let text = std::fs::read_to_string(&path).expect("config written");
    let edited = text.replace(
        "\"counts\" = \"counts\"",
        "\"counts\" = \"dashboard-counts\"",
    );
    std::fs::write(&path, edited).expect("edit config");
    let args = stream_args(&[
        "--brokers".to_owned(),
        "127.0.0.1:1".to_owned(),
        "--config".to_owned(),
        path.display().to_string(),
    ]);
    let config = pigc_runtime::kafka::StreamConfig::resolve(&args, None).expect("config");
    assert_eq!(config.topic_of("events"), "events");
    assert_eq!(config.topic_of("counts"), "dashboard-counts");
    assert_eq!(config.topic_of("uniq"), "uniq");
}

/// Entry point of the child processes of the tests below: runs the job with the arguments it was given.
#[test]
fn child_job_process() {
    let Some(args) = child_args() else {
        return;
    };
    init_logging();
    let summary = run_stream(
        &DedupCountFactory { retention: None },
        &stream_args(&args),
        None,
    )
    .expect("child run");
    println!("records_in={}", summary.records_in);
}

#[test]
fn kill_9_at_arbitrary_points_changes_nothing_in_the_applied_output() {
    init_logging();
    let scenario = Scenario::new("kill9");
    let args = scenario.args(&["--emit-interval", "200ms", "--checkpoint-interval", "100ms"]);
    let mut produced = Vec::new();
    // Kill points drawn at random over 0.3–2.5 s: before, during and after emissions and checkpoints.
    let mut rng = Rng::new("kill_9_at_arbitrary_points_changes_nothing_in_the_applied_output");
    for round in 0..5 {
        let kill_after_ms = rng.between(300, 2500);
        eprintln!("round {round}: kill -9 after {kill_after_ms} ms");
        let batch = events(1500, round as i64 * 100_000);
        produce(&scenario.events, &batch);
        produced.extend(batch.into_iter().map(|(_, l)| l));
        let mut child = spawn_child("child_job_process", &args);
        std::thread::sleep(Duration::from_millis(kill_after_ms));
        kill_9(&mut child);
    }
    let mut final_args = args.clone();
    final_args.extend(["--until-idle".to_owned(), "2s".to_owned()]);
    child_records_in(spawn_child("child_job_process", &final_args));
    scenario.assert_matches_batch(&produced);
}

#[test]
fn sigterm_stops_cleanly_with_a_final_emission() {
    init_logging();
    let scenario = Scenario::new("sigterm");
    let records = events(2000, 0);
    produce(&scenario.events, &records);
    // A 1-hour emit interval: only the shutdown emission can write the output.
    let child = spawn_child(
        "child_job_process",
        &scenario.args(&["--emit-interval", "1h"]),
    );
    std::thread::sleep(Duration::from_secs(4));
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("send SIGTERM");
    assert!(status.success());
    assert_eq!(child_records_in(child), records.len() as u64);
    let lines: Vec<Vec<u8>> = records.into_iter().map(|(_, l)| l).collect();
    scenario.assert_matches_batch(&lines);
}

#[test]
fn two_instances_in_a_group_share_partitions_and_hand_over_state() {
    init_logging();
    let scenario = Scenario::new("group");
    let first_batch = events(3000, 0);
    produce(&scenario.events, &first_batch);
    let group = unique("group");
    // A shared state directory: a partition's store moves with the partition on a rebalance.
    let args = scenario.args(&[
        "--group",
        &group,
        "--emit-interval",
        "500ms",
        "--until-idle",
        "15s",
    ]);
    let first = spawn_child("child_job_process", &args);
    // The first instance joins alone, gets every partition and reads the first batch; the second
    // joins later, so the rebalance hands over partitions whose state the first instance built.
    std::thread::sleep(Duration::from_secs(12));
    let second = spawn_child("child_job_process", &args);
    let second_batch = events(3000, 1_000_000);
    produce(&scenario.events, &second_batch);
    let (a, b) = (child_records_in(first), child_records_in(second));
    let total = (first_batch.len() + second_batch.len()) as u64;
    assert!(
        a > 0 && b > 0,
        "both instances must get partitions: {a} and {b} records"
    );
    assert_eq!(
        a + b,
        total,
        "every record is read once, by the task that owns it"
    );
    let lines: Vec<Vec<u8>> = first_batch
        .into_iter()
        .chain(second_batch)
        .map(|(_, l)| l)
        .collect();
    scenario.assert_matches_batch(&lines);
}
