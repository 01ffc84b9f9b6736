//! Every fixture as a stream over the real broker: "one script, two modes" checked on the whole e2e
//! suite, not only on the dashboard.
//!
//! For each fixture, the committed crate's binary runs `stream` with every LOAD bound to a topic
//! receiving the input file's lines in three bursts (1 to 4 partitions, each line in a random one, so
//! every keyed operator reads through repartition topics) and every STORE bound to an output topic. It
//! is killed with SIGKILL at a random point and restarted with `--until-idle`, so every operator's
//! state goes through a checkpoint and a restore. Output is emitted every 300 ms, so the topics hold
//! many intermediate changes, not only the final rows. Each
//! output topic, applied as a changelog (upserts by key, or inserts and retractions by record id), must
//! equal the fixture's `expected/<location>.txt` — Pig's answer, which the batch run is checked against
//! in `e2e.rs`. Row order is not compared: a changelog has none (ORDER … LIMIT is a maintained top-n).
//!
//! Fixtures that cannot stream (ORDER without LIMIT, RANK) must be refused with their reasons; the list
//! of them is pinned below, so a fixture cannot silently drop out.
//!
//! Partitions come from a seed printed by the test; `PIGC_KAFKA_SEED=<seed>` replays it.

#[path = "../../runtime/tests/kafka_support/mod.rs"]
mod kafka_support;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use kafka_support::{
    apply_inserts, apply_upserts, broker, create_topic, kill_9, produce, read_all, temp_dir,
    unique, Rng,
};
use pigc_e2e::{
    cargo, check_stores, copy_dir, fixtures, generated, store_comparisons, workspace_root,
    Comparison, Fixture,
};

/// Fixtures whose scripts are batch-only, each with a word of the reason the stream command gives.
const BATCH_ONLY: [(&str, &str); 3] = [
    ("assert_dump", "ORDER without LIMIT"),
    ("order_limit", "ORDER without LIMIT"),
    ("rank", "RANK"),
];

/// Fixtures streamed at once: each job spends most of its time waiting (for the group, for idleness,
/// for the end of its output topics), not computing.
const PARALLEL: usize = 4;

#[test]
fn every_streamable_fixture_gives_pigs_answer_over_kafka() {
    kafka_support::init_logging();
    let manifest = workspace_root().join("Cargo.toml");
    if let Err(e) = cargo::build_workspace_binaries(&manifest) {
        panic!("cannot build the generated crates: {e}");
    }
    let mut rng = Rng::new("every_streamable_fixture_gives_pigs_answer_over_kafka");
    // Each fixture gets its own generator, drawn in name order, so a seed replays every fixture.
    let queue: Vec<(Fixture, Rng)> = fixtures()
        .into_iter()
        .map(|fixture| (fixture, rng.fork()))
        .collect();
    let queue = Mutex::new(queue.into_iter());
    let results = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..PARALLEL {
            scope.spawn(|| loop {
                let next = queue.lock().map(|mut q| q.next()).unwrap_or(None);
                let Some((fixture, mut rng)) = next else {
                    break;
                };
                let started = Instant::now();
                let outcome = stream_fixture(&fixture, &mut rng);
                eprintln!("{}: {:.1?}", fixture.name, started.elapsed());
                if let Ok(mut results) = results.lock() {
                    results.push((fixture.name, outcome));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let mut failures = Vec::new();
    let mut refused = Vec::new();
    let mut streamed = 0;
    for (name, outcome) in results {
        match outcome {
            Ok(Outcome::Streamed) => streamed += 1,
            Ok(Outcome::Refused(reason)) => refused.push((name, reason)),
            Err(problem) => failures.push(format!("── {name} ──\n{problem}")),
        }
    }
    eprintln!(
        "{streamed} fixtures streamed, {} refused as batch-only: {refused:?}",
        refused.len()
    );
    assert!(
        failures.is_empty(),
        "{} fixtures differ from Pig's answer over Kafka:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let refused_names: Vec<&str> = refused.iter().map(|(name, _)| name.as_str()).collect();
    let expected_names: Vec<&str> = BATCH_ONLY.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        refused_names, expected_names,
        "batch-only fixtures: {refused:?}"
    );
    for ((name, reason), (_, word)) in refused.iter().zip(BATCH_ONLY) {
        assert!(reason.contains(word), "{name} was refused for: {reason}");
    }
}

enum Outcome {
    Streamed,
    /// The stream command refused the script, with this message.
    Refused(String),
}

fn stream_fixture(fixture: &Fixture, rng: &mut Rng) -> Result<Outcome, String> {
    let binary = cargo::binary(&generated::package(fixture));
    if !binary.is_file() {
        return Err(format!(
            "no binary {} ({})",
            binary.display(),
            generated::REGENERATE
        ));
    }
    let stores = store_comparisons(&fixture.script())?;
    let work = temp_dir(&format!("kafka-fixture-{}", fixture.name));
    copy_dir(&fixture.dir, &work).map_err(|e| format!("copying the fixture: {e}"))?;
    let locations = match bound_locations(&binary, &work)? {
        Ok(locations) => locations,
        Err(refusal) => return Ok(Outcome::Refused(refusal)),
    };
    let mut command = Command::new(&binary);
    command
        .arg("stream")
        .args(["--brokers", broker()])
        .arg("--state-dir")
        .arg(work.join("state"))
        .args(["--until-idle", "2s", "--emit-interval", "300ms"])
        .args(["--checkpoint-interval", "300ms"])
        .args(["--set", "fetch.wait.max.ms=50"])
        .current_dir(&work)
        .env("TZ", "UTC")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut outputs = BTreeMap::new();
    let mut inputs = Vec::new();
    for location in &locations {
        let topic = unique(&format!("{}-{}", fixture.name, sanitize(location)));
        if stores.contains_key(location) {
            outputs.insert(location.clone(), topic.clone());
        } else {
            inputs.push(input_records(&work.join(location), &topic, rng)?);
        }
        command.arg("--topic").arg(format!("{location}={topic}"));
    }
    // The first run reads the input as it arrives in three bursts and is killed at a random point;
    // the second resumes from its last checkpoint and runs until idle.
    let kill_after = Duration::from_millis(rng.between(200, 1_800));
    let started = Instant::now();
    let mut first = Some(
        command
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", binary.display()))?,
    );
    // Bursts at 0, 400 and 800 ms; the kill lands before, between or after them.
    for tick in 0..18 {
        if tick % 4 == 0 && tick / 4 < 3 {
            let burst = tick / 4;
            for (topic, records) in &inputs {
                let chunk = records.len().div_ceil(3);
                let part: Vec<_> = records
                    .iter()
                    .skip(burst * chunk)
                    .take(chunk)
                    .cloned()
                    .collect();
                produce(topic, &part);
            }
        }
        if started.elapsed() >= kill_after {
            if let Some(mut child) = first.take() {
                kill_9(&mut child);
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    if let Some(mut child) = first.take() {
        kill_9(&mut child);
    }
    let output = command
        .output()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    if !output.status.success() {
        return Err(format!(
            "stream failed after a kill -9 at {kill_after:?} ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    // Each output topic, applied, becomes a STORE directory that the batch comparison reads.
    let applied = work.join("applied");
    // Reading a topic ends after 2 s without a message: read them all at once.
    let rows: Vec<(&String, std::thread::Result<Vec<String>>)> = std::thread::scope(|scope| {
        let readers: Vec<_> = outputs
            .iter()
            .map(|(location, topic)| (location, scope.spawn(|| applied_rows(topic))))
            .collect();
        readers
            .into_iter()
            .map(|(location, reader)| (location, reader.join()))
            .collect()
    });
    for (location, rows) in rows {
        // A reader panics on output that no changelog may hold (a record id written twice).
        let rows =
            rows.map_err(|_| format!("the output of STORE '{location}' is not a changelog"))?;
        write_store(&applied.join(location), &rows)?;
    }
    let unordered: BTreeMap<String, Comparison> = stores
        .into_keys()
        .map(|location| (location, Comparison::Multiset))
        .collect();
    let problems = check_stores(&applied, &fixture.expected_dir(), &unordered);
    if problems.is_empty() {
        let _ = std::fs::remove_dir_all(&work);
        Ok(Outcome::Streamed)
    } else {
        Err(problems.join("\n"))
    }
}

/// The LOAD and STORE locations of the binary's job, from the config file `stream --write-config`
/// writes; `Err` with the message when the job refuses to stream.
fn bound_locations(binary: &Path, work: &Path) -> Result<Result<Vec<String>, String>, String> {
    let config = work.join("bindings.toml");
    let output = Command::new(binary)
        .args(["stream", "--write-config"])
        .arg(&config)
        .current_dir(work)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() {
        return if stderr.contains("cannot run as a stream") {
            Ok(Err(stderr))
        } else {
            Err(format!("--write-config failed: {stderr}"))
        };
    }
    let text = std::fs::read_to_string(&config).map_err(|e| format!("config file: {e}"))?;
    let table: toml::Table = text.parse().map_err(|e| format!("config file: {e}"))?;
    let topics = table
        .get("topics")
        .and_then(toml::Value::as_table)
        .ok_or("the config file has no [topics]")?;
    Ok(Ok(topics.keys().cloned().collect()))
}

/// Messages to produce: (partition, value).
type Records = Vec<(i32, Vec<u8>)>;

/// Creates a topic of 1 to 4 partitions for the lines of `file`, and picks a random partition for each.
fn input_records(file: &Path, topic: &str, rng: &mut Rng) -> Result<(String, Records), String> {
    let text = std::fs::read(file).map_err(|e| format!("input {}: {e}", file.display()))?;
    let partitions = rng.between(1, 5) as i32;
    create_topic(topic, partitions);
    let text = text.strip_suffix(b"\n").unwrap_or(&text);
    let records = if text.is_empty() {
        Vec::new()
    } else {
        text.split(|&b| b == b'\n')
            .map(|line| {
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                (rng.between(0, partitions as u64) as i32, line.to_vec())
            })
            .collect()
    };
    Ok((topic.to_owned(), records))
}

/// The rows an output topic holds once applied: upserts (no `pigc.op` header) by key, or inserts and
/// retractions by multiplicity.
fn applied_rows(topic: &str) -> Vec<String> {
    let messages = read_all(topic);
    let rows: Vec<Vec<u8>> = if messages.iter().any(|m| m.op.is_some()) {
        apply_inserts(&messages)
            .into_iter()
            .flat_map(|(row, n)| {
                assert!(n > 0, "a row retracted more often than inserted: {row:?}");
                std::iter::repeat_n(row, n as usize)
            })
            .collect()
    } else {
        apply_upserts(&messages).into_values().collect()
    };
    rows.into_iter()
        .map(|row| String::from_utf8_lossy(&row).into_owned())
        .collect()
}

/// Writes `rows` as a STORE directory (`part-00000` and `_SUCCESS`).
fn write_store(dir: &Path, rows: &[String]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut text = rows.join("\n");
    if !rows.is_empty() {
        text.push('\n');
    }
    std::fs::write(dir.join("part-00000"), text)
        .and_then(|()| std::fs::write(dir.join("_SUCCESS"), ""))
        .map_err(|e| format!("{}: {e}", dir.display()))
}

/// A location as part of a topic name.
fn sanitize(location: &str) -> String {
    location
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}
