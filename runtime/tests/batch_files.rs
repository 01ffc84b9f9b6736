//! The batch executor and the run contract over real files: directories of part files, `_SUCCESS`,
//! ordered output, dead letters, unknown bindings.

use std::fs;
use std::path::Path;

use pigc_runtime::cli;
use pigc_runtime::prelude::*;

/// A two-field tab-separated test format: `name<TAB>count` (an unparsable count reads as null, with a
/// warning; a line without exactly two fields is malformed).
struct Tsv;

impl Format<(String, Option<i64>)> for Tsv {
    fn decode(
        &self,
        payload: &[u8],
        warnings: &mut DecodeWarnings,
    ) -> Result<(String, Option<i64>), DecodeError> {
        let text = std::str::from_utf8(payload).map_err(|_| DecodeError::new("not UTF-8"))?;
        let fields: Vec<&str> = text.split('\t').collect();
        if fields.len() != 2 {
            return Err(DecodeError::new(format!(
                "expected 2 fields, found {}",
                fields.len()
            )));
        }
        let n = if fields[1].is_empty() {
            None
        } else {
            let parsed = fields[1].parse().ok();
            if parsed.is_none() {
                warnings.bad_fields += 1;
            }
            parsed
        };
        Ok((fields[0].to_owned(), n))
    }

    fn encode(&self, record: &(String, Option<i64>), out: &mut Vec<u8>) {
        out.extend_from_slice(record.0.as_bytes());
        out.push(b'\t');
        if let Some(n) = record.1 {
            out.extend_from_slice(n.to_string().as_bytes());
        }
    }
}

/// events = LOAD 'events' USING Tsv; g = GROUP events BY name;
/// totals = FOREACH g GENERATE group, SUM(events.n); STORE totals INTO 'totals';
/// sorted = ORDER totals BY $1 DESC; STORE sorted INTO 'sorted';
fn build(df: &mut Dataflow) {
    let events = df.source::<(String, Option<i64>), _>("events", Tsv);
    let totals = events.key_by(|e| e.0.clone()).aggregate(
        "totals",
        sum(|e: &(String, Option<i64>)| e.1),
        |k, s| (k.clone(), s),
    );
    totals.sink("totals", Tsv);
    totals.sink_sorted("sorted", Tsv, |a, b| b.1.cmp(&a.1));
}

fn read(dir: &Path) -> String {
    fs::read_to_string(dir.join("part-00000")).unwrap()
}

#[test]
fn batch_reads_part_directories_writes_parts_and_dead_letters() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("part-00000"), "a\t1\nb\t5\r\nbroken line\n").unwrap();
    fs::write(input.join("part-00001"), "a\t2\nc\tx\n").unwrap();
    fs::write(input.join("_SUCCESS"), "").unwrap();
    let out = tmp.path().join("out");
    let sorted = tmp.path().join("sorted");
    let arg = |flag: &str, loc: &str, p: &Path| [flag.to_owned(), format!("{loc}={}", p.display())];
    let mut args = vec!["bin".to_owned(), "batch".to_owned()];
    args.extend(arg("--input", "events", &input));
    args.extend(arg("--output", "totals", &out));
    args.extend(arg("--output", "sorted", &sorted));
    cli::run(build, args.clone()).unwrap();

    assert_eq!(read(&out), "a\t3\nb\t5\nc\t\n");
    assert_eq!(read(&sorted), "b\t5\na\t3\nc\t\n");
    assert!(out.join("_SUCCESS").exists());
    let dead = fs::read_to_string(out.join("_deadletter/part-00000")).unwrap();
    assert_eq!(dead.lines().count(), 1);
    assert!(dead.contains("expected 2 fields, found 1"), "{dead}");
    assert!(dead.contains("\"payload\":\"broken line\""), "{dead}");

    // A rerun replaces what the first run wrote.
    cli::run(build, args).unwrap();
    assert_eq!(read(&out), "a\t3\nb\t5\nc\t\n");
}

#[test]
fn batch_rejects_unknown_locations_and_missing_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let err = cli::run(
        build,
        ["bin", "batch", "--input", "nope=/tmp/x"].map(String::from),
    )
    .unwrap_err();
    assert!(err.to_string().contains("no LOAD `nope`"), "{err}");
    let missing = tmp.path().join("missing");
    let out = tmp.path().join("o1");
    let sorted = tmp.path().join("o2");
    let err = cli::run(
        build,
        [
            "bin".to_owned(),
            "batch".to_owned(),
            "--input".to_owned(),
            format!("events={}", missing.display()),
            "--output".to_owned(),
            format!("totals={}", out.display()),
            "--output".to_owned(),
            format!("sorted={}", sorted.display()),
        ],
    )
    .unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
}

/// copy = LOAD 'events'; STORE copy INTO 'copy';
fn copy(df: &mut Dataflow) {
    df.source::<(String, Option<i64>), _>("events", Tsv)
        .sink("copy", Tsv);
}

#[test]
fn large_inputs_decode_on_two_threads_in_order_with_dead_letters_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("events.txt");
    let mut text = String::new();
    let mut expected = String::new();
    let mut broken_offsets = Vec::new();
    for i in 0..300_000 {
        if i % 1000 == 7 {
            broken_offsets.push(text.len());
            text.push_str("broken\n");
        } else {
            let line = format!("k{i}\t{i}\n");
            text.push_str(&line);
            expected.push_str(&line);
        }
    }
    fs::write(&input, &text).unwrap();
    let out = tmp.path().join("copy");
    cli::run(
        copy,
        [
            "bin".to_owned(),
            "batch".to_owned(),
            "--input".to_owned(),
            format!("events={}", input.display()),
            "--output".to_owned(),
            format!("copy={}", out.display()),
        ],
    )
    .unwrap();
    assert!(read(&out) == expected, "records out of order or lost");
    let dead = fs::read_to_string(out.join("_deadletter/part-00000")).unwrap();
    let offsets: Vec<usize> = dead
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["offset"].as_u64().unwrap() as usize
        })
        .collect();
    assert_eq!(offsets, broken_offsets);
}
