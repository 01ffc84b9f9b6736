//! A dataflow as a Kafka stream job (issue #7): implements the stream executor's byte-level
//! [`StreamJob`] contract over [`Dataflow`]'s sources, sinks, exchanges and state hooks. Each task's
//! dataflow is built with its exchanges cut ([`Dataflow::with_cut_exchanges`]), so that what crosses them
//! goes through the repartition topics (see [`crate::kafka::repartition`]).

use std::time::Duration;

use crate::dataflow::Dataflow;
use crate::io::sink::SinkMode as RuntimeSinkMode;
use crate::kafka::{
    JobError, JobFactory, OutputChanges, RestoreError, SinkMode, SinkSpec, SourceSpec, StateSink,
    StreamJob,
};
use crate::state::CheckpointVisitor;

/// Makes a fresh dataflow per task from the generated `build` function.
pub struct DataflowJobFactory {
    build: fn(&mut Dataflow),
}

impl DataflowJobFactory {
    /// A factory for the job declared by `build`.
    pub fn new(build: fn(&mut Dataflow)) -> Self {
        Self { build }
    }

    fn dataflow(&self) -> Dataflow {
        let mut df = Dataflow::with_cut_exchanges();
        (self.build)(&mut df);
        df
    }

    /// The script's `pigc.emit_interval`, if it sets one.
    pub fn emit_interval(&self) -> Result<Option<Duration>, String> {
        self.dataflow()
            .setting("pigc.emit_interval")
            .map(|text| {
                humantime::parse_duration(&text)
                    .map_err(|e| format!("pigc.emit_interval `{text}`: {e}"))
            })
            .transpose()
    }
}

impl JobFactory for DataflowJobFactory {
    type Job = DataflowJob;

    fn sources(&self) -> Vec<SourceSpec> {
        self.dataflow()
            .source_locations()
            .into_iter()
            .map(|location| SourceSpec { location })
            .collect()
    }

    fn sinks(&self) -> Vec<SinkSpec> {
        self.dataflow()
            .sinks_mut()
            .iter()
            .map(|s| SinkSpec {
                location: s.location().to_owned(),
                mode: match s.mode() {
                    RuntimeSinkMode::Append => SinkMode::Insert,
                    RuntimeSinkMode::Upsert => SinkMode::Upsert,
                },
            })
            .collect()
    }

    fn exchanges(&self) -> Vec<String> {
        self.dataflow().exchange_ids()
    }

    /// The reasons codegen recorded in the setting `pigc.batch_only` (ORDER without LIMIT, RANK, …).
    fn batch_only(&self) -> Option<String> {
        self.dataflow().setting("pigc.batch_only")
    }

    fn create(&self) -> DataflowJob {
        let mut df = self.dataflow();
        df.set_track_state_changes(true);
        let exchanges = df.exchange_ids().len();
        DataflowJob {
            df,
            exchanges,
            reported: None,
        }
    }
}

/// One task's dataflow.
pub struct DataflowJob {
    df: Dataflow,
    /// Number of cut exchanges.
    exchanges: usize,
    /// The failure needing the whole input last reported (see [`Dataflow::pending_failure`]).
    reported: Option<String>,
}

struct ToStateSink<'a>(&'a mut dyn StateSink);

impl CheckpointVisitor for ToStateSink<'_> {
    fn put(&mut self, operator: &str, key: &[u8], value: &[u8]) {
        self.0.put(operator, key, value);
    }
    fn delete(&mut self, operator: &str, key: &[u8]) {
        self.0.delete(operator, key);
    }
}

impl StreamJob for DataflowJob {
    fn push(&mut self, source: usize, payload: &[u8]) -> Result<(), crate::format::DecodeError> {
        self.df.push_raw(source, payload).map_err(|e| match e {
            crate::dataflow::PushError::Decode(d) => d,
            other => crate::format::DecodeError::new(other.to_string()),
        })
    }

    fn push_exchange(
        &mut self,
        exchange: usize,
        payload: &[u8],
    ) -> Result<(), crate::format::DecodeError> {
        self.df.push_exchange(exchange, payload)
    }

    fn step(&mut self, output: &mut dyn OutputChanges) -> Result<(), JobError> {
        self.df.step();
        let pending = self.df.pending_failure();
        if let Some(reason) = pending
            .as_ref()
            .filter(|&p| Some(p) != self.reported.as_ref())
        {
            tracing::warn!(
                "{reason} (for now: a relation read as a scalar is judged over the whole input, \
                 which only a batch run sees; the stream goes on)"
            );
        }
        self.reported = pending;
        for (index, sink) in self.df.sinks_mut().iter_mut().enumerate() {
            sink.drain_changes(&mut |key: &[u8], value: &[u8], weight: i64| {
                output.change(index, key, value, weight);
            });
        }
        for index in 0..self.exchanges {
            let records = self.df.drain_exchange(index).map_err(|e| JobError {
                what: "cannot send changes across an exchange".into(),
                reason: e.to_string(),
            })?;
            for record in records {
                output.exchange(index, record.key_hash, &record.payload);
            }
        }
        Ok(())
    }

    /// The dataflow's [`Dataflow::definite_failure`]: the first reason an operator gave to stop the
    /// job that no later input can undo (a violated ASSERT). A relation read as a scalar that has two
    /// rows or none at this point of the stream is reported as a warning instead.
    fn failure(&self) -> Option<String> {
        self.df.definite_failure()
    }

    /// Fails when an operator's state cannot be encoded (only a hand-written `Serialize` impl can fail:
    /// postcard encodes derived records without error); the checkpoint is then not written.
    fn export_state(&mut self, state: &mut dyn StateSink) -> Result<(), JobError> {
        self.df
            .export_state_changes(&mut ToStateSink(state))
            .map_err(|e| JobError {
                what: "cannot checkpoint operator state".into(),
                reason: e.to_string(),
            })
    }

    fn restore_state(
        &mut self,
        operator: &str,
        key: &[u8],
        value: &[u8],
    ) -> Result<(), RestoreError> {
        self.df
            .restore_state(operator, key, value)
            .map_err(|e| RestoreError {
                operator: operator.to_owned(),
                reason: e.to_string(),
            })
    }

    fn set_retention_ms(&mut self, retention_ms: i64) -> Result<(), JobError> {
        self.df.set_retention_ms(retention_ms);
        Ok(())
    }

    fn finish_restore(&mut self) {
        self.df.finish_restore();
    }

    fn has_retention(&self) -> bool {
        self.df.retention_ms().is_some()
    }

    fn watermark(&self) -> Option<i64> {
        self.df.watermark()
    }

    fn restore_watermark(&mut self, millis: i64) {
        self.df.observe_event_time(millis);
    }

    fn follow_external_watermark(&mut self) {
        self.df.follow_external_watermark();
    }

    fn advance_watermark(&mut self, watermark_ms: i64) -> usize {
        self.df.advance_watermark(watermark_ms)
    }

    fn state_entries(&self) -> usize {
        self.df.state_entries()
    }
}

#[cfg(test)]
mod tests {
    use crate::data::Tuple;
    use crate::dataflow::Dataflow;
    use crate::format::PigStorage;
    use crate::kafka::{JobFactory, OutputChanges, StreamJob};

    use super::DataflowJobFactory;

    /// Counts a step's sink changes.
    #[derive(Default)]
    struct Counted(usize);

    impl OutputChanges for Counted {
        fn change(&mut self, _: usize, _: &[u8], _: &[u8], _: i64) {
            self.0 += 1;
        }
        fn exchange(&mut self, _: usize, _: u64, _: &[u8]) {}
    }

    /// `rows` paired with `total`, a relation read as a scalar.
    fn rows_with_a_scalar(df: &mut Dataflow) {
        let rows = df.source::<Tuple, _>("rows", PigStorage::new(b','));
        let total = df.source::<Tuple, _>("total", PigStorage::new(b','));
        rows.with_scalar("s", &total, "total (t.pig:3)")
            .map(|pair| pair.row.clone())
            .sink("out", PigStorage::new(b','));
    }

    /// The executor stops a task on [`StreamJob::failure`]. A second row of a scalar relation is not
    /// one in a stream (an update of the relation may pass through two rows): it is the dataflow's
    /// pending failure, which a batch run over the same input would fail on.
    #[test]
    fn a_scalar_with_two_rows_fails_only_over_the_whole_input() {
        let mut job = DataflowJobFactory::new(rows_with_a_scalar).create();
        job.push(1, b"10").unwrap();
        job.push(0, b"a").unwrap();
        let mut output = Counted::default();
        job.step(&mut output).unwrap();
        assert_eq!((output.0, job.failure()), (1, None));
        job.push(1, b"20").unwrap();
        job.step(&mut output).unwrap();
        assert_eq!(job.failure(), None);
        let pending = job.df.pending_failure().unwrap_or_default();
        assert!(
            pending
                .starts_with("Scalar has more than one row in the output. 1st : (10), 2nd : (20)")
                && pending.contains("total (t.pig:3)"),
            "{pending}"
        );
        assert_eq!(job.df.failure(), Some(pending));
    }

    fn order_without_limit(df: &mut Dataflow) {
        df.set(
            "pigc.batch_only",
            "report.pig:7: ORDER without LIMIT, which cannot be maintained incrementally in stream mode",
        );
    }

    /// The stream command stops before touching the broker (none listens on port 1) with an error that
    /// names the reasons; `cli::main` turns it into a non-zero exit code.
    #[test]
    fn a_batch_only_script_refuses_to_stream() {
        let args = ["bin", "stream", "--brokers", "127.0.0.1:1"];
        let err = crate::cli::run(order_without_limit, args).unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, crate::cli::CliError::Stream(_)), "{message}");
        assert!(
            message.contains("cannot run as a stream")
                && message.contains("report.pig:7: ORDER without LIMIT"),
            "{message}"
        );
    }
}
