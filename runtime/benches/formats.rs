//! PigStorage / CSV / JSON decode and encode throughput, per line (target: ≥ 5 M lines/s/core for a
//! 5-field numeric PigStorage line). Each iteration is timed in the thread's CPU time (not wall time),
//! so the elements/s are lines/s per core even when other processes share the machine.
//!
//! `cargo bench -p pigc-runtime --bench formats`

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pigc_runtime::data::Double;
use pigc_runtime::format::{
    Csv, DecodeError, DecodeWarnings, FieldReader, FieldWriter, Format, JsonLines, PigStorage,
    TextRecord,
};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Numeric {
    id: Option<i32>,
    user: Option<i64>,
    count: Option<i32>,
    price: Option<Double>,
    ts: Option<i64>,
}

impl TextRecord for Numeric {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Numeric {
            id: r.int(),
            user: r.long(),
            count: r.int(),
            price: r.double(),
            ts: r.long(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.user);
        w.field(&self.count);
        w.field(&self.price);
        w.field(&self.ts);
    }
}

struct Mixed {
    name: Option<String>,
    age: Option<i32>,
    gpa: Option<Double>,
}

impl TextRecord for Mixed {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Mixed {
            name: r.chararray(),
            age: r.int(),
            gpa: r.double(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.name);
        w.field(&self.age);
        w.field(&self.gpa);
    }
}

const LINES: usize = 1000;

/// CPU time of the calling thread.
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; CLOCK_THREAD_CPUTIME_ID is supported on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Runs `f` `iters` times and returns the thread CPU time it took (criterion's `iter_custom`).
fn cpu_timed<R>(iters: u64, mut f: impl FnMut() -> R) -> Duration {
    let start = thread_cpu_time();
    let wall = Instant::now();
    for _ in 0..iters {
        black_box(f());
    }
    // Guard against a clock that does not advance (then fall back to wall time).
    let cpu = thread_cpu_time().saturating_sub(start);
    if cpu.is_zero() {
        wall.elapsed()
    } else {
        cpu
    }
}

fn numeric_lines(delim: char) -> Vec<String> {
    (0..LINES)
        .map(|i| {
            format!(
                "{}{delim}{}{delim}{}{delim}{}.25{delim}{}",
                i,
                1_000_000 + i * 7,
                i % 13,
                i % 1000,
                1_700_000_000_000u64 + i as u64
            )
        })
        .collect()
}

fn decode_lines<T, F: Format<T>>(f: &F, lines: &[String]) -> usize {
    let mut warn = DecodeWarnings::default();
    let mut ok = 0;
    for l in lines {
        if black_box(f.decode(l.as_bytes(), &mut warn)).is_ok() {
            ok += 1;
        }
    }
    ok
}

fn bench_formats(c: &mut Criterion) {
    let mut g = c.benchmark_group("formats");
    g.throughput(Throughput::Elements(LINES as u64));
    g.measurement_time(Duration::from_secs(3));
    g.warm_up_time(Duration::from_secs(1));

    let tab = numeric_lines('\t');
    let pig = PigStorage::default();
    g.bench_function("pigstorage_decode_5_numeric", |b| {
        b.iter_custom(|n| cpu_timed(n, || decode_lines::<Numeric, _>(&pig, &tab)))
    });

    let mixed: Vec<String> = (0..LINES)
        .map(|i| format!("student name {i}\t{}\t{}.5", 18 + i % 10, i % 4))
        .collect();
    g.bench_function("pigstorage_decode_mixed_3", |b| {
        b.iter_custom(|n| cpu_timed(n, || decode_lines::<Mixed, _>(&pig, &mixed)))
    });

    let records: Vec<Numeric> = {
        let mut warn = DecodeWarnings::default();
        tab.iter()
            .filter_map(|l| pig.decode(l.as_bytes(), &mut warn).ok())
            .collect()
    };
    g.bench_function("pigstorage_encode_5_numeric", |b| {
        let mut out = Vec::with_capacity(64 * LINES);
        b.iter_custom(|n| {
            cpu_timed(n, || {
                out.clear();
                for r in &records {
                    pig.encode(r, &mut out);
                    out.push(b'\n');
                }
                out.len()
            })
        })
    });

    let csv_lines = numeric_lines(',');
    let csv = Csv::default();
    g.bench_function("csv_decode_5_numeric", |b| {
        b.iter_custom(|n| cpu_timed(n, || decode_lines::<Numeric, _>(&csv, &csv_lines)))
    });

    let json_lines: Vec<String> = records
        .iter()
        .map(|r| {
            let mut out = Vec::new();
            JsonLines.encode(r, &mut out);
            String::from_utf8_lossy(&out).into_owned()
        })
        .collect();
    g.bench_function("json_decode_5_numeric", |b| {
        b.iter_custom(|n| cpu_timed(n, || decode_lines::<Numeric, _>(&JsonLines, &json_lines)))
    });
    g.finish();
}

criterion_group!(benches, bench_formats);
criterion_main!(benches);
