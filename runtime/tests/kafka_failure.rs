//! A stream job stops when an operator fails it (issue #7), over the real broker: a violated ASSERT ends
//! `stream --until-idle` with an error naming the reason and the task, nothing of the failing step reaches
//! the output or repartition topics, a restart fails again at the same record, and once the script is
//! fixed a restart resumes from the last good checkpoint with nothing lost or doubled.
//!
//! ```pig
//! orders  = LOAD 'orders' USING PigStorage(',') AS (id:long, customer:chararray, amount:long);
//! checked = ASSERT orders BY amount >= 0, 'amount must not be negative';   -- failure.pig:2
//! STORE checked INTO 'checked' USING PigStorage(',');                     -- inserts
//! g       = GROUP checked BY customer;                                    -- through a repartition topic
//! totals  = FOREACH g GENERATE group, COUNT_STAR(checked), SUM(checked.amount);
//! STORE totals INTO 'totals' USING PigStorage(',');                       -- upserts keyed by customer
//! ```

mod kafka_support;

use std::collections::BTreeMap;
use std::path::PathBuf;

use kafka_support::*;
use pigc_runtime::cli::{Build, CliError};
use pigc_runtime::data::PigText;
use pigc_runtime::format::{DecodeError, FieldReader, FieldWriter, PigStorage, TextRecord};
use pigc_runtime::kafka::repartition;
use pigc_runtime::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Order {
    id: Option<i64>,
    customer: Option<String>,
    amount: Option<i64>,
}

impl TextRecord for Order {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Order {
            id: r.long(),
            customer: r.chararray(),
            amount: r.long(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.id);
        w.field(&self.customer);
        w.field(&self.amount);
    }
}

impl PigText for Order {
    fn write_text(&self, out: &mut Vec<u8>) {
        out.push(b'(');
        self.id.write_text(out);
        out.push(b',');
        self.customer.write_text(out);
        out.push(b',');
        self.amount.write_text(out);
        out.push(b')');
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Totals {
    customer: Option<String>,
    orders: i64,
    amount: Option<i64>,
}

impl TextRecord for Totals {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Totals {
            customer: r.chararray(),
            orders: r.long().unwrap_or(0),
            amount: r.long(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.customer);
        w.field(&self.orders);
        w.field(&self.amount);
    }
}

/// `totals`'s upsert key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
struct Customer {
    customer: Option<String>,
}

impl TextRecord for Customer {
    fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
        Ok(Customer {
            customer: r.chararray(),
        })
    }
    fn write(&self, w: &mut FieldWriter<'_>) {
        w.field(&self.customer);
    }
}

/// The exchange's operator id, which names its repartition topic.
const EXCHANGE: &str = "checked.exchange";

/// The script's dataflow with `amount >= min_amount` as the ASSERT's condition.
fn build_asserting(df: &mut Dataflow, min_amount: i64) {
    let checked = df
        .source::<Order, _>("orders", PigStorage::new(b','))
        .assert(
            "failure.pig:2",
            Some("amount must not be negative"),
            move |o| o.amount.map(|a| a >= min_amount),
        );
    checked.sink("checked", PigStorage::new(b','));
    checked
        .exchange(EXCHANGE, |o| (o.customer.clone(),))
        .key_by(|o| o.customer.clone())
        .aggregate(
            "totals.aggregate",
            (count_star(), sum(|o: &Order| o.amount)),
            |customer, (orders, amount)| Totals {
                customer: customer.clone(),
                orders,
                amount,
            },
        )
        .sink_upsert(
            "totals",
            PigStorage::new(b','),
            |t: &Totals| Customer {
                customer: t.customer.clone(),
            },
            PigStorage::new(b','),
        );
}

/// The script as written.
fn build(df: &mut Dataflow) {
    build_asserting(df, 0);
}

/// The script after its author relaxed the ASSERT: the same operators (same ids), so it restores the
/// failed job's checkpoints.
fn build_relaxed(df: &mut Dataflow) {
    build_asserting(df, -10);
}

struct Setup {
    orders: String,
    checked: String,
    totals: String,
    state_dir: PathBuf,
}

/// Everything the job has written: the two sinks and the repartition topic, message by message.
#[derive(Debug, PartialEq, Eq)]
struct Written {
    checked: Vec<ReadMessage>,
    totals: Vec<ReadMessage>,
    repartition: Vec<ReadMessage>,
}

impl Setup {
    fn new(name: &str) -> Self {
        let orders = unique(&format!("{name}-orders"));
        create_topic(&orders, 2);
        Self {
            orders,
            checked: unique(&format!("{name}-checked")),
            totals: unique(&format!("{name}-totals")),
            state_dir: temp_dir(name),
        }
    }

    /// Runs `stream --until-idle` to its end. Checkpoints and emissions only happen at the end of a
    /// run (long intervals), so what a failed run leaves in the topics does not depend on timing.
    fn run(&self, build: Build) -> Result<(), CliError> {
        let mut args: Vec<String> = [
            "job",
            "stream",
            "--brokers",
            broker(),
            "--set",
            "fetch.wait.max.ms=50",
            "--until-idle",
            "1s",
            "--checkpoint-interval",
            "10m",
            "--emit-interval",
            "10m",
        ]
        .map(str::to_owned)
        .to_vec();
        for (location, topic) in [
            ("orders", &self.orders),
            ("checked", &self.checked),
            ("totals", &self.totals),
        ] {
            args.push("--topic".to_owned());
            args.push(format!("{location}={topic}"));
        }
        args.push("--state-dir".to_owned());
        args.push(self.state_dir.display().to_string());
        pigc_runtime::cli::run(build, args)
    }

    fn written(&self) -> Written {
        let job_id = repartition::job_id(&self.state_dir, None).expect("job id");
        Written {
            checked: read_all(&self.checked),
            totals: read_all(&self.totals),
            repartition: read_all(&repartition::topic_name(&job_id, EXCHANGE)),
        }
    }
}

fn lines(records: &[(i32, &str)]) -> Vec<(i32, Vec<u8>)> {
    records
        .iter()
        .map(|(partition, line)| (*partition, line.as_bytes().to_vec()))
        .collect()
}

/// Inserted rows and upserted totals as text, for readable comparisons.
fn tables(written: &Written) -> (BTreeMap<String, i64>, Vec<String>) {
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("UTF-8 row");
    let checked = apply_inserts(&written.checked)
        .into_iter()
        .map(|(row, n)| (text(row), n))
        .collect();
    let totals = apply_upserts(&written.totals)
        .into_values()
        .map(text)
        .collect();
    (checked, totals)
}

#[test]
fn a_violated_assert_stops_the_job_before_its_step_is_sent_and_again_after_a_restart() {
    init_logging();
    let setup = Setup::new("assert-fails");

    produce(
        &setup.orders,
        &lines(&[
            (0, "1,ann,10"),
            (1, "2,bob,5"),
            (0, "3,bob,7"),
            (1, "4,ann,1"),
        ]),
    );
    setup.run(build).expect("a run over valid orders succeeds");
    let good = setup.written();
    let (checked, totals) = tables(&good);
    assert_eq!(checked.len(), 4, "{checked:?}");
    assert_eq!(totals, ["ann,2,11", "bob,2,12"]);
    assert!(!good.repartition.is_empty());

    // Partition 0 gets a violating order between two valid ones; partition 1 a valid one.
    produce(
        &setup.orders,
        &lines(&[
            (0, "5,ann,3"),
            (0, "6,bob,-4"),
            (0, "7,cid,2"),
            (1, "8,cid,9"),
        ]),
    );
    for attempt in ["first run", "restart"] {
        let err = setup
            .run(build)
            .expect_err("a violated ASSERT fails the run");
        let message = err.to_string();
        assert!(matches!(err, CliError::Stream(_)), "{attempt}: {message}");
        let expected = format!(
            "the job failed in task in.{}.0: Assertion violated: amount must not be negative on \
             row (6,bob,-4) (ASSERT at failure.pig:2)",
            setup.orders
        );
        assert!(message.contains(&expected), "{attempt}: {message}");
        assert_eq!(
            setup.written(),
            good,
            "{attempt}: the failed run sent nothing to the sinks or the repartition topic"
        );
    }

    // With the ASSERT relaxed, the job resumes from the last good checkpoint: every order exactly once.
    setup.run(build_relaxed).expect("the fixed script runs");
    let (checked, totals) = tables(&setup.written());
    let expected: BTreeMap<String, i64> = [
        "1,ann,10", "2,bob,5", "3,bob,7", "4,ann,1", "5,ann,3", "6,bob,-4", "7,cid,2", "8,cid,9",
    ]
    .into_iter()
    .map(|row| (row.to_owned(), 1))
    .collect();
    assert_eq!(checked, expected);
    assert_eq!(totals, ["ann,3,14", "bob,3,8", "cid,2,11"]);
}
