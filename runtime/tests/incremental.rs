//! The incremental executor over encoded payloads: upsert and append sinks, their materialized tables,
//! and agreement with the batch executor over the same input.

use std::collections::HashMap;
use std::fs;

use pigc_runtime::exec::batch::{run_batch, BatchConfig};
use pigc_runtime::exec::incremental::IncrementalExecutor;
use pigc_runtime::format::{DecodeError, FieldReader, FieldWriter, PigStorage, TextRecord};
use pigc_runtime::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Visit {
    user: Option<String>,
    page: Option<String>,
}

impl TextRecord for Visit {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Visit {
            user: r.chararray(),
            page: r.chararray(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.page);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct PerUser {
    user: Option<String>,
    pages: i64,
}

impl TextRecord for PerUser {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(PerUser {
            user: r.chararray(),
            pages: r.long().unwrap_or_default(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.pages);
    }
}

/// The group key alone, in PigStorage, for the upsert sink's message key.
#[derive(Debug, Clone)]
struct UserKey(Option<String>);

impl TextRecord for UserKey {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(UserKey(r.chararray()))
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.0);
    }
}

/// visits = LOAD 'visits'; d = DISTINCT visits; g = GROUP d BY user;
/// per_user = FOREACH g GENERATE group, COUNT(d); STORE per_user INTO 'per_user';
/// STORE d INTO 'distinct_visits';
fn build(df: &mut Dataflow) {
    let visits = df.source::<Visit, _>("visits", PigStorage::default());
    let distinct = visits.distinct("distinct");
    distinct
        .key_by(|v| v.user.clone())
        .aggregate(
            "per_user",
            count(|v: &Visit| v.user.is_some()),
            |user, pages| PerUser {
                user: user.clone(),
                pages,
            },
        )
        .sink_upsert(
            "per_user",
            PigStorage::default(),
            |r: &PerUser| UserKey(r.user.clone()),
            PigStorage::default(),
        );
    distinct.sink("distinct_visits", PigStorage::default());
}

const LOG: &str = "ann\thome\nbob\thome\nann\thome\nann\tjobs\n\tjobs\nbob\tsearch\nann\tjobs\n";

#[test]
fn upsert_sink_emits_one_change_per_key() {
    let mut df = Dataflow::new();
    build(&mut df);
    let mut exec = IncrementalExecutor::new(df).unwrap();
    exec.push(0, b"ann\thome").unwrap();
    let first = exec.step();
    assert_eq!(first[0], vec![(b"ann".to_vec(), b"ann\t1".to_vec(), 1)]);
    assert_eq!(first[1], vec![(Vec::new(), b"ann\thome".to_vec(), 1)]);
    exec.push(0, b"ann\tjobs").unwrap();
    exec.push(0, b"ann\thome").unwrap();
    let second = exec.step();
    // The old row of `ann` is replaced, not deleted: one upsert for the key.
    assert_eq!(second[0], vec![(b"ann".to_vec(), b"ann\t2".to_vec(), 1)]);
    assert_eq!(second[1], vec![(Vec::new(), b"ann\tjobs".to_vec(), 1)]);
}

#[test]
fn incremental_tables_equal_batch_output_after_every_chunk() {
    let tmp = tempfile::tempdir().unwrap();
    let lines: Vec<&str> = LOG.lines().collect();
    let mut df = Dataflow::new();
    build(&mut df);
    let mut exec = IncrementalExecutor::new(df).unwrap();
    for (i, chunk) in lines.chunks(3).enumerate() {
        for line in chunk {
            exec.push(0, line.as_bytes()).unwrap();
        }
        exec.step();
        let consumed = lines[..(3 * i + chunk.len())].join("\n");
        let input = tmp.path().join(format!("visits-{i}"));
        fs::write(&input, consumed).unwrap();
        let mut batch = Dataflow::new();
        build(&mut batch);
        let out = |name: &str| tmp.path().join(format!("{name}-{i}"));
        let config = BatchConfig {
            inputs: HashMap::from([("visits".to_owned(), input)]),
            outputs: HashMap::from([
                ("per_user".to_owned(), out("per_user")),
                ("distinct_visits".to_owned(), out("distinct_visits")),
            ]),
            dead_letter_dir: None,
        };
        run_batch(&mut batch, &config).unwrap();
        for sink in ["per_user", "distinct_visits"] {
            let text = fs::read_to_string(out(sink).join("part-00000")).unwrap();
            let mut expected: Vec<Vec<u8>> = text.lines().map(|l| l.as_bytes().to_vec()).collect();
            expected.sort();
            assert_eq!(
                exec.table(sink).unwrap().rows(),
                expected,
                "{sink} after chunk {i}"
            );
        }
    }
}

#[test]
fn retention_evicts_state_at_the_watermark_without_retracting() {
    let mut df = Dataflow::new();
    let (s, input) = df.input::<(i64, i64)>("s");
    let out = s
        .event_time(|r| r.1)
        .key_by(|r| r.0)
        .aggregate("g", count_star(), |k, n| (*k, n))
        .output();
    df.set_retention_ms(100);
    input.insert_all([(1, 1_000), (2, 1_050)]);
    df.step();
    assert_eq!(df.state_entries(), 2);
    assert_eq!(out.take().len(), 2);
    // Watermark 1_120: nothing is older than 1_020 except key 1.
    input.insert_all([(3, 1_120)]);
    df.step();
    assert_eq!(df.watermark(), Some(1_120));
    assert_eq!(df.state_entries(), 2);
    assert_eq!(out.take(), vec![((3, 1), 1)]);
    // Key 1 came back after eviction: it starts a new group (late data is not merged).
    input.insert_all([(1, 1_121)]);
    df.step();
    assert_eq!(out.take(), vec![((1, 1), 1)]);
}
