//! A dataflow as a Kafka stream job (issue #7): implements the stream executor's byte-level
//! [`StreamJob`] contract over [`Dataflow`]'s sources, sinks and state hooks.

use std::time::Duration;

use crate::dataflow::Dataflow;
use crate::io::sink::SinkMode as RuntimeSinkMode;
use crate::kafka::{
    JobFactory, OutputChanges, RestoreError, SinkMode, SinkSpec, SourceSpec, StateSink, StreamJob,
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
        let mut df = Dataflow::new();
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

    fn create(&self) -> DataflowJob {
        let mut df = self.dataflow();
        df.set_track_state_changes(true);
        DataflowJob { df }
    }
}

/// One task's dataflow.
pub struct DataflowJob {
    df: Dataflow,
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

    fn step(&mut self, output: &mut dyn OutputChanges) {
        self.df.step();
        for (index, sink) in self.df.sinks_mut().iter_mut().enumerate() {
            sink.drain_changes(&mut |key: &[u8], value: &[u8], weight: i64| {
                output.change(index, key, value, weight);
            });
        }
    }

    fn export_state(&mut self, state: &mut dyn StateSink) {
        // Encoding derived serde records with postcard cannot fail; an error here comes from a
        // hand-written `Serialize` impl. The trait has no error channel, so it is reported and the
        // checkpoint lacks those entries.
        if let Err(e) = self.df.export_state_changes(&mut ToStateSink(state)) {
            eprintln!("error: checkpoint incomplete: {e}");
        }
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

    fn finish_restore(&mut self) {
        self.df.finish_restore();
    }

    fn state_entries(&self) -> usize {
        self.df.state_entries()
    }
}
