//! Operator throughput over 1 M synthetic events (issue #5): filter+project from a PigStorage file
//! through the batch executor (read, decode, filter, project, encode, write), and, from decoded records
//! in memory, filter+project, group+count, group+count-distinct, distinct, and a hash join with a
//! 10 K-row table. Each iteration is one batch step over all events. Time is the process's CPU time over
//! all its threads (not wall time), so the reported elements/s are events/s per core even when other
//! processes share the machine. The file bench is also run against wall-clock time (group `wall`), which
//! shows what decoding on two threads buys.
//!
//! `cargo bench -p pigc-runtime --bench operators -- --warm-up-time 1 --measurement-time 3`

use std::collections::HashMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use pigc_runtime::exec::batch::{run_batch, BatchConfig};
use pigc_runtime::format::{DecodeError, FieldReader, FieldWriter, PigStorage, TextRecord};
use pigc_runtime::prelude::*;
use serde::{Deserialize, Serialize};

/// CPU time of the process (all threads), in nanoseconds.
struct CpuTime;

fn cpu_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; CLOCK_PROCESS_CPUTIME_ID is supported on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;
    fn start(&self) -> u64 {
        cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical_ns: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical_ns < 1e3 {
            (1.0, "ns (cpu)")
        } else if typical_ns < 1e6 {
            (1e-3, "µs (cpu)")
        } else if typical_ns < 1e9 {
            (1e-6, "ms (cpu)")
        } else {
            (1e-9, "s (cpu)")
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }

    fn scale_throughputs(
        &self,
        typical_ns: f64,
        t: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let per_iteration = match *t {
            Throughput::Elements(n) | Throughput::ElementsAndBytes { elements: n, .. } => n,
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) | Throughput::Bits(n) => n,
        } as f64;
        let (divisor, unit) = if per_iteration * 1e9 / typical_ns < 1e6 {
            (1e3, "K/s per core")
        } else {
            (1e6, "M/s per core")
        };
        values
            .iter_mut()
            .for_each(|v| *v = per_iteration * 1e9 / *v / divisor);
        unit
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

const EVENTS: usize = 1_000_000;
const USERS: u64 = 100_000;
const TABLE_ROWS: u64 = 10_000;

/// `events: (user:chararray, kind:chararray, session:long, n:long, ts:long)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Event {
    user: Option<String>,
    kind: Option<String>,
    session: Option<i64>,
    n: Option<i64>,
    ts: Option<i64>,
}

impl TextRecord for Event {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Event {
            user: r.chararray(),
            kind: r.chararray(),
            session: r.long(),
            n: r.long(),
            ts: r.long(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.kind);
        w.field(&self.session);
        w.field(&self.n);
        w.field(&self.ts);
    }
}

/// `(user, n)` after projection.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Projected {
    user: Option<String>,
    n: Option<i64>,
}

impl TextRecord for Projected {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Projected {
            user: r.chararray(),
            n: r.long(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.user);
        w.field(&self.n);
    }
}

/// A deterministic generator (splitmix64), so every run benches the same events.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// 1 M events over 100 K users; 2 % are exact duplicates of an earlier event.
fn events() -> Vec<Event> {
    const KINDS: [&str; 4] = ["view", "search", "inmail_sent", "inmail_accepted"];
    let mut g = Gen(42);
    let mut out: Vec<Event> = Vec::with_capacity(EVENTS);
    for i in 0..EVENTS {
        if i > 0 && g.next() % 50 == 0 {
            let copy = out[(g.next() % i as u64) as usize].clone();
            out.push(copy);
            continue;
        }
        out.push(Event {
            user: Some(format!("u{}", g.next() % USERS)),
            kind: Some(KINDS[(g.next() % 4) as usize].to_owned()),
            session: Some((g.next() % 300_000) as i64),
            n: Some((g.next() % 100) as i64),
            ts: Some(1_700_000_000_000 + i as i64),
        });
    }
    out
}

fn pig_storage_file(events: &[Event]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("events.txt");
    let mut text = Vec::with_capacity(events.len() * 48);
    for e in events {
        Format::<Event>::encode(&PigStorage::new(b'\t'), e, &mut text);
        text.push(b'\n');
    }
    std::fs::write(&path, text).expect("write events");
    (dir, path)
}

fn filter_project(events: Stream<'_, Event>) -> Stream<'_, Projected> {
    events.filter_map(|e| {
        (e.n.is_some_and(|n| n >= 50)).then(|| Projected {
            user: e.user.clone(),
            n: e.n,
        })
    })
}

/// Runs `pipeline` over `events` pushed in memory: setup (building and feeding) is not timed, the step
/// and draining the output are.
fn bench_in_memory<O: Record>(
    c: &mut Criterion<CpuTime>,
    name: &str,
    events: &[Event],
    pipeline: for<'a> fn(&'a Dataflow, Stream<'a, Event>) -> OutputHandle<O>,
) {
    let mut group = c.benchmark_group("operators");
    group.throughput(Throughput::Elements(events.len() as u64));
    group.sample_size(10);
    group.bench_function(name, |b| {
        b.iter_batched(
            || {
                let df = Dataflow::new();
                let (s, input) = df.input::<Event>("events");
                let out = pipeline(&df, s);
                input.insert_all(events.iter().cloned());
                (df, out)
            },
            |(mut df, out)| {
                df.step();
                // Returned, so that dropping the state happens outside the measurement.
                let rows = out.take();
                (df, rows)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

/// filter+project from a PigStorage file through the batch executor: read, decode (on two threads),
/// filter, project, encode, write.
fn bench_file<M: Measurement>(c: &mut Criterion<M>, group: &str, path: &Path, dir: &Path) {
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(EVENTS as u64));
    group.sample_size(10);
    group.bench_function("filter_project_pigstorage_file", |b| {
        let config = BatchConfig {
            inputs: HashMap::from([("events".to_owned(), path.to_path_buf())]),
            outputs: HashMap::from([("out".to_owned(), dir.join("out"))]),
            dead_letter_dir: None,
        };
        b.iter(|| {
            let mut df = Dataflow::new();
            let s = df.source::<Event, _>("events", PigStorage::new(b'\t'));
            filter_project(s).sink("out", PigStorage::new(b'\t'));
            black_box(run_batch(&mut df, &config).expect("batch run"))
        });
    });
    group.finish();
}

fn operators(c: &mut Criterion<CpuTime>) {
    let events = events();
    let (dir, path) = pig_storage_file(&events);

    bench_file(c, "operators", &path, dir.path());

    bench_in_memory(c, "filter_project_in_memory", &events, |_, s| {
        filter_project(s).output()
    });
    bench_in_memory(c, "group_count", &events, |_, s| {
        s.key_by(|e| e.user.clone())
            .aggregate("g", count_star(), |k, n| (k.clone(), n))
            .output()
    });
    bench_in_memory(c, "group_count_distinct", &events, |_, s| {
        s.key_by(|e| e.user.clone())
            .aggregate("g", count_distinct(|e: &Event| e.session), |k, n| {
                (k.clone(), n)
            })
            .output()
    });
    bench_in_memory(c, "distinct", &events, |_, s| s.distinct("d").output());
    bench_in_memory(c, "hash_join_10k_table", &events, |df, s| {
        let (table, input) = df.input::<(i64, String)>("users");
        input.insert_all((0..TABLE_ROWS as i64).map(|i| (i, format!("name{i}"))));
        s.key_by(|e| e.session.map(|x| x % TABLE_ROWS as i64))
            .join_inner("j", table.key_by(|t| Some(t.0)), |e, t| {
                (e.user.clone(), t.1.clone(), e.n)
            })
            .output()
    });
}

fn wall(c: &mut Criterion) {
    let (dir, path) = pig_storage_file(&events());
    bench_file(c, "wall", &path, dir.path());
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = operators
}
criterion_group!(wall_clock, wall);
criterion_main!(benches, wall_clock);
