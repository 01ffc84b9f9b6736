//! Repartition topics (issue #7) over the real broker: a LEFT JOIN of two input topics with different
//! partition counts (4 and 3), each record in a random partition, then a GROUP by a column of the join's
//! output. Every keyed operator is fed through a repartition topic; the left join retracts its
//! null-padded rows when a customer arrives after its orders, so retractions cross a repartition too.
//! Applied as an upsert changelog, the output equals `batch` over the same records, after a SIGKILL at a
//! random point and a restart (with half the task files lost, restored from the changelog topics), with
//! two instances in one group, and with instances of one group that have state directories of their own.
//!
//! ```pig
//! orders    = LOAD 'orders' USING PigStorage(',') AS (order_id:long, cust:chararray, amount:long);
//! customers = LOAD 'customers' USING PigStorage(',') AS (cust:chararray, region:chararray);
//! j         = JOIN orders BY cust LEFT OUTER, customers BY cust;
//! g         = GROUP j BY customers::region;
//! totals    = FOREACH g GENERATE group, COUNT_STAR(j), SUM(j.amount);
//! STORE totals INTO 'totals' USING PigStorage(',');   -- upserts keyed by region
//! ```

mod kafka_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use kafka_support::*;
use pigc_runtime::format::{DecodeError, FieldReader, FieldWriter, PigStorage, TextRecord};
use pigc_runtime::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Order {
    order_id: Option<i64>,
    cust: Option<String>,
    amount: Option<i64>,
}

impl TextRecord for Order {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Order {
            order_id: r.long(),
            cust: r.chararray(),
            amount: r.long(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.order_id);
        w.field(&self.cust);
        w.field(&self.amount);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Customer {
    cust: Option<String>,
    region: Option<String>,
}

impl TextRecord for Customer {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Customer {
            cust: r.chararray(),
            region: r.chararray(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.cust);
        w.field(&self.region);
    }
}

/// A row of `j`: the order and, when a customer matched, its region.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Joined {
    order_id: Option<i64>,
    amount: Option<i64>,
    region: Option<String>,
}

/// `totals`'s key: the region.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Region {
    region: Option<String>,
}

impl TextRecord for Region {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Region {
            region: r.chararray(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.region);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Totals {
    region: Option<String>,
    orders: i64,
    amount: Option<i64>,
}

impl TextRecord for Totals {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Totals {
            region: r.chararray(),
            orders: r.long().unwrap_or(0),
            amount: r.long(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.region);
        w.field(&self.orders);
        w.field(&self.amount);
    }
}

/// The script's dataflow, with the exchanges the physical plan puts in front of the JOIN and the GROUP.
fn build(df: &mut Dataflow) {
    df.set("pigc.emit_interval", "200ms");
    let orders = df
        .source::<Order, _>("orders", PigStorage::new(b','))
        .exchange("orders.exchange", |o| (o.cust.clone(),));
    let customers = df
        .source::<Customer, _>("customers", PigStorage::new(b','))
        .exchange("customers.exchange", |c| (c.cust.clone(),));
    let j = orders.key_by(|o| o.cust.clone()).join_left(
        "j.hashjoin",
        customers.key_by(|c| c.cust.clone()),
        |o, c| Joined {
            order_id: o.order_id,
            amount: o.amount,
            region: c.and_then(|c| c.region.clone()),
        },
    );
    let totals = j
        .exchange("j.exchange", |r| (r.region.clone(),))
        .key_by(|r| r.region.clone())
        .aggregate(
            "totals.aggregate",
            (count_star(), sum(|r: &Joined| r.amount)),
            |region, (orders, amount)| Totals {
                region: region.clone(),
                orders,
                amount,
            },
        );
    totals.sink_upsert(
        "totals",
        PigStorage::new(b','),
        |t: &Totals| Region {
            region: t.region.clone(),
        },
        PigStorage::new(b','),
    );
}

/// Orders of 40 customers, a third of them without a customer record; customers of 5 regions.
struct Data {
    orders: Vec<(i32, Vec<u8>)>,
    customers: Vec<(i32, Vec<u8>)>,
}

impl Data {
    fn new(rng: &mut Rng) -> Self {
        let orders = (0..800)
            .map(|id| {
                let line = format!("{id},c{},{}", rng.between(0, 40), rng.between(1, 1000));
                (rng.between(0, 4) as i32, line.into_bytes())
            })
            .collect();
        let customers = (0..27)
            .map(|c| {
                let line = format!("c{c},r{}", rng.between(0, 5));
                (rng.between(0, 3) as i32, line.into_bytes())
            })
            .collect();
        Self { orders, customers }
    }

    fn write_file(records: &[(i32, Vec<u8>)], path: &Path) {
        let mut text = Vec::new();
        for (_, line) in records {
            text.extend_from_slice(line);
            text.push(b'\n');
        }
        std::fs::write(path, text).expect("write input file");
    }

    /// `batch` over the same records as files: the store's sorted rows.
    fn batch_rows(&self) -> Vec<String> {
        let dir = temp_dir("repartition-batch");
        Self::write_file(&self.orders, &dir.join("orders.txt"));
        Self::write_file(&self.customers, &dir.join("customers.txt"));
        let args = [
            "job".to_owned(),
            "batch".to_owned(),
            "--input".to_owned(),
            format!("orders={}", dir.join("orders.txt").display()),
            "--input".to_owned(),
            format!("customers={}", dir.join("customers.txt").display()),
            "--output".to_owned(),
            format!("totals={}", dir.join("totals").display()),
        ];
        pigc_runtime::cli::run(build, args).expect("batch run");
        let text = std::fs::read_to_string(dir.join("totals").join("part-00000")).expect("part");
        let mut rows: Vec<String> = text.lines().map(str::to_owned).collect();
        rows.sort();
        rows
    }
}

struct Setup {
    orders: String,
    customers: String,
    totals: String,
    state_dir: PathBuf,
}

impl Setup {
    fn new(name: &str) -> Self {
        let orders = unique(&format!("{name}-orders"));
        let customers = unique(&format!("{name}-customers"));
        create_topic(&orders, 4);
        create_topic(&customers, 3);
        Self {
            orders,
            customers,
            totals: unique(&format!("{name}-totals")),
            state_dir: temp_dir(name),
        }
    }

    fn args(&self, extra: &[&str]) -> Vec<String> {
        self.args_in(&self.state_dir, extra)
    }

    /// The job's arguments with state directory `state_dir`.
    fn args_in(&self, state_dir: &Path, extra: &[&str]) -> Vec<String> {
        let mut args: Vec<String> = [
            "stream",
            "--brokers",
            broker(),
            "--set",
            "fetch.wait.max.ms=50",
            "--checkpoint-interval",
            "100ms",
        ]
        .map(str::to_owned)
        .to_vec();
        for (location, topic) in [
            ("orders", &self.orders),
            ("customers", &self.customers),
            ("totals", &self.totals),
        ] {
            args.push("--topic".to_owned());
            args.push(format!("{location}={topic}"));
        }
        args.push("--state-dir".to_owned());
        args.push(state_dir.display().to_string());
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        args
    }

    /// The output topic applied as an upsert changelog, sorted; compared with batch row by row.
    fn assert_equals(&self, batch: &[String]) {
        let mut rows: Vec<String> = apply_upserts(&read_all(&self.totals))
            .into_values()
            .map(|row| String::from_utf8(row).expect("UTF-8 row"))
            .collect();
        rows.sort();
        let differing = rows.iter().filter(|r| !batch.contains(r)).count()
            + batch.iter().filter(|r| !rows.contains(r)).count();
        eprintln!(
            "{} batch rows, {} stream rows, {differing} differing",
            batch.len(),
            rows.len()
        );
        assert_eq!(rows, batch);
        assert!(batch.len() >= 5, "every region and the unmatched orders");
    }
}

/// Entry point of the child processes: runs `stream` with the given arguments.
#[test]
fn repartition_child_process() {
    let Some(args) = child_args() else {
        return;
    };
    init_logging();
    let args = std::iter::once("job".to_owned()).chain(args);
    pigc_runtime::cli::run(build, args).expect("stream run");
    println!("\nrecords_in=0");
}

/// Half the orders, then the customers (retracting null-padded join rows), then the other half.
fn produce_in_three_waves(setup: &Setup, data: &Data) {
    let (first, second) = data.orders.split_at(data.orders.len() / 2);
    produce(&setup.orders, first);
    produce(&setup.customers, &data.customers);
    produce(&setup.orders, second);
}

#[test]
fn join_of_topics_with_different_partition_counts_survives_kill_9() {
    init_logging();
    let mut rng = Rng::new("join_of_topics_with_different_partition_counts_survives_kill_9");
    let data = Data::new(&mut rng);
    let setup = Setup::new("repartition-kill9");
    let args = setup.args(&[]);
    let producer = {
        let (orders, customers) = (setup.orders.clone(), setup.customers.clone());
        let data = Data {
            orders: data.orders.clone(),
            customers: data.customers.clone(),
        };
        std::thread::spawn(move || {
            let (first, second) = data.orders.split_at(data.orders.len() / 2);
            for burst in first.chunks(80) {
                produce(&orders, burst);
                std::thread::sleep(Duration::from_millis(100));
            }
            produce(&customers, &data.customers);
            for burst in second.chunks(80) {
                produce(&orders, burst);
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    for _ in 0..2 {
        let kill_after_ms = rng.between(300, 2500);
        eprintln!("kill -9 after {kill_after_ms} ms");
        let mut child = spawn_child("repartition_child_process", &args);
        std::thread::sleep(Duration::from_millis(kill_after_ms));
        kill_9(&mut child);
        lose_task_files(&setup.state_dir, &mut rng);
    }
    producer.join().expect("producer thread");
    let mut final_args = args.clone();
    final_args.extend(["--until-idle".to_owned(), "3s".to_owned()]);
    child_records_in(spawn_child("repartition_child_process", &final_args));
    setup.assert_equals(&data.batch_rows());
}

#[test]
fn join_of_topics_with_different_partition_counts_in_two_instances() {
    init_logging();
    let mut rng = Rng::new("join_of_topics_with_different_partition_counts_in_two_instances");
    let data = Data::new(&mut rng);
    let setup = Setup::new("repartition-group");
    produce_in_three_waves(&setup, &data);
    let group = unique("repartition-group");
    let args = setup.args(&["--group", &group, "--until-idle", "10s"]);
    let first = spawn_child("repartition_child_process", &args);
    let second = spawn_child("repartition_child_process", &args);
    child_records_in(first);
    child_records_in(second);
    setup.assert_equals(&data.batch_rows());
}

/// Deletes each task file of `state_dir` with probability 1/2, as a lost disk would: the restarted job
/// restores those tasks from their changelogs.
fn lose_task_files(state_dir: &Path, rng: &mut Rng) {
    let Ok(entries) = std::fs::read_dir(state_dir) else {
        return;
    };
    let mut lost = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("task-") && name.ends_with(".redb") && rng.between(0, 2) == 0 {
            std::fs::remove_file(entry.path()).expect("remove a task file");
            lost.push(name);
        }
    }
    eprintln!("lost task files: {lost:?}");
}

/// Task files (`task-*.redb`) in a state directory.
fn task_files(state_dir: &Path) -> usize {
    std::fs::read_dir(state_dir).map_or(0, |entries| {
        entries
            .filter(|e| {
                e.as_ref().is_ok_and(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.starts_with("task-") && name.ends_with(".redb")
                })
            })
            .count()
    })
}

/// Instances of one group on different machines: each has a state directory of its own, so a task
/// changes hands only through its changelog topic. Instances A and B start; once B holds tasks it is
/// killed with kill -9 at a random point; C joins with an empty state directory; then the second half
/// of the orders arrives. B's tasks (and those A hands to C) are restored from their changelogs.
#[test]
fn instances_with_separate_state_dirs_hand_tasks_over_through_changelogs() {
    init_logging();
    let mut rng = Rng::new("instances_with_separate_state_dirs_hand_tasks_over_through_changelogs");
    let data = Data::new(&mut rng);
    let setup = Setup::new("changelog-group");
    let (first, second) = data.orders.split_at(data.orders.len() / 2);
    produce(&setup.orders, first);
    produce(&setup.customers, &data.customers);
    let group = unique("changelog-group");
    let extra = [
        "--group",
        group.as_str(),
        "--until-idle",
        "10s",
        "--set",
        "session.timeout.ms=6000",
    ];
    let [dir_a, dir_b, dir_c] = ["a", "b", "c"].map(|n| temp_dir(&format!("changelog-group-{n}")));
    let a = spawn_child("repartition_child_process", &setup.args_in(&dir_a, &extra));
    let mut b = spawn_child("repartition_child_process", &setup.args_in(&dir_b, &extra));
    let started = std::time::Instant::now();
    while task_files(&dir_b) == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(90),
            "instance B never got a task"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let kill_after_ms = rng.between(0, 4000);
    eprintln!(
        "B got tasks after {:?}; kill -9 of B {kill_after_ms} ms later",
        started.elapsed()
    );
    std::thread::sleep(Duration::from_millis(kill_after_ms));
    kill_9(&mut b);
    let c = spawn_child("repartition_child_process", &setup.args_in(&dir_c, &extra));
    produce(&setup.orders, second);
    child_records_in(a);
    child_records_in(c);
    eprintln!(
        "A and C stopped after {:?}; task files: A {}, B {}, C {}",
        started.elapsed(),
        task_files(&dir_a),
        task_files(&dir_b),
        task_files(&dir_c)
    );
    assert!(task_files(&dir_c) > 0, "C, started empty, took tasks over");
    setup.assert_equals(&data.batch_rows());
}

/// The topics the job created: one repartition topic per exchange, with the inputs' largest partition
/// count, named after the job id kept in the state directory; their messages hold every change.
#[test]
fn repartition_topics_are_named_after_the_job_and_exchange() {
    let setup = Setup::new("repartition-names");
    let data = Data::new(&mut Rng::new(
        "repartition_topics_are_named_after_the_job_and_exchange",
    ));
    produce_in_three_waves(&setup, &data);
    let args = std::iter::once("job".to_owned()).chain(setup.args(&["--until-idle", "2s"]));
    pigc_runtime::cli::run(build, args).expect("stream run");
    let job_id = std::fs::read_to_string(setup.state_dir.join("job-id")).expect("job id file");
    assert!(job_id.starts_with("pigc."), "{job_id}");
    let mut sent = BTreeMap::new();
    for exchange in ["orders.exchange", "customers.exchange", "j.exchange"] {
        let topic = format!("{job_id}-{exchange}-repartition");
        let changes: usize = read_all(&topic)
            .iter()
            .map(|m| {
                let value = m
                    .value
                    .as_deref()
                    .expect("repartition messages have values");
                pigc_runtime::kafka::repartition::unpack(value)
                    .collect::<Result<Vec<_>, _>>()
                    .expect("length-prefixed changes")
                    .len()
            })
            .sum();
        sent.insert(exchange, changes);
    }
    assert_eq!(sent["orders.exchange"], data.orders.len());
    assert_eq!(sent["customers.exchange"], data.customers.len());
    assert!(sent["j.exchange"] >= data.orders.len(), "{sent:?}");
    setup.assert_equals(&data.batch_rows());
}
